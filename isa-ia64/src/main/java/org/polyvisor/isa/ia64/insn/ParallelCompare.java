package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import java.util.Locale;

/**
 * A6/A8 (ta = 1) and A7 (tb = 1, against r0) parallel compares: the and, or and or.andcm types write p1 and p2
 * only for one outcome, so several compares can target the same predicates in one instruction group.
 */
public final class ParallelCompare extends Insn {
    public enum Relation { EQ, NE, LT, LE, GT, GE }

    public enum Type {
        AND(".and"), OR(".or"), OR_ANDCM(".or.andcm");

        public final String suffix;

        Type(String suffix) { this.suffix = suffix; }
    }

    private final Relation rel;
    private final Type type;
    private final boolean word4, immediate, againstZero;
    private final int p1, p2, r2, r3;
    private final long imm8;

    /** @param againstZero the A7 form: compares r0 with r3 */
    public ParallelCompare(long bits, Relation rel, Type type, boolean word4, boolean immediate, boolean againstZero) {
        super(bits);
        this.rel = rel;
        this.type = type;
        this.word4 = word4;
        this.immediate = immediate;
        this.againstZero = againstZero;
        p1 = Fields.p1(bits);
        p2 = Fields.p2(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        imm8 = Fields.imm8(bits);
    }

    @Override
    public int execute(CpuState c) {
        long a = immediate ? imm8 : againstZero ? 0 : c.gr(r2), b = c.gr(r3);
        if (word4) { a = (int) a; b = (int) b; }
        boolean natSource = (!immediate && !againstZero && c.nat(r2)) || c.nat(r3);
        boolean r = switch (rel) {
            case EQ -> a == b;
            case NE -> a != b;
            case LT -> a < b;
            case LE -> a <= b;
            case GT -> a > b;
            case GE -> a >= b;
        };
        // A NaT source: the and type clears both targets, or and or.andcm leave them (SDM rev 2.3 vol 3 cmp).
        if (natSource) r = false;
        switch (type) {
            case AND -> { if (!r) { c.setPred(p1, false); c.setPred(p2, false); } }
            case OR -> { if (r) { c.setPred(p1, true); c.setPred(p2, true); } }
            case OR_ANDCM -> { if (r) { c.setPred(p1, true); c.setPred(p2, false); } }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String a = immediate ? Long.toString(imm8) : againstZero ? "r0" : gr(r2);
        return (word4 ? "cmp4." : "cmp.") + rel.name().toLowerCase(Locale.ROOT) + type.suffix
                + " p" + p1 + ",p" + p2 + "=" + a + "," + gr(r3);
    }
}
