package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Half precision as base ARMv8.0 has it (the QEMU vectors in fp16-vectors.txt.gz cover it at random; these are the
 * Arm ARM's rules one by one): FCVT between H and S/D with FPCR's rounding, FZ (never applied to a half operand or
 * result), DN and AHP (no infinities or NaNs: exponent 31 is a binade, NaN becomes zero and infinity the largest
 * magnitude, both with IOC), FCVTL/FCVTN on vectors, and the H-register loads and stores. FEAT_FP16's instructions
 * (FADD H, FMOV W/X/H, FCMP H ...) are Undefined, as ID_AA64PFR0_EL1 (FP = AdvSIMD = 0) tells the guest.
 */
class HalfPrecisionTest {
    private static final long DATA = TestMachine.DATA;
    private static final int LDR_H0 = 0x7d400160, LDR_S0 = 0xbd400160, LDR_D0 = 0xfd400160;   // ldr h0/s0/d0, [x11]
    private static final int FCVT_H1_S0 = 0x1e23c001, FCVT_H1_D0 = 0x1e63c001, FCVT_S1_H0 = 0x1ee24001,
            FCVT_D1_H0 = 0x1ee2c001;
    private static final int MSR_FPCR_X13 = 0xd51b440d, STR_Q1 = 0x3d800561, MRS_X12_FPSR = 0xd53b442c;
    private static final long RN = 0, RP = 1L << 22, RM = 2L << 22, RZ = 3L << 22, FZ = 1L << 24, DN = 1L << 25, AHP = 1L << 26;
    private static final long IOC = 1, OFC = 4, UFC = 8, IXC = 16, IDC = 128;

    /** name, conversion word, the load that brings the operand, FPCR, operand bits, result bits, FPSR after. */
    static Stream<Arguments> conversions() {
        return Stream.of(
            c("S->H 1.0", FCVT_H1_S0, LDR_S0, RN, 0x3f80_0000L, 0x3c00, 0),
            c("S->H 65504, the largest half", FCVT_H1_S0, LDR_S0, RN, 0x477f_e000L, 0x7bff, 0),
            c("S->H 65520 ties to even: infinity", FCVT_H1_S0, LDR_S0, RN, 0x477f_f000L, 0x7c00, OFC | IXC),
            c("S->H 65520 toward zero: no overflow", FCVT_H1_S0, LDR_S0, RZ, 0x477f_f000L, 0x7bff, IXC),
            c("S->H 65536 toward zero overflows to the largest", FCVT_H1_S0, LDR_S0, RZ, 0x4780_0000L, 0x7bff, OFC | IXC),
            c("S->H 65536 with AHP is exponent 31", FCVT_H1_S0, LDR_S0, RN | AHP, 0x4780_0000L, 0x7c00, 0),
            c("S->H 2^17 with AHP: largest, IOC, no IXC", FCVT_H1_S0, LDR_S0, RN | AHP, 0x4800_0000L, 0x7fff, IOC),
            c("S->H infinity with AHP", FCVT_H1_S0, LDR_S0, RN | AHP, 0x7f80_0000L, 0x7fff, IOC),
            c("S->H quiet NaN with AHP is zero", FCVT_H1_S0, LDR_S0, RN | AHP, 0x7fc0_0000L, 0x0000, IOC),
            c("S->H negative NaN with AHP is -0", FCVT_H1_S0, LDR_S0, RN | AHP, 0xffc0_0000L, 0x8000, IOC),
            c("S->H signalling NaN keeps its payload's top", FCVT_H1_S0, LDR_S0, RN, 0x7f81_2345L, 0x7e09, IOC),
            c("S->H signalling NaN with DN", FCVT_H1_S0, LDR_S0, RN | DN, 0x7f81_2345L, 0x7e00, IOC),
            c("S->H 2^-24, the smallest subnormal, exact", FCVT_H1_S0, LDR_S0, RN, 0x3380_0000L, 0x0001, 0),
            c("S->H 2^-25 ties to even: zero", FCVT_H1_S0, LDR_S0, RN, 0x3300_0000L, 0x0000, UFC | IXC),
            c("S->H 2^-25 toward +inf", FCVT_H1_S0, LDR_S0, RP, 0x3300_0000L, 0x0001, UFC | IXC),
            c("S->H FZ flushes a single subnormal operand", FCVT_H1_S0, LDR_S0, RN | FZ, 0x0000_0001L, 0x0000, IDC),
            c("S->H FZ leaves a half subnormal result", FCVT_H1_S0, LDR_S0, RN | FZ, 0x3380_0000L, 0x0001, 0),
            c("H->S FZ leaves a half subnormal operand", FCVT_S1_H0, LDR_H0, RN | FZ, 0x0001, 0x3380_0000L, 0),
            c("H->S signalling NaN", FCVT_S1_H0, LDR_H0, RN, 0x7d23, 0x7fe4_6000L, IOC),
            c("H->S exponent 31 with AHP", FCVT_S1_H0, LDR_H0, RN | AHP, 0x7c00, 0x4780_0000L, 0),
            c("H->S 0x7fff with AHP: 131008", FCVT_S1_H0, LDR_H0, RN | AHP, 0x7fff, 0x47ff_e000L, 0),
            c("H->S -infinity", FCVT_S1_H0, LDR_H0, RN, 0xfc00, 0xff80_0000L, 0),
            c("H->D 0x3555", FCVT_D1_H0, LDR_H0, RN, 0x3555, 0x3fd5_5400_0000_0000L, 0),
            c("H->D 2^-24", FCVT_D1_H0, LDR_H0, RN, 0x0001, 0x3e70_0000_0000_0000L, 0),
            c("D->H 1 + 2^-11 ties to even", FCVT_H1_D0, LDR_D0, RN, 0x3ff0_0200_0000_0000L, 0x3c00, IXC),
            c("D->H just above the tie", FCVT_H1_D0, LDR_D0, RN, 0x3ff0_0200_0000_0001L, 0x3c01, IXC),
            c("D->H largest double toward -inf", FCVT_H1_D0, LDR_D0, RM, 0x7fef_ffff_ffff_ffffL, 0x7bff, OFC | IXC),
            c("D->H -2^17 toward -inf", FCVT_H1_D0, LDR_D0, RM, 0xc100_0000_0000_0000L, 0xfc00, OFC | IXC));
    }

    private static Arguments c(String name, int insn, int load, long fpcr, long in, long out, long fpsr) {
        return Arguments.of(name, insn, load, fpcr, in, out, fpsr);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conversions")
    void fcvtFollowsTheArmArm(String name, int insn, int load, long fpcr, long in, long out, long fpsr) {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, MSR_FPCR_X13, load, insn, STR_Q1, MRS_X12_FPSR);
            m.memory.write(DATA, 8, in);
            m.memory.write(DATA + 16, 8, -1L);
            m.memory.write(DATA + 24, 8, -1L);
            m.vcpu.setRegister(11, DATA);
            m.vcpu.setRegister(13, fpcr);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(5), name);
            assertEquals(Long.toHexString(out), Long.toHexString(m.memory.read(DATA + 16, 8)), name + ": result, upper bits zero");
            assertEquals(0, m.memory.read(DATA + 24, 8), name + ": bits 127:64 zero");
            assertEquals(Long.toHexString(fpsr), Long.toHexString(m.vcpu.register(12)), name + ": FPSR");
        }
    }

    /** FCVTL widens the low four halves (NaN quietened); FCVTN2 narrows four singles into the high half, keeping the low. */
    @Test
    void vectorConversionsWidenAndNarrowLaneByLane() {
        try (TestMachine m = new TestMachine()) {
            // ldr q0, [x11]; ldr q1, [x11, #16]; fcvtl v2.4s, v0.4h; fcvtn2 v1.8h, v0.4s; stp q1, q2, [x11, #32]; mrs x12, fpsr
            m.code(TestMachine.CODE, 0x3dc00160, 0x3dc00561, 0x0e217802, 0x4e216801, 0xad010961, MRS_X12_FPSR);
            m.memory.write(DATA, 8, 0xfd00_0001_7c00_3c00L);            // halves: 1.0, +inf, 2^-24, signalling NaN
            m.memory.write(DATA + 8, 8, 0x3300_0000_477f_f000L);         // (the high singles of q0: 65520, 2^-25)
            m.memory.write(DATA + 16, 8, 0x1111_2222_3333_4444L);
            m.memory.write(DATA + 24, 8, 0x5555_6666_7777_8888L);
            m.vcpu.setRegister(11, DATA);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(6));
            assertEquals("1111222233334444", Long.toHexString(m.memory.read(DATA + 32, 8)), "FCVTN2 keeps the low doubleword");
            // singles of q0: 0x7c003c00 (2^121: overflows to +inf), 0xfd000001 (-2^123: -inf), 65520 (ties to +inf), 2^-25 (ties to 0)
            assertEquals("7c00fc007c00", Long.toHexString(m.memory.read(DATA + 40, 8)), "FCVTN2 halves in the high doubleword");
            assertEquals("7f8000003f800000", Long.toHexString(m.memory.read(DATA + 48, 8)), "FCVTL lanes 0-1: 1.0, +inf");
            assertEquals("ffe0000033800000", Long.toHexString(m.memory.read(DATA + 56, 8)), "FCVTL lanes 2-3: 2^-24, quiet NaN");
            assertEquals(Long.toHexString(IOC | OFC | UFC | IXC), Long.toHexString(m.vcpu.register(12)), "FPSR");
        }
    }

    /** LDR/STR/LDUR/STUR of H registers move two bytes, unaligned too; a load zeroes bits 127:16. */
    @Test
    void hRegisterLoadsAndStoresMoveTwoBytes() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE,
                    0x7d400562,    // ldr h2, [x11, #2]
                    0x7d002962,    // str h2, [x11, #20]
                    0x7c403163,    // ldur h3, [x11, #3]
                    0x7c021163,    // stur h3, [x11, #33]
                    0x7c6e7964,    // ldr h4, [x11, x14, lsl #1]
                    0x7c1fed64,    // str h4, [x11, #-2]!
                    0x7c404565,    // ldr h5, [x11], #4
                    0x4e083c46, 0x4e183c47, 0x4e083c68, 0x9e660089, 0x9e6600aa);   // x6..x10 from v2, v3, v4, v5
            for (int k = 0; k < 48; k++) m.memory.write(DATA + k, 1, 0xa0 + k);
            m.vcpu.setRegister(11, DATA + 8);
            m.vcpu.setRegister(14, 5);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(12));
            assertEquals("abaa", Long.toHexString(m.vcpu.register(6)), "ldr h2, [x11, #2]: bits 63:16 zero");
            assertEquals(0, m.vcpu.register(7), "ldr h2: bits 127:64 zero");
            assertEquals(0xab, m.memory.read(DATA + 29, 1), "str h2 high byte");
            assertEquals(0xaa, m.memory.read(DATA + 28, 1), "str h2 low byte");
            assertEquals(0xbe, m.memory.read(DATA + 30, 1), "str h2 writes two bytes only");
            assertEquals("acab", Long.toHexString(m.vcpu.register(8)), "ldur h3, [x11, #3] (unaligned)");
            assertEquals(0xacab, m.memory.read(DATA + 41, 2), "stur h3, [x11, #33] (unaligned)");
            assertEquals("b3b2", Long.toHexString(m.vcpu.register(9)), "ldr h4, [x11, x14, lsl #1]");
            assertEquals(0xb3b2, m.memory.read(DATA + 6, 2), "str h4, [x11, #-2]! stores at the new base");
            assertEquals("b3b2", Long.toHexString(m.vcpu.register(10)), "ldr h5, [x11], #4 loads at the old base");
            assertEquals(DATA + 10, m.vcpu.register(11), "x11 after pre-index -2 and post-index +4");
        }
    }

    /** FEAT_FP16 is not implemented: its encodings are Undefined Instruction (EC 0), objdump names them all. */
    @ParameterizedTest(name = "{1}")
    @CsvSource({
        "1ee22820, 'fadd h0, h1, h2'", "1ee20820, 'fmul h0, h1, h2'", "1ee04020, 'fmov h0, h1'", "1ee60020, 'fmov w0, h1'",
        "1ee70020, 'fmov h0, w1'", "9ee60020, 'fmov x0, h1'", "1eee1000, 'fmov h0, #1.0'", "1ee12000, 'fcmp h0, h1'",
        "1ee02008, 'fcmp h0, #0.0'", "1ef80020, 'fcvtzs w0, h1'", "1ee20020, 'scvtf h0, w1'", "1ee0c020, 'fabs h0, h1'",
        "1ee1c020, 'fsqrt h0, h1'", "1ee20c20, 'fcsel h0, h1, h2, eq'", "1ee44020, 'frintn h0, h1'",
        "1fc20c20, 'fmadd h0, h1, h2, h3'", "0e421420, 'fadd v0.4h, v1.4h, v2.4h'", "5ef9b820, 'fcvtzs h0, h1'",
    })
    void fp16ArithmeticIsUndefined(String word, String text) {
        try (TestMachine m = new TestMachine()) {
            int insn = Integer.parseUnsignedInt(word, 16);
            m.code(TestMachine.CODE, insn);
            assertEquals(new VcpuExit.Fault("undefined instruction 0x" + word, TestMachine.CODE), m.vcpu.run(1), text);
        }
    }

    /** ID_AA64PFR0_EL1.FP (bits 19:16) and AdvSIMD (23:20) are 0: FP and AdvSIMD without half-precision arithmetic. */
    @Test
    void idRegisterSaysNoFp16() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, 0xd5380400);        // mrs x0, id_aa64pfr0_el1
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1));
            assertEquals(0, (m.vcpu.register(0) >>> 16) & 0xff, "ID_AA64PFR0_EL1.FP and .AdvSIMD");
        }
    }
}
