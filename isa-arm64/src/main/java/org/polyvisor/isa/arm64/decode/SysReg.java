package org.polyvisor.isa.arm64.decode;

/**
 * The system registers MRS and MSR reach, identified as the encoding's {@code o0:op1:CRn:CRm:op2} (bits 19:5, with
 * op0 = 2 + o0). Only the PSTATE views are implemented yet; any other register is UNDEFINED, as an unimplemented
 * system register is on hardware.
 */
public final class SysReg {
    private SysReg() { }

    public static final int NZCV = id(3, 3, 4, 2, 0);
    public static final int DAIF = id(3, 3, 4, 2, 1);
    public static final int CURRENT_EL = id(3, 0, 4, 2, 2);

    /** The PSTATE fields MSR (immediate) can write, as {@link Insn#shift} holds them. */
    public static final int DAIF_SET = 0, DAIF_CLEAR = 1;

    public static int id(int op0, int op1, int crn, int crm, int op2) {
        return ((op0 - 2) << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
    }

    /** The name objdump prints, or null for a register this backend does not implement. */
    public static String name(int id) {
        if (id == NZCV) return "nzcv";
        if (id == DAIF) return "daif";
        if (id == CURRENT_EL) return "currentel";
        return null;
    }

    public static boolean writable(int id) { return id == NZCV || id == DAIF; }
}
