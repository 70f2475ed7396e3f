package org.polyvisor.isa.arm64.disasm;

import org.polyvisor.isa.arm64.decode.Reg;

/** Operand spellings as binutils' aarch64-opc.c prints them. */
final class Operands {
    private Operands() { }

    static final String[] CONDITIONS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};

    /** binutils' other names for each condition (aarch64_conds), which objdump adds as a comment. */
    private static final String[][] ALIASES = {
        {"none"}, {"any"}, {"hs", "nlast"}, {"lo", "ul", "last"}, {"first"}, {"nfrst"}, {}, {},
        {"pmore"}, {"plast"}, {"tcont"}, {"tstop"}, {}, {}, {}, {}};

    /** A register-file index as a name: x0-x30/w0-w30, xzr/wzr, sp/wsp. */
    static String reg(int index, boolean sf) {
        if (index == Reg.SP) return sf ? "sp" : "wsp";
        if (Reg.isZero(index)) return sf ? "xzr" : "wzr";
        return (sf ? "x" : "w") + index;
    }

    static String x(int index) { return reg(index, true); }

    static String hex(long value) { return "#0x" + Long.toHexString(value); }

    static String address(long value) { return "0x" + Long.toHexString(value); }

    /** The comment objdump adds after an operand list that ends in a condition, e.g. "\t// cs = hs, nlast". */
    static String condComment(int cond) {
        String[] alt = ALIASES[cond];
        return alt.length == 0 ? "" : "\t// " + CONDITIONS[cond] + " = " + String.join(", ", alt);
    }

    /** The comment after B.cond, e.g. "  // b.hs, b.nlast". */
    static String branchCondComment(int cond) {
        String[] alt = ALIASES[cond];
        return alt.length == 0 ? "" : "  // b." + String.join(", b.", alt);
    }

    /** MOV with a wide or bitmask immediate: objdump pads the hex to 20 digits and adds the signed value. */
    static String movImmediate(int rd, boolean sf, long value) {
        String hex = sf ? Long.toHexString(value) : Integer.toHexString((int) value);
        String signed = sf ? Long.toString(value) : Integer.toString((int) value);
        return "mov\t" + reg(rd, sf) + ", #0x" + String.format("%-20s", hex) + "\t// #" + signed;
    }
}
