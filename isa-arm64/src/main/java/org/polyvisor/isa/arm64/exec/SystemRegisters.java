package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.platform.CpuAffinity;
import org.polyvisor.isa.arm64.platform.GicV3;

/**
 * MRS, MSR (register) and MSR (immediate) on the system registers of {@link SysReg}. The decoder has already
 * rejected unimplemented registers and writes to read-only ones; what is left to check here is the exception
 * level: an access EL0 may not make returns false, and the caller takes the Undefined Instruction exception.
 */
final class SystemRegisters {
    private static final long NZCV_BITS = 0xFL << 28;
    private static final int DAIF_SHIFT = 6;
    /** SCTLR_EL1.UMA: EL0 may access DAIF. */
    private static final long SCTLR_UMA = 1L << 9;
    /** CNTKCTL_EL1: EL0PCTEN, EL0VCTEN, EL0VTEN, EL0PTEN. */
    private static final long EL0PCTEN = 1, EL0VCTEN = 2, EL0VTEN = 1 << 8, EL0PTEN = 1 << 9;
    /** MIDR_EL1 of an Arm Cortex-A53 r0p4, the CPU QEMU's virt machine commonly models. */
    static final long MIDR = 0x410F_D034L;
    /**
     * ID_AA64PFR0_EL1: EL0 and EL1 in AArch64 only (EL0 = EL1 = 1), no EL2/EL3 visible to the guest, FP and AdvSIMD
     * implemented as ARMv8.0 has them (FP = AdvSIMD = 0): half precision for conversions and loads/stores only
     * (FCVT, FCVTL, FCVTN with FPCR.AHP), no FEAT_FP16 arithmetic (that would be 1; its encodings are Undefined).
     */
    static final long ID_AA64PFR0 = 0x0000_0000_0000_0011L;
    /** FPCR bits that exist here: AHP, DN, FZ and RMode (no FP16, no trapped exceptions: those bits are RES0/RAZ). */
    static final int FPCR_MASK = 0x07C0_0000;
    /** FPSR bits: N, Z, C, V, QC (AArch32 only, kept), IDC and the five cumulative flags IXC..IOC. */
    static final int FPSR_MASK = 0xF800_009F;
    /** ID_AA64MMFR0_EL1: 48-bit PA (PARange 5), 16-bit ASIDs, 4K, 16K (TGran16 = 1) and 64K granules. */
    static final long ID_AA64MMFR0 = 0x0000_0000_0010_0025L;
    /** ID_AA64ISAR0_EL1: Atomic = 2 (the LSE atomics, bits 23:20) and CRC32 = 1 (bits 19:16); nothing else yet. */
    static final long ID_AA64ISAR0 = 0x0000_0000_0021_0000L;
    /** DCZID_EL0.DZP: DC ZVA is not implemented, so software must not use it. */
    private static final long DCZID_PROHIBITED = 1 << 4;
    /** MPIDR_EL1 RES1 bit 31; the affinity fields come from the vCPU's index by {@link CpuAffinity}. */
    private static final long MPIDR_RES1 = 1L << 31;
    /** Registers whose writes change translation: the soft TLB is flushed. */
    private final Runnable translationChanged;

    private final Arm64State s;
    private final GenericTimer timer;
    private final long mpidr;

    /** The GICv3 CPU interface on a virt board with gic_version = "v3"; null otherwise (ICC_* are UNDEFINED). */
    private final GicV3.CpuInterface icc;

    SystemRegisters(Arm64State state, GenericTimer timer, int vcpuId, Runnable translationChanged) {
        this(state, timer, vcpuId, translationChanged, null, CpuAffinity.XEN);
    }

    SystemRegisters(Arm64State state, GenericTimer timer, int vcpuId, Runnable translationChanged,
            GicV3.CpuInterface icc, CpuAffinity affinity) {
        this.mpidr = MPIDR_RES1 | affinity.mpidr(vcpuId);
        this.icc = icc;
        this.s = state;
        this.timer = timer;
        this.translationChanged = translationChanged;
    }

    /** MRS; false when the access is UNDEFINED at the current level. */
    boolean mrs(Insn i) {
        int k = i.amount;
        if (!allowed(k, false)) return false;
        s.x[i.rd] = read(k);
        return true;
    }

