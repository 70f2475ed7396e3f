package org.polyvisor.isa.x86.fpu;

/**
 * Exact 80-bit extended-precision arithmetic (the x87's double extended format: sign, 15-bit exponent biased by
 * 16383, 64-bit significand with an explicit integer bit) in software, so that every x87 result is the one the
 * hardware gives: each operation computes the exact result (128 bits with a sticky bit are enough for add, sub and
 * mul; div and sqrt keep a remainder) and rounds it once under the rounding control and precision control, with
 * the exception flags of the SDM (Vol. 1, 4.9 and 8.5). The same rounding serves the stores to single and double.
 * <p>One instance per FPU: each operation leaves its result in {@link #se} and {@link #mant} (or {@link #bits} for
 * a store to a smaller format) and returns the flags it raised; nothing is allocated.
 */
public final class Float80 {
    /** Exception flags, at their status-word (and MXCSR) positions. */
    public static final int IE = 1, DE = 2, ZE = 4, OE = 8, UE = 16, PE = 32;
    /** Not an exception: the result was rounded up in magnitude (the x87 sets C1 then). */
    public static final int ROUNDED_UP = 0x200;
    /** Rounding control values (FCW bits 11:10, MXCSR bits 14:13). */
    public static final int RC_NEAREST = 0, RC_DOWN = 1, RC_UP = 2, RC_ZERO = 3;
    /** Operand kinds of {@link #kind}. */
    public static final int ZERO = 0, FINITE = 1, INF = 2, NAN = 3, UNSUPPORTED = 4;

    public static final int BIAS = 16383, EMIN = -16382, EMAX = 16383, MAX_EXP = 0x7FFF;
    private static final long INTEGER_BIT = 1L << 63, QUIET_BIT = 1L << 62;
    /** The "real indefinite" QNaN that masked invalid operations produce: sign 1, exponent 7FFF, C000...0. */
    public static final int INDEFINITE_SE = 0xFFFF;
    public static final long INDEFINITE_MANT = 0xC000_0000_0000_0000L;

    /** The result of the last operation (sign << 15 | biased exponent, and the significand). */
    public int se;
    public long mant;
    /** The result of the last store to single or double ({@link #toDouble}, {@link #toFloat}), or integer. */
    public long bits;

    /**
     * The format the arithmetic operations round to: {@link #EXT} (the x87 registers, with precision control), or
     * {@link #DOUBLE} / {@link #SINGLE} (SSE: the exponent range and denormals of that format, in one rounding).
     * When an operation rounded a finite result in the DOUBLE or SINGLE format, {@link #packed} is set and
     * {@link #bits} holds it; other results (zeros, infinities, NaNs) are in se/mant, exactly.
     */
    public int target = EXT;
    public static final int EXT = 0, DOUBLE = 1, SINGLE = 2;
    public boolean packed;

    // The rounded result in the target format, before it is packed.
    private boolean rNeg;
    private int rBiased;
    private long rSig;

    /** The kind of the register value (se, m): unnormals, pseudo-NaNs and pseudo-infinities are UNSUPPORTED. */
    public static int kind(int se, long m) {
        int exp = se & MAX_EXP;
        if (exp == 0) return m == 0 ? ZERO : FINITE;  // denormals and pseudo-denormals are finite
        if (exp == MAX_EXP) {
            if (m >= 0) return UNSUPPORTED;
            return (m << 1) == 0 ? INF : NAN;
        }
        return m < 0 ? FINITE : UNSUPPORTED;
    }

    public static boolean isDenormal(int se, long m) { return (se & MAX_EXP) == 0 && m != 0; }

    public static boolean isSignaling(int se, long m) { return kind(se, m) == NAN && (m & QUIET_BIT) == 0; }

    private static boolean negative(int se) { return (se & 0x8000) != 0; }

