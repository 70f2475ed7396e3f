package org.polyvisor.isa.arm64.disasm;

import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.SysOp;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.Disassembly;

/**
 * A64 in GNU objdump's syntax ({@code objdump -D -b binary -m aarch64}), from the same decode table the interpreter
 * uses: a line is the word in hex, then the instruction; what the decoder does not know prints as objdump prints
 * an unknown word, {@code .inst 0x... ; undefined}.
 */
public final class A64Disassembler implements Disassembler {
    private final A64Decoder decoder;

    public A64Disassembler(A64Decoder decoder) { this.decoder = decoder; }

    @Override
    public Disassembly disassemble(byte[] code, int offset, long address) {
        int left = code.length - offset;
        if (left < 4) return Disassembly.of(Math.max(1, left), address, "\tAddress 0x" + Long.toHexString(address) + " is out of bounds.");
        int raw = (code[offset] & 0xFF) | (code[offset + 1] & 0xFF) << 8 | (code[offset + 2] & 0xFF) << 16 | (code[offset + 3] & 0xFF) << 24;
        return Disassembly.of(4, address, String.format("\t%08x \t", raw) + text(decoder.decode(raw), address));
    }

    /** The instruction part of the line: mnemonic, tab, operands and objdump's comment if any. */
    static String text(Insn i, long address) {
        return switch (i.op) {
            case UNDEFINED -> String.format(".inst\t0x%08x ; undefined", i.raw);
            case ADD_imm, ADDS_imm, SUB_imm, SUBS_imm -> DataProcessingSyntax.addSubImm(i);
            case ADD_shift, ADDS_shift, SUB_shift, SUBS_shift -> DataProcessingSyntax.addSubShift(i);
            case ADD_ext, ADDS_ext, SUB_ext, SUBS_ext -> DataProcessingSyntax.addSubExt(i);
            case AND_imm, ORR_imm, EOR_imm, ANDS_imm -> DataProcessingSyntax.logicalImm(i);
            case AND_shift, BIC_shift, ORR_shift, ORN_shift, EOR_shift, EON_shift, ANDS_shift, BICS_shift -> DataProcessingSyntax.logicalShift(i);
            case MOVN, MOVZ, MOVK -> DataProcessingSyntax.moveWide(i);
            case ADR, ADRP -> DataProcessingSyntax.pcRelative(i, address);
            case SBFM, BFM, UBFM -> DataProcessingSyntax.bitfield(i);
            case EXTR -> DataProcessingSyntax.extract(i);
            case UDIV, SDIV, LSLV, LSRV, ASRV, RORV, ADC, ADCS, SBC, SBCS -> DataProcessingSyntax.threeReg(i);
            case CRC32 -> DataProcessingSyntax.crc32(i);
            case RBIT, REV16, REV32, REV, CLZ, CLS -> DataProcessingSyntax.oneSource(i);
            case MADD, MSUB, SMADDL, SMSUBL, UMADDL, UMSUBL, SMULH, UMULH -> DataProcessingSyntax.multiply(i);
            case CSEL, CSINC, CSINV, CSNEG -> DataProcessingSyntax.conditionalSelect(i);
            case CCMN_reg, CCMP_reg, CCMN_imm, CCMP_imm -> DataProcessingSyntax.conditionalCompare(i);
            case LDST_unsigned_imm, LDST_unscaled_imm, LDST_imm_pre, LDST_imm_post, LDST_reg_offset, LDR_literal ->
                    LoadStoreSyntax.single(i, address);
            case LDP_STP_offset, LDP_STP_pre, LDP_STP_post -> LoadStoreSyntax.pair(i);
            case LDXR, STXR, LDXP, STXP, LDAR, STLR, CAS, CASP, SWP, LDADD, LDCLR, LDEOR, LDSET, LDSMAX, LDSMIN, LDUMAX,
                 LDUMIN -> AtomicSyntax.text(i);
            case B, BL, B_cond, CBZ, CBNZ, TBZ, TBNZ -> BranchSyntax.branch(i, address);
            case BR, BLR, RET -> BranchSyntax.branchRegister(i);
            case ERET -> "eret";
            case SVC, HVC, BRK, UDF -> BranchSyntax.exception(i);
            case HINT -> BranchSyntax.hint(i);
            case CLREX, DSB, DMB, ISB, SB -> BranchSyntax.barrier(i);
            case MSR_imm, MRS, MSR_reg -> BranchSyntax.system(i);
            case SYS -> SysOp.text(i.aux, i.rd == 31 ? "xzr" : "x" + i.rd);
            case FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL, FMADD, FMSUB, FNMADD, FNMSUB, FMOV_reg, FABS,
                 FNEG, FSQRT, FCVT_prec, FRINT, FCMP, FCCMP, FCSEL, FMOV_imm, FCVT_int, SCVTF, UCVTF, FMOV_gen -> FpSyntax.text(i);
            default -> SimdSyntax.text(i);
        };
    }
}
