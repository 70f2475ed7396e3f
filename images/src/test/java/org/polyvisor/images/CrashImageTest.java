package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;

/** The broken variant crashes its domain with a message naming the ISA, the address and the reason. */
class CrashImageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x86", "x86_64", "arm64", "ia64", "ppc"})
    void undefinedInstructionCrashesTheDomainWithAPreciseMessage(String isa) throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            Domain d = h.create(DomainConfig.read(Guests.config(isa, "crash")));
            DomainEnd end = Guests.awaitEnd(d, 60);
            assertTrue(end.crashed(), isa + ": expected a crash, got " + end.message());
            String m = end.message();
            assertTrue(m.contains("domain " + d.id()) && m.contains(isa + ")"), isa + ": message names domain and ISA: " + m);
            assertTrue(m.contains("undefined instruction"), isa + ": message names the reason: " + m);
            assertTrue(m.matches(".* at pc 0x[0-9a-f]+$"), isa + ": message ends with the address: " + m);
            String golden = Files.readString(Guests.folder().resolve(isa).resolve("crash.golden"));
            assertEquals(golden, d.console().toString(), isa + ": console before the crash");
            assertTrue(h.log().lines().stream().anyMatch(l -> l.contains("crashed: undefined instruction")), isa + ": crash is logged");
        }
    }
}
