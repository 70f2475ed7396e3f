package org.polyvisor.spi.exec;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.polyvisor.spi.GuestMemory;

/**
 * A block runner's own copy of some of the vCPU's {@link SoftTlb} read and write entries, in arrays the runner reads
 * in place (a tag compare and an array load): a guest load or store then costs the same whatever the JIT decided to
 * inline, where {@link SoftTlb#lookup} was left as a call at sites its profile thought cold ("low call site
 * frequency"), differently from one compile to the next. It only holds entries the soft TLB held (copied after a
 * miss here), and it is emptied whenever the soft TLB is flushed ({@link #flush}) and its write side whenever a page
 * starts holding decoded code, when the soft TLB drops its write entries ({@link #flushWrites}): a store into code
 * still takes the ISA's slow path, which drops the decoded blocks. The arm64 and ppc block runners use it. Direct-mapped by virtual page number.
 */
public final class RunnerTlb {
    public static final int BITS = 8, SIZE = 1 << BITS, MASK = SIZE - 1;
    private static final long INVALID = -1;

    /** Virtual page numbers of the read and write entries; {@code INVALID} when empty. */
    public final long[] readTags = new long[SIZE], writeTags = new long[SIZE];
    /** The host pages of those entries. */
    public final MemorySegment[] readPages = new MemorySegment[SIZE], writePages = new MemorySegment[SIZE];
    private final SoftTlb tlb;

    public RunnerTlb(SoftTlb tlb) {
        this.tlb = tlb;
        flush();
    }

    /** The host page of {@code va} for {@code kind} (READ or WRITE) from the soft TLB, copied here; null when it misses. */
    public MemorySegment refill(int kind, long va) {
        MemorySegment p = tlb.lookup(kind, va);
        if (p != null) {
            int s = (int) (va >>> GuestMemory.PAGE_SHIFT) & MASK;
            if (kind == SoftTlb.WRITE) {
                writeTags[s] = va >>> GuestMemory.PAGE_SHIFT;
                writePages[s] = p;
            } else {
                readTags[s] = va >>> GuestMemory.PAGE_SHIFT;
                readPages[s] = p;
            }
        }
        return p;
    }

    /** Drops everything: the soft TLB was flushed (a change of translation or of privilege, a restore). */
    public void flush() {
        Arrays.fill(readTags, INVALID);
        Arrays.fill(readPages, null);
        flushWrites();
    }

    /** Drops the write entries: a page now holds decoded code, and the soft TLB dropped its write entries for it. */
    public void flushWrites() {
        Arrays.fill(writeTags, INVALID);
        Arrays.fill(writePages, null);
    }
}
