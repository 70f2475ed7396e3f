package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;

/**
 * F2 xma.l / xma.h / xma.hu f1=f3,f4,f2 (SDM rev 2.3 vol 3 xma): the significands as 64-bit integers, the 128-bit
 * product f3 * f4 plus f2 (signed for .h, unsigned for .hu and .l, whose low half is the same either way); .l
 * keeps bits 63-0, .h / .hu bits 127-64. The result is an integer in register format (exponent 0x1003E, sign 0);
 * no status field is involved. F3 fselect f1=f3,f4,f2 takes f3's significand bits where f2 has ones and f4's
 * elsewhere, into the same integer form. objdump's alias: xmpy for xma with f2 = f0.
 */
public final class FpIntegerMultiplyAdd extends FpInsn {
    public enum Op { XMA_L, XMA_H, XMA_HU, FSELECT }

    private final Op op;
    private final int f1, f2, f3, f4;

    public FpIntegerMultiplyAdd(long bits, Op op) {
        super(bits);
        this.op = op;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        f4 = Fields.u(bits, 27, 7);
        uses(f1, f2, f3, f4);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        if (natVal(c, f2) || natVal(c, f3) || natVal(c, f4)) { writeNatVal(c, f1); return Flow.NEXT; }
        long a = sig(c, f3), b = sig(c, f4), d = sig(c, f2);
        long r = switch (op) {
            case XMA_L -> a * b + d;
            case XMA_HU -> {
                long lo = a * b, hi = Math.unsignedMultiplyHigh(a, b);
                long sum = lo + d;
                yield hi + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            }
            case XMA_H -> {
                long lo = a * b, hi = Math.multiplyHigh(a, b);
                long sum = lo + d;
                // the addend sign-extended to 128 bits
                yield hi + (d < 0 ? -1 : 0) + (Long.compareUnsigned(sum, lo) < 0 ? 1 : 0);
            }
            case FSELECT -> (a & d) | (b & ~d);
        };
        c.setFr(f1, FpArith.EXP_INTEGER, r);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        if (op == Op.FSELECT) return "fselect " + fr(f1) + "=" + fr(f3) + "," + fr(f4) + "," + fr(f2);
        String sfx = op == Op.XMA_L ? ".l" : op == Op.XMA_H ? ".h" : ".hu";
        return f2 == 0 ? "xmpy" + sfx + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4)
                : "xma" + sfx + " " + fr(f1) + "=" + fr(f3) + "," + fr(f4) + "," + fr(f2);
    }
}
