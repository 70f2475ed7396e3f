package org.polyvisor.kernel.mem;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * Frames of one domain shown in another's physmap by XENMEM_add_to_physmap_batch with XENMAPSPACE_gmfn_foreign:
 * how a privileged toolstack reaches a domain it builds (Linux's privcmd maps them onto ballooned-out frames of its
 * own). A mapped frame is pinned in its domain (it cannot be ballooned out meanwhile). Each mapping is undone by
 * XENMEM_remove_from_physmap, or when either domain goes away: Xen would keep the target's page alive until it is
 * unmapped; here the mapper gets its own frame (or the hole) back instead, so a freed frame is never reachable.
 * Thread-safe.
 */
public final class ForeignMappings {
    /** Xen errno values answered per frame. */
    private static final int EINVAL = 22, EBUSY = 16;

    private record Entry(int mapper, DomainMemory mapperMemory, long gpfn, int target, DomainMemory targetMemory, long gfn) { }

    private final List<Entry> entries = new ArrayList<>();

    /**
     * Shows frame {@code gfn} of domain {@code target} at frame {@code gpfn} of {@code mapper}. Returns 0, -EINVAL
     * when {@code gfn} is not populated RAM of the target or {@code gpfn} is outside the mapper's RAM range, or
     * -EBUSY when {@code gpfn} already shows another domain's frame.
     */
    public synchronized int map(int mapper, DomainMemory mine, long gpfn, int target, DomainMemory theirs, long gfn) {
        MemorySegment page = theirs.page(gfn);
        if (page == null) return -EINVAL;
        long i = gpfn - (mine.ramBase() >>> DomainMemory.PAGE_SHIFT);
        if (i < 0 || i >= mine.nrPages()) return -EINVAL;
        if (!mine.mapForeign(gpfn, page, false)) return -EBUSY;
        theirs.pin(gfn);
        entries.add(new Entry(mapper, mine, gpfn, target, theirs, gfn));
        return 0;
    }

    /** XENMEM_remove_from_physmap of a foreign frame: false when {@code gpfn} of {@code mapper} shows none mapped here. */
    public synchronized boolean unmap(int mapper, long gpfn) {
        for (int k = 0; k < entries.size(); k++) {
            Entry e = entries.get(k);
            if (e.mapper() == mapper && e.gpfn() == gpfn) {
                e.mapperMemory().unmapForeign(gpfn);
                e.targetMemory().unpin(e.gfn());
                entries.remove(k);
                return true;
            }
        }
        return false;
    }

    /** Foreign frames {@code mapper} shows now. */
    public synchronized int count(int mapper) {
        int n = 0;
        for (Entry e : entries) if (e.mapper() == mapper) n++;
        return n;
    }

    /** A domain goes away: other domains' mappings of its frames are undone, and its own are forgotten. */
    public synchronized void forget(int domid) {
        entries.removeIf(e -> {
            if (e.target() != domid && e.mapper() != domid) return false;
            if (e.mapper() != domid) e.mapperMemory().unmapForeign(e.gpfn());
            e.targetMemory().unpin(e.gfn());
            return true;
        });
    }
}
