package org.polyvisor.kernel.grant;

import org.polyvisor.spi.GuestMemory;

/**
 * One domain's grant table: {@code struct grant_entry_v1 { uint16_t flags; domid_t domid; uint32_t frame; }} in
 * the guest's byte order, 512 to a frame, in {@link #MAX_FRAMES} frames reserved at the top of its RAM.
 */
public final class GrantTable {
    /** Grant frames a domain may have (Xen's max_grant_frames is configurable; 4 serves 2048 grants). */
    public static final int MAX_FRAMES = 4;
    public static final int ENTRY_SIZE = 8, ENTRIES_PER_FRAME = GuestMemory.PAGE_SIZE / ENTRY_SIZE;
    public static final int GTF_PERMIT_ACCESS = 1, GTF_TYPE_MASK = 3, GTF_READONLY = 1 << 2, GTF_READING = 1 << 3,
            GTF_WRITING = 1 << 4;

    private final int domainId;
    private final GuestMemory memory;
    private final long base;
    private int frames;

    /** @param base guest-physical address of the first of the {@link #MAX_FRAMES} reserved frames */
    public GrantTable(int domainId, GuestMemory memory, long base) {
        this.domainId = domainId;
        this.memory = memory;
        this.base = base;
    }

    public int domainId() { return domainId; }

    public GuestMemory memory() { return memory; }

    /** GNTTABOP_setup_table: makes {@code n} frames live; returns their guest frame numbers. */
    public synchronized long[] setup(int n) {
        frames = Math.max(frames, n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = (base >>> GuestMemory.PAGE_SHIFT) + i;
        return out;
    }

    public synchronized int frames() { return frames; }

    public synchronized boolean valid(long ref) { return ref >= 0 && ref < (long) frames * ENTRIES_PER_FRAME; }

    private long entry(long ref) { return base + ref * ENTRY_SIZE; }

    public int flags(long ref) { return (int) memory.read(entry(ref), 2); }

    public int grantee(long ref) { return (int) memory.read(entry(ref) + 2, 2); }

    public long frame(long ref) { return memory.read(entry(ref) + 4, 4); }

    /** Sets or clears flag bits atomically (the guest changes the same 16 bits with its own atomics). */
    public void updateFlags(long ref, int set, int clear) {
        long at = entry(ref);
        boolean little = memory.byteOrder() == java.nio.ByteOrder.LITTLE_ENDIAN;
        while (true) {
            long word = memory.read(at, 4);
            int flags = (int) (little ? word & 0xFFFF : word >>> 16);
            int nf = (flags | set) & ~clear;
            long nw = little ? (word & 0xFFFF_0000L) | nf : (word & 0xFFFFL) | ((long) nf << 16);
            if (memory.compareAndExchange(at, 4, word, nw) == word) return;
        }
    }
}
