package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.ProtectedModeTest.le32;
import static org.polyvisor.isa.x86.testing.PagingAccess.TABLES;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.PagingAccess.Model;
import org.polyvisor.spi.VcpuExit;

/**
 * INVLPG of any address in a large page drops every translation of that page (SDM Vol. 3, 4.10.4.1), though the
 * software TLB holds them as 4 KiB entries: a load through a 4 MiB (32-bit PSE) or 2 MiB (PAE) page at VA 4 MiB
 * fills the TLB, the test then clears the PDE, a second load still uses the stale translation, INVLPG of another
 * address in the large page (its base, or its last byte) drops it, and the third load is a #PF for the first one's
 * address.
 */
class LargePageInvlpgTest {
    static final long VA = 0x40_7000;

    @ParameterizedTest(name = "{0}: invlpg 0x{2}")
    @CsvSource({"BITS32, 4, 400000", "BITS32, 4, 7fffff", "PAE, 4112, 400000", "PAE, 4112, 5fffff"})
    void invlpgOfALargePageDropsAllItsTranslations(Model model, long pdeOffset, String invlpgHex) {
        long pde = TABLES + pdeOffset, at = Long.parseLong(invlpgHex, 16);
        String what = "x86 " + model + " invlpg 0x" + invlpgHex;
        // mov $VA,%eax; mov (%eax),%ebx; nop; mov (%eax),%ecx; invlpg at; mov (%eax),%edx; hlt
        String code = "b8" + le32(VA) + "8b18" + "90" + "8b08" + "0f013d" + le32(at) + "8b10" + "f4";
        try (Machine m = PagingTest.boot(model, code, t -> t.memory.write(pde, model == Model.PAE ? 8 : 4, 0x83))) {
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 11 + 2), what + ": up to the first load");
            m.memory.write(pde, model == Model.PAE ? 8 : 4, 0);
            assertSame(VcpuExit.HALT, m.cpu.run(100), what);
            m.expect(what, "ebx=0xdeadbeef ecx=0xdeadbeef eip=" + (handler(14) + 1) + " cr2=" + VA);
            assertEquals(0, m.memory.read(m.cpu.register(m.reg("esp")), 4), what + ": #PF error code (not present)");
        }
    }
}
