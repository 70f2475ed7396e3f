package org.polyvisor.isa.ppc.mmu;

import org.polyvisor.spi.GuestMemory;

/**
 * The hashed page table of the 32-bit OEA (7.6): SDR1 gives its origin (HTABORG, bits 0-15) and size mask
 * (HTABMASK, bits 23-31). A virtual page (VSID, page index) hashes to a primary PTE group and, with the hash
 * complemented, to a secondary one; each PTEG holds eight 8-byte PTEs that are searched in order.
 * <p>PTE word 0: V (bit 0), VSID (bits 1-24), H (bit 25, set in PTEs of a secondary group), API (bits 26-31, EA bits
 * 4-9). Word 1: RPN (bits 0-19), R (bit 23), C (bit 24), WIMG (bits 25-28), PP (bits 30-31). A successful access
 * sets R, and C when it stores; a refused one changes neither (the OEA allows either for R).
 */
public final class HashedPageTable {
    public static final long PTE_V = 0x8000_0000L, PTE_H = 0x40, PTE_R = 0x100, PTE_C = 0x80;
    /** Result of {@link #search} when neither PTEG holds a valid PTE for the page. */
    public static final long MISS = -1;

    private final GuestMemory memory;
    private long sdr1;

    public HashedPageTable(GuestMemory memory) { this.memory = memory; }

    public long sdr1() { return sdr1; }

    public void setSdr1(long value) { sdr1 = value & 0xffff_01ffL; }

    /** The real address of the PTEG that {@code hash} (19 bits) selects under the current SDR1. */
    public long ptegAddress(int hash) {
        long origin = sdr1 & 0xffff_0000L;
        long mask = sdr1 & 0x1ff;
        long high = ((origin >>> 16) & 0x1ff) | (((hash >>> 10) & 0x1ff) & mask);
        return (origin & 0xfe00_0000L) | high << 16 | (long) (hash & 0x3ff) << 6;
    }

    /** The primary hash: the low 19 bits of the VSID XOR the 16-bit page index (EA bits 4-19). */
    public static int primaryHash(int vsid, long ea) { return ((vsid & 0x7ffff) ^ (int) ((ea >>> 12) & 0xffff)) & 0x7ffff; }

    /**
     * The real address of PTE word 0 that maps (VSID, EA) from the primary then the secondary PTEG, or {@link #MISS}.
     * A PTE outside guest RAM is treated as invalid.
     */
    public long search(int vsid, long ea) {
        int hash = primaryHash(vsid, ea);
        long wanted = PTE_V | (long) (vsid & SegmentRegisters.VSID_MASK) << 7 | ((ea >>> 22) & 0x3f);
        long found = searchGroup(ptegAddress(hash), wanted);
        if (found != MISS) return found;
        return searchGroup(ptegAddress(~hash & 0x7ffff), wanted | PTE_H);
    }

    private long searchGroup(long pteg, long wanted) {
        if (!memory.isRam(pteg, 64)) return MISS;
        for (int k = 0; k < 8; k++) {
            long pte = pteg + 8L * k;
            if (memory.read(pte, 4) == wanted) return pte;
        }
        return MISS;
    }

    /** Word 1 of the PTE at {@code pte}. */
    public long word1(long pte) { return memory.read(pte + 4, 4); }

    /**
     * Sets R, and C for a store, in the PTE at {@code pte} if they are not set yet, atomically against other vCPUs
     * updating the same PTE: if word 1 changed since it was read, the bits are ORed into what is there now.
     */
    public void markReferenced(long pte, long word1, boolean store) {
        long bits = PTE_R | (store ? PTE_C : 0);
        if ((word1 | bits) == word1) return;
        long seen = memory.compareAndExchange(pte + 4, 4, word1, word1 | bits);
        if (seen != word1) memory.compareAndExchange(pte + 4, 4, seen, seen | bits);
    }
}