    /** The unbiased exponent of a finite non-zero value whose significand is normalized to bit 63. */
    private static int exponent(int se, long m) {
        int exp = se & MAX_EXP;
        return exp == 0 ? EMIN - Long.numberOfLeadingZeros(m) : exp - BIAS;
    }

    private void indefinite() { se = INDEFINITE_SE; mant = INDEFINITE_MANT; }

    private void set(boolean neg, int exp, long m) { se = (neg ? 0x8000 : 0) | exp; mant = m; }

    /**
     * The NaN result of an operation with a NaN operand (SDM Vol. 1, Table 4-7, x87 column): a signaling NaN raises
     * IE; of a QNaN and an SNaN the QNaN wins, of two of a kind the one with the larger significand (a on a tie);
     * the result is quiet. Returns the flags.
     */
    private int propagate(int seA, long mA, int seB, long mB, boolean aNan, boolean bNan) {
        boolean aSignaling = aNan && (mA & QUIET_BIT) == 0, bSignaling = bNan && (mB & QUIET_BIT) == 0;
        int flags = aSignaling || bSignaling ? IE : 0;
        boolean pickA;
        if (!bNan) pickA = true;
        else if (!aNan) pickA = false;
        else if (aSignaling != bSignaling) pickA = bSignaling;
        else {
            int c = Long.compareUnsigned(mA | QUIET_BIT, mB | QUIET_BIT);
            pickA = c > 0 || (c == 0 && (seA & 0xFFFF) <= (seB & 0xFFFF));  // a tie: the positive one
        }
        if (pickA) { se = seA; mant = mA | QUIET_BIT; } else { se = seB; mant = mB | QUIET_BIT; }
        return flags;
    }

    /**
     * Rounds the exact value (-1)^neg * 0.(hi lo) * 2^(e+1) (hi normalized to bit 63, lo's bit 0 a sticky bit) to a
     * {@code p}-bit significand with exponents emin..emax (denormals below emin) under {@code rc}. Tininess is
     * detected before rounding, as on x86. Leaves the target-format pieces in rNeg, rBiased, rSig.
     */
    private int round(boolean neg, int e, long hi, long lo, int p, int rc, int emin, int emax, int bias) {
        rNeg = neg;
        if (hi == 0 && lo == 0) { rBiased = 0; rSig = 0; return 0; }
        boolean tiny = false;
        if (e < emin) {
            int sh = emin - e;
            e = emin;
            tiny = true;
            if (sh >= 128) { lo = 1; hi = 0; }
            else if (sh >= 64) {
                boolean st = lo != 0 || (sh > 64 && (hi << (128 - sh)) != 0);
                lo = (sh == 64 ? hi : hi >>> (sh - 64)) | (st ? 1 : 0);
                hi = 0;
            } else {
                boolean st = (lo << (64 - sh)) != 0;
                lo = (lo >>> sh) | (hi << (64 - sh)) | (st ? 1 : 0);
                hi >>>= sh;
            }
        }
        long keep;
        boolean half, sticky;
        if (p == 64) {
            keep = hi;
            half = lo < 0;
            sticky = (lo << 1) != 0;
        } else {
            int drop = 64 - p;
            keep = hi >>> drop;
            half = ((hi >>> (drop - 1)) & 1) != 0;
            sticky = (hi & ((1L << (drop - 1)) - 1)) != 0 || lo != 0;
        }
        boolean inexact = half || sticky;
        boolean up = switch (rc) {
            case RC_NEAREST -> half && (sticky || (keep & 1) != 0);
            case RC_DOWN -> inexact && neg;
            case RC_UP -> inexact && !neg;
            default -> false;
        };
        if (up) {
            keep++;
            if (p == 64 ? keep == 0 : keep == (1L << p)) { keep = 1L << (p - 1); e++; }
        }
        int flags = (inexact ? PE : 0) | (up ? ROUNDED_UP : 0) | (tiny && inexact ? UE : 0);
        if (e > emax) {
            boolean toInf = rc == RC_NEAREST || (rc == RC_UP && !neg) || (rc == RC_DOWN && neg);
            if (toInf) { rBiased = emax + bias + 1; rSig = 1L << (p - 1); }
            else { rBiased = emax + bias; rSig = p == 64 ? -1L : (1L << p) - 1; }
            return OE | PE | (toInf ? ROUNDED_UP : 0);
        }
        rSig = keep;
        rBiased = (keep >>> (p - 1)) == 0 ? 0 : e + bias;
        return flags;
    }

