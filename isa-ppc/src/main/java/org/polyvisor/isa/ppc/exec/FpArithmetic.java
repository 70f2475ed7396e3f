package org.polyvisor.isa.ppc.exec;

/**
 * The floating-point arithmetic of Book I 4.6.5 - 4.6.7 on raw double bits: add, subtract, multiply, divide, square
 * root and the fused multiply-adds (one rounding), each in double or single precision, plus round to single and
 * the conversion to a 32-bit integer. Special operands follow the architecture: NaN operands propagate in the order
 * FRA, FRB, FRC (quieted; for single precision their fraction is cut to the single format), invalid operations
 * (VXSNAN, VXISI, VXIDI, VXZDZ, VXIMZ, VXSQRT, VXCVI) yield the default QNaN, and a divide by zero yields an
 * infinity with ZX. A finite result is reduced to an exact {@code (m, s, e)} triple with error-free transformations
 * (TwoSum, TwoProduct through {@link Math#fma}, exact remainders of division and square root, a grown expansion for
 * the fused multiply-add) and rounded once by {@link FpRounder}.
 * <p>After each operation {@link #bits} holds the result, {@link #raised} the FPSCR exception bits it signals
 * (without XX, which follows {@link #fi}), and {@link #fr}/{@link #fi} the rounding outcome. One instance per vCPU.
 */
final class FpArithmetic {
    static final long SIGN = 0x8000_0000_0000_0000L;
    static final long DEFAULT_NAN = 0x7ff8_0000_0000_0000L, ONE = 0x3ff0_0000_0000_0000L;
    private static final long EXPONENT = 0x7ff0_0000_0000_0000L, FRACTION = 0x000f_ffff_ffff_ffffL,
            QUIET = 0x0008_0000_0000_0000L;

    private final FpRounder rounder = new FpRounder();
    /** The FPSCR rounding mode, OE and UE, set by the unit before each operation. */
    int mode;
    boolean oe, ue;

    long bits;
    int raised;
    boolean fr, fi;
    private boolean single;

    // scratch of the normalisation: value = normM * 2^normE with 1 <= |normM| < 2
    private double normM;
    private int normE;

    static boolean isNaN(long x) { return (x & EXPONENT) == EXPONENT && (x & FRACTION) != 0; }

    static boolean isSignalling(long x) { return isNaN(x) && (x & QUIET) == 0; }

    static boolean isInfinite(long x) { return (x & ~SIGN) == EXPONENT; }

    static boolean isZero(long x) { return (x & ~SIGN) == 0; }

    private void begin(boolean single) {
        this.single = single;
        raised = 0;
        fr = false;
        fi = false;
    }

    /** An exact result (zero, infinity): no rounding. */
    private void exact(long result) { bits = result; }

    private void invalid(int cause) {
        raised |= cause;
        bits = DEFAULT_NAN;
    }

    /** The NaN to deliver for NaN operand {@code x}: quieted; cut to the single format's fraction for single ops. */
    private long nan(long x) {
        long q = x | QUIET;
        return single ? q & 0xffff_ffff_e000_0000L : q;
    }

    /** If either operand is a NaN: the propagated NaN (first operand first) and VXSNAN for a signalling one. */
    private boolean propagate(long first, long second) {
        boolean n1 = isNaN(first), n2 = isNaN(second);
        if (!n1 && !n2) return false;
        if (isSignalling(first) || isSignalling(second)) raised |= Fpscr.VXSNAN;
        bits = nan(n1 ? first : second);
        return true;
    }

    /** A finite non-zero double rounded to the target format (a single op on an operand it returns unchanged). */
    private void roundValue(long x) { finish(Double.longBitsToDouble(x), 0, 0); }

    private void finish(double m, int s, int e) {
        FpRounder r = rounder;
        r.round(m, s, e, single, mode, oe, ue);
        bits = r.bits;
        fr = r.fr;
        fi = r.fi;
        if (r.overflow) raised |= Fpscr.OX;
        else if (r.tiny && (ue || r.fi)) raised |= Fpscr.UX;
    }

    /** The sign of an exact zero sum of operands of different signs: -0 when rounding toward minus infinity. */
    private long zeroSum(long x, long y) {
        if (((x ^ y) & SIGN) == 0) return x;
        return mode == FpRounder.TOWARD_MINUS ? SIGN : 0;
    }

