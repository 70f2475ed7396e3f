package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Op;

/** Data processing (immediate) and (register): one method per Arm ARM encoding class; results go to x[rd]. */
final class DataProcessing {
    private final Arm64State s;
    private final long[] x;

    DataProcessing(Arm64State state) {
        this.s = state;
        this.x = state.x;
    }

    void addSubImm(Insn i) {
        boolean sub = i.op == Op.SUB_imm || i.op == Op.SUBS_imm;
        x[i.rd] = Alu.addWithCarry(s, x[i.rn], sub ? ~i.imm : i.imm, sub, i.sf, i.setsFlags);
    }

    void addSubShift(Insn i) {
        boolean sub = i.op == Op.SUB_shift || i.op == Op.SUBS_shift;
        long b = i.amount == 0 ? x[i.rm] : Alu.shift(x[i.rm], i.shift, i.amount, i.sf);
        x[i.rd] = Alu.addWithCarry(s, x[i.rn], sub ? ~b : b, sub, i.sf, i.setsFlags);
    }

    /** ADC, ADCS, SBC, SBCS: AddWithCarry with PSTATE.C as the carry in (SBC adds NOT Rm). */
    void addSubCarry(Insn i) {
        boolean sub = i.op == Op.SBC || i.op == Op.SBCS;
        long b = x[i.rm];
        x[i.rd] = Alu.addWithCarry(s, x[i.rn], sub ? ~b : b, s.c, i.sf, i.setsFlags);
    }

    void addSubExt(Insn i) {
        boolean sub = i.op == Op.SUB_ext || i.op == Op.SUBS_ext;
        long b = Alu.extend(x[i.rm], i.shift, i.amount);
        x[i.rd] = Alu.addWithCarry(s, x[i.rn], sub ? ~b : b, sub, i.sf, i.setsFlags);
    }

    void logicalImm(Insn i) { logical(i, i.op, x[i.rn], i.imm); }

    void logicalShift(Insn i) {
        long b = i.amount == 0 ? x[i.rm] : Alu.shift(x[i.rm], i.shift, i.amount, i.sf);
        switch (i.op) {
            case BIC_shift -> logical(i, Op.AND_shift, x[i.rn], ~b);
            case ORN_shift -> logical(i, Op.ORR_shift, x[i.rn], ~b);
            case EON_shift -> logical(i, Op.EOR_shift, x[i.rn], ~b);
            case BICS_shift -> logical(i, Op.ANDS_shift, x[i.rn], ~b);
            default -> logical(i, i.op, x[i.rn], b);
        }
    }

    private void logical(Insn i, Op kind, long a, long b) {
        long r = switch (kind) {
            case AND_imm, AND_shift, ANDS_imm, ANDS_shift -> a & b;
            case ORR_imm, ORR_shift -> a | b;
            default -> a ^ b;
        };
        r = Alu.truncate(r, i.sf);
        if (kind == Op.ANDS_imm || kind == Op.ANDS_shift) {
            s.n = i.sf ? r < 0 : (int) r < 0;
            s.z = r == 0;
            s.c = false;
            s.v = false;
        }
        x[i.rd] = r;
    }

    void moveWide(Insn i) {
        long shifted = i.imm << i.amount;
        x[i.rd] = switch (i.op) {
            case MOVN -> Alu.truncate(~shifted, i.sf);
            case MOVZ -> shifted;
            default -> Alu.truncate((x[i.rd] & ~(0xFFFFL << i.amount)) | shifted, i.sf);
        };
    }

    void pcRelative(Insn i) {
        x[i.rd] = i.op == Op.ADRP ? (s.pc & ~0xFFFL) + i.imm : s.pc + i.imm;
    }

    void bitfield(Insn i) {
        boolean bfm = i.op == Op.BFM;
        x[i.rd] = Alu.bitfield(x[i.rd], x[i.rn], i.amount, i.aux, i.sf, !bfm, i.op == Op.SBFM);
    }

    void extract(Insn i) { x[i.rd] = Alu.extract(x[i.rn], x[i.rm], i.aux, i.sf); }

