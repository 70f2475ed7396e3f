package org.polyvisor.spi.exec;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

/**
 * A direct-mapped software TLB from guest-virtual pages to the host pages that back them, one way per
 * access kind (QEMU's softmmu TLB, reduced). A hit costs a shift, a mask and a compare.
 * <p>Pages that hold decoded code are never entered for {@link #WRITE} (see {@link DecodedPages}), so stores to
 * them take the slow path, where the ISA invalidates the decoded instructions they overwrite.
 */
public final class SoftTlb {
    public static final int READ = 0, WRITE = 1, FETCH = 2;
    private static final int BITS = 8, SIZE = 1 << BITS, MASK = SIZE - 1;
    private static final long INVALID = -1;

    private final long[] tags = new long[3 * SIZE];
    private final long[] frames = new long[3 * SIZE];
    private final MemorySegment[] pages = new MemorySegment[3 * SIZE];

    public SoftTlb() { flush(); }

    private static int slot(int kind, long va) { return (kind << BITS) | ((int) (va >>> 12) & MASK); }

    /** The host page for {@code va} and this kind of access, or null on a miss. */
    public MemorySegment lookup(int kind, long va) {
        int s = slot(kind, va);
        return tags[s] == (va >>> 12) ? pages[s] : null;
    }

    /** The guest frame of the entry that {@link #lookup} just hit for the same kind and address. */
    public long frame(int kind, long va) { return frames[slot(kind, va)]; }

    public void fill(int kind, long va, long gfn, MemorySegment page) {
        int s = slot(kind, va);
        tags[s] = va >>> 12;
        frames[s] = gfn;
        pages[s] = page;
    }

    /** Drops everything: on a change of address space (CR3, TTBR, SDR1...) or a full TLB invalidation. */
    public void flush() {
        Arrays.fill(tags, INVALID);
        Arrays.fill(pages, null);
    }

    /** Drops the entries of one virtual page, for every access kind (INVLPG, TLBI VA, tlbie). */
    public void flushPage(long va) {
        for (int kind = READ; kind <= FETCH; kind++) {
            int s = slot(kind, va);
            if (tags[s] == (va >>> 12)) { tags[s] = INVALID; pages[s] = null; }
        }
    }

    /** Drops the write entries that map guest frame {@code gfn}: it now holds decoded code. */
    public void dropWrites(long gfn) {
        for (int s = WRITE << BITS, end = s + SIZE; s < end; s++)
            if (tags[s] != INVALID && frames[s] == gfn) { tags[s] = INVALID; pages[s] = null; }
    }
}
