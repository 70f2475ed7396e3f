package org.polyvisor.isa.ppc.exec;

/**
 * AltiVec single-precision arithmetic on raw float bits (AltiVec PEM 4.2.4 - 4.2.6): always round to nearest, no
 * exception flags; a NaN operand gives the first NaN of vA, vB, vC quieted, an invalid operation the default QNaN
 * 0x7FC00000. With VSCR[NJ] = 1 (non-Java mode) denormal operands and results are taken as zeros of their sign.
 * The multiply-adds round once ({@link Math#fma}); vnmsubfp negates the rounded vA x vC - vB. The estimates give
 * QEMU's values: vrefp the reciprocal rounded once, vrsqrtefp the rounded square root's rounded reciprocal; the conversions saturate and set VSCR[SAT] through {@link #saturated}.
 */
final class VectorFloat {
    private static final int QUIET = 0x0040_0000, DEFAULT_NAN = 0x7fc0_0000;

    /** Set when a conversion saturated; the unit ORs it into VSCR[SAT]. */
    boolean saturated;
    /** VSCR[NJ] for the operation in progress. */
    boolean nonJava;

    static boolean isNaN(int x) { return (x & 0x7fff_ffff) > 0x7f80_0000; }

    private int in(int x) { return nonJava && (x & 0x7f80_0000) == 0 ? x & 0x8000_0000 : x; }

    private int out(float r) {
        int x = Float.floatToRawIntBits(r);
        if (Float.isNaN(r)) return DEFAULT_NAN;
        return nonJava && (x & 0x7f80_0000) == 0 ? x & 0x8000_0000 : x;
    }

    private static float f(int x) { return Float.intBitsToFloat(x); }

    int add(int a, int b) {
        if (isNaN(a) || isNaN(b)) return (isNaN(a) ? a : b) | QUIET;
        return out(f(in(a)) + f(in(b)));
    }

    int subtract(int a, int b) {
        if (isNaN(a) || isNaN(b)) return (isNaN(a) ? a : b) | QUIET;
        return out(f(in(a)) - f(in(b)));
    }

    /** vmaddfp: vA x vC + vB; vnmsubfp (negate): -(vA x vC - vB), a NaN result not negated. */
    int multiplyAdd(int a, int c, int b, boolean negate) {
        if (isNaN(a) || isNaN(b) || isNaN(c)) return (isNaN(a) ? a : isNaN(b) ? b : c) | QUIET;
        if (!negate) return out(Math.fma(f(in(a)), f(in(c)), f(in(b))));
        float r = Math.fma(f(in(a)), f(in(c)), -f(in(b)));
        return Float.isNaN(r) ? DEFAULT_NAN : out(-r);
    }

    /** vmaxfp/vminfp: the larger (smaller) operand, +0 above -0; a NaN operand gives the first NaN quieted. */
    int maxMin(int a, int b, boolean max) {
        if (isNaN(a) || isNaN(b)) return (isNaN(a) ? a : b) | QUIET;
        float x = f(in(a)), y = f(in(b));
        float r = max ? Math.max(x, y) : Math.min(x, y);
        return out(r);
    }

    /** vrefp, vrsqrtefp: the reciprocal (of the square root), exactly rounded. */
    int reciprocal(int b, boolean sqrt) {
        if (isNaN(b)) return b | QUIET;
        float x = f(in(b));
        return out(sqrt ? 1.0f / (float) Math.sqrt(x) : 1.0f / x);
    }

    /** vrfin (mode 0), vrfiz (1), vrfip (2), vrfim (3): round to an integral value. */
    int roundToIntegral(int b, int mode) {
        if (isNaN(b)) return b | QUIET;
        float x = f(in(b));
        double r = switch (mode) {
            case 1 -> x < 0 ? Math.ceil(x) : Math.floor(x);
            case 2 -> Math.ceil(x);
            case 3 -> Math.floor(x);
            default -> Math.rint(x);
        };
        return out((float) r == 0 ? Math.copySign(0f, x) : (float) r);
    }

    /** vcfsx/vcfux: a signed (unsigned) word divided by 2^uimm, rounded to nearest. */
    int fromInteger(int word, int uimm, boolean signed) {
        double v = signed ? word : word & 0xffff_ffffL;
        return out(Math.scalb((float) v, -uimm));
    }

    /** vctsxs/vctuxs: x times 2^uimm truncated to a signed (unsigned) word, saturating; a NaN gives 0. */
    int toInteger(int b, int uimm, boolean signed) {
        if (isNaN(b)) return 0;
        double v = Math.scalb((double) f(in(b)), uimm);
        double t = v < 0 ? Math.ceil(v) : Math.floor(v);
        long min = signed ? Integer.MIN_VALUE : 0, max = signed ? Integer.MAX_VALUE : 0xffff_ffffL;
        if (t < min || t > max) {
            saturated = true;
            return (int) (t < min ? min : max);
        }
        return (int) (long) t;
    }

    /** vcmpeqfp (0), vcmpgefp (1), vcmpgtfp (2): the predicate; false for NaN operands. */
    boolean compare(int a, int b, int kind) {
        if (isNaN(a) || isNaN(b)) return false;
        float x = f(in(a)), y = f(in(b));
        return switch (kind) {
            case 0 -> x == y;
            case 1 -> x >= y;
            default -> x > y;
        };
    }

    /** vcmpbfp: bit 0 set unless a <= b, bit 1 set unless a >= -b (both set for NaN operands). */
    int bounds(int a, int b) {
        if (isNaN(a) || isNaN(b)) return 0xc000_0000;
        float x = f(in(a)), y = f(in(b));
        return (x <= y ? 0 : 0x8000_0000) | (x >= -y ? 0 : 0x4000_0000);
    }
}
