package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;
import java.util.BitSet;
import org.polyvisor.kernel.control.ControlPlane;

/**
 * domctl (36): {@code struct xen_domctl { uint32_t cmd; uint32_t interface_version; domid_t domain; ...; union u
 * at offset 16 }}, every sub-op behind the control plane's one policy check (a domU gets -EPERM). Implemented:
 * <ul>
 * <li>createdomain (1): {@code struct xen_domctl_createdomain { uint32_t ssidref; xen_domain_handle_t handle; (16 bytes)
 *     uint32_t flags; uint32_t iommu_opts; uint32_t max_vcpus; uint32_t max_evtchn_port; int32_t max_grant_frames;
 *     int32_t max_maptrack_frames; uint32_t grant_opts; uint32_t vmtrace_size; uint32_t cpupool_id; struct
 *     xen_arch_domainconfig arch; }} (interface 0x17: flags at u+20, max_vcpus at u+28, max_grant_frames at u+36,
 *     grant_opts at u+44, cpupool_id at u+52, arch at u+56). The domctl's {@code domain} is the domid asked for (0:
 *     any) and is written back with the new domain's. <b>The new domain's ISA</b> is the caller's, unless flags has
 *     Polyvisor's {@link ControlPlane#CDF_POLYVISOR_ISA} (bit 31, which Xen refuses as
 *     unknown): then it is the ISA for the ELF {@code uint16_t e_machine} at u+120 and {@code uint8_t EI_CLASS} at
 *     u+122, the last 8 bytes of the domctl's 128-byte union, beyond every architecture's arch part. XEN_DOMCTL_CDF_hvm
 *     makes an HVM domain on its ISA's board (made with its RAM, at its first max_mem). ssidref and the
 *     handle are kept and answered by getdomaininfo; max_evtchn_port bounds its event channels, max_grant_frames and
 *     grant_opts' version its grant table; max_maptrack_frames and arch are accepted and not used. See
 *     ControlPlane.createDomain for the checks;</li>
 * <li>setvcpucontext (12): {@code struct xen_domctl_vcpucontext} as for getvcpucontext, the context in the target's
 *     ISA's vcpu_guest_context (its word size and byte order);</li>
 * <li>destroydomain (2); pausedomain (3) and unpausedomain (4) with Xen's nested controller pause count (see
 *     ControlPlane.pause: a domain pausing itself -EINVAL, a 256th pause -EOVERFLOW, an unpause of a domain not
 *     paused -EINVAL);</li>
 * <li>getdomaininfo (5): {@link DomainInfoLayout}, the domain asked for exactly (not the next one);</li>
 * <li>setvcpuaffinity (9) and getvcpuaffinity (25): {@code struct xen_domctl_vcpuaffinity { uint32_t vcpu;
 *     uint32_t flags; struct xenctl_bitmap cpumap_hard; struct xenctl_bitmap cpumap_soft; }} with {@code
 *     xenctl_bitmap { XEN_GUEST_HANDLE_64(uint8) bitmap; uint32_t nr_bits; }} (16 bytes: hard at u+8, soft at
 *     u+24). Hard affinity is set and read (the effective one is written back); soft affinity reads as every pCPU
 *     and setting it is -EOPNOTSUPP (the credit scheduler here has none). flags without HARD or SOFT, or a vCPU
 *     beyond the domain's, is -EINVAL; bitmaps longer than {@link #MAX_BITMAP_BITS} bits are -EINVAL;</li>
 * <li>max_mem (11): {@code uint64_aligned_t max_memkb} (-EINVAL beyond the RAM the domain was built with);</li>
 * <li>getvcpucontext (13): {@code struct xen_domctl_vcpucontext { uint32_t vcpu; XEN_GUEST_HANDLE_64(
 *     vcpu_guest_context_t) ctxt; }}. The context is Polyvisor's, not an architecture's vcpu_guest_context: one
 *     uint64_t per register of the ISA's register set (the SPI's RegisterSet, in its order, e.g. the GPRs then pc
 *     and the status registers the ISA lists), in the guest's byte order. -ESRCH for a vCPU beyond the domain's,
 *     -ENODATA for one never initialised, -EINVAL for a null ctxt. A running vCPU is paused while it is read;</li>
 * <li>max_vcpus (15): {@code uint32_t max}, 1 to the vCPUs the domain was built with (-EINVAL otherwise); vCPUs
 *     beyond it go offline and vcpu_op no longer sees them;</li>
 * <li>scheduler_op (16): credit getinfo/putinfo.</li>
 * </ul>
 * A wrong interface_version is -EACCES, as in Xen.
 */
