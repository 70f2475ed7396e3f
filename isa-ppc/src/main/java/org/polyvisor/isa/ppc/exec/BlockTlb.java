package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * The run loop's own data TLB: a copy of some of the vCPU's {@link SoftTlb} read and write entries, in arrays the
 * run loop reads in place (a tag compare and an array read, no call), so the cost of a guest load or store does not
 * depend on what the JIT chose to inline. It only ever holds entries the software TLB held (filled from it after a
 * miss), and is emptied whenever the software TLB is flushed ({@link #flush}) and its write side whenever a page
 * starts holding decoded code ({@link #flushWrites}), so a store into code still takes the slow path that drops
 * the decoded blocks. Direct-mapped by virtual page number, like the software TLB.
 */
final class BlockTlb {
    static final int BITS = 8, SIZE = 1 << BITS, MASK = SIZE - 1;
    private static final long INVALID = -1;

    /** Virtual page numbers of the read (and write) entries; {@code INVALID} when empty. */
    final long[] readTags = new long[SIZE], writeTags = new long[SIZE];
    /** The host pages of those entries. */
    final MemorySegment[] readPages = new MemorySegment[SIZE], writePages = new MemorySegment[SIZE];
    private final SoftTlb tlb;

    BlockTlb(SoftTlb tlb) {
        this.tlb = tlb;
        flush();
    }

    /** The host page of {@code ea} for a load from the software TLB, copied here; null when it misses too. */
    MemorySegment refillRead(long ea) {
        MemorySegment p = tlb.lookup(SoftTlb.READ, ea);
        if (p != null) {
            int s = (int) (ea >>> GuestMemory.PAGE_SHIFT) & MASK;
            readTags[s] = ea >>> GuestMemory.PAGE_SHIFT;
            readPages[s] = p;
        }
        return p;
    }

    /** The host page of {@code ea} for a store from the software TLB, copied here; null when it misses too. */
    MemorySegment refillWrite(long ea) {
        MemorySegment p = tlb.lookup(SoftTlb.WRITE, ea);
        if (p != null) {
            int s = (int) (ea >>> GuestMemory.PAGE_SHIFT) & MASK;
            writeTags[s] = ea >>> GuestMemory.PAGE_SHIFT;
            writePages[s] = p;
        }
        return p;
    }

    /** Drops everything: the software TLB was flushed (a change of translation). */
    void flush() {
        Arrays.fill(readTags, INVALID);
        Arrays.fill(readPages, null);
        flushWrites();
    }

    /** Drops the write entries: a page now holds decoded code, and the software TLB dropped its write entries. */
    void flushWrites() {
        Arrays.fill(writeTags, INVALID);
        Arrays.fill(writePages, null);
    }
}
