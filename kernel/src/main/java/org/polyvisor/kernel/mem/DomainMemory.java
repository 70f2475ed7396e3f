package org.polyvisor.kernel.mem;

import java.lang.foreign.MemorySegment;
import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.polyvisor.spi.GuestMemory;

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
    private final int nrPages;
    /** The P2M: guest frame (relative to the RAM base) to machine frame. */
    private final AtomicIntegerArray p2m;
    /** The host pages of populated frames, for the vCPUs' TLB fills. */
    private final AtomicReferenceArray<MemorySegment> pages;
    private volatile boolean closed;
    /** Guest frames that show another domain's frame (grant mappings), with what they showed before. */
    private final java.util.Map<Integer, Displaced> foreign = new java.util.HashMap<>();

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
        this.nrPages = (int) n;
        this.p2m = new AtomicIntegerArray(nrPages);
        for (int i = 0; i < nrPages; i++) p2m.set(i, UNPOPULATED);
        this.pages = new AtomicReferenceArray<>(nrPages);
    }

    @Override public ByteOrder byteOrder() { return order; }

    /** An HVM domain's board answers every guest-physical address that is not RAM (devices, or all ones). */
    private volatile boolean unassignedIsMmio;

    /** Makes every address outside RAM an MMIO access (HVM domains, whose board answers them). */
    public void routeUnassignedToDevices() { unassignedIsMmio = true; }

    @Override
    public boolean isMmio(long gpa) { return unassignedIsMmio && gpa >= 0 && page(gpa >>> PAGE_SHIFT) == null; }

    public long ramBase() { return ramBase; }

    public long ramBytes() { return (long) nrPages << PAGE_SHIFT; }

    public int nrPages() { return nrPages; }

    @Override
    public MemorySegment page(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages || closed) return null;
        MemorySegment p = pages.get((int) i);
        return p != null ? p : populate((int) i);
    }

    private synchronized MemorySegment populate(int i) {
        if (closed || p2m.get(i) == BALLOONED) return null;
        MemorySegment p = pages.get(i);
        if (p != null) return p;
        int mfn = machine.allocate(domainId);
        p2m.set(i, mfn);
        p = machine.frame(mfn, domainId);
        pages.set(i, p);
        return p;
    }

    @Override
    public synchronized boolean isWritable(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages || closed) return false;
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
        if (i < 0 || i >= nrPages || closed || foreign.containsKey((int) i)) return false;
        MemorySegment own = page(gfn);
        foreign.put((int) i, new Displaced(own, p2m.get((int) i), readOnly));
        pages.set((int) i, page);
        return true;
    }

    /** Puts this domain's own frame back at {@code gfn}; false when no foreign frame was there. */
    public synchronized boolean unmapForeign(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages) return false;
        Displaced d = foreign.remove((int) i);
        if (d == null) return false;
        pages.set((int) i, d.page());
        return true;
    }

    /** The machine frame behind guest frame {@code gfn}, or -1 if unpopulated or not RAM. */
    public int machineFrame(long gfn) {
        long i = gfn - baseGfn;
        return i < 0 || i >= nrPages ? UNPOPULATED : Math.max(UNPOPULATED, p2m.get((int) i));
    }

    /** Frames backed by host memory so far. */
    public synchronized int populatedPages() {
        int n = 0;
        for (int i = 0; i < nrPages; i++) if (p2m.get(i) >= 0) n++;
        return n;
    }

    /** Frames the guest may use now: all but those it gave back. */
    public synchronized long currentReservation() { return nrPages - ballooned; }

    /** Frames given back (ballooned out) and not populated again. */
    private int ballooned;
    /** XEN_DOMCTL_max_mem's ceiling in frames: populating beyond it is refused. Starts at the whole RAM range. */
    private volatile long maxPages = -1;

    /** The most frames the domain may have (XENMEM_maximum_reservation). */
    public long maxPages() { return maxPages < 0 ? nrPages : maxPages; }

    /**
     * XEN_DOMCTL_max_mem: a new ceiling, at most the RAM range the domain was built with (its P2M has no room
     * beyond). Lowering it below the current reservation takes nothing away; it stops further population, as in
     * Xen. False when {@code pages} is beyond the RAM range.
     */
    public boolean setMaxPages(long pages) {
        if (pages < 0 || pages > nrPages) return false;
        maxPages = pages;
        return true;
    }

    /**
     * XENMEM_decrease_reservation of one frame: its machine frame goes back to the host now, and the guest frame
     * is no longer RAM. False when {@code gfn} is not this domain's RAM, already given back, or shows a grant.
     */
    public synchronized boolean release(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages || closed || foreign.containsKey((int) i) || p2m.get((int) i) == BALLOONED) return false;
        int mfn = p2m.getAndSet((int) i, BALLOONED);
        ballooned++;
        pages.set((int) i, null);
        if (mfn >= 0) machine.release(mfn, domainId);
        return true;
    }

    /**
     * XENMEM_populate_physmap of one frame: a frame given back becomes RAM again (zeroed, backed on touch); false
     * when that would take the domain beyond its maximum.
     */
    public synchronized boolean repopulate(long gfn) {
        long i = gfn - baseGfn;
        if (i < 0 || i >= nrPages || closed) return false;
        if (p2m.get((int) i) == BALLOONED) {
            if (nrPages - ballooned >= maxPages()) return false;
            p2m.set((int) i, UNPOPULATED);
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
        for (int i = 0; i < nrPages; i++) {
            int mfn = p2m.getAndSet(i, UNPOPULATED);
            pages.set(i, null);
            if (mfn >= 0) machine.release(mfn, domainId);
        }
        machine.unreserve(nrPages);
    }
}
