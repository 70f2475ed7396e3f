package org.polyvisor.isa.x86.fpu;

/**
 * Scalar single- and double-precision operations of SSE/SSE2 under MXCSR (SDM Vol. 1, 10.2.3 and 11.5): rounding
 * control, DAZ (denormal sources read as zero), FTZ (tiny results flushed to zero), the exception flags, and the
 * SSE NaN rules (a NaN first source wins, else the second; invalid operations give the negative default QNaN).
 * Results are exact: each operation runs through {@link Float80}, rounding once into the target format. Values are
 * raw IEEE bits (a float in the low 32 bits). Flags raised accumulate in {@link #flags} until the caller takes them.
 */
public final class SseMath {
    public static final int DAZ = 0x40, FTZ = 0x8000;
    public static final long DEFAULT_NAN_D = 0xFFF8_0000_0000_0000L, DEFAULT_NAN_S = 0xFFC0_0000L;

    private final Float80 f = new Float80();
    private int rc, mxcsr;
    /** Exception flags (MXCSR bits 5:0) raised since the last {@link #mode}. */
    public int flags;

    /** Starts an instruction under {@code mxcsr}: its rounding control, DAZ and FTZ; clears {@link #flags}. */
    public void mode(int mxcsr) {
        this.mxcsr = mxcsr;
        this.rc = (mxcsr >>> 13) & 3;
        flags = 0;
    }

    // ---- classification of raw values ----

    public static boolean isNaN(long v, boolean dbl) {
        return dbl ? (v & 0x7FFF_FFFF_FFFF_FFFFL) > 0x7FF0_0000_0000_0000L : (v & 0x7FFF_FFFFL) > 0x7F80_0000L;
    }

    private static boolean isSignaling(long v, boolean dbl) {
        return isNaN(v, dbl) && (v & (dbl ? 1L << 51 : 1L << 22)) == 0;
    }

    private static boolean isDenormal(long v, boolean dbl) {
        return dbl ? (v & 0x7FF0_0000_0000_0000L) == 0 && (v & 0x000F_FFFF_FFFF_FFFFL) != 0
                : (v & 0x7F80_0000L) == 0 && (v & 0x007F_FFFFL) != 0;
    }

    private static long quiet(long v, boolean dbl) { return v | (dbl ? 1L << 51 : 1L << 22); }

    private static long signBit(boolean dbl) { return dbl ? 1L << 63 : 1L << 31; }

    /** A source as the operation sees it: DAZ turns a denormal into a zero of its sign; else a denormal raises DE. */
    private long source(long v, boolean dbl) {
        if (isDenormal(v, dbl)) {
            if ((mxcsr & DAZ) != 0) return v & signBit(dbl);
            flags |= Float80.DE;
        }
        return v;
    }

    private int se(long v, boolean dbl) {
        if (dbl) f.fromDouble(v); else f.fromFloat((int) v);
        return f.se;
    }

    // ---- arithmetic ----

    public static final int ADD = 0, SUB = 1, MUL = 2, DIV = 3, SQRT = 4, MIN = 5, MAX = 6;

    /** a op b (b is ignored by SQRT). */
    public long arithmetic(int op, long a, long b, boolean dbl) {
        if (op == MIN || op == MAX) return minMax(op == MIN, a, b, dbl);
        if (rc == Float80.RC_NEAREST) {
            long r = dbl ? fastDouble(op, a, b) : fastFloat(op, a, b);
            if (r != SLOW) return r;
        }
        if (op == SQRT) {
            if (isNaN(b, dbl)) { if (isSignaling(b, dbl)) flags |= Float80.IE; return quiet(b, dbl); }
            b = source(b, dbl);
            int seB = se(b, dbl);
            long mB = f.mant;
            f.target = dbl ? Float80.DOUBLE : Float80.SINGLE;
            f.packed = false;
            return finish(f.sqrt(seB, mB, dbl ? 53 : 24, rc), dbl);
        }
        boolean aNan = isNaN(a, dbl), bNan = isNaN(b, dbl);
        if (aNan || bNan) {
            if (isSignaling(a, dbl) || isSignaling(b, dbl)) flags |= Float80.IE;
            return aNan ? quiet(a, dbl) : quiet(b, dbl);
        }
        a = source(a, dbl);
        b = source(b, dbl);
        int seA = se(a, dbl);
        long mA = f.mant;
        int seB = se(b, dbl);
        long mB = f.mant;
        int p = dbl ? 53 : 24;
        f.target = dbl ? Float80.DOUBLE : Float80.SINGLE;
        f.packed = false;
        int fl = switch (op) {
            case ADD -> f.add(seA, mA, seB, mB, false, p, rc);
            case SUB -> f.add(seA, mA, seB, mB, true, p, rc);
            case MUL -> f.mul(seA, mA, seB, mB, p, rc);
            default -> f.div(seA, mA, seB, mB, p, rc);
        };
        return finish(fl, dbl);
    }

