package org.polyvisor.isa.ppc.exec;

/**
 * The element view of the AltiVec registers ({@link PpcCpu#vr}: VR n is {@code vr[2n]}, bytes 0-7 with element 0
 * most significant, and {@code vr[2n+1]}) and the quadword result being built ({@link #hi}, {@link #lo}), which the
 * vector unit writes to VRT once the operation is done, so VRT may be any source register. Shared by the parts of
 * the unit; one per vCPU.
 */
final class Lanes {
    private final long[] vr;
    /** The result being built: its high and low doublewords. */
    long hi, lo;

    Lanes(long[] vr) { this.vr = vr; }

    long h(int n) { return vr[2 * n]; }

    long l(int n) { return vr[2 * n + 1]; }

    /** Element {@code e} of {@code size} bytes of VR {@code n}, zero-extended. */
    long element(int n, int size, int e) {
        int bit = e * size * 8;
        long w = vr[2 * n + (bit >>> 6)];
        int shift = 64 - size * 8 - (bit & 63);
        return (w >>> shift) & mask(size);
    }

    /** Sets element {@code e} of {@code size} bytes of the result to the low bits of {@code v}. */
    void put(int size, int e, long v) {
        int bit = e * size * 8;
        int shift = 64 - size * 8 - (bit & 63);
        long m = mask(size) << shift;
        if (bit < 64) hi = (hi & ~m) | ((v << shift) & m);
        else lo = (lo & ~m) | ((v << shift) & m);
    }

    static long mask(int size) { return size == 4 ? 0xffff_ffffL : size == 2 ? 0xffffL : 0xffL; }

    static long signed(long v, int size) {
        int s = 64 - size * 8;
        return (v << s) >> s;
    }
}
