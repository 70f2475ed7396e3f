package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.ExecClass;
import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.MemKind;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.decode.Shift;

/**
 * The forms {@link BlockRunner} executes inline, and the choice of form for a decoded instruction. A form is one
 * common shape of an encoding (ADD immediate without flags, LDR Wt with a register offset, B.EQ...) whose operands
 * {@link #prepare} works out once; everything else is {@link #GENERIC} and goes through {@link Executor}, which stays
 * the one definition of each instruction's semantics. The forms are what compiled C executes most: moves, additions,
 * compares and conditional branches, shifts, and loads and stores of general registers.
 */
public final class FastForm {
    private FastForm() { }

    public static final int GENERIC = 0,
            /** Rd = Rm (ORR with XZR, no shift). */
            MOV_REG = 1,
            /** ADD/SUB (immediate) without flags: Rd = Rn + imm (imm negated for SUB). */
            ADD_IMM = 2,
            /**
             * ADDS/SUBS, immediate or shifted register with LSL (CMP, CMN, NEGS), 64- and 32-bit, as the Arm ARM's
             * AddWithCarry(Rn, operand2, carry-in): operand2 is {@code ((Rm << amount) + imm) ^ imm2} (Rm is XZR for
             * the immediate form; imm2 all ones for SUBS, which adds NOT(operand) with carry-in 1) and the carry-in is
             * {@link FastOp#aux}. One form for all four keeps the runner at one flag computation per width.
             */
            FLAGS_X = 3, FLAGS_W = 4,
            /** ADD/SUB (shifted register) with LSL, without flags. */
            ADD_LSL = 7, SUB_LSL = 8,
            /** ADD/SUB (extended register) without flags. */
            ADD_EXT = 13, SUB_EXT = 14,
            /** AND/ORR/EOR (shifted register) with LSL, without flags. */
            AND_LSL = 15, ORR_LSL = 16, EOR_LSL = 17,
            /**
             * AND/ORR/EOR (shifted register) with LSR, or with ASR on W registers: Rm extended to 64 bits as
             * {@link FastOp#aux} and {@link FastOp#extendMask} say (zero for LSR, sign for ASR), then shifted right
             * logically; the W result mask drops what the sign brought above bit 31.
             */
            AND_SHR = 18, ORR_SHR = 19, EOR_SHR = 20,
            /** AND/ORR/EOR (immediate) without flags. */
            AND_IMM = 21, ORR_IMM = 22, EOR_IMM = 23,
            /** MOVZ, MOVN: a constant. */
            MOV_CONST = 24,
            MOVK = 25,
            /** UBFM (LSL, LSR, UBFX, UXTB...) and SBFM (ASR, SBFX, SXTW...), 64- and 32-bit. */
            UBFM_X = 26, UBFM_W = 27, SBFM_X = 28, SBFM_W = 29,
            ADR = 30, ADRP = 31,
            /**
             * Loads (zero-extending, and LDRSW) and stores of a general register, without write-back: immediate
             * offset (the index register is XZR) or register offset.
             */
            LDRB = 32, LDRH = 33, LDR_W = 34, LDR_X = 35, LDRSW = 36, STRB = 37, STRH = 38, STR_W = 39, STR_X = 40,
            /** HINTs that only retire (NOP, YIELD, the unallocated ones). */
            NOP = 41,
            /**
             * CMP (SUBS immediate or LSL register, 64- or 32-bit) fused with the B.cond after it, anywhere in a
             * block ({@link #fuse}): {@link FastOp#aux} is the condition's truth table over NZCV,
             * {@link FastOp#imm2} the branch offset from the B.cond. When the budget ends between the two, only the
             * CMP runs.
             */
            CMP_BCOND_X = 64, CMP_BCOND_W = 65,
            /**
             * ADD/SUB (shifted register) with LSR, or with ASR on W registers, without flags: Rm extended and shifted
             * right as for {@link #AND_SHR}.
             */
            ADD_SHR = 66, SUB_SHR = 67,
            /**
             * Loads and stores of a general register with write-back (pre- and post-index immediate): the address is
             * Rn plus {@link FastOp#imm} AND {@link FastOp#immMask} (all ones for pre-index, zero for post-index),
             * and Rn becomes Rn + imm once the access is done, after a load's Rt, as {@link LoadStore} orders them.
             */
            LDRB_WB = 68, LDRH_WB = 69, LDR_W_WB = 70, LDR_X_WB = 71, LDRSW_WB = 72,
            STRB_WB = 73, STRH_WB = 74, STR_W_WB = 75, STR_X_WB = 76,
            /** MADD and MSUB (MUL, MNEG): Rd = Ra +/- Rn * Rm, Ra in {@link FastOp#aux}. */
            MADD = 77, MSUB = 78,
            /**
             * CSEL, CSINC, CSINV, CSNEG (and their aliases CSET, CINC, CNEG...): {@link FastOp#aux} is the condition's
             * truth table over NZCV.
             */
            CSEL = 79, CSINC = 80, CSINV = 81, CSNEG = 82,
            /**
             * LDP, LDPSW and STP of general registers (signed offset, pre- and post-index): Rt in {@link FastOp#rd},
             * Rt2 in {@link FastOp#rm}; the address is Rn plus {@link FastOp#imm} AND {@link FastOp#extendMask} (zero
             * for post-index), and with write-back ({@link FastOp#aux} = 1) Rn becomes Rn + imm after both
             * registers, as {@link LoadStore#pair} orders them.
             */
            LDP_W = 83, LDP_X = 84, LDPSW = 85, STP_W = 86, STP_X = 87,
            /**
             * A register move fused with the register move after it ({@link #fuse}): gcc's register shuffles at the
             * end of a loop body (heapsort's sift) run in one dispatch. The second move is read from the next
             * {@link FastOp} of the block, which stays there for a budget that ends between the two.
             */
            MOV_MOV = 88,
            // Block terminators from here on.
            B = 42, BL = 43,
            /**
             * B.cond other than AL and NV (those are {@link #B}): {@link FastOp#aux} is the condition's truth table
             * over NZCV ({@link #truthTable}), so every condition is one shift and test of the runner's NZCV.
             */
            B_COND = 44,
            CBZ = 58, CBNZ = 59, TBZ = 60, TBNZ = 61,
            /** BR and RET. */
            BR = 62,
            BLR = 63;

