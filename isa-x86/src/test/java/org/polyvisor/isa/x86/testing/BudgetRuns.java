package org.polyvisor.isa.x86.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.function.Supplier;
import org.polyvisor.spi.VcpuExit;

/**
 * Runs a {@link Machine}'s program in budgets and compares with single-stepping: the block runner must stop exactly
 * where the interpreter does, whatever the budget (x86 and x86_64 block-execution tests).
 */
public final class BudgetRuns {
    private BudgetRuns() { }

    /** Runs {@code m} to HALT with budgets of {@code step} instructions; returns the exits' count. */
    public static int runToHalt(Machine m, int step, String what) {
        for (int runs = 1; runs <= 10_000; runs++) {
            VcpuExit e = m.cpu.run(step);
            if (e == VcpuExit.HALT) return runs;
            assertSame(VcpuExit.BUDGET_SPENT, e, what + ": exit after " + m.cpu.retired() + " instructions");
        }
        throw new AssertionError(what + ": no HLT in 10,000 runs");
    }

    /** Runs the machine {@code boot} makes in whole runs and one instruction at a time: same state, same count. */
    public static Machine sameBothWays(String what, Supplier<Machine> boot) {
        Machine stepped = boot.get();
        runToHalt(stepped, 1, what + " (one instruction a run)");
        Machine whole = boot.get();
        runToHalt(whole, 1000, what + " (whole runs)");
        assertEquals(stepped.cpu.retired(), whole.cpu.retired(), what + ": retired");
        Map<String, Long> a = stepped.cpu.save().registers(), b = whole.cpu.save().registers();
        for (String name : a.keySet()) assertEquals(a.get(name), b.get(name), what + ": register " + name);
        stepped.close();
        return whole;
    }

    /**
     * Runs the program with every budget from 1 to its length (to the HLT), each on a fresh machine, and compares where
     * the run stopped with single-stepping as far: retired count, every register (the flags too), the data at 0x3000,
     * the quads at {@code alsoQuads} (e.g. data in the program's own code page) and the top of the stack.
     */
    public static void everyBudget(String what, Supplier<Machine> boot, long... alsoQuads) {
        Machine probe = boot.get();
        runToHalt(probe, 1, what + " (counting)");
        int total = (int) probe.cpu.retired();
        probe.close();
        for (int budget = 1; budget <= total; budget++) {
            try (Machine whole = boot.get(); Machine stepped = boot.get()) {
                VcpuExit e = whole.cpu.run(budget);
                assertSame(budget == total ? VcpuExit.HALT : VcpuExit.BUDGET_SPENT, e, what + ": exit at budget " + budget);
                for (int i = 0; i < budget; i++) stepped.cpu.run(1);
                assertEquals(budget, whole.cpu.retired(), what + ": retired at budget " + budget);
                Map<String, Long> a = stepped.cpu.save().registers(), b = whole.cpu.save().registers();
                for (String name : a.keySet()) assertEquals(a.get(name), b.get(name), what + ": " + name + " at budget " + budget);
                for (long at = 0x3000; at < 0x3100; at += 8)
                    assertEquals(stepped.memory.read(at, 8), whole.memory.read(at, 8), what + ": m64[0x" + Long.toHexString(at) + "] at budget " + budget);
                for (long at : alsoQuads)
                    assertEquals(stepped.memory.read(at, 8), whole.memory.read(at, 8), what + ": the quad at 0x" + Long.toHexString(at) + " at budget " + budget);
                for (long at = Machine.STACK - 0x40; at < Machine.STACK; at += 8)
                    assertEquals(stepped.memory.read(at, 8), whole.memory.read(at, 8), what + ": stack at 0x" + Long.toHexString(at) + " at budget " + budget);
            }
        }
    }
}
