package org.polyvisor.isa.arm64.exec;

import java.math.BigInteger;

/**
 * IEEE 754 single and double precision as the Arm ARM's shared pseudocode defines it (FPUnpack, FPProcessNaNs,
 * FPRound, FPAdd, FPMul, FPMulAdd, FPDiv, FPSqrt, FPMax/FPMin and the Num variants, FPCompare, FPToFixed,
 * FPRoundInt, FPConvert, FixedToFP), on raw bit patterns: FPCR.RMode, FZ and DN are honoured and the cumulative
 * FPSR flags (IOC, DZC, OFC, UFC, IXC, IDC) are set in the vCPU's {@link Arm64State#fpsr}. Values are held as
 * {@code mantissa * 2^exponent} in longs with a sticky bit, so no operation but FSQRT and the fused multiply-add
 * allocates. Single precision values are the low 32 bits of the long, half precision the low 16 bits.
 * <p>
 * Half precision takes part in conversions only (FCVT, FCVTL, FCVTN: base ARMv8.0; FEAT_FP16's arithmetic is not
 * implemented, see ID_AA64PFR0_EL1): as the Arm ARM's FPConvert with FPUnpackCV and FPRoundCV, a half operand is
 * never flushed to zero and a half result never is (FZ16, not FZ, would govern them, and conversions treat it as 0),
 * while FPCR.AHP selects the alternative half-precision format, which has no infinities or NaNs: exponent 31 is a
 * normal binade, a NaN converts to zero and an infinity or out-of-range value to the largest magnitude, each with IOC.
 */
final class SoftFloat {
    static final int SINGLE = 0, DOUBLE = 1, HALF = 2;
    /** FPSR cumulative flags. */
    static final int IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;
    /** FPCR.DN and FPCR.FZ. */
    static final int FPCR_DN = 1 << 25, FPCR_FZ = 1 << 24;
    /** FPCR.AHP: alternative half-precision format for conversions to and from half precision. */
    static final int FPCR_AHP = 1 << 26;
    /** Rounding modes: FPCR.RMode's four, then ties-away (FCVTA*, FRINTA) and "use FPCR" for the instructions. */
    static final int RN = 0, RP = 1, RM = 2, RZ = 3, RA = 4, FPCR_MODE = -1;

    private static final int ZERO = 0, FINITE = 1, INF = 2, QNAN = 3, SNAN = 4;
    private static final int[] F = {23, 52, 10}, MIN_EXP = {-126, -1022, -14}, MAX_BIASED = {255, 2047, 31},
            BIAS = {127, 1023, 15};

    private final Arm64State s;

    SoftFloat(Arm64State state) { this.s = state; }

    static long signBit(int fmt) { return fmt == SINGLE ? 0x8000_0000L : fmt == DOUBLE ? Long.MIN_VALUE : 0x8000L; }

    private static long fracMask(int fmt) { return (1L << F[fmt]) - 1; }

    private static int expField(long b, int fmt) { return (int) (b >>> F[fmt]) & MAX_BIASED[fmt]; }

    static long defaultNaN(int fmt) { return fmt == SINGLE ? 0x7FC0_0000L : fmt == DOUBLE ? 0x7FF8_0000_0000_0000L : 0x7E00L; }

    static long infinity(boolean neg, int fmt) {
        return (neg ? signBit(fmt) : 0) | ((long) MAX_BIASED[fmt] << F[fmt]);
    }

    private static long zero(boolean neg, int fmt) { return neg ? signBit(fmt) : 0; }

    private static boolean neg(long b, int fmt) { return (b & signBit(fmt)) != 0; }

    private static int type(long b, int fmt) {
        int e = expField(b, fmt);
        long frac = b & fracMask(fmt);
        if (e == MAX_BIASED[fmt]) return frac == 0 ? INF : (frac >>> (F[fmt] - 1)) != 0 ? QNAN : SNAN;
        return e == 0 && frac == 0 ? ZERO : FINITE;
    }

    /** The significand with its implicit bit, for a finite nonzero value. */
    private static long mantissa(long b, int fmt) {
        long frac = b & fracMask(fmt);
        return expField(b, fmt) == 0 ? frac : frac | (1L << F[fmt]);
    }

