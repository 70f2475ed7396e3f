package org.polyvisor.kernel.hypercall;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * {@code struct xen_domctl_getdomaininfo} (domctl.h, interface 0x17): domain at 0, flags at 4, tot_pages 8,
 * max_pages 16, outstanding/shr/paged_pages 24-47, shared_info_frame 48, cpu_time 56, nr_online_vcpus 64,
 * max_vcpu_id 68, ssidref 72, handle[16] 76, cpupool 92, gpaddr_bits 96, arch_config from 100; {@link #SIZE}
 * bytes with x86's 8-byte arch_config, used for every ISA (getdomaininfolist's array stride). Fields Polyvisor has
 * no value for are zero.
 */
final class DomainInfoLayout {
    static final int SIZE = 112;

    private DomainInfoLayout() { }

    static byte[] encode(ControlService.DomainInfoOut i, ByteOrder order) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(order);
        b.putShort(0, (short) i.domain()).putInt(4, (int) i.flags()).putLong(8, i.totPages()).putLong(16, i.maxPages())
                .putLong(48, i.sharedInfoFrame()).putLong(56, i.cpuTimeNs()).putInt(64, i.onlineVcpus()).putInt(68, i.maxVcpuId())
                .putInt(72, (int) i.ssidref());
        b.put(76, i.handle(), 0, Math.min(16, i.handle().length));
        return b.array();
    }
}
