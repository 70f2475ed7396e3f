package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;

/**
 * The scalar floating-point instructions (Arm ARM C7.2, "FADD (scalar)" and the rest): operands come from the low
 * 32 or 64 bits of V registers, results replace the whole register with the upper bits zeroed, and the arithmetic
 * with its FPCR modes and FPSR flags is {@link SoftFloat}'s.
 */
final class FloatingPoint {
    private static final long W_MASK = 0xFFFF_FFFFL;

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

    private long get(int reg, int fmt) { return fmt == SoftFloat.SINGLE ? v[2 * reg] & W_MASK : v[2 * reg]; }

    private void set(int reg, long bits, int fmt) {
        v[2 * reg] = fmt == SoftFloat.SINGLE ? bits & W_MASK : bits;
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
            case FCVT_prec -> set(i.rd, fp.convert(get(i.rn, f), f, 1 - f), 1 - f);
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