    /** The exponent of the significand's last bit: value = mantissa * 2^exponent. */
    private static int exponent(long b, int fmt) {
        int e = expField(b, fmt);
        return (e == 0 ? 1 : e) - BIAS[fmt] - F[fmt];
    }

    private void raise(int flags) { s.fpsr |= flags; }

    private int rounding(int mode) { return mode == FPCR_MODE ? (s.fpcr >>> 22) & 3 : mode; }

    /** FPUnpack's flush-to-zero: a denormal input is a zero of the same sign when FPCR.FZ is set (IDC). */
    long flush(long b, int fmt) {
        if ((s.fpcr & FPCR_FZ) != 0 && expField(b, fmt) == 0 && (b & fracMask(fmt)) != 0) {
            raise(IDC);
            return b & signBit(fmt);
        }
        return b;
    }

    /** FPProcessNaN: quietens a signalling NaN (IOC), or gives the default NaN when FPCR.DN is set. */
    private long processNaN(long b, int fmt) {
        if (type(b, fmt) == SNAN) {
            raise(IOC);
            b |= 1L << (F[fmt] - 1);
        }
        return (s.fpcr & FPCR_DN) != 0 ? defaultNaN(fmt) : b;
    }

    private static boolean isNaN(int t) { return t >= QNAN; }

    /** FPProcessNaNs: the first signalling NaN, else the first quiet NaN. Call only when one is a NaN. */
    private long processNaNs(long a, int ta, long b, int tb, int fmt) {
        if (ta == SNAN) return processNaN(a, fmt);
        if (tb == SNAN) return processNaN(b, fmt);
        return processNaN(ta == QNAN ? a : b, fmt);
    }

    private long invalid(int fmt) {
        raise(IOC);
        return defaultNaN(fmt);
    }

    // ---- rounding -----------------------------------------------------------------------------------------------

    /** A right shift that ORs every bit shifted out into bit 0 (so rounding still sees them). */
    static long shiftRightSticky(long m, int n) {
        if (n <= 0) return m;
        if (n >= 64) return m != 0 ? 1 : 0;
        return (m >>> n) | ((m & ((1L << n) - 1)) != 0 ? 1 : 0);
    }

    /**
     * FPRound: rounds {@code mant * 2^exp} (mant an unsigned nonzero long whose bit 0 may be a sticky bit) to
     * format {@code fmt} with rounding {@code mode}, honouring FZ on the output and raising UFC, OFC and IXC.
     */
    long round(boolean negative, long mant, int exp, int fmt, int mode) {
        int f = F[fmt], minExp = MIN_EXP[fmt];
        int rmode = rounding(mode);
        int exponent = exp + 63 - Long.numberOfLeadingZeros(mant);
        long sign = negative ? signBit(fmt) : 0;
        if ((s.fpcr & FPCR_FZ) != 0 && fmt != HALF && exponent < minExp) {
            raise(UFC);
            return sign;
        }
        int biased = Math.max(exponent - minExp + 1, 0);
        int shift = (biased == 0 ? minExp : exponent) - f - exp;
        long intMant;
        int error;   // 0 exact, 1 below half, 2 half, 3 above half
        if (shift <= 0) {
            intMant = mant << -shift;
            error = 0;
        } else if (shift >= 64) {
            intMant = 0;
            error = shift == 64 && mant < 0 ? ((mant << 1) == 0 ? 2 : 3) : 1;
        } else {
            intMant = mant >>> shift;
            long rest = mant & ((1L << shift) - 1), half = 1L << (shift - 1);
            error = rest == 0 ? 0 : rest < half ? 1 : rest == half ? 2 : 3;
        }
        if (biased == 0 && error != 0) raise(UFC);
        boolean up, overflowToInf;
        switch (rmode) {
            case RN -> { up = error == 3 || (error == 2 && (intMant & 1) != 0); overflowToInf = true; }
            case RA -> { up = error >= 2; overflowToInf = true; }
            case RP -> { up = error != 0 && !negative; overflowToInf = !negative; }
            case RM -> { up = error != 0 && negative; overflowToInf = negative; }
            default -> { up = false; overflowToInf = false; }
        }
        if (up) {
            intMant++;
            if (biased == 0 && intMant == 1L << f) biased = 1;
            if (intMant == 1L << (f + 1)) { biased++; intMant >>>= 1; }
        }
        long result;
        if (fmt == HALF && (s.fpcr & FPCR_AHP) != 0) {
            // FPRoundBase, alternative half precision: exponent 31 is normal; beyond it, the largest magnitude and IOC.
            if (biased > MAX_BIASED[HALF]) {
                raise(IOC);
                return sign | 0x7FFF;
            }
            result = ((long) biased << f) | (intMant & fracMask(fmt));
        } else if (biased >= MAX_BIASED[fmt]) {
            raise(OFC);
            error = 1;
            result = overflowToInf ? infinity(false, fmt) : ((long) (MAX_BIASED[fmt] - 1) << f) | fracMask(fmt);
        } else {
            result = ((long) biased << f) | (intMant & fracMask(fmt));
        }
        if (error != 0) raise(IXC);
        return sign | result;
    }