    private static final long W = Alu.W_MASK;
    /** HINT numbers the executor acts on (WFE, WFI, SEV, SEVL); every other hint is a NOP. */
    private static final int FIRST_ACTIVE_HINT = 2, LAST_ACTIVE_HINT = 5;
    private static final int COND_AL = 14;

    /**
     * True when a block ends after {@code i}: unconditional branches, and every instruction that may change what the
     * next one fetches or how (system registers, TLB and cache maintenance, exception generation and return, WFI and
     * WFE, ISB, undefined encodings). Conditional branches (B.cond, CBZ, CBNZ, TBZ, TBNZ) do not: a block runs on
     * past one not taken and leaves at one taken, so a loop body with early exits is one block. Loads and stores do
     * not end a block either; one that overwrites decoded code makes {@link BlockRunner} leave it instead.
     */
    static boolean endsBlock(Insn i) {
        return switch (i.execClass) {
            case ExecClass.HINT -> i.aux >= FIRST_ACTIVE_HINT && i.aux <= LAST_ACTIVE_HINT;
            case ExecClass.B, ExecClass.BL, ExecClass.BRANCH_REG, ExecClass.BLR, ExecClass.NO_OP, ExecClass.MSR_IMM,
                 ExecClass.MRS, ExecClass.MSR_REG, ExecClass.SYS, ExecClass.ERET, ExecClass.HVC, ExecClass.SVC,
                 ExecClass.BRK, ExecClass.UNDEFINED -> true;
            default -> false;
        };
    }