    /** LSLV/LSRV/ASRV/RORV: the shift amount is Rm modulo the register size. */
    void shiftVariable(Insn i) {
        int amount = (int) x[i.rm] & (i.sf ? 63 : 31);
        x[i.rd] = Alu.shift(x[i.rn], i.shift, amount, i.sf);
    }

    /** Data processing (1 source): bit and byte reversal, leading zero and sign bit counts. */
    void oneSource(Insn i) {
        long v = x[i.rn];
        long r;
        if (i.sf) {
            r = switch (i.op) {
                case RBIT -> Long.reverse(v);
                case REV16 -> ((v & 0x00FF00FF00FF00FFL) << 8) | ((v >>> 8) & 0x00FF00FF00FF00FFL);
                case REV32 -> Long.rotateRight(Long.reverseBytes(v), 32);
                case REV -> Long.reverseBytes(v);
                case CLZ -> Long.numberOfLeadingZeros(v);
                default -> Long.numberOfLeadingZeros(v ^ (v >> 1)) - 1;
            };
        } else {
            int w = (int) v;
            r = switch (i.op) {
                case RBIT -> Integer.reverse(w);
                case REV16 -> ((w & 0x00FF00FF) << 8) | ((w >>> 8) & 0x00FF00FF);
                case REV -> Integer.reverseBytes(w);
                case CLZ -> Integer.numberOfLeadingZeros(w);
                default -> Integer.numberOfLeadingZeros(w ^ (w >> 1)) - 1;
            };
        }
        x[i.rd] = Alu.truncate(r, i.sf);
    }

    /** CRC32B..CRC32CX: Wd = CRC of Wn updated with the low bytes of Rm ({@link Crc32}). */
    void crc32(Insn i) { x[i.rd] = Crc32.update(i.aux == 1, x[i.rn], x[i.rm], i.size); }

    /** UDIV/SDIV: division by zero gives zero, and no exception (Arm ARM C6.2, SDIV). */
    void divide(Insn i) {
        long r;
        if (i.sf) {
            long d = x[i.rm];
            r = d == 0 ? 0 : i.op == Op.UDIV ? Long.divideUnsigned(x[i.rn], d) : x[i.rn] / d;
        } else {
            int d = (int) x[i.rm];
            r = d == 0 ? 0 : i.op == Op.UDIV ? Integer.divideUnsigned((int) x[i.rn], d) : (int) x[i.rn] / d;
        }
        x[i.rd] = Alu.truncate(r, i.sf);
    }

    void multiply(Insn i) {
        long a = x[i.rn], b = x[i.rm], acc = x[i.ra];
        long r = switch (i.op) {
            case MADD -> acc + a * b;
            case MSUB -> acc - a * b;
            case SMADDL -> acc + (long) (int) a * (int) b;
            case SMSUBL -> acc - (long) (int) a * (int) b;
            case UMADDL -> acc + (a & Alu.W_MASK) * (b & Alu.W_MASK);
            case UMSUBL -> acc - (a & Alu.W_MASK) * (b & Alu.W_MASK);
            case SMULH -> Math.multiplyHigh(a, b);
            default -> Math.unsignedMultiplyHigh(a, b);
        };
        x[i.rd] = Alu.truncate(r, i.sf);
    }

    void conditionalSelect(Insn i) {
        long r;
        if (s.holds(i.cond)) {
            r = x[i.rn];
        } else {
            long m = x[i.rm];
            r = switch (i.op) {
                case CSEL -> m;
                case CSINC -> m + 1;
                case CSINV -> ~m;
                default -> -m;
            };
        }
        x[i.rd] = Alu.truncate(r, i.sf);
    }

    void conditionalCompare(Insn i) {
        if (!s.holds(i.cond)) {
            s.setNzcv(i.aux);
            return;
        }
        long b = i.op == Op.CCMP_imm || i.op == Op.CCMN_imm ? i.imm : x[i.rm];
        boolean sub = i.op == Op.CCMP_imm || i.op == Op.CCMP_reg;
        Alu.addWithCarry(s, x[i.rn], sub ? ~b : b, sub, i.sf, true);
    }
}
