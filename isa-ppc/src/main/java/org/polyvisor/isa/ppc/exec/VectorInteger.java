package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;

/**
 * AltiVec integer arithmetic (AltiVec PEM 6): modulo, carry-out and saturating adds and subtracts, max, min,
 * average, element rotates and shifts, even/odd multiplies, multiply-sums, multiply-low-add, saturating packs and
 * the integer compares, building the result in the unit's {@link Lanes}. A saturating operation that clamped sets
 * {@link #saturated}, which the unit ORs into VSCR[SAT]; a compare leaves its CR6 field in {@link #cr6}.
 */
final class VectorInteger {
    private final Lanes lanes;
    /** An element was clamped by the last saturating operation. */
    boolean saturated;
    /** The last compare's CR6 field: 0b1000 all elements true, 0b0010 none, else 0. */
    int cr6;

    VectorInteger(Lanes lanes) { this.lanes = lanes; }

    /** vmule*, vmulo*: the even (odd) elements of VRA and VRB multiplied into elements of twice the size. */
    void multiply(Insn i) {
        int size = switch (i.op) {
            case VMULEUB, VMULOUB, VMULESB, VMULOSB -> 1;
            default -> 2;
        };
        boolean odd = i.op == Op.VMULOUB || i.op == Op.VMULOSB || i.op == Op.VMULOUH || i.op == Op.VMULOSH;
        boolean signed = i.op == Op.VMULESB || i.op == Op.VMULOSB || i.op == Op.VMULESH || i.op == Op.VMULOSH;
        lanes.hi = 0;
        lanes.lo = 0;
        for (int e = 0; e < 8 / size; e++) {
            long a = lanes.element(i.ra, size, 2 * e + (odd ? 1 : 0)), b = lanes.element(i.rb, size, 2 * e + (odd ? 1 : 0));
            lanes.put(2 * size, e, signed ? Lanes.signed(a, size) * Lanes.signed(b, size) : a * b);
        }
    }

    /** vmsum*: per word, the sum of VRA x VRB over its bytes (halfwords) plus VRC's word; modulo or saturating. */
    void multiplySum(Insn i) {
        int size = i.op == Op.VMSUMUBM || i.op == Op.VMSUMMBM ? 1 : 2;
        boolean signedA = i.op == Op.VMSUMMBM || i.op == Op.VMSUMSHM || i.op == Op.VMSUMSHS;
        boolean signedB = i.op == Op.VMSUMSHM || i.op == Op.VMSUMSHS;
        boolean saturating = i.op == Op.VMSUMUHS || i.op == Op.VMSUMSHS;
        lanes.hi = 0;
        lanes.lo = 0;
        saturated = false;
        int per = 4 / size;
        for (int w = 0; w < 4; w++) {
            long sum = signedA && signedB ? Lanes.signed(lanes.element(i.mb, 4, w), 4) : lanes.element(i.mb, 4, w);
            if (signedA && !signedB) sum = Lanes.signed(lanes.element(i.mb, 4, w), 4);
            for (int k = 0; k < per; k++) {
                long a = lanes.element(i.ra, size, w * per + k), b = lanes.element(i.rb, size, w * per + k);
                sum += (signedA ? Lanes.signed(a, size) : a) * (signedB ? Lanes.signed(b, size) : b);
            }
            if (saturating) sum = signedA ? saturate(sum, Integer.MIN_VALUE, Integer.MAX_VALUE) : saturate(sum, 0, 0xffff_ffffL);
            lanes.put(4, w, sum);
        }

    }

    /** The saturating packs: VRA's then VRB's elements, each clamped to the half-size range. */
    void packSaturate(Insn i) {
        int size = switch (i.op) {
            case VPKUHUS, VPKSHUS, VPKSHSS -> 2;
            default -> 4;
        };
        boolean signedIn = i.op != Op.VPKUHUS && i.op != Op.VPKUWUS;
        boolean signedOut = i.op == Op.VPKSHSS || i.op == Op.VPKSWSS;
        int half = size / 2, n = 16 / size;
        long max = signedOut ? Lanes.mask(half) >>> 1 : Lanes.mask(half), min = signedOut ? -(max + 1) : 0;
        saturated = false;
        long h0 = 0, l0 = 0;
        for (int e = 0; e < 2 * n; e++) {
            long v = e < n ? lanes.element(i.ra, size, e) : lanes.element(i.rb, size, e - n);
            if (signedIn) v = Lanes.signed(v, size);
            v = saturate(v, min, max) & Lanes.mask(half);
            int bit = e * half * 8, s = 64 - half * 8 - (bit & 63);
            if (bit < 64) h0 |= v << s;
            else l0 |= v << s;
        }
        lanes.hi = h0;
        lanes.lo = l0;

    }