    /** Rounds to the extended format with a {@code p}-bit significand (precision control) into se/mant. */
    private int roundExt(boolean neg, int e, long hi, long lo, int p, int rc) {
        if (target == DOUBLE) {
            int flags = round(neg, e, hi, lo, 53, rc, -1022, 1023, 1023);
            bits = (rNeg ? 1L << 63 : 0) | ((long) rBiased << 52) | (rSig & ((1L << 52) - 1));
            packed = true;
            return flags;
        }
        if (target == SINGLE) {
            int flags = round(neg, e, hi, lo, 24, rc, -126, 127, 127);
            bits = (rNeg ? 1L << 31 : 0) | ((long) rBiased << 23) | (rSig & ((1L << 23) - 1));
            packed = true;
            return flags;
        }
        int flags = round(neg, e, hi, lo, p, rc, EMIN, EMAX, BIAS);
        se = (rNeg ? 0x8000 : 0) | rBiased;
        mant = rSig << (64 - p);
        return flags;
    }

    /** Significand bits of precision control PC (FCW bits 9:8): 24, (reserved) 53, 53, 64. */
    public static int precision(int pc) { return pc == 0 ? 24 : pc == 3 ? 64 : 53; }

    /** a + b (or a - b with {@code subtract}), rounded to {@code p} bits under {@code rc}. */
    public int add(int seA, long mA, int seB, long mB, boolean subtract, int p, int rc) {
        if (subtract) seB ^= 0x8000;
        int ka = kind(seA, mA), kb = kind(seB, mB);
        if (ka == UNSUPPORTED || kb == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN || kb == NAN) return propagate(seA, mA, seB ^ (subtract ? 0x8000 : 0), mB, ka == NAN, kb == NAN);
        int flags = (isDenormal(seA, mA) || isDenormal(seB, mB)) ? DE : 0;
        boolean na = negative(seA), nb = negative(seB);
        if (ka == INF || kb == INF) {
            if (ka == INF && kb == INF && na != nb) { indefinite(); return IE; }
            set(ka == INF ? na : nb, MAX_EXP, INTEGER_BIT);
            return flags;
        }
        if (ka == ZERO && kb == ZERO) {
            boolean neg = na == nb ? na : rc == RC_DOWN;
            set(neg, 0, 0);
            return flags;
        }
        if (ka == ZERO) return flags | roundExt(nb, exponent(seB, mB), mB << Long.numberOfLeadingZeros(mB), 0, p, rc);
        if (kb == ZERO) return flags | roundExt(na, exponent(seA, mA), mA << Long.numberOfLeadingZeros(mA), 0, p, rc);
        int ea = exponent(seA, mA), eb = exponent(seB, mB);
        long a = mA << Long.numberOfLeadingZeros(mA), b = mB << Long.numberOfLeadingZeros(mB);
        // Order by magnitude: (a, ea) is the larger.
        if (eb > ea || (eb == ea && Long.compareUnsigned(b, a) > 0)) {
            long t = a; a = b; b = t;
            int te = ea; ea = eb; eb = te;
            boolean tn = na; na = nb; nb = tn;
        }
        int d = ea - eb;
        long bh, bl;  // b aligned to a's exponent: 128 bits and a sticky bit
        if (d == 0) { bh = b; bl = 0; }
        else if (d < 64) { bh = b >>> d; bl = b << (64 - d); }
        else if (d < 128) { bh = 0; bl = (d == 64 ? b : b >>> (d - 64)) | ((d > 64 && (b << (128 - d)) != 0) ? 1 : 0); }
        else { bh = 0; bl = 1; }
        long hi, lo;
        int e = ea;
        if (na == nb) {
            lo = bl;
            hi = a + bh;
            boolean carry = Long.compareUnsigned(hi, a) < 0;
            if (carry) {
                boolean st = (lo & 1) != 0;
                lo = (lo >>> 1) | (hi << 63) | (st ? 1 : 0);
                hi = (hi >>> 1) | INTEGER_BIT;
                e++;
            }
        } else {
            lo = -bl;
            hi = a - bh - (bl != 0 ? 1 : 0);
            if (hi == 0 && lo == 0) { set(rc == RC_DOWN, 0, 0); return flags; }
            int z = hi != 0 ? Long.numberOfLeadingZeros(hi) : 64 + Long.numberOfLeadingZeros(lo);
            if (z >= 64) { hi = lo << (z - 64); lo = 0; }
            else if (z > 0) { hi = (hi << z) | (lo >>> (64 - z)); lo <<= z; }
            e -= z;
        }
        return flags | roundExt(na, e, hi, lo, p, rc);
    }

