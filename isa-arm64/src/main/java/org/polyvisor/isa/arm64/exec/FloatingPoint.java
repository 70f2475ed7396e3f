package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;

/**
 * The scalar floating-point instructions (Arm ARM C7.2, "FADD (scalar)" and the rest): operands come from the low
 * 32 or 64 bits of V registers, results replace the whole register with the upper bits zeroed, and the arithmetic
 * with its FPCR modes and FPSR flags is {@link SoftFloat}'s.
 */
final class FloatingPoint {
    private static final long W_MASK = 0xFFFF_FFFFL;
    /** The bits of a scalar of each SoftFloat format: single, double, half. */
    private static final long[] MASK = {W_MASK, -1L, 0xFFFFL};

    private final Arm64State s;
    private final long[] v;
    private final long[] x;
    private final SoftFloat fp;

    FloatingPoint(Arm64State state) {
        this.s = state;
        this.v = state.vreg;
        this.x = state.x;
        this.fp = new SoftFloat(state);
    }

    private long get(int reg, int fmt) { return v[2 * reg] & MASK[fmt]; }

    private void set(int reg, long bits, int fmt) {
        v[2 * reg] = bits & MASK[fmt];
        v[2 * reg + 1] = 0;
    }

    void execute(Insn i) {
        int f = i.size;
        long sign = SoftFloat.signBit(f);
        switch (i.op) {
            case FADD -> set(i.rd, fp.add(get(i.rn, f), get(i.rm, f), f), f);
            case FSUB -> set(i.rd, fp.sub(get(i.rn, f), get(i.rm, f), f), f);
            case FMUL -> set(i.rd, fp.mul(get(i.rn, f), get(i.rm, f), f), f);
            case FNMUL -> set(i.rd, fp.mul(get(i.rn, f), get(i.rm, f), f) ^ sign, f);
            case FDIV -> set(i.rd, fp.div(get(i.rn, f), get(i.rm, f), f), f);
            case FMAX -> set(i.rd, fp.maxMin(get(i.rn, f), get(i.rm, f), f, true, false), f);
            case FMIN -> set(i.rd, fp.maxMin(get(i.rn, f), get(i.rm, f), f, false, false), f);
            case FMAXNM -> set(i.rd, fp.maxMin(get(i.rn, f), get(i.rm, f), f, true, true), f);
            case FMINNM -> set(i.rd, fp.maxMin(get(i.rn, f), get(i.rm, f), f, false, true), f);
            // FMADD: Ra + Rn*Rm; FMSUB negates Rn, FNMADD both Ra and Rn, FNMSUB Ra (before NaN processing).
            case FMADD -> set(i.rd, fp.mulAdd(get(i.ra, f), get(i.rn, f), get(i.rm, f), f), f);
            case FMSUB -> set(i.rd, fp.mulAdd(get(i.ra, f), get(i.rn, f) ^ sign, get(i.rm, f), f), f);
            case FNMADD -> set(i.rd, fp.mulAdd(get(i.ra, f) ^ sign, get(i.rn, f) ^ sign, get(i.rm, f), f), f);
            case FNMSUB -> set(i.rd, fp.mulAdd(get(i.ra, f) ^ sign, get(i.rn, f), get(i.rm, f), f), f);
            case FMOV_reg -> set(i.rd, get(i.rn, f), f);
            case FABS -> set(i.rd, get(i.rn, f) & ~sign, f);
            case FNEG -> set(i.rd, get(i.rn, f) ^ sign, f);
            case FSQRT -> set(i.rd, fp.sqrt(get(i.rn, f), f), f);
            case FCVT_prec -> set(i.rd, fp.convert(get(i.rn, f), f, i.aux), i.aux);
            case FCVTL_v -> lengthen(i);
            case FCVTN_v -> narrow(i);
            case FRINT -> set(i.rd, fp.roundInt(get(i.rn, f), f, i.aux, i.amount == 1), f);
            case FCMP -> s.setNzcv(fp.compare(get(i.rn, f), (i.aux & 1) != 0 ? 0 : get(i.rm, f), f, (i.aux & 2) != 0));
            case FCCMP -> s.setNzcv(s.holds(i.cond) ? fp.compare(get(i.rn, f), get(i.rm, f), f, i.shift == 1) : i.aux);
            case FCSEL -> set(i.rd, s.holds(i.cond) ? get(i.rn, f) : get(i.rm, f), f);
            case FMOV_imm -> set(i.rd, SoftFloat.expandImm(i.aux, f), f);
            case FCVT_int -> x[i.rd] = fp.toInteger(get(i.rn, f), f, i.aux, i.shift == 1, i.sf);
            case SCVTF -> set(i.rd, fp.fromInteger(i.sf ? x[i.rn] : (long) (int) x[i.rn], false, f), f);
            case UCVTF -> set(i.rd, fp.fromInteger(i.sf ? x[i.rn] : x[i.rn] & W_MASK, true, f), f);
            case FMOV_gen -> moveGeneral(i, f);
            default -> throw new IllegalStateException("not a scalar FP instruction: " + i.op);
        }
    }