    private void normalise(long x) {
        double v = Double.longBitsToDouble(x);
        int e = Math.getExponent(v);
        if (e == Double.MIN_EXPONENT - 1) {
            v *= 0x1p54;
            e = Math.getExponent(v) - 54;
            normM = Math.scalb(v, -(e + 54));
        } else {
            normM = Math.scalb(v, -e);
        }
        normE = e;
    }

    private static int exponentOf(long x) {
        int e = Math.getExponent(Double.longBitsToDouble(x));
        return e == Double.MIN_EXPONENT - 1 ? -1011 - Long.numberOfLeadingZeros(x & FRACTION) : e;
    }

    // ---------------------------------------------------------------------------------------------- add, subtract

    /** fadd/fsub (with {@code negate} = SIGN for subtract) and their single forms. */
    void add(long a, long b, long negate, boolean single) {
        begin(single);
        if (propagate(a, b)) return;
        long y = b ^ negate;
        if (isInfinite(a) || isInfinite(y)) {
            if (isInfinite(a) && isInfinite(y) && ((a ^ y) & SIGN) != 0) invalid(Fpscr.VXISI);
            else exact(isInfinite(a) ? a : y);
            return;
        }
        if (isZero(a) || isZero(y)) {
            if (isZero(a) && isZero(y)) exact(zeroSum(a, y));
            else roundValue(isZero(a) ? y : a);
            return;
        }
        sum(a, y);
    }

    /** The exact sum of two finite non-zero doubles, rounded once. */
    private void sum(long a, long b) {
        int ea = exponentOf(a), eb = exponentOf(b);
        if (ea < eb) {
            long t = a; a = b; b = t;
            int u = ea; ea = eb; eb = u;
        }
        if (eb < ea - 60) {                       // b lies below a's rounding position: it only decides direction
            finish(Double.longBitsToDouble(a), b < 0 ? -1 : 1, 0);
            return;
        }
        double x = Math.scalb(Double.longBitsToDouble(a), -ea), y = Math.scalb(Double.longBitsToDouble(b), -ea);
        double s = x + y;
        if (s == 0) {
            exact(zeroSum(a, b));
            return;
        }
        double bb = s - x, err = (x - (s - bb)) + (y - bb);
        finish(s, err > 0 ? 1 : err < 0 ? -1 : 0, ea);
    }

    // ---------------------------------------------------------------------------------------------- multiply

    /** fmul/fmuls: FRA x FRC. */
    void multiply(long a, long c, boolean single) {
        begin(single);
        if (propagate(a, c)) return;
        long sign = (a ^ c) & SIGN;
        if (isInfinite(a) || isInfinite(c)) {
            if (isZero(a) || isZero(c)) invalid(Fpscr.VXIMZ);
            else exact(sign | EXPONENT);
            return;
        }
        if (isZero(a) || isZero(c)) {
            exact(sign);
            return;
        }
        normalise(a);
        double ma = normM;
        int ea = normE;
        normalise(c);
        double p = ma * normM, err = Math.fma(ma, normM, -p);
        finish(p, err > 0 ? 1 : err < 0 ? -1 : 0, ea + normE);
    }

    // ---------------------------------------------------------------------------------------------- divide, sqrt

    /** fdiv/fdivs: FRA / FRB. */
    void divide(long a, long b, boolean single) {
        begin(single);
        if (propagate(a, b)) return;
        long sign = (a ^ b) & SIGN;
        if (isInfinite(a)) {
            if (isInfinite(b)) invalid(Fpscr.VXIDI);
            else exact(sign | EXPONENT);
            return;
        }
        if (isInfinite(b)) {
            exact(sign);
            return;
        }
        if (isZero(b)) {
            if (isZero(a)) invalid(Fpscr.VXZDZ);
            else {
                raised |= Fpscr.ZX;
                exact(sign | EXPONENT);
            }
            return;
        }
        if (isZero(a)) {
            exact(sign);
            return;
        }
        normalise(a & ~SIGN);
        double ma = normM;
        int ea = normE;
        normalise(b & ~SIGN);
        double mb = normM;
        double q = ma / mb, rem = Math.fma(-q, mb, ma);
        int s = rem > 0 ? 1 : rem < 0 ? -1 : 0;
        finish(sign != 0 ? -q : q, sign != 0 ? -s : s, ea - normE);
    }

