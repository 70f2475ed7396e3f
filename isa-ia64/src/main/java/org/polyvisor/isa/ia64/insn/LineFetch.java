package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M13-M15 lfetch (SDM rev 2.3 vol 3 lfetch): a cache-line prefetch hint. There is no cache to fill, so it never
 * touches memory and never faults (not even the .fault form); the post-increment forms still add GR r2 (M14) or
 * imm9 (M15) to the base GR r3, the NaT bits ORed.
 */
public final class LineFetch extends Insn {
    private static final String[] HINTS = {"", ".nt1", ".nt2", ".nta"};
    private static final String[] TYPES = {"", ".excl", ".fault", ".fault.excl"};

    private final Load.Increment increment;
    private final int r2, r3, x6, hint;
    private final long imm9;

    public LineFetch(long bits, Load.Increment increment) {
        super(bits);
        this.increment = increment;
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        x6 = Fields.u(bits, 30, 6);
        hint = Fields.u(bits, 28, 2);
        imm9 = Fields.imm9Load(bits);
    }

    @Override
    public int execute(CpuState c) {
        switch (increment) {
            case REGISTER -> c.setGr(r3, c.gr(r3) + c.gr(r2), c.nat(r3) | c.nat(r2));
            case IMMEDIATE -> c.setGr(r3, c.gr(r3) + imm9, c.nat(r3));
            case NONE -> { }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String base = "lfetch" + TYPES[x6 & 3] + HINTS[hint] + " [" + gr(r3) + "]";
        return switch (increment) {
            case NONE -> base;
            case REGISTER -> base + "," + gr(r2);
            case IMMEDIATE -> base + "," + imm9;
        };
    }
}
