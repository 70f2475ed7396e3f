package org.polyvisor.isa.arm64.decode;

import static org.polyvisor.isa.arm64.decode.FieldExtractors.bits;
import static org.polyvisor.isa.arm64.decode.FieldExtractors.sext;

/**
 * Field extraction for the SIMD&amp;FP classes of {@link SimdPatterns}, with the Arm ARM's field names. SIMD&amp;FP
 * register fields stay plain numbers 0-31 (V registers have no SP or zero register); general-register operands
 * go through {@link Reg} as elsewhere. Each returns false for the reserved field combinations.
 */
final class FpFieldExtractors {
    private FpFieldExtractors() { }

    /** Rounding constants as the interpreter's SoftFloat numbers them. */
    private static final int RN = 0, RP = 1, RM = 2, RZ = 3, RA = 4, FPCR_MODE = -1;

    private static void regs(int raw, Insn i) {
        i.rd = raw & 31;
        i.rn = (raw >>> 5) & 31;
        i.rm = (raw >>> 16) & 31;
    }

    // ---- loads and stores -----------------------------------------------------------------------------------

    /** size:opc of a SIMD&FP load/store register: the log2 access size (0-4) and direction, or false. */
    private static boolean transfer(int raw, Insn i) {
        int size = bits(raw, 31, 30), opc = bits(raw, 23, 22);
        if (opc >= 2 && size != 0) return false;
        i.size = opc >= 2 ? 4 : size;
        i.memKind = (opc & 1) == 0 ? MemKind.V_STORE : MemKind.V_LOAD;
        i.rd = raw & 31;
        i.rn = Reg.sp((raw >>> 5) & 31);
        return true;
    }

    static boolean loadStoreImm12(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        i.imm = (long) bits(raw, 21, 10) << i.size;
        return true;
    }

    static boolean loadStoreImm9(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        i.imm = sext(bits(raw, 20, 12), 9);
        return true;
    }

    static boolean loadStoreReg(int raw, Insn i) {
        if (!transfer(raw, i)) return false;
        int option = bits(raw, 15, 13);
        if ((option & 2) == 0) return false;
        i.shift = option;
        i.aux = bits(raw, 12, 12);
        i.amount = i.aux == 1 ? i.size : 0;
        i.rm = Reg.zr((raw >>> 16) & 31);
        return true;
    }

    /** LDR (literal, SIMD&FP): opc 00 S, 01 D, 10 Q. */
    static boolean literal(int raw, Insn i) {
        int opc = bits(raw, 31, 30);
        if (opc == 3) return false;
        i.size = opc + 2;
        i.memKind = MemKind.V_LOAD;
        i.imm = sext(bits(raw, 23, 5), 19) << 2;
        i.rd = raw & 31;
        return true;
    }

    /** LDP/STP of S, D or Q registers: opc 00, 01, 10. */
    static boolean pair(int raw, Insn i) {
        int opc = bits(raw, 31, 30);
        if (opc == 3) return false;
        boolean load = bits(raw, 22, 22) == 1;
        i.size = opc + 2;
        i.memKind = load ? MemKind.V_LOAD : MemKind.V_STORE;
        i.imm = sext(bits(raw, 21, 15), 7) << i.size;
        i.rd = raw & 31;
        i.ra = bits(raw, 14, 10);
        i.rn = Reg.sp((raw >>> 5) & 31);
        return true;
    }

    // ---- scalar floating point ------------------------------------------------------------------------------

    private static boolean fp(int raw, Insn i) {
        regs(raw, i);
        i.size = bits(raw, 22, 22);
        return true;
    }

    static boolean fp3Reg(int raw, Insn i) { return fp(raw, i); }

    /** FCVT: ftype (bits 23:22) the source and opc (bits 16:15) the destination, 00 single, 01 double, 11 half. */
    static boolean fpConvert(int raw, Insn i) {
        regs(raw, i);
        i.size = precision(bits(raw, 23, 22));
        i.aux = precision(bits(raw, 16, 15));
        return i.size >= 0 && i.aux >= 0 && i.size != i.aux;
    }

    /** A precision field as SoftFloat numbers formats: 00 single (0), 01 double (1), 11 half (2); 10 is unallocated. */
    private static int precision(int type) {
        return switch (type) {
            case 0 -> 0;
            case 1 -> 1;
            case 3 -> 2;
            default -> -1;
        };
    }

    /** FCVTL/FCVTN: sz (bit 22) picks half/single or single/double; Q the "2" form. */
    static boolean fpConvertVector(int raw, Insn i) {
        simd(raw, i);
        i.size = bits(raw, 22, 22);
        return true;
    }

    static boolean fp2Reg(int raw, Insn i) { return fp(raw, i); }

