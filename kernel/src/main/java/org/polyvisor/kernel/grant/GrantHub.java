package org.polyvisor.kernel.grant;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.spi.GuestMemory;
import java.util.Objects;

/**
 * Every domain's grant table and the grant mappings between domains, with GNTTABOP_* semantics. Results are
 * GNTST_* codes; handles are small integers per mapping domain.
 */
public final class GrantHub {
    public static final int GNTMAP_HOST_MAP = 1 << 1, GNTMAP_READONLY = 1 << 2;
    public static final int GNTCOPY_SOURCE_GREF = 1, GNTCOPY_DEST_GREF = 2;
    /** Xen errno values (negated in results) that the table operations answer. */
    private static final int ESRCH = 3, EBUSY = 16, EINVAL = 22;

    private record Member(GrantTable table, DomainMemory memory) { }

    /**
     * A live mapping: {@code mapper} shows {@code granter}'s frame {@code frame} (of grant {@code ref}) at guest frame
     * {@code gfn}.
     */
    public record Mapping(int mapper, int granter, long ref, long gfn, boolean readOnly, long frame) { }

    private final Map<Integer, Member> members = new HashMap<>();
    private final Map<Integer, List<Mapping>> handles = new HashMap<>();

    public synchronized void register(GrantTable table, DomainMemory memory) {
        members.put(table.domainId(), new Member(table, memory));
    }

    public synchronized GrantTable table(int domainId) {
        Member m = members.get(domainId);
        return m == null ? null : m.table();
    }

    /**
     * A domain goes away: its own mappings are undone, and so are other domains' mappings of its frames (Xen
     * would keep such a page alive until it is unmapped; here the mapper gets its own frame back instead).
     */
    public synchronized void unregister(int domainId) {
        List<Mapping> mine = handles.remove(domainId);
        if (mine != null) for (Mapping m : mine) if (m != null) undo(m);
        for (List<Mapping> list : handles.values())
            for (int h = 0; h < list.size(); h++)
                if (list.get(h) != null && list.get(h).granter() == domainId) { undo(list.get(h)); list.set(h, null); }
        members.remove(domainId);
        physmap.remove(domainId);
    }

    /**
     * GNTTABOP_map_grant_ref for one entry; on success {@code handleOut[0]} is the handle. The entry must be a
     * whole-page GTF_permit_access grant to the mapper (under v2 neither GTF_sub_page nor GTF_transitive, which
     * Xen allows for copies only).
     */
    public synchronized int map(int mapper, long hostAddr, int flags, long ref, int granterId, int[] handleOut) {
        if ((flags & GNTMAP_HOST_MAP) == 0) return GrantStatus.GENERAL_ERROR;
        Member granter = members.get(granterId), self = members.get(mapper);
        if (granter == null || self == null) return GrantStatus.BAD_DOMAIN;
        GrantTable t = granter.table();
        if (!t.valid(ref)) return GrantStatus.BAD_GNTREF;
        int gflags = t.flags(ref);
        boolean readOnly = (flags & GNTMAP_READONLY) != 0;
        int type = gflags & GrantTable.GTF_TYPE_MASK;
        boolean v2 = t.version() == 2;
        if (t.grantee(ref) != mapper || (type != GrantTable.GTF_PERMIT_ACCESS && !(v2 && type == GrantTable.GTF_TRANSITIVE)))
            return GrantStatus.PERMISSION_DENIED;
        // Sub-page and transitive grants serve copies only (Xen's _set_status_v2 with mapflag).
        if (type == GrantTable.GTF_TRANSITIVE || (v2 && (gflags & GrantTable.GTF_SUB_PAGE) != 0)) return GrantStatus.GENERAL_ERROR;
        if (!readOnly && (gflags & GrantTable.GTF_READONLY) != 0) return GrantStatus.PERMISSION_DENIED;
        MemorySegment page = granter.memory().page(t.frame(ref));
        if (page == null) return GrantStatus.BAD_PAGE;
        if ((hostAddr & GuestMemory.PAGE_MASK) != 0) return GrantStatus.BAD_VIRT_ADDR;
        long gfn = hostAddr >>> GuestMemory.PAGE_SHIFT;
        if (!self.memory().mapForeign(gfn, page, readOnly)) return GrantStatus.BAD_VIRT_ADDR;
        granter.memory().pin(t.frame(ref));      // the granted frame stays the granter's while mapped
        t.updateStatus(ref, readOnly ? GrantTable.GTF_READING : GrantTable.GTF_READING | GrantTable.GTF_WRITING, 0);
        List<Mapping> list = handles.computeIfAbsent(mapper, d -> new ArrayList<>());
        list.add(new Mapping(mapper, granterId, ref, gfn, readOnly, t.frame(ref)));
        handleOut[0] = list.size() - 1;
        return GrantStatus.OKAY;
    }