    // ---- arithmetic ---------------------------------------------------------------------------------------------

    long add(long a, long b, int fmt) { return addSub(a, b, fmt, false); }

    long sub(long a, long b, int fmt) { return addSub(a, b, fmt, true); }

    private long addSub(long a, long b, int fmt, boolean subtract) {
        a = flush(a, fmt);
        b = flush(b, fmt);
        int ta = type(a, fmt), tb = type(b, fmt);
        if (isNaN(ta) || isNaN(tb)) return processNaNs(a, ta, b, tb, fmt);
        boolean sa = neg(a, fmt), sb = neg(b, fmt) != subtract;
        if (ta == INF && tb == INF && sa != sb) return invalid(fmt);
        if (ta == INF) return infinity(sa, fmt);
        if (tb == INF) return infinity(sb, fmt);
        if (ta == ZERO && tb == ZERO && sa == sb) return zero(sa, fmt);
        if (ta == ZERO) return tb == ZERO ? zero(rounding(FPCR_MODE) == RM, fmt) : round(sb, mantissa(b, fmt), exponent(b, fmt), fmt, FPCR_MODE);
        if (tb == ZERO) return round(sa, mantissa(a, fmt), exponent(a, fmt), fmt, FPCR_MODE);
        long ma = mantissa(a, fmt), mb = mantissa(b, fmt);
        int ea = exponent(a, fmt), eb = exponent(b, fmt);
        int na = Long.numberOfLeadingZeros(ma) - 2, nb = Long.numberOfLeadingZeros(mb) - 2;
        ma <<= na;
        ea -= na;
        mb <<= nb;
        eb -= nb;
        if (ea < eb) {
            long tm = ma; ma = mb; mb = tm;
            int te = ea; ea = eb; eb = te;
            boolean ts = sa; sa = sb; sb = ts;
        }
        mb = shiftRightSticky(mb, ea - eb);
        long m;
        boolean sign = sa;
        if (sa == sb) {
            m = ma + mb;
        } else {
            m = ma - mb;
            if (m < 0) { m = -m; sign = sb; }
        }
        if (m == 0) return zero(rounding(FPCR_MODE) == RM, fmt);
        return round(sign, m, ea, fmt, FPCR_MODE);
    }

    long mul(long a, long b, int fmt) {
        a = flush(a, fmt);
        b = flush(b, fmt);
        int ta = type(a, fmt), tb = type(b, fmt);
        if (isNaN(ta) || isNaN(tb)) return processNaNs(a, ta, b, tb, fmt);
        boolean sign = neg(a, fmt) != neg(b, fmt);
        if ((ta == INF && tb == ZERO) || (ta == ZERO && tb == INF)) return invalid(fmt);
        if (ta == INF || tb == INF) return infinity(sign, fmt);
        if (ta == ZERO || tb == ZERO) return zero(sign, fmt);
        long ma = mantissa(a, fmt), mb = mantissa(b, fmt);
        long lo = ma * mb, hi = Math.unsignedMultiplyHigh(ma, mb);
        int e = exponent(a, fmt) + exponent(b, fmt);
        if (hi != 0 || lo < 0) {
            int k = 64 - Long.numberOfLeadingZeros(hi) + 2;   // keep 62 bits
            long m = (hi << (64 - k)) | (lo >>> k) | ((lo & ((1L << k) - 1)) != 0 ? 1 : 0);
            return round(sign, m, e + k, fmt, FPCR_MODE);
        }
        return round(sign, lo, e, fmt, FPCR_MODE);
    }

