package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;
import static org.polyvisor.isa.arm64.TestMachine.MMIO;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64BootProtocol;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/** The vCPU contract beyond single instructions: memory faults, MMIO, budget, self-modifying code, state, boot. */
class VcpuBehaviourTest {
    private static final int LDR_X0_X2_8 = 0xf9400440;   // ldr x0, [x2, #8]
    private static final int STR_X1_X2_8 = 0xf9000441;   // str x1, [x2, #8]
    private static final int LDR_W0_X2 = 0xb9400040;     // ldr w0, [x2]
    private static final int LDRSB_X0_X2 = 0x39800040;   // ldrsb x0, [x2]
    private static final int STR_X1_X2_POST = 0xf81f0441; // str x1, [x2], #-16
    private static final int LDP_X0_X1_X2 = 0xa9410440;  // ldp x0, x1, [x2, #16]
    private static final int ADD_X1_1 = 0x91000421;      // add x1, x1, #1
    private static final int B_BACK = 0x17ffffff;        // b .-4
    private static final int MOV_X0_1 = 0xd2800020;      // mov x0, #1
    private static final int MOV_X0_2 = 0xd2800040;      // mov x0, #2
    private static final int STR_W5_X6 = 0xb90000c5;     // str w5, [x6]
    private static final int B_BACK_8 = 0x17fffffe;      // b .-8
    private static final int HVC_XEN = 0xd401d422;       // hvc #0xea1

    @Test
    void loadOutsideGuestMemoryFaults() {
        try (TestMachine m = new TestMachine().code(CODE, LDR_X0_X2_8)) {
            m.vcpu.setRegister(2, 0x1000);
            assertEquals(new VcpuExit.Fault("load outside guest memory at 0x1008", CODE), m.vcpu.run(10));
            assertEquals(CODE, m.vcpu.pc());
            assertEquals(0, m.vcpu.retired());
        }
    }

    @Test
    void storeOutsideGuestMemoryFaults() {
        try (TestMachine m = new TestMachine().code(CODE, STR_X1_X2_8)) {
            m.vcpu.setRegister(2, 0x80000000L);
            assertEquals(new VcpuExit.Fault("store outside guest memory at 0x80000008", CODE), m.vcpu.run(10));
        }
    }

    @Test
    void fetchOutsideGuestMemoryFaults() {
        try (TestMachine m = new TestMachine()) {
            m.vcpu.setPc(0x1000);
            assertEquals(new VcpuExit.Fault("fetch outside guest memory at 0x1000", 0x1000), m.vcpu.run(10));
            m.vcpu.setPc(MMIO);
            assertEquals(new VcpuExit.Fault("fetch outside guest memory at 0x9000000", MMIO), m.vcpu.run(10));
        }
    }

    @Test
    void misalignedPcFaults() {
        try (TestMachine m = new TestMachine().code(CODE, 0xd503201f)) {
            m.vcpu.setPc(CODE + 2);
            assertEquals(new VcpuExit.Fault("misaligned pc 0x40000002", CODE + 2), m.vcpu.run(10));
        }
    }

