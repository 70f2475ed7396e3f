package org.polyvisor.isa.arm64.disasm;

import static org.polyvisor.isa.arm64.disasm.Operands.reg;

import java.util.Locale;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Op;

/** The Advanced SIMD instructions in objdump's syntax: "v0.4s" arrangements, "v1.s[2]" elements, binutils' aliases. */
final class SimdSyntax {
    private SimdSyntax() { }

    private static final String[] ARRANGEMENT = {"8b", "16b", "4h", "8h", "2s", "4s", "1d", "2d"};
    private static final String[] ELEMENT = {"b", "h", "s", "d"};

    static String vec(int reg, int size, boolean q) { return "v" + reg + "." + ARRANGEMENT[2 * size + (q ? 1 : 0)]; }

    private static String element(int reg, int size, int index) { return "v" + reg + "." + ELEMENT[size] + "[" + index + "]"; }

    private static String scalar(int reg, int size) { return ELEMENT[size] + reg; }

    private static String name(Op op) {
        String n = op.name().toLowerCase(Locale.ROOT);
        int cut = n.indexOf('_');
        return cut < 0 ? n : n.substring(0, cut);
    }

    static String text(Insn i) {
        int sz = i.size;
        boolean q = i.sf;
        String d = vec(i.rd, sz, q), n = vec(i.rn, sz, q), m = vec(i.rm, sz, q);
        return switch (i.op) {
            case MOVI, MVNI, ORR_vimm, BIC_vimm, FMOV_vimm -> modifiedImmediate(i);
            case DUP_elem -> "dup\t" + d + ", " + element(i.rn, sz, i.aux);
            case DUP_gen -> "dup\t" + d + ", " + reg(i.rn, sz == 3);
            case INS_gen -> "mov\t" + element(i.rd, sz, i.aux) + ", " + reg(i.rn, sz == 3);
            case INS_elem -> "mov\t" + element(i.rd, sz, i.aux) + ", " + element(i.rn, sz, i.amount);
            case UMOV -> (sz >= 2 ? "mov\t" : "umov\t") + reg(i.rd, sz == 3) + ", " + element(i.rn, sz, i.aux);
            case SMOV -> "smov\t" + reg(i.rd, q) + ", " + element(i.rn, sz, i.aux);
            case DUP_scalar -> "mov\t" + scalar(i.rd, sz) + ", " + element(i.rn, sz, i.aux);
            case ORR_v -> i.rn == i.rm ? "mov\t" + d + ", " + n : "orr\t" + d + ", " + n + ", " + m;
            case NOT_v -> "mvn\t" + d + ", " + n;
            case CMGT_zero, CMGE_zero, CMEQ_zero, CMLE_zero, CMLT_zero -> name(i.op) + "\t" + d + ", " + n + ", #0";
            case REV64_v, REV32_v, REV16_v, CNT_v, RBIT_v, ABS_v, NEG_v -> name(i.op) + "\t" + d + ", " + n;
            case XTN -> (q ? "xtn2\t" : "xtn\t") + d + ", " + vec(i.rn, sz + 1, true);
            case FCVTL_v -> (q ? "fcvtl2\t" : "fcvtl\t") + vec(i.rd, sz + 2, true) + ", " + vec(i.rn, sz + 1, q);
            case FCVTN_v -> (q ? "fcvtn2\t" : "fcvtn\t") + vec(i.rd, sz + 1, q) + ", " + vec(i.rn, sz + 2, true);
            case SHRN -> (q ? "shrn2\t" : "shrn\t") + d + ", " + vec(i.rn, sz + 1, true) + ", #" + i.amount;
            case ADDV, SMAXV, UMAXV, SMINV, UMINV -> name(i.op) + "\t" + scalar(i.rd, sz) + ", " + n;
            case SADDLV, UADDLV -> name(i.op) + "\t" + scalar(i.rd, sz + 1) + ", " + n;
            case ADDP_scalar -> "addp\t" + scalar(i.rd, 3) + ", " + vec(i.rn, 3, true);
            case EXT_v -> "ext\t" + d + ", " + n + ", " + m + ", #" + i.aux;
            case TBL, TBX -> name(i.op) + "\t" + d + ", " + table(i) + ", " + m;
            case SSHR, USHR, SSRA, USRA, SHL_v -> name(i.op) + "\t" + d + ", " + n + ", #" + i.amount;
            case SSHLL, USHLL -> lengthen(i);
            default -> name(i.op) + "\t" + d + ", " + n + ", " + m;
        };
    }

    /** binutils prints three or four consecutive registers as a range, unless the list wraps past v31. */
    private static String table(Insn i) {
        if (i.aux >= 3 && i.rn + i.aux - 1 <= 31) return "{v" + i.rn + ".16b-v" + (i.rn + i.aux - 1) + ".16b}";
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < i.aux; k++) b.append(k == 0 ? "" : ", ").append("v").append((i.rn + k) & 31).append(".16b");
        return b.append("}").toString();
    }

    private static String lengthen(Insn i) {
        boolean sign = i.op == Op.SSHLL;
        String src = vec(i.rn, i.size, i.sf), dst = vec(i.rd, i.size + 1, true), two = i.sf ? "2" : "";
        if (i.amount == 0) return (sign ? "sxtl" : "uxtl") + two + "\t" + dst + ", " + src;
        return (sign ? "sshll" : "ushll") + two + "\t" + dst + ", " + src + ", #" + i.amount;
    }

    private static String modifiedImmediate(Insn i) {
        int cmode = i.aux;
        boolean q = i.sf;
        int imm8 = i.amount;
        String mnemonic = switch (i.op) {
            case MVNI -> "mvni";
            case ORR_vimm -> "orr";
            case BIC_vimm -> "bic";
            case FMOV_vimm -> "fmov";
            default -> "movi";
        };
        if (i.op == Op.FMOV_vimm) {
            boolean single = i.shift == 0;
            return "fmov\t" + vec(i.rd, single ? 2 : 3, q) + ", " + FpSyntax.immediate(
                    org.polyvisor.isa.arm64.exec.FpImmediates.expand(imm8, single ? 0 : 1), single);
        }
        if (cmode == 0b1110) {
            if (i.shift == 0) return mnemonic + "\t" + vec(i.rd, 0, q) + ", " + Operands.hex(imm8);
            return mnemonic + "\t" + (q ? vec(i.rd, 3, true) : "d" + i.rd) + ", " + Operands.hex(i.imm);
        }
        String imm = Operands.hex(imm8);
        if ((cmode & 0b1110) == 0b1100) return mnemonic + "\t" + vec(i.rd, 2, q) + ", " + imm + ", msl #" + ((cmode & 1) == 0 ? 8 : 16);
        boolean half = (cmode & 0b1100) == 0b1000;
        int amount = half ? ((cmode >>> 1) & 1) * 8 : ((cmode >>> 1) & 3) * 8;
        return mnemonic + "\t" + vec(i.rd, half ? 1 : 2, q) + ", " + imm + (amount == 0 ? "" : ", lsl #" + amount);
    }
}
