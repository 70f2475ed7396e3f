package org.polyvisor.isa.arm64.disasm;

import static org.polyvisor.isa.arm64.disasm.Operands.CONDITIONS;
import static org.polyvisor.isa.arm64.disasm.Operands.condComment;
import static org.polyvisor.isa.arm64.disasm.Operands.hex;
import static org.polyvisor.isa.arm64.disasm.Operands.reg;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.decode.Shift;

/**
 * Data-processing instructions in objdump's syntax, with the preferred aliases of the Arm ARM that binutils
 * prints (mov, cmp, cmn, neg, tst, mvn, lsl, ubfx, mul, cset, cinc, ...).
 */
final class DataProcessingSyntax {
    private DataProcessingSyntax() { }

    static String addSubImm(Insn i) {
        String imm = hex(i.amount == 0 ? i.imm : i.imm >>> 12) + (i.amount == 0 ? "" : ", lsl #12");
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf);
        return switch (i.op) {
            case ADD_imm -> i.imm == 0 && i.amount == 0 && (i.rd == Reg.SP || i.rn == Reg.SP)
                    ? "mov\t" + rd + ", " + rn : "add\t" + rd + ", " + rn + ", " + imm;
            case ADDS_imm -> Reg.isZero(i.rd) ? "cmn\t" + rn + ", " + imm : "adds\t" + rd + ", " + rn + ", " + imm;
            case SUB_imm -> "sub\t" + rd + ", " + rn + ", " + imm;
            default -> Reg.isZero(i.rd) ? "cmp\t" + rn + ", " + imm : "subs\t" + rd + ", " + rn + ", " + imm;
        };
    }

    private static String shifted(Insn i) {
        String rm = reg(i.rm, i.sf);
        return i.shift == Shift.LSL && i.amount == 0 ? rm : rm + ", " + Shift.SHIFT_NAMES[i.shift] + " #" + i.amount;
    }

    static String addSubShift(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf), rm = shifted(i);
        return switch (i.op) {
            case ADD_shift -> "add\t" + rd + ", " + rn + ", " + rm;
            case ADDS_shift -> Reg.isZero(i.rd) ? "cmn\t" + rn + ", " + rm : "adds\t" + rd + ", " + rn + ", " + rm;
            case SUB_shift -> Reg.isZero(i.rn) ? "neg\t" + rd + ", " + rm : "sub\t" + rd + ", " + rn + ", " + rm;
            default -> Reg.isZero(i.rd) ? "cmp\t" + rn + ", " + rm
                    : Reg.isZero(i.rn) ? "negs\t" + rd + ", " + rm : "subs\t" + rd + ", " + rn + ", " + rm;
        };
    }

    static String addSubExt(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf);
        String rm = reg(i.rm, i.sf && (i.shift & 3) == 3);
        // With SP as Rd or Rn, the "natural" extend (UXTX, or UXTW for 32 bits) prints as LSL (Arm ARM C6.2.4).
        boolean lsl = (i.rd == Reg.SP || i.rn == Reg.SP) && i.shift == (i.sf ? Shift.UXTX : Shift.UXTW);
        String ext = lsl ? (i.amount == 0 ? "" : ", lsl #" + i.amount)
                : ", " + Shift.EXTEND_NAMES[i.shift] + (i.amount == 0 ? "" : " #" + i.amount);
        String op2 = rm + ext;
        return switch (i.op) {
            case ADD_ext -> "add\t" + rd + ", " + rn + ", " + op2;
            case ADDS_ext -> Reg.isZero(i.rd) ? "cmn\t" + rn + ", " + op2 : "adds\t" + rd + ", " + rn + ", " + op2;
            case SUB_ext -> "sub\t" + rd + ", " + rn + ", " + op2;
            default -> Reg.isZero(i.rd) ? "cmp\t" + rn + ", " + op2 : "subs\t" + rd + ", " + rn + ", " + op2;
        };
    }

    /** True when MOVZ or MOVN can make the value: then objdump does not prefer MOV (bitmask immediate). */
    private static boolean moveWidePreferred(long value, boolean sf) {
        return oneHalfword(value, sf) || oneHalfword(sf ? ~value : ~value & 0xFFFF_FFFFL, sf);
    }

    private static boolean oneHalfword(long value, boolean sf) {
        int nonZero = 0;
        for (int h = 0; h < (sf ? 4 : 2); h++) if (((value >>> (16 * h)) & 0xFFFF) != 0) nonZero++;
        return nonZero <= 1;
    }

    static String logicalImm(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf), imm = hex(i.imm);
        return switch (i.op) {
            case AND_imm -> "and\t" + rd + ", " + rn + ", " + imm;
            // MOVZ/MOVN cannot write SP, so "mov sp, #imm" is always this alias.
            case ORR_imm -> Reg.isZero(i.rn) && (i.rd == Reg.SP || !moveWidePreferred(i.imm, i.sf))
                    ? Operands.movImmediate(i.rd, i.sf, i.imm) : "orr\t" + rd + ", " + rn + ", " + imm;
            case EOR_imm -> "eor\t" + rd + ", " + rn + ", " + imm;
            default -> Reg.isZero(i.rd) ? "tst\t" + rn + ", " + imm : "ands\t" + rd + ", " + rn + ", " + imm;
        };
    }

    static String logicalShift(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf), rm = shifted(i);
        String three = rd + ", " + rn + ", " + rm;
        return switch (i.op) {
            case AND_shift -> "and\t" + three;
            case BIC_shift -> "bic\t" + three;
            case ORR_shift -> Reg.isZero(i.rn) && i.shift == Shift.LSL && i.amount == 0 ? "mov\t" + rd + ", " + rm : "orr\t" + three;
            case ORN_shift -> Reg.isZero(i.rn) ? "mvn\t" + rd + ", " + rm : "orn\t" + three;
            case EOR_shift -> "eor\t" + three;
            case EON_shift -> "eon\t" + three;
            case ANDS_shift -> Reg.isZero(i.rd) ? "tst\t" + rn + ", " + rm : "ands\t" + three;
            default -> "bics\t" + three;
        };
    }

    static String moveWide(Insn i) {
        String rd = reg(i.rd, i.sf);
        String plain = rd + ", " + hex(i.imm) + (i.amount == 0 ? "" : ", lsl #" + i.amount);
        boolean zeroHigh = i.imm == 0 && i.amount != 0;
        return switch (i.op) {
            case MOVZ -> zeroHigh ? "movz\t" + plain : Operands.movImmediate(i.rd, i.sf, i.imm << i.amount);
            case MOVN -> zeroHigh || (!i.sf && i.imm == 0xFFFF) ? "movn\t" + plain
                    : Operands.movImmediate(i.rd, i.sf, i.sf ? ~(i.imm << i.amount) : ~(i.imm << i.amount) & 0xFFFF_FFFFL);
            default -> "movk\t" + plain;
        };
    }

    static String pcRelative(Insn i, long address) {
        long target = i.op == Op.ADRP ? (address & ~0xFFFL) + i.imm : address + i.imm;
        return (i.op == Op.ADRP ? "adrp\t" : "adr\t") + reg(i.rd, true) + ", " + Operands.address(target);
    }

    /** SBFM/BFM/UBFM and their aliases, in binutils' order of preference. */
    static String bitfield(Insn i) {
        int r = i.amount, s = i.aux, width = i.sf ? 64 : 32;
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf);
        String insert = "#" + ((width - r) & (width - 1)) + ", #" + (s + 1);
        String extract = "#" + r + ", #" + (s - r + 1);
        switch (i.op) {
            case SBFM -> {
                if (s == width - 1) return "asr\t" + rd + ", " + rn + ", #" + r;
                if (r == 0 && (s == 7 || s == 15 || s == 31)) {
                    return (s == 7 ? "sxtb\t" : s == 15 ? "sxth\t" : "sxtw\t") + rd + ", " + reg(i.rn, false);
                }
                return s < r ? "sbfiz\t" + rd + ", " + rn + ", " + insert : "sbfx\t" + rd + ", " + rn + ", " + extract;
            }
            case UBFM -> {
                if (s == width - 1) return "lsr\t" + rd + ", " + rn + ", #" + r;
                if (s + 1 == r) return "lsl\t" + rd + ", " + rn + ", #" + (width - 1 - s);
                if (!i.sf && r == 0 && (s == 7 || s == 15)) return (s == 7 ? "uxtb\t" : "uxth\t") + rd + ", " + rn;
                return s < r ? "ubfiz\t" + rd + ", " + rn + ", " + insert : "ubfx\t" + rd + ", " + rn + ", " + extract;
            }
            default -> {
                if (s >= r) return "bfxil\t" + rd + ", " + rn + ", " + extract;
                return Reg.isZero(i.rn) ? "bfc\t" + rd + ", " + insert : "bfi\t" + rd + ", " + rn + ", " + insert;
            }
        }
    }

    static String extract(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf);
        return i.rn == i.rm ? "ror\t" + rd + ", " + rn + ", #" + i.aux
                : "extr\t" + rd + ", " + rn + ", " + reg(i.rm, i.sf) + ", #" + i.aux;
    }

    static String oneSource(Insn i) {
        return i.op.name().toLowerCase(java.util.Locale.ROOT) + "\t" + reg(i.rd, i.sf) + ", " + reg(i.rn, i.sf);
    }

    static String threeReg(Insn i) {
        if ((i.op == Op.SBC || i.op == Op.SBCS) && Reg.isZero(i.rn))
            return (i.op == Op.SBC ? "ngc\t" : "ngcs\t") + reg(i.rd, i.sf) + ", " + reg(i.rm, i.sf);
        String name = switch (i.op) {
            case ADC -> "adc";
            case ADCS -> "adcs";
            case SBC -> "sbc";
            case SBCS -> "sbcs";
            case UDIV -> "udiv";
            case SDIV -> "sdiv";
            case LSLV -> "lsl";
            case LSRV -> "lsr";
            case ASRV -> "asr";
            default -> "ror";
        };
        return name + "\t" + reg(i.rd, i.sf) + ", " + reg(i.rn, i.sf) + ", " + reg(i.rm, i.sf);
    }

    /** crc32b/h/w/x and crc32cb/h/w/x: Wd, Wn, then Wm (Xm for the x forms). */
    static String crc32(Insn i) {
        return "crc32" + (i.aux == 1 ? "c" : "") + "bhwx".charAt(i.size) + "\t" + reg(i.rd, false) + ", "
                + reg(i.rn, false) + ", " + reg(i.rm, i.sf);
    }

    static String multiply(Insn i) {
        boolean noAcc = Reg.isZero(i.ra);
        boolean wide = i.op == Op.MADD || i.op == Op.MSUB || i.op == Op.SMULH || i.op == Op.UMULH;
        String ops = reg(i.rd, i.sf) + ", " + reg(i.rn, wide && i.sf) + ", " + reg(i.rm, wide && i.sf);
        String acc = ", " + reg(i.ra, i.sf);
        return switch (i.op) {
            case MADD -> noAcc ? "mul\t" + ops : "madd\t" + ops + acc;
            case MSUB -> noAcc ? "mneg\t" + ops : "msub\t" + ops + acc;
            case SMADDL -> noAcc ? "smull\t" + ops : "smaddl\t" + ops + acc;
            case SMSUBL -> noAcc ? "smnegl\t" + ops : "smsubl\t" + ops + acc;
            case UMADDL -> noAcc ? "umull\t" + ops : "umaddl\t" + ops + acc;
            case UMSUBL -> noAcc ? "umnegl\t" + ops : "umsubl\t" + ops + acc;
            case SMULH -> "smulh\t" + ops;
            default -> "umulh\t" + ops;
        };
    }

    static String conditionalSelect(Insn i) {
        String rd = reg(i.rd, i.sf), rn = reg(i.rn, i.sf), rm = reg(i.rm, i.sf);
        boolean invertible = (i.cond & 0xE) != 0xE, same = i.rn == i.rm;
        int inv = i.cond ^ 1;
        String name;
        switch (i.op) {
            case CSINC, CSINV -> {
                boolean inc = i.op == Op.CSINC;
                if (invertible && same && Reg.isZero(i.rn)) return (inc ? "cset\t" : "csetm\t") + rd + ", " + cond(inv);
                if (invertible && same) return (inc ? "cinc\t" : "cinv\t") + rd + ", " + rn + ", " + cond(inv);
                name = inc ? "csinc" : "csinv";
            }
            case CSNEG -> {
                if (invertible && same) return "cneg\t" + rd + ", " + rn + ", " + cond(inv);
                name = "csneg";
            }
            default -> name = "csel";
        }
        return name + "\t" + rd + ", " + rn + ", " + rm + ", " + cond(i.cond);
    }

    private static String cond(int c) { return CONDITIONS[c] + condComment(c); }

    static String conditionalCompare(Insn i) {
        boolean imm = i.op == Op.CCMP_imm || i.op == Op.CCMN_imm;
        boolean cmp = i.op == Op.CCMP_imm || i.op == Op.CCMP_reg;
        return (cmp ? "ccmp\t" : "ccmn\t") + reg(i.rn, i.sf) + ", " + (imm ? hex(i.imm) : reg(i.rm, i.sf))
                + ", " + hex(i.aux) + ", " + cond(i.cond);
    }
}
