package org.polyvisor.isa.arm64.trap;

import org.polyvisor.spi.VcpuExit;

/**
 * Decides what a synchronous exception becomes. The guest cannot install exception vectors yet (VBAR_EL1 comes
 * with the trap model proper), so every exception the guest would take itself ends the domain with a
 * {@link VcpuExit.Fault}; only the hypercall, HVC #0xEA1 from EL1 (Xen's ARM ABI), goes to the hypervisor.
 */
public final class ExceptionModel {
    /** Xen's hypercall tag in the HVC immediate (XEN_HYPERCALL_TAG). */
    public static final int XEN_HYPERCALL_TAG = 0xEA1;

    private ExceptionModel() { }

    /** HVC #imm at exception level {@code el}: a hypercall exit, or null when it is an exception for the guest. */
    public static VcpuExit hvc(int imm, int el) {
        return el >= 1 && imm == XEN_HYPERCALL_TAG ? VcpuExit.HYPERCALL : null;
    }

    /** Reason for an instruction the decoder does not know or that is UNDEFINED at this level. */
    public static VcpuExit.Fault undefined(int raw, long pc) {
        return new VcpuExit.Fault(String.format("undefined instruction 0x%08x", raw), pc);
    }

    /** Reason for an exception-generating instruction (SVC, HVC other than the hypercall, BRK) with no vectors. */
    public static VcpuExit.Fault unhandled(String mnemonic, int imm, long pc) {
        return new VcpuExit.Fault(String.format("%s #0x%x with no exception vectors installed", mnemonic, imm), pc);
    }
}
