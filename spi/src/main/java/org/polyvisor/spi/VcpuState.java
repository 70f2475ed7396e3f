package org.polyvisor.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Collections;

/**
 * A serialisable snapshot of one vCPU: register values by name (in the ISA's register-set order) and an
 * opaque blob for state that is not a 64-bit register (vector registers, FPU stack, TLB-visible state).
 */
public record VcpuState(String isa, Map<String, Long> registers, byte[] extra) {
    public VcpuState {
        Objects.requireNonNull(isa, "isa");
        registers = Collections.unmodifiableMap(new LinkedHashMap<>(registers));
        extra = extra == null ? new byte[0] : extra.clone();
    }

    @Override
    public byte[] extra() { return extra.clone(); }
}
