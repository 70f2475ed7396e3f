package org.polyvisor.kernel.mem;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.polyvisor.spi.GuestMemory;
import java.util.HashMap;
import java.util.Map;

/**
 * A domain's guest-physical address space: RAM from {@code ramBase} for {@code ramBytes}, mapped frame by frame
 * through its P2M onto machine frames that this domain owns. A frame is backed on first touch. Anything
 * outside the RAM range is not RAM: the domain can reach no other frame.
 */
public final class DomainMemory implements GuestMemory, AutoCloseable {
    private static final int UNPOPULATED = -1;
    /** A frame the guest gave back (XENMEM_decrease_reservation): not RAM until it is populated again. */
    private static final int BALLOONED = -2;

    private final MachineMemory machine;
    private final int domainId;
    private final ByteOrder order;
    private final long ramBase;
    private final long baseGfn;
    /**
     * The RAM range's frames: fixed when the domain is built, or (a domain made empty by XEN_DOMCTL_createdomain) by
     * its first XEN_DOMCTL_max_mem ({@link #size}). One volatile read per lookup.
     */
    private volatile Frames frames;
    private volatile boolean closed;

    /**
     * @param p2m   guest frame (relative to the RAM base) to machine frame
     * @param pages the host pages of populated frames, for the vCPUs' TLB fills
     */
    private record Frames(int nrPages, AtomicIntegerArray p2m, AtomicReferenceArray<MemorySegment> pages) {
        static final Frames NONE = new Frames(0, new AtomicIntegerArray(0), new AtomicReferenceArray<>(0));

        static Frames of(int n, int initial) {
            AtomicIntegerArray p2m = new AtomicIntegerArray(n);
            for (int i = 0; i < n; i++) p2m.set(i, initial);
            return new Frames(n, p2m, new AtomicReferenceArray<>(n));
        }
    }
    /** Guest frames that show another domain's frame (grant mappings), with what they showed before. */
    private final Map<Integer, Displaced> foreign = new HashMap<>();

    private record Displaced(MemorySegment page, int mfn, boolean readOnly) { }

    /** Reserves the domain's frames; throws {@link OutOfMachineMemoryException} when the host has not enough. */
    public DomainMemory(MachineMemory machine, int domainId, ByteOrder order, long ramBase, long ramBytes) {
        if ((ramBase & PAGE_MASK) != 0 || ramBytes <= 0 || (ramBytes & PAGE_MASK) != 0)
            throw new IllegalArgumentException("RAM base and size must be multiples of 4 KiB");
        long n = ramBytes >>> PAGE_SHIFT;
        if (n > Integer.MAX_VALUE) throw new OutOfMachineMemoryException(ramBytes, machine);
        if (!machine.reserve(n)) throw new OutOfMachineMemoryException(ramBytes, machine);
        this.machine = machine;
        this.domainId = domainId;
        this.order = order;
        this.ramBase = ramBase;
        this.baseGfn = ramBase >>> PAGE_SHIFT;
        this.frames = Frames.of((int) n, UNPOPULATED);
    }

    private DomainMemory(MachineMemory machine, int domainId, ByteOrder order, long ramBase) {
        if ((ramBase & PAGE_MASK) != 0) throw new IllegalArgumentException("RAM base must be a multiple of 4 KiB");
        this.machine = machine;
        this.domainId = domainId;
        this.order = order;
        this.ramBase = ramBase;
        this.baseGfn = ramBase >>> PAGE_SHIFT;
        this.frames = Frames.NONE;
    }

    /**
     * The memory of a domain XEN_DOMCTL_createdomain made: no RAM range yet, so nothing can be populated until
     * {@link #size} gives it one (as a new Xen domain's max_pages is 0 until XEN_DOMCTL_max_mem).
     */
    public static DomainMemory empty(MachineMemory machine, int domainId, ByteOrder order, long ramBase) {
        return new DomainMemory(machine, domainId, order, ramBase);
    }

    /** Whether the domain has its RAM range (always, except an empty domain before {@link #size}). */
    public boolean sized() { return frames.nrPages() > 0; }

    /**
     * Gives an empty domain its RAM range of {@code pages} frames from the RAM base, reserving them with the host;
     * every frame starts absent (not RAM) until XENMEM_populate_physmap, and the maximum is the whole range.
     * False when the domain has a range already, {@code pages} is not positive, or the host has not that many.
     */
    public synchronized boolean size(long pages) {
        if (closed || sized() || pages <= 0 || pages > Integer.MAX_VALUE || !machine.reserve(pages)) return false;
        ballooned = (int) pages;
        frames = Frames.of((int) pages, BALLOONED);
        return true;
    }

    @Override public ByteOrder byteOrder() { return order; }

    /** An HVM domain's board answers every guest-physical address that is not RAM (devices, or all ones). */
    private volatile boolean unassignedIsMmio;

    /** Makes every address outside RAM an MMIO access (HVM domains, whose board answers them). */
    public void routeUnassignedToDevices() { unassignedIsMmio = true; }

    @Override
    public boolean isMmio(long gpa) { return unassignedIsMmio && gpa >= 0 && page(gpa >>> PAGE_SHIFT) == null; }

    public long ramBase() { return ramBase; }

    public long ramBytes() { return (long) frames.nrPages() << PAGE_SHIFT; }

    public int nrPages() { return frames.nrPages(); }

