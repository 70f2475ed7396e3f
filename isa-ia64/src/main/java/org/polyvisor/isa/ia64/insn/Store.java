package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M4 st1/2/4/8 [r3]=r2 and M5 [r3]=r2,imm9 (post-increment), normal and .rel (release: in order here anyway), and
 * st8.spill, which stores a NaT register's value and puts its NaT bit in ar.unat at address bits 8:3. Any other
 * store of a NaT register, and any NaT address, is a Register NaT Consumption fault (SDM rev 2.3 vol 3 st).
 */
public final class Store extends Insn {
    private final int size, r2, r3, hint;
    private final boolean increment, release, spill;
    private final long imm9;

    public Store(long bits, int size, boolean increment) {
        this(bits, size, increment, false);
    }

    public Store(long bits, int size, boolean increment, boolean release) {
        this(bits, size, increment, release, false);
    }

    /** st8.spill [r3]=r2 (M4) and [r3]=r2,imm9 (M5). */
    public static Store spill(long bits, boolean increment) {
        return new Store(bits, 8, increment, false, true);
    }

    private Store(long bits, int size, boolean increment, boolean release, boolean spill) {
        super(bits);
        this.spill = spill;
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
        if (c.nat(r3) || (!spill && c.nat(r2)))
            return c.natConsumption(CpuState.ISR_W, "st" + size + (spill ? ".spill" : "") + " [r" + r3 + "]=r" + r2);
        int flow = c.memory.store(base, size, c.gr(r2));
        if (flow == Flow.FAULT || flow == Flow.INTERRUPT) return flow;
        if (spill) {
            long bit = 1L << ((base >>> 3) & 0x3f);
            c.ar[Load.AR_UNAT] = c.nat(r2) ? c.ar[Load.AR_UNAT] | bit : c.ar[Load.AR_UNAT] & ~bit;
        }
        if (increment) c.setGr(r3, base + imm9);
        return flow;
    }

    @Override
    public String text(long ip) {
        String s = "st" + size + (release ? ".rel" : spill ? ".spill" : "") + (hint == 3 ? ".nta" : "") + " [" + gr(r3) + "]=" + gr(r2);
        return increment ? s + "," + imm9 : s;
    }
}
