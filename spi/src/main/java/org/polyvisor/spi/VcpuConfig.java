package org.polyvisor.spi;

import java.util.Objects;
import org.polyvisor.spi.platform.Platform;

/**
 * What an ISA needs to build one vCPU of a domain.
 *
 * @param memory   the domain's guest-physical address space
 * @param vcpuId   0-based index within the domain
 * @param type     PV or HVM
 * @param clock    the domain's virtual time
 * @param platform the HVM board the vCPU sits on (made by {@link IsaProvider#createPlatform}), or null (PV, tests)
 */
public record VcpuConfig(GuestMemory memory, int vcpuId, GuestType type, VirtualClock clock,
                         Platform platform) {
    public VcpuConfig {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clock, "clock");
        if (vcpuId < 0) throw new IllegalArgumentException("vcpuId < 0: " + vcpuId);
    }

    /** A vCPU on no board: PV domains, and tests. */
    public VcpuConfig(GuestMemory memory, int vcpuId, GuestType type, VirtualClock clock) {
        this(memory, vcpuId, type, clock, null);
    }
}
