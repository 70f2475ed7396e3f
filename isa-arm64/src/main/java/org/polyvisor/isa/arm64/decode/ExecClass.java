package org.polyvisor.isa.arm64.decode;

/**
 * The interpreter's dispatch classes: one small int per arm of the executor's switch, computed once per decoded
 * instruction ({@link Insn#execClass}), so dispatch is one field load and a jump table instead of the enum
 * switch's ordinal map lookup on every instruction. Classes are named after their arm's handler, or the one {@link Op} they hold.
 */
public final class ExecClass {
    private ExecClass() { }

    public static final int ADD_SUB_IMM = 0,
            ADD_SUB_SHIFT = 1,
            ADD_SUB_EXT = 2,
            LOGICAL_IMM = 3,
            LOGICAL_SHIFT = 4,
            MOVE_WIDE = 5,
            PC_RELATIVE = 6,
            BITFIELD = 7,
            EXTR = 8,
            SHIFT_VARIABLE = 9,
            ADD_SUB_CARRY = 10,
            DIVIDE = 11,
            CRC32 = 12,
            ONE_SOURCE = 13,
            MULTIPLY = 14,
            COND_SELECT = 15,
            COND_COMPARE = 16,
            LOAD_STORE = 17,
            B = 18,
            BL = 19,
            B_COND = 20,
            CBZ = 21,
            CBNZ = 22,
            TBZ = 23,
            TBNZ = 24,
            BRANCH_REG = 25,
            BLR = 26,
            HINT = 27,
            BARRIER = 28,
            NO_OP = 29,
            CLREX = 30,
            LDXR = 31,
            LDXP = 32,
            STXR = 33,
            STXP = 34,
            LDAR = 35,
            STLR = 36,
            CAS = 37,
            CASP = 38,
            ATOMIC_RMW = 39,
            MSR_IMM = 40,
            MRS = 41,
            MSR_REG = 42,
            SYS = 43,
            ERET = 44,
            HVC = 45,
            SVC = 46,
            BRK = 47,
            UNDEFINED = 48,
            LOAD_STORE_PRE = 49,
            LOAD_STORE_POST = 50,
            LOAD_STORE_REG = 51,
            LOAD_LITERAL = 52,
            PAIR = 53,
            PAIR_PRE = 54,
            PAIR_POST = 55,
            SIMD_FP = 56;

    static int of(Op op) {
        return switch (op) {
            case ADD_imm, ADDS_imm, SUB_imm, SUBS_imm -> ADD_SUB_IMM;
            case ADD_shift, ADDS_shift, SUB_shift, SUBS_shift -> ADD_SUB_SHIFT;
            case ADD_ext, ADDS_ext, SUB_ext, SUBS_ext -> ADD_SUB_EXT;
            case AND_imm, ORR_imm, EOR_imm, ANDS_imm -> LOGICAL_IMM;
            case AND_shift, BIC_shift, ORR_shift, ORN_shift, EOR_shift, EON_shift, ANDS_shift, BICS_shift -> LOGICAL_SHIFT;
            case MOVN, MOVZ, MOVK -> MOVE_WIDE;
            case ADR, ADRP -> PC_RELATIVE;
            case SBFM, BFM, UBFM -> BITFIELD;
            case EXTR -> EXTR;
            case LSLV, LSRV, ASRV, RORV -> SHIFT_VARIABLE;
            case ADC, ADCS, SBC, SBCS -> ADD_SUB_CARRY;
            case UDIV, SDIV -> DIVIDE;
            case CRC32 -> CRC32;
            case RBIT, REV16, REV32, REV, CLZ, CLS -> ONE_SOURCE;
            case MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH -> MULTIPLY;
            case CSEL, CSINC, CSINV, CSNEG -> COND_SELECT;
            case CCMN_reg, CCMP_reg, CCMN_imm, CCMP_imm -> COND_COMPARE;
            case LDST_unsigned_imm, LDST_unscaled_imm -> LOAD_STORE;
            case LDST_imm_pre -> LOAD_STORE_PRE;
            case LDST_imm_post -> LOAD_STORE_POST;
            case LDST_reg_offset -> LOAD_STORE_REG;
            case LDR_literal -> LOAD_LITERAL;
            case LDP_STP_offset -> PAIR;
            case LDP_STP_pre -> PAIR_PRE;
            case LDP_STP_post -> PAIR_POST;
            case B -> B;
            case BL -> BL;
            case B_cond -> B_COND;
            case CBZ -> CBZ;
            case CBNZ -> CBNZ;
            case TBZ -> TBZ;
            case TBNZ -> TBNZ;
            case BR, RET -> BRANCH_REG;
            case BLR -> BLR;
            case HINT -> HINT;
            case DMB, DSB -> BARRIER;
            case ISB, SB -> NO_OP;
            case CLREX -> CLREX;
            case LDXR -> LDXR;
            case LDXP -> LDXP;
            case STXR -> STXR;
            case STXP -> STXP;
            case LDAR -> LDAR;
            case STLR -> STLR;
            case CAS -> CAS;
            case CASP -> CASP;
            case SWP, LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN -> ATOMIC_RMW;
            case MSR_imm -> MSR_IMM;
            case MRS -> MRS;
            case MSR_reg -> MSR_REG;
            case SYS -> SYS;
            case ERET -> ERET;
            case HVC -> HVC;
            case SVC -> SVC;
            case BRK -> BRK;
            case UNDEFINED, UDF -> UNDEFINED;
            default -> SIMD_FP;
        };
    }
}