    /** The prepared form of {@code i}: a fast form when one fits, else {@link #GENERIC}. */
    static FastOp prepare(Insn i) {
        long mask = i.sf ? -1L : W;
        return switch (i.op) {
            case ADD_imm -> op(ADD_IMM, i, i.rd, i.rn, 0, i.imm, 0, mask);
            case SUB_imm -> op(ADD_IMM, i, i.rd, i.rn, 0, -i.imm, 0, mask);
            case ADDS_imm -> flags(i, Reg.ZR, 0, i.imm, false);
            case SUBS_imm -> flags(i, Reg.ZR, 0, i.imm, true);
            case ADD_shift -> logical(i, ADD_LSL, ADD_SHR, mask);
            case SUB_shift -> logical(i, SUB_LSL, SUB_SHR, mask);
            case ADDS_shift -> i.shift == Shift.LSL ? flags(i, i.rm, i.amount, 0, false) : generic(i);
            case SUBS_shift -> i.shift == Shift.LSL ? flags(i, i.rm, i.amount, 0, true) : generic(i);
            case ADD_ext -> extended(i, ADD_EXT, mask);
            case SUB_ext -> extended(i, SUB_EXT, mask);
            case ORR_shift -> i.rn == Reg.ZR && i.amount == 0 && i.shift == Shift.LSL
                    ? op(MOV_REG, i, i.rd, 0, i.rm, 0, 0, mask)
                    : logical(i, ORR_LSL, ORR_SHR, mask);
            case AND_shift -> logical(i, AND_LSL, AND_SHR, mask);
            case EOR_shift -> logical(i, EOR_LSL, EOR_SHR, mask);
            case AND_imm -> op(AND_IMM, i, i.rd, i.rn, 0, i.imm, 0, mask);
            case ORR_imm -> op(ORR_IMM, i, i.rd, i.rn, 0, i.imm, 0, mask);
            case EOR_imm -> op(EOR_IMM, i, i.rd, i.rn, 0, i.imm, 0, mask);
            case MOVZ -> op(MOV_CONST, i, i.rd, 0, 0, i.imm << i.amount, 0, mask);
            case MOVN -> op(MOV_CONST, i, i.rd, 0, 0, ~(i.imm << i.amount) & mask, 0, mask);
            case MOVK -> op(MOVK, i, i.rd, 0, 0, i.imm << i.amount, ~(0xFFFFL << i.amount) & mask, mask);
            case UBFM, SBFM -> bitfield(i);
            case ADR -> op(ADR, i, i.rd, 0, 0, i.imm, 0, -1L);
            case ADRP -> op(ADRP, i, i.rd, 0, 0, i.imm, 0, -1L);
            case LDST_unsigned_imm, LDST_unscaled_imm -> access(i, Reg.ZR, i.imm, Shift.UXTX, 0);
            case LDST_reg_offset -> access(i, i.rm, 0, i.shift, i.amount);
            case LDST_imm_pre -> writeBack(i, -1L);
            case LDST_imm_post -> writeBack(i, 0);
            case LDP_STP_offset -> pair(i, -1L, 0);
            case LDP_STP_pre -> pair(i, -1L, 1);
            case LDP_STP_post -> pair(i, 0, 1);
            case MADD -> new FastOp(MADD, i, i.rd, i.rn, i.rm, 0, i.ra, 0, 0, 0, mask);
            case MSUB -> new FastOp(MSUB, i, i.rd, i.rn, i.rm, 0, i.ra, 0, 0, 0, mask);
            case CSEL -> select(i, CSEL, mask);
            case CSINC -> select(i, CSINC, mask);
            case CSINV -> select(i, CSINV, mask);
            case CSNEG -> select(i, CSNEG, mask);
            case HINT -> i.aux >= FIRST_ACTIVE_HINT && i.aux <= LAST_ACTIVE_HINT ? generic(i) : op(NOP, i, 0, 0, 0, 0, 0, 0);
            case B -> always(i);
            case BL -> op(BL, i, 0, 0, 0, i.imm, 0, 0);
            case B_cond -> i.cond >= COND_AL ? always(i)
                    : new FastOp(B_COND, i, 0, 0, 0, 0, truthTable(i.cond), 0, i.imm, 0, 0);
            case CBZ -> new FastOp(CBZ, i, i.rd, 0, 0, 0, 1, 0, i.imm, 0, mask);
            case CBNZ -> new FastOp(CBNZ, i, i.rd, 0, 0, 0, 0, 0, i.imm, 0, mask);
            case TBZ -> op(TBZ, i, i.rd, 0, 0, i.imm, 1L << i.aux, 0);
            case TBNZ -> op(TBNZ, i, i.rd, 0, 0, i.imm, 1L << i.aux, 0);
            case BR, RET -> op(BR, i, 0, i.rn, 0, 0, 0, 0);
            case BLR -> op(BLR, i, 0, i.rn, 0, 0, 0, 0);
            default -> generic(i);
        };
    }

    /**
     * Two adjacent instructions of a block as one when they are a CMP (immediate or register with LSL) followed by a
     * B.cond other than AL/NV, or two register moves; else null. The second instruction stays in the block after
     * the fused one, for a budget that ends between the two.
     */
    static FastOp fuse(FastOp compare, FastOp branch) {
        if (compare.form == MOV_REG && branch.form == MOV_REG)
            return new FastOp(MOV_MOV, compare.insn, compare.rd, compare.rn, compare.rm, 0, 0, 0, 0, 0, compare.mask);
        boolean subtract = (compare.form == FLAGS_X || compare.form == FLAGS_W) && compare.imm2 == -1L;
        if (!subtract || branch.form != B_COND) return null;
        return new FastOp(compare.form == FLAGS_X ? CMP_BCOND_X : CMP_BCOND_W, compare.insn, compare.rd, compare.rn,
                compare.rm, compare.amount, branch.aux, 0, compare.imm, branch.imm, compare.mask);
    }

