package org.polyvisor.isa.arm64.decode;

/**
 * One row of the decode table: an encoding matches when {@code (raw & mask) == match}; {@code fields} then
 * extracts the operands, or says the match is an unallocated combination of fields.
 */
public record Pattern(Op op, int mask, int match, Fields fields) {
    public Pattern {
        if ((match & ~mask) != 0) throw new IllegalArgumentException(op + ": match has bits outside mask");
    }

    /** Extracts fields into a fresh {@link Insn}; returns false when the encoding is unallocated. */
    @FunctionalInterface
    public interface Fields {
        boolean extract(int raw, Insn insn);
    }
}
