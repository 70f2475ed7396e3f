package org.polyvisor.isa.arm64.disasm;

import static org.polyvisor.isa.arm64.disasm.Operands.CONDITIONS;
import static org.polyvisor.isa.arm64.disasm.Operands.condComment;
import static org.polyvisor.isa.arm64.disasm.Operands.reg;

import java.util.Locale;

import org.polyvisor.isa.arm64.decode.Insn;

/** The scalar floating-point instructions in objdump's syntax (h, s and d registers, FMOV immediates as "%.18e"). */
final class FpSyntax {
    private FpSyntax() { }

    private static final String[] FRINT = {"frintn", "frintp", "frintm", "frintz", "frinta"};
    private static final String[] FCVT_ROUNDING = {"n", "p", "m", "z", "a"};

    /** A scalar register of SoftFloat's format number: 0 s, 1 d, 2 h. */
    static String fp(int reg, int type) { return (type == 0 ? "s" : type == 1 ? "d" : "h") + reg; }

    /** An FMOV immediate as binutils prints it: printf("%.18e") of the value. */
    static String immediate(long bits, boolean single) {
        double value = single ? Float.intBitsToFloat((int) bits) : Double.longBitsToDouble(bits);
        return "#" + String.format(Locale.ROOT, "%.18e", value);
    }

    static String text(Insn i) {
        int t = i.size;
        String d = fp(i.rd, t), n = fp(i.rn, t), m = fp(i.rm, t);
        return switch (i.op) {
            case FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL ->
                    i.op.name().toLowerCase(Locale.ROOT) + "\t" + d + ", " + n + ", " + m;
            case FMADD, FMSUB, FNMADD, FNMSUB ->
                    i.op.name().toLowerCase(Locale.ROOT) + "\t" + d + ", " + n + ", " + m + ", " + fp(i.ra, t);
            case FMOV_reg -> "fmov\t" + d + ", " + n;
            case FABS -> "fabs\t" + d + ", " + n;
            case FNEG -> "fneg\t" + d + ", " + n;
            case FSQRT -> "fsqrt\t" + d + ", " + n;
            case FCVT_prec -> "fcvt\t" + fp(i.rd, i.aux) + ", " + n;
            case FRINT -> (i.aux >= 0 ? FRINT[i.aux] : i.amount == 1 ? "frintx" : "frinti") + "\t" + d + ", " + n;
            case FCMP -> ((i.aux & 2) != 0 ? "fcmpe\t" : "fcmp\t") + n + ", " + ((i.aux & 1) != 0 ? "#0.0" : m);
            case FCCMP -> (i.shift == 1 ? "fccmpe\t" : "fccmp\t") + n + ", " + m + ", " + Operands.hex(i.aux) + ", "
                    + CONDITIONS[i.cond] + condComment(i.cond);
            case FCSEL -> "fcsel\t" + d + ", " + n + ", " + m + ", " + CONDITIONS[i.cond] + condComment(i.cond);
            case FMOV_imm -> "fmov\t" + d + ", " + immediate(org.polyvisor.isa.arm64.exec.FpImmediates.expand(i.aux, t), t == 0);
            case FCVT_int -> "fcvt" + FCVT_ROUNDING[i.aux] + (i.shift == 1 ? "u" : "s") + "\t" + reg(i.rd, i.sf) + ", " + n;
            case SCVTF -> "scvtf\t" + d + ", " + reg(i.rn, i.sf);
            case UCVTF -> "ucvtf\t" + d + ", " + reg(i.rn, i.sf);
            default -> moveGeneral(i);
        };
    }

    private static String moveGeneral(Insn i) {
        String v = i.aux == 1 ? "v" + (i.shift == 1 ? i.rd : i.rn) + ".d[1]" : fp(i.shift == 1 ? i.rd : i.rn, i.size);
        return i.shift == 1 ? "fmov\t" + v + ", " + reg(i.rn, i.sf) : "fmov\t" + reg(i.rd, i.sf) + ", " + v;
    }
}
