package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.fp.FpFormats;

/**
 * M18 setf.sig / .exp / .s / .d f1=r2 and M19 getf.sig / .exp / .s / .d r1=f2 (SDM rev 2.3 vol 3): moves between
 * the general and floating-point registers. setf.sig makes an integer-form value (exponent 0x1003E), setf.exp
 * takes sign and exponent from bits 17-0 with significand 1.0, setf.s / .d convert like ldfs / ldfd; a NaT source
 * gives NaTVal. getf.exp gives bits 17-0 (sign, exponent), getf.s / .d the memory form; NaTVal gives a NaT result.
 */
public final class FpTransfer extends FpInsn {
    public enum Kind { SIG, EXP, S, D }

    private final Kind kind;
    private final boolean toFr;
    private final int r1, r2, f1, f2;

    public FpTransfer(long bits, Kind kind, boolean toFr) {
        super(bits);
        this.kind = kind;
        this.toFr = toFr;
        r1 = Fields.r1(bits);
        f1 = Fields.u(bits, 6, 7);
        r2 = Fields.r2(bits);
        f2 = Fields.u(bits, 13, 7);
        if (toFr) uses(f1); else uses(f2);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (toFr) {
            if (f1 < 2) return illegalTarget(c, f1);
            if (c.nat(r2)) { writeNatVal(c, f1); return Flow.NEXT; }
            long v = c.gr(r2);
            switch (kind) {
                case SIG -> c.setFr(f1, FpArith.EXP_INTEGER, v);
                case EXP -> c.setFr(f1, (int) (v & 0x3ffff), FpArith.INTEGER_BIT);
                case S -> c.setFr(f1, FpFormats.singleSe((int) v), FpFormats.singleSig((int) v));
                case D -> c.setFr(f1, FpFormats.doubleSe(v), FpFormats.doubleSig(v));
            }
            return Flow.NEXT;
        }
        if (natVal(c, f2)) { c.setGr(r1, 0, true); return Flow.NEXT; }
        int se = se(c, f2);
        long sig = sig(c, f2);
        c.setGr(r1, switch (kind) {
            case SIG -> sig;
            case EXP -> se & 0x3ffff;
            case S -> FpFormats.toSingle(se, sig) & 0xffff_ffffL;
            case D -> FpFormats.toDouble(se, sig);
        });
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String k = kind.name().toLowerCase();
        return toFr ? "setf." + k + " " + fr(f1) + "=" + gr(r2) : "getf." + k + " " + gr(r1) + "=" + fr(f2);
    }
}
