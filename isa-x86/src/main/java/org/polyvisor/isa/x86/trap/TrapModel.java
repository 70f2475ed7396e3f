package org.polyvisor.isa.x86.trap;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.Cpuid;
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

    /** The length of Xen's forced-emulation prefix and its CPUID: {@code ud2; .ascii "xen"; cpuid}. */
    public static final int FORCED_CPUID_BYTES = 7;
    /** The four bytes after {@code ud2} ("xen", then 0x0F of CPUID) read little-endian, and CPUID's second byte. */
    private static final long XEN_AND_0F = 0x0F6E_6578L, CPUID_SECOND = 0xA2;

    /**
     * Xen's forced-emulation prefix in a PV guest (xen/arch/x86/pv/emul-inv-op.c): {@code ud2} at {@code pc}
     * followed by {@code .ascii "xen"} and {@code cpuid} is not #UD but the CPUID of Xen's PV view
     * ({@link org.polyvisor.isa.x86.pv.PvCpuid}), after which the guest goes on past the seven bytes. True when it was
     * that (the registers are set; the caller retires the instruction), false for a plain ud2 (or an HVM guest, or
     * bytes that cannot be read).
     */
    public boolean forcedEmulation(CpuState s, Bus bus, Cpuid cpuid, long pc) {
        if (type != GuestType.PV) return false;
        long linear = s.longMode ? pc : (pc + s.segBase[CpuState.CS]) & 0xFFFF_FFFFL;
        long tag = bus.read(linear + 2, 4), second = bus.read(linear + 6, 1);
        if (bus.abort != null) { bus.abort = null; return false; }
        if (tag != XEN_AND_0F || second != CPUID_SECOND) return false;
        org.polyvisor.isa.x86.pv.PvCpuid.execute(s, cpuid);
        return true;
    }

    public VcpuExit privileged(String what, int cpl, long pc) {
        return new VcpuExit.Fault("general protection fault: " + what + " at CPL " + cpl, pc);
    }
}
