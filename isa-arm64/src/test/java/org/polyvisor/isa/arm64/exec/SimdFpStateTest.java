package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/**
 * The SIMD&amp;FP unit as a whole: CPACR_EL1.FPEN's reset value (no trap) and its EC 0x07 trap, the 128-bit register
 * file and FPCR through save/restore, Q-register loads and stores, and a small FP sequence.
 */
class SimdFpStateTest {
    private static final int MSR_VBAR_X1 = 0xd518c001, MRS_X2_CPACR = 0xd5381042, FADD_S0_S1_S2 = 0x1e222820,
            MSR_CPACR_XZR = 0xd518105f, MRS_X3_ESR = 0xd5385203, MRS_X4_ELR = 0xd5384024, HVC_XEN = 0xd401d422;
    private static final int FMOV_D0_X5 = 0x9e6700a0, INS_V0_D1_X6 = 0x4e181cc0, MSR_FPCR_X9 = 0xd51b4409,
            FMOV_X7_D0 = 0x9e660007, UMOV_X8_V0_D1 = 0x4e183c08, MRS_X10_FPCR = 0xd53b440a;
    private static final int LDR_Q1_X11 = 0x3dc00161, STR_Q1_X11_16 = 0x3d800561, FMOV_S3_ONE = 0x1e2e1003,
            FADD_S4_S3_S3 = 0x1e232864, FCVTZS_W12_S4 = 0x1e38008c;
    private static final long VECTORS = TestMachine.CODE + 0x800;

    @Test
    void fpIsEnabledAtResetAndTrapsWithEc7OnceCpacrDisablesIt() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, MSR_VBAR_X1, MRS_X2_CPACR, FADD_S0_S1_S2, MSR_CPACR_XZR, FADD_S0_S1_S2);
            m.code(VECTORS + 0x200, MRS_X3_ESR, MRS_X4_ELR, HVC_XEN);   // synchronous, current EL with SP_ELx
            m.vcpu.setRegister(1, VECTORS);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals("0x300000", hex(m.vcpu.register(2)), "arm64: CPACR_EL1 reset value (FPEN = 0b11)");
            assertEquals("0x1fe00000", hex(m.vcpu.register(3)), "arm64: ESR_EL1 of the trapped FADD (EC 0x07, IL, CV, COND 0xE)");
            assertEquals(hex(TestMachine.CODE + 16), hex(m.vcpu.register(4)), "arm64: ELR_EL1 is the trapped FADD");
        }
    }

    @Test
    void trappedFpWithoutVectorsCrashesTheGuestWithAReason() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, MSR_CPACR_XZR, FADD_S0_S1_S2);
            VcpuExit exit = m.vcpu.run(10);
            VcpuExit.Fault fault = assertInstanceOf(VcpuExit.Fault.class, exit);
            assertTrue(fault.reason().contains("CPACR_EL1.FPEN"), "arm64: reason names the trap: " + fault.reason());
            assertEquals(TestMachine.CODE + 4, fault.pc());
        }
    }

    @Test
    void vectorRegistersAndFpcrSurviveSaveAndRestore() {
        long fpcr = 0x0340_0000L;   // DN, FZ, RMode = RP
        try (TestMachine a = new TestMachine(); TestMachine b = new TestMachine()) {
            a.code(TestMachine.CODE, FMOV_D0_X5, INS_V0_D1_X6, MSR_FPCR_X9);
            a.vcpu.setRegister(5, 0x1122_3344_5566_7788L);
            a.vcpu.setRegister(6, 0x99AA_BBCC_DDEE_FF00L);
            a.vcpu.setRegister(9, fpcr);
            assertEquals(VcpuExit.BUDGET_SPENT, a.vcpu.run(3));
            VcpuState saved = a.vcpu.save();
            b.code(TestMachine.CODE + 12, FMOV_X7_D0, UMOV_X8_V0_D1, MRS_X10_FPCR);
            b.vcpu.restore(saved);
            assertEquals(VcpuExit.BUDGET_SPENT, b.vcpu.run(3));
            assertEquals("0x1122334455667788", hex(b.vcpu.register(7)), "arm64: V0 bits 63:0 after restore");
            assertEquals("0x99aabbccddeeff00", hex(b.vcpu.register(8)), "arm64: V0 bits 127:64 after restore");
            assertEquals(hex(fpcr), hex(b.vcpu.register(10)), "arm64: FPCR after restore");
        }
    }

    @Test
    void qRegisterLoadAndStoreMoveSixteenBytesAndScalarFpComputes() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, LDR_Q1_X11, STR_Q1_X11_16, FMOV_S3_ONE, FADD_S4_S3_S3, FCVTZS_W12_S4);
            for (int k = 0; k < 16; k++) m.memory.write(TestMachine.DATA + k, 1, 0x10 + k);
            m.vcpu.setRegister(11, TestMachine.DATA);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(5));
            for (int k = 0; k < 16; k++) assertEquals(0x10 + k, m.memory.read(TestMachine.DATA + 16 + k, 1), "arm64: str q1 byte " + k);
            assertEquals(2, m.vcpu.register(12), "arm64: fcvtzs of 1.0 + 1.0");
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
