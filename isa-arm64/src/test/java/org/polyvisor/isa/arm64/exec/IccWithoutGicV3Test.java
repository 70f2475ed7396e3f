package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/** Without a GICv3 (PV, or the virt board with GICv2) the ICC_* system registers are UNDEFINED: EC 0 at VBAR + 0x200. */
class IccWithoutGicV3Test {
    private static final int MSR_VBAR_X1 = 0xd518c001, MRS_X4_ESR = 0xd5385204, HVC_XEN = 0xd401d422;
    private static final long VECTORS = TestMachine.CODE + 0x800;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "mrs x2 icc_pmr_el1,     0xd5384602",
        "msr icc_pmr_el1 x1,     0xd5184601",
        "mrs x6 icc_iar1_el1,    0xd538cc06",
        "msr icc_sgi1r_el1 x1,   0xd518cba1",
    })
    void iccAccessIsUndefined(String name, String word) {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, MSR_VBAR_X1, Integer.parseUnsignedInt(word.substring(2), 16));
            m.code(VECTORS + 0x200, MRS_X4_ESR, HVC_XEN);   // synchronous, current EL with SP_ELx
            m.vcpu.setRegister(1, VECTORS);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), name + ": reached the synchronous vector");
            assertEquals(0x0200_0000L, m.vcpu.register(4), name + ": ESR_EL1 is EC 0 (unknown reason), IL = 1");
        }
    }
}
