package org.polyvisor.isa.arm64.exec;

/** VFPExpandImm for the disassembler: the 8-bit FMOV immediate as single (type 0) or double (type 1) bits. */
public final class FpImmediates {
    private FpImmediates() { }

    public static long expand(int imm8, int type) { return SoftFloat.expandImm(imm8, type); }
}
