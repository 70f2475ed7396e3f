package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.kernel.grant.GrantTable;
import org.polyvisor.kernel.mem.ForeignMappings;

/**
 * memory_op (12), the reservation and map sub-ops of memory.h:
 * increase_reservation (0), decrease_reservation (1), populate_physmap (6) with {@code struct
 * xen_memory_reservation { XEN_GUEST_HANDLE(xen_pfn_t) extent_start; xen_ulong_t nr_extents; unsigned int
 * extent_order; unsigned int mem_flags; domid_t domid; }}, current_reservation (3) and maximum_reservation (4)
 * taking a domid_t, and memory_map (9) with {@code struct xen_memory_map { unsigned int nr_entries;
 * XEN_GUEST_HANDLE(void) buffer; }} filled with e820 entries {u64 addr, u64 size, u32 type}. Only order-0 extents;
 * a domain may act on itself only (dom0 on any, as Xen's toolstack does). Results count the extents done.
 * add_to_physmap (7) with {@code struct xen_add_to_physmap { domid_t domid; uint16_t size; unsigned int space;
 * xen_ulong_t idx; xen_pfn_t gpfn; }} shows a frame of the domain's own at guest frame gpfn as well:
 * XENMAPSPACE_shared_info (0, idx 0) or XENMAPSPACE_grant_table (1: grant frame idx, growing the table; with
 * XENMAPIDX_grant_table_status the v2 status frame). The other spaces (gmfn, gmfn_range, gmfn_foreign, dev_mmio)
 * are -EOPNOTSUPP. Population respects the domain's maximum (XEN_DOMCTL_max_mem).
 * <p>
 * How a privileged toolstack loads a domain it builds (Linux's privcmd, as xl's libxc uses it on Arm and PVH):
 * add_to_physmap_batch (23) with {@code struct xen_add_to_physmap_batch { domid_t domid; uint16_t space; uint16_t
 * size; domid_t foreign_domid; XEN_GUEST_HANDLE(xen_ulong_t) idxs; XEN_GUEST_HANDLE(xen_pfn_t) gpfns;
 * XEN_GUEST_HANDLE(int) errs; }} (handles from offset 8, each a guest word) and space XENMAPSPACE_gmfn_foreign (4)
 * shows frame idxs[i] of foreign_domid at the caller's frame gpfns[i] (errs[i] = 0, -EINVAL for a frame that is not
 * populated RAM or a gpfn outside the caller's RAM, -EBUSY for a gpfn showing another foreign frame); the call
 * returns 0 once every entry has its error code. Only a privileged caller may map another domain's frames (-EPERM),
 * into its own physmap (domid DOMID_SELF or its own; -EINVAL otherwise); other spaces are -EOPNOTSUPP in a batch.
 * remove_from_physmap (15) with {@code struct xen_remove_from_physmap { domid_t domid; xen_pfn_t gpfn; }} (gpfn at
 * one word) undoes such a mapping (the caller's own frame, or hole, is back), or one add_to_physmap made; -EINVAL
 * when the gpfn shows neither.
 */
public final class MemoryOp implements HypercallHandler {
    public static final int INCREASE = 0, DECREASE = 1, CURRENT = 3, MAXIMUM = 4, POPULATE = 6, ADD_TO_PHYSMAP = 7, MEMORY_MAP = 9,
            REMOVE_FROM_PHYSMAP = 15, ADD_TO_PHYSMAP_BATCH = 23;
    public static final int XENMAPSPACE_SHARED_INFO = 0, XENMAPSPACE_GRANT_TABLE = 1, XENMAPSPACE_GMFN_FOREIGN = 4,
            XENMAPSPACE_DEV_MMIO = 5;
    public static final long XENMAPIDX_GRANT_TABLE_STATUS = 0x8000_0000L;
    static final int MAX_EXTENTS = 1 << 16, E820_RAM = 1, E820_RESERVED = 2;

    /** Resolves a domid to that domain's memory, for the caller (null when it may not or there is none). */
    public interface Memories {
        DomainMemory of(int caller, int domid);
    }

    private final Memories memories;
    private final ForeignMappings foreign;

