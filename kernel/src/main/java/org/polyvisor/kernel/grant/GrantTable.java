package org.polyvisor.kernel.grant;

import java.nio.ByteOrder;
import org.polyvisor.spi.GuestMemory;

/**
 * One domain's grant table, in the {@link #MAX_FRAMES} frames reserved at the top of its RAM, in the guest's byte
 * order (grant_table.h):
 * <ul>
 * <li>version 1: {@code struct grant_entry_v1 { uint16_t flags; domid_t domid; uint32_t frame; }}, 512 to a frame,
 *     in up to 4 frames; GTF_reading/GTF_writing live in {@code flags};</li>
 * <li>version 2: {@code union grant_entry_v2} of 16 bytes, 256 to a frame: the header {@code { uint16_t flags;
 *     domid_t domid; }}, then {@code full_page { uint32_t pad0; uint64_t frame; }} or {@code sub_page { uint16_t
 *     page_off; uint16_t length; uint64_t frame; }} or {@code transitive { domid_t trans_domid; uint16_t pad0;
 *     grant_ref_t gref; }}; GTF_reading/GTF_writing live in a separate array of {@code grant_status_t} (uint16_t)
 *     in the status frame, the reserved frame just below the entry frames (its 2048 statuses cover the 1024 entries
 *     of 4 frames).</li>
 * </ul>
 * Either version may use as many frames as the domain's max_grant_frames (4 unless XEN_DOMCTL_createdomain asked for
 * fewer), as in Xen, where the status frames are separate pages.
 */
public final class GrantTable {
    /** Grant frames reserved for the table at the top of RAM (Xen's max_grant_frames is configurable; 4 serves 2048 v1 grants). */
    public static final int MAX_FRAMES = 4;
    /** The v2 status frame, below the grant frames; with them, the frames reserved at the top of RAM. */
    public static final int STATUS_FRAMES = 1, RESERVED_FRAMES = MAX_FRAMES + STATUS_FRAMES;
    /** Entries the toolstack may keep in use across a version switch (xenstore, console), as Xen's GNTTAB_NR_RESERVED_ENTRIES. */
    public static final int RESERVED_ENTRIES = 8;
    public static final int ENTRY_SIZE = 8, ENTRIES_PER_FRAME = GuestMemory.PAGE_SIZE / ENTRY_SIZE;
    public static final int ENTRY_SIZE_V2 = 16, STATUS_SIZE = 2;
    public static final int GTF_INVALID = 0, GTF_PERMIT_ACCESS = 1, GTF_ACCEPT_TRANSFER = 2, GTF_TRANSITIVE = 3,
            GTF_TYPE_MASK = 3, GTF_READONLY = 1 << 2, GTF_READING = 1 << 3, GTF_WRITING = 1 << 4, GTF_SUB_PAGE = 1 << 8;

    private final int domainId;
    private final GuestMemory memory;
    private final long base;
    private int frames;
    private volatile int version = 1;

    /** The domain's max_grant_frames (XEN_DOMCTL_createdomain), at most {@link #MAX_FRAMES}. */
    private final int limit;
    /** The highest version the domain may switch to (createdomain's grant_opts; 2 unless it asked for 1). */
    private volatile int maxVersion = 2;

    public int maxVersion() { return maxVersion; }

    /** XEN_DOMCTL_createdomain's grant_opts version: 1 or 2. */
    public void setMaxVersion(int v) {
        if (v != 1 && v != 2) throw new IllegalArgumentException("grant version must be 1 or 2, was " + v);
        maxVersion = v;
    }

    /** @param base guest-physical address of the first of the {@link #MAX_FRAMES} reserved frames */
    public GrantTable(int domainId, GuestMemory memory, long base) { this(domainId, memory, base, MAX_FRAMES); }

    /**
     * @param base  guest-physical address of the first of the {@link #MAX_FRAMES} reserved frames
     * @param limit the domain's max_grant_frames (1 to {@link #MAX_FRAMES})
     */
    public GrantTable(int domainId, GuestMemory memory, long base, int limit) {
        if (limit < 1 || limit > MAX_FRAMES) throw new IllegalArgumentException("max_grant_frames must be 1 to " + MAX_FRAMES + ", was " + limit);
        this.domainId = domainId;
        this.memory = memory;
        this.base = base;
        this.limit = limit;
    }

    public int domainId() { return domainId; }

    public GuestMemory memory() { return memory; }

    /** The grant table version in use, 1 or 2. */
    public int version() { return version; }

    /** Grant frames either version allows: the domain's max_grant_frames (4 unless createdomain asked for fewer). */
    public int maxFrames() { return limit; }

    private int entrySize() { return version == 1 ? ENTRY_SIZE : ENTRY_SIZE_V2; }

    /** Guest frame number of grant frame {@code i} (live or not). */
    public long frameGfn(int i) { return (base >>> GuestMemory.PAGE_SHIFT) + i; }

    /** Guest frame number of the v2 status frame (meaningful under v2 only): the reserved frame below grant frame 0. */
    public long statusGfn() { return frameGfn(0) - 1; }

    /** Status frames in use: 1 under v2 (its 2048 statuses cover every entry), none under v1. */
    public int statusFrames() { return version == 2 ? 1 : 0; }

    /** GNTTABOP_setup_table: makes {@code n} frames live (n at most {@link #maxFrames()}); returns their guest frame numbers. */
    public synchronized long[] setup(int n) {
        frames = Math.max(frames, n);
        long[] out = new long[n];
        for (int i = 0; i < n; i++) out[i] = frameGfn(i);
        return out;
    }

