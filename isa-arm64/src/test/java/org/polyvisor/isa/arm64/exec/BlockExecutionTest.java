package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.GuestProgram;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Block-level execution seen through the Vcpu interface (guest: resources/blocks/program.S): whatever the runner
 * keeps in locals or caches per block, a store into the running block, a fault, the end of the budget, an interrupt
 * and a TLB invalidation all behave exactly as one instruction at a time would.
 */
class BlockExecutionTest {
    private static final GuestProgram PROGRAM = GuestProgram.load("/blocks/program.words");
    private static final long RAM = TestMachine.RAM;
    /** Instructions t_start retires before the test's first (ADR, MSR VBAR_EL1, BR). */
    private static final int START = 3;
    /** The vector handler: MOV, B, three MRS and the hypercall. */
    private static final int HANDLER = 6;
    private static final int MOV_X0_1 = 0xd2800020;   // mov x0, #1
    private static final int MOV_X0_2 = 0xd2800040;   // mov x0, #2
    private static final int RET = 0xd65f03c0;       // ret
    private static final long ESR_DABT_EXTERNAL_LOAD = 0x96000010L;   // EC 0x25, IL, DFSC synchronous external
    private static final int VECTOR_SYNC_SPX = 0x200, VECTOR_IRQ_SPX = 0x280;

    private static long at(String label) { return RAM + PROGRAM.offset(label); }

