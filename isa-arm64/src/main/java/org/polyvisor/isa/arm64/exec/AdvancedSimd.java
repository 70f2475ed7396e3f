package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Op;

/**
 * The Advanced SIMD integer instructions of the decode table (Arm ARM C7.2: MOVI, DUP, INS, UMOV, ADD (vector),
 * CMEQ, UMINV, TBL, USHR ...), lane by lane over the two doublewords of each V register. Sources are read before
 * the destination is written, so Vd may be a source. Results of 64-bit (Q = 0) forms zero bits 127:64, except
 * INS, which writes one element, and the "2" forms (XTN2, SHRN2), which write the upper half.
 */
final class AdvancedSimd {
    private final long[] v;
    private final long[] x;

    /** The result doublewords being assembled. */
    private long r0, r1;

    AdvancedSimd(Arm64State state) {
        this.v = state.vreg;
        this.x = state.x;
    }

    // ---- lanes ----------------------------------------------------------------------------------------------

    /** Element {@code index} of size 8 << size bits of V[reg], zero-extended. */
    private long elem(int reg, int index, int size) {
        int bit = index << (3 + size);
        long word = v[2 * reg + (bit >>> 6)] >>> (bit & 63);
        return size == 3 ? word : word & ((1L << (8 << size)) - 1);
    }

    private static long signed(long value, int size) {
        int shift = 64 - (8 << size);
        return (value << shift) >> shift;
    }

    private static long mask(int size) { return size == 3 ? -1L : (1L << (8 << size)) - 1; }

    private void put(int index, int size, long value) {
        int bit = index << (3 + size);
        long m = mask(size) << (bit & 63);
        long shifted = (value << (bit & 63)) & m;
        if (bit < 64) r0 = (r0 & ~m) | shifted;
        else r1 = (r1 & ~m) | shifted;
    }

    private void write(int reg, boolean q) {
        v[2 * reg] = r0;
        v[2 * reg + 1] = q ? r1 : 0;
    }

    private void load(int reg) {
        r0 = v[2 * reg];
        r1 = v[2 * reg + 1];
    }

    private static int lanes(Insn i) { return (i.sf ? 16 : 8) >> i.size; }

