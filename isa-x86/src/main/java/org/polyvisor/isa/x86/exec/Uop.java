package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Operand;

/**
 * One instruction of a {@link Block}, prepared for {@link FastPath#run}: the handler ({@link #kind}), the operands
 * and the memory operand's address arithmetic resolved once, when the block is made, so that the hot handlers run
 * without tests on the operand forms. The address of a memory operand (SDM Vol. 1, 3.7.5; Vol. 3, 3.4) is
 * <pre>
 *   offset  = (disp + r[base] + (r[index] &lt;&lt; shift) + (next &amp; ripMask)) &amp; addrMask
 *   linear  = (offset + (segBase[seg] &amp; segMask)) &amp; linearMask
 * </pre>
 * where an absent base or index is register {@link #NONE} (always 0, see {@link CpuState#r}), {@code ripMask} is
 * all ones for a RIP-relative operand, and in 64-bit mode only FS and GS are segmented ({@code segMask}). The mode
 * is the one the block was decoded in: blocks are dropped when the code size changes, and a code size of 8 is
 * 64-bit mode.
 * <p>The instruction's address is the block's start plus {@link #at}, the next one's plus {@link #end}: the runner
 * adds no length per instruction, and counts retired instructions per block ({@link #seq} when it stops inside).
 * <p>Only 32- and 64-bit forms get a handler of their own ({@link FastPath#U_LEA} and the others); every other
 * fast instruction is {@link FastPath#U_INSN} and runs from its {@link Insn}.
 */
final class Uop {
    /** The register number of an absent base or index: {@code r[NONE]} is always 0. */
    static final int NONE = CpuState.ZERO;

    final Insn insn;
    final int kind;
    // The fields are as narrow as their values, so that an instruction takes about one cache line: a block's
    // instructions are read on every pass, and the workload's own data competes with them for the caches.
    /** Destination and source registers (31 where the form has none), base and index ({@link #NONE} if absent). */
    final byte dst, src, base, index;
    /** The index's scale as a shift count, and the segment register of the memory operand. */
    final byte shift, seg;
    /** The operand size in bytes, the ALU operation or shift of {@link Insn#fastOp}, the condition (Jcc). */
    final byte size, op, cond;
    /** Offsets from the block's first byte: this instruction, the next one, and after a fused Jcc. */
    final byte at, end, fusedEnd;
    /** How many guest instructions of the block come before this one (a fused pair counts two). */
    final byte seq;
    /**
     * A compare fused with the Jcc after it ({@link #fused}): that Jcc's condition as a truth table over the relation
     * of the operands ({@link FastPath#run}: bit {@code relation} is the outcome).
     */
    final byte table;
    final boolean fused;
    /** The immediate, or the displacement of a memory operand (no fast form has both). */
    final long imm;
    /** The operand-size mask: a 32-bit result written to a register zero-extends (SDM Vol. 1, 3.4.1.1). */
    final long mask;
    /** The address-size mask. */
    final long addrMask;
    /** -1 (all ones as a long) for a RIP-relative operand, -1 for a segmented one, else 0 (see above). */
    final int ripMask, segMask;
    /** A fused Jcc's displacement. */
    final int jccImm;

    private Uop(Insn in, int kind, boolean longMode, Insn jcc, int at, int seq) {
        this.insn = in;
        this.kind = kind;
        this.at = (byte) at;
        this.end = (byte) (at + in.length);
        this.fusedEnd = (byte) (jcc == null ? end : end + jcc.length);
        this.seq = (byte) seq;
        this.mask = in.opMask;
        boolean memory = in.dstKind == Operand.MEM || in.srcKind == Operand.MEM;
        this.base = (byte) (memory && in.base >= 0 ? in.base : NONE);
        this.index = (byte) (memory && in.index >= 0 ? in.index : NONE);
        this.dst = (byte) (in.dstReg & 31);
        this.src = (byte) (in.srcReg & 31);
        int sreg = in.segment >= 0 ? in.segment
                : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS;
        this.seg = (byte) sreg;
        this.shift = (byte) (in.scaleShift & 3);
        this.size = (byte) in.opSize;
        this.op = (byte) in.fastOp;
        this.cond = (byte) (in.cond & 15);
        this.addrMask = in.addrSize == 8 ? -1L : in.addrSize == 2 ? 0xFFFFL : 0xFFFF_FFFFL;
        this.ripMask = memory && in.ripRelative ? -1 : 0;
        this.segMask = !longMode || sreg >= CpuState.FS ? -1 : 0;
        this.fused = jcc != null;
        this.table = (byte) (jcc == null ? 0 : truthTable(jcc.cond));
        this.imm = memory ? in.disp : in.imm;
        this.jccImm = jcc == null ? 0 : (int) jcc.imm;  // rel8 or rel32, sign-extended
    }

    /**
     * The prepared form of the fast instruction {@code in} (classified), decoded in 64-bit mode or not, {@code at}
     * bytes into its block after {@code seq} of the block's instructions.
     */
    static Uop of(Insn in, boolean longMode, int at, int seq) {
        return new Uop(in, FastPath.uopKind(in), longMode, null, at, seq);
    }

    /**
     * {@code cmp} (a CMP, SUB or TEST of 32 or 64 bits with a {@link Uop} of its own) and the Jcc right after it as
     * one prepared instruction that retires both, or null when they do not fuse: the Jcc tests O, S or P, which the
     * relation of the operands does not give. TEST's flags are those of comparing its result with 0: CF and OF
     * clear, ZF and SF (= SF != OF) of the result.
     */
    static Uop fused(Insn cmp, Insn jcc, boolean longMode, int at, int seq) {
        int kind = FastPath.uopKind(cmp);
        boolean fusable = kind == FastPath.U_CMP_RR || kind == FastPath.U_CMP_RI || kind == FastPath.U_CMP_MR
                || kind == FastPath.U_CMP_RM || kind == FastPath.U_SUB_RR || kind == FastPath.U_SUB_RI
                || kind == FastPath.U_TEST_RR;
        if (!fusable || jcc.fast != FastPath.JCC || truthTable(jcc.cond) < 0) return null;
        return new Uop(cmp, kind, longMode, jcc, at, seq);
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