    @Override
    public MemorySegment page(long gfn) {
        Frames f = frames;
        long i = gfn - baseGfn;
        if (i < 0 || i >= f.nrPages() || closed) return null;
        MemorySegment p = f.pages().get((int) i);
        return p != null ? p : populate((int) i);
    }

    private synchronized MemorySegment populate(int i) {
        Frames f = frames;
        if (closed || f.p2m().get(i) == BALLOONED) return null;
        MemorySegment p = f.pages().get(i);
        if (p != null) return p;
        int mfn = machine.allocate(domainId);
        f.p2m().set(i, mfn);
        p = machine.frame(mfn, domainId);
        f.pages().set(i, p);
        return p;
    }

    @Override
    public synchronized boolean isWritable(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages() || closed) return false;
        Displaced d = foreign.get((int) i);
        return d == null || !d.readOnly();
    }

    /**
     * Shows {@code page} (a frame of another domain, granted to this one) at guest frame {@code gfn} until
     * {@link #unmapForeign}; this domain's own frame there is kept aside, untouched. False when {@code gfn} is not
     * RAM or already shows a foreign frame.
     */
    public synchronized boolean mapForeign(long gfn, MemorySegment page, boolean readOnly) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages() || closed || foreign.containsKey((int) i)) return false;
        MemorySegment own = page(gfn);
        foreign.put((int) i, new Displaced(own, frames.p2m().get((int) i), readOnly));
        frames.pages().set((int) i, page);
        return true;
    }

    /** Puts this domain's own frame back at {@code gfn}; false when no foreign frame was there. */
    public synchronized boolean unmapForeign(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages()) return false;
        Displaced d = foreign.remove((int) i);
        if (d == null) return false;
        frames.pages().set((int) i, d.page());
        return true;
    }

    /** The machine frame behind guest frame {@code gfn}, or -1 if unpopulated or not RAM. */
    public int machineFrame(long gfn) {
        long i = gfn - baseGfn;
        return i < 0 || i >= nrPages() ? UNPOPULATED : Math.max(UNPOPULATED, frames.p2m().get((int) i));
    }

    /** Frames backed by host memory so far. */
    public synchronized int populatedPages() {
        int n = 0;
        for (int i = 0; i < nrPages(); i++) if (frames.p2m().get(i) >= 0) n++;
        return n;
    }

    /** Frames the guest may use now: all but those it gave back. */
    public synchronized long currentReservation() { return nrPages() - ballooned; }

    /** Frames given back (ballooned out) and not populated again. */
    private int ballooned;
    /** XEN_DOMCTL_max_mem's ceiling in frames: populating beyond it is refused. Starts at the whole RAM range. */
    private volatile long maxPages = -1;

    /** The most frames the domain may have (XENMEM_maximum_reservation). */
    public long maxPages() { return maxPages < 0 ? nrPages() : maxPages; }

    /**
     * XEN_DOMCTL_max_mem: a new ceiling, at most the RAM range the domain was built with (its P2M has no room
     * beyond). Lowering it below the current reservation takes nothing away; it stops further population, as in
     * Xen. False when {@code pages} is beyond the RAM range.
     */
    public boolean setMaxPages(long pages) {
        if (pages < 0 || pages > nrPages()) return false;
        maxPages = pages;
        return true;
    }

    /** Frames of this domain that other domains map (a grant mapping or a foreign mapping), with how many map each. */
    private final Map<Integer, Integer> pinned = new HashMap<>();

    /**
     * Another domain maps frame {@code gfn}: it stays this domain's until {@link #unpin} (Xen holds a page reference
     * for the mapping), so it cannot be given back to the host and handed to someone else meanwhile.
     */
    public synchronized void pin(long gfn) { pinned.merge((int) (gfn - baseGfn), 1, Integer::sum); }

    /** One mapping of frame {@code gfn} by another domain went away. */
    public synchronized void unpin(long gfn) { pinned.computeIfPresent((int) (gfn - baseGfn), (k, n) -> n > 1 ? n - 1 : null); }

    /**
     * XENMEM_decrease_reservation of one frame: its machine frame goes back to the host now, and the guest frame
     * is no longer RAM. False when {@code gfn} is not this domain's RAM, already given back, shows a grant, or is
     * mapped by another domain (Xen would free it once unmapped; here the frame is kept and the extent not done).
     */
    public synchronized boolean release(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages() || closed || foreign.containsKey((int) i) || pinned.containsKey((int) i)
                || frames.p2m().get((int) i) == BALLOONED) return false;
        int mfn = frames.p2m().getAndSet((int) i, BALLOONED);
        ballooned++;
        frames.pages().set((int) i, null);
        if (mfn >= 0) machine.release(mfn, domainId);
        return true;
    }

    /**
     * XENMEM_populate_physmap of one frame: a frame given back becomes RAM again (zeroed, backed on touch); false
     * when that would take the domain beyond its maximum.
     */
    public synchronized boolean repopulate(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages() || closed) return false;
        if (frames.p2m().get((int) i) == BALLOONED) {
            if (nrPages() - ballooned >= maxPages()) return false;
            frames.p2m().set((int) i, UNPOPULATED);
            ballooned--;
        }
        return true;
    }

    /** Gives every frame back to the machine. The vCPUs must have stopped. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        foreign.clear();
        for (int i = 0; i < nrPages(); i++) {
            int mfn = frames.p2m().getAndSet(i, UNPOPULATED);
            frames.pages().set(i, null);
            if (mfn >= 0) machine.release(mfn, domainId);
        }
        machine.unreserve(nrPages());
    }
}
