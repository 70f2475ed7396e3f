package org.polyvisor.isa.ppc.exec;

/**
 * Rounds an exact real result to the double or single format under one of the four FPSCR[RN] modes, as Book I 4.3.6
 * defines it, and reports the FPSCR consequences (FR, FI, OX, UX, XX). The exact result arrives as
 * {@code X = (m + s*tiny) * 2^e}: {@code m} is a finite non-zero double on whose 53-bit grid no grid point or midpoint
 * lies strictly between {@code m} and {@code X / 2^e}, and {@code s} is the sign (-1, 0, 1) of {@code X/2^e - m}. Every
 * arithmetic instruction reduces its exact result to this shape with error-free transformations
 * ({@link FpArithmetic}), so rounding needs no wide arithmetic and allocates nothing.
 * <p>Tininess is detected before rounding (|X| below the format's smallest normal). With OE = 1 an overflowed result
 * is delivered with its exponent reduced by 1536 (double) or 192 (single); with UE = 1 a tiny result is rounded as if
 * the exponent range were unbounded and delivered with its exponent increased by the same amount (Book I 4.4.4,
 * 4.4.5). One instance per vCPU; {@link #round} leaves its outcome in the public fields.
 */
final class FpRounder {
    static final int NEAREST = 0, TOWARD_ZERO = 1, TOWARD_PLUS = 2, TOWARD_MINUS = 3;
    private static final long FRACTION = 0x000f_ffff_ffff_ffffL;

    /** The rounded result (raw double bits; for single precision a value the single format holds). */
    long bits;
    /** Fraction rounded (magnitude incremented), fraction inexact, overflow, tiny result (before rounding). */
    boolean fr, fi, overflow, tiny;

    /**
     * Rounds {@code (m + s*tiny) * 2^e} to single ({@code single}) or double precision in {@code mode}; {@code oe} and
     * {@code ue} are FPSCR[OE] and FPSCR[UE].
     */
    void round(double m, int s, int e, boolean single, int mode, boolean oe, boolean ue) {
        long raw = Double.doubleToRawLongBits(m);
        boolean negative = raw < 0;
        int biased = (int) (raw >>> 52) & 0x7ff;
        long mant = biased == 0 ? raw & FRACTION : (raw & FRACTION) | 1L << 52;
        int exp = (biased == 0 ? -1074 : biased - 1075) + e;
        int sMag = negative ? -s : s;
        int precision = single ? 24 : 53, emin = single ? -126 : -1022, emax = single ? 127 : 1023;
        int expX = exp + 63 - Long.numberOfLeadingZeros(mant);
        if (sMag < 0 && (mant & (mant - 1)) == 0) expX--;
        tiny = expX < emin;
        int quantum = (tiny && !ue ? emin : expX) - (precision - 1);
        int shift = quantum - exp;
        boolean up = switch (mode) {
            case TOWARD_ZERO -> false;
            case TOWARD_PLUS -> !negative;
            case TOWARD_MINUS -> negative;
            default -> false;
        };
        long r;
        boolean inexact;
        if (shift <= 0) {
            mant <<= -shift;
            inexact = s != 0;
            r = mant;
            if (mode != NEAREST) {
                if (up && sMag > 0) r++;
                else if (!up && sMag < 0) r--;
            }
            fr = r > mant || (r == mant && sMag < 0);
        } else if (shift >= 62) {
            inexact = true;
            r = mode != NEAREST && up ? 1 : 0;
            fr = r > 0;
        } else {
            r = mant >>> shift;
            long rem = mant & ((1L << shift) - 1), half = 1L << (shift - 1);
            inexact = rem != 0 || s != 0;
            if (mode == NEAREST) {
                if (rem > half || (rem == half && (sMag > 0 || (sMag == 0 && (r & 1) != 0)))) r++;
            } else if (up) {
                if (rem != 0 || sMag > 0) r++;
            } else if (rem == 0 && sMag < 0) {
                r--;
            }
            long back = r << shift;
            fr = back > mant || (back == mant && sMag < 0);
        }
        fi = inexact;
        overflow = r != 0 && quantum + 63 - Long.numberOfLeadingZeros(r) > emax;
        double magnitude;
        if (overflow) {
            if (oe) {
                magnitude = Math.scalb((double) r, quantum - (single ? 192 : 1536));
            } else {
                boolean toInfinity = mode == NEAREST || up;
                magnitude = toInfinity ? Double.POSITIVE_INFINITY : single ? Float.MAX_VALUE : Double.MAX_VALUE;
                fi = true;
                fr = toInfinity;
            }
        } else if (tiny && ue) {
            magnitude = Math.scalb((double) r, quantum + (single ? 192 : 1536));
        } else {
            magnitude = Math.scalb((double) r, quantum);
        }
        bits = Double.doubleToRawLongBits(negative ? -magnitude : magnitude);
    }
}
