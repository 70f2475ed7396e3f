package org.polyvisor.isa.arm64.decode;

/**
 * The instruction patterns the decoder knows, named after the Arm ARM's encoding headings (C4 "A64 instruction
 * set encoding"). One constant per pattern of {@link A64Patterns}; the interpreter and the disassembler switch on it.
 */
public enum Op {
    /** No pattern matched, or the fields are an unallocated combination. */
    UNDEFINED,
    /** UDF: permanently undefined (decodes, so that objdump's {@code udf #imm} prints, then traps). */
    UDF,

    // Data processing -- immediate
    ADR, ADRP,
    ADD_imm, ADDS_imm, SUB_imm, SUBS_imm,
    AND_imm, ORR_imm, EOR_imm, ANDS_imm,
    MOVN, MOVZ, MOVK,
    SBFM, BFM, UBFM,
    EXTR,

    // Data processing -- register
    AND_shift, BIC_shift, ORR_shift, ORN_shift, EOR_shift, EON_shift, ANDS_shift, BICS_shift,
    ADD_shift, ADDS_shift, SUB_shift, SUBS_shift,
    ADD_ext, ADDS_ext, SUB_ext, SUBS_ext,
    ADC, ADCS, SBC, SBCS,
    UDIV, SDIV, LSLV, LSRV, ASRV, RORV,
    /** CRC32B/H/W/X (Insn.aux = 0) and CRC32CB/H/W/X (aux = 1); Insn.size = log2 of the bytes of Rm consumed. */
    CRC32,
    RBIT, REV16, REV32, REV, CLZ, CLS,
    MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH,
    CSEL, CSINC, CSINV, CSNEG,
    CCMN_reg, CCMP_reg, CCMN_imm, CCMP_imm,

    // Loads and stores (the access itself is in Insn.memKind and Insn.size)
    LDST_unsigned_imm, LDST_unscaled_imm, LDST_imm_pre, LDST_imm_post, LDST_reg_offset,
    LDP_STP_offset, LDP_STP_pre, LDP_STP_post,
    LDR_literal,

    // Exclusives, acquire/release and LSE atomics (Insn.shift: bit 0 acquire, bit 1 release)
    LDXR, STXR, LDXP, STXP, LDAR, STLR, CAS, CASP, SWP, LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX, LDUMIN,

    // Branches, exception generation and system
    B, BL, B_cond, CBZ, CBNZ, TBZ, TBNZ, BR, BLR, RET, ERET,
    SVC, HVC, BRK,
    HINT, CLREX, DSB, DMB, ISB, SB,
    MSR_imm, MRS, MSR_reg, SYS,

    // SIMD&FP (every constant from here on executes in the FP/AdvSIMD unit, behind CPACR_EL1.FPEN).
    // Scalar floating point (C4.1.96): Insn.size is the type, 0 single or 1 double.
    FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL,
    FMADD, FMSUB, FNMADD, FNMSUB,
    FMOV_reg, FABS, FNEG, FSQRT,
    /**
     * FCVT between half, single and double precision (base ARMv8.0): Insn.size the source type, Insn.aux the
     * destination's, as SoftFloat numbers them (0 single, 1 double, 2 half).
     */
    FCVT_prec,
    /** FRINTN/P/M/Z/A/X/I: Insn.aux the rounding (SoftFloat's constants), Insn.amount 1 for FRINTX. */
    FRINT,
    /** FCMP/FCMPE: Insn.aux bit 0 "with zero", bit 1 "signalling" (the E forms). */
    FCMP,
    /** FCCMP/FCCMPE: Insn.shift 1 for the E form. */
    FCCMP,
    FCSEL, FMOV_imm,
    /** FCVT{N,P,M,Z,A}{S,U}: Insn.aux the rounding, Insn.shift 1 unsigned. */
    FCVT_int,
    SCVTF, UCVTF,
    /** FMOV between a general and an FP register: Insn.shift 1 from general, Insn.aux the doubleword (0, or 1 for V.D[1]). */
    FMOV_gen,
    /**
     * FCVTL/FCVTL2 and FCVTN/FCVTN2 (vector, base ARMv8.0): Insn.size is sz (0 half/single, 1 single/double), Insn.sf
     * is Q (the "2" forms: the upper half of the narrow vector). They convert with the scalar unit's FPConvert.
     */
    FCVTL_v, FCVTN_v,

    // Advanced SIMD (C4.1.95): Insn.sf is Q (128-bit), Insn.size log2 of the element bytes.
    MOVI, MVNI, ORR_vimm, BIC_vimm, FMOV_vimm,
    DUP_elem, DUP_gen, INS_gen, INS_elem, UMOV, SMOV, DUP_scalar,
    ADD_v, SUB_v, AND_v, BIC_v, ORR_v, ORN_v, EOR_v, BSL_v, BIT_v, BIF_v,
    CMTST_v, CMEQ_v, CMGT_v, CMHI_v, CMGE_v, CMHS_v,
    SMAX_v, UMAX_v, SMIN_v, UMIN_v, SMAXP_v, UMAXP_v, SMINP_v, UMINP_v, ADDP_v, MUL_v,
    REV64_v, REV32_v, REV16_v, CNT_v, NOT_v, RBIT_v,
    CMGT_zero, CMGE_zero, CMEQ_zero, CMLE_zero, CMLT_zero, ABS_v, NEG_v, XTN,
    ADDV, SMAXV, UMAXV, SMINV, UMINV, SADDLV, UADDLV, ADDP_scalar,
    EXT_v, TBL, TBX,
    SSHR, USHR, SSRA, USRA, SHL_v, SHRN, SSHLL, USHLL,
    UZP1, UZP2, TRN1, TRN2, ZIP1, ZIP2;

    /** True for the SIMD&amp;FP instructions (those CPACR_EL1.FPEN can trap), the constants from FMUL on. */
    public boolean simdFp() { return ordinal() >= FMUL.ordinal(); }

    /** True for the register-writing forms that set NZCV. */
    public boolean setsFlags() {
        return switch (this) {
            case ADDS_imm, SUBS_imm, ANDS_imm, ANDS_shift, BICS_shift, ADDS_shift, SUBS_shift, ADDS_ext, SUBS_ext, ADCS, SBCS -> true;
            default -> false;
        };
    }
}
