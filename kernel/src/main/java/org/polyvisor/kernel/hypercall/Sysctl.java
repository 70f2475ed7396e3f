package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;

/**
 * sysctl (35): {@code struct xen_sysctl { uint32_t cmd; uint32_t interface_version; union u at offset 8 }}.
 * Implemented: physinfo (3: threads_per_core, cores_per_socket, nr_cpus, max_cpu_id, nr_nodes, max_node_id,
 * cpu_khz at 0..24, total_pages at 40, free_pages at 48) and sched_id (4).
 */
public final class Sysctl implements HypercallHandler {
    /** The sysctl interface version Polyvisor speaks. */
    public static final int INTERFACE_VERSION = 0x15;
    public static final int PHYSINFO = 3, SCHED_ID = 4;

    @Override
    public long handle(HypercallCall call) {
        GuestPointers m = call.memory();
        long at = call.arg(0);
        long cmd = m.readU32(at);
        if (m.readU32(at + 4) != INTERFACE_VERSION) return -XenErrno.EACCES;
        long u = at + 8;
        if (cmd == SCHED_ID) {
            long[] out = new long[1];
            long r = call.control().schedId(call.domainId(), out);
            if (r == 0) m.writeU32(u, out[0]);
            return r;
        }
        if (cmd == PHYSINFO) {
            long[] out = new long[4];
            long r = call.control().physinfo(call.domainId(), out);
            if (r < 0) return r;
            ByteBuffer b = ByteBuffer.allocate(56).order(call.byteOrder());
            b.putInt(0, 1).putInt(4, (int) out[0]).putInt(8, (int) out[0]).putInt(12, (int) out[0] - 1).putInt(16, 1)
                    .putInt(20, 0).putInt(24, (int) out[3]).putLong(40, out[1]).putLong(48, out[2]);
            m.write(u, b.array());
            return 0;
        }
        return -XenErrno.ENOSYS;
    }
}
