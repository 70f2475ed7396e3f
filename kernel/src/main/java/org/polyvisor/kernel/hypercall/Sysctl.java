package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.polyvisor.kernel.console.HypervisorLog;

/**
 * sysctl (35): {@code struct xen_sysctl { uint32_t cmd; uint32_t interface_version; union u at offset 8 }}, every
 * sub-op behind the control plane's policy check. Implemented:
 * <ul>
 * <li>readconsole (1): {@code struct xen_sysctl_readconsole { uint8_t clear; uint8_t incremental; uint8_t pad0,
 *     pad1; uint32_t index; XEN_GUEST_HANDLE_64(char) buffer; uint32_t count; }} (index at u+4, buffer u+8, count
 *     u+16): reads the hypervisor's console ring as Xen's read_console_ring does; count and index come back;</li>
 * <li>physinfo (3): threads_per_core, cores_per_socket, nr_cpus, max_cpu_id, nr_nodes, max_node_id, cpu_khz at
 *     0..24, total_pages at 40, free_pages at 48;</li>
 * <li>sched_id (4);</li>
 * <li>getdomaininfolist (6): {@code struct xen_sysctl_getdomaininfolist { domid_t first_domain; uint32_t
 *     max_domains; XEN_GUEST_HANDLE_64(xen_domctl_getdomaininfo_t) buffer; uint32_t num_domains; }} (max at u+4,
 *     buffer u+8, num_domains u+16), entries of {@link DomainInfoLayout#SIZE} bytes.</li>
 * </ul>
 */
public final class Sysctl implements HypercallHandler {
    /** The sysctl interface version Polyvisor speaks. */
    public static final int INTERFACE_VERSION = 0x15;
    public static final int READCONSOLE = 1, PHYSINFO = 3, SCHED_ID = 4, GETDOMAININFOLIST = 6;

    @Override
    public long handle(HypercallCall call) {
        GuestPointers m = call.memory();
        long at = call.arg(0);
        long cmd = m.readU32(at);
        if (m.readU32(at + 4) != INTERFACE_VERSION) return -XenErrno.EACCES;
        long u = at + 8;
        int self = call.domainId();
        if (cmd == SCHED_ID) {
            long[] out = new long[1];
            long r = call.control().schedId(self, out);
            if (r == 0) m.writeU32(u, out[0]);
            return r;
        }
        if (cmd == PHYSINFO) {
            long[] out = new long[4];
            long r = call.control().physinfo(self, out);
            if (r < 0) return r;
            ByteBuffer b = ByteBuffer.allocate(56).order(call.byteOrder());
            b.putInt(0, 1).putInt(4, (int) out[0]).putInt(8, (int) out[0]).putInt(12, (int) out[0] - 1).putInt(16, 1)
                    .putInt(20, 0).putInt(24, (int) out[3]).putLong(40, out[1]).putLong(48, out[2]);
            m.write(u, b.array());
            return 0;
        }
        if (cmd == READCONSOLE) {
            byte[] head = m.read(u, 2);
            long index = m.readU32(u + 4), buffer = m.readU64(u + 8), count = m.readU32(u + 16);
            HypervisorLog.RingRead[] out = new HypervisorLog.RingRead[1];
            long r = call.control().readConsole(self, head[0] != 0, head[1] != 0, (int) index, (int) Math.min(count, Integer.MAX_VALUE), out);
            if (r < 0) return r;
            m.write(buffer, out[0].bytes());
            m.writeU32(u + 4, out[0].nextIndex());
            m.writeU32(u + 16, out[0].bytes().length);
            return 0;
        }
        if (cmd == GETDOMAININFOLIST) {
            int first = m.readU16(u);
            long max = m.readU32(u + 4), buffer = m.readU64(u + 8);
            List<ControlService.DomainInfoOut> list = new ArrayList<>();
            long r = call.control().domainInfoList(self, first, max, list);
            if (r < 0) return r;
            for (int i = 0; i < list.size(); i++)
                m.write(buffer + (long) DomainInfoLayout.SIZE * i, DomainInfoLayout.encode(list.get(i), call.byteOrder()));
            m.writeU32(u + 16, list.size());
            return 0;
        }
        return -XenErrno.ENOSYS;
    }
}