    long div(long a, long b, int fmt) {
        a = flush(a, fmt);
        b = flush(b, fmt);
        int ta = type(a, fmt), tb = type(b, fmt);
        if (isNaN(ta) || isNaN(tb)) return processNaNs(a, ta, b, tb, fmt);
        boolean sign = neg(a, fmt) != neg(b, fmt);
        if ((ta == INF && tb == INF) || (ta == ZERO && tb == ZERO)) return invalid(fmt);
        if (ta == INF) return infinity(sign, fmt);
        if (tb == ZERO) {
            raise(DZC);
            return infinity(sign, fmt);
        }
        if (ta == ZERO || tb == INF) return zero(sign, fmt);
        long ma = mantissa(a, fmt), mb = mantissa(b, fmt);
        int ea = exponent(a, fmt), eb = exponent(b, fmt);
        int na = Long.numberOfLeadingZeros(ma) - 11, nb = Long.numberOfLeadingZeros(mb) - 11;   // to 53 bits
        ma <<= na;
        ea -= na;
        mb <<= nb;
        eb -= nb;
        long q = 0, rem = ma;
        for (int k = 0; k < 62; k++) {
            q <<= 1;
            if (rem >= mb) { rem -= mb; q |= 1; }
            rem <<= 1;
        }
        if (rem != 0) q |= 1;
        return round(sign, q, ea - eb - 61, fmt, FPCR_MODE);
    }

    long sqrt(long a, int fmt) {
        a = flush(a, fmt);
        int ta = type(a, fmt);
        if (isNaN(ta)) return processNaN(a, fmt);
        if (ta == ZERO) return a;
        if (neg(a, fmt)) return invalid(fmt);
        if (ta == INF) return a;
        long m = mantissa(a, fmt);
        int e = exponent(a, fmt);
        if ((e & 1) != 0) { m <<= 1; e--; }
        int scale = (120 - (64 - Long.numberOfLeadingZeros(m))) & ~1;   // even, so the root is exact in 2^(scale/2)
        BigInteger[] root = BigInteger.valueOf(m).shiftLeft(scale).sqrtAndRemainder();
        long r = root[0].longValue();
        if (root[1].signum() != 0) r |= 1;
        return round(false, r, (e - scale) / 2, fmt, FPCR_MODE);
    }

    /** FPMulAdd: addend + op1 * op2 with one rounding (the caller has applied FMSUB's and FNMADD's negations). */
    long mulAdd(long addend, long a, long b, int fmt) {
        addend = flush(addend, fmt);
        a = flush(a, fmt);
        b = flush(b, fmt);
        int tc = type(addend, fmt), ta = type(a, fmt), tb = type(b, fmt);
        boolean infProdInvalid = (ta == INF && tb == ZERO) || (ta == ZERO && tb == INF);
        if (isNaN(tc) || isNaN(ta) || isNaN(tb)) {
            long r;
            if (tc == SNAN) r = processNaN(addend, fmt);
            else if (ta == SNAN) r = processNaN(a, fmt);
            else if (tb == SNAN) r = processNaN(b, fmt);
            else r = processNaN(tc == QNAN ? addend : ta == QNAN ? a : b, fmt);
            if (tc == QNAN && infProdInvalid) return invalid(fmt);
            return r;
        }
        boolean sc = neg(addend, fmt), sp = neg(a, fmt) != neg(b, fmt);
        boolean infP = ta == INF || tb == INF, zeroP = ta == ZERO || tb == ZERO;
        if (infProdInvalid || (tc == INF && infP && sc != sp)) return invalid(fmt);
        if ((tc == INF && !sc) || (infP && !sp)) return infinity(false, fmt);
        if ((tc == INF && sc) || (infP && sp)) return infinity(true, fmt);
        if (tc == ZERO && zeroP && sc == sp) return zero(sc, fmt);
        BigInteger product = zeroP ? BigInteger.ZERO : BigInteger.valueOf(mantissa(a, fmt)).multiply(BigInteger.valueOf(mantissa(b, fmt)));
        if (sp) product = product.negate();
        int ep = zeroP ? Integer.MAX_VALUE : exponent(a, fmt) + exponent(b, fmt);
        BigInteger c = tc == ZERO ? BigInteger.ZERO : BigInteger.valueOf(mantissa(addend, fmt));
        if (sc) c = c.negate();
        int ec = tc == ZERO ? Integer.MAX_VALUE : exponent(addend, fmt);
        int e = Math.min(ep, ec);
        BigInteger sum = (zeroP ? BigInteger.ZERO : product.shiftLeft(ep - e)).add(tc == ZERO ? BigInteger.ZERO : c.shiftLeft(ec - e));
        if (sum.signum() == 0) return zero(rounding(FPCR_MODE) == RM, fmt);
        boolean negative = sum.signum() < 0;
        BigInteger mag = sum.abs();
        int k = Math.max(0, mag.bitLength() - 62);
        long m = mag.shiftRight(k).longValue();
        if (k > 0 && mag.getLowestSetBit() < k) m |= 1;
        return round(negative, m, e + k, fmt, FPCR_MODE);
    }

