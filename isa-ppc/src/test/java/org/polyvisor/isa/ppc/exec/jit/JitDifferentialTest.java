package org.polyvisor.isa.ppc.exec.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.polyvisor.isa.ppc.PpcRegisters.CR;
import static org.polyvisor.isa.ppc.PpcRegisters.CTR;
import static org.polyvisor.isa.ppc.PpcRegisters.LR;
import static org.polyvisor.isa.ppc.PpcRegisters.PC;
import static org.polyvisor.isa.ppc.PpcRegisters.XER;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.polyvisor.isa.ppc.exec.PpcVcpu;

/**
 * The translating tier against the interpreter's single steps: for random programs of every translated form
 * ({@link PpcJitPrograms}), a vCPU with every block translated at its first entry runs each budget from 1 to past the
 * program's end in one call, and must end exactly where the interpreter does after that many single steps: all GPRs,
 * pc, CR, CTR, LR, XER, the retired count and the data page (plus the next page's first words).
 */
class JitDifferentialTest {
    private static final int PROGRAMS = 40;
    private static final int[] CHECKED = {PC, CR, CTR, LR, XER};

    /** One state of the interpreter: registers, retired count, data words. */
    private record Snapshot(long[] regs, long retired, long[] data) { }

    private static Snapshot snapshot(PpcVcpu v) {
        long[] regs = new long[32 + CHECKED.length];
        for (int r = 0; r < 32; r++) regs[r] = v.register(r);
        for (int i = 0; i < CHECKED.length; i++) regs[32 + i] = v.register(CHECKED[i]);
        long[] data = LongStream.range(0, 0x1010 / 4).map(k -> v.memory().read(PpcJitPrograms.DATA + 4 * k, 4)).toArray();
        return new Snapshot(regs, v.retired(), data);
    }

    @TestFactory
    List<DynamicTest> everyBudgetEndsWhereSingleStepsDo() {
        List<DynamicTest> tests = new ArrayList<>();
        for (long seed = 1; seed <= PROGRAMS; seed++) {
            long s = seed;
            tests.add(DynamicTest.dynamicTest("ppc jit program " + s, () -> check(s)));
        }
        return tests;
    }

    private static void check(long seed) {
        int[] code = PpcJitPrograms.program(seed);
        long spin = PpcJitPrograms.CODE + 4L * (code.length - 1);
        PpcVcpu reference = PpcJitPrograms.vcpu(code, seed, PpcJit.OFF);
        List<Snapshot> states = new ArrayList<>();
        states.add(snapshot(reference));
        while (reference.register(PC) != spin) {
            if (states.size() > 5000) fail("program " + seed + " does not reach its spin");
            reference.run(1);
            states.add(snapshot(reference));
        }
        long before = PpcJit.cache().stats().misses() + PpcJit.cache().stats().hits();
        for (int budget = 1; budget < states.size() + 2; budget++) {
            Snapshot want = budget < states.size() ? states.get(budget) : null;
            PpcVcpu v = PpcJitPrograms.vcpu(code, seed, 0);
            v.run(budget);
            Snapshot got = snapshot(v);
            if (want == null) {
                assertEquals(spin, v.register(PC), "program " + seed + ", budget " + budget + ": pc at the spin");
                continue;
            }
            String at = "program " + seed + ", budget " + budget;
            for (int r = 0; r < want.regs().length; r++) {
                String name = r < 32 ? "r" + r : "register " + CHECKED[r - 32];
                assertEquals(want.regs()[r], got.regs()[r], at + ": " + name);
            }
            assertEquals(want.retired(), got.retired(), at + ": retired");
            for (int k = 0; k < want.data().length; k++) {
                assertEquals(want.data()[k], got.data()[k], at + ": data word at 0x"
                        + Long.toHexString(PpcJitPrograms.DATA + 4L * k));
            }
        }
        assertTrue(PpcJit.cache().stats().misses() + PpcJit.cache().stats().hits() > before,
                "program " + seed + ": no block went through the translation cache");
    }
}
