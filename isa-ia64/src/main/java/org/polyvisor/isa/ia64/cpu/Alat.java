package org.polyvisor.isa.ia64.cpu;

import java.util.Arrays;

/**
 * The advanced load address table (SDM rev 2.3 vol 1 4.4.5 "Data Speculation", vol 2 part I 5.?): entries made
 * by ld.a (and ld.c.nc on a miss), tagged by the target register and the physical address and size loaded;
 * stores that overlap an entry, invala and invala.e remove entries, ld.c.clr / chk.a.clr remove the entry they hit.
 * An implementation may drop entries at any time (software then takes its recovery path): this one drops them
 * all whenever stacked registers move in the physical file (rotation, window moves), keyed as it is by array index.
 */
public final class Alat {
    public static final int ENTRIES = 32;

    private final boolean[] valid = new boolean[ENTRIES];
    private final int[] reg = new int[ENTRIES];
    private final long[] addr = new long[ENTRIES];
    private final int[] size = new int[ENTRIES];
    private int next;
    /** Valid entries; stores look at the table only while it is non-zero. */
    public int count;

    private int find(int r) {
        for (int i = 0; i < ENTRIES; i++) if (valid[i] && reg[i] == r) return i;
        return -1;
    }

    /** Allocates (or replaces) the entry of register index {@code r}. */
    public void allocate(int r, long gpa, int bytes) {
        int i = find(r);
        if (i < 0) {
            i = next;
            next = (next + 1) % ENTRIES;
            if (!valid[i]) count++;
        }
        valid[i] = true;
        reg[i] = r;
        addr[i] = gpa;
        size[i] = bytes;
    }

    /** True when register index {@code r} has a valid entry; {@code clear} removes it. */
    public boolean check(int r, boolean clear) {
        int i = find(r);
        if (i < 0) return false;
        if (clear) { valid[i] = false; count--; }
        return true;
    }

    public void invalidateRegister(int r) {
        int i = find(r);
        if (i >= 0) { valid[i] = false; count--; }
    }

    /** A store of {@code bytes} at {@code gpa}: every overlapping entry goes. */
    public void store(long gpa, int bytes) {
        for (int i = 0; i < ENTRIES; i++)
            if (valid[i] && addr[i] < gpa + bytes && gpa < addr[i] + size[i]) { valid[i] = false; count--; }
    }

    public void clear() {
        Arrays.fill(valid, false);
        count = 0;
    }
}