public final class Domctl implements HypercallHandler {
    /** The domctl interface version Polyvisor speaks. */
    public static final int INTERFACE_VERSION = 0x17;
    public static final int CREATEDOMAIN = 1, DESTROY = 2, PAUSE = 3, UNPAUSE = 4, GETDOMAININFO = 5, SETVCPUAFFINITY = 9,
            MAX_MEM = 11, SETVCPUCONTEXT = 12, GETVCPUCONTEXT = 13, MAX_VCPUS = 15, SCHEDULER_OP = 16, GETVCPUAFFINITY = 25;
    public static final int XEN_VCPUAFFINITY_HARD = 1, XEN_VCPUAFFINITY_SOFT = 2;
    /** The longest cpumap accepted (Xen's pCPU limit is 4096; 32768 leaves room and bounds the copy). */
    static final long MAX_BITMAP_BITS = 32768;
    static final int XEN_SCHEDULER_CREDIT = 5, SCHEDOP_PUTINFO = 0, SCHEDOP_GETINFO = 1;
    /** Offsets in xen_domctl_createdomain, and of Polyvisor's ISA selector in the union. */
    public static final int CD_HANDLE = 4, CD_FLAGS = 20, CD_IOMMU_OPTS = 24, CD_MAX_VCPUS = 28, CD_MAX_EVTCHN_PORT = 32,
            CD_MAX_GRANT_FRAMES = 36, CD_MAX_MAPTRACK_FRAMES = 40, CD_GRANT_OPTS = 44, CD_VMTRACE_SIZE = 48, CD_CPUPOOL_ID = 52,
            CD_ELF_MACHINE = 120, CD_ELF_CLASS = 122;

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
        if (cmd == CREATEDOMAIN) {
            boolean named = (m.readU32(u + CD_FLAGS) & ControlPlane.CDF_POLYVISOR_ISA) != 0;
            var in = new ControlService.CreateDomainIn(m.readU32(u), m.read(u + CD_HANDLE, 16), dom, m.readU32(u + CD_FLAGS),
                    m.readU32(u + CD_IOMMU_OPTS), m.readU32(u + CD_MAX_VCPUS), m.readU32(u + CD_MAX_EVTCHN_PORT), (int) m.readU32(u + CD_MAX_GRANT_FRAMES),
                    (int) m.readU32(u + CD_MAX_MAPTRACK_FRAMES), m.readU32(u + CD_GRANT_OPTS), m.readU32(u + CD_VMTRACE_SIZE),
                    m.readU32(u + CD_CPUPOOL_ID), named ? m.readU16(u + CD_ELF_MACHINE) : -1,
                    named ? m.read(u + CD_ELF_CLASS, 1)[0] & 0xFF : -1);
            m.writeU16(at + 8, dom);                 // the domctl must be writable before a domain is made
            long id = c.createDomain(self, in);
            if (id < 0) return id;
            m.writeU16(at + 8, id);
            return 0;
        }
        if (cmd == SETVCPUCONTEXT) {
            long vcpu = m.readU32(u), ctxt = m.readU64(u + 8);
            return c.setVcpuContext(self, dom, vcpu, ctxt == 0 ? null : size -> m.read(ctxt, size));
        }
        if (cmd == DESTROY) return c.destroy(self, dom);
        if (cmd == PAUSE) return c.pause(self, dom);
        if (cmd == UNPAUSE) return c.unpause(self, dom);
        if (cmd == GETDOMAININFO) {
            ControlService.DomainInfoOut[] out = new ControlService.DomainInfoOut[1];
            long r = c.domainInfo(self, dom, out);
            if (r < 0) return r;
            m.write(u, DomainInfoLayout.encode(out[0], call.byteOrder()));
            return 0;
        }
        if (cmd == MAX_MEM) return c.maxMem(self, dom, m.readU64(u));
        if (cmd == MAX_VCPUS) return c.maxVcpus(self, dom, m.readU32(u));
        if (cmd == SETVCPUAFFINITY || cmd == GETVCPUAFFINITY) return affinity(call, c, dom, u, cmd == SETVCPUAFFINITY);
        if (cmd == GETVCPUCONTEXT) {
            long vcpu = m.readU32(u), ctxt = m.readU64(u + 8);
            byte[][] context = new byte[1][];
            long r = c.vcpuContext(self, call.vcpuId(), dom, vcpu, call.byteOrder(), context);
            if (r < 0) return r;
            if (ctxt == 0) return -XenErrno.EINVAL;
            m.write(ctxt, context[0]);
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

    private static long affinity(HypercallCall call, ControlService c, int dom, long u, boolean set) {
        GuestPointers m = call.memory();
        long vcpu = m.readU32(u), flags = m.readU32(u + 4);
        boolean hard = (flags & XEN_VCPUAFFINITY_HARD) != 0, soft = (flags & XEN_VCPUAFFINITY_SOFT) != 0;
        if (!hard && !soft) return -XenErrno.EINVAL;
        if (m.readU32(u + 16) > MAX_BITMAP_BITS || m.readU32(u + 32) > MAX_BITMAP_BITS) return -XenErrno.EINVAL;
        BitSet[] out = new BitSet[1];
        long r = c.vcpuAffinity(call.domainId(), dom, vcpu, set && hard ? () -> readBitmap(m, u + 8, c.pcpus()) : null, out);
        if (r < 0) return r;
        if (set && soft) return -XenErrno.EOPNOTSUPP;
        if (hard) writeBitmap(m, u + 8, out[0]);
        if (soft) {
            BitSet all = new BitSet();
            all.set(0, c.pcpus());
            writeBitmap(m, u + 24, all);
        }
        return 0;
    }

    /** A xenctl_bitmap from the guest: bit n is bit n%8 of byte n/8; bits beyond nr_bits or the host's pCPUs are dropped. */
    private static BitSet readBitmap(GuestPointers m, long at, int pcpus) {
        long ptr = m.readU64(at), bits = m.readU32(at + 8);
        int bytes = (int) Math.min((bits + 7) / 8, (pcpus + 7) / 8);
        BitSet b = BitSet.valueOf(m.read(ptr, bytes));
        if (b.length() > bits) b.clear((int) bits, b.length());
        return b;
    }

    /** Writes a bitmap into the guest's xenctl_bitmap: the bytes it has room for, the rest of its bytes zero. */
    private static void writeBitmap(GuestPointers m, long at, BitSet set) {
        long ptr = m.readU64(at), bits = m.readU32(at + 8);
        byte[] out = new byte[(int) ((bits + 7) / 8)];       // nr_bits was checked against MAX_BITMAP_BITS
        byte[] have = set.toByteArray();
        System.arraycopy(have, 0, out, 0, Math.min(have.length, out.length));
        m.write(ptr, out);
    }
}
