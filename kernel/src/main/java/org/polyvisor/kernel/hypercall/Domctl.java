package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;

/**
 * domctl (36): {@code struct xen_domctl { uint32_t cmd; uint32_t interface_version; domid_t domain; ...; union u
 * at offset 16 }}. Implemented: destroydomain (2), pausedomain (3), unpausedomain (4), getdomaininfo (5; the
 * domain asked for exactly, not the next one), scheduler_op (16; credit getinfo/putinfo). A wrong
 * interface_version is -EACCES, as in Xen.
 */
public final class Domctl implements HypercallHandler {
    /** The domctl interface version Polyvisor speaks. */
    public static final int INTERFACE_VERSION = 0x17;
    public static final int DESTROY = 2, PAUSE = 3, UNPAUSE = 4, GETDOMAININFO = 5, SCHEDULER_OP = 16;
    static final int XEN_SCHEDULER_CREDIT = 5, SCHEDOP_PUTINFO = 0, SCHEDOP_GETINFO = 1;

    @Override
    public long handle(HypercallCall call) {
        GuestPointers m = call.memory();
        long at = call.arg(0);
        long cmd = m.readU32(at);
        if (m.readU32(at + 4) != INTERFACE_VERSION) return -XenErrno.EACCES;
        int dom = m.readU16(at + 8);
        ControlService c = call.control();
        int self = call.domainId();
        long u = at + 16;
        if (cmd == DESTROY) return c.destroy(self, dom);
        if (cmd == PAUSE) return c.pause(self, dom);
        if (cmd == UNPAUSE) return c.unpause(self, dom);
        if (cmd == GETDOMAININFO) {
            ControlService.DomainInfoOut[] out = new ControlService.DomainInfoOut[1];
            long r = c.domainInfo(self, dom, out);
            if (r < 0) return r;
            ControlService.DomainInfoOut i = out[0];
            ByteBuffer b = ByteBuffer.allocate(96).order(call.byteOrder());
            b.putShort(0, (short) i.domain()).putInt(4, (int) i.flags()).putLong(8, i.totPages()).putLong(16, i.maxPages())
                    .putLong(48, i.sharedInfoFrame()).putLong(56, i.cpuTimeNs()).putInt(64, i.onlineVcpus()).putInt(68, i.maxVcpuId());
            m.write(u, b.array());
            return 0;
        }
        if (cmd == SCHEDULER_OP) {
            if (m.readU32(u) != XEN_SCHEDULER_CREDIT) return -XenErrno.EINVAL;
            long op = m.readU32(u + 4);
            int[] wc = {m.readU16(u + 8), m.readU16(u + 10)};
            if (op == SCHEDOP_GETINFO) {
                long r = c.schedCredit(self, dom, false, wc);
                if (r < 0) return r;
                m.write(u + 8, ByteBuffer.allocate(4).order(call.byteOrder()).putShort((short) wc[0]).putShort((short) wc[1]).array());
                return 0;
            }
            if (op == SCHEDOP_PUTINFO) return c.schedCredit(self, dom, true, wc);
            return -XenErrno.EINVAL;
        }
        return -XenErrno.ENOSYS;
    }
}