    private static TestMachine machine(String test) {
        TestMachine m = new TestMachine(256 * 1024);
        PROGRAM.writeTo(m.memory, RAM);
        m.vcpu.setRegister(24, at(test));
        m.vcpu.setPc(at("t_start"));
        return m;
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    @Test
    void storeIntoTheRunningBlockTakesEffectAtOnce() {
        try (TestMachine m = machine("t_smc")) {
            m.vcpu.setRegister(5, MOV_X0_2);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), "arm64 self-modifying block: exit");
            assertEquals(2, m.vcpu.register(0), "arm64 self-modifying block: the rewritten MOV ran, not the decoded one");
            assertEquals(3, m.vcpu.register(1), "arm64 self-modifying block: every ADD ran once");
            assertEquals(START + 7, m.vcpu.retired(), "arm64 self-modifying block: retired");
        }
    }

    /** The store rewrites the second instruction of the loop's block, after it ran: the next pass runs the new one. */
    @Test
    void storeIntoTheMiddleOfACachedBlockDropsIt() {
        int addX1 = 0x91000421, strW5X6 = 0xb90000c5, branchBack12 = 0x17fffffd;   // add x1, x1, #1; str w5, [x6]; b .-12
        try (TestMachine m = new TestMachine().code(TestMachine.CODE, addX1, MOV_X0_1, strW5X6, branchBack12)) {
            m.vcpu.setRegister(5, MOV_X0_2);
            m.vcpu.setRegister(6, TestMachine.CODE + 4);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(4));
            assertEquals(1, m.vcpu.register(0), "arm64 store into a cached block: first pass");
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(2));
            assertEquals(2, m.vcpu.register(0), "arm64 store into a cached block: second pass runs the new MOV");
            assertEquals(2, m.vcpu.register(1), "arm64 store into a cached block: the ADD ran twice");
        }
    }

    @Test
    void faultInTheMiddleOfABlockIsPrecise() {
        try (TestMachine m = machine("t_fault")) {
            m.vcpu.setRegister(4, 0x1000);
            // Up to and including the faulting load: the PC is at the vector, nothing after the load ran.
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(START + 3));
            assertEquals(hex(at("vectors") + VECTOR_SYNC_SPX), hex(m.vcpu.pc()), "arm64 fault mid-block: PC");
            assertEquals(1, m.vcpu.register(1), "arm64 fault mid-block: the first ADD retired");
            assertEquals(1, m.vcpu.register(2), "arm64 fault mid-block: the second ADD retired");
            assertEquals(0, m.vcpu.register(6), "arm64 fault mid-block: the ADD after the load did not run");
            assertEquals(0, m.vcpu.register(7), "arm64 fault mid-block: the second ADD after the load did not run");
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(hex(VECTOR_SYNC_SPX), hex(m.vcpu.register(9)), "arm64 fault mid-block: vector");
            assertEquals(hex(ESR_DABT_EXTERNAL_LOAD), hex(m.vcpu.register(3)), "arm64 fault mid-block: ESR_EL1");
            assertEquals(hex(at("t_fault_load")), hex(m.vcpu.register(4)), "arm64 fault mid-block: ELR_EL1");
            assertEquals(hex(0x1000), hex(m.vcpu.register(8)), "arm64 fault mid-block: FAR_EL1");
            assertEquals(0, m.vcpu.register(6), "arm64 fault mid-block: the handler does not return");
            assertEquals(START + 3 + HANDLER, m.vcpu.retired(), "arm64 fault mid-block: retired");
        }
    }

    @ParameterizedTest(name = "budget ends after {0} of the block's 8 additions")
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void budgetEndingInsideABlockIsExact(int inBlock) {
        try (TestMachine m = machine("t_straight")) {
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(START + inBlock));
            assertEquals(START + inBlock, m.vcpu.retired(), "arm64 budget mid-block: retired");
            assertEquals(inBlock, m.vcpu.register(1), "arm64 budget mid-block: additions done");
            assertEquals(hex(at("t_straight") + 4L * inBlock), hex(m.vcpu.pc()), "arm64 budget mid-block: PC");
            // The rest of the block runs from where the budget stopped, each addition once.
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(8, m.vcpu.register(1), "arm64 budget mid-block: additions after resuming");
            assertEquals(START + 9, m.vcpu.retired(), "arm64 budget mid-block: retired after resuming");
        }
    }

    @Test
    void pendingInterruptIsTakenRightAfterTheInstructionThatUnmasksIt() {
        try (TestMachine m = machine("t_unmask")) {
            m.vcpu.raiseInterrupt(27);   // pending, masked by PSTATE.I until the MSR DAIFClr
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(hex(VECTOR_IRQ_SPX), hex(m.vcpu.register(9)), "arm64 unmasked irq: vector");
            assertEquals(hex(at("t_after_unmask")), hex(m.vcpu.register(4)), "arm64 unmasked irq: ELR_EL1");
            assertEquals(1, m.vcpu.register(1), "arm64 unmasked irq: the ADD before the MSR ran");
            assertEquals(0, m.vcpu.register(2), "arm64 unmasked irq: the ADD after the MSR did not");
        }
    }

    /**
     * VA 0x80000000 is a 4K page whose PTE the guest points from one physical page to another, then invalidates the
     * TLB: the second call must run the code of the new page, although the old page's block is still cached.
     */
    @Test
    void codePageRemappedByTheGuestRunsTheNewCode() {
        long l1 = RAM + 0x10000, l2 = RAM + 0x11000, l3 = RAM + 0x12000, pageA = RAM + 0x20000, pageB = RAM + 0x21000;
        long va = 0x8000_0000L, valid = 3, block = 1, accessFlag = 1L << 10;
        try (TestMachine m = machine("t_remap")) {
            m.memory.write(l1 + 8, 8, RAM | block | accessFlag);   // VA 0x40000000: this RAM, EL1 read/write
            m.memory.write(l1 + 16, 8, l2 | valid);
            m.memory.write(l2, 8, l3 | valid);
            m.memory.write(l3, 8, pageA | valid | accessFlag);
            m.code(pageA, MOV_X0_1, RET).code(pageB, MOV_X0_2, RET);
            m.vcpu.setRegister(20, 25 | (1L << 23) | (5L << 32));   // T0SZ = 25, 4K granule, EPD1, 48-bit IPS
            m.vcpu.setRegister(21, l1);
            m.vcpu.setRegister(22, 0x30D0_0800L | 1);              // SCTLR_EL1.M
            m.vcpu.setRegister(5, va);
            m.vcpu.setRegister(7, pageB | valid | accessFlag);
            m.vcpu.setRegister(8, l3);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(200));
            assertEquals(1, m.vcpu.register(10), "arm64 remapped code page: first call ran page A");
            assertEquals(2, m.vcpu.register(0), "arm64 remapped code page: after TLBI the call ran page B");
        }
    }
}
