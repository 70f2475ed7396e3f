package org.polyvisor.isa.arm64.decode;

import static org.polyvisor.isa.arm64.decode.Op.*;

import java.util.List;

/**
 * The A64 decode table: one row per encoding pattern of the Arm ARM (DDI 0487, chapter C4), with the field
 * extractor of its encoding class ({@link FieldExtractors}). Rows within one op0 group are tried in order, so a
 * more specific pattern must come before a more general one that overlaps it.
 */
public final class A64Patterns {
    private A64Patterns() { }

    private static final List<Pattern> ALL = List.of(
            // Reserved: UDF (op0 = 0000, op1 = 000000000)
            p(UDF, 0xFFFF0000, 0x00000000, FieldExtractors::imm16),

            // Data processing -- immediate (C4.1.86)
            p(ADR, 0x9F000000, 0x10000000, FieldExtractors::pcRel),
            p(ADRP, 0x9F000000, 0x90000000, FieldExtractors::pcRel),
            p(ADD_imm, 0x7F800000, 0x11000000, FieldExtractors::addSubImm),
            p(ADDS_imm, 0x7F800000, 0x31000000, FieldExtractors::addSubImm),
            p(SUB_imm, 0x7F800000, 0x51000000, FieldExtractors::addSubImm),
            p(SUBS_imm, 0x7F800000, 0x71000000, FieldExtractors::addSubImm),
            p(AND_imm, 0x7F800000, 0x12000000, FieldExtractors::logicalImm),
            p(ORR_imm, 0x7F800000, 0x32000000, FieldExtractors::logicalImm),
            p(EOR_imm, 0x7F800000, 0x52000000, FieldExtractors::logicalImm),
            p(ANDS_imm, 0x7F800000, 0x72000000, FieldExtractors::logicalImm),
            p(MOVN, 0x7F800000, 0x12800000, FieldExtractors::moveWide),
            p(MOVZ, 0x7F800000, 0x52800000, FieldExtractors::moveWide),
            p(MOVK, 0x7F800000, 0x72800000, FieldExtractors::moveWide),
            p(SBFM, 0x7F800000, 0x13000000, FieldExtractors::bitfield),
            p(BFM, 0x7F800000, 0x33000000, FieldExtractors::bitfield),
            p(UBFM, 0x7F800000, 0x53000000, FieldExtractors::bitfield),
            p(EXTR, 0x7FA00000, 0x13800000, FieldExtractors::extract),

            // Branches, exception generating and system instructions (C4.1.87)
            p(B, 0xFC000000, 0x14000000, FieldExtractors::branchImm),
            p(BL, 0xFC000000, 0x94000000, FieldExtractors::branchImm),
            p(B_cond, 0xFF000010, 0x54000000, FieldExtractors::condBranch),
            p(CBZ, 0x7F000000, 0x34000000, FieldExtractors::compareBranch),
            p(CBNZ, 0x7F000000, 0x35000000, FieldExtractors::compareBranch),
            p(TBZ, 0x7F000000, 0x36000000, FieldExtractors::testBranch),
            p(TBNZ, 0x7F000000, 0x37000000, FieldExtractors::testBranch),
            p(SVC, 0xFFE0001F, 0xD4000001, FieldExtractors::exception),
            p(HVC, 0xFFE0001F, 0xD4000002, FieldExtractors::exception),
            p(BRK, 0xFFE0001F, 0xD4200000, FieldExtractors::exception),
            p(HINT, 0xFFFFF01F, 0xD503201F, FieldExtractors::hint),
            p(CLREX, 0xFFFFF0FF, 0xD503305F, FieldExtractors::barrier),
            p(DSB, 0xFFFFF0FF, 0xD503309F, FieldExtractors::barrier),
            p(DMB, 0xFFFFF0FF, 0xD50330BF, FieldExtractors::barrier),
            p(ISB, 0xFFFFF0FF, 0xD50330DF, FieldExtractors::barrier),
            p(SB, 0xFFFFFFFF, 0xD50330FF, FieldExtractors::barrier),
            p(MSR_imm, 0xFFF8F01F, 0xD500401F, FieldExtractors::pstateField),
            p(MRS, 0xFFF00000, 0xD5300000, FieldExtractors::systemRegister),
            p(SYS, 0xFFF80000, 0xD5080000, FieldExtractors::systemOperation),
            p(MSR_reg, 0xFFF00000, 0xD5100000, FieldExtractors::systemRegister),
            p(BR, 0xFFFFFC1F, 0xD61F0000, FieldExtractors::branchReg),
            p(BLR, 0xFFFFFC1F, 0xD63F0000, FieldExtractors::branchReg),
            p(RET, 0xFFFFFC1F, 0xD65F0000, FieldExtractors::branchReg),
            p(ERET, 0xFFFFFFFF, 0xD69F03E0, FieldExtractors::none),

            // Loads and stores (C4.1.88); V = 0 only: SIMD&FP transfers are not decoded yet
            p(LDR_literal, 0x3F000000, 0x18000000, FieldExtractors::literal),
            // Load/store exclusive, ordered and compare-and-swap (C4.1.88.2-4); o2:L:o1 in bits 23:21
            p(STXR, 0x3FE00000, 0x08000000, FieldExtractors::exclusive),
            p(LDXR, 0x3FE00000, 0x08400000, FieldExtractors::exclusive),
            p(STXP, 0xBFE00000, 0x88200000, FieldExtractors::exclusive),
            p(LDXP, 0xBFE00000, 0x88600000, FieldExtractors::exclusive),
            p(CASP, 0xBFA07C00, 0x08207C00, FieldExtractors::compareAndSwap),
            p(STLR, 0x3FE00000, 0x08800000, FieldExtractors::exclusive),
            p(LDAR, 0x3FE00000, 0x08C00000, FieldExtractors::exclusive),
            p(CAS, 0x3FA07C00, 0x08A07C00, FieldExtractors::compareAndSwap),
            // Atomic memory operations (C4.1.88.11): size 111 0 00 A R 1 Rs o3 opc 00 Rn Rt
            p(LDADD, 0x3F20FC00, 0x38200000, FieldExtractors::atomic),
            p(LDCLR, 0x3F20FC00, 0x38201000, FieldExtractors::atomic),
            p(LDEOR, 0x3F20FC00, 0x38202000, FieldExtractors::atomic),
            p(LDSET, 0x3F20FC00, 0x38203000, FieldExtractors::atomic),
            p(LDSMAX, 0x3F20FC00, 0x38204000, FieldExtractors::atomic),
            p(LDSMIN, 0x3F20FC00, 0x38205000, FieldExtractors::atomic),
            p(LDUMAX, 0x3F20FC00, 0x38206000, FieldExtractors::atomic),
            p(LDUMIN, 0x3F20FC00, 0x38207000, FieldExtractors::atomic),
            p(SWP, 0x3F20FC00, 0x38208000, FieldExtractors::atomic),
            p(LDP_STP_post, 0x3F800000, 0x28800000, FieldExtractors::pair),
            p(LDP_STP_offset, 0x3F800000, 0x29000000, FieldExtractors::pair),
            p(LDP_STP_pre, 0x3F800000, 0x29800000, FieldExtractors::pair),
            p(LDST_unscaled_imm, 0x3F200C00, 0x38000000, FieldExtractors::loadStoreImm9),
            p(LDST_imm_post, 0x3F200C00, 0x38000400, FieldExtractors::loadStoreImm9),
            p(LDST_imm_pre, 0x3F200C00, 0x38000C00, FieldExtractors::loadStoreImm9),
            p(LDST_reg_offset, 0x3F200C00, 0x38200800, FieldExtractors::loadStoreReg),
            p(LDST_unsigned_imm, 0x3F000000, 0x39000000, FieldExtractors::loadStoreImm12),

            // Data processing -- register (C4.1.89)
            p(AND_shift, 0x7F200000, 0x0A000000, FieldExtractors::logicalShift),
            p(BIC_shift, 0x7F200000, 0x0A200000, FieldExtractors::logicalShift),
            p(ORR_shift, 0x7F200000, 0x2A000000, FieldExtractors::logicalShift),
            p(ORN_shift, 0x7F200000, 0x2A200000, FieldExtractors::logicalShift),
            p(EOR_shift, 0x7F200000, 0x4A000000, FieldExtractors::logicalShift),
            p(EON_shift, 0x7F200000, 0x4A200000, FieldExtractors::logicalShift),
            p(ANDS_shift, 0x7F200000, 0x6A000000, FieldExtractors::logicalShift),
            p(BICS_shift, 0x7F200000, 0x6A200000, FieldExtractors::logicalShift),
            p(ADD_shift, 0x7F200000, 0x0B000000, FieldExtractors::addSubShift),
            p(ADDS_shift, 0x7F200000, 0x2B000000, FieldExtractors::addSubShift),
            p(SUB_shift, 0x7F200000, 0x4B000000, FieldExtractors::addSubShift),
            p(SUBS_shift, 0x7F200000, 0x6B000000, FieldExtractors::addSubShift),
            p(ADD_ext, 0x7FE00000, 0x0B200000, FieldExtractors::addSubExt),
            p(ADDS_ext, 0x7FE00000, 0x2B200000, FieldExtractors::addSubExt),
            p(SUB_ext, 0x7FE00000, 0x4B200000, FieldExtractors::addSubExt),
            p(SUBS_ext, 0x7FE00000, 0x6B200000, FieldExtractors::addSubExt),
            p(CCMN_reg, 0x7FE00C10, 0x3A400000, FieldExtractors::condCompare),
            p(CCMN_imm, 0x7FE00C10, 0x3A400800, FieldExtractors::condCompare),
            p(CCMP_reg, 0x7FE00C10, 0x7A400000, FieldExtractors::condCompare),
            p(CCMP_imm, 0x7FE00C10, 0x7A400800, FieldExtractors::condCompare),
            p(CSEL, 0x7FE00C00, 0x1A800000, FieldExtractors::condSelect),
            p(CSINC, 0x7FE00C00, 0x1A800400, FieldExtractors::condSelect),
            p(CSINV, 0x7FE00C00, 0x5A800000, FieldExtractors::condSelect),
            p(CSNEG, 0x7FE00C00, 0x5A800400, FieldExtractors::condSelect),
            // Add/subtract (with carry), C4.1.95: sf op S 11010000 Rm 000000 Rn Rd
            p(ADC, 0x7FE0FC00, 0x1A000000, FieldExtractors::threeReg),
            p(ADCS, 0x7FE0FC00, 0x3A000000, FieldExtractors::threeReg),
            p(SBC, 0x7FE0FC00, 0x5A000000, FieldExtractors::threeReg),
            p(SBCS, 0x7FE0FC00, 0x7A000000, FieldExtractors::threeReg),
            p(UDIV, 0x7FE0FC00, 0x1AC00800, FieldExtractors::threeReg),
            p(SDIV, 0x7FE0FC00, 0x1AC00C00, FieldExtractors::threeReg),
            p(LSLV, 0x7FE0FC00, 0x1AC02000, FieldExtractors::threeReg),
            p(LSRV, 0x7FE0FC00, 0x1AC02400, FieldExtractors::threeReg),
            p(ASRV, 0x7FE0FC00, 0x1AC02800, FieldExtractors::threeReg),
            p(RORV, 0x7FE0FC00, 0x1AC02C00, FieldExtractors::threeReg),
            // CRC32 (C6.2.80-87): sf 0 0 11010110 Rm 010 C sz Rn Rd
            p(CRC32, 0x7FE0E000, 0x1AC04000, FieldExtractors::crc32),
            p(RBIT, 0x7FFFFC00, 0x5AC00000, FieldExtractors::twoReg),
            p(REV16, 0x7FFFFC00, 0x5AC00400, FieldExtractors::twoReg),
            p(REV, 0xFFFFFC00, 0x5AC00800, FieldExtractors::twoReg),
            p(REV32, 0xFFFFFC00, 0xDAC00800, FieldExtractors::twoReg),
            p(REV, 0xFFFFFC00, 0xDAC00C00, FieldExtractors::twoReg),
            p(CLZ, 0x7FFFFC00, 0x5AC01000, FieldExtractors::twoReg),
            p(CLS, 0x7FFFFC00, 0x5AC01400, FieldExtractors::twoReg),
            p(MADD, 0x7FE08000, 0x1B000000, FieldExtractors::fourReg),
            p(MSUB, 0x7FE08000, 0x1B008000, FieldExtractors::fourReg),
            p(SMADDL, 0xFFE08000, 0x9B200000, FieldExtractors::fourReg),
            p(SMSUBL, 0xFFE08000, 0x9B208000, FieldExtractors::fourReg),
            p(UMADDL, 0xFFE08000, 0x9BA00000, FieldExtractors::fourReg),
            p(UMSUBL, 0xFFE08000, 0x9BA08000, FieldExtractors::fourReg),
            p(SMULH, 0xFFE08000, 0x9B400000, FieldExtractors::fourReg),
            p(UMULH, 0xFFE08000, 0x9BC00000, FieldExtractors::fourReg));

    /** The whole table, in match order: the general-register rows, then the SIMD&amp;FP rows of {@link SimdPatterns}. */
    public static List<Pattern> all() {
        return java.util.stream.Stream.concat(ALL.stream(), SimdPatterns.ALL.stream()).toList();
    }

    private static Pattern p(Op op, int mask, int match, Pattern.Fields fields) { return new Pattern(op, mask, match, fields); }
}