    /** a * b rounded to {@code p} bits under {@code rc}. */
    public int mul(int seA, long mA, int seB, long mB, int p, int rc) {
        int ka = kind(seA, mA), kb = kind(seB, mB);
        if (ka == UNSUPPORTED || kb == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN || kb == NAN) return propagate(seA, mA, seB, mB, ka == NAN, kb == NAN);
        int flags = (isDenormal(seA, mA) || isDenormal(seB, mB)) ? DE : 0;
        boolean neg = negative(seA) != negative(seB);
        if (ka == INF || kb == INF) {
            if (ka == ZERO || kb == ZERO) { indefinite(); return IE; }
            set(neg, MAX_EXP, INTEGER_BIT);
            return flags;
        }
        if (ka == ZERO || kb == ZERO) { set(neg, 0, 0); return flags; }
        long a = mA << Long.numberOfLeadingZeros(mA), b = mB << Long.numberOfLeadingZeros(mB);
        int e = exponent(seA, mA) + exponent(seB, mB);
        long hi = Math.unsignedMultiplyHigh(a, b), lo = a * b;
        if (hi < 0) e++;
        else { hi = (hi << 1) | (lo >>> 63); lo <<= 1; }
        return flags | roundExt(neg, e, hi, lo, p, rc);
    }

    /** a / b rounded to {@code p} bits under {@code rc}. */
    public int div(int seA, long mA, int seB, long mB, int p, int rc) {
        int ka = kind(seA, mA), kb = kind(seB, mB);
        if (ka == UNSUPPORTED || kb == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN || kb == NAN) return propagate(seA, mA, seB, mB, ka == NAN, kb == NAN);
        int flags = (isDenormal(seA, mA) || isDenormal(seB, mB)) ? DE : 0;
        boolean neg = negative(seA) != negative(seB);
        if (ka == INF) {
            if (kb == INF) { indefinite(); return IE; }
            set(neg, MAX_EXP, INTEGER_BIT);
            return flags;
        }
        if (kb == INF) { set(neg, 0, 0); return flags; }
        if (kb == ZERO) {
            if (ka == ZERO) { indefinite(); return IE; }
            set(neg, MAX_EXP, INTEGER_BIT);
            return flags | ZE;
        }
        if (ka == ZERO) { set(neg, 0, 0); return flags; }
        long a = mA << Long.numberOfLeadingZeros(mA), b = mB << Long.numberOfLeadingZeros(mB);
        int e = exponent(seA, mA) - exponent(seB, mB);
        long nh, nl;
        if (Long.compareUnsigned(a, b) >= 0) { nh = a >>> 1; nl = a << 63; }
        else { nh = a; nl = 0; e--; }
        // 64 quotient bits of (nh:nl) / b, restoring division; nh < b so the quotient fits.
        long rem = nh, q = 0;
        for (int i = 63; i >= 0; i--) {
            boolean carry = rem < 0;
            rem = (rem << 1) | (nl >>> 63);
            nl <<= 1;
            if (carry || Long.compareUnsigned(rem, b) >= 0) { rem -= b; q |= 1L << i; }
        }
        boolean halfOrMore = rem < 0 || Long.compareUnsigned(rem << 1, b) >= 0;
        boolean exactHalf = rem >= 0 && (rem << 1) == b;
        long lo = (halfOrMore ? INTEGER_BIT : 0) | (rem != 0 && !exactHalf ? 1 : 0);
        return flags | roundExt(neg, e, q, lo, p, rc);
    }

