package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Branches whose target lies in the same block ({@link FastForm#link}: the runner goes on at the target without a
 * block lookup): a backward B.NE loop fused with its CMP, a forward CBZ and CBNZ inside the block, and an outer loop
 * that leaves the block and comes back. Whatever the budget of the first run, the second ends in the same state, and
 * the PC after the first run is the PC after as many single steps.
 */
class InBlockBranchTest {
    /**
     * l0: add x1, x1, #1; cmp x1, #5; b.ne l0; cbz x5, l5; add x2, x2, #1; l5: add x3, x3, #1; cbnz x3, l7;
     * l7: cmp x3, #3; b.lo l0b; hvc #0xea1; l0b: mov x1, xzr; b l0. Three outer passes of 20 (21 with x5 != 0)
     * instructions, two of them with the 2 after l0b, then the HVC.
     */
    private static final int[] PROGRAM = {0x91000421, 0xf100143f, 0x54ffffc1, 0xb4000045, 0x91000442, 0x91000463,
            0xb5000023, 0xf1000c7f, 0x54000043, 0xd401d422, 0xaa1f03e1, 0x17fffff5};

    static IntStream budgets() { return IntStream.rangeClosed(1, 68); }

    private static TestMachine machine(long x5) {
        TestMachine m = new TestMachine().code(CODE, PROGRAM);
        m.vcpu.setRegister(5, x5);
        return m;
    }

    /** The PCs after each single step, and the count to the HVC's exit. */
    private static List<Long> singleSteps(long x5) {
        List<Long> pcs = new ArrayList<>();
        try (TestMachine m = machine(x5)) {
            while (m.vcpu.run(1) == VcpuExit.BUDGET_SPENT) pcs.add(m.vcpu.pc());
        }
        return pcs;
    }

    @ParameterizedTest(name = "first budget {0}")
    @MethodSource("budgets")
    void anyBudgetSplitEndsInTheSameState(int budget) {
        for (long x5 : new long[] {0, 7}) {
            int retired = x5 == 0 ? 65 : 68;
            List<Long> steps = singleSteps(x5);
            String name = "arm64 in-block branches, x5 = " + x5 + ", first budget " + budget;
            assertEquals(retired - 1, steps.size(), name + ": single steps before the HVC");
            try (TestMachine m = machine(x5)) {
                VcpuExit first = m.vcpu.run(budget);
                if (budget < retired) {
                    assertEquals(VcpuExit.BUDGET_SPENT, first, name + ": first exit");
                    assertEquals(budget, m.vcpu.retired(), name + ": retired by the first run");
                    assertEquals("0x" + Long.toHexString(steps.get(budget - 1)), "0x" + Long.toHexString(m.vcpu.pc()),
                            name + ": PC after the first run");
                    assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(1000), name + ": second exit");
                } else {
                    assertEquals(VcpuExit.HYPERCALL, first, name + ": exit");
                }
                assertEquals(5, m.vcpu.register(1), name + ": x1");
                assertEquals(x5 == 0 ? 0 : 3, m.vcpu.register(2), name + ": x2 (the ADD the CBZ skips)");
                assertEquals(3, m.vcpu.register(3), name + ": x3");
                assertEquals(retired, m.vcpu.retired(), name + ": retired");
                assertEquals(CODE + 4 * 10, m.vcpu.pc(), name + ": PC after the HVC");
            }
        }
    }
}
