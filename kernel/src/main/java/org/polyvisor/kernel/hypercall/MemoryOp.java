package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.mem.DomainMemory;

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
 */
public final class MemoryOp implements HypercallHandler {
    public static final int INCREASE = 0, DECREASE = 1, CURRENT = 3, MAXIMUM = 4, POPULATE = 6, ADD_TO_PHYSMAP = 7, MEMORY_MAP = 9;
    public static final int XENMAPSPACE_SHARED_INFO = 0, XENMAPSPACE_GRANT_TABLE = 1, XENMAPSPACE_DEV_MMIO = 5;
    public static final long XENMAPIDX_GRANT_TABLE_STATUS = 0x8000_0000L;
    static final int MAX_EXTENTS = 1 << 16, E820_RAM = 1, E820_RESERVED = 2;

    /** Resolves a domid to that domain's memory, for the caller (null when it may not or there is none). */
    public interface Memories {
        DomainMemory of(int caller, int domid);
    }

    private final Memories memories;

    public MemoryOp(Memories memories) { this.memories = memories; }

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
        if (cmd == MEMORY_MAP) {
            DomainMemory mem = target(call, EventHub.DOMID_SELF);
            long nr = m.readU32(at);
            long buffer = m.readWord(at + w, w);
            if (nr < 1) return -XenErrno.EINVAL;
            ByteBuffer e = ByteBuffer.allocate(20).order(call.byteOrder());
            e.putLong(0, mem.ramBase()).putLong(8, mem.ramBytes() - 4L * 4096).putInt(16, E820_RAM);
            m.write(buffer, e.array());
            int entries = 1;
            if (nr >= 2) {
                e.putLong(0, mem.ramBase() + mem.ramBytes() - 4L * 4096).putLong(8, 4L * 4096).putInt(16, E820_RESERVED);
                m.write(buffer + 20, e.array());
                entries = 2;
            }
            m.writeU32(at, entries);
            return 0;
        }
        return -XenErrno.ENOSYS;
    }

    private static boolean mayTouch(HypercallCall call, int domid) {
        return domid == EventHub.DOMID_SELF || domid == call.domainId() || call.privileged();
    }

    private DomainMemory target(HypercallCall call, int domid) {
        return memories.of(call.domainId(), domid == EventHub.DOMID_SELF ? call.domainId() : domid);
    }

}
