package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import java.util.Locale;

/**
 * A6 (register) and A8 (imm8) cmp / cmp4 with relations eq, lt, ltu and the normal and unc types: p1 gets the
 * result, p2 its complement. The unc type clears both when its qualifying predicate is false. The other
 * relations (ne, gt, ge, ...) are assembler pseudo-ops that swap operands or predicates, so objdump never shows them.
 */
public final class Compare extends Insn {
    public enum Relation { EQ, LT, LTU }

    private final Relation rel;
    private final boolean word4, unc, immediate;
    private final int p1, p2, r2, r3;
    private final long imm8;

    public Compare(long bits, Relation rel, boolean word4, boolean immediate) {
        super(bits);
        this.rel = rel;
        this.word4 = word4;
        this.immediate = immediate;
        this.unc = Fields.u(bits, 12, 1) != 0;
        this.p1 = Fields.p1(bits);
        this.p2 = Fields.p2(bits);
        this.r2 = Fields.r2(bits);
        this.r3 = Fields.r3(bits);
        this.imm8 = Fields.imm8(bits);
    }

    @Override
    public int execute(CpuState c) {
        if ((!immediate && c.nat(r2)) || c.nat(r3)) {
            // A NaT source clears both targets in the normal and unc types (SDM rev 2.3 vol 3 cmp, table 2-? ctype).
            c.setPred(p1, false);
            c.setPred(p2, false);
            return Flow.NEXT;
        }
        long a = immediate ? imm8 : c.gr(r2), b = c.gr(r3);
        if (word4) { a = (int) a; b = (int) b; }
        boolean r = switch (rel) {
            case EQ -> a == b;
            case LT -> a < b;
            case LTU -> word4 ? Integer.compareUnsigned((int) a, (int) b) < 0 : Long.compareUnsigned(a, b) < 0;
        };
        c.setPred(p1, r);
        c.setPred(p2, !r);
        return Flow.NEXT;
    }

    @Override
    public int predicatedOff(CpuState c) {
        if (unc) { c.setPred(p1, false); c.setPred(p2, false); }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return (word4 ? "cmp4." : "cmp.") + rel.name().toLowerCase(Locale.ROOT) + (unc ? ".unc" : "")
                + " p" + p1 + ",p" + p2 + "=" + (immediate ? Long.toString(imm8) : gr(r2)) + "," + gr(r3);
    }
}