    /** Element-wise integer operations: one element at a time through {@link #apply}. */
    void elementwise(Insn i) {
        int size = switch (i.op) {
            case VADDUBM, VSUBUBM, VADDUBS, VADDSBS, VSUBUBS, VSUBSBS, VMAXUB, VMAXSB, VMINUB, VMINSB, VAVGUB, VAVGSB,
                 VRLB, VSLB, VSRB, VSRAB -> 1;
            case VADDUHM, VSUBUHM, VADDUHS, VADDSHS, VSUBUHS, VSUBSHS, VMAXUH, VMAXSH, VMINUH, VMINSH, VAVGUH, VAVGSH,
                 VRLH, VSLH, VSRH, VSRAH -> 2;
            default -> 4;
        };
        lanes.hi = 0;
        lanes.lo = 0;
        saturated = false;
        for (int e = 0; e < 16 / size; e++) {
            lanes.put(size, e, apply(i, size, lanes.element(i.ra, size, e), lanes.element(i.rb, size, e)));
        }
    }

    /** One element: a and b zero-extended; returns the result (its low {@code size} bytes count). */
    private long apply(Insn i, int size, long a, long b) {
        int bits = size * 8;
        long umax = Lanes.mask(size), smax = umax >>> 1, smin = -smax - 1;
        long sa = Lanes.signed(a, size), sb = Lanes.signed(b, size);
        return switch (i.op) {
            case VADDUBM, VADDUHM, VADDUWM -> a + b;
            case VSUBUBM, VSUBUHM, VSUBUWM -> a - b;
            case VADDCUW -> (a + b) >>> 32;
            case VSUBCUW -> a >= b ? 1 : 0;
            case VADDUBS, VADDUHS, VADDUWS -> saturate(a + b, 0, umax);
            case VSUBUBS, VSUBUHS, VSUBUWS -> saturate(a - b, 0, umax);
            case VADDSBS, VADDSHS, VADDSWS -> saturate(sa + sb, smin, smax);
            case VSUBSBS, VSUBSHS, VSUBSWS -> saturate(sa - sb, smin, smax);
            case VMAXUB, VMAXUH, VMAXUW -> Math.max(a, b);
            case VMINUB, VMINUH, VMINUW -> Math.min(a, b);
            case VMAXSB, VMAXSH, VMAXSW -> Math.max(sa, sb);
            case VMINSB, VMINSH, VMINSW -> Math.min(sa, sb);
            case VAVGUB, VAVGUH, VAVGUW -> (a + b + 1) >> 1;
            case VAVGSB, VAVGSH, VAVGSW -> (sa + sb + 1) >> 1;
            case VRLB, VRLH, VRLW -> {
                int sh = (int) b & (bits - 1);
                yield sh == 0 ? a : (a << sh | a >>> (bits - sh));
            }
            case VSLB, VSLH, VSLW -> a << (b & (bits - 1));
            case VSRB, VSRH, VSRW -> a >>> (b & (bits - 1));
            case VSRAB, VSRAH, VSRAW -> sa >> (b & (bits - 1));
            default -> throw new IllegalStateException("not a vector op: " + i.op);
        };
    }

    private long saturate(long v, long min, long max) {
        if (v > max || v < min) {
            saturated = true;
            return v > max ? max : min;
        }
        return v;
    }

    /** The integer compares: all ones in the elements where the predicate holds. */
    void compare(Insn i) {
        int size;
        boolean signed = false, equal = false;
        switch (i.op) {
            case VCMPEQUB -> { size = 1; equal = true; }
            case VCMPEQUH -> { size = 2; equal = true; }
            case VCMPEQUW -> { size = 4; equal = true; }
            case VCMPGTUB -> size = 1;
            case VCMPGTUH -> size = 2;
            case VCMPGTUW -> size = 4;
            case VCMPGTSB -> { size = 1; signed = true; }
            case VCMPGTSH -> { size = 2; signed = true; }
            default -> { size = 4; signed = true; }
        }
        lanes.hi = 0;
        lanes.lo = 0;
        int n = 16 / size, trues = 0;
        for (int e = 0; e < n; e++) {
            long a = lanes.element(i.ra, size, e), b = lanes.element(i.rb, size, e);
            boolean t = equal ? a == b : signed ? Lanes.signed(a, size) > Lanes.signed(b, size) : a > b;
            if (t) {
                trues++;
                lanes.put(size, e, -1);
            }
        }
        cr6 = trues == n ? 8 : trues == 0 ? 2 : 0;
    }

    /** vmladduhm: VRA x VRB + VRC per halfword, modulo 2^16. */
    void multiplyLowAdd(Insn i) {
        lanes.hi = 0;
        lanes.lo = 0;
        for (int e = 0; e < 8; e++) {
            lanes.put(2, e, lanes.element(i.ra, 2, e) * lanes.element(i.rb, 2, e) + lanes.element(i.mb, 2, e));
        }
    }
}