    void execute(Insn i) {
        switch (i.op) {
            case MOVI, FMOV_vimm -> { r0 = i.imm; r1 = i.imm; write(i.rd, i.sf); }
            case MVNI -> { r0 = ~i.imm; r1 = ~i.imm; write(i.rd, i.sf); }
            case ORR_vimm -> { load(i.rd); r0 |= i.imm; r1 |= i.imm; write(i.rd, i.sf); }
            case BIC_vimm -> { load(i.rd); r0 &= ~i.imm; r1 &= ~i.imm; write(i.rd, i.sf); }
            case DUP_elem, DUP_gen -> {
                long e = i.op == Op.DUP_gen ? x[i.rn] : elem(i.rn, i.aux, i.size);
                r0 = 0;
                r1 = 0;
                for (int k = 0; k < lanes(i); k++) put(k, i.size, e);
                write(i.rd, i.sf);
            }
            case DUP_scalar -> { r0 = elem(i.rn, i.aux, i.size); r1 = 0; write(i.rd, false); }
            case INS_gen -> { load(i.rd); put(i.aux, i.size, x[i.rn]); write(i.rd, true); }
            case INS_elem -> { long e = elem(i.rn, i.amount, i.size); load(i.rd); put(i.aux, i.size, e); write(i.rd, true); }
            case UMOV -> x[i.rd] = elem(i.rn, i.aux, i.size);
            case SMOV -> {
                long e = signed(elem(i.rn, i.aux, i.size), i.size);
                x[i.rd] = i.sf ? e : e & 0xFFFF_FFFFL;
            }
            case AND_v -> bitwise(i, v[2 * i.rn] & v[2 * i.rm], v[2 * i.rn + 1] & v[2 * i.rm + 1]);
            case BIC_v -> bitwise(i, v[2 * i.rn] & ~v[2 * i.rm], v[2 * i.rn + 1] & ~v[2 * i.rm + 1]);
            case ORR_v -> bitwise(i, v[2 * i.rn] | v[2 * i.rm], v[2 * i.rn + 1] | v[2 * i.rm + 1]);
            case ORN_v -> bitwise(i, v[2 * i.rn] | ~v[2 * i.rm], v[2 * i.rn + 1] | ~v[2 * i.rm + 1]);
            case EOR_v -> bitwise(i, v[2 * i.rn] ^ v[2 * i.rm], v[2 * i.rn + 1] ^ v[2 * i.rm + 1]);
            case BSL_v, BIT_v, BIF_v -> select(i);
            case NOT_v -> bitwise(i, ~v[2 * i.rn], ~v[2 * i.rn + 1]);
            case ADD_v, SUB_v, CMTST_v, CMEQ_v, CMGT_v, CMHI_v, CMGE_v, CMHS_v, SMAX_v, UMAX_v, SMIN_v, UMIN_v, MUL_v ->
                    laneWise(i);
            case SMAXP_v, UMAXP_v, SMINP_v, UMINP_v, ADDP_v -> pairwise(i);
            case REV64_v, REV32_v, REV16_v, CNT_v, RBIT_v, CMGT_zero, CMGE_zero, CMEQ_zero, CMLE_zero, CMLT_zero, ABS_v,
                 NEG_v -> unary(i);
            case XTN, SHRN -> narrow(i);
            case ADDV, SMAXV, UMAXV, SMINV, UMINV, SADDLV, UADDLV -> acrossLanes(i);
            case ADDP_scalar -> { r0 = v[2 * i.rn] + v[2 * i.rn + 1]; r1 = 0; write(i.rd, false); }
            case EXT_v -> extract(i);
            case TBL, TBX -> tableLookup(i);
            case SSHR, USHR, SSRA, USRA, SHL_v -> shift(i);
            case SSHLL, USHLL -> lengthen(i);
            case UZP1, UZP2, TRN1, TRN2, ZIP1, ZIP2 -> permute(i);
            default -> throw new IllegalStateException("not an Advanced SIMD instruction: " + i.op);
        }
    }

    private void bitwise(Insn i, long lo, long hi) {
        r0 = lo;
        r1 = hi;
        write(i.rd, i.sf);
    }

    /** BSL, BIT, BIF: bitwise selects between Vn and Vm under Vd or Vm. */
    private void select(Insn i) {
        for (int h = 0; h < 2; h++) {
            long d = v[2 * i.rd + h], n = v[2 * i.rn + h], m = v[2 * i.rm + h];
            long r = switch (i.op) {
                case BSL_v -> (d & n) | (~d & m);
                case BIT_v -> (d & ~m) | (n & m);
                default -> (d & m) | (n & ~m);
            };
            if (h == 0) r0 = r; else r1 = r;
        }
        write(i.rd, i.sf);
    }

    private static long compare(boolean holds, int size) { return holds ? mask(size) : 0; }

