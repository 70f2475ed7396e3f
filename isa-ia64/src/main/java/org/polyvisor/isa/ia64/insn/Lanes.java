package org.polyvisor.isa.ia64.insn;

/** Element access for the parallel (multimedia) instructions: a 64-bit register as 8, 4 or 2 little-endian lanes. */
final class Lanes {
    private Lanes() { }

    static long mask(int bytes) { return bytes == 8 ? -1L : (1L << (bytes * 8)) - 1; }

    /** Lane {@code i} of {@code bytes} bytes, zero-extended. */
    static long u(long v, int bytes, int i) { return (v >>> (i * bytes * 8)) & mask(bytes); }

    /** Lane {@code i} of {@code bytes} bytes, sign-extended. */
    static long s(long v, int bytes, int i) {
        int shift = 64 - bytes * 8;
        return (v >>> (i * bytes * 8)) << shift >> shift;
    }

    /** {@code acc} with lane {@code i} replaced by the low bits of {@code x}. */
    static long put(long acc, int bytes, int i, long x) { return acc | (x & mask(bytes)) << (i * bytes * 8); }

    static long saturateSigned(long x, int bytes) {
        long max = (1L << (bytes * 8 - 1)) - 1, min = -max - 1;
        return Math.max(min, Math.min(max, x));
    }

    static long saturateUnsigned(long x, int bytes) { return Math.max(0, Math.min(mask(bytes), x)); }
}