    /** FPMax/FPMin (numeric = false) and FPMaxNum/FPMinNum (numeric = true: a quiet NaN loses to a number). */
    long maxMin(long a, long b, int fmt, boolean max, boolean numeric) {
        a = flush(a, fmt);
        b = flush(b, fmt);
        int ta = type(a, fmt), tb = type(b, fmt);
        if (numeric) {
            long loser = infinity(max, fmt);
            if (ta == QNAN && tb != QNAN) { a = loser; ta = INF; }
            else if (ta != QNAN && tb == QNAN) { b = loser; tb = INF; }
        }
        if (isNaN(ta) || isNaN(tb)) return processNaNs(a, ta, b, tb, fmt);
        if (ta == ZERO && tb == ZERO) {
            boolean na = neg(a, fmt), nb = neg(b, fmt);
            return zero(max ? na && nb : na || nb, fmt);
        }
        int cmp = Double.compare(value(a, fmt), value(b, fmt));
        return (cmp > 0) == max ? (cmp == 0 ? b : a) : b;
    }

    private static double value(long b, int fmt) {
        return fmt == SINGLE ? Float.intBitsToFloat((int) b) : Double.longBitsToDouble(b);
    }

    /** FPCompare as NZCV (0011 unordered, 0110 equal, 1000 less, 0010 greater); FCMPE signals on quiet NaNs too. */
    int compare(long a, long b, int fmt, boolean signalAll) {
        a = flush(a, fmt);
        b = flush(b, fmt);
        int ta = type(a, fmt), tb = type(b, fmt);
        if (isNaN(ta) || isNaN(tb)) {
            if (signalAll || ta == SNAN || tb == SNAN) raise(IOC);
            return 0b0011;
        }
        double x = value(a, fmt), y = value(b, fmt);
        return x == y ? 0b0110 : x < y ? 0b1000 : 0b0010;
    }

    // ---- conversions --------------------------------------------------------------------------------------------

    /**
     * The integer magnitude of |b| rounded per {@code rmode} (given the sign), as FPToFixed and FPRoundInt compute
     * it, as an unsigned long; {@link #inexact} tells whether a fraction was dropped and {@link #huge} whether the
     * magnitude is 2^64 or more.
     */
    private long roundedMagnitude(long b, int fmt, int rmode, boolean negative) {
        long m = mantissa(b, fmt);
        int e = exponent(b, fmt);
        inexact = false;
        huge = false;
        if (e >= 0) {
            if (e + 64 - Long.numberOfLeadingZeros(m) > 64) { huge = true; return -1; }
            return m << e;
        }
        int sh = -e;
        long trunc, rest, half;
        if (sh >= 63) { trunc = 0; rest = m; half = Long.MAX_VALUE; }
        else { trunc = m >>> sh; rest = m & ((1L << sh) - 1); half = 1L << (sh - 1); }
        if (rest == 0) return trunc;
        inexact = true;
        boolean up = switch (rmode) {
            case RN -> rest > half || (rest == half && (trunc & 1) != 0);
            case RA -> rest >= half;
            case RP -> !negative;
            case RM -> negative;
            default -> false;
        };
        return up ? trunc + 1 : trunc;
    }

    private boolean inexact, huge;

