package org.polyvisor.kernel.hypercall;

import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.grant.GrantHub;
import org.polyvisor.kernel.grant.GrantStatus;
import org.polyvisor.kernel.grant.GrantTable;

/**
 * grant_table_op (20), versions 1 and 2, with Xen's GNTTABOP_* numbers and structures (grant_table.h):
 * map_grant_ref, unmap_grant_ref, setup_table, copy, query_size, set_version ({@code struct gnttab_set_version {
 * uint32_t version; }}, IN/OUT: always answers the version in use; -EINVAL for a version other than 1 or 2, -EBUSY
 * while another domain maps one of the caller's grants beyond the 8 reserved ones, -ERANGE when a reserved v2
 * entry cannot be held by v1), get_version, get_status_frames ({@code struct gnttab_get_status_frames { uint32_t
 * nr_frames; domid_t dom; int16_t status; XEN_GUEST_HANDLE(uint64_t) frame_list; }}, count must be 1). transfer is
 * refused with -EOPNOTSUPP. Array operations take at most {@link #MAX_BATCH} entries a call.
 */
public final class GrantTableOp implements HypercallHandler {
    public static final int MAP = 0, UNMAP = 1, SETUP = 2, DUMP = 3, TRANSFER = 4, COPY = 5, QUERY = 6,
            SET_VERSION = 8, GET_STATUS_FRAMES = 9, GET_VERSION = 10;
    static final int MAX_BATCH = 512;

    @Override
    public long handle(HypercallCall call) {
        long cmd = call.arg(0), uop = call.arg(1), count = call.arg(2);
        GrantHub hub = call.grants();
        GuestPointers m = call.memory();
        boolean wide = call.wordBits() == 64;
        int self = call.domainId();
        if (count < 0 || count > MAX_BATCH) return -XenErrno.EINVAL;
        if (cmd == MAP) {
            for (int i = 0; i < count; i++) {
                long at = uop + 32L * i;
                int[] handle = new int[1];
                int st = hub.map(self, m.readU64(at), (int) m.readU32(at + 8), m.readU32(at + 12), resolve(self, m.readU16(at + 16)), handle);
                m.writeU16(at + 18, st);
                m.writeU32(at + 20, st == GrantStatus.OKAY ? handle[0] : -1);
            }
            return 0;
        }
        if (cmd == UNMAP) {
            for (int i = 0; i < count; i++) {
                long at = uop + 24L * i;
                m.writeU16(at + 20, hub.unmap(self, m.readU64(at), m.readU32(at + 16)));
            }
            return 0;
        }
        if (cmd == SETUP) return setup(call, hub, m, uop, wide, self);
        if (cmd == QUERY) {
            int dom = resolve(self, m.readU16(uop));
            GrantTable t = hub.table(dom);
            int st = t == null ? GrantStatus.BAD_DOMAIN : dom != self && !call.privileged() ? GrantStatus.PERMISSION_DENIED : GrantStatus.OKAY;
            if (st == GrantStatus.OKAY) {
                m.writeU32(uop + 4, t.frames());
                m.writeU32(uop + 8, t.maxFrames());
            }
            m.writeU16(uop + 12, st);
            return 0;
        }
        if (cmd == COPY) {
            int size = wide ? 40 : 24, side = wide ? 16 : 8, word = wide ? 8 : 4;
            for (int i = 0; i < count; i++) {
                long at = uop + (long) size * i;
                int len = m.readU16(at + 2L * side), flags = m.readU16(at + 2L * side + 2);
                GrantHub.CopySide src = side(call, at, word, (flags & GrantHub.GNTCOPY_SOURCE_GREF) != 0, self);
                GrantHub.CopySide dst = side(call, at + side, word, (flags & GrantHub.GNTCOPY_DEST_GREF) != 0, self);
                int st = hub.copy(self, call.privileged(), src, dst, len);
                m.writeU16(at + 2L * side + 4, st);
            }
            return 0;
        }
        if (cmd == SET_VERSION) {
            long asked = m.readU32(uop);
            int r = hub.setVersion(self, asked == 1 || asked == 2 ? (int) asked : -1);
            m.writeU32(uop, hub.table(self).version());
            return r;
        }
        if (cmd == GET_VERSION) {
            int dom = resolve(self, m.readU16(uop));
            if (dom != self && !call.privileged()) return -XenErrno.EPERM;
            GrantTable t = hub.table(dom);
            if (t == null) return -XenErrno.ESRCH;
            m.writeU32(uop + 4, t.version());
            return 0;
        }
        if (cmd == GET_STATUS_FRAMES) {
            if (count != 1) return -XenErrno.EINVAL;
            long nr = m.readU32(uop);
            int dom = resolve(self, m.readU16(uop + 4));
            GrantTable t = hub.table(dom);
            int st;
            if (t == null) st = GrantStatus.BAD_DOMAIN;
            else if (dom != self && !call.privileged()) st = GrantStatus.PERMISSION_DENIED;
            else if (nr > t.statusFrames()) st = GrantStatus.GENERAL_ERROR;
            else {
                st = GrantStatus.OKAY;
                long list = m.readWord(uop + 8, wide ? 8 : 4);
                for (int i = 0; i < nr; i++) {
                    try {
                        m.writeU64(list + 8L * i, t.statusGfn() + i);
                    } catch (GuestPointers.BadGuestPointer e) {
                        st = GrantStatus.BAD_VIRT_ADDR;
                    }
                }
            }
            m.writeU16(uop + 6, st);
            return 0;
        }
        if (cmd == TRANSFER) return -XenErrno.EOPNOTSUPP;
        return -XenErrno.ENOSYS;
    }

    /** struct gnttab_setup_table { domid_t dom; uint32_t nr_frames; int16_t status; XEN_GUEST_HANDLE(xen_pfn_t) frame_list; }. */
    private static long setup(HypercallCall call, GrantHub hub, GuestPointers m, long at, boolean wide, int self) {
        int dom = resolve(self, m.readU16(at));
        long nr = m.readU32(at + 4);
        GrantTable t = hub.table(dom);
        int st;
        if (t == null) st = GrantStatus.BAD_DOMAIN;
        else if (dom != self && !call.privileged()) st = GrantStatus.PERMISSION_DENIED;
        else if (nr > t.maxFrames()) st = GrantStatus.GENERAL_ERROR;
        else {
            long list = wide ? m.readU64(at + 16) : m.readU32(at + 12);
            long[] frames = t.setup((int) nr);
            for (int i = 0; i < frames.length; i++) {
                if (wide) m.writeU64(list + 8L * i, frames[i]);
                else m.writeU32(list + 4L * i, frames[i]);
            }
            st = GrantStatus.OKAY;
        }
        m.writeU16(at + 8, st);
        return 0;
    }

    /** One side of struct gnttab_copy: { union { grant_ref_t ref; xen_pfn_t gmfn; } u; domid_t domid; uint16_t offset; }. */
    private static GrantHub.CopySide side(HypercallCall call, long at, int word, boolean byRef, int self) {
        long u = byRef ? call.memory().readU32(at) : call.memory().readWord(at, word);
        return new GrantHub.CopySide(byRef, u, resolve(self, call.memory().readU16(at + word)), call.memory().readU16(at + word + 2));
    }

    private static int resolve(int self, int dom) { return dom == EventHub.DOMID_SELF ? self : dom; }


}