    /** fsqrt/fsqrts. */
    void squareRoot(long b, boolean single) {
        begin(single);
        if (isNaN(b)) {
            if (isSignalling(b)) raised |= Fpscr.VXSNAN;
            bits = nan(b);
            return;
        }
        if (isZero(b)) {
            exact(b);
            return;
        }
        if (b < 0) {
            invalid(Fpscr.VXSQRT);
            return;
        }
        if (isInfinite(b)) {
            exact(b);
            return;
        }
        normalise(b);
        double m = normM;
        int e = normE;
        if ((e & 1) != 0) {
            m *= 2;
            e--;
        }
        double r = Math.sqrt(m), rem = Math.fma(-r, r, m);
        finish(r, rem > 0 ? 1 : rem < 0 ? -1 : 0, e >> 1);
    }

    // ---------------------------------------------------------------------------------------------- multiply-add

    /**
     * fmadd, fmsub, fnmadd, fnmsub and their single forms: {@code (FRA x FRC) + (FRB ^ negateB)} rounded once, then
     * negated when {@code negateResult} (a NaN result keeps its sign). An infinity times zero sets VXIMZ even when
     * FRB is a QNaN, whose value is then the result (as QEMU and the 750 do).
     */
    void multiplyAdd(long a, long c, long b, long negateB, boolean negateResult, boolean single) {
        begin(single);
        boolean infZero = (isInfinite(a) && isZero(c)) || (isZero(a) && isInfinite(c));
        if (isNaN(a) || isNaN(b) || isNaN(c)) {
            if (isSignalling(a) || isSignalling(b) || isSignalling(c)) raised |= Fpscr.VXSNAN;
            if (infZero) raised |= Fpscr.VXIMZ;
            bits = nan(isNaN(a) ? a : isNaN(b) ? b : c);
            return;
        }
        fusedMultiplyAdd(a, c, b ^ negateB, infZero);
        if (negateResult && !isNaN(bits)) bits ^= SIGN;
    }

    private void fusedMultiplyAdd(long a, long c, long b, boolean infZero) {
        if (infZero) {
            invalid(Fpscr.VXIMZ);
            return;
        }
        long sign = (a ^ c) & SIGN;
        if (isInfinite(a) || isInfinite(c)) {
            if (isInfinite(b) && ((b ^ sign) & SIGN) != 0) invalid(Fpscr.VXISI);
            else exact(sign | EXPONENT);
            return;
        }
        if (isInfinite(b)) {
            exact(b);
            return;
        }
        if (isZero(a) || isZero(c)) {
            if (isZero(b)) exact(zeroSum(sign, b));
            else roundValue(b);
            return;
        }
        normalise(a);
        double ma = normM;
        int ea = normE;
        normalise(c);
        double mc = normM;
        int ep = ea + normE;
        double p = ma * mc, pe = Math.fma(ma, mc, -p);
        if (isZero(b)) {
            finish(p, pe > 0 ? 1 : pe < 0 ? -1 : 0, ep);
            return;
        }
        int eb = exponentOf(b);
        if (eb < ep - 110) {                      // the addend only decides direction
            int sb = b < 0 ? -1 : 1;
            double neighbour = pe > 0 ? Math.nextUp(p) : Math.nextDown(p);
            // p + pe exactly halfway to a neighbour, and b pushing past it: that neighbour is the nearest
            if (pe != 0 && neighbour - p == 2 * pe && (pe > 0) == (sb > 0)) finish(neighbour, -sb, ep);
            else finish(p, pe > 0 ? 1 : pe < 0 ? -1 : sb, ep);
            return;
        }
        if (ep < eb - 110) {                      // the product only decides direction
            finish(Double.longBitsToDouble(b), p > 0 ? 1 : -1, 0);
            return;
        }
        int k = Math.max(ep, eb);
        double scaledC = Math.scalb(mc, ep - k), scaledB = Math.scalb(Double.longBitsToDouble(b), -k);
        double r = Math.fma(ma, scaledC, scaledB);
        if (r == 0) {
            exact(mode == FpRounder.TOWARD_MINUS ? SIGN : 0);
            return;
        }
        finish(r, residualSign(Math.scalb(pe, ep - k), Math.scalb(p, ep - k), scaledB, -r), k);
    }

