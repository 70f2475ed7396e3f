package org.polyvisor.isa.arm64.decode;

/**
 * One decoded A64 instruction with its fields extracted once (QEMU decodetree's argument structs, in one shape):
 * register fields are already register-file indices ({@link Reg}), immediates are already scaled, shifted and
 * sign-extended. Made by {@link A64Decoder}, cached per guest page, then only read.
 */
public final class Insn {
    public final Op op;
    /** The 32-bit encoding. */
    public final int raw;
    /** {@code op.setsFlags()}, computed once: the interpreter asks on every flag-setting candidate. */
    public final boolean setsFlags;
    /** The interpreter's dispatch class ({@link ExecClass}), computed once. */
    public final int execClass;

    /** Destination (or transfer register Rt), first source, second source, addend (MADD) or Rt2 (pairs). */
    public int rd, rn, rm, ra;
    /** True for the 64-bit form (sf = 1, or a 64-bit transfer register). */
    public boolean sf;
    /** The main immediate: operand, byte offset of a branch or load/store, or a decoded bitmask. */
    public long imm;
    /** Shift type ({@link Shift#LSL}...) or extend option ({@link Shift#UXTB}...). */
    public int shift;
    /** Shift amount; for bitfield moves, immr; for MRS/MSR the {@link SysReg} dense index; for CAS/CASP/STXR raw Rs. */
    public int amount;
    /** Bitfield imms; TBZ/TBNZ bit number; CCMP nzcv; HINT number; exception-generation imm16; SYS {@link SysOp} index. */
    public int aux;
    public int cond;
    /** Loads and stores: log2 of the access size in bytes, and a {@link MemKind}. */
    public int size, memKind;

    Insn(Op op, int raw) {
        this.op = op;
        this.raw = raw;
        this.setsFlags = op.setsFlags();
        this.execClass = ExecClass.of(op);
    }
}
