package org.polyvisor.isa.ia64.fp;

/**
 * The approximations of frcpa and frsqrta. The manual (SDM rev 2.3 vol 3 frcpa, frsqrta) architects only their
 * accuracy: a relative error below 2^-8.886 for frcpa and 2^-8.831 for frsqrta, which is what the division and
 * square-root sequences (vol 1 "Floating-point Software Assistance" and the runtime's own) are proven against.
 * This backend's tables are documented rather than copied: 256 entries indexed by the 8 fraction bits below the
 * integer bit (plus the exponent's parity for frsqrta), each the constant of least relative error over its
 * interval [a, b): 2 / (a + b) for 1/x and 2 / (sqrt(a) + sqrt(b)) for 1/sqrt(x), rounded to 16 significant
 * bits. The worst relative error is then 1/513 + 2^-16 (about 2^-8.99) and 2^-10 + 2^-16; the unit test checks
 * both bounds over every entry's interval.
 */
public final class ApproximationTables {
    private static final long[] RECIPROCAL = new long[256];
    private static final long[] RSQRT = new long[512];

    static {
        for (int i = 0; i < 256; i++) {
            // 1/x on [1 + i/256, 1 + (i+1)/256): 2/(a+b) = 512/(513 + 2i), a value in (0.5, 1]; as a significand 2/(a+b) * 2.
            double c = 1024.0 / (513 + 2 * i);
            RECIPROCAL[i] = sixteenBits(c);
            for (int odd = 0; odd < 2; odd++) {
                double a = (1 + i / 256.0) * (odd + 1), b = (1 + (i + 1) / 256.0) * (odd + 1);
                RSQRT[odd << 8 | i] = sixteenBits(4.0 / (Math.sqrt(a) + Math.sqrt(b)));
            }
        }
    }

    private ApproximationTables() { }

    /** {@code v} in [1, 2) as a significand rounded to 16 bits (integer bit in bit 63). */
    private static long sixteenBits(double v) {
        return Math.round(v * 32768.0) << 48;
    }

    /** The significand of the approximation of 1/x, x's normalized significand {@code m}; the value is in (1, 2). */
    public static long reciprocal(long m) {
        return RECIPROCAL[(int) (m >>> 55) & 0xff];
    }

    /** The significand of the approximation of 1/sqrt(y), y = m * 2^odd (m normalized): the value is in (1, 2). */
    public static long reciprocalSqrt(long m, int odd) {
        return RSQRT[odd << 8 | (int) (m >>> 55) & 0xff];
    }
}
