package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.fp.FpFormats;

/**
 * F9 (SDM rev 2.3 vol 3), no status field: fmerge.s / .ns / .se f1=f2,f3 (sign, negated sign, or sign and
 * exponent of f2 with the rest of f3), the logical fand / fandcm / for / fxor on significands, and the 2 x 32-bit
 * forms fpack (f2 and f3 in single memory format, f2 in the upper half), fswap(.nl/.nr), fmix(.l/.r/.lr), fsxt(.l/.r); all but fmerge give an integer-form result (exponent
 * 0x1003E, sign 0). A NaTVal operand gives NaTVal. objdump's aliases: mov (fmerge.s with f2 = f3), fabs (fmerge.s
 * f2 = f0), fneg (fmerge.ns f2 = f3), fnegabs (fmerge.ns f2 = f0).
 */
public final class FpMerge extends FpInsn {
    public enum Op {
        FMERGE_S("fmerge.s"), FMERGE_NS("fmerge.ns"), FMERGE_SE("fmerge.se"), FAND("fand"), FANDCM("fandcm"), FOR("for"),
        FXOR("fxor"), FPACK("fpack"), FSWAP("fswap"), FSWAP_NL("fswap.nl"), FSWAP_NR("fswap.nr"), FMIX_LR("fmix.lr"),
        FMIX_R("fmix.r"), FMIX_L("fmix.l"), FSXT_R("fsxt.r"), FSXT_L("fsxt.l");

        final String mnemonic;

        Op(String mnemonic) { this.mnemonic = mnemonic; }
    }

    private final Op op;
    private final int f1, f2, f3;

    public FpMerge(long bits, Op op) {
        super(bits);
        this.op = op;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        f3 = Fields.u(bits, 20, 7);
        uses(f1, f2, f3);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2) return illegalTarget(c, f1);
        if (natVal(c, f2) || natVal(c, f3)) { writeNatVal(c, f1); return Flow.NEXT; }
        int s2 = se(c, f2), s3 = se(c, f3);
        long a = sig(c, f2), b = sig(c, f3);
        switch (op) {
            case FMERGE_S -> c.setFr(f1, s2 & FpArith.SIGN | s3 & FpArith.EXP_MASK, b);
            case FMERGE_NS -> c.setFr(f1, (s2 ^ FpArith.SIGN) & FpArith.SIGN | s3 & FpArith.EXP_MASK, b);
            case FMERGE_SE -> c.setFr(f1, s2, b);
            case FPACK -> c.setFr(f1, FpArith.EXP_INTEGER,
                    (long) FpFormats.toSingle(s2, a) << 32 | FpFormats.toSingle(s3, b) & 0xffff_ffffL);
            default -> c.setFr(f1, FpArith.EXP_INTEGER, integer(a, b));
        }
        return Flow.NEXT;
    }

    private long integer(long a, long b) {
        long aHi = a >>> 32, aLo = a & 0xffff_ffffL, bHi = b >>> 32, bLo = b & 0xffff_ffffL;
        return switch (op) {
            case FAND -> a & b;
            case FANDCM -> a & ~b;
            case FOR -> a | b;
            case FXOR -> a ^ b;
            case FSWAP -> aLo << 32 | bHi;
            case FSWAP_NL -> (aLo ^ 0x8000_0000L) << 32 | bHi;
            case FSWAP_NR -> aLo << 32 | (bHi ^ 0x8000_0000L);
            case FMIX_LR -> aHi << 32 | bLo;
            case FMIX_R -> aLo << 32 | bLo;
            case FMIX_L -> aHi << 32 | bHi;
            case FSXT_R -> ((aLo & 0x8000_0000L) != 0 ? 0xffff_ffff_0000_0000L : 0) | bLo;
            case FSXT_L -> ((aHi & 0x8000_0000L) != 0 ? 0xffff_ffff_0000_0000L : 0) | bHi;
            default -> 0;
        };
    }

    @Override
    public String text(long ip) {
        if (op == Op.FMERGE_S && f2 == f3) return "mov " + fr(f1) + "=" + fr(f3);
        if (op == Op.FMERGE_S && f2 == 0) return "fabs " + fr(f1) + "=" + fr(f3);
        if (op == Op.FMERGE_NS && f2 == f3) return "fneg " + fr(f1) + "=" + fr(f3);
        if (op == Op.FMERGE_NS && f2 == 0) return "fnegabs " + fr(f1) + "=" + fr(f3);
        return op.mnemonic + " " + fr(f1) + "=" + fr(f2) + "," + fr(f3);
    }
}