    /**
     * The sign of {@code e0 + e1 + b + d} exactly, where (e0, e1) is a non-overlapping expansion in increasing
     * magnitude: Shewchuk's Grow-Expansion adds b, then d, keeping the expansion non-overlapping; its sign is the
     * sign of its largest non-zero component.
     */
    private static int residualSign(double e0, double e1, double b, double d) {
        // grow (e0, e1) by b -> (g0, g1, g2)
        double q = b;
        double s = q + e0, bv = s - q, g0 = (q - (s - bv)) + (e0 - bv);
        q = s;
        s = q + e1; bv = s - q;
        double g1 = (q - (s - bv)) + (e1 - bv);
        double g2 = s;
        // grow (g0, g1, g2) by d -> (h0, h1, h2, h3)
        q = d;
        s = q + g0; bv = s - q;
        double h0 = (q - (s - bv)) + (g0 - bv);
        q = s;
        s = q + g1; bv = s - q;
        double h1 = (q - (s - bv)) + (g1 - bv);
        q = s;
        s = q + g2; bv = s - q;
        double h2 = (q - (s - bv)) + (g2 - bv);
        double h3 = s;
        double top = h3 != 0 ? h3 : h2 != 0 ? h2 : h1 != 0 ? h1 : h0;
        return top > 0 ? 1 : top < 0 ? -1 : 0;
    }

    // ---------------------------------------------------------------------------------------------- conversions

    /** frsp: FRB rounded to single precision. */
    void roundToSingle(long b) {
        begin(true);
        if (isNaN(b)) {
            if (isSignalling(b)) raised |= Fpscr.VXSNAN;
            bits = nan(b);
        } else if (isZero(b) || isInfinite(b)) {
            exact(b);
        } else {
            roundValue(b);
        }
    }

    /**
     * fctiw/fctiwz: FRB rounded to a 32-bit signed integer in {@code roundingMode}; a NaN or a value out of range
     * sets VXCVI (and VXSNAN for a signalling NaN) and gives 0x80000000 or 0x7FFFFFFF. Book I leaves the high word
     * of FRT undefined; this gives QEMU's: the sign extension of the word, except for a NaN (high word zero).
     */
    void toInteger(long b, int roundingMode) {
        begin(false);
        long word;
        if (isNaN(b)) {
            raised |= Fpscr.VXCVI | (isSignalling(b) ? Fpscr.VXSNAN : 0);
            word = 0x8000_0000L;
        } else {
            double v = Double.longBitsToDouble(b);
            double r = switch (roundingMode) {
                case FpRounder.TOWARD_ZERO -> v < 0 ? Math.ceil(v) : Math.floor(v);
                case FpRounder.TOWARD_PLUS -> Math.ceil(v);
                case FpRounder.TOWARD_MINUS -> Math.floor(v);
                default -> Math.rint(v);
            };
            if (r > Integer.MAX_VALUE || r < Integer.MIN_VALUE) {
                raised |= Fpscr.VXCVI;
                word = v > 0 ? Integer.MAX_VALUE : Integer.MIN_VALUE;
            } else {
                word = (long) r;
                fi = r != v;
                fr = Math.abs(r) > Math.abs(v);
            }
        }
        bits = word;
    }

    /** fsel: FRC if FRA >= 0 (either zero included), else FRB; a NaN FRA selects FRB. No FPSCR change. */
    static long select(long a, long c, long b) {
        return !isNaN(a) && (a >= 0 || isZero(a)) ? c : b;
    }

    /** FPRF of a result: class and FPCC (Book I table 4-4), denormal relative to the instruction's format. */
    static int resultClass(long x, boolean single) {
        boolean negative = x < 0;
        if (isNaN(x)) return 0x11;
        if (isInfinite(x)) return negative ? 0x09 : 0x05;
        if (isZero(x)) return negative ? 0x12 : 0x02;
        double v = Math.abs(Double.longBitsToDouble(x));
        boolean denormal = v < (single ? 0x1p-126 : Double.MIN_NORMAL);
        if (denormal) return negative ? 0x18 : 0x14;
        return negative ? 0x08 : 0x04;
    }
}
