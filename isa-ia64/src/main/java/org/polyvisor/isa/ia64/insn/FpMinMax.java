package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F8 fmin / fmax / famin / famax.sf f1=f2,f3 (SDM rev 2.3 vol 3): f1 = f2 when f2 &lt; f3 (fmin), f2 &gt; f3 (fmax),
 * |f2| &lt; |f3| (famin), |f2| &gt; |f3| (famax), else f3, so an unordered pair (a NaN) gives f3; the comparison
 * signals invalid for any NaN and denormal for unnormal operands. NaTVal in gives NaTVal out.
 */
public final class FpMinMax extends FpInsn {
    public enum Op { FMIN, FMAX, FAMIN, FAMAX }

    private final Op op;
    private final int f1, f2, f3, sf;

    public FpMinMax(long bits, Op op) {
        super(bits);
        this.op = op;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        sf = Fields.u(bits, 34, 2);
        uses(f1, f2, f3);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        if (natVal(c, f2) || natVal(c, f3)) { writeNatVal(c, f1); return Flow.NEXT; }
        FpArith u = c.fpu;
        u.controls(c.ar[CpuState.AR_FPSR], sf, FpArith.PC_EXTENDED);
        int s2 = se(c, f2), s3 = se(c, f3);
        long m2 = sig(c, f2), m3 = sig(c, f3);
        int order = u.compare(s2, m2, s3, m3, true);
        int faults = u.flags & FpArith.FAULTS & u.enabled;
        if (faults != 0) return fault(c, faults);
        boolean second;
        if (order == FpArith.UNORDERED) second = false;
        else second = switch (op) {
            case FMIN -> order < 0;
            case FMAX -> order > 0;
            case FAMIN -> u.compareMagnitudes() < 0;
            case FAMAX -> u.compareMagnitudes() > 0;
        };
        if (second) c.setFr(f1, s2, m2); else c.setFr(f1, s3, m3);
        return flags(c, sf);
    }

    @Override
    public String text(long ip) {
        return op.name().toLowerCase() + sf(sf) + " " + fr(f1) + "=" + fr(f2) + "," + fr(f3);
    }
}
