package org.polyvisor.spi;

import java.util.Objects;

/**
 * What an ISA needs to build one vCPU of a domain.
 *
 * @param memory   the domain's guest-physical address space
 * @param vcpuId   0-based index within the domain
 * @param type     PV or HVM
 * @param clock    the domain's virtual time
 */
public record VcpuConfig(GuestMemory memory, int vcpuId, GuestType type, VirtualClock clock) {
    public VcpuConfig {
        Objects.requireNonNull(memory, "memory");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(clock, "clock");
        if (vcpuId < 0) throw new IllegalArgumentException("vcpuId < 0: " + vcpuId);
    }
}
