package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Reg;

/**
 * One instruction of a block, prepared for {@link BlockRunner}: its {@link FastForm} and the operands that form
 * needs, worked out once when the block is decoded (a W form's result mask, a bitfield move's rotation and masks, a
 * subtraction's negated immediate). {@link FastForm#GENERIC} instructions use only {@link #insn}, which the
 * {@link Executor} runs. Immutable, and shared by every execution of the block. Public for the translating tier
 * ({@code org.polyvisor.isa.arm64.exec.jit}), which compiles the same forms to bytecode.
 */
public final class FastOp {
    /** The {@link FastForm} constant the runner switches on. */
    public final int form;
    /**
     * Register-file indices, as in {@link Insn}: destination or transfer register (Rt), base or first source, second
     * source (Rt2 of a pair).
     */
    public final int rd, rn, rm;
    /** Shift amount (LSL and extend forms, a register offset's scale), rotation (bitfield moves) or log2 of an access's size. */
    public final int amount;
    /**
     * SBFM's sign bit, or for an extended register (ADD/SUB extended, loads and stores, right shifts of a W register)
     * 64 minus the width the extend keeps: the extended value is {@code ((Rm << aux) >> aux) & extendMask}, then
     * shifted by {@link #amount}. For B.cond, the fused CMP and B.cond and the conditional selects, the condition's
     * truth table over NZCV ({@link FastForm#truthTable}; all ones for B); for CBZ 1 and CBNZ 0; for MADD/MSUB, Ra; for a pair, 1 when it writes back; for
     * ADDS/SUBS ({@link FastForm#FLAGS_X}), the carry-in.
     */
    public final int aux;
    /**
     * An extend's kept bits: all ones for a signed extend or a 64-bit register, else the low 8, 16 or 32 bits. For a
     * write-back access or a pair, what of {@link #imm} the address includes: all ones (offset, pre-index) or none
     * (post-index).
     */
    public final long extendMask;
    /**
     * The immediate: addend (negated for SUB), constant, offset (also what write-back adds to the base), MOVK's
     * shifted half-word, a bitfield move's kept bits, or a branch offset.
     */
    public final long imm;
    /**
     * A second constant: MOVK's kept bits, SBFM's sign-fill bits, TBZ's tested bit, or for a load or store based on SP,
     * 15 (the fast path needs a 16-byte aligned SP, so SCTLR_EL1.SA cannot apply); for ADDS/SUBS, what the second
     * operand is XORed with (all ones for SUBS).
     */
    public final long imm2;
    /** The result mask: all ones for X forms, the low 32 bits for W forms; for a load or store, the bytes it moves. */
    public final long mask;
    /** The decoded instruction, for the generic path and for anything the runner hands back to the executor. */
    public final Insn insn;
    /**
     * For a branch ({@link FastForm#B}, B_COND, CBZ, CBNZ, and the fused CMP and B.cond) whose target is an
     * instruction of the same block: that instruction's index in the block, so the runner goes on there without
     * leaving the block ({@link FastForm#link}); else -1.
     */
    public final int target;
    /**
     * For a load or store of one general register ({@link FastForm#LDRB} to {@link FastForm#STR_X_WB}): what of
     * {@link #imm} the address includes (all ones, or none for post-index), the register that receives Rn + imm
     * afterwards (Rn with write-back, else {@link Reg#SINK}, where writes are discarded), and for a load the shift
     * pair that sign-extends its bytes before {@link #mask} keeps them (64 minus the access's bits), so that every
     * addressing mode and extension runs the same straight-line code.
     */
    public final long immMask;
    public final int writeBackTo, extendShift;

    FastOp(int form, Insn insn, int rd, int rn, int rm, int amount, int aux, long extendMask, long imm, long imm2,
           long mask) {
        this(form, insn, rd, rn, rm, amount, aux, extendMask, imm, imm2, mask, -1L, Reg.SINK, 0);
    }

    /** A load or store of one general register, with {@link #immMask}, {@link #writeBackTo} and {@link #extendShift}. */
    FastOp(int form, Insn insn, int rd, int rn, int rm, int amount, int aux, long extendMask, long imm, long imm2,
           long mask, long immMask, int writeBackTo, int extendShift) {
        this.immMask = immMask;
        this.writeBackTo = writeBackTo;
        this.extendShift = extendShift;
        this.extendMask = extendMask;
        this.form = form;
        this.insn = insn;
        this.rd = rd;
        this.rn = rn;
        this.rm = rm;
        this.amount = amount;
        this.aux = aux;
        this.imm = imm;
        this.imm2 = imm2;
        this.mask = mask;
        this.target = -1;
    }

    /** This op with its branch target at index {@code target} of its block. */
    private FastOp(FastOp o, int target) {
        this.form = o.form;
        this.insn = o.insn;
        this.rd = o.rd;
        this.rn = o.rn;
        this.rm = o.rm;
        this.amount = o.amount;
        this.aux = o.aux;
        this.extendMask = o.extendMask;
        this.imm = o.imm;
        this.imm2 = o.imm2;
        this.mask = o.mask;
        this.immMask = o.immMask;
        this.writeBackTo = o.writeBackTo;
        this.extendShift = o.extendShift;
        this.target = target;
    }

    FastOp withTarget(int index) { return new FastOp(this, index); }
}