    /**
     * Whether another domain maps one of {@code domainId}'s grants beyond the reserved ones (Xen's pin count), which
     * makes GNTTABOP_set_version -EBUSY.
     */
    public synchronized boolean grantsInUse(int domainId) {
        for (List<Mapping> list : handles.values())
            for (Mapping m : list)
                if (m != null && m.granter() == domainId && m.ref() >= GrantTable.RESERVED_ENTRIES) return true;
        return false;
    }

    /** GNTTABOP_set_version for the calling domain: 0, -EINVAL, -EBUSY (grants in use) or -ERANGE. */
    public synchronized int setVersion(int domainId, int version) {
        Member m = members.get(domainId);
        if (m == null) return -ESRCH;
        if (version != 1 && version != 2) return -EINVAL;
        if (version > m.table().maxVersion()) return -EINVAL; // beyond createdomain's grant_opts, as Xen's max_grant_version
        if (version == m.table().version()) return 0;
        if (grantsInUse(domainId)) return -EBUSY;
        return m.table().switchVersion(version);
    }

    /** Guest frames that XENMEM_add_to_physmap made show a grant or status frame, per domain: gpfn to its page. */
    private final Map<Integer, Map<Long, MemorySegment>> physmap = new HashMap<>();

    /**
     * XENMEM_add_to_physmap with XENMAPSPACE_grant_table: shows grant frame {@code idx} (the status frame when
     * {@code status}, v2 only) at guest frame {@code gpfn} of the same domain, growing the table to that frame as
     * Xen does. Returns 0 or a negative Xen errno (-EINVAL for a frame beyond the table or a status frame under v1).
     */
    public synchronized int addToPhysmap(int domainId, long idx, boolean status, long gpfn) {
        Member m = members.get(domainId);
        if (m == null) return -ESRCH;
        GrantTable t = m.table();
        long gfn;
        if (status) {
            if (t.version() != 2 || idx != 0) return -EINVAL;
            gfn = t.statusGfn();
        } else {
            if (idx < 0 || idx >= t.maxFrames()) return -EINVAL;
            t.grow((int) idx);
            gfn = t.frameGfn((int) idx);
        }
        return showAt(domainId, m.memory(), m.memory().page(gfn), gfn, gpfn);
    }

    /** Shows {@code page} (which lives at guest frame {@code home}) at {@code gpfn} as well; 0 or -EINVAL. */
    public synchronized int showAt(int domainId, DomainMemory memory, MemorySegment page, long home, long gpfn) {
        if (page == null || memory.page(gpfn) == null) return -EINVAL;
        Map<Long, MemorySegment> mine = physmap.computeIfAbsent(domainId, d -> new HashMap<>());
        if (mine.remove(gpfn) != null) memory.unmapForeign(gpfn);
        if (gpfn == home) return 0;
        if (!memory.mapForeign(gpfn, page, false)) return -EINVAL;
        mine.put(gpfn, page);
        return 0;
    }

    /** XENMEM_remove_from_physmap of a frame add_to_physmap showed at {@code gpfn}: false when it shows none. */
    public synchronized boolean hide(int domainId, DomainMemory memory, long gpfn) {
        Map<Long, MemorySegment> mine = physmap.get(domainId);
        if (mine == null || mine.remove(gpfn) == null) return false;
        memory.unmapForeign(gpfn);
        return true;
    }

    /** GNTTABOP_unmap_grant_ref for one entry. */
    public synchronized int unmap(int mapper, long hostAddr, long handle) {
        List<Mapping> list = handles.get(mapper);
        if (list == null || handle < 0 || handle >= list.size() || list.get((int) handle) == null) return GrantStatus.BAD_HANDLE;
        Mapping m = list.get((int) handle);
        if (hostAddr != 0 && hostAddr >>> GuestMemory.PAGE_SHIFT != m.gfn()) return GrantStatus.GENERAL_ERROR;
        list.set((int) handle, null);
        undo(m);
        return GrantStatus.OKAY;
    }

