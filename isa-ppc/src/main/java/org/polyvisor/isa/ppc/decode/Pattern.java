package org.polyvisor.isa.ppc.decode;

/**
 * One encoding pattern: a word encodes {@code op} when {@code (word & mask) == match} and {@code validity}
 * accepts it. Reserved bits are in the mask, so a word with a reserved bit set matches nothing (as in objdump).
 */
public record Pattern(Op op, int mask, int match, Validity validity) {
    public Pattern {
        if ((match & ~mask) != 0) throw new IllegalArgumentException(op + ": match has bits outside its mask");
    }

    public boolean matches(int word) { return (word & mask) == match && validity.accepts(word); }

    public int primary() { return match >>> 26; }
}