    /** The square root of a, rounded to {@code p} bits under {@code rc}. */
    public int sqrt(int seA, long mA, int p, int rc) {
        int ka = kind(seA, mA);
        if (ka == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN) return propagate(seA, mA, seA, mA, true, false);
        if (ka == ZERO) { se = seA; mant = 0; return 0; }
        if (negative(seA)) { indefinite(); return IE; }
        if (ka == INF) { se = seA; mant = mA; return 0; }
        int flags = isDenormal(seA, mA) ? DE : 0;
        long m = mA << Long.numberOfLeadingZeros(mA);
        int e = exponent(seA, mA);
        // Radicand R = m * 2^63 (even e) or m * 2^64 (odd e); its integer root has 64 bits with bit 63 set.
        long rh, rl;
        if ((e & 1) == 0) { rh = m >>> 1; rl = m << 63; } else { rh = m; rl = 0; e--; }
        long res = 0;       // the root so far (as the classic bit-by-bit method's "res", 128 bits wide: resH:res)
        long resH = 0;
        long bitH = 1L << 62, bitL = 0;  // the highest power of four not above R's range: 2^126
        while ((bitH | bitL) != 0) {
            long th = resH + bitH, tl = res + bitL;  // res + bit
            if (Long.compareUnsigned(tl, res) < 0) th++;
            if (Long.compareUnsigned(rh, th) > 0 || (rh == th && Long.compareUnsigned(rl, tl) >= 0)) {
                long nl = rl - tl;
                rh = rh - th - (Long.compareUnsigned(rl, tl) < 0 ? 1 : 0);
                rl = nl;
                // res = (res >> 1) + bit
                res = (res >>> 1) | (resH << 63);
                resH >>>= 1;
                long sl = res + bitL;
                resH += bitH + (Long.compareUnsigned(sl, res) < 0 ? 1 : 0);
                res = sl;
            } else {
                res = (res >>> 1) | (resH << 63);
                resH >>>= 1;
            }
            bitL = (bitL >>> 2) | (bitH << 62);
            bitH >>>= 2;
        }
        // res is the 64-bit root r, (rh:rl) the remainder R - r^2 (at most 2r). Next bit: remainder > r.
        boolean half = rh != 0 || Long.compareUnsigned(rl, res) > 0;
        boolean nonzero = rh != 0 || rl != 0;
        long lo = (half ? INTEGER_BIT : 0) | (nonzero ? 1 : 0);
        return flags | roundExt(false, e >> 1, res, lo, p, rc);
    }

    /** a * 2^n (FSCALE with n the truncated ST(1)), rounded to 64 bits under {@code rc}. */
    public int scale(int seA, long mA, int n, int rc) {
        int ka = kind(seA, mA);
        if (ka == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN) return propagate(seA, mA, seA, mA, true, false);
        if (ka == ZERO || ka == INF) { se = seA; mant = mA; return 0; }
        int flags = isDenormal(seA, mA) ? DE : 0;
        return flags | roundExt(negative(seA), exponent(seA, mA) + n, mA << Long.numberOfLeadingZeros(mA), 0, 64, rc);
    }

