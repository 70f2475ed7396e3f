package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F10 fcvt.fx / fcvt.fxu (.trunc).sf f1=f2: to a signed / unsigned 64-bit integer in the significand (exponent
 * 0x1003E), rounded by sfN.rc or toward zero (.trunc); NaNs, infinities and out-of-range values are invalid and give
 * the integer indefinite 0x8000000000000000. F11 fcvt.xf f1=f2: the significand as a signed integer to a
 * floating-point value, exact (SDM rev 2.3 vol 3 fcvt.fx, fcvt.xf). A NaTVal operand gives NaTVal.
 */
public final class FpConvert extends FpInsn {
    public enum Op { FX, FXU, FX_TRUNC, FXU_TRUNC, XF }

    private final Op op;
    private final int f1, f2, sf;

    public FpConvert(long bits, Op op) {
        super(bits);
        this.op = op;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        sf = Fields.u(bits, 34, 2);
        uses(f1, f2);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        if (natVal(c, f2)) { writeNatVal(c, f1); return Flow.NEXT; }
        FpArith u = c.fpu;
        if (op == Op.XF) {
            u.fromSignedInteger(sig(c, f2));
            c.setFr(f1, u.se, u.sig);
            return Flow.NEXT;
        }
        u.controls(c.ar[CpuState.AR_FPSR], sf, FpArith.PC_EXTENDED);
        u.toInteger(se(c, f2), sig(c, f2), op == Op.FXU || op == Op.FXU_TRUNC, op == Op.FX_TRUNC || op == Op.FXU_TRUNC);
        return complete(c, f1, sf);
    }

    @Override
    public String text(long ip) {
        return switch (op) {
            case FX -> "fcvt.fx" + sf(sf) + " " + fr(f1) + "=" + fr(f2);
            case FXU -> "fcvt.fxu" + sf(sf) + " " + fr(f1) + "=" + fr(f2);
            case FX_TRUNC -> "fcvt.fx.trunc" + sf(sf) + " " + fr(f1) + "=" + fr(f2);
            case FXU_TRUNC -> "fcvt.fxu.trunc" + sf(sf) + " " + fr(f1) + "=" + fr(f2);
            case XF -> "fcvt.xf " + fr(f1) + "=" + fr(f2);
        };
    }
}