    public MemoryOp(Memories memories, ForeignMappings foreign) {
        this.memories = memories;
        this.foreign = foreign;
    }

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0), at = call.arg(1);
        GuestPointers m = call.memory();
        boolean wide = call.wordBits() == 64;
        int w = wide ? 8 : 4;
        if (cmd == CURRENT || cmd == MAXIMUM) {
            int dom = m.readU16(at);
            if (!mayTouch(call, dom)) return -XenErrno.EPERM;
            DomainMemory mem = target(call, dom);
            if (mem == null) return -XenErrno.ESRCH;
            return cmd == CURRENT ? mem.currentReservation() : mem.maxPages();
        }
        if (cmd == INCREASE || cmd == DECREASE || cmd == POPULATE) {
            long list = m.readWord(at, w);
            long nr = m.readWord(at + w, w);
            long order = m.readU32(at + 2L * w);
            int dom = m.readU16(at + 2L * w + 8);
            if (!mayTouch(call, dom)) return -XenErrno.EPERM;
            DomainMemory mem = target(call, dom);
            if (mem == null) return -XenErrno.ESRCH;
            if (order != 0) return -XenErrno.EINVAL;
            if (nr < 0 || nr > MAX_EXTENTS) return -XenErrno.EINVAL;
            long done = 0;
            for (; done < nr; done++) {
                long gfn = m.readWord(list + done * w, w);
                boolean ok = cmd == DECREASE ? mem.release(gfn) : mem.repopulate(gfn);
                if (!ok) break;
            }
            return done;
        }
        if (cmd == ADD_TO_PHYSMAP) {
            int dom = m.readU16(at);
            long space = m.readU32(at + 4);
            long idx = m.readWord(at + 8, w), gpfn = m.readWord(at + 8 + w, w);
            if (!mayTouch(call, dom)) return -XenErrno.EPERM;
            DomainMemory mem = target(call, dom);
            int id = dom == EventHub.DOMID_SELF ? call.domainId() : dom;
            if (mem == null || call.grants().table(id) == null) return -XenErrno.ESRCH;
            if (space == XENMAPSPACE_GRANT_TABLE)
                return call.grants().addToPhysmap(id, idx & ~XENMAPIDX_GRANT_TABLE_STATUS, (idx & XENMAPIDX_GRANT_TABLE_STATUS) != 0, gpfn);
            if (space == XENMAPSPACE_SHARED_INFO) {
                if (idx != 0 || call.events().of(id) == null) return -XenErrno.EINVAL;
                long home = call.events().of(id).sharedInfo() >>> 12;
                return call.grants().showAt(id, mem, mem.page(home), home, gpfn);
            }
            return space > XENMAPSPACE_GRANT_TABLE && space <= XENMAPSPACE_DEV_MMIO ? -XenErrno.EOPNOTSUPP : -XenErrno.EINVAL;
        }
        if (cmd == ADD_TO_PHYSMAP_BATCH) return addToPhysmapBatch(call, at, w);
        if (cmd == REMOVE_FROM_PHYSMAP) {
            int dom = m.readU16(at);
            long gpfn = m.readWord(at + w, w);
            if (dom != EventHub.DOMID_SELF && dom != call.domainId()) return call.privileged() ? -XenErrno.EINVAL : -XenErrno.EPERM;
            if (foreign.unmap(call.domainId(), gpfn)) return 0;
            DomainMemory mine = target(call, EventHub.DOMID_SELF);
            return mine != null && call.grants().table(call.domainId()) != null
                    && call.grants().hide(call.domainId(), mine, gpfn) ? 0 : -XenErrno.EINVAL;
        }
        if (cmd == MEMORY_MAP) {
            DomainMemory mem = target(call, EventHub.DOMID_SELF);
            long nr = m.readU32(at);
            long buffer = m.readWord(at + w, w);
            if (nr < 1) return -XenErrno.EINVAL;
            ByteBuffer e = ByteBuffer.allocate(20).order(call.byteOrder());
            long reserved = (long) GrantTable.RESERVED_FRAMES * 4096;
            e.putLong(0, mem.ramBase()).putLong(8, mem.ramBytes() - reserved).putInt(16, E820_RAM);
            m.write(buffer, e.array());
            int entries = 1;
            if (nr >= 2) {
                e.putLong(0, mem.ramBase() + mem.ramBytes() - reserved).putLong(8, reserved).putInt(16, E820_RESERVED);
                m.write(buffer + 20, e.array());
                entries = 2;
            }
            m.writeU32(at, entries);
            return 0;
        }
        return -XenErrno.ENOSYS;
    }

    private long addToPhysmapBatch(HypercallCall call, long at, int w) {
        GuestPointers m = call.memory();
        int dom = m.readU16(at), space = m.readU16(at + 2), size = m.readU16(at + 4), from = m.readU16(at + 6);
        long idxs = m.readWord(at + 8, w), gpfns = m.readWord(at + 8 + w, w), errs = m.readWord(at + 8 + 2L * w, w);
        if (space != XENMAPSPACE_GMFN_FOREIGN) return space <= XENMAPSPACE_DEV_MMIO ? -XenErrno.EOPNOTSUPP : -XenErrno.EINVAL;
        if (!call.privileged()) return -XenErrno.EPERM;
        if (dom != EventHub.DOMID_SELF && dom != call.domainId()) return -XenErrno.EINVAL;
        DomainMemory mine = target(call, EventHub.DOMID_SELF);
        DomainMemory theirs = memories.of(call.domainId(), from);
        if (mine == null || theirs == null) return -XenErrno.ESRCH;
        for (int i = 0; i < size; i++) {
            long idx = m.readWord(idxs + (long) i * w, w), gpfn = m.readWord(gpfns + (long) i * w, w);
            m.writeU32(errs + 4L * i, foreign.map(call.domainId(), mine, gpfn, from, theirs, idx));
        }
        return 0;
    }

    private static boolean mayTouch(HypercallCall call, int domid) {
        return domid == EventHub.DOMID_SELF || domid == call.domainId() || call.privileged();
    }

    private DomainMemory target(HypercallCall call, int domid) {
        return memories.of(call.domainId(), domid == EventHub.DOMID_SELF ? call.domainId() : domid);
    }

}