    /** FRNDINT: a rounded to an integral value under {@code rc}, in the extended format. */
    public int roundToIntegral(int seA, long mA, int rc) {
        int ka = kind(seA, mA);
        if (ka == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN) return propagate(seA, mA, seA, mA, true, false);
        if (ka != FINITE) { se = seA; mant = mA; return 0; }
        int flags = isDenormal(seA, mA) ? DE : 0;
        int e = exponent(seA, mA);
        if (e >= 63) { se = seA; mant = mA; return flags; }
        boolean neg = negative(seA);
        long m = mA << Long.numberOfLeadingZeros(mA);
        long intPart;
        boolean half, sticky;
        if (e < 0) {
            intPart = 0;
            half = e == -1;
            sticky = e == -1 ? (m << 1) != 0 : true;
        } else {
            int fracBits = 63 - e;
            intPart = fracBits == 0 ? m : m >>> fracBits;
            long frac = fracBits == 0 ? 0 : m << (64 - fracBits);
            half = frac < 0;
            sticky = (frac << 1) != 0;
        }
        boolean inexact = half || sticky;
        if (!inexact) { se = seA; mant = mA; return flags; }
        boolean up = switch (rc) {
            case RC_NEAREST -> half && (sticky || (intPart & 1) != 0);
            case RC_DOWN -> neg;
            case RC_UP -> !neg;
            default -> false;
        };
        if (up) intPart++;
        flags |= PE | (up ? ROUNDED_UP : 0);
        if (intPart == 0) { set(neg, 0, 0); return flags; }
        int z = Long.numberOfLeadingZeros(intPart);
        set(neg, 63 - z + BIAS, intPart << z);
        return flags;
    }

    /**
     * Conversion to a signed integer of {@code bits} (16, 32, 64) under {@code rc} (FIST/FISTP; FISTTP passes
     * {@link #RC_ZERO}). NaN, infinity and out-of-range values raise IE and give the integer indefinite (the most
     * negative value). The value is left in {@link #bits}.
     */
    public int toInteger(int seA, long mA, int bitsWide, int rc) {
        int ka = kind(seA, mA);
        long indefinite = 1L << (bitsWide - 1);
        if (ka == UNSUPPORTED || ka == NAN || ka == INF) { bits = indefinite; return IE; }
        if (ka == ZERO) { bits = 0; return 0; }
        int flags = roundToIntegral(seA, mA, rc);
        flags &= ~DE;
        int e = exponent(se, mant);
        boolean neg = negative(se);
        if ((se & MAX_EXP) == 0 && mant == 0) { bits = 0; return flags; }
        if (e >= bitsWide) { bits = indefinite; return IE | (flags & ~(PE | ROUNDED_UP)); }
        long mag = mant >>> (63 - e);
        if (e == bitsWide - 1) {
            if (!(neg && mag == indefinite)) { bits = indefinite; return IE | (flags & ~(PE | ROUNDED_UP)); }
        }
        bits = neg ? -mag : mag;
        if (bitsWide < 64) bits &= (1L << bitsWide) - 1;
        return flags;
    }

    /** FILD: a signed integer, exactly. */
    public void fromInteger(long v) {
        if (v == 0) { set(false, 0, 0); return; }
        boolean neg = v < 0;
        long mag = neg ? -v : v;  // Long.MIN_VALUE stays 2^63 as an unsigned magnitude
        int z = Long.numberOfLeadingZeros(mag);
        set(neg, 63 - z + BIAS, mag << z);
    }

    /** FLD m64: a double, exactly (a signaling NaN raises IE and becomes quiet; a denormal raises DE). */
    public int fromDouble(long d) {
        return fromIeee(d >>> 63 != 0, (int) (d >>> 52) & 0x7FF, d & ((1L << 52) - 1), 52, 0x7FF, 1023);
    }

