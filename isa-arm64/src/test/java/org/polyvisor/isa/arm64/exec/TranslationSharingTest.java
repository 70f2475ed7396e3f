package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.isa.arm64.exec.jit.Arm64Jit;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.jit.CodeKey;
import org.polyvisor.spi.exec.jit.TranslationCache;

/**
 * Translations are shared by content: a second domain running the same code finds every translation the first one
 * made, and a guest that rewrites a translated block runs the new instructions (its decoded block, and with it the
 * link to the old translation, is dropped; the old translation stays cached for code that still has those words).
 */
class TranslationSharingTest {
    /** Encodings from aarch64-linux-gnu-as. */
    private static final int MOV_X5_1 = 0xd2800025, MOV_X5_2 = 0xd2800045, ADD_X6_X6_X5 = 0x8b0500c6,
            RET = 0xd65f03c0, HVC_XEN = 0xd401d422, STR_W3_X4 = 0xb9000083;
    private final int saved = Arm64Jit.threshold();

    @BeforeEach
    void everyBlockTranslated() { Arm64Jit.setThreshold(0); }

    @AfterEach
    void restore() { Arm64Jit.setThreshold(saved); }

    @Test
    void aSecondDomainReusesTheFirstDomainsTranslations() {
        // movz x1, #<unique>; add x2, x2, #1; cmp x2, #10; b.ne -8; b +4; add x3, x3, #1; hvc: two blocks no other
        // test has (the second translated up to the HVC).
        int unique = (int) (System.nanoTime() & 0xFFFF);
        int[] program = {0xd2800001 | unique << 5, 0x91000442, 0xf100285f, 0x54ffffc1, 0x14000001, 0x91000463, HVC_XEN};
        TranslationCache<?> cache = Arm64Jit.cache();
        TranslationCache.Stats before = cache.stats();
        runToHypercall(program, "first domain");
        TranslationCache.Stats first = cache.stats();
        assertEquals(2, first.misses() - before.misses(), "translations made for the first domain");
        assertEquals(0, first.hits() - before.hits(), "translations found for the first domain");
        runToHypercall(program, "second domain");
        TranslationCache.Stats second = cache.stats();
        assertEquals(0, second.misses() - first.misses(), "translations made for the second domain");
        assertEquals(2, second.hits() - first.hits(), "translations found for the second domain");
    }

    private static void runToHypercall(int[] program, String name) {
        try (TestMachine m = new TestMachine().code(CODE, program)) {
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(1000), name + ": exit");
            assertEquals(10, m.vcpu.register(2), name + ": x2 after the loop");
            assertEquals(1 + 3 * 10 + 3, m.vcpu.retired(), name + ": retired");
        }
    }

    /**
     * bl f; str w3, [x4] (f's first instruction becomes MOV x5, #2); bl f; hvc; f: mov x5, #1; add x6, x6, x5; ret.
     * Every budget split gives x5 = 2 and x6 = 3.
     */
    @Test
    void aRewrittenBlockRunsItsNewInstructions() {
        int[] program = {0x94000004, STR_W3_X4, 0x94000002, HVC_XEN, MOV_X5_1, ADD_X6_X6_X5, RET};
        long f = CODE + 16;
        for (int budget = 1; budget <= 12; budget++) {
            String name = "arm64 rewritten translated block, first budget " + budget;
            try (TestMachine m = new TestMachine().code(CODE, program)) {
                m.vcpu.setRegister(3, MOV_X5_2 & 0xFFFF_FFFFL);
                m.vcpu.setRegister(4, f);
                VcpuExit exit = m.vcpu.run(budget);
                if (exit == VcpuExit.BUDGET_SPENT) exit = m.vcpu.run(1000);
                assertEquals(VcpuExit.HYPERCALL, exit, name + ": exit");
                assertEquals(2, m.vcpu.register(5), name + ": x5 from the rewritten MOV");
                assertEquals(3, m.vcpu.register(6), name + ": x6 = 1 + 2");
                assertEquals(10, m.vcpu.retired(), name + ": retired");
            }
        }
        assertNotNull(Arm64Jit.cache().peek(CodeKey.of(new int[] {MOV_X5_1, ADD_X6_X6_X5, RET}, 0)),
                "the old code's translation is still cached (its key is its content)");
        assertNotNull(Arm64Jit.cache().peek(CodeKey.of(new int[] {MOV_X5_2, ADD_X6_X6_X5, RET}, 0)),
                "the new code's translation");
    }
}
