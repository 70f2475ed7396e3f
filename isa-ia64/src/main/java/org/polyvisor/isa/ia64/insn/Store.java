package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** M4 st1/2/4/8 [r3]=r2 and M5 [r3]=r2,imm9 (post-increment), normal and .rel (release: in order here anyway). */
public final class Store extends Insn {
    private final int size, r2, r3, hint;
    private final boolean increment, release;
    private final long imm9;

    public Store(long bits, int size, boolean increment) {
        this(bits, size, increment, false);
    }

    public Store(long bits, int size, boolean increment, boolean release) {
        super(bits);
        this.release = release;
        this.size = size;
        this.increment = increment;
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        hint = Fields.u(bits, 28, 2);
        imm9 = Fields.imm9Store(bits);
    }

    @Override
    public int execute(CpuState c) {
        long base = c.gr(r3);
        int flow = c.memory.store(base, size, c.gr(r2));
        if (flow == Flow.FAULT || flow == Flow.INTERRUPT) return flow;
        if (increment) c.setGr(r3, base + imm9);
        return flow;
    }

    @Override
    public String text(long ip) {
        String s = "st" + size + (release ? ".rel" : "") + (hint == 3 ? ".nta" : "") + " [" + gr(r3) + "]=" + gr(r2);
        return increment ? s + "," + imm9 : s;
    }
}
