package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.ApproximationTables;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F6 frcpa.sf f1,p2=f2,f3 and F7 frsqrta.sf f1,p2=f3 (SDM rev 2.3 vol 3): an approximation of 1/f3 (1/sqrt(f3))
 * with p2 = 1 when the software division (square root) sequence is to refine it, or the final IEEE result of
 * f2/f3 (sqrt) for special operands with p2 = 0 (zero divide, infinities, NaNs, negative square roots). The
 * approximations come from {@link ApproximationTables}; operands whose exponents the sequences cannot cover ask
 * for software assistance (a Floating-point Fault with ISR.swa). A NaTVal operand gives NaTVal and p2 = 0. When the
 * qualifying predicate is 0, p2 is cleared (vol 3: "if qp is 0, p2 is cleared").
 */
public final class FpReciprocal extends FpInsn {
    private final boolean sqrt;
    private final int f1, f2, f3, p2, sf;

    public FpReciprocal(long bits, boolean sqrt) {
        super(bits);
        this.sqrt = sqrt;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        p2 = Fields.u(bits, 27, 6);
        sf = Fields.u(bits, 34, 2);
        if (sqrt) uses(f1, f3); else uses(f1, f2, f3);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        if ((!sqrt && natVal(c, f2)) || natVal(c, f3)) {
            writeNatVal(c, f1);
            c.setPred(p2, false);
            return Flow.NEXT;
        }
        FpArith u = c.fpu;
        u.controls(c.ar[CpuState.AR_FPSR], sf, FpArith.PC_EXTENDED);
        boolean refine = sqrt ? u.reciprocalSqrt(se(c, f3), sig(c, f3)) : u.reciprocal(se(c, f2), sig(c, f2), se(c, f3), sig(c, f3));
        int faults = u.flags & FpArith.FAULTS & u.enabled;
        if ((u.flags & FpArith.SOFTWARE_ASSIST) != 0) faults |= 8;
        if (faults != 0) return fault(c, faults);
        c.setFr(f1, u.se, u.sig);
        c.setPred(p2, refine);
        return flags(c, sf);
    }

    @Override
    public int predicatedOff(CpuState c) {
        c.setPred(p2, false);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return sqrt ? "frsqrta" + sf(sf) + " " + fr(f1) + ",p" + p2 + "=" + fr(f3)
                : "frcpa" + sf(sf) + " " + fr(f1) + ",p" + p2 + "=" + fr(f2) + "," + fr(f3);
    }
}
