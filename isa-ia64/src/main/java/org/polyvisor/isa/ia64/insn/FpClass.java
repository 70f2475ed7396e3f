package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F5 fclass.m(.unc) p1,p2=f2,fclass9 (SDM rev 2.3 vol 3 fclass, table "Floating-point Class Relationships"): p1 is
 * set when f2 is in a class fclass9 names (0x100 NaTVal, 0x080 quiet NaN, 0x040 signalling NaN, or one of the signs
 * 0x001 + / 0x002 - together with one of 0x004 zero, 0x008 unnormalized, 0x010 normalized, 0x020 infinity); p2
 * is its complement. Pseudo-zeros classify as unnormalized. No exceptions. The assembler's fclass.nm swaps p1 and p2.
 */
public final class FpClass extends FpInsn {
    private final int p1, p2, f2, fclass9;
    private final boolean unc;

    public FpClass(long bits) {
        super(bits);
        p1 = Fields.u(bits, 6, 6);
        p2 = Fields.u(bits, 27, 6);
        f2 = Fields.u(bits, 13, 7);
        fclass9 = Fields.u(bits, 20, 7) << 2 | Fields.u(bits, 33, 2); // fclass7c[20..26] : fc2[33..34]
        unc = Fields.u(bits, 12, 1) != 0;
        uses(f2);
    }

    /** Whether the value is in a class of {@code fclass9}. */
    public static boolean member(int se, long sig, int fclass9) {
        int cls = FpArith.classOf(se, sig);
        return switch (cls) {
            case FpArith.NATVAL -> (fclass9 & 0x100) != 0;
            case FpArith.QNAN -> (fclass9 & 0x080) != 0;
            case FpArith.SNAN -> (fclass9 & 0x040) != 0;
            case FpArith.UNSUPPORTED -> false;
            default -> {
                boolean sign = (se & FpArith.SIGN) != 0 ? (fclass9 & 2) != 0 : (fclass9 & 1) != 0;
                int kind;
                if (cls == FpArith.INF) kind = 0x020;
                else if (sig == 0) kind = (se & FpArith.EXP_MASK) == 0 ? 0x004 : 0x008; // pseudo-zeros are unnormalized
                else kind = sig < 0 && (se & FpArith.EXP_MASK) != 0 ? 0x010 : 0x008;
                yield sign && (fclass9 & kind) != 0;
            }
        };
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        boolean r = member(se(c, f2), sig(c, f2), fclass9);
        c.setPred(p1, r);
        c.setPred(p2, !r);
        return Flow.NEXT;
    }

    @Override
    public int predicatedOff(CpuState c) {
        if (!unc) return Flow.NEXT;
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        c.setPred(p1, false);
        c.setPred(p2, false);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "fclass.m" + (unc ? ".unc" : "") + " p" + p1 + ",p" + p2 + "=" + fr(f2) + ",0x" + Integer.toHexString(fclass9);
    }
}
