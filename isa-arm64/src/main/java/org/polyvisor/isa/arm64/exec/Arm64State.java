package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.decode.SysReg;

/**
 * The architectural state the interpreter works on: the register file indexed as {@link Reg} says, the PC and
 * PSTATE's fields. Plain fields, so the hot path reads them without calls.
 */
public final class Arm64State {
    /** PSTATE.M for EL1 using SP_EL1 ("EL1h"), as SPSR encodes it. */
    public static final int MODE_EL1H = 0b0101;
    /** DAIF all set, in SPSR bit positions 9:6. */
    public static final int DAIF_ALL = 0xF << 6;

    /** X0-X30 at 0-30, zero at {@link Reg#ZR}, SP at {@link Reg#SP}, write sink at {@link Reg#SINK}. */
    public final long[] x = new long[Reg.FILE_SIZE];
    public long pc;
    public boolean n, z, c, v;
    /** D, A, I, F mask bits in SPSR positions (bits 9:6). Reset: all masked. */
    public int daif = DAIF_ALL;
    /** PSTATE.M[3:0]: exception level in bits 3:2, SP selection in bit 0. Reset: EL1h, the highest level modelled. */
    public int mode = MODE_EL1H;

    /**
     * The stack pointer of the bank not in use: {@code x[SP]} always holds the current one (SP_EL0 when
     * PSTATE.SP = 0 or at EL0, SP_EL1 otherwise), and {@link #setMode} swaps banks.
     */
    public long spEl0, spEl1;
    /** The system registers without side effects, by {@link SysReg} dense index (VBAR_EL1, ESR_EL1, TCR_EL1...). */
    public final long[] sys = new long[SysReg.COUNT];
    /** True once the guest wrote VBAR_EL1: from then on exceptions are delivered into the guest (see trap). */
    public boolean vectorsInstalled;
    /** Called when {@link #setMode} changes the exception level (the vCPU flushes its soft TLB if the MMU is on). */
    public Runnable elChanged = () -> { };
    /** Set when something may have unmasked or raised an interrupt; the run loop then looks before the next fetch. */
    public boolean recheckInterrupts;

    /**
     * The SIMD&amp;FP register file V0-V31, 128 bits each: {@code vreg[2n]} holds bits 63:0 of Vn, {@code vreg[2n + 1]} bits
     * 127:64. Scalar writes (S, D, B, H) zero the rest of the register, as the Arm ARM requires.
     */
    public final long[] vreg = new long[64];
    /** FPCR (AHP, DN, FZ, RMode in bits 26:22) and FPSR (the cumulative flags IOC..IDC, QC, NZCV unused in A64). */
    public int fpcr, fpsr;

    /** SCTLR_EL1's reset value here: its RES1 bits (29, 28, 23, 22, 20, 11), MMU, caches and checks off. */
    public static final long SCTLR_RESET = 0x30D0_0800L;

    /**
     * CPACR_EL1's reset value here: FPEN = 0b11, so FP and AdvSIMD do not trap at EL0 or EL1. The architecture leaves
     * the reset value UNKNOWN; enabling it keeps PV guests that never write CPACR_EL1 able to run compiled C. A guest
     * that writes FPEN = 0b00/0b10 (trap at EL0 and EL1) or 0b01 (trap at EL0) gets EC 0x07 from then on.
     */
    public static final long CPACR_RESET = 3L << 20;

    public Arm64State() {
        sys[SysReg.SCTLR_EL1] = SCTLR_RESET;
        sys[SysReg.CPACR_EL1] = CPACR_RESET;
    }

    /** True when CPACR_EL1.FPEN traps FP/AdvSIMD at the current exception level. */
    public boolean fpTrapped() {
        int fpen = (int) (sys[SysReg.CPACR_EL1] >>> 20) & 3;
        return fpen != 3 && (fpen != 1 || el() == 0);
    }

    public int el() { return mode >>> 2; }

    /** True when the current SP is SP_EL0 (EL0, or EL1 with PSTATE.SP = 0). */
    public boolean usingSpEl0() { return (mode & 1) == 0; }

    /** Writes PSTATE.M, moving the stack pointer between banks when EL or SPSel changes which one is current. */
    public void setMode(int newMode) {
        boolean from0 = (mode & 1) == 0, to0 = (newMode & 1) == 0;
        if (from0 != to0) {
            if (from0) { spEl0 = x[Reg.SP]; x[Reg.SP] = spEl1; }
            else { spEl1 = x[Reg.SP]; x[Reg.SP] = spEl0; }
        }
        boolean elChange = (mode ^ newMode) >>> 2 != 0;
        mode = newMode;
        if (elChange) elChanged.run();
    }

    /** SP_EL0 whichever bank is current. */
    public long spEl0() { return usingSpEl0() ? x[Reg.SP] : spEl0; }

    /** SP_EL1 whichever bank is current. */
    public long spEl1() { return usingSpEl0() ? spEl1 : x[Reg.SP]; }

    /** PSTATE in SPSR_ELx layout (NZCV in 31:28, DAIF in 9:6, M in 3:0), which is how gdb shows {@code cpsr}. */
    public long pstate() {
        return (n ? 1L << 31 : 0) | (z ? 1L << 30 : 0) | (c ? 1L << 29 : 0) | (v ? 1L << 28 : 0) | daif | mode;
    }

    public void setPstate(long value) {
        n = (value & (1L << 31)) != 0;
        z = (value & (1L << 30)) != 0;
        c = (value & (1L << 29)) != 0;
        v = (value & (1L << 28)) != 0;
        daif = (int) value & DAIF_ALL;
        setMode(modelledMode((int) value));
    }

    /**
     * The nearest mode this model has for SPSR-style {@code M[3:0]}: EL0t (0b0000), EL1t (0b0100) or EL1h (0b0101).
     * EL2 and EL3 do not exist here, and EL0 always uses SP_EL0.
     */
    public static int modelledMode(int m) {
        int mode = m & 0b0101;
        return mode == 0b0001 ? 0 : mode;
    }

    /** NZCV as the 4-bit value CCMP's immediate uses. */
    public void setNzcv(int nzcv) {
        n = (nzcv & 8) != 0;
        z = (nzcv & 4) != 0;
        c = (nzcv & 2) != 0;
        v = (nzcv & 1) != 0;
    }

    /** NZCV as a 4-bit value, N in bit 3: what {@link #setNzcv} takes. */
    public int nzcv() { return (n ? 8 : 0) | (z ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0); }

    /** ConditionHolds() of the Arm ARM (J1, shared/functions/system). */
    public boolean holds(int cond) { return conditionHolds(cond, n, z, c, v); }

    /** ConditionHolds() for the given flags. */
    public static boolean conditionHolds(int cond, boolean n, boolean z, boolean c, boolean v) {
        boolean result = switch (cond >>> 1) {
            case 0 -> z;
            case 1 -> c;
            case 2 -> n;
            case 3 -> v;
            case 4 -> c && !z;
            case 5 -> n == v;
            case 6 -> n == v && !z;
            default -> true;
        };
        return (cond & 1) != 0 && cond != 0xF ? !result : result;
    }
}
