package org.polyvisor.isa.ia64.fp;

/**
 * Memory formats and their register images (SDM rev 2.3 vol 1 5.1.3, figures 5-7 to 5-10 "Memory to
 * Floating-point Register Data Translation" and the reverse for stores; vol 3 ldf, stf, getf, setf). Single and
 * double reals widen exactly: their denormals keep their value with an unnormalized significand at exponent
 * 0xFF81 / 0xFC01, zeros map to exponent 0, infinities and NaNs to 0x1FFFF; the 8-byte integer form goes to
 * exponent 0x1003E; the 10-byte double-extended form maps its exponent e to e - 0x3FFF + 0xFFFF (0 stays 0,
 * 0x7FFF becomes 0x1FFFF); the 16-byte spill form is the register image itself. Stores narrow by taking the
 * exponent's sign bit (bit 16) and its low bits, which is exact for every value the matching load produces.
 */
public final class FpFormats {
    private FpFormats() { }

    /** The sign and exponent of a single (4-byte) real's register image; {@link #singleSig} gives its significand. */
    public static int singleSe(int bits) {
        int sign = bits >>> 31, e = bits >>> 23 & 0xff, f = bits & 0x7fffff;
        int re = e == 0xff ? FpArith.EXP_SPECIAL : e == 0 ? (f == 0 ? 0 : 0xFF81) : e - 127 + FpArith.BIAS;
        return sign << 17 | re;
    }

    public static long singleSig(int bits) {
        int e = bits >>> 23 & 0xff;
        long f = (long) (bits & 0x7fffff) << 40;
        return e == 0 ? f : f | FpArith.INTEGER_BIT;
    }

    public static int doubleSe(long bits) {
        int sign = (int) (bits >>> 63), e = (int) (bits >>> 52) & 0x7ff;
        long f = bits & 0xf_ffff_ffff_ffffL;
        int re = e == 0x7ff ? FpArith.EXP_SPECIAL : e == 0 ? (f == 0 ? 0 : 0xFC01) : e - 1023 + FpArith.BIAS;
        return sign << 17 | re;
    }

    public static long doubleSig(long bits) {
        int e = (int) (bits >>> 52) & 0x7ff;
        long f = (bits & 0xf_ffff_ffff_ffffL) << 11;
        return e == 0 ? f : f | FpArith.INTEGER_BIT;
    }

    /** Double-extended: {@code signExp} is the 16 bits above the significand (sign in bit 15). */
    public static int extendedSe(int signExp) {
        int e = signExp & 0x7fff;
        int re = e == 0x7fff ? FpArith.EXP_SPECIAL : e == 0 ? 0 : e - 0x3fff + FpArith.BIAS;
        return (signExp >>> 15 & 1) << 17 | re;
    }

    /** The 16 sign/exponent bits a double-extended store writes above the significand. */
    public static int extendedSignExp(int se) {
        int e = se & FpArith.EXP_MASK;
        int me = e == FpArith.EXP_SPECIAL ? 0x7fff : e == 0 ? 0 : (e >>> 16 & 1) << 14 | e & 0x3fff;
        return (se >>> 17 & 1) << 15 | me;
    }

    /** stfs / getf.s: the single real of a register value. */
    public static int toSingle(int se, long sig) {
        int e = se & FpArith.EXP_MASK;
        int me = e == FpArith.EXP_SPECIAL ? 0xff : sig >= 0 ? 0 : (e >>> 16 & 1) << 7 | e & 0x7f;
        return (se >>> 17 & 1) << 31 | me << 23 | (int) (sig >>> 40) & 0x7fffff;
    }

    /** stfd / getf.d: the double real of a register value. */
    public static long toDouble(int se, long sig) {
        int e = se & FpArith.EXP_MASK;
        long me = e == FpArith.EXP_SPECIAL ? 0x7ff : sig >= 0 ? 0 : (e >>> 16 & 1) << 10 | e & 0x3ff;
        return (long) (se >>> 17 & 1) << 63 | me << 52 | sig >>> 11 & 0xf_ffff_ffff_ffffL;
    }

    /** The spill form's upper 64 bits (exponent in bits 0-16, sign in bit 17) and back. */
    public static long spillHigh(int se) { return se & 0x3ffff; }

    public static int fillSe(long high) { return (int) (high & 0x3ffff); }
}
