package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F4 fcmp.frel.fctype.sf p1,p2=f2,f3 (SDM rev 2.3 vol 3 fcmp): relations eq, lt, le, unord (ra:rb), types normal
 * and unc (ta). p1 = the relation, p2 = its complement; a NaTVal operand clears both; .unc clears both when the
 * qualifying predicate is 0. lt and le signal invalid for any NaN, eq and unord for signalling NaNs only; an
 * enabled invalid or denormal exception is a Floating-point Fault with the predicates unchanged. The assembler's
 * gt, ge, neq, nlt, nle, ngt, nge and ord are these with operands or targets swapped.
 */
public final class FpCompare extends FpInsn {
    public enum Relation { EQ, LT, LE, UNORD }

    private final Relation rel;
    private final int p1, p2, f2, f3, sf;
    private final boolean unc;

    public FpCompare(long bits, Relation rel) {
        super(bits);
        this.rel = rel;
        p1 = Fields.u(bits, 6, 6);
        p2 = Fields.u(bits, 27, 6);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        sf = Fields.u(bits, 34, 2);
        unc = Fields.u(bits, 12, 1) != 0;
        uses(f2, f3);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (natVal(c, f2) || natVal(c, f3)) { c.setPred(p1, false); c.setPred(p2, false); return Flow.NEXT; }
        FpArith u = c.fpu;
        u.controls(c.ar[CpuState.AR_FPSR], sf, FpArith.PC_EXTENDED);
        int order = u.compare(se(c, f2), sig(c, f2), se(c, f3), sig(c, f3), rel == Relation.LT || rel == Relation.LE);
        int faults = u.flags & FpArith.FAULTS & u.enabled;
        if (faults != 0) return fault(c, faults);
        boolean r = switch (rel) {
            case EQ -> order == 0;
            case LT -> order == -1;
            case LE -> order == -1 || order == 0;
            case UNORD -> order == FpArith.UNORDERED;
        };
        c.setPred(p1, r);
        c.setPred(p2, !r);
        return flags(c, sf);
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
        return "fcmp." + rel.name().toLowerCase() + (unc ? ".unc" : "") + sf(sf) + " p" + p1 + ",p" + p2 + "=" + fr(f2) + "," + fr(f3);
    }
}