    /** MSR (register); false when the access is UNDEFINED at the current level. */
    boolean msr(Insn i) {
        int k = i.amount;
        if (!allowed(k, true)) return false;
        write(k, s.x[i.rd]);
        return true;
    }

    /** MSR DAIFSet/DAIFClr/SPSel, #imm; false when UNDEFINED (DAIF without SCTLR_EL1.UMA and SPSel at EL0). */
    boolean msrImmediate(Insn i) {
        if (i.shift == SysReg.SPSEL_IMM) {
            if (s.el() == 0) return false;
            s.setMode((s.mode & ~1) | (i.aux & 1));
            return true;
        }
        if (s.el() == 0 && (s.sys[SysReg.SCTLR_EL1] & SCTLR_UMA) == 0) return false;
        int bits = i.aux << DAIF_SHIFT;
        s.daif = i.shift == SysReg.DAIF_SET ? s.daif | bits : s.daif & ~bits;
        s.recheckInterrupts = true;
        return true;
    }

    private boolean allowed(int k, boolean write) {
        // SP_EL0 is UNDEFINED through MRS/MSR while it is the current stack pointer (Arm ARM C5.2.19).
        if (k == SysReg.SP_EL0) return s.el() == 1 && !s.usingSpEl0();
        if (k >= SysReg.FIRST_ICC && k <= SysReg.LAST_ICC) return icc != null && s.el() != 0;
        if (s.el() != 0) return true;
        return switch (SysReg.el0Access(k)) {
            case SysReg.EL0_RW -> true;
            case SysReg.EL0_READ -> !write && (k != SysReg.CNTFRQ_EL0 || (s.sys[SysReg.CNTKCTL_EL1] & (EL0PCTEN | EL0VCTEN)) != 0);
            case SysReg.EL0_TIMER -> (s.sys[SysReg.CNTKCTL_EL1] & el0TimerBit(k)) != 0;
            default -> k == SysReg.DAIF && (s.sys[SysReg.SCTLR_EL1] & SCTLR_UMA) != 0;
        };
    }

    private static long el0TimerBit(int k) {
        return switch (k) {
            case SysReg.CNTPCT_EL0 -> EL0PCTEN;
            case SysReg.CNTVCT_EL0 -> EL0VCTEN;
            case SysReg.CNTV_CTL_EL0, SysReg.CNTV_CVAL_EL0, SysReg.CNTV_TVAL_EL0 -> EL0VTEN;
            default -> EL0PTEN;
        };
    }

    long read(int k) {
        return switch (k) {
            case SysReg.NZCV -> s.pstate() & NZCV_BITS;
            case SysReg.DAIF -> s.daif;
            case SysReg.CURRENT_EL -> (long) s.el() << 2;
            case SysReg.SPSEL -> s.mode & 1;
            case SysReg.SP_EL0 -> s.spEl0();
            case SysReg.CNTFRQ_EL0 -> GenericTimer.FREQUENCY;
            case SysReg.CNTVCT_EL0, SysReg.CNTPCT_EL0 -> timer.count();
            case SysReg.CNTV_CTL_EL0 -> timer.ctl(GenericTimer.VIRTUAL);
            case SysReg.CNTV_CVAL_EL0 -> timer.cval(GenericTimer.VIRTUAL);
            case SysReg.CNTV_TVAL_EL0 -> timer.tval(GenericTimer.VIRTUAL);
            case SysReg.CNTP_CTL_EL0 -> timer.ctl(GenericTimer.PHYSICAL);
            case SysReg.CNTP_CVAL_EL0 -> timer.cval(GenericTimer.PHYSICAL);
            case SysReg.CNTP_TVAL_EL0 -> timer.tval(GenericTimer.PHYSICAL);
            case SysReg.MIDR_EL1 -> MIDR;
            case SysReg.ICC_SRE_EL1 -> GicV3.CpuInterface.SRE;
            case SysReg.ICC_PMR_EL1 -> icc.pmr();
            case SysReg.ICC_IGRPEN1_EL1 -> icc.igrpen1();
            case SysReg.ICC_IAR1_EL1 -> icc.iar1();
            case SysReg.ICC_HPPIR1_EL1 -> icc.hppir1();
            case SysReg.ICC_RPR_EL1 -> icc.rpr();
            case SysReg.ICC_BPR1_EL1 -> icc.bpr1();
            case SysReg.ICC_CTLR_EL1 -> icc.ctlr();
            case SysReg.ICC_EOIR1_EL1, SysReg.ICC_DIR_EL1, SysReg.ICC_SGI1R_EL1 -> 0;   // write-only: read as zero
            case SysReg.DCZID_EL0 -> DCZID_PROHIBITED;
            case SysReg.ID_AA64PFR0_EL1 -> ID_AA64PFR0;
            case SysReg.ID_AA64MMFR0_EL1 -> ID_AA64MMFR0;
            case SysReg.ID_AA64ISAR0_EL1 -> ID_AA64ISAR0;
            case SysReg.MPIDR_EL1 -> mpidr;
            case SysReg.FPCR -> s.fpcr & 0xFFFF_FFFFL;
            case SysReg.FPSR -> s.fpsr & 0xFFFF_FFFFL;
            default -> s.sys[k];
        };
    }