    /**
     * {@code op}, at index {@code index} of a block of {@code length} ops, with its {@link FastOp#target} set when it
     * is a branch (B, B.cond, CBZ, CBNZ, or the B.cond half of a fused compare) to an instruction of the same block:
     * a loop whose body is one block then runs without a block lookup per iteration.
     */
    static FastOp link(FastOp op, int index, int length) {
        long offset;
        int at;
        switch (op.form) {
            case B, B_COND, CBZ, CBNZ -> { offset = op.imm; at = index; }
            case CMP_BCOND_X, CMP_BCOND_W -> { offset = op.imm2; at = index + 1; }
            default -> { return op; }
        }
        long target = at + (offset >> 2);
        return target >= 0 && target < length ? op.withTarget((int) target) : op;
    }

    /** Bit NZCV (N in bit 3) of the result is set when condition {@code cond} holds for those flags. */
    static int truthTable(int cond) {
        int table = 0;
        for (int nzcv = 0; nzcv < 16; nzcv++) {
            if (Arm64State.conditionHolds(cond, (nzcv & 8) != 0, (nzcv & 4) != 0, (nzcv & 2) != 0, (nzcv & 1) != 0)) {
                table |= 1 << nzcv;
            }
        }
        return table;
    }

    private static FastOp op(int form, Insn i, int rd, int rn, int rm, long imm, long imm2, long mask) {
        return new FastOp(form, i, rd, rn, rm, i.amount, 0, 0, imm, imm2, mask);
    }

    /** B, and B.cond with AL or NV: a truth table that holds for every NZCV, so the runner tests it as a B.cond. */
    private static FastOp always(Insn i) { return new FastOp(B, i, 0, 0, 0, 0, 0xFFFF, 0, i.imm, 0, 0); }

    private static FastOp generic(Insn i) { return new FastOp(GENERIC, i, 0, 0, 0, 0, 0, 0, 0, 0, 0); }

    /**
     * ADDS or SUBS as {@link #FLAGS_X}/{@link #FLAGS_W}: operand2 = (Rm LSL amount) + imm, inverted with carry-in 1
     * for a subtraction (AddWithCarry(Rn, NOT(operand2), 1)).
     */
    private static FastOp flags(Insn i, int rm, int amount, long imm, boolean subtract) {
        return new FastOp(i.sf ? FLAGS_X : FLAGS_W, i, i.rd, i.rn, rm, amount, subtract ? 1 : 0, 0, imm,
                subtract ? -1L : 0, i.sf ? -1L : W);
    }

    /** A conditional select: the condition's truth table over NZCV in {@link FastOp#aux}. */
    private static FastOp select(Insn i, int form, long mask) {
        return new FastOp(form, i, i.rd, i.rn, i.rm, 0, truthTable(i.cond), 0, 0, 0, mask);
    }

    /**
     * AND/ORR/EOR, and ADD/SUB without flags (shifted register): fast with LSL, LSR, and ASR on W registers; ROR and
     * 64-bit ASR stay generic.
     */
    private static FastOp logical(Insn i, int lslForm, int shrForm, long mask) {
        if (i.shift == Shift.LSL) return op(lslForm, i, i.rd, i.rn, i.rm, 0, 0, mask);
        if (i.shift == Shift.LSR) {
            return new FastOp(shrForm, i, i.rd, i.rn, i.rm, i.amount, i.sf ? 0 : 32, mask, 0, 0, mask);
        }
        if (i.shift == Shift.ASR && !i.sf) return new FastOp(shrForm, i, i.rd, i.rn, i.rm, i.amount, 32, -1L, 0, 0, mask);
        return generic(i);
    }

    /** ADD/SUB (extended register): ExtendReg() as a shift pair and a mask ({@link FastOp#aux}). */
    private static FastOp extended(Insn i, int form, long mask) {
        return new FastOp(form, i, i.rd, i.rn, i.rm, i.amount, keptShift(i.shift), keptMask(i.shift), 0, 0, mask);
    }

    /** 64 minus the bits extend {@code option} keeps. */
    private static int keptShift(int option) { return 64 - (8 << (option & 3)); }

