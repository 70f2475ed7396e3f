package org.polyvisor.isa.ppc.trap;

/**
 * The DSISR of an alignment interrupt (0x600) for an X-form access (OEA 6.4.6, table 6-11): bits 15-16 are
 * instruction bits 29-30, bit 17 is instruction bit 25, bits 18-21 are instruction bits 21-24, bits 22-26 are RT/RS
 * and bits 27-31 are RA. On the 750 lwarx and stwcx. to an address that is not word aligned take it.
 */
public final class Alignment {
    private Alignment() { }

    public static long dsisr(int word) {
        return (long) ((word >>> 1) & 3) << 15 | (long) ((word >>> 6) & 1) << 14 | (long) ((word >>> 7) & 0xf) << 10
                | (long) ((word >>> 21) & 31) << 5 | (word >>> 16) & 31;
    }
}
