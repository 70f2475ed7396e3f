package org.polyvisor.isa.ia64.mmu;

/**
 * Region registers and the translation lookaside buffers (SDM rev 2.3 vol 2 part I, 4.1): rr0-rr7 (ve bit 0,
 * ps 2-7, rid 8-31), 8 instruction and 8 data translation registers (itr.i / itr.d) and a 64-entry translation
 * cache per side (itc.i / itc.d, replaced round robin). An entry is the insertion format of 4.1.1.? (p 0,
 * ma 2-4, a 5, d 6, pl 7-8, ar 9-11, ppn 12-49) with its page size and key from cr.itir (ps 2-7, key 8-31), its
 * region id from the region register of the virtual address, and the virtual page number from cr.ifa.
 */
public final class RegionTlb {
    public static final int TRS = 8, TCS = 64;
    /** Index of the data side in the per-side arrays. */
    public static final int I = 0, D = 1;

    public final long[] rr = new long[8];
    // Per side (I, D): TRs at [0, TRS), TCs at [TRS, TRS + TCS).
    private final boolean[][] valid = new boolean[2][TRS + TCS];
    private final long[][] vpn = new long[2][TRS + TCS];
    private final int[][] rid = new int[2][TRS + TCS];
    private final int[][] ps = new int[2][TRS + TCS];
    private final long[][] pte = new long[2][TRS + TCS];
    private final int[][] key = new int[2][TRS + TCS];
    private final int[] nextTc = new int[2];

    /** Region id of {@code va}: its region register's rid. */
    public int ridOf(long va) {
        return (int) (rr[(int) (va >>> 61)] >>> 8 & 0xffffff);
    }

    /** The entry index on {@code side} that maps {@code va}, or -1. TRs are searched first. */
    public int lookup(int side, long va) {
        int r = ridOf(va);
        long off = va & ((1L << 61) - 1);
        boolean[] v = valid[side];
        for (int i = 0; i < TRS + TCS; i++) {
            if (!v[i] || rid[side][i] != r) continue;
            if ((off & -(1L << ps[side][i])) == vpn[side][i]) return i;
        }
        return -1;
    }

    public long pte(int side, int i) { return pte[side][i]; }

    public int pageShift(int side, int i) { return ps[side][i]; }

    /** The protection key the entry was inserted with (itir.key, 4.1.3). */
    public int key(int side, int i) { return key[side][i]; }

    /** itc.i / itc.d: a translation cache insert (purging overlapping cache entries first). */
    public void insertCache(int side, long ifa, long itir, long entry) {
        int psz = (int) (itir >>> 2 & 0x3f);
        purge(side, ifa, psz, false);
        int slot = TRS + nextTc[side];
        nextTc[side] = (nextTc[side] + 1) % TCS;
        set(side, slot, ifa, psz, ProtectionKeys.key(itir), entry);
    }

    /** itr.i / itr.d: a translation register insert at {@code index} (0-7). */
    public void insertRegister(int side, int index, long ifa, long itir, long entry) {
        int psz = (int) (itir >>> 2 & 0x3f);
        purge(side, ifa, psz, false);
        set(side, index & (TRS - 1), ifa, psz, ProtectionKeys.key(itir), entry);
    }

    private void set(int side, int i, long ifa, int psz, int k, long entry) {
        valid[side][i] = true;
        rid[side][i] = ridOf(ifa);
        ps[side][i] = psz;
        vpn[side][i] = ifa & ((1L << 61) - 1) & -(1L << psz);
        pte[side][i] = entry;
        key[side][i] = k;
    }

    /**
     * Purges the entries of {@code side} (or both for side = -1) overlapping [va, va + 2^psz) in va's region:
     * cache entries always, translation registers only when {@code registers} (ptr.i / ptr.d).
     */
    public void purge(int side, long va, int psz, boolean registers) {
        int r = ridOf(va);
        long lo = va & ((1L << 61) - 1) & -(1L << Math.min(psz, 61)), hi = lo + (1L << Math.min(psz, 61));
        for (int s = 0; s < 2; s++) {
            if (side >= 0 && s != side) continue;
            for (int i = registers ? 0 : TRS; i < (registers ? TRS : TRS + TCS); i++) {
                if (!valid[s][i] || rid[s][i] != r) continue;
                long elo = vpn[s][i], ehi = elo + (1L << ps[s][i]);
                if (elo < hi && lo < ehi) valid[s][i] = false;
            }
        }
    }

    /** ptc.e: the whole translation cache (both sides). */
    public void purgeAllCache() {
        for (int s = 0; s < 2; s++) for (int i = TRS; i < TRS + TCS; i++) valid[s][i] = false;
    }
}