    /** FLD m32: a single, exactly. */
    public int fromFloat(int f) {
        return fromIeee(f >>> 31 != 0, (f >>> 23) & 0xFF, f & ((1L << 23) - 1), 23, 0xFF, 127);
    }

    private int fromIeee(boolean neg, int exp, long frac, int fracBits, int maxExp, int bias) {
        if (exp == maxExp) {
            if (frac == 0) { set(neg, MAX_EXP, INTEGER_BIT); return 0; }
            long m = INTEGER_BIT | (frac << (63 - fracBits));
            boolean signaling = (m & QUIET_BIT) == 0;
            set(neg, MAX_EXP, m | QUIET_BIT);
            return signaling ? IE : 0;
        }
        if (exp == 0) {
            if (frac == 0) { set(neg, 0, 0); return 0; }
            int z = Long.numberOfLeadingZeros(frac);
            int e = 1 - bias - (z - (63 - fracBits));  // value = frac * 2^(1 - bias - fracBits)
            set(neg, e + BIAS, frac << z);
            return DE;
        }
        set(neg, exp - bias + BIAS, INTEGER_BIT | (frac << (63 - fracBits)));
        return 0;
    }

    /** FST m64: a rounded to double under {@code rc}; the bits are left in {@link #bits}. */
    public int toDouble(int seA, long mA, int rc) { return toIeee(seA, mA, rc, 53, -1022, 1023, 1023, 0x7FF); }

    /** FST m32: a rounded to single under {@code rc}; the bits are left in {@link #bits}. */
    public int toFloat(int seA, long mA, int rc) { return toIeee(seA, mA, rc, 24, -126, 127, 127, 0xFF); }

    private int toIeee(int seA, long mA, int rc, int p, int emin, int emax, int bias, int maxExp) {
        int ka = kind(seA, mA);
        boolean neg = negative(seA);
        long sign = neg ? 1L << (p + (maxExp == 0xFF ? 8 : 11) - 1) : 0;
        int fracBits = p - 1;
        if (ka == UNSUPPORTED) { bits = sign(true, p, maxExp) | ((long) maxExp << fracBits) | (1L << (fracBits - 1)); return IE; }
        if (ka == NAN) {
            bits = sign | ((long) maxExp << fracBits) | ((mA | QUIET_BIT) << 1 >>> (64 - fracBits));
            return (mA & QUIET_BIT) == 0 ? IE : 0;
        }
        if (ka == INF) { bits = sign | ((long) maxExp << fracBits); return 0; }
        if (ka == ZERO) { bits = sign; return 0; }
        int flags = round(neg, exponent(seA, mA), mA << Long.numberOfLeadingZeros(mA), 0, p, rc, emin, emax, bias);
        bits = sign | ((long) rBiased << fracBits) | (rSig & ((1L << fracBits) - 1));
        return flags;
    }

    private static long sign(boolean neg, int p, int maxExp) { return neg ? 1L << (p + (maxExp == 0xFF ? 8 : 11) - 1) : 0; }

    /** The low three bits of the quotient of the last {@link #remainder} (C0 = Q2, C3 = Q1, C1 = Q0); -1 when partial. */
    public int quotientBits;

