package org.polyvisor.isa.ppc.mmu;

/**
 * One set of block address translation registers (four IBAT or four DBAT pairs, OEA 7.4). Upper word: BEPI (bits
 * 0-14), BL (bits 19-29, the block length mask over EA bits 4-14), Vs (bit 30), Vp (bit 31). Lower word: BRPN
 * (bits 0-14), WIMG (bits 25-28, kept but without effect: no caches are modelled), PP (bits 30-31). BATs 4-7 of the
 * 7450 are not part of the 750 modelled here.
 */
public final class BatArray {
    public static final int COUNT = 4;
    /** Result of {@link #translate} when no BAT is valid for this EA and privilege. */
    public static final long NO_MATCH = -2;
    /** Result of {@link #translate} when a BAT matched but its PP bits forbid the access. */
    public static final long PROTECTED = -3;

    private final long[] upper = new long[COUNT], lower = new long[COUNT];

    public long upper(int n) { return upper[n]; }

    public long lower(int n) { return lower[n]; }

    public void setUpper(int n, long value) { upper[n] = value & 0xffff_ffffL; }

    public void setLower(int n, long value) { lower[n] = value & 0xffff_ffffL; }

    /**
     * The real address of {@code ea} through the first valid matching BAT (the OEA calls several matches a
     * programming error; the lowest-numbered one wins here), {@link #NO_MATCH} or {@link #PROTECTED}.
     */
    public long translate(long ea, boolean problemState, int kind) {
        for (int n = 0; n < COUNT; n++) {
            long u = upper[n];
            if ((u & (problemState ? 1 : 2)) == 0) continue;
            long blockMask = ((u >>> 2) & 0x7ff) << 17;              // EA bits 4-14 that fall inside the block
            long compare = 0xfffe_0000L & ~blockMask;
            if ((ea & compare) != (u & compare)) continue;
            long l = lower[n];
            if (!Protection.batAllows((int) l & 3, kind)) return PROTECTED;
            return (l & 0xfffe_0000L) | (ea & (blockMask | 0x1ffff));
        }
        return NO_MATCH;
    }
}
