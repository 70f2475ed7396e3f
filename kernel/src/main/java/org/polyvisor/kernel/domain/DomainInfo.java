package org.polyvisor.kernel.domain;

import org.polyvisor.spi.GuestType;

/** One row of {@code xl list}, plus the ISA and type. */
public record DomainInfo(int id, String name, String isa, GuestType type, long memoryMiB, int vcpus, String stateFlags,
                         double cpuSeconds, DomainState state, long instructions) { }
