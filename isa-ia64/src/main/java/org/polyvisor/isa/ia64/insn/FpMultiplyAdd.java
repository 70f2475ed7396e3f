package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F1 fma / fms / fnma.pc.sf f1=f3,f4,f2 (SDM rev 2.3 vol 3): f3 * f4 + f2, f3 * f4 - f2, -(f3 * f4) + f2, formed
 * exactly and rounded once in the model of status field sf with precision completer pc (none, .s, .d). With f2 =
 * f0 the addition is skipped. A NaTVal operand gives NaTVal. objdump's aliases: fnorm (fma with f4 = f1, f2 = f0),
 * fadd (fma f4 = f1), fmpy (fma f2 = f0), fsub (fms f4 = f1), fnmpy (fnma f2 = f0); fcvt.xuf is fnorm.
 */
public final class FpMultiplyAdd extends FpInsn {
    public enum Op { FMA, FMS, FNMA }

    private final Op op;
    private final int f1, f2, f3, f4, sf, pc;

    public FpMultiplyAdd(long bits, Op op, int pc) {
        super(bits);
        this.op = op;
        this.pc = pc;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        f4 = Fields.u(bits, 27, 7);
        sf = Fields.u(bits, 34, 2);
        uses(f1, f2, f3, f4);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        int i2 = c.frIndex(f2), i3 = c.frIndex(f3), i4 = c.frIndex(f4);
        int[] se = c.frSe;
        long[] sig = c.frSig;
        if (FpArith.isNatVal(se[i2], sig[i2]) || FpArith.isNatVal(se[i3], sig[i3]) || FpArith.isNatVal(se[i4], sig[i4])) { writeNatVal(c, f1); return Flow.NEXT; }
        FpArith u = c.fpu;
        u.controls(c.ar[CpuState.AR_FPSR], sf, pc);
        u.fma(se[i3], sig[i3], se[i4], sig[i4], se[i2], sig[i2], f2 != 0, op == Op.FNMA, op == Op.FMS);
        return complete(c, f1, sf);
    }

    @Override
    public String text(long ip) {
        String p = pc == FpArith.PC_SINGLE ? ".s" : pc == FpArith.PC_DOUBLE ? ".d" : "";
        String s = sf(sf);
        return switch (op) {
            case FMA -> f4 == 1 ? (f2 == 0 ? "fnorm" + p + s + " " + fr(f1) + "=" + fr(f3) : "fadd" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f2))
                    : f2 == 0 ? "fmpy" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4)
                    : "fma" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4) + "," + fr(f2);
            case FMS -> f4 == 1 ? "fsub" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f2)
                    : "fms" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4) + "," + fr(f2);
            case FNMA -> f2 == 0 ? "fnmpy" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4)
                    : "fnma" + p + s + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4) + "," + fr(f2);
        };
    }
}