    /** Makes frames up to index {@code i} live (XENMEM_add_to_physmap grows the table as Xen's gnttab_grow_table does). */
    public synchronized void grow(int i) { frames = Math.max(frames, i + 1); }

    public synchronized int frames() { return frames; }

    public synchronized boolean valid(long ref) {
        return ref >= 0 && ref < (long) frames * (GuestMemory.PAGE_SIZE / entrySize());
    }

    private long entry(long ref) { return base + ref * entrySize(); }

    /** The header's flags (type, readonly, sub_page; under v1 also reading/writing). */
    public int flags(long ref) { return (int) memory.read(entry(ref), 2); }

    /** The header's domid: the grantee. */
    public int grantee(long ref) { return (int) memory.read(entry(ref) + 2, 2); }

    /** The granted guest frame: v1's uint32_t frame, v2's full_page/sub_page uint64_t frame. */
    public long frame(long ref) { return version == 1 ? memory.read(entry(ref) + 4, 4) : memory.read(entry(ref) + 8, 8); }

    /** v2 sub_page: the first byte granted. */
    public int subPageOffset(long ref) { return (int) memory.read(entry(ref) + 4, 2); }

    /** v2 sub_page: the bytes granted. */
    public int subPageLength(long ref) { return (int) memory.read(entry(ref) + 6, 2); }

    /** The GTF_reading/GTF_writing bits of an entry: in its flags under v1, in the status array under v2. */
    public int status(long ref) {
        return version == 1 ? flags(ref) & (GTF_READING | GTF_WRITING) : (int) memory.read(statusAddress(ref), 2);
    }

    private long statusAddress(long ref) { return (statusGfn() << GuestMemory.PAGE_SHIFT) + ref * STATUS_SIZE; }

    /** Sets or clears GTF_reading/GTF_writing where this version keeps them. */
    public void updateStatus(long ref, int set, int clear) {
        if (version == 1) updateFlags(ref, set, clear);
        else updateHalfword(statusAddress(ref), set, clear);
    }

    /** Sets or clears flag bits atomically (the guest changes the same 16 bits with its own atomics). */
    public void updateFlags(long ref, int set, int clear) { updateHalfword(entry(ref), set, clear); }

    /** An atomic update of the 16 bits at a 4-byte-aligned or 2-mod-4 address, through the enclosing 32-bit word. */
    private void updateHalfword(long at, int set, int clear) {
        long word = at & ~3L;
        boolean little = memory.byteOrder() == ByteOrder.LITTLE_ENDIAN;
        boolean high = ((at & 2) != 0) == little;          // which half of the word the 16 bits are
        int shift = high ? 16 : 0;
        while (true) {
            long w = memory.read(word, 4);
            int v = (int) (w >>> shift) & 0xFFFF;
            int nv = (v | set) & ~clear & 0xFFFF;
            long nw = (w & ~(0xFFFFL << shift)) | ((long) nv << shift);
            if (memory.compareAndExchange(word, 4, w, nw) == w) return;
        }
    }

    /** Outcome of {@link #switchVersion}: 0 or a negative Xen errno. */
    public static final int SWITCH_BAD_VERSION = -22, SWITCH_RANGE = -34;

    /**
     * GNTTABOP_set_version's table work, as Xen's gnttab_set_version: the first {@link #RESERVED_ENTRIES} entries
     * are carried over to the new layout (a v2 entry that v1 cannot hold, a transitive one or a frame beyond 32
     * bits, makes it -ERANGE), everything else in the live frames is cleared. The caller has checked that no entry
     * beyond the reserved ones is in use.
     */
    public synchronized int switchVersion(int to) {
        if (to != 1 && to != 2) return SWITCH_BAD_VERSION;
        if (to == version) return 0;
        int[] flags = new int[RESERVED_ENTRIES], domid = new int[RESERVED_ENTRIES], status = new int[RESERVED_ENTRIES];
        long[] frame = new long[RESERVED_ENTRIES];
        int keep = (int) Math.min(RESERVED_ENTRIES, (long) frames * (GuestMemory.PAGE_SIZE / entrySize()));
        for (int i = 0; i < keep; i++) {
            flags[i] = flags(i);
            domid[i] = grantee(i);
            frame[i] = frame(i);
            status[i] = status(i);
            if (version == 2) {
                int type = flags[i] & GTF_TYPE_MASK;
                if (type == GTF_TRANSITIVE || (type == GTF_PERMIT_ACCESS && frame[i] >>> 32 != 0)) return SWITCH_RANGE;
                if (type == GTF_INVALID || (flags[i] & GTF_SUB_PAGE) != 0) flags[i] = domid[i] = 0;
            }
        }
        int liveFrames = Math.min(frames, MAX_FRAMES);
        byte[] zero = new byte[GuestMemory.PAGE_SIZE];
        for (int i = 0; i < liveFrames; i++) memory.writeBytes(base + (long) i * GuestMemory.PAGE_SIZE, zero, 0, zero.length);
        if (to == 2) memory.writeBytes(statusGfn() << GuestMemory.PAGE_SHIFT, zero, 0, zero.length);
        version = to;
        for (int i = 0; i < keep; i++) {
            long e = entry(i);
            int rw = (flags[i] | status[i]) & (GTF_READING | GTF_WRITING);
            int hdr = flags[i] & ~(GTF_READING | GTF_WRITING);
            if (to == 1) {
                memory.write(e + 2, 2, domid[i]);
                memory.write(e + 4, 4, frame[i]);
                memory.write(e, 2, hdr | rw);
            } else {
                memory.write(e + 2, 2, domid[i]);
                memory.write(e + 8, 8, frame[i]);
                memory.write(e, 2, hdr);
                memory.write(statusAddress(i), 2, rw);
            }
        }
        return 0;
    }
}
