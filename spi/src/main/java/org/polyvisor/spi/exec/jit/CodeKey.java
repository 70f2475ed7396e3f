package org.polyvisor.spi.exec.jit;

import java.util.Arrays;

/**
 * What a translation depends on: the instruction words of the block, and the mode bits (ISA-defined; 0 when the
 * translated code depends on none) that change what those words mean. Equal keys translate to the same code, so the
 * translation can be shared by every vCPU and domain. The words are copied; the hash is computed once.
 */
public final class CodeKey {
    private final int[] words;
    private final long mode;
    private final int hash;

    private CodeKey(int[] words, long mode) {
        this.words = words;
        this.mode = mode;
        this.hash = 31 * Arrays.hashCode(words) + Long.hashCode(mode);
    }

    /** The key of {@code words} (copied) in {@code mode}. */
    public static CodeKey of(int[] words, long mode) {
        if (words.length == 0) throw new IllegalArgumentException("a code key needs at least one instruction word");
        return new CodeKey(words.clone(), mode);
    }

    /** How many instruction words the key holds. */
    public int length() { return words.length; }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeKey k && k.hash == hash && k.mode == mode && Arrays.equals(k.words, words);
    }

    @Override public int hashCode() { return hash; }

    @Override
    public String toString() {
        return "CodeKey[" + words.length + " words, mode 0x" + Long.toHexString(mode) + ", first 0x"
                + Integer.toHexString(words[0]) + "]";
    }
}
