package org.polyvisor.isa.arm64.disasm;

import org.polyvisor.isa.arm64.decode.Insn;

/** objdump's text for exclusives, ordered accesses and LSE atomics: "stlxr w2, x0, [x1]", "ldaddalb w0, w1, [x2]". */
final class AtomicSyntax {
    private AtomicSyntax() { }

    private static final String[] SUFFIX = {"b", "h", "", ""};

    /** A register field by its raw number: 31 is the zero register here, never SP. */
    private static String r(int n, boolean x) { return n == 31 ? (x ? "xzr" : "wzr") : (x ? "x" : "w") + n; }

    private static String base(int raw) {
        int rn = (raw >>> 5) & 31;
        return "[" + (rn == 31 ? "sp" : "x" + rn) + "]";
    }

    static String text(Insn i) {
        int raw = i.raw, rt = raw & 31, rt2 = (raw >>> 10) & 31, rs = (raw >>> 16) & 31;
        boolean o0 = (raw & (1 << 15)) != 0;
        String sfx = SUFFIX[i.size];
        boolean x = i.sf;
        return switch (i.op) {
            case LDXR -> "ld" + (o0 ? "a" : "") + "xr" + sfx + "\t" + r(rt, x) + ", " + base(raw);
            case STXR -> "st" + (o0 ? "l" : "") + "xr" + sfx + "\t" + r(rs, false) + ", " + r(rt, x) + ", " + base(raw);
            case LDXP -> "ld" + (o0 ? "a" : "") + "xp\t" + r(rt, x) + ", " + r(rt2, x) + ", " + base(raw);
            case STXP -> "st" + (o0 ? "l" : "") + "xp\t" + r(rs, false) + ", " + r(rt, x) + ", " + r(rt2, x) + ", " + base(raw);
            case LDAR -> (o0 ? "ldar" : "ldlar") + sfx + "\t" + r(rt, x) + ", " + base(raw);
            case STLR -> (o0 ? "stlr" : "stllr") + sfx + "\t" + r(rt, x) + ", " + base(raw);
            case CAS -> "cas" + order(i) + sfx + "\t" + r(rs, x) + ", " + r(rt, x) + ", " + base(raw);
            case CASP -> "casp" + order(i) + "\t" + r(rs, x) + ", " + r(rs + 1, x) + ", " + r(rt, x) + ", "
                    + r(rt + 1, x) + ", " + base(raw);
            default -> atomic(i, raw, rs, rt, sfx, x);
        };
    }

    /** "a", "l", "al" or "" from Insn.shift (bit 0 acquire, bit 1 release). */
    private static String order(Insn i) {
        return ((i.shift & 1) != 0 ? "a" : "") + ((i.shift & 2) != 0 ? "l" : "");
    }

    /** LD&lt;op&gt; and SWP; with Rt = zero and no acquire, LD&lt;op&gt; prints as its ST&lt;op&gt; alias. */
    private static String atomic(Insn i, int raw, int rs, int rt, String sfx, boolean x) {
        String op = switch (i.op) {
            case LDADD -> "add";
            case LDCLR -> "clr";
            case LDEOR -> "eor";
            case LDSET -> "set";
            case LDSMAX -> "smax";
            case LDSMIN -> "smin";
            case LDUMAX -> "umax";
            case LDUMIN -> "umin";
            default -> null;
        };
        if (op == null) return "swp" + order(i) + sfx + "\t" + r(rs, x) + ", " + r(rt, x) + ", " + base(raw);
        if (rt == 31 && (i.shift & 1) == 0)
            return "st" + op + ((i.shift & 2) != 0 ? "l" : "") + sfx + "\t" + r(rs, x) + ", " + base(raw);
        return "ld" + op + order(i) + sfx + "\t" + r(rs, x) + ", " + r(rt, x) + ", " + base(raw);
    }
}
