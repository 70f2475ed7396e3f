package org.polyvisor.spi;

/** One architectural register as the shell, the debugger and save/restore see it. */
public record Register(String name, int number, int bits) {
    public Register {
        if (name == null || name.isBlank()) throw new IllegalArgumentException("register name is blank");
        if (bits < 1 || bits > 64) throw new IllegalArgumentException(name + ": bits must be 1..64, was " + bits);
    }
}
