package org.polyvisor.isa.arm64.trap;

import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.spi.VcpuExit;

/**
 * Exception entry and return for EL1 (Arm ARM D1.10 "Exception entry", D1.11 "Exception return"), and the policy
 * for a guest that cannot take an exception yet.
 * <p><b>Installed.</b> A guest has installed its vectors once it has executed {@code MSR VBAR_EL1, Xt} (any value,
 * zero included) since the vCPU was created: {@link Arm64State#vectorsInstalled}. Until then every synchronous
 * exception the guest would take ends the domain with a {@link VcpuExit.Fault} naming it (so a PV guest that
 * installed nothing crashes with "undefined instruction ..."), and interrupts stay pending. Afterwards exceptions
 * are delivered architecturally: SPSR_EL1, ELR_EL1, ESR_EL1 (and FAR_EL1 for aborts and PC alignment) are written,
 * PSTATE becomes EL1h with DAIF all masked, and execution goes on at VBAR_EL1 plus the vector offset.
 * <p>Only HVC #0xEA1 from EL1 (Xen's ARM ABI) goes to the hypervisor as a hypercall.
 */
public final class ExceptionModel {
    /** Xen's hypercall tag in the HVC immediate (XEN_HYPERCALL_TAG). */
    public static final int XEN_HYPERCALL_TAG = 0xEA1;

    /** ESR_ELx.EC values (Arm ARM D17.2.37). */
    public static final int EC_UNKNOWN = 0x00, EC_FP_ACCESS = 0x07, EC_ILLEGAL_STATE = 0x0E, EC_SVC64 = 0x15, EC_HVC64 = 0x16,
            EC_IABT_LOWER = 0x20, EC_IABT_CURRENT = 0x21, EC_PC_ALIGN = 0x22, EC_DABT_LOWER = 0x24,
            EC_DABT_CURRENT = 0x25, EC_SP_ALIGN = 0x26, EC_BRK64 = 0x3C;
    /** ESR_ELx.IL: set for every exception taken from A64 code here (32-bit instructions, and the RES1 cases). */
    public static final long IL = 1L << 25;
    /**
     * ISS of an FP/AdvSIMD access trapped by CPACR_EL1.FPEN (EC 0x07) from AArch64: CV = 1 and COND = 0b1110, the
     * values QEMU reports (the fields describe AArch32 conditions; A64 instructions are unconditional).
     */
    public static final int ISS_FP_ACCESS = (1 << 24) | (0xE << 20);
    /** Data abort ISS.WnR: the abort was caused by a write. */
    public static final int ISS_WNR = 1 << 6;

    /** Vector table offsets (Arm ARM D1.10.2): the group of the origin, plus the exception type. */
    public static final int FROM_CURRENT_SP0 = 0x000, FROM_CURRENT_SPX = 0x200, FROM_LOWER_A64 = 0x400;
    public static final int SYNC = 0x000, IRQ = 0x080, FIQ = 0x100, SERROR = 0x180;

    /** VBAR_EL1 bits 10:0 are RES0: the table is 2 KiB aligned. */
    private static final long VBAR_MASK = ~0x7FFL;

    private ExceptionModel() { }

    /** The ESR_EL1 value for exception class {@code ec} and syndrome {@code iss}. */
    public static long esr(int ec, int iss) { return ((long) ec << 26) | IL | (iss & 0x1FF_FFFFL); }

    /** The vector address for an exception of {@code type} (SYNC, IRQ, FIQ, SERROR) taken now to EL1. */
    public static long vector(Arm64State s, int type) {
        int group = s.el() == 0 ? FROM_LOWER_A64 : s.usingSpEl0() ? FROM_CURRENT_SP0 : FROM_CURRENT_SPX;
        return (s.sys[SysReg.VBAR_EL1] & VBAR_MASK) + group + type;
    }

    /**
     * Takes a synchronous exception to EL1: {@code preferredReturn} goes to ELR_EL1, {@code esr} to ESR_EL1 and,
     * when {@code farValid}, {@code far} to FAR_EL1. The caller has checked {@link Arm64State#vectorsInstalled}.
     */
    public static void takeSync(Arm64State s, long esr, long preferredReturn, long far, boolean farValid) {
        long target = vector(s, SYNC);
        s.sys[SysReg.ESR_EL1] = esr;
        if (farValid) s.sys[SysReg.FAR_EL1] = far;
        enter(s, target, preferredReturn);
    }

    /** Takes an IRQ or FIQ ({@code type}) to EL1; ESR_EL1 and FAR_EL1 are unchanged. */
    public static void takeInterrupt(Arm64State s, int type) { enter(s, vector(s, type), s.pc); }

    private static void enter(Arm64State s, long target, long preferredReturn) {
        s.sys[SysReg.SPSR_EL1] = s.pstate();
        s.sys[SysReg.ELR_EL1] = preferredReturn;
        s.setMode(Arm64State.MODE_EL1H);
        s.daif = Arm64State.DAIF_ALL;
        s.pc = target;
        s.recheckInterrupts = true;
    }

    /**
     * ERET from EL1: PSTATE from SPSR_EL1, PC from ELR_EL1. An SPSR naming a mode this model lacks (EL2, EL3,
     * AArch32) is an illegal return; it keeps the current EL and SP selection, as the architecture does, but the
     * PSTATE.IL follow-up (an Illegal Execution State exception on the next instruction) is not modelled.
     */
    public static void eret(Arm64State s) {
        long spsr = s.sys[SysReg.SPSR_EL1];
        int m = (int) spsr & 0x1F;
        boolean legal = m == 0b00000 || m == 0b00100 || m == 0b00101;
        int keepMode = s.mode;
        s.setPstate(spsr);
        if (!legal) s.setMode(keepMode);
        s.pc = s.sys[SysReg.ELR_EL1];
        s.recheckInterrupts = true;
    }

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
