package org.polyvisor.isa.x86.trap;

import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * Decides what an exception-raising instruction becomes. The skeleton's guest has installed no IDT, so every
 * synchronous exception is fatal ({@link VcpuExit.Fault}); the hypercall instructions become
 * {@link VcpuExit#HYPERCALL}: {@code int $0x82} from a PV kernel (ring 0-2, as Xen's 32-bit PV ABI) and
 * {@code vmcall} at CPL 0. The x86_64 backend overrides {@link #syscall}.
 */
public class TrapModel {
    /** Xen's 32-bit PV hypercall vector. */
    public static final int HYPERCALL_VECTOR = 0x82;

    protected final GuestType type;

    public TrapModel(GuestType type) { this.type = type; }

    public VcpuExit undefined(String encodingHex, long pc) {
        return new VcpuExit.Fault("undefined instruction " + encodingHex, pc);
    }

    public VcpuExit softwareInterrupt(int vector, int cpl, long pc) {
        if (vector == HYPERCALL_VECTOR && type == GuestType.PV && cpl < 3) return VcpuExit.HYPERCALL;
        return new VcpuExit.Fault("software interrupt 0x" + Integer.toHexString(vector) + " with no handler (no IDT)", pc);
    }

    public VcpuExit breakpoint(long pc) {
        return new VcpuExit.Fault("breakpoint exception (int3) with no handler (no IDT)", pc);
    }

    public VcpuExit vmcall(int cpl, long pc) {
        if (cpl == 0) return VcpuExit.HYPERCALL;
        return new VcpuExit.Fault("general protection fault: vmcall at CPL " + cpl, pc);
    }

    /** SYSCALL exists only in long mode; the IA-32 decoder never produces it. */
    public VcpuExit syscall(int cpl, long pc) {
        return new VcpuExit.Fault("syscall with no handler (no LSTAR)", pc);
    }

    /** #DE: division by zero or a quotient too large for its register. */
    public VcpuExit divideError(long pc) {
        return new VcpuExit.Fault("divide error (#DE) with no handler (no IDT)", pc);
    }

    public VcpuExit privileged(String what, int cpl, long pc) {
        return new VcpuExit.Fault("general protection fault: " + what + " at CPL " + cpl, pc);
    }
}
