package org.polyvisor.isa.ppc.exec.jit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.PC;
import static org.polyvisor.isa.ppc.exec.jit.PpcJitPrograms.CODE;
import static org.polyvisor.isa.ppc.exec.jit.PpcJitPrograms.b;
import static org.polyvisor.isa.ppc.exec.jit.PpcJitPrograms.bc;
import static org.polyvisor.isa.ppc.exec.jit.PpcJitPrograms.d;
import static org.polyvisor.isa.ppc.exec.jit.PpcJitPrograms.mtspr;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.exec.jit.TranslationCache;

/**
 * The shared translation cache across domains, and a block the guest rewrites after it was translated: a loop
 * (addi r3,r3,1; bdnz) runs three times, then the program stores addi r3,r3,100 over the loop's addi and runs the
 * loop twice more, so r3 must end 3 + 200 with the tier as without it.
 */
class TranslationSharingTest {
    private static final int LOOP = 4, DONE = 16;
    private static final int[] PROGRAM = {
            d(14, 3, 0, 0),                         // li r3,0
            d(14, 7, 0, 0),                         // li r7,0
            d(14, 4, 0, 3),                         // li r4,3
            mtspr(PpcJitPrograms.CTR, 4),           // mtctr r4
            d(14, 3, 3, 1),                         // loop: addi r3,r3,1
            bc(16, 0, -4, false),                   // bdnz loop
            d(11, 0, 7, 0),                         // cmpwi r7,0
            bc(4, 2, 4 * (DONE - 7), false),        // bne done
            d(14, 7, 0, 1),                         // li r7,1
            d(15, 5, 0, 0x3863),                    // lis r5,0x3863
            d(24, 5, 5, 100),                       // ori r5,r5,100: r5 = addi r3,r3,100
            d(14, 6, 0, (int) CODE + 4 * LOOP),     // li r6,loop
            d(36, 5, 6, 0),                         // stw r5,0(r6)
            d(14, 4, 0, 2),                         // li r4,2
            mtspr(PpcJitPrograms.CTR, 4),           // mtctr r4
            b(4 * (LOOP - 15), false),              // b loop
            PpcJitPrograms.SPIN,                    // done: b .
    };
    private static final long SPIN_AT = CODE + 4L * DONE;

    private static PpcVcpu runToSpin(int threshold) {
        PpcVcpu v = PpcJitPrograms.vcpu(PROGRAM, 7, threshold);
        for (int k = 0; k < 100 && v.register(PC) != SPIN_AT; k++) v.run(1 + k % 7);
        assertEquals(SPIN_AT, v.register(PC), "threshold " + threshold + ": the program reaches its spin");
        return v;
    }

    @Test
    void aRewrittenBlockRunsItsNewCode() {
        PpcVcpu reference = runToSpin(PpcJit.OFF), translated = runToSpin(0);
        assertEquals(203, reference.register(3), "interpreter: r3");
        assertEquals(203, translated.register(3), "translated: r3");
        assertEquals(reference.retired(), translated.retired(), "retired at the spin");
    }

    @Test
    void aSecondDomainReusesTheFirstsTranslations() {
        TranslationCache<TranslatedBlock> cache = PpcJit.cache();
        int[] code = PpcJitPrograms.program(4242);
        PpcJitPrograms.vcpu(code, 1, 0).run(400);
        TranslationCache.Stats first = cache.stats();
        PpcJitPrograms.vcpu(code, 1, 0).run(400);           // same data, its own memory
        TranslationCache.Stats second = cache.stats();
        assertEquals(first.size(), second.size(), "the second domain added no translation");
        assertTrue(second.hits() > first.hits(), "the second domain found the first's translations: " + second);
    }

    @Test
    void theThresholdCountsEntries() {
        // li r4,10; mtctr r4; loop: addi r3,r3,1; bdnz loop; b .  with threshold 3: the loop's block is translated
        // at its fourth entry, not before
        int[] code = {d(14, 4, 0, 10), mtspr(PpcJitPrograms.CTR, 4), d(14, 3, 3, 0x10), bc(16, 0, -4, false),
                PpcJitPrograms.SPIN};
        TranslationCache<TranslatedBlock> cache = PpcJit.cache();
        cache.clear();
        PpcVcpu v = PpcJitPrograms.vcpu(code, 1, 3);
        long r3 = v.register(3);
        v.run(4 + 2 * 3);
        assertEquals(0, cache.stats().misses() + cache.stats().hits(), "nothing translated after three entries");
        v.run(2);
        assertEquals(1, cache.stats().misses(), "translated at the fourth entry: " + cache.stats());
        v.run(100);
        assertEquals((r3 + 10 * 0x10) & 0xffff_ffffL, v.register(3) & 0xffff_ffffL, "r3 after ten passes");
    }
}
