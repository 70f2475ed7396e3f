package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Operand;

/**
 * One instruction of a {@link Block}, prepared for {@link FastPath#run}: the handler ({@link #kind}), the operands
 * and the memory operand's address arithmetic resolved once, when the block is made, so that the hot handlers run
 * without tests on the operand forms. The address of a memory operand (SDM Vol. 1, 3.7.5; Vol. 3, 3.4) is
 * <pre>
 *   offset  = (disp + (r[base] &amp; baseMask) + ((r[index] &amp; indexMask) &lt;&lt; shift) + (next &amp; ripMask)) &amp; addrMask
 *   linear  = (offset + (segBase[seg] &amp; segMask)) &amp; linearMask
 * </pre>
 * where an absent base or index has mask 0, {@code ripMask} is -1 only for RIP-relative operands, and in 64-bit
 * mode {@code segMask} is 0 but for FS and GS. The mode is the one the block was decoded in: blocks are dropped
 * when the code size changes, and a code size of 8 is 64-bit mode.
 * <p>Only 32- and 64-bit forms get a handler of their own ({@link FastPath#U_LEA} and the others); every other
 * fast instruction is {@link FastPath#U_INSN} and runs from its {@link Insn} as before.
 */
final class Uop {
    final Insn insn;
    final int kind;
    final int length, size;
    /** The operand-size mask: a 32-bit result written to a register zero-extends (SDM Vol. 1, 3.4.1.1). */
    final long mask;
    final int dst, src;
    /** The ALU operation or shift of the instruction's {@link FastPath#classify} handler ({@link Insn#fastOp}). */
    final int op;
    final long imm;
    final int cond;
    final long disp, baseMask, indexMask, ripMask, addrMask, segMask, linearMask;
    final int base, index, shift, seg;

    /**
     * A compare or subtraction fused with the Jcc after it ({@link #fuses}): that Jcc's length and displacement,
     * and its condition as a truth table over {@link FastPath#relation} (bit {@code relation} is the outcome).
     * {@link #shift64} moves an operand of {@link #size} bytes to the top of a long, where the signed and
     * unsigned comparisons of the shifted operands are those of the operands.
     */
    final Insn jcc;
    final int jccLength, condTable, shift64;
    final long jccImm;

    private Uop(Insn in, int kind, boolean longMode, Insn jcc) {
        this.insn = in;
        this.kind = kind;
        this.length = in.length;
        this.size = in.opSize;
        this.mask = in.opMask;
        this.dst = in.dstReg;
        this.src = in.srcReg;
        this.op = in.fastOp;
        this.imm = in.imm;
        this.cond = in.cond;
        boolean memory = in.dstKind == Operand.MEM || in.srcKind == Operand.MEM;
        this.disp = in.disp;
        this.base = memory && in.base >= 0 ? in.base : 0;
        this.baseMask = memory && in.base >= 0 ? -1L : 0;
        this.index = memory && in.index >= 0 ? in.index : 0;
        this.indexMask = memory && in.index >= 0 ? -1L : 0;
        this.shift = in.scaleShift;
        this.ripMask = memory && in.ripRelative ? -1L : 0;
        this.addrMask = in.addrSize == 8 ? -1L : in.addrSize == 2 ? 0xFFFF : 0xFFFF_FFFFL;
        int sreg = in.segment >= 0 ? in.segment
                : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS;
        this.seg = sreg;
        this.segMask = longMode && sreg < CpuState.FS ? 0 : -1L;
        this.linearMask = longMode ? -1L : 0xFFFF_FFFFL;
        this.jcc = jcc;
        this.jccLength = jcc == null ? 0 : jcc.length;
        this.jccImm = jcc == null ? 0 : jcc.imm;
        this.condTable = jcc == null ? 0 : truthTable(jcc.cond);
        this.shift64 = 64 - 8 * Math.max(1, in.opSize);
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
     * Condition code {@code cc} after a - b as a function of {@link FastPath#relation} (bit 0 a &lt; b unsigned:
     * CF; bit 1 a = b: ZF; bit 2 a &lt; b signed: SF != OF), one bit per relation value; -1 for O, S, P.
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
