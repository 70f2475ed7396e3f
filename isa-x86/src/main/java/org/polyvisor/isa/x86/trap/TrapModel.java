package org.polyvisor.isa.x86.trap;

import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * Decides what an exception-raising instruction becomes while the guest has installed no IDT ("installed" means
 * IDTR.limit != 0 after LIDT, see {@code CpuState.idtInstalled}): every synchronous exception is then fatal
 * ({@link VcpuExit.Fault}); once an IDT is installed the interpreter delivers it architecturally instead and
 * these messages are not used. Either way the hypercall instructions become
 * {@link VcpuExit#HYPERCALL}: {@code int $0x82} from a PV kernel (ring 0-2, as Xen's 32-bit PV ABI) and
 * {@code vmcall} at CPL 0 (an HVM guest's {@code vmcall} above CPL 0 never gets here: the interpreter answers it
 * with -EPERM in eAX/rAX, as Xen does). The x86_64 backend overrides {@link #syscall}.
 */
public class TrapModel {
    /** Xen's 32-bit PV hypercall vector. */
    public static final int HYPERCALL_VECTOR = 0x82;

    protected final GuestType type;

    public TrapModel(GuestType type) { this.type = type; }

    /** PV or HVM: the guest kind these rules are for. */
    public GuestType guestType() { return type; }

    public VcpuExit undefined(String encodingHex, long pc) {
        return new VcpuExit.Fault("undefined instruction " + encodingHex, pc);
    }

    /** True when INT {@code vector} at {@code cpl} is the hypercall (no allocation: asked on every INT n). */
    public boolean isHypercallInterrupt(int vector, int cpl) {
        return vector == HYPERCALL_VECTOR && type == GuestType.PV && cpl < 3;
    }

    /** True when SYSCALL at {@code cpl} is the hypercall; IA-32 has no SYSCALL. */
    public boolean isHypercallSyscall(int cpl) { return false; }

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

    /** An exception raised by a system instruction (#GP, #NP, #SS, #TS, #UD) before the guest installed an IDT. */
    public VcpuExit exception(int vector, int errorCode, long pc) {
        return new VcpuExit.Fault(Vectors.name(vector) + " (error code 0x" + Integer.toHexString(errorCode)
                + ") with no handler (no IDT)", pc);
    }

    public VcpuExit privileged(String what, int cpl, long pc) {
        return new VcpuExit.Fault("general protection fault: " + what + " at CPL " + cpl, pc);
    }
}