    private void undo(Mapping m) {
        Member self = members.get(m.mapper());
        if (self != null) self.memory().unmapForeign(m.gfn());
        Member granter = members.get(m.granter());
        if (granter == null) return;
        granter.memory().unpin(m.frame());
        boolean reading = false, writing = false;
        for (List<Mapping> list : handles.values())
            for (Mapping o : list)
                if (o != null && o != m && o.granter() == m.granter() && o.ref() == m.ref()) { reading = true; writing |= !o.readOnly(); }
        granter.table().updateStatus(m.ref(), 0, (reading ? 0 : GrantTable.GTF_READING) | (writing ? 0 : GrantTable.GTF_WRITING));
    }

    /** Mappings held by a domain (for tests and the toolstack). */
    public synchronized List<Mapping> mappings(int mapper) {
        List<Mapping> list = handles.get(mapper);
        return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
    }

    /** One side of a GNTTABOP_copy: a grant reference of {@code domain}, or a frame of the caller's own. */
    public record CopySide(boolean byRef, long refOrFrame, int domain, int offset) { }

    /** GNTTABOP_copy for one entry. */
    public synchronized int copy(int caller, boolean privileged, CopySide src, CopySide dst, int len) {
        if (len < 0 || src.offset() < 0 || dst.offset() < 0 || src.offset() + len > GuestMemory.PAGE_SIZE
                || dst.offset() + len > GuestMemory.PAGE_SIZE) return GrantStatus.BAD_COPY_ARG;
        long[] srcAt = new long[1], dstAt = new long[1];
        GuestMemory[] srcMem = new GuestMemory[1], dstMem = new GuestMemory[1];
        int s = resolve(caller, privileged, src, len, false, srcMem, srcAt);
        if (s != GrantStatus.OKAY) return s;
        int d = resolve(caller, privileged, dst, len, true, dstMem, dstAt);
        if (d != GrantStatus.OKAY) return d;
        byte[] buf = new byte[len];
        srcMem[0].readBytes(srcAt[0], buf, 0, len);
        dstMem[0].writeBytes(dstAt[0], buf, 0, len);
        return GrantStatus.OKAY;
    }

    private int resolve(int caller, boolean privileged, CopySide side, int len, boolean write, GuestMemory[] mem, long[] at) {
        Member m = members.get(side.domain());
        if (m == null) return GrantStatus.BAD_DOMAIN;
        long frame;
        int from = 0, to = GuestMemory.PAGE_SIZE;
        if (side.byRef()) {
            GrantTable t = m.table();
            if (!t.valid(side.refOrFrame())) return GrantStatus.BAD_GNTREF;
            int f = t.flags(side.refOrFrame());
            if ((f & GrantTable.GTF_TYPE_MASK) == GrantTable.GTF_TRANSITIVE) return GrantStatus.GENERAL_ERROR; // not supported
            if ((f & GrantTable.GTF_TYPE_MASK) != GrantTable.GTF_PERMIT_ACCESS || t.grantee(side.refOrFrame()) != caller)
                return GrantStatus.PERMISSION_DENIED;
            if (write && (f & GrantTable.GTF_READONLY) != 0) return GrantStatus.PERMISSION_DENIED;
            if (t.version() == 2 && (f & GrantTable.GTF_SUB_PAGE) != 0) {
                from = t.subPageOffset(side.refOrFrame());
                to = from + t.subPageLength(side.refOrFrame());
            }
            frame = t.frame(side.refOrFrame());
        } else {
            if (side.domain() != caller && !privileged) return GrantStatus.PERMISSION_DENIED;
            frame = side.refOrFrame();
        }
        if (m.memory().page(frame) == null) return GrantStatus.BAD_PAGE;
        if (side.offset() < from || side.offset() + len > to) return GrantStatus.GENERAL_ERROR; // outside a sub-page grant
        mem[0] = m.memory();
        at[0] = (frame << GuestMemory.PAGE_SHIFT) + side.offset();
        return GrantStatus.OKAY;
    }
}
