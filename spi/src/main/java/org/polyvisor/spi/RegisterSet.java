package org.polyvisor.spi;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The registers of an ISA, numbered for {@link Vcpu#register(int)}; names are matched case-insensitively. */
public final class RegisterSet {
    private final List<Register> registers;
    private final Map<String, Register> byName = new HashMap<>();
    private final String pcName;

    /** @param pcName the name of the program counter register in this set (e.g. "rip", "pc", "ip") */
    public RegisterSet(List<Register> registers, String pcName) {
        this.registers = List.copyOf(registers);
        for (Register r : this.registers) {
            if (byName.put(r.name().toLowerCase(Locale.ROOT), r) != null)
                throw new IllegalArgumentException("duplicate register name: " + r.name());
        }
        if (!byName.containsKey(pcName.toLowerCase(Locale.ROOT)))
            throw new IllegalArgumentException("pc register not in set: " + pcName);
        this.pcName = pcName;
    }

    public List<Register> all() { return registers; }

    public Optional<Register> byName(String name) {
        return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
    }

    public Register pc() { return byName.get(pcName.toLowerCase(Locale.ROOT)); }
}