    private void laneWise(Insn i) {
        int size = i.size;
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < lanes(i); k++) {
            long a = elem(i.rn, k, size), b = elem(i.rm, k, size);
            long sa = signed(a, size), sb = signed(b, size);
            long r = switch (i.op) {
                case ADD_v -> a + b;
                case SUB_v -> a - b;
                case MUL_v -> a * b;
                case CMTST_v -> compare((a & b) != 0, size);
                case CMEQ_v -> compare(a == b, size);
                case CMGT_v -> compare(sa > sb, size);
                case CMGE_v -> compare(sa >= sb, size);
                case CMHI_v -> compare(Long.compareUnsigned(a, b) > 0, size);
                case CMHS_v -> compare(Long.compareUnsigned(a, b) >= 0, size);
                case SMAX_v -> Math.max(sa, sb);
                case SMIN_v -> Math.min(sa, sb);
                case UMAX_v -> Math.max(a, b);
                default -> Math.min(a, b);   // UMIN: lanes are below 64 bits here, so signed compare is unsigned
            };
            put(k, size, r);
        }
        write(i.rd, i.sf);
    }

    /** Pairwise: the concatenation Vm:Vn, adjacent pairs reduced, low half from Vn. */
    private void pairwise(Insn i) {
        int size = i.size, n = lanes(i), half = n / 2;
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < n; k++) {
            int reg = k < half ? i.rn : i.rm, base = 2 * (k < half ? k : k - half);
            long a = elem(reg, base, size), b = elem(reg, base + 1, size);
            long sa = signed(a, size), sb = signed(b, size);
            long r = switch (i.op) {
                case ADDP_v -> a + b;
                case SMAXP_v -> Math.max(sa, sb);
                case SMINP_v -> Math.min(sa, sb);
                case UMAXP_v -> Math.max(a, b);
                default -> Math.min(a, b);
            };
            put(k, size, r);
        }
        write(i.rd, i.sf);
    }

    private void unary(Insn i) {
        int size = i.size, n = lanes(i);
        r0 = 0;
        r1 = 0;
        switch (i.op) {
            case REV64_v, REV32_v, REV16_v -> {
                int container = i.op == Op.REV64_v ? 8 : i.op == Op.REV32_v ? 4 : 2;   // bytes
                int perContainer = container >> size;
                for (int k = 0; k < n; k++) {
                    int c = k / perContainer, e = k % perContainer;
                    put(c * perContainer + perContainer - 1 - e, size, elem(i.rn, k, size));
                }
            }
            case CNT_v -> {
                for (int k = 0; k < n; k++) put(k, 0, Long.bitCount(elem(i.rn, k, 0)));
            }
            case RBIT_v -> {
                for (int k = 0; k < n; k++) put(k, 0, Integer.reverse((int) elem(i.rn, k, 0)) >>> 24);
            }
            default -> {
                for (int k = 0; k < n; k++) {
                    long a = signed(elem(i.rn, k, size), size);
                    long r = switch (i.op) {
                        case CMGT_zero -> compare(a > 0, size);
                        case CMGE_zero -> compare(a >= 0, size);
                        case CMEQ_zero -> compare(a == 0, size);
                        case CMLE_zero -> compare(a <= 0, size);
                        case CMLT_zero -> compare(a < 0, size);
                        case ABS_v -> Math.abs(a);
                        default -> -a;   // NEG
                    };
                    put(k, size, r);
                }
            }
        }
        write(i.rd, i.sf);
    }

    /** XTN/XTN2 and SHRN/SHRN2: 64 bits of narrowed elements into the low half, or (Q = 1) the high half. */
    private void narrow(Insn i) {
        int size = i.size, n = 8 >> size;
        int shift = i.op == Op.SHRN ? i.amount : 0;
        long result = 0;
        for (int k = 0; k < n; k++) {
            long e = elem(i.rn, k, size + 1) >>> shift;
            result |= (e & mask(size)) << (k << (3 + size));
        }
        if (i.sf) {
            r0 = v[2 * i.rd];
            r1 = result;
        } else {
            r0 = result;
            r1 = 0;
        }
        write(i.rd, true);
    }

    private void acrossLanes(Insn i) {
        int size = i.size, n = lanes(i);
        boolean isSigned = i.op == Op.SMAXV || i.op == Op.SMINV || i.op == Op.SADDLV;
        long acc = isSigned ? signed(elem(i.rn, 0, size), size) : elem(i.rn, 0, size);
        for (int k = 1; k < n; k++) {
            long e = isSigned ? signed(elem(i.rn, k, size), size) : elem(i.rn, k, size);
            acc = switch (i.op) {
                case ADDV, SADDLV, UADDLV -> acc + e;
                case SMAXV, UMAXV -> Math.max(acc, e);
                default -> Math.min(acc, e);
            };
        }
        int outSize = i.op == Op.SADDLV || i.op == Op.UADDLV ? size + 1 : size;
        r0 = acc & mask(outSize);
        r1 = 0;
        write(i.rd, false);
    }

    /** EXT: bytes from index imm4 of the concatenation Vm:Vn. */
    private void extract(Insn i) {
        int bytes = i.sf ? 16 : 8;
        long a0 = v[2 * i.rn], a1 = i.sf ? v[2 * i.rn + 1] : v[2 * i.rm];
        long b0 = i.sf ? v[2 * i.rm] : 0, b1 = i.sf ? v[2 * i.rm + 1] : 0;
        long[] concat = {a0, a1, b0, b1};
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < bytes; k++) {
            int src = i.aux + k;
            put(k, 0, concat[src >>> 3] >>> (8 * (src & 7)));
        }
        write(i.rd, i.sf);
    }

    /** TBL/TBX: each byte of Vm indexes the table of len registers from Vn; out of range gives 0 (TBL) or keeps Vd (TBX). */
    private void tableLookup(Insn i) {
        int bytes = i.sf ? 16 : 8, tableBytes = 16 * i.aux;
        long idx0 = v[2 * i.rm], idx1 = v[2 * i.rm + 1];
        long d0 = v[2 * i.rd], d1 = v[2 * i.rd + 1];
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < bytes; k++) {
            int index = (int) ((k < 8 ? idx0 : idx1) >>> (8 * (k & 7))) & 0xFF;
            long b;
            if (index < tableBytes) {
                int reg = (i.rn + index / 16) & 31, off = index % 16;
                b = v[2 * reg + off / 8] >>> (8 * (off & 7));
            } else {
                b = i.op == Op.TBX ? (k < 8 ? d0 : d1) >>> (8 * (k & 7)) : 0;
            }
            put(k, 0, b);
        }
        write(i.rd, i.sf);
    }

    private void shift(Insn i) {
        int size = i.size, esize = 8 << size, amount = i.amount;
        if (i.op == Op.SSRA || i.op == Op.USRA) load(i.rd);
        long d0 = r0, d1 = r1;
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < lanes(i); k++) {
            long a = elem(i.rn, k, size);
            long r = switch (i.op) {
                case SHL_v -> a << amount;
                case USHR, USRA -> amount >= esize ? 0 : a >>> amount;
                default -> signed(a, size) >> Math.min(amount, 63);
            };
            if (i.op == Op.SSRA || i.op == Op.USRA) {
                int bit = k << (3 + size);
                r += (bit < 64 ? d0 : d1) >>> (bit & 63);
            }
            put(k, size, r);
        }
        write(i.rd, i.sf);
    }

    /** SSHLL/USHLL (and SXTL/UXTL): elements of the low (or, with Q, high) half, extended and shifted left. */
    private void lengthen(Insn i) {
        int size = i.size, n = 8 >> size, first = i.sf ? n : 0;
        long e0 = v[2 * i.rn], e1 = v[2 * i.rn + 1];
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < n; k++) {
            int bit = (first + k) << (3 + size);
            long e = ((bit < 64 ? e0 : e1) >>> (bit & 63)) & mask(size);
            if (i.op == Op.SSHLL) e = signed(e, size);
            put(k, size + 1, e << i.amount);
        }
        write(i.rd, true);
    }

    private void permute(Insn i) {
        int size = i.size, n = lanes(i), half = n / 2;
        long n0 = v[2 * i.rn], n1 = v[2 * i.rn + 1], m0 = v[2 * i.rm], m1 = v[2 * i.rm + 1];
        r0 = 0;
        r1 = 0;
        for (int k = 0; k < n; k++) {
            boolean fromN;
            int index;
            switch (i.op) {
                case UZP1, UZP2 -> {
                    fromN = k < half;
                    index = 2 * (fromN ? k : k - half) + (i.op == Op.UZP2 ? 1 : 0);
                }
                case TRN1, TRN2 -> {
                    fromN = (k & 1) == 0;
                    index = (k & ~1) + (i.op == Op.TRN2 ? 1 : 0);
                }
                default -> {
                    fromN = (k & 1) == 0;
                    index = k / 2 + (i.op == Op.ZIP2 ? half : 0);
                }
            }
            int bit = index << (3 + size);
            long src = fromN ? (bit < 64 ? n0 : n1) : (bit < 64 ? m0 : m1);
            put(k, size, (src >>> (bit & 63)) & mask(size));
        }
        write(i.rd, i.sf);
    }
}
