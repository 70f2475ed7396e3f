package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;

/**
 * AltiVec data movement (AltiVec PEM 6, "vperm" to "vupklsh"): permute, double shift, splats, merges, modulo packs,
 * unpacks and the whole-register shifts by bits and octets, building the result in the unit's {@link Lanes}.
 */
final class VectorPermute {
    private final Lanes lanes;

    VectorPermute(Lanes lanes) { this.lanes = lanes; }

    /** Byte {@code k} (0-31) of the concatenation VRA || VRB. */
    private long concat(int a, int b, int k) { return k < 16 ? lanes.element(a, 1, k) : lanes.element(b, 1, k - 16); }

    /** vperm: byte e of the result is byte (VRC byte e & 31) of VRA || VRB. */
    void permute(Insn i) {
        long h0 = 0, l0 = 0;
        for (int e = 0; e < 16; e++) {
            long v = concat(i.ra, i.rb, (int) lanes.element(i.mb, 1, e) & 31);
            if (e < 8) h0 |= v << (56 - 8 * e);
            else l0 |= v << (56 - 8 * (e - 8));
        }
        lanes.hi = h0;
        lanes.lo = l0;
    }

    /** vsldoi: bytes SHB to SHB + 15 of VRA || VRB. */
    void shiftDouble(Insn i) {
        int shb = i.mb & 15;
        long h0 = 0, l0 = 0;
        for (int e = 0; e < 16; e++) {
            long v = concat(i.ra, i.rb, e + shb);
            if (e < 8) h0 |= v << (56 - 8 * e);
            else l0 |= v << (56 - 8 * (e - 8));
        }
        lanes.hi = h0;
        lanes.lo = l0;
    }

    /** The splats: {@code v} in every element of {@code size} bytes. */
    void splat(int size, long v) {
        lanes.hi = 0;
        lanes.lo = 0;
        for (int e = 0; e < 16 / size; e++) lanes.put(size, e, v);
    }

    /** vmrgh*: elements from the high halves (offset 0) or low halves (offset 8 bytes), VRA and VRB alternating. */
    void merge(Insn i, int size, int offset) {
        int half = 8 / size, base = offset / size;
        long h0 = 0, l0 = 0;
        for (int e = 0; e < half; e++) {
            long a = lanes.element(i.ra, size, base + e), b = lanes.element(i.rb, size, base + e);
            int bitA = 2 * e * size * 8, bitB = (2 * e + 1) * size * 8;
            int sA = 64 - size * 8 - (bitA & 63), sB = 64 - size * 8 - (bitB & 63);
            if (bitA < 64) h0 |= a << sA;
            else l0 |= a << sA;
            if (bitB < 64) h0 |= b << sB;
            else l0 |= b << sB;
        }
        lanes.hi = h0;
        lanes.lo = l0;
    }

    /** vpkuhum/vpkuwum: the low half of each element of VRA then VRB (modulo). */
    void pack(Insn i, int size) {
        int n = 16 / size, half = size / 2;
        long h0 = 0, l0 = 0;
        for (int e = 0; e < 2 * n; e++) {
            long v = (e < n ? lanes.element(i.ra, size, e) : lanes.element(i.rb, size, e - n)) & Lanes.mask(half);
            int bit = e * half * 8, s = 64 - half * 8 - (bit & 63);
            if (bit < 64) h0 |= v << s;
            else l0 |= v << s;
        }
        lanes.hi = h0;
        lanes.lo = l0;
    }

    /** vupkh/vupkl: the high or low half of VRB's elements, sign-extended to twice their size. */
    void unpack(Insn i, int size, int offset) {
        int n = 8 / size, base = offset / size;
        long h0 = 0, l0 = 0;
        for (int e = 0; e < n; e++) {
            long v = Lanes.signed(lanes.element(i.rb, size, base + e), size) & Lanes.mask(2 * size);
            int bit = e * size * 16, s = 64 - size * 16 - (bit & 63);
            if (bit < 64) h0 |= v << s;
            else l0 |= v << s;
        }
        lanes.hi = h0;
        lanes.lo = l0;
    }

    /** vsl/vsr: the whole register shifted by VRB's low 3 bits (of its last byte, as all bytes must agree). */
    void shiftBits(Insn i) {
        int sh = (int) lanes.l(i.rb) & 7;
        long a = lanes.h(i.ra), b = lanes.l(i.ra);
        if (sh == 0) {
            lanes.hi = a;
            lanes.lo = b;
        } else if (i.op == Op.VSL) {
            lanes.hi = a << sh | b >>> (64 - sh);
            lanes.lo = b << sh;
        } else {
            lanes.hi = a >>> sh;
            lanes.lo = b >>> sh | a << (64 - sh);
        }
    }

    /** vslo/vsro: the whole register shifted by octets, VRB bits 121-124. */
    void shiftOctets(Insn i) {
        int sh = 8 * (((int) lanes.l(i.rb) >>> 3) & 15);
        long a = lanes.h(i.ra), b = lanes.l(i.ra);
        boolean left = i.op == Op.VSLO;
        if (sh == 0) {
            lanes.hi = a;
            lanes.lo = b;
        } else if (sh >= 64) {
            lanes.hi = left ? b << (sh - 64) : 0;
            lanes.lo = left ? 0 : a >>> (sh - 64);
        } else if (left) {
            lanes.hi = a << sh | b >>> (64 - sh);
            lanes.lo = b << sh;
        } else {
            lanes.hi = a >>> sh;
            lanes.lo = b >>> sh | a << (64 - sh);
        }
    }
}
