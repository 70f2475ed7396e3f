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

/** Every ISA's hello image boots as domain 1, prints its greeting and the checksum, and powers off. */
class HelloImageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x86", "x86_64", "arm64", "ia64", "ppc"})
    void helloPrintsGreetingAndChecksumThenPowersOff(String isa) throws Exception {
        try (Hypervisor h = Guests.hypervisor(1)) {
            Domain d = h.create(DomainConfig.read(Guests.config(isa, "hello")));
            assertEquals(1, d.id());
            DomainEnd end = Guests.awaitEnd(d, 120);
            String console = d.console().toString();
            assertTrue(end.poweredOff(), isa + ": expected poweroff, got " + end.message() + "\nconsole:\n" + console);
            String golden = Files.readString(Guests.folder().resolve(isa).resolve("hello.golden"));
            assertEquals(golden, console, isa + ": console differs from hello.golden");
            assertEquals("Hello from " + isa + " domain 1", console.lines().findFirst().orElse(""), isa);
            String checksum = String.format("checksum 0x%08x", Guests.expectedChecksum(isa));
            assertTrue(console.contains(checksum + "\n"), isa + ": expected '" + checksum + "' in:\n" + console);
            assertTrue(d.instructions() > 10_000 * 4, isa + ": the loop cannot have run in " + d.instructions() + " instructions");
        }
    }
}
