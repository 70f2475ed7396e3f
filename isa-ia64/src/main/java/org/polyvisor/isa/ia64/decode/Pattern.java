package org.polyvisor.isa.ia64.decode;

import org.polyvisor.isa.ia64.insn.Insn;

/**
 * One encoding of the decode table: the slot matches when {@code (slot & mask) == match} (the major opcode,
 * bits 37-40, is part of both). Names follow the manual's instruction format (A1, I11, M34, B4, X2...).
 */
record Pattern(String name, Unit unit, long mask, long match, Handler handler) {
    /** Builds the instruction object; {@code l} is the L slot for X-unit encodings. Null means "undefined after all". */
    @FunctionalInterface
    interface Handler {
        Insn decode(long slot, long l);
    }

    int major() { return (int) (match >>> 37) & 0xf; }
}
