package org.polyvisor.isa.ia64.mmu;

/**
 * The protection key registers (SDM rev 2.3 vol 2 part I, 4.1.3 "Protection Keys"): {@value #PKRS} registers
 * pkr[0..15], each v (bit 0, valid), wd (bit 1, write disable), rd (bit 2, read disable), xd (bit 3, execute
 * disable), bits 4-7 reserved, key (bits 8 up to 8 + {@value #KEY_BITS}, the implemented key width; the manual
 * allows 18 to 24 bits, this processor implements 24) and the rest reserved. With PSR.pk = 1 every translated
 * access looks the translation's key (itir.key at insert time) up in all registers at once (the search is fully
 * associative): no valid register with that key is a Key Miss fault, a register whose disable bit for the access
 * is set a Key Permission fault. Writing a key already held by another register leaves both (the manual does not
 * require the processor to purge the duplicate; the lowest-numbered match decides).
 */
public final class ProtectionKeys {
    public static final int PKRS = 16, KEY_BITS = 24;
    public static final long V = 1, WD = 1L << 1, RD = 1L << 2, XD = 1L << 3;
    /** The implemented fields: v, wd, rd, xd and the key; anything else is a reserved field. */
    public static final long IMPLEMENTED = 0xf | ((1L << KEY_BITS) - 1) << 8;
    /** {@link #check} results besides a register index: no valid register holds the key. */
    public static final int MISS = -1;

    public final long[] pkr = new long[PKRS];

    /** The key field of {@code itir} or of a pkr value (bits 8-31). */
    public static int key(long v) {
        return (int) (v >>> 8 & ((1L << KEY_BITS) - 1));
    }

    /** Index of the first valid register holding {@code key}, or {@link #MISS}. */
    public int find(int key) {
        for (int i = 0; i < PKRS; i++) {
            long p = pkr[i];
            if ((p & V) != 0 && key(p) == key) return i;
        }
        return MISS;
    }

    /** True when the register value {@code p} disables an access needing {@code disable} (WD, RD or XD). */
    public static boolean forbids(long p, long disable) {
        return (p & disable) != 0;
    }
}