    @Test
    void mmioLoadExitsThenCompletesWithTheAnswer() {
        try (TestMachine m = new TestMachine().code(CODE, LDR_W0_X2, LDRSB_X0_X2)) {
            m.vcpu.setRegister(2, MMIO + 0x18);
            assertEquals(new VcpuExit.Mmio(MMIO + 0x18, 4, false, 0), m.vcpu.run(10));
            assertEquals(CODE, m.vcpu.pc(), "the load has not retired");
            assertEquals(0, m.vcpu.retired());
            m.vcpu.completeRead(0xffffffff12345678L);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1));
            assertEquals(0x12345678L, m.vcpu.register(0), "only the access size is taken");
            assertEquals(CODE + 4, m.vcpu.pc());
            // A sign-extending byte load from MMIO
            assertEquals(new VcpuExit.Mmio(MMIO + 0x18, 1, false, 0), m.vcpu.run(10));
            m.vcpu.completeRead(0x80);
            m.vcpu.run(1);
            assertEquals(-128, m.vcpu.register(0));
        }
    }

    @Test
    void mmioStoreExitsAfterTheInstructionCompletes() {
        try (TestMachine m = new TestMachine().code(CODE, STR_X1_X2_8, STR_X1_X2_POST)) {
            m.vcpu.setRegister(1, 0x1122334455667788L);
            m.vcpu.setRegister(2, MMIO);
            assertEquals(new VcpuExit.Mmio(MMIO + 8, 8, true, 0x1122334455667788L), m.vcpu.run(10));
            assertEquals(CODE + 4, m.vcpu.pc());
            assertEquals(1, m.vcpu.retired());
            m.vcpu.setRegister(2, MMIO + 0x20);
            assertEquals(new VcpuExit.Mmio(MMIO + 0x20, 8, true, 0x1122334455667788L), m.vcpu.run(10));
            assertEquals(MMIO + 0x10, m.vcpu.register(2), "post-index write-back happened");
        }
    }

    @Test
    void pairAccessToMmioFaults() {
        try (TestMachine m = new TestMachine().code(CODE, LDP_X0_X1_X2)) {
            m.vcpu.setRegister(2, MMIO);
            assertEquals(new VcpuExit.Fault("load/store pair to MMIO at 0x9000010", CODE), m.vcpu.run(10));
        }
    }

    @Test
    void budgetIsHonouredExactly() {
        try (TestMachine m = new TestMachine().code(CODE, ADD_X1_1, B_BACK)) {
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(7));
            assertEquals(7, m.vcpu.retired());
            assertEquals(4, m.vcpu.register(1));
            assertEquals(CODE + 4, m.vcpu.pc());
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(0));
            assertEquals(7, m.vcpu.retired());
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1000));
            assertEquals(1007, m.vcpu.retired());
        }
    }

    @Test
    void hypercallExitsWithPcPastTheInstructionAndCountsIt() {
        try (TestMachine m = new TestMachine().code(CODE, MOV_X0_1, HVC_XEN, MOV_X0_2)) {
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(CODE + 8, m.vcpu.pc());
            assertEquals(2, m.vcpu.retired());
            m.vcpu.setRegister(0, -38);   // the kernel's result, e.g. -ENOSYS
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1));
            assertEquals(2, m.vcpu.register(0));
        }
    }

    @Test
    void hvcAtEl0IsUndefined() {
        try (TestMachine m = new TestMachine().code(CODE, HVC_XEN)) {
            m.vcpu.setRegister(Arm64Registers.CPSR, 0x3c0);   // EL0t
            assertEquals(new VcpuExit.Fault("undefined instruction 0xd401d422", CODE), m.vcpu.run(1));
        }
    }

    @Test
    void storeOverExecutedCodeTakesEffect() {
        try (TestMachine m = new TestMachine().code(CODE, MOV_X0_1, STR_W5_X6, B_BACK_8)) {
            m.vcpu.setRegister(5, MOV_X0_2);
            m.vcpu.setRegister(6, CODE);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1));
            assertEquals(1, m.vcpu.register(0));
            // the store rewrites the instruction just executed (and cached); the branch goes back to it
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(3));
            assertEquals(2, m.vcpu.register(0), "the rewritten instruction ran");
        }
    }

    @Test
    void hostWriteAfterRestoreIsSeen() {
        try (TestMachine m = new TestMachine().code(CODE, MOV_X0_1)) {
            m.vcpu.run(1);
            VcpuState s = m.vcpu.save();
            m.code(CODE, MOV_X0_2);     // the kernel rewrites guest memory (e.g. a restore of RAM) ...
            m.vcpu.restore(s);          // ... and restores the vCPU, which drops its decoded pages
            m.vcpu.setPc(CODE);
            m.vcpu.run(1);
            assertEquals(2, m.vcpu.register(0));
        }
    }

    @Test
    void saveRestoreRoundTrip() {
        try (TestMachine a = new TestMachine(); TestMachine b = new TestMachine()) {
            for (int r = 0; r <= 30; r++) a.vcpu.setRegister(r, 0x1000L * r + r);
            a.vcpu.setRegister(Arm64Registers.SP, DATA + 0x800);
            a.vcpu.setRegister(Arm64Registers.CPSR, 0xa00003c5L);
            a.vcpu.setPc(CODE + 0x40);
            VcpuState saved = a.vcpu.save();
            assertEquals("arm64", saved.isa());
            assertEquals(34, saved.registers().size());
            b.vcpu.restore(saved);
            VcpuState again = b.vcpu.save();
            assertEquals(saved.isa(), again.isa());
            assertEquals(saved.registers(), again.registers());
            assertEquals(saved.extra().length, again.extra().length);
            assertEquals(0xa00003c5L, b.vcpu.register(Arm64Registers.CPSR));
            assertEquals(CODE + 0x40, b.vcpu.pc());
            assertEquals(0x1e01eL, b.vcpu.register(30));
        }
    }

    @Test
    void pvBootState() {
        try (TestMachine m = new TestMachine()) {
            m.vcpu.setRegister(5, 99);
            m.vcpu.setRegister(Arm64Registers.SP, 1234);
            new Arm64IsaProvider().bootProtocol().boot(m.vcpu,
                    new BootInfo(GuestType.PV, 0x40080000L, 0x40001000L, TestMachine.RAM, 64 * 1024, 0));
            Vcpu v = m.vcpu;
            assertEquals(0x40080000L, v.pc());
            assertEquals(0x40001000L, v.register(Arm64Registers.X0), "x0 = start_info");
            assertEquals(0x3c5, v.register(Arm64Registers.CPSR), "EL1h, DAIF masked, NZCV clear");
            assertEquals(Arm64BootProtocol.ENTRY_PSTATE, v.register(Arm64Registers.CPSR));
            assertEquals(0, v.register(5));
            assertEquals(0, v.register(Arm64Registers.SP));
            assertEquals(0x40001000L, v.translate(0x40001000L, false), "MMU off: virtual = physical");
            assertNotEquals(0x40001000L, v.register(1));
        }
    }

    @Test
    void hvmBootState() {
        try (TestMachine m = new TestMachine()) {
            new Arm64BootProtocol().boot(m.vcpu, new BootInfo(GuestType.HVM, 0x40080000L, 0, TestMachine.RAM, 64 * 1024, 0));
            assertEquals(0x40080000L, m.vcpu.pc());
            assertEquals(0, m.vcpu.register(Arm64Registers.X0));
            assertEquals(0x3c5, m.vcpu.register(Arm64Registers.CPSR));
        }
    }
}