    static boolean fp4Reg(int raw, Insn i) {
        fp(raw, i);
        i.ra = bits(raw, 14, 10);
        return true;
    }

    /** FRINTN/P/M/Z/A/X/I: opcode 0b001 rmode, with 101 unallocated, 110 X and 111 I taking FPCR's mode. */
    static boolean fpRoundInt(int raw, Insn i) {
        fp(raw, i);
        int r = bits(raw, 17, 15);
        i.aux = switch (r) {
            case 0 -> RN;
            case 1 -> RP;
            case 2 -> RM;
            case 3 -> RZ;
            case 4 -> RA;
            default -> FPCR_MODE;
        };
        i.amount = r == 6 ? 1 : 0;
        return r != 5;
    }

    static boolean fpCompare(int raw, Insn i) {
        fp(raw, i);
        i.aux = bits(raw, 4, 3);
        return true;
    }

    static boolean fpCondCompare(int raw, Insn i) {
        fp(raw, i);
        i.cond = bits(raw, 15, 12);
        i.aux = raw & 15;
        i.shift = bits(raw, 4, 4);
        return true;
    }

    static boolean fpCondSelect(int raw, Insn i) {
        fp(raw, i);
        i.cond = bits(raw, 15, 12);
        return true;
    }

    static boolean fpImmediate(int raw, Insn i) {
        fp(raw, i);
        i.aux = bits(raw, 20, 13);
        return true;
    }

    /** FCVT{N,P,M,Z,A}{S,U}: rmode picks the rounding (opcode 10x is the ties-away pair), opcode bit 0 unsigned. */
    static boolean fpToInt(int raw, Insn i) {
        fp(raw, i);
        i.sf = raw < 0;
        int rmode = bits(raw, 20, 19), opcode = bits(raw, 18, 16);
        i.aux = opcode >= 4 ? RA : rmode;
        i.shift = opcode & 1;
        i.rd = Reg.zrDest(raw & 31);
        return true;
    }

    static boolean intToFp(int raw, Insn i) {
        fp(raw, i);
        i.sf = raw < 0;
        i.rn = Reg.zr((raw >>> 5) & 31);
        return true;
    }

    /** FMOV (general): sf must match the type (W with S, X with D), or be X with V.D[1] (type 10, rmode 01). */
    static boolean fpMoveGeneral(int raw, Insn i) {
        regs(raw, i);
        i.sf = raw < 0;
        int ftype = bits(raw, 23, 22);
        boolean upper = ftype == 2;
        if (!upper && (ftype == 1) != i.sf) return false;
        i.size = upper ? 1 : ftype;
        i.aux = upper ? 1 : 0;
        i.shift = bits(raw, 16, 16);   // 1: general to FP
        if (i.shift == 1) i.rn = Reg.zr((raw >>> 5) & 31);
        else i.rd = Reg.zrDest(raw & 31);
        return true;
    }

    // ---- Advanced SIMD --------------------------------------------------------------------------------------

    private static boolean simd(int raw, Insn i) {
        regs(raw, i);
        i.sf = bits(raw, 30, 30) == 1;
        i.size = bits(raw, 23, 22);
        return true;
    }

    /** AdvSIMDExpandImm; Insn.imm the 64-bit pattern (not yet inverted for MVNI/BIC), aux = cmode, amount = imm8. */
    static boolean modifiedImmediate(int raw, Insn i) {
        simd(raw, i);
        int cmode = bits(raw, 15, 12), op = bits(raw, 29, 29);
        int imm8 = (bits(raw, 18, 16) << 5) | bits(raw, 9, 5);
        i.aux = cmode;
        i.amount = imm8;
        i.shift = op;
        long b = imm8;
        i.imm = switch (cmode >>> 1) {
            case 0 -> rep32(b);
            case 1 -> rep32(b << 8);
            case 2 -> rep32(b << 16);
            case 3 -> rep32(b << 24);
            case 4 -> rep16(b);
            case 5 -> rep16(b << 8);
            case 6 -> (cmode & 1) == 0 ? rep32((b << 8) | 0xFF) : rep32((b << 16) | 0xFFFF);
            default -> {
                if ((cmode & 1) == 0) yield op == 0 ? b * 0x0101_0101_0101_0101L : byteMask(imm8);
                if (op == 0) {
                    long a = (b >>> 7) & 1, bb = (b >>> 6) & 1;
                    long imm32 = (a << 31) | ((bb ^ 1) << 30) | ((bb == 1 ? 0x1FL : 0) << 25) | ((b & 0x3F) << 19);
                    yield rep32(imm32);
                }
                long a = (b >>> 7) & 1, bb = (b >>> 6) & 1;
                yield (a << 63) | ((bb ^ 1) << 62) | ((bb == 1 ? 0xFFL : 0) << 54) | ((b & 0x3F) << 48);
            }
        };
        return true;
    }

