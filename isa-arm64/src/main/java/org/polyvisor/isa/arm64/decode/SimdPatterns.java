package org.polyvisor.isa.arm64.decode;

import static org.polyvisor.isa.arm64.decode.Op.*;

import java.util.List;

/**
 * The SIMD&amp;FP rows of the decode table (Arm ARM C4.1.94-96 and the SIMD&amp;FP forms of C4.1.88): the scalar
 * floating-point instructions and the Advanced SIMD forms compiled C uses. Rows are deliberately narrow (one
 * opcode each), so an encoding this backend does not implement matches no row and stays UNDEFINED. Half precision
 * is there as base ARMv8.0 has it: FCVT to and from H, FCVTL/FCVTN, and loads/stores of H registers; FEAT_FP16's
 * half-precision arithmetic, compares and FMOVs (ftype = 11 in the other rows) match no row and stay UNDEFINED, as
 * ID_AA64PFR0_EL1.FP = AdvSIMD = 0 says. The half-precision rows come last, so the objdump corpus generator's random
 * words for the rows before them (it draws them in row order) stay the same.
 */
final class SimdPatterns {
    private SimdPatterns() { }

    static final List<Pattern> ALL = List.of(
            // Loads and stores of SIMD&FP registers (V = 1), before the general-register rows
            p(LDR_literal, 0x3F000000, 0x1C000000, FpFieldExtractors::literal),
            p(LDP_STP_post, 0x3F800000, 0x2C800000, FpFieldExtractors::pair),
            p(LDP_STP_offset, 0x3F800000, 0x2D000000, FpFieldExtractors::pair),
            p(LDP_STP_pre, 0x3F800000, 0x2D800000, FpFieldExtractors::pair),
            p(LDST_unscaled_imm, 0x3F200C00, 0x3C000000, FpFieldExtractors::loadStoreImm9),
            p(LDST_imm_post, 0x3F200C00, 0x3C000400, FpFieldExtractors::loadStoreImm9),
            p(LDST_imm_pre, 0x3F200C00, 0x3C000C00, FpFieldExtractors::loadStoreImm9),
            p(LDST_reg_offset, 0x3F200C00, 0x3C200800, FpFieldExtractors::loadStoreReg),
            p(LDST_unsigned_imm, 0x3F000000, 0x3D000000, FpFieldExtractors::loadStoreImm12),

            // Floating-point data-processing (2 source): 000 11110 0 ftype 1 Rm opcode 10 Rn Rd
            p(FMUL, 0xFFA0FC00, 0x1E200800, FpFieldExtractors::fp3Reg),
            p(FDIV, 0xFFA0FC00, 0x1E201800, FpFieldExtractors::fp3Reg),
            p(FADD, 0xFFA0FC00, 0x1E202800, FpFieldExtractors::fp3Reg),
            p(FSUB, 0xFFA0FC00, 0x1E203800, FpFieldExtractors::fp3Reg),
            p(FMAX, 0xFFA0FC00, 0x1E204800, FpFieldExtractors::fp3Reg),
            p(FMIN, 0xFFA0FC00, 0x1E205800, FpFieldExtractors::fp3Reg),
            p(FMAXNM, 0xFFA0FC00, 0x1E206800, FpFieldExtractors::fp3Reg),
            p(FMINNM, 0xFFA0FC00, 0x1E207800, FpFieldExtractors::fp3Reg),
            p(FNMUL, 0xFFA0FC00, 0x1E208800, FpFieldExtractors::fp3Reg),
            // Floating-point data-processing (3 source): 000 11111 0 ftype o1 Rm o0 Ra Rn Rd
            p(FMADD, 0xFFA08000, 0x1F000000, FpFieldExtractors::fp4Reg),
            p(FMSUB, 0xFFA08000, 0x1F008000, FpFieldExtractors::fp4Reg),
            p(FNMADD, 0xFFA08000, 0x1F200000, FpFieldExtractors::fp4Reg),
            p(FNMSUB, 0xFFA08000, 0x1F208000, FpFieldExtractors::fp4Reg),
            // Floating-point data-processing (1 source): 000 11110 0 ftype 1 opcode 10000 Rn Rd
            p(FMOV_reg, 0xFFBFFC00, 0x1E204000, FpFieldExtractors::fp2Reg),
            p(FABS, 0xFFBFFC00, 0x1E20C000, FpFieldExtractors::fp2Reg),
            p(FNEG, 0xFFBFFC00, 0x1E214000, FpFieldExtractors::fp2Reg),
            p(FSQRT, 0xFFBFFC00, 0x1E21C000, FpFieldExtractors::fp2Reg),
            p(FCVT_prec, 0xFFFFFC00, 0x1E22C000, FpFieldExtractors::fpConvert),   // FCVT Dd, Sn
            p(FCVT_prec, 0xFFFFFC00, 0x1E624000, FpFieldExtractors::fpConvert),   // FCVT Sd, Dn
            p(FRINT, 0xFFBE7C00, 0x1E244000, FpFieldExtractors::fpRoundInt),   // FRINTN, FRINTP, FRINTM, FRINTZ
            p(FRINT, 0xFFBFFC00, 0x1E264000, FpFieldExtractors::fpRoundInt),   // FRINTA
            p(FRINT, 0xFFBF7C00, 0x1E274000, FpFieldExtractors::fpRoundInt),   // FRINTX, FRINTI
            // Floating-point compare, conditional compare, conditional select, immediate
            p(FCMP, 0xFFA0FC1F, 0x1E202000, FpFieldExtractors::fpCompare),
            p(FCMP, 0xFFA0FC1F, 0x1E202008, FpFieldExtractors::fpCompare),
            p(FCMP, 0xFFA0FC1F, 0x1E202010, FpFieldExtractors::fpCompare),
            p(FCMP, 0xFFA0FC1F, 0x1E202018, FpFieldExtractors::fpCompare),
            p(FCCMP, 0xFFA00C00, 0x1E200400, FpFieldExtractors::fpCondCompare),
            p(FCSEL, 0xFFA00C00, 0x1E200C00, FpFieldExtractors::fpCondSelect),
            p(FMOV_imm, 0xFFA01FE0, 0x1E201000, FpFieldExtractors::fpImmediate),
            // Conversion between floating-point and integer: sf 00 11110 0 ftype 1 rmode opcode 000000 Rn Rd
            p(FCVT_int, 0x7FBEFC00, 0x1E200000, FpFieldExtractors::fpToInt),   // FCVTNS, FCVTNU
            p(FCVT_int, 0x7FBEFC00, 0x1E240000, FpFieldExtractors::fpToInt),   // FCVTAS, FCVTAU
            p(FCVT_int, 0x7FBEFC00, 0x1E280000, FpFieldExtractors::fpToInt),   // FCVTPS, FCVTPU
            p(FCVT_int, 0x7FBEFC00, 0x1E300000, FpFieldExtractors::fpToInt),   // FCVTMS, FCVTMU
            p(FCVT_int, 0x7FBEFC00, 0x1E380000, FpFieldExtractors::fpToInt),   // FCVTZS, FCVTZU
            p(SCVTF, 0x7FBFFC00, 0x1E220000, FpFieldExtractors::intToFp),
            p(UCVTF, 0x7FBFFC00, 0x1E230000, FpFieldExtractors::intToFp),
            p(FMOV_gen, 0x7FBEFC00, 0x1E260000, FpFieldExtractors::fpMoveGeneral),
            p(FMOV_gen, 0xFFFEFC00, 0x9EAE0000, FpFieldExtractors::fpMoveGeneral),   // FMOV Xd, Vn.D[1] and back

            // Advanced SIMD modified immediate: 0 Q op 0111100000 abc cmode o2 1 defgh Rd
            p(MOVI, 0xBFF89C00, 0x0F000400, FpFieldExtractors::modifiedImmediate),   // 32-bit shifted
            p(MOVI, 0xBFF8DC00, 0x0F008400, FpFieldExtractors::modifiedImmediate),   // 16-bit shifted
            p(MOVI, 0xBFF8EC00, 0x0F00C400, FpFieldExtractors::modifiedImmediate),   // 32-bit shifting ones
            p(MOVI, 0xBFF8FC00, 0x0F00E400, FpFieldExtractors::modifiedImmediate),   // 8-bit
            p(MOVI, 0xBFF8FC00, 0x2F00E400, FpFieldExtractors::modifiedImmediate),   // 64-bit
            p(ORR_vimm, 0xBFF89C00, 0x0F001400, FpFieldExtractors::modifiedImmediate),
            p(ORR_vimm, 0xBFF8DC00, 0x0F009400, FpFieldExtractors::modifiedImmediate),
            p(MVNI, 0xBFF89C00, 0x2F000400, FpFieldExtractors::modifiedImmediate),
            p(MVNI, 0xBFF8DC00, 0x2F008400, FpFieldExtractors::modifiedImmediate),
            p(MVNI, 0xBFF8EC00, 0x2F00C400, FpFieldExtractors::modifiedImmediate),
            p(BIC_vimm, 0xBFF89C00, 0x2F001400, FpFieldExtractors::modifiedImmediate),
            p(BIC_vimm, 0xBFF8DC00, 0x2F009400, FpFieldExtractors::modifiedImmediate),
            p(FMOV_vimm, 0xBFF8FC00, 0x0F00F400, FpFieldExtractors::modifiedImmediate),
            p(FMOV_vimm, 0xFFF8FC00, 0x6F00F400, FpFieldExtractors::modifiedImmediate),

            // Advanced SIMD copy: 0 Q op 01110000 imm5 0 imm4 1 Rn Rd
            p(DUP_elem, 0xBFE0FC00, 0x0E000400, FpFieldExtractors::copy),
            p(DUP_gen, 0xBFE0FC00, 0x0E000C00, FpFieldExtractors::copy),
            p(INS_gen, 0xFFE0FC00, 0x4E001C00, FpFieldExtractors::copy),
            p(SMOV, 0xBFE0FC00, 0x0E002C00, FpFieldExtractors::copy),
            p(UMOV, 0xBFE0FC00, 0x0E003C00, FpFieldExtractors::copy),
            p(INS_elem, 0xFFE08400, 0x6E000400, FpFieldExtractors::copy),
            p(DUP_scalar, 0xFFE0FC00, 0x5E000400, FpFieldExtractors::copy),

            // Advanced SIMD three same: 0 Q U 01110 size 1 Rm opcode 1 Rn Rd
            p(ADD_v, 0xBF20FC00, 0x0E208400, FpFieldExtractors::threeSame),
            p(SUB_v, 0xBF20FC00, 0x2E208400, FpFieldExtractors::threeSame),
            p(AND_v, 0xBFE0FC00, 0x0E201C00, FpFieldExtractors::threeSame),
            p(BIC_v, 0xBFE0FC00, 0x0E601C00, FpFieldExtractors::threeSame),
            p(ORR_v, 0xBFE0FC00, 0x0EA01C00, FpFieldExtractors::threeSame),
            p(ORN_v, 0xBFE0FC00, 0x0EE01C00, FpFieldExtractors::threeSame),
            p(EOR_v, 0xBFE0FC00, 0x2E201C00, FpFieldExtractors::threeSame),
            p(BSL_v, 0xBFE0FC00, 0x2E601C00, FpFieldExtractors::threeSame),
            p(BIT_v, 0xBFE0FC00, 0x2EA01C00, FpFieldExtractors::threeSame),
            p(BIF_v, 0xBFE0FC00, 0x2EE01C00, FpFieldExtractors::threeSame),
            p(CMTST_v, 0xBF20FC00, 0x0E208C00, FpFieldExtractors::threeSame),
            p(CMEQ_v, 0xBF20FC00, 0x2E208C00, FpFieldExtractors::threeSame),
            p(CMGT_v, 0xBF20FC00, 0x0E203400, FpFieldExtractors::threeSame),
            p(CMHI_v, 0xBF20FC00, 0x2E203400, FpFieldExtractors::threeSame),
            p(CMGE_v, 0xBF20FC00, 0x0E203C00, FpFieldExtractors::threeSame),
            p(CMHS_v, 0xBF20FC00, 0x2E203C00, FpFieldExtractors::threeSame),
            p(SMAX_v, 0xBF20FC00, 0x0E206400, FpFieldExtractors::threeSame),
            p(UMAX_v, 0xBF20FC00, 0x2E206400, FpFieldExtractors::threeSame),
            p(SMIN_v, 0xBF20FC00, 0x0E206C00, FpFieldExtractors::threeSame),
            p(UMIN_v, 0xBF20FC00, 0x2E206C00, FpFieldExtractors::threeSame),
            p(SMAXP_v, 0xBF20FC00, 0x0E20A400, FpFieldExtractors::threeSame),
            p(UMAXP_v, 0xBF20FC00, 0x2E20A400, FpFieldExtractors::threeSame),
            p(SMINP_v, 0xBF20FC00, 0x0E20AC00, FpFieldExtractors::threeSame),
            p(UMINP_v, 0xBF20FC00, 0x2E20AC00, FpFieldExtractors::threeSame),
            p(ADDP_v, 0xBF20FC00, 0x0E20BC00, FpFieldExtractors::threeSame),
            p(MUL_v, 0xBF20FC00, 0x0E209C00, FpFieldExtractors::threeSame),

            // Advanced SIMD two-register miscellaneous: 0 Q U 01110 size 10000 opcode 10 Rn Rd
            p(REV64_v, 0xBF3FFC00, 0x0E200800, FpFieldExtractors::twoMisc),
            p(REV32_v, 0xBF3FFC00, 0x2E200800, FpFieldExtractors::twoMisc),
            p(REV16_v, 0xBF3FFC00, 0x0E201800, FpFieldExtractors::twoMisc),
            p(CNT_v, 0xBFFFFC00, 0x0E205800, FpFieldExtractors::twoMisc),
            p(NOT_v, 0xBFFFFC00, 0x2E205800, FpFieldExtractors::twoMisc),
            p(RBIT_v, 0xBFFFFC00, 0x2E605800, FpFieldExtractors::twoMisc),
            p(CMGT_zero, 0xBF3FFC00, 0x0E208800, FpFieldExtractors::twoMisc),
            p(CMGE_zero, 0xBF3FFC00, 0x2E208800, FpFieldExtractors::twoMisc),
            p(CMEQ_zero, 0xBF3FFC00, 0x0E209800, FpFieldExtractors::twoMisc),
            p(CMLE_zero, 0xBF3FFC00, 0x2E209800, FpFieldExtractors::twoMisc),
            p(CMLT_zero, 0xBF3FFC00, 0x0E20A800, FpFieldExtractors::twoMisc),
            p(ABS_v, 0xBF3FFC00, 0x0E20B800, FpFieldExtractors::twoMisc),
            p(NEG_v, 0xBF3FFC00, 0x2E20B800, FpFieldExtractors::twoMisc),
            p(XTN, 0xBF3FFC00, 0x0E212800, FpFieldExtractors::twoMisc),
            // Advanced SIMD across lanes: 0 Q U 01110 size 11000 opcode 10 Rn Rd; scalar pairwise ADDP
            p(ADDV, 0xBF3FFC00, 0x0E31B800, FpFieldExtractors::acrossLanes),
            p(SMAXV, 0xBF3FFC00, 0x0E30A800, FpFieldExtractors::acrossLanes),
            p(UMAXV, 0xBF3FFC00, 0x2E30A800, FpFieldExtractors::acrossLanes),
            p(SMINV, 0xBF3FFC00, 0x0E31A800, FpFieldExtractors::acrossLanes),
            p(UMINV, 0xBF3FFC00, 0x2E31A800, FpFieldExtractors::acrossLanes),
            p(SADDLV, 0xBF3FFC00, 0x0E303800, FpFieldExtractors::acrossLanes),
            p(UADDLV, 0xBF3FFC00, 0x2E303800, FpFieldExtractors::acrossLanes),
            p(ADDP_scalar, 0xFFFFFC00, 0x5EF1B800, FpFieldExtractors::acrossLanes),
            // EXT, TBL/TBX, permutes
            p(EXT_v, 0xBFE08400, 0x2E000000, FpFieldExtractors::extract),
            p(TBL, 0xBFE09C00, 0x0E000000, FpFieldExtractors::tableLookup),
            p(TBX, 0xBFE09C00, 0x0E001000, FpFieldExtractors::tableLookup),
            p(UZP1, 0xBF20FC00, 0x0E001800, FpFieldExtractors::threeSame),
            p(TRN1, 0xBF20FC00, 0x0E002800, FpFieldExtractors::threeSame),
            p(ZIP1, 0xBF20FC00, 0x0E003800, FpFieldExtractors::threeSame),
            p(UZP2, 0xBF20FC00, 0x0E005800, FpFieldExtractors::threeSame),
            p(TRN2, 0xBF20FC00, 0x0E006800, FpFieldExtractors::threeSame),
            p(ZIP2, 0xBF20FC00, 0x0E007800, FpFieldExtractors::threeSame),
            // Advanced SIMD shift by immediate: 0 Q U 011110 immh immb opcode 1 Rn Rd, one row per element size
            // (immh = 0001 B, 001x H, 01xx S, 1xxx D; immh = 0000 is the modified-immediate class above)
            p(SSHR, 0xBFC0FC00, 0x0F400400, FpFieldExtractors::shiftImmediate),
            p(SSHR, 0xBFE0FC00, 0x0F200400, FpFieldExtractors::shiftImmediate),
            p(SSHR, 0xBFF0FC00, 0x0F100400, FpFieldExtractors::shiftImmediate),
            p(SSHR, 0xBFF8FC00, 0x0F080400, FpFieldExtractors::shiftImmediate),
            p(USHR, 0xBFC0FC00, 0x2F400400, FpFieldExtractors::shiftImmediate),
            p(USHR, 0xBFE0FC00, 0x2F200400, FpFieldExtractors::shiftImmediate),
            p(USHR, 0xBFF0FC00, 0x2F100400, FpFieldExtractors::shiftImmediate),
            p(USHR, 0xBFF8FC00, 0x2F080400, FpFieldExtractors::shiftImmediate),
            p(SSRA, 0xBFC0FC00, 0x0F401400, FpFieldExtractors::shiftImmediate),
            p(SSRA, 0xBFE0FC00, 0x0F201400, FpFieldExtractors::shiftImmediate),
            p(SSRA, 0xBFF0FC00, 0x0F101400, FpFieldExtractors::shiftImmediate),
            p(SSRA, 0xBFF8FC00, 0x0F081400, FpFieldExtractors::shiftImmediate),
            p(USRA, 0xBFC0FC00, 0x2F401400, FpFieldExtractors::shiftImmediate),
            p(USRA, 0xBFE0FC00, 0x2F201400, FpFieldExtractors::shiftImmediate),
            p(USRA, 0xBFF0FC00, 0x2F101400, FpFieldExtractors::shiftImmediate),
            p(USRA, 0xBFF8FC00, 0x2F081400, FpFieldExtractors::shiftImmediate),
            p(SHL_v, 0xBFC0FC00, 0x0F405400, FpFieldExtractors::shiftImmediate),
            p(SHL_v, 0xBFE0FC00, 0x0F205400, FpFieldExtractors::shiftImmediate),
            p(SHL_v, 0xBFF0FC00, 0x0F105400, FpFieldExtractors::shiftImmediate),
            p(SHL_v, 0xBFF8FC00, 0x0F085400, FpFieldExtractors::shiftImmediate),
            p(SHRN, 0xBFC0FC00, 0x0F408400, FpFieldExtractors::shiftImmediate),
            p(SHRN, 0xBFE0FC00, 0x0F208400, FpFieldExtractors::shiftImmediate),
            p(SHRN, 0xBFF0FC00, 0x0F108400, FpFieldExtractors::shiftImmediate),
            p(SHRN, 0xBFF8FC00, 0x0F088400, FpFieldExtractors::shiftImmediate),
            p(SSHLL, 0xBFC0FC00, 0x0F40A400, FpFieldExtractors::shiftImmediate),
            p(SSHLL, 0xBFE0FC00, 0x0F20A400, FpFieldExtractors::shiftImmediate),
            p(SSHLL, 0xBFF0FC00, 0x0F10A400, FpFieldExtractors::shiftImmediate),
            p(SSHLL, 0xBFF8FC00, 0x0F08A400, FpFieldExtractors::shiftImmediate),
            p(USHLL, 0xBFC0FC00, 0x2F40A400, FpFieldExtractors::shiftImmediate),
            p(USHLL, 0xBFE0FC00, 0x2F20A400, FpFieldExtractors::shiftImmediate),
            p(USHLL, 0xBFF0FC00, 0x2F10A400, FpFieldExtractors::shiftImmediate),
            p(USHLL, 0xBFF8FC00, 0x2F08A400, FpFieldExtractors::shiftImmediate),

            // Half precision in base ARMv8.0: FCVT (000 11110 ftype 1 0001 opc 10000 Rn Rd, 11 = half) and the vector
            // conversions FCVTL/FCVTN (0 Q 0 01110 0 sz 10000 1011x 10 Rn Rd)
            p(FCVT_prec, 0xFFFFFC00, 0x1E23C000, FpFieldExtractors::fpConvert),   // FCVT Hd, Sn
            p(FCVT_prec, 0xFFFFFC00, 0x1E63C000, FpFieldExtractors::fpConvert),   // FCVT Hd, Dn
            p(FCVT_prec, 0xFFFFFC00, 0x1EE24000, FpFieldExtractors::fpConvert),   // FCVT Sd, Hn
            p(FCVT_prec, 0xFFFFFC00, 0x1EE2C000, FpFieldExtractors::fpConvert),   // FCVT Dd, Hn
            p(FCVTL_v, 0xBFBFFC00, 0x0E217800, FpFieldExtractors::fpConvertVector),
            p(FCVTN_v, 0xBFBFFC00, 0x0E216800, FpFieldExtractors::fpConvertVector));

    private static Pattern p(Op op, int mask, int match, Pattern.Fields fields) { return new Pattern(op, mask, match, fields); }
}