    /** FPToFixed with no fraction bits: FCVT{N,P,M,Z,A}{S,U}, saturating (IOC) on NaN and out-of-range values. */
    long toInteger(long b, int fmt, int mode, boolean unsigned, boolean to64) {
        b = flush(b, fmt);
        int t = type(b, fmt);
        if (isNaN(t)) { raise(IOC); return 0; }
        if (t == ZERO) return 0;
        boolean negative = neg(b, fmt);
        long max = unsigned ? (to64 ? -1L : 0xFFFF_FFFFL) : (to64 ? Long.MAX_VALUE : Integer.MAX_VALUE);
        long min = unsigned ? 0 : to64 ? Long.MIN_VALUE : Integer.MIN_VALUE;
        long mag = t == INF ? -1 : roundedMagnitude(b, fmt, rounding(mode), negative);
        long result;
        boolean overflow;
        if (t == INF || huge) { overflow = true; result = negative ? min : max; }
        else if (negative) {
            if (unsigned) { overflow = mag != 0; result = 0; }
            else if (Long.compareUnsigned(mag, -min) > 0) { overflow = true; result = min; }
            else { overflow = false; result = -mag; }
        } else if (Long.compareUnsigned(mag, max) > 0) { overflow = true; result = max; }
        else { overflow = false; result = mag; }
        if (overflow) raise(IOC);
        else if (inexact) raise(IXC);
        return to64 ? result : result & 0xFFFF_FFFFL;
    }

    /** FPRoundInt: FRINT{N,P,M,Z,A} (mode given), FRINTX (FPCR's mode, signals inexact) and FRINTI. */
    long roundInt(long b, int fmt, int mode, boolean exact) {
        b = flush(b, fmt);
        int t = type(b, fmt);
        if (isNaN(t)) return processNaN(b, fmt);
        if (t != FINITE) return b;
        if (exponent(b, fmt) >= 0) return b;
        boolean negative = neg(b, fmt);
        long mag = roundedMagnitude(b, fmt, rounding(mode), negative);
        if (exact && inexact) raise(IXC);
        if (mag == 0) return zero(negative, fmt);
        int saved = s.fpsr;
        long r = round(negative, mag, 0, fmt, RN);
        s.fpsr = saved;
        return r;
    }

    /** FixedToFP with no fraction bits: SCVTF and UCVTF, rounding per FPCR. */
    long fromInteger(long value, boolean unsigned, int fmt) {
        if (value == 0) return 0;
        boolean negative = !unsigned && value < 0;
        long mag = negative ? -value : value;
        return round(negative, mag, 0, fmt, FPCR_MODE);
    }

    /**
     * FPConvert between any two of half, single and double precision (FCVT, FCVTL, FCVTN): NaNs keep their sign and
     * the top bits of their payload (FPConvertNaN), quietened; half precision follows FPCR.AHP (see the class comment).
     */
    long convert(long b, int from, int to) {
        boolean ahp = (s.fpcr & FPCR_AHP) != 0;
        if (from != HALF) b = flush(b, from);
        int t = from == HALF && ahp ? ((b & 0x7FFF) == 0 ? ZERO : FINITE) : type(b, from);
        boolean negative = neg(b, from);
        if (isNaN(t)) {
            if (to == HALF && ahp) {
                raise(IOC);
                return zero(negative, HALF);
            }
            if (t == SNAN) raise(IOC);
            if ((s.fpcr & FPCR_DN) != 0) return defaultNaN(to);
            long frac = b & fracMask(from);
            int shift = F[to] - F[from];
            frac = shift >= 0 ? frac << shift : frac >>> -shift;
            return infinity(negative, to) | frac | (1L << (F[to] - 1));
        }
        if (t == INF) {
            if (to == HALF && ahp) {
                raise(IOC);
                return (negative ? 0x8000L : 0) | 0x7FFF;
            }
            return infinity(negative, to);
        }
        if (t == ZERO) return zero(negative, to);
        return round(negative, mantissa(b, from), exponent(b, from), to, FPCR_MODE);
    }

    /** VFPExpandImm: the 8-bit FMOV immediate as a value of format {@code fmt}. */
    static long expandImm(int imm8, int fmt) {
        int f = F[fmt], e = fmt == SINGLE ? 8 : 11;
        long sign = (imm8 >>> 7) & 1, b6 = (imm8 >>> 6) & 1;
        long exp = ((b6 ^ 1) << (e - 1)) | ((b6 == 1 ? (1L << (e - 3)) - 1 : 0) << 2) | ((imm8 >>> 4) & 3);
        long frac = (long) (imm8 & 15) << (f - 4);
        return (sign << (e + f)) | (exp << f) | frac;
    }
}