    void write(int k, long value) {
        switch (k) {
            case SysReg.NZCV -> s.setNzcv((int) (value >>> 28) & 0xF);
            case SysReg.DAIF -> {
                s.daif = (int) value & Arm64State.DAIF_ALL;
                s.recheckInterrupts = true;
            }
            case SysReg.SPSEL -> s.setMode((s.mode & ~1) | ((int) value & 1));
            case SysReg.SP_EL0 -> s.spEl0 = value;   // allowed() guarantees SP_EL0 is the banked one
            case SysReg.VBAR_EL1 -> {
                s.sys[k] = value & ~0x7FFL;
                s.vectorsInstalled = true;
                s.recheckInterrupts = true;
            }
            case SysReg.ESR_EL1 -> s.sys[k] = value & 0xFFFF_FFFFL;
            case SysReg.SCTLR_EL1, SysReg.TCR_EL1, SysReg.TTBR0_EL1, SysReg.TTBR1_EL1, SysReg.MAIR_EL1 -> {
                s.sys[k] = value;
                translationChanged.run();
            }
            case SysReg.ICC_SRE_EL1 -> { }                                   // SRE, DFB, DIB fixed at one
            case SysReg.ICC_PMR_EL1 -> icc.setPmr(value);
            case SysReg.ICC_IGRPEN1_EL1 -> icc.setIgrpen1(value);
            case SysReg.ICC_EOIR1_EL1 -> icc.eoir1(value);
            case SysReg.ICC_DIR_EL1 -> icc.dir(value);
            case SysReg.ICC_SGI1R_EL1 -> icc.sgi1r(value);
            case SysReg.ICC_BPR1_EL1 -> icc.setBpr1(value);
            case SysReg.ICC_CTLR_EL1 -> icc.setCtlr(value);
            case SysReg.FPCR -> s.fpcr = (int) value & FPCR_MASK;
            case SysReg.FPSR -> s.fpsr = (int) value & FPSR_MASK;
            case SysReg.CNTV_CTL_EL0 -> timer.setCtl(GenericTimer.VIRTUAL, value);
            case SysReg.CNTV_CVAL_EL0 -> timer.setCval(GenericTimer.VIRTUAL, value);
            case SysReg.CNTV_TVAL_EL0 -> timer.setTval(GenericTimer.VIRTUAL, value);
            case SysReg.CNTP_CTL_EL0 -> timer.setCtl(GenericTimer.PHYSICAL, value);
            case SysReg.CNTP_CVAL_EL0 -> timer.setCval(GenericTimer.PHYSICAL, value);
            case SysReg.CNTP_TVAL_EL0 -> timer.setTval(GenericTimer.PHYSICAL, value);
            default -> s.sys[k] = value;
        }
        if (k >= SysReg.CNTV_CTL_EL0 && k <= SysReg.CNTP_TVAL_EL0 || k >= SysReg.FIRST_ICC) s.recheckInterrupts = true;
    }
}