    /**
     * FPREM ({@code nearest} false: the quotient truncated) and FPREM1 (the quotient rounded to nearest even): the
     * exact remainder of a by b when their exponents differ by less than 64; else a partial remainder, reduced by
     * 2^(D - N) with N = 32 + D mod 32 (the SDM leaves N between 32 and 63 to the implementation), and
     * {@link #quotientBits} = -1 (C2 = 1: not complete). The remainder is exact: no rounding, no PE.
     */
    public int remainder(int seA, long mA, int seB, long mB, boolean nearest) {
        quotientBits = 0;
        int ka = kind(seA, mA), kb = kind(seB, mB);
        if (ka == UNSUPPORTED || kb == UNSUPPORTED) { indefinite(); return IE; }
        if (ka == NAN || kb == NAN) return propagate(seA, mA, seB, mB, ka == NAN, kb == NAN);
        int flags = (isDenormal(seA, mA) || isDenormal(seB, mB)) ? DE : 0;
        if (ka == INF || kb == ZERO) { indefinite(); return IE; }
        if (ka == ZERO || kb == INF) { se = seA; mant = mA; return flags; }
        int ea = exponent(seA, mA), eb = exponent(seB, mB);
        long a = mA << Long.numberOfLeadingZeros(mA), b = mB << Long.numberOfLeadingZeros(mB);
        boolean neg = negative(seA);
        int d = ea - eb;
        if (d < 0) {
            if (nearest && (d == -1 && Long.compareUnsigned(a, b) > 0)) {
                // |a| > |b| / 2: the nearest quotient is 1, the remainder a - b (negative magnitude)
                quotientBits = 1;
                return flags | add(seA, mA, (seA & 0x8000) | (seB & 0x7FFF), mB, true, 64, RC_NEAREST);
            }
            se = seA; mant = mA;
            return flags;
        }
        boolean partial = d >= 64;
        int shift = partial ? 32 + d % 32 : d;  // quotient bits developed: the reduction works on 2^(d - shift)
        // r = (a << shift) mod b, developing the quotient's low bits; a < 2b, so start with a (mod b).
        long r = a, q = 0;
        if (Long.compareUnsigned(r, b) >= 0) { r -= b; q = 1; }
        for (int i = 0; i < shift; i++) {
            boolean carry = r < 0;
            r <<= 1;
            q <<= 1;
            if (carry || Long.compareUnsigned(r, b) >= 0) { r -= b; q |= 1; }
        }
        // (a << shift) = q * b + r at the exponent eb (partial: at eb + d - shift).
        int re = partial ? eb + d - shift : eb;
        if (nearest && !partial) {
            boolean carry = r < 0;
            long twice = r << 1;
            int c = carry ? 1 : Long.compareUnsigned(twice, b);
            if (c > 0 || (c == 0 && (q & 1) != 0)) {  // round the quotient up: the remainder becomes r - b
                q++;
                r = b - r;
                neg = !neg;
            }
        }
        quotientBits = partial ? -1 : (int) (q & 7);
        if (r == 0) { set(neg, 0, 0); return flags; }
        int z = Long.numberOfLeadingZeros(r);
        return flags | roundExt(neg, re - z, r << z, 0, 64, RC_NEAREST);
    }

    /** Comparison results of {@link #compare}. */
    public static final int LESS = -1, EQUAL = 0, GREATER = 1, UNORDERED = 2;

    /**
     * Compares a with b (zeros of either sign are equal). NaNs and unsupported formats are UNORDERED; the caller
     * decides which raise IE (FCOM: any NaN; FUCOM: only signaling ones).
     */
    public static int compare(int seA, long mA, int seB, long mB) {
        int ka = kind(seA, mA), kb = kind(seB, mB);
        if (ka >= NAN || kb >= NAN) return UNORDERED;
        if (ka == ZERO && kb == ZERO) return EQUAL;
        boolean na = negative(seA), nb = negative(seB);
        if (ka == ZERO) return nb ? GREATER : LESS;
        if (kb == ZERO) return na ? LESS : GREATER;
        if (na != nb) return na ? LESS : GREATER;
        int c;
        if (ka == INF || kb == INF) c = ka == kb ? 0 : ka == INF ? 1 : -1;
        else {
            int ea = exponent(seA, mA), eb = exponent(seB, mB);
            c = ea != eb ? Integer.compare(ea, eb)
                    : Long.compareUnsigned(mA << Long.numberOfLeadingZeros(mA), mB << Long.numberOfLeadingZeros(mB));
        }
        return na ? -c : c;
    }
}
