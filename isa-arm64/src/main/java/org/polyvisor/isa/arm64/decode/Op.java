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
    MSR_imm, MRS, MSR_reg, SYS;

    /** True for the register-writing forms that set NZCV. */
    public boolean setsFlags() {
        return switch (this) {
            case ADDS_imm, SUBS_imm, ANDS_imm, ANDS_shift, BICS_shift, ADDS_shift, SUBS_shift, ADDS_ext, SUBS_ext, ADCS, SBCS -> true;
            default -> false;
        };
    }
}
