package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Operand;

/**
 * One instruction of a {@link Block}, prepared for {@link FastPath#run}: the handler ({@link #kind}), the operands
 * and the memory operand's address arithmetic resolved once, when the block is made, so that the hot handlers run
 * without tests on the operand forms. The address of a memory operand (SDM Vol. 1, 3.7.5; Vol. 3, 3.4) is
 * <pre>
 *   offset  = (disp + r[base] + (r[index] &lt;&lt; shift) + (RIP-relative ? next : 0)) &amp; addrMask
 *   linear  = (offset + (segmented ? segBase[seg] : 0)) &amp; linearMask
 * </pre>
 * where an absent base or index is register number {@link #NONE}, and in 64-bit mode only FS and GS are
 * segmented. The mode is the one the block was decoded in: blocks are dropped when the code size changes, and a
 * code size of 8 is 64-bit mode.
 * <p>The fields the runner reads are few and packed ({@link #regs}, {@link #form}): its switch reads the fields
 * every case shares once, before it dispatches, and a few words there cost less than a field per operand.
 * <p>Only 32- and 64-bit forms get a handler of their own ({@link FastPath#U_LEA} and the others); every other
 * fast instruction is {@link FastPath#U_INSN} and runs from its {@link Insn} as before.
 */
final class Uop {
    /** The register number of an absent base or index: {@link FastPath#run} masks its value to 0. */
    static final int NONE = 16;
    /** Bits of {@link #form}. */
    static final int RIP = 1 << 27, SEGMENTED = 1 << 28, FUSED = 1 << 26;

    final Insn insn;
    final int kind;
    final int length;
    /** The registers: dst (bits 4:0), src (9:5), base (14:10), index (19:15), and the segment (22:20). */
    final int regs;
    /**
     * The operand size in bytes (bits 3:0), the index's scale shift (5:4), the ALU operation or shift of the
     * instruction's {@link FastPath#classify} handler (9:6, {@link Insn#fastOp}), the condition (13:10), a fused
     * Jcc's truth table (21:14) and length (25:22), {@link #FUSED}, {@link #RIP}, {@link #SEGMENTED}, and the
     * address size as log2(bytes) - 1 (30:29).
     */
    final int form;
    /** The immediate, or the displacement of a memory operand (no fast form has both). */
    final long imm;
    /** The operand-size mask: a 32-bit result written to a register zero-extends (SDM Vol. 1, 3.4.1.1). */
    final long mask;
    /**
     * A compare or subtraction fused with the Jcc after it ({@link #FUSED}): that Jcc's displacement; its length and
     * condition are in {@link #form}, the condition as a truth table over the relation of the operands
     * ({@link FastPath#run}: bit {@code relation} is the outcome).
     */
    final long jccImm;

    private Uop(Insn in, int kind, boolean longMode, Insn jcc) {
        this.insn = in;
        this.kind = kind;
        this.length = in.length;
        this.mask = in.opMask;
        boolean memory = in.dstKind == Operand.MEM || in.srcKind == Operand.MEM;
        int base = memory && in.base >= 0 ? in.base : NONE, index = memory && in.index >= 0 ? in.index : NONE;
        int sreg = in.segment >= 0 ? in.segment
                : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS;
        this.regs = (in.dstReg & 31) | (in.srcReg & 31) << 5 | base << 10 | index << 15 | sreg << 20;
        int addrCode = in.addrSize == 8 ? 2 : in.addrSize == 2 ? 0 : 1;
        boolean segmented = !longMode || sreg >= CpuState.FS;
        this.form = (in.opSize & 15) | (in.scaleShift & 3) << 4 | (in.fastOp & 15) << 6 | (in.cond & 15) << 10
                | (jcc == null ? 0 : truthTable(jcc.cond) << 14 | (jcc.length & 15) << 22 | FUSED)
                | (memory && in.ripRelative ? RIP : 0) | (segmented ? SEGMENTED : 0) | addrCode << 29;
        this.imm = memory ? in.disp : in.imm;
        this.jccImm = jcc == null ? 0 : jcc.imm;
    }

    /** The prepared form of the fast instruction {@code in} (classified), decoded in 64-bit mode or not. */
    static Uop of(Insn in, boolean longMode) { return new Uop(in, FastPath.uopKind(in), longMode, null); }

    /**
     * {@code cmp} (a CMP, SUB or TEST of 32 or 64 bits with a {@link Uop} of its own) and the Jcc right after it as
     * one prepared instruction that retires both, or null when they do not fuse: the Jcc tests O, S or P, which the
     * relation of the operands does not give. TEST's flags are those of comparing its result with 0: CF and OF
     * clear, ZF and SF (= SF != OF) of the result.
     */
    static Uop fused(Insn cmp, Insn jcc, boolean longMode) {
        int kind = FastPath.uopKind(cmp);
        boolean fusable = kind == FastPath.U_CMP_RR || kind == FastPath.U_CMP_RI || kind == FastPath.U_CMP_MR
                || kind == FastPath.U_CMP_RM || kind == FastPath.U_SUB_RR || kind == FastPath.U_SUB_RI
                || kind == FastPath.U_TEST_RR;
        if (!fusable || jcc.fast != FastPath.JCC || truthTable(jcc.cond) < 0) return null;
        return new Uop(cmp, kind, longMode, jcc);
    }

    /**
     * Condition code {@code cc} after a - b as a function of the relation of the operands ({@link FastPath#run}:
     * bit 0 a &lt; b unsigned: CF; bit 1 a = b: ZF; bit 2 a &lt; b signed: SF != OF), one bit per relation value;
     * -1 for O, S, P.
     */
    static int truthTable(int cc) {
        int table = 0;
        for (int rel = 0; rel < 8; rel++) {
            boolean below = (rel & 1) != 0, equal = (rel & 2) != 0, less = (rel & 4) != 0;
            boolean v;
            switch (cc >> 1) {
                case 1 -> v = below;
                case 2 -> v = equal;
                case 3 -> v = below || equal;
                case 6 -> v = less;
                case 7 -> v = less || equal;
                default -> { return -1; }
            }
            if (((cc & 1) != 0) != v) table |= 1 << rel;
        }
        return table;
    }
}