    private static long rep32(long v) { return (v & 0xFFFF_FFFFL) * 0x1_0000_0001L; }

    private static long rep16(long v) { return (v & 0xFFFF) * 0x0001_0001_0001_0001L; }

    private static long byteMask(int imm8) {
        long r = 0;
        for (int k = 0; k < 8; k++) if ((imm8 & (1 << k)) != 0) r |= 0xFFL << (8 * k);
        return r;
    }

    /**
     * DUP, INS, UMOV, SMOV: imm5's lowest set bit gives the element size (Insn.size) and the bits above it the index
     * (Insn.aux); INS (element) takes its source index from imm4 (Insn.amount).
     */
    static boolean copy(int raw, Insn i) {
        simd(raw, i);
        int imm5 = bits(raw, 20, 16);
        int size = Integer.numberOfTrailingZeros(imm5);
        if (size > 3) return false;
        i.size = size;
        i.aux = imm5 >>> (size + 1);
        switch (i.op) {
            case DUP_elem -> { if (size == 3 && !i.sf) return false; }
            case DUP_gen -> {
                if (size == 3 && !i.sf) return false;
                i.rn = Reg.zr(i.rn);
            }
            case INS_gen -> i.rn = Reg.zr(i.rn);
            case SMOV -> {
                if (size == 3 || (size == 2 && !i.sf)) return false;
                i.rd = Reg.zrDest(i.rd);
            }
            case UMOV -> {
                if (i.sf ? size != 3 : size == 3) return false;
                i.rd = Reg.zrDest(i.rd);
            }
            case INS_elem -> i.amount = bits(raw, 14, 11) >>> size;
            default -> { }
        }
        return true;
    }

    /** Three same and the permutes; size 11 is reserved without Q, and always for the ops with no 64-bit lanes. */
    static boolean threeSame(int raw, Insn i) {
        simd(raw, i);
        return switch (i.op) {
            case AND_v, BIC_v, ORR_v, ORN_v, EOR_v, BSL_v, BIT_v, BIF_v -> { i.size = 0; yield true; }
            case SMAX_v, UMAX_v, SMIN_v, UMIN_v, SMAXP_v, UMAXP_v, SMINP_v, UMINP_v, MUL_v -> i.size != 3;
            default -> i.size != 3 || i.sf;
        };
    }

    static boolean twoMisc(int raw, Insn i) {
        simd(raw, i);
        return switch (i.op) {
            case REV64_v -> i.size != 3;
            case REV32_v -> i.size < 2;
            case REV16_v -> i.size == 0;
            case CNT_v, NOT_v, RBIT_v -> { i.size = 0; yield true; }
            case XTN -> i.size != 3;
            default -> i.size != 3 || i.sf;
        };
    }

    /** Across lanes (B and H lanes, S lanes only with Q; SADDLV/UADDLV likewise) and ADDP (scalar, D only). */
    static boolean acrossLanes(int raw, Insn i) {
        simd(raw, i);
        if (i.op == Op.ADDP_scalar) { i.sf = true; return true; }
        return i.size < 2 || (i.size == 2 && i.sf);
    }

    /** EXT: imm4 is the byte index; with Q = 0 it must be below 8. */
    static boolean extract(int raw, Insn i) {
        simd(raw, i);
        i.size = 0;
        i.aux = bits(raw, 14, 11);
        return i.sf || i.aux < 8;
    }

    /** TBL/TBX: len + 1 table registers from Rn, wrapping at V31. */
    static boolean tableLookup(int raw, Insn i) {
        simd(raw, i);
        i.size = 0;
        i.aux = bits(raw, 14, 13) + 1;
        return true;
    }

    /**
     * Shift by immediate: immh's highest set bit gives the element size; right shifts are 2 * esize - immh:immb,
     * left shifts immh:immb - esize (Insn.amount). The narrowing and lengthening forms have no 64-bit source.
     */
    static boolean shiftImmediate(int raw, Insn i) {
        simd(raw, i);
        int immh = bits(raw, 22, 19), shift = bits(raw, 22, 16);
        if (immh == 0) return false;
        int size = 31 - Integer.numberOfLeadingZeros(immh);
        i.size = size;
        int esize = 8 << size;
        boolean left = i.op == Op.SHL_v || i.op == Op.SSHLL || i.op == Op.USHLL;
        i.amount = left ? shift - esize : 2 * esize - shift;
        return switch (i.op) {
            case SHRN, SSHLL, USHLL -> size != 3;
            default -> size != 3 || i.sf;
        };
    }
}
