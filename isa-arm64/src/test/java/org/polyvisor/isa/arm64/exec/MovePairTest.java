package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Register moves fused in pairs ({@link FastForm#MOV_MOV}): a run of four moves, each reading the one before it,
 * ends in the same state whatever the budget and wherever it splits a pair, and W moves zero-extend.
 */
class MovePairTest {
    /** mov w5, w0; mov x7, x8; mov w0, w2; mov x1, x0; hvc #0xea1. */
    private static final int[] MOVES = {0x2a0003e5, 0xaa0803e7, 0x2a0203e0, 0xaa0003e1, 0xd401d422};

    @ParameterizedTest(name = "first budget {0}")
    @ValueSource(ints = {1, 2, 3, 4, 5, 100})
    void anyBudgetSplitEndsInTheSameState(int budget) {
        try (TestMachine m = new TestMachine().code(CODE, MOVES)) {
            m.vcpu.setRegister(0, 0xFFFF_FFFF_1234_5678L);
            m.vcpu.setRegister(2, 0xAAAA_BBBB_CCCC_DDDDL);
            m.vcpu.setRegister(8, 0x1122_3344_5566_7788L);
            String name = "arm64 move pairs, first budget " + budget;
            VcpuExit first = m.vcpu.run(budget);
            if (budget < MOVES.length) {
                assertEquals(VcpuExit.BUDGET_SPENT, first, name + ": first exit");
                assertEquals(CODE + 4L * budget, m.vcpu.pc(), name + ": PC after the first run");
                assertEquals(budget, m.vcpu.retired(), name + ": retired by the first run");
                assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), name + ": second exit");
            } else {
                assertEquals(VcpuExit.HYPERCALL, first, name + ": exit");
            }
            assertEquals(0x1234_5678L, m.vcpu.register(5), name + ": x5 = w0, zero-extended");
            assertEquals(0x1122_3344_5566_7788L, m.vcpu.register(7), name + ": x7 = x8");
            assertEquals(0xCCCC_DDDDL, m.vcpu.register(0), name + ": x0 = w2, zero-extended");
            assertEquals(0xCCCC_DDDDL, m.vcpu.register(1), name + ": x1 = the new x0");
            assertEquals(MOVES.length, m.vcpu.retired(), name + ": retired");
        }
    }
}