    // ---- the common case in the host's IEEE arithmetic ----
    //
    // Round to nearest, normal (or zero) operands and a normal result well inside the exponent range: then Java's
    // double arithmetic is the correctly rounded result, and the exact error terms (TwoSum for a sum, FMA for a
    // product, a quotient's remainder or a root's) tell whether it was inexact. A float operation in double and
    // then rounded to float is correctly rounded too (53 >= 2 * 24 + 2). Anything else takes the exact path.

    private static final long SLOW = 0x7FF0_0000_0000_0001L;  // a signaling NaN no fast result can be
    /** Results (and dividends) above this magnitude keep every error term representable. */
    private static final double SAFE = 0x1p-960;

    private static boolean normalOrZero(long v, boolean dbl) {
        long e = dbl ? v & 0x7FF0_0000_0000_0000L : v & 0x7F80_0000L;
        long mag = dbl ? v & 0x7FFF_FFFF_FFFF_FFFFL : v & 0x7FFF_FFFFL;
        return mag == 0 || (e != 0 && e != (dbl ? 0x7FF0_0000_0000_0000L : 0x7F80_0000L));
    }

    private static double sumError(double x, double y, double r) {
        double bb = r - x;
        return (x - (r - bb)) + (y - bb);
    }

    private long fastDouble(int op, long a, long b) {
        if (!normalOrZero(b, true) || (op != SQRT && !normalOrZero(a, true))) return SLOW;
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b), r;
        boolean inexact;
        switch (op) {
            case ADD, SUB -> {
                if (op == SUB) y = -y;
                r = x + y;
                if (r == 0) return Double.doubleToRawLongBits(r);
                if (!(Math.abs(r) >= Double.MIN_NORMAL) || Double.isInfinite(r)) return SLOW;
                inexact = sumError(x, y, r) != 0;
            }
            case MUL -> {
                r = x * y;
                if (x == 0 || y == 0) return Double.doubleToRawLongBits(r);
                if (!(Math.abs(r) >= SAFE) || Double.isInfinite(r)) return SLOW;
                inexact = Math.fma(x, y, -r) != 0;
            }
            case DIV -> {
                if (y == 0) return SLOW;
                r = x / y;
                if (x == 0) return Double.doubleToRawLongBits(r);
                if (!(Math.abs(r) >= SAFE) || !(Math.abs(x) >= SAFE) || Double.isInfinite(r)) return SLOW;
                inexact = Math.fma(-r, y, x) != 0;
            }
            default -> {  // SQRT of b
                if (y == 0) return b;
                if (y < 0) return SLOW;
                r = Math.sqrt(y);
                inexact = Math.fma(-r, r, y) != 0;
            }
        }
        if (inexact) flags |= Float80.PE;
        return Double.doubleToRawLongBits(r);
    }

    private long fastFloat(int op, long a, long b) {
        if (!normalOrZero(b, false) || (op != SQRT && !normalOrZero(a, false))) return SLOW;
        double x = Float.intBitsToFloat((int) a), y = Float.intBitsToFloat((int) b), d;
        boolean inexact;
        switch (op) {
            case ADD, SUB -> {
                if (op == SUB) y = -y;
                d = x + y;
                inexact = sumError(x, y, d) != 0;
            }
            case MUL -> { d = x * y; inexact = false; }
            case DIV -> {
                if (y == 0) return SLOW;
                d = x / y;
                inexact = x != 0 && Math.fma(-d, y, x) != 0;
            }
            default -> {
                if (y == 0) return b;
                if (y < 0) return SLOW;
                d = Math.sqrt(y);
                inexact = Math.fma(-d, d, y) != 0;
            }
        }
        float r = (float) d;
        if (r == 0 && d == 0) return Float.floatToRawIntBits(r) & 0xFFFF_FFFFL;
        if (!(Math.abs(r) >= Float.MIN_NORMAL) || Float.isInfinite(r)) return SLOW;
        if (inexact || (double) r != d) flags |= Float80.PE;
        return Float.floatToRawIntBits(r) & 0xFFFF_FFFFL;
    }

    /** Packs the result of a Float80 operation and applies FTZ. */
    private long finish(int fl, boolean dbl) {
        long r;
        if (f.target != Float80.EXT && f.packed) r = f.bits;
        else {
            f.target = Float80.EXT;
            if (dbl) f.toDouble(f.se, f.mant, Float80.RC_NEAREST); else f.toFloat(f.se, f.mant, Float80.RC_NEAREST);
            r = f.bits;
        }
        f.target = Float80.EXT;
        f.packed = false;
        fl &= 0x3F;
        if ((mxcsr & FTZ) != 0 && (mxcsr & (Float80.UE << 7)) != 0 && ((fl & Float80.UE) != 0 || isDenormal(r, dbl))) {
            r &= signBit(dbl);
            fl |= Float80.UE | Float80.PE;
        }
        flags |= fl;
        return r;
    }

    /** MIN/MAX: the second source when either is a NaN (IE, whatever kind) or both are zeros. */
    private long minMax(boolean min, long a, long b, boolean dbl) {
        if (isNaN(a, dbl) || isNaN(b, dbl)) { flags |= Float80.IE; return b; }
        long sa = source(a, dbl), sb = source(b, dbl);
        double x = value(sa, dbl), y = value(sb, dbl);
        if (x == 0 && y == 0) return b;
        if (min) return x < y ? a : b;
        return x > y ? a : b;
    }

    private static double value(long v, boolean dbl) {
        return dbl ? Double.longBitsToDouble(v) : Float.intBitsToFloat((int) v);
    }

    /**
     * Compares a with b: -1, 0, 1, or 2 (unordered). {@code signaling}: any NaN raises IE (COMISS, CMPLT...);
     * else only signaling NaNs do (UCOMISS, CMPEQ...).
     */
    public int compare(long a, long b, boolean dbl, boolean signaling) {
        if (isNaN(a, dbl) || isNaN(b, dbl)) {
            if (signaling || isSignaling(a, dbl) || isSignaling(b, dbl)) flags |= Float80.IE;
            return 2;
        }
        double x = value(source(a, dbl), dbl), y = value(source(b, dbl), dbl);
        return x < y ? -1 : x > y ? 1 : 0;
    }

    // ---- conversions ----

    /** CVTSS2SD (widen) and CVTSD2SS (narrow): a converted to the other format under the rounding control. */
    public long convertFloat(long a, boolean fromDouble) {
        if (isNaN(a, fromDouble)) {
            if (isSignaling(a, fromDouble)) flags |= Float80.IE;
            long q = quiet(a, fromDouble);
            return fromDouble ? ((q >>> 63) << 31) | 0x7FC0_0000L | ((q >>> 29) & 0x003F_FFFFL)
                    : ((q >>> 31) << 63) | 0x7FF8_0000_0000_0000L | ((q & 0x003F_FFFFL) << 29);
        }
        a = source(a, fromDouble);
        int se = se(a, fromDouble);
        long m = f.mant;
        int fl = fromDouble ? f.toFloat(se, m, rc) : f.toDouble(se, m, rc);
        f.packed = true;
        f.target = fromDouble ? Float80.SINGLE : Float80.DOUBLE;
        return finish(fl, !fromDouble);
    }

    /** CVTSI2SS/SD, CVTDQ2PS/PD: a signed integer rounded to the format. */
    public long fromInteger(long v, boolean dbl) {
        f.fromInteger(v);
        int fl = dbl ? f.toDouble(f.se, f.mant, rc) : f.toFloat(f.se, f.mant, rc);
        flags |= fl & 0x3F;
        return f.bits;
    }

    /**
     * CVT(T)SS2SI, CVT(T)SD2SI, CVT(T)PS2DQ, CVT(T)PD2DQ: a rounded to a signed integer of {@code bits} (32 or 64)
     * under the rounding control, or truncated; NaN and out-of-range give the integer indefinite with IE.
     */
    public long toInteger(long a, boolean dbl, int bits, boolean truncate) {
        if (isNaN(a, dbl)) { flags |= Float80.IE; return 1L << (bits - 1); }
        if (isDenormal(a, dbl) && (mxcsr & DAZ) != 0) a &= signBit(dbl);  // no DE: conversions to integer do not raise it
        int se = se(a, dbl);
        int fl = f.toInteger(se, f.mant, bits, truncate ? Float80.RC_ZERO : rc);
        flags |= fl & 0x3F;
        return f.bits;
    }
}
