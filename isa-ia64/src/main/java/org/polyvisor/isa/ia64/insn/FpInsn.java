package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.fp.FpStatus;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * What every instruction touching the floating-point registers shares (SDM rev 2.3 vol 3 "fp_check_target_register",
 * "fp_update_fpsr", "fp_update_psr"): the Disabled FP-Register fault when PSR.dfl / dfh covers a register it names
 * (vol 2 part I 5.8, vector 0x5500, ISR.code bit 0 = dfl, bit 1 = dfh), the Illegal Operation fault for f0 or f1 as
 * a target, and the completion of an arithmetic result: a Floating-point Fault (0x5C00, nothing written, ISR.code
 * bits v 0, d 1, z 2, swa 3) for an enabled v / d / z, otherwise the write of f1 with sfN.flags updated, then a
 * Floating-point Trap (0x5D00, ISR.code bits o 11, u 12, i 13, fpa 14) for an enabled o / u / i.
 */
abstract class FpInsn extends Insn {
    /** PSR.dfl / dfh bits that disable one of the registers this instruction names. */
    private long disableMask;

    FpInsn(long bits) {
        super(bits);
    }

    /** Records the FRs the instruction reads or writes (decode time). */
    final void uses(int... frs) {
        for (int f : frs) if (f >= 2) disableMask |= f < 32 ? CpuState.PSR_DFL : CpuState.PSR_DFH;
    }

    /** The Disabled FP-Register fault, or NEXT. */
    final int checkEnabled(CpuState c) {
        long hit = c.psr & disableMask;
        if (hit == 0) return Flow.NEXT;
        long code = ((hit & CpuState.PSR_DFL) != 0 ? 1 : 0) | ((hit & CpuState.PSR_DFH) != 0 ? 2 : 0);
        return c.raise(Vector.DISABLED_FP_REGISTER, code, "disabled FP register (psr.dfl/dfh): " + text(c.ip));
    }

    static int illegalTarget(CpuState c, int f) {
        return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION, "illegal operation: f" + f + " as a target");
    }

    static int se(CpuState c, int f) { return c.frSe[c.frIndex(f)]; }

    static long sig(CpuState c, int f) { return c.frSig[c.frIndex(f)]; }

    static boolean natVal(CpuState c, int f) {
        int i = c.frIndex(f);
        return FpArith.isNatVal(c.frSe[i], c.frSig[i]);
    }

    static void writeNatVal(CpuState c, int f) { c.setFr(f, FpArith.EXP_NATVAL, 0); }

    /** Ends an arithmetic instruction whose result and flags are in c.fpu (see the class comment). */
    static int complete(CpuState c, int f1, int sf) {
        FpArith u = c.fpu;
        int faults = u.flags & FpArith.FAULTS & u.enabled;
        if ((u.flags & FpArith.SOFTWARE_ASSIST) != 0) faults |= 8;
        if (faults != 0) return fault(c, faults);
        c.setFr(f1, u.se, u.sig);
        return flags(c, sf);
    }

    static int fault(CpuState c, int isrCode) {
        return c.raise(Vector.FLOATING_POINT_FAULT, isrCode, "floating-point fault, ISR.code 0x" + Integer.toHexString(isrCode));
    }

    /** Merges c.fpu.flags into sfN.flags and raises the Floating-point Trap for enabled o / u / i. */
    static int flags(CpuState c, int sf) {
        FpArith u = c.fpu;
        c.ar[CpuState.AR_FPSR] = FpStatus.raise(c.ar[CpuState.AR_FPSR], sf, u.flags);
        int traps = u.flags & FpArith.TRAPS & u.enabled;
        if (traps == 0) return Flow.NEXT;
        long code = (long) ((u.flags & FpArith.TRAPS) >>> 3) << 11 | (u.fpa ? 1L << 14 : 0);
        c.raise(Vector.FLOATING_POINT_TRAP, code, "floating-point trap, ISR.code 0x" + Long.toHexString(code));
        return Flow.TRAP;
    }

    static String fr(int n) { return "f" + n; }

    static String sf(int sf) { return ".s" + sf; }
}
