package org.polyvisor.isa.ppc.mmu;

/**
 * Page protection of the 32-bit OEA (table 7-6 of the Programming Environments Manual): the PP bits of a PTE
 * against the key the segment register gives the current privilege (Ks in supervisor state, Kp in problem state),
 * and the PP bits of a BAT (which have no key).
 */
public final class Protection {
    private Protection() { }

    /** Whether a page with {@code pp} may be accessed for {@code kind} ({@link Mmu#READ}, WRITE, FETCH) under {@code key}. */
    public static boolean pageAllows(int key, int pp, int kind) {
        boolean write = kind == Mmu.WRITE;
        if (key == 0) return pp != 3 || !write;                  // 00, 01, 10: read/write; 11: read-only
        return switch (pp) {
            case 0 -> false;                                        // no access
            case 2 -> true;                                         // read/write
            default -> !write;                                      // 01, 11: read-only
        };
    }

    /** Whether a BAT with {@code pp} allows {@code kind}: 00 no access, 01 and 11 read-only, 10 read/write. */
    public static boolean batAllows(int pp, int kind) {
        return switch (pp) {
            case 0 -> false;
            case 2 -> true;
            default -> kind != Mmu.WRITE;
        };
    }
}