    /**
     * FCVTL/FCVTL2: the elements of the low (or, for FCVTL2, the high) doubleword of Vn, each converted to twice
     * its width, fill Vd: four halves to singles (sz = 0) or two singles to doubles (sz = 1).
     */
    private void lengthen(Insn i) {
        long source = v[2 * i.rn + (i.sf ? 1 : 0)];
        int from = i.size == 0 ? SoftFloat.HALF : SoftFloat.SINGLE, to = i.size == 0 ? SoftFloat.SINGLE : SoftFloat.DOUBLE;
        int bits = i.size == 0 ? 16 : 32, outBits = 2 * bits, lanes = 64 / bits;
        long lo = 0, hi = 0;
        for (int k = 0; k < lanes; k++) {
            long e = fp.convert((source >>> (k * bits)) & MASK[from], from, to) & MASK[to];
            int at = k * outBits;
            if (at < 64) lo |= e << at;
            else hi |= e << (at - 64);
        }
        v[2 * i.rd] = lo;
        v[2 * i.rd + 1] = hi;
    }

    /**
     * FCVTN/FCVTN2: the elements of Vn, each converted to half its width, form one doubleword: the low one of Vd
     * (the high one zeroed), or for FCVTN2 the high one (the low one kept). Singles to halves (sz = 0) or doubles to
     * singles (sz = 1), rounding by FPCR.
     */
    private void narrow(Insn i) {
        long srcLo = v[2 * i.rn], srcHi = v[2 * i.rn + 1];
        int from = i.size == 0 ? SoftFloat.SINGLE : SoftFloat.DOUBLE, to = i.size == 0 ? SoftFloat.HALF : SoftFloat.SINGLE;
        int inBits = i.size == 0 ? 32 : 64, outBits = inBits / 2, lanes = 128 / inBits;
        long result = 0;
        for (int k = 0; k < lanes; k++) {
            int at = k * inBits;
            long e = (at < 64 ? srcLo >>> at : srcHi >>> (at - 64)) & MASK[from];
            result |= (fp.convert(e, from, to) & MASK[to]) << (k * outBits);
        }
        if (i.sf) v[2 * i.rd + 1] = result;
        else {
            v[2 * i.rd] = result;
            v[2 * i.rd + 1] = 0;
        }
    }

    /** FMOV between general and FP registers: bits unchanged; FMOV Vd.D[1], Xn keeps the low doubleword. */
    private void moveGeneral(Insn i, int f) {
        if (i.shift == 1) {
            if (i.aux == 1) v[2 * i.rd + 1] = x[i.rn];
            else set(i.rd, x[i.rn], f);
        } else {
            x[i.rd] = i.aux == 1 ? v[2 * i.rn + 1] : get(i.rn, f);
        }
    }
}
