package org.polyvisor.isa.arm64.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.VcpuExit;

/** Xen on ARM's vcpu_guest_context through the IsaProvider: its size, what it loads, what it refuses, store(). */
class ArmGuestContextTest {
    private static final GuestContext LAYOUT = new Arm64IsaProvider().guestContext().orElseThrow();
    private static final int HVC_XEN = 0xd401d422, MRS_X5_SP_EL0 = 0xd5384105, MRS_X6_TCR = 0xd5382046,
            ADD_X0_X0_1 = 0x91000400;

    private static ByteBuffer context(long cpsr) {
        ByteBuffer b = ByteBuffer.allocate(LAYOUT.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(ArmGuestContext.FLAGS, ArmGuestContext.VGCF_ONLINE);
        for (int n = 0; n <= 30; n++) b.putLong(ArmGuestContext.X + 8 * n, 0x100 + n);
        b.putLong(ArmGuestContext.PC, TestMachine.CODE);
        b.putLong(ArmGuestContext.CPSR, cpsr);
        b.putLong(ArmGuestContext.SP_EL0, 0x4000_1000L);
        b.putLong(ArmGuestContext.SP_EL1, 0x4000_2000L);
        b.putLong(ArmGuestContext.ELR_EL1, 0x4000_3000L);
        b.putLong(ArmGuestContext.SCTLR, 0x30D0_0800L);
        b.putLong(ArmGuestContext.TTBCR, 0x0000_0005_b519_3519L);
        b.putLong(ArmGuestContext.TTBR0, 0x4000_8000L);
        b.putLong(ArmGuestContext.TTBR1, 0x4000_9000L);
        return b;
    }

    @Test
    void theLayoutIsXensSize() {
        assertEquals(352, LAYOUT.size(), "sizeof(struct vcpu_guest_context) on arm64");
    }

    @Test
    void aLoadedContextRunsFromItsPcWithItsRegisters() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, ADD_X0_X0_1, MRS_X5_SP_EL0, MRS_X6_TCR, HVC_XEN);
            assertNull(LAYOUT.load(context(0x3c5).array(), m.vcpu), "EL1h with DAIF masked loads");
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10));
            assertEquals(0x101, m.vcpu.register(0), "x0 + 1");
            assertEquals(0x4000_1000L, m.vcpu.register(5), "sp_el0");
            assertEquals(0x0000_0005_b519_3519L, m.vcpu.register(6), "ttbcr became TCR_EL1");
            assertEquals(0x4000_2000L, m.vcpu.register(Arm64Registers.SP), "sp is sp_el1 in EL1h");
        }
    }

    @Test
    void storeMirrorsLoad() {
        try (TestMachine m = new TestMachine()) {
            byte[] in = context(0x6000_0004L).array();   // EL1t with Z and C
            assertNull(LAYOUT.load(in, m.vcpu));
            byte[] out = LAYOUT.store(m.vcpu);
            assertEquals(ByteBuffer.wrap(in).order(ByteOrder.LITTLE_ENDIAN), ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN),
                    "store() gives back the loaded bytes");
            assertEquals(0x4000_1000L, m.vcpu.register(Arm64Registers.SP), "sp is sp_el0 in EL1t");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cpsr AArch32 SVC,        cpsr,     0x1d3, AArch32",
        "cpsr AArch32 USR,        cpsr,     0x10,  AArch32",
        "cpsr EL2h,               cpsr,     0x9,   mode 9",
        "cpsr EL3h,               cpsr,     0xd,   mode 13",
        "cpsr EL1 with bad M[1],  cpsr,     0x6,   mode 6",
        "spsr_el1 EL2t,           spsr_el1, 0x8,   mode 8",
        "spsr_el1 AArch32,        spsr_el1, 0x13,  AArch32",
    })
    void contextsXenRefusesAreRefusedWithAReason(String name, String field, String psr, String reason) {
        try (TestMachine m = new TestMachine()) {
            ByteBuffer b = context(0x3c5);
            b.putLong(field.equals("cpsr") ? ArmGuestContext.CPSR : ArmGuestContext.SPSR_EL1, Long.decode(psr));
            String why = LAYOUT.load(b.array(), m.vcpu);
            assertNotNull(why, name + ": refused");
            assertTrue(why.contains(field) && why.contains(reason), name + ": expected a reason naming " + field
                    + " and '" + reason + "', got " + why);
            assertEquals(TestMachine.CODE, m.vcpu.pc(), name + ": the vCPU is untouched");
        }
    }

    @Test
    void aShortContextIsRefused() {
        try (TestMachine m = new TestMachine()) {
            assertNotNull(LAYOUT.load(new byte[100], m.vcpu), "100 bytes");
        }
    }
}
