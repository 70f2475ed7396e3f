package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Conditional branches inside a block: a block runs on past a B.cond or CBZ that is not taken (the CMP and B.cond
 * before it fused) and leaves at one that is taken. Seen through the Vcpu interface, that must be exactly what one
 * instruction at a time does: the same PC after every single step, the same registers and counts whatever the budget
 * and wherever it ends (between the fused CMP and B.cond, right after a branch not taken...).
 */
class ConditionalExitTest {
    /**
     * loop: add x1, x1, #1; cmp x1, #3; b.eq done; cbz x5, done; add x2, x2, #1; b loop; done: hvc #0xea1 (Xen).
     * With x5 non-zero: two passes of six, then ADD, CMP, B.EQ taken and the HVC: 16 instructions.
     */
    private static final int[] LOOP = {0x91000421, 0xf1000c3f, 0x54000080, 0xb4000065, 0x91000442, 0x17fffffb, 0xd401d422};
    /** The PC before each of the 16 instructions, in slots of 4 bytes from CODE. */
    private static final int[] TRACE = {0, 1, 2, 3, 4, 5, 0, 1, 2, 3, 4, 5, 0, 1, 2, 6};
    private static final int RETIRED = 16;

    private static TestMachine machine(long x5) {
        TestMachine m = new TestMachine().code(CODE, LOOP);
        m.vcpu.setRegister(5, x5);
        return m;
    }

    @Test
    void singleStepsFollowTheInstructionTrace() {
        try (TestMachine m = machine(7)) {
            for (int k = 0; k + 1 < TRACE.length; k++) {
                assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1), "arm64 conditional exits, step " + k + ": exit");
                assertEquals("0x" + Long.toHexString(CODE + 4L * TRACE[k + 1]), "0x" + Long.toHexString(m.vcpu.pc()),
                        "arm64 conditional exits: PC after step " + k);
            }
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(1), "arm64 conditional exits: the last step is the HVC");
            assertEquals(RETIRED, m.vcpu.retired(), "arm64 conditional exits: retired");
        }
    }

    static IntStream budgets() { return IntStream.rangeClosed(1, RETIRED); }

    /** The first run stops after {@code budget} instructions, wherever in a block that is; the second finishes. */
    @ParameterizedTest(name = "first budget {0}")
    @MethodSource("budgets")
    void anyBudgetSplitEndsInTheSameState(int budget) {
        try (TestMachine m = machine(7)) {
            VcpuExit first = m.vcpu.run(budget);
            String name = "arm64 conditional exits, first budget " + budget;
            if (budget < RETIRED) {
                assertEquals(VcpuExit.BUDGET_SPENT, first, name + ": first exit");
                assertEquals(budget, m.vcpu.retired(), name + ": retired by the first run");
                assertEquals(CODE + 4L * TRACE[budget], m.vcpu.pc(), name + ": PC after the first run");
                assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), name + ": second exit");
            } else {
                assertEquals(VcpuExit.HYPERCALL, first, name + ": exit");
            }
            assertEquals(3, m.vcpu.register(1), name + ": x1");
            assertEquals(2, m.vcpu.register(2), name + ": x2 (the ADD after the branches ran twice)");
            assertEquals(RETIRED, m.vcpu.retired(), name + ": retired");
        }
    }

    /** CBZ taken in the middle of the block: nothing after it in the block runs. */
    @Test
    void takenBranchLeavesTheBlock() {
        try (TestMachine m = machine(0)) {
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), "arm64 CBZ taken mid-block: exit");
            assertEquals(1, m.vcpu.register(1), "arm64 CBZ taken mid-block: x1");
            assertEquals(0, m.vcpu.register(2), "arm64 CBZ taken mid-block: the ADD after it did not run");
            assertEquals(5, m.vcpu.retired(), "arm64 CBZ taken mid-block: retired");
        }
    }
}
