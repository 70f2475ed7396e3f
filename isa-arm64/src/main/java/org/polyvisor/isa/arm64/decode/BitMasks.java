package org.polyvisor.isa.arm64.decode;

/** The Arm ARM's DecodeBitMasks() for logical immediates (shared pseudocode, J1). */
public final class BitMasks {
    private BitMasks() { }

    /** Marks an (N, immr, imms) triple that encodes no logical immediate. */
    public static final long INVALID = 0;

    /**
     * The wmask of a logical immediate, replicated to 64 or 32 bits (zero above), or {@link #INVALID}: a valid
     * logical immediate is never all zeros (nor all ones), so 0 is free to mean "reserved encoding".
     */
    public static long decode(int n, int immr, int imms, boolean sf) {
        int combined = (n << 6) | (~imms & 0x3F);
        if (combined == 0) return INVALID;
        int len = 31 - Integer.numberOfLeadingZeros(combined);
        if (len < 1 || (!sf && len > 5)) return INVALID;
        int levels = (1 << len) - 1;
        if ((imms & levels) == levels) return INVALID;
        int s = imms & levels, r = immr & levels, esize = 1 << len;
        long welem = s + 1 == 64 ? -1L : (1L << (s + 1)) - 1;
        long emask = esize == 64 ? -1L : (1L << esize) - 1;
        long elem = r == 0 ? welem : ((welem >>> r) | (welem << (esize - r))) & emask;
        long result = 0;
        for (int i = 0; i < 64; i += esize) result |= elem << i;
        return sf ? result : result & 0xFFFF_FFFFL;
    }
}