    /** The bits extend {@code option} keeps after sign-extending them: all for SXT*, the low ones for UXT*. */
    private static long keptMask(int option) { return option >= Shift.SXTB ? -1L : Alu.ones(8 << (option & 3)); }

    /**
     * UBFM and SBFM as a rotation and masks (the Arm ARM's pseudocode with DecodeBitMasks folded in): the result is
     * ROR(Rn, immr) AND (wmask AND tmask), and for SBFM, where bit imms of Rn is set, also the bits outside tmask.
     */
    private static FastOp bitfield(Insn i) {
        int width = i.sf ? 64 : 32, immr = i.amount, imms = i.aux;
        long wmask = Alu.ror(Alu.ones(imms + 1), immr, width);
        long tmask = Alu.ones(((imms - immr) & (width - 1)) + 1);
        long fill = ~tmask & Alu.ones(width);
        int form = i.op == Op.UBFM ? (i.sf ? UBFM_X : UBFM_W) : (i.sf ? SBFM_X : SBFM_W);
        return new FastOp(form, i, i.rd, i.rn, 0, immr, imms, 0, wmask & tmask, fill, i.sf ? -1L : W);
    }

    /**
     * A load or store of a general register without write-back, at Rn + offset + (extend(index) << scale); SP as the
     * base asks for a 16-byte aligned SP on the fast path ({@link FastOp#imm2}), where SCTLR_EL1.SA cannot fault.
     */
    private static FastOp access(Insn i, int index, long offset, int option, int scale) {
        int form = switch (i.memKind) {
            case MemKind.LOAD -> LDRB + i.size;
            case MemKind.STORE -> STRB + i.size;
            case MemKind.LOAD_SX64 -> i.size == 2 ? LDRSW : GENERIC;
            default -> GENERIC;
        };
        if (form == GENERIC) return generic(i);
        return new FastOp(form, i, i.rd, i.rn, index, scale, keptShift(option), keptMask(option), offset,
                i.rn == Reg.SP ? 15 : 0, dataMask(i), -1L, Reg.SINK, extendShift(i));
    }

    /**
     * LDP/STP of W or X registers and LDPSW; SP as the base asks for a 16-byte aligned SP. SIMD&amp;FP pairs stay
     * generic.
     */
    private static FastOp pair(Insn i, long addressMask, int writeBack) {
        int form = switch (i.memKind) {
            case MemKind.LOAD -> i.size == 3 ? LDP_X : i.size == 2 ? LDP_W : GENERIC;
            case MemKind.STORE -> i.size == 3 ? STP_X : i.size == 2 ? STP_W : GENERIC;
            case MemKind.LOAD_SX64 -> i.size == 2 ? LDPSW : GENERIC;
            default -> GENERIC;
        };
        if (form == GENERIC) return generic(i);
        return new FastOp(form, i, i.rd, i.rn, i.ra, i.size, writeBack, addressMask, i.imm, i.rn == Reg.SP ? 15 : 0, 0);
    }

    /**
     * A load or store of a general register with pre-index ({@code addressMask} all ones: the address includes the
     * offset) or post-index ({@code addressMask} zero) write-back; SP as the base asks for a 16-byte aligned SP.
     */
    private static FastOp writeBack(Insn i, long addressMask) {
        int form = switch (i.memKind) {
            case MemKind.LOAD -> LDRB_WB + i.size;
            case MemKind.STORE -> STRB_WB + i.size;
            case MemKind.LOAD_SX64 -> i.size == 2 ? LDRSW_WB : GENERIC;
            default -> GENERIC;
        };
        if (form == GENERIC) return generic(i);
        // No index register: Rm is XZR, which reads as zero.
        return new FastOp(form, i, i.rd, i.rn, Reg.ZR, 0, 0, -1L, i.imm, i.rn == Reg.SP ? 15 : 0, dataMask(i),
                addressMask, i.rn, extendShift(i));
    }

    /**
     * The bytes a load or store of a general register moves, as a mask over the 8 bytes the runner reads; all ones for
     * LDRSW, whose sign {@link #extendShift} brings.
     */
    private static long dataMask(Insn i) {
        return i.size == 3 || i.memKind == MemKind.LOAD_SX64 ? -1L : (1L << (8 << i.size)) - 1;
    }

    /** 64 minus the bits a load or store of a general register moves: the shift pair that sign-extends them. */
    private static int extendShift(Insn i) { return 64 - (8 << i.size); }
}
