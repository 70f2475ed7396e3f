package org.polyvisor.isa.arm64.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class A64DecoderTest {
    private final A64Decoder decoder = new A64Decoder();

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0x91004020, ADD_imm", "0xf1000c3f, SUBS_imm", "0x8b020c20, ADD_shift", "0x8b214be0, ADD_ext",
        "0x92401c20, AND_imm", "0xaa0103e0, ORR_shift", "0xd2800000, MOVZ", "0xf2a24680, MOVK", "0x100091a0, ADR",
        "0x90000000, ADRP", "0x9ac22020, LSLV", "0xd3440c20, UBFM", "0x93407c20, SBFM", "0x93c20c20, EXTR",
        "0x9b027c20, MADD", "0x9ac20c20, SDIV", "0x9a9f17e0, CSINC", "0xfa431824, CCMP_imm",
        "0xf9400420, LDST_unsigned_imm", "0xf85f8020, LDST_unscaled_imm", "0xf8408c20, LDST_imm_pre",
        "0xf8408420, LDST_imm_post", "0xf8627820, LDST_reg_offset", "0xa9ff07e0, LDP_STP_pre",
        "0xa8817bfd, LDP_STP_post", "0x29410440, LDP_STP_offset", "0x58000800, LDR_literal", "0x14000040, B",
        "0x97ffffff, BL", "0x54000041, B_cond", "0xb4000040, CBZ", "0x36180040, TBZ", "0xd61f0000, BR",
        "0xd63f0020, BLR", "0xd65f03c0, RET", "0xd503201f, HINT", "0xd401d422, HVC", "0xd4000001, SVC",
        "0xd4207d00, BRK", "0x00001234, UDF", "0x1ac24020, CRC32", "0x9adf5c20, CRC32", "0x1ac25820, CRC32",
        "0xd503205f, HINT", "0xd5032fff, HINT",
        // SIMD&FP: loads and stores, scalar FP, Advanced SIMD
        "0xfd400000, LDST_unsigned_imm", "0x3dc00400, LDST_unsigned_imm", "0xad410400, LDP_STP_offset", "0x5c000040, LDR_literal",
        "0x1e222820, FADD", "0x1f420c20, FMADD", "0x1e602018, FCMP", "0x9e390020, FCVT_int", "0x9eaf0022, FMOV_gen",
        "0x4f000420, MOVI", "0x6f004420, MVNI", "0x4e070420, DUP_elem", "0x0e053c20, UMOV", "0x6e223c20, CMHS_v",
        "0x6e31a820, UMINV", "0x0e032020, TBL", "0x6f3d0420, USHR", "0x0f0c8420, SHRN", "0x4e823820, ZIP1",
        // half precision of base ARMv8.0: FCVT H<->S/D, FCVTL(2), FCVTN(2); FCVT to its own type or opc = 10 is unallocated
        "0x1e23c001, FCVT_prec", "0x1e63c001, FCVT_prec", "0x1ee24001, FCVT_prec", "0x1ee2c001, FCVT_prec",
        "0x0e217801, FCVTL_v", "0x4e617801, FCVTL_v", "0x0e216801, FCVTN_v", "0x4e616801, FCVTN_v",
        "0x1e224000, UNDEFINED", "0x1ee3c000, UNDEFINED", "0x1e234000, UNDEFINED", "0x1ea24000, UNDEFINED",
        // SIMD&FP unallocated: half precision, FMOV W <-> D, 64-bit lanes without Q, SMOV to W of an S element
        "0x1ee22820, UNDEFINED", "0x1e670041, UNDEFINED", "0x0ee28420, UNDEFINED", "0x0e0c2c20, UNDEFINED",
        // unallocated CRC32: sf=1 with sz<3, sf=0 with sz=3; LDPSW overlaps and LDAR with Rt2 != 31 (as binutils)
        "0x9ac04000, UNDEFINED", "0x1ac04c00, UNDEFINED", "0x9ac05400, UNDEFINED", "0x6941d856, UNDEFINED",
        "0x69c198a5, UNDEFINED", "0x68c198c5, UNDEFINED", "0x88dfc593, UNDEFINED",
        // unallocated: logical immediate N=1 in 32 bits, MOVZ hw=2 in 32 bits, ADD shifted ROR, PRFM, LDR H with opc=10
        "0x12400000, UNDEFINED", "0x52c00000, UNDEFINED", "0x8bc00000, UNDEFINED", "0xf9800400, UNDEFINED",
        "0x7d800000, UNDEFINED", "0xffffffff, UNDEFINED", "0x54000010, UNDEFINED",
    })
    void decodesToThePattern(String word, Op op) {
        assertEquals(op, decoder.decode(Integer.parseUnsignedInt(word.substring(2), 16)).op);
    }

    @Test
    void registerFieldThirtyOneIsResolvedPerEncoding() {
        Insn movSp = decoder.decode(0x9100003f);      // mov sp, x1: Rd = 31 is SP
        assertEquals(Reg.SP, movSp.rd);
        Insn cmp = decoder.decode(0xeb02003f);        // cmp x1, x2: Rd = 31 is XZR, written to the sink
        assertEquals(Reg.SINK, cmp.rd);
        Insn addZr = decoder.decode(0x8b0103e0);      // add x0, xzr, x1: Rn = 31 is XZR
        assertEquals(Reg.ZR, addZr.rn);
        Insn ldrSp = decoder.decode(0xf8626be0);      // ldr x0, [sp, x2]: base 31 is SP
        assertEquals(Reg.SP, ldrSp.rn);
    }

    @Test
    void crc32FieldsAreExtracted() {
        Insn crc32cx = decoder.decode(0x9adf5c20);    // crc32cx w0, w1, xzr
        assertEquals(1, crc32cx.aux, "arm64 crc32cx 9adf5c20: C");
        assertEquals(3, crc32cx.size, "arm64 crc32cx 9adf5c20: sz");
        assertEquals(Reg.ZR, crc32cx.rm, "arm64 crc32cx 9adf5c20: Rm = 31 is XZR");
        Insn crc32h = decoder.decode(0x1ac54483);     // crc32h w3, w4, w5
        assertEquals(0, crc32h.aux, "arm64 crc32h 1ac54483: C");
        assertEquals(1, crc32h.size, "arm64 crc32h 1ac54483: sz");
        assertEquals(3, crc32h.rd);
        assertEquals(4, crc32h.rn);
        assertEquals(5, crc32h.rm);
    }

    @Test
    void everyPatternIsReachableThroughItsOp0Group() {
        for (Pattern p : A64Patterns.all()) {
            Insn i = decoder.decode(p.match());
            assertTrue(i.op == p.op() || i.op == Op.UNDEFINED, p.op() + " decodes its own match value as " + i.op);
        }
    }
}
