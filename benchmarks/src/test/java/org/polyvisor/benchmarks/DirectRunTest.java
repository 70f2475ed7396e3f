package org.polyvisor.benchmarks;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.images.GuestImages;

/** DirectRun ends a guest that does not power off with an error naming the ISA, the exit and the console so far. */
class DirectRunTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x86", "x86_64", "arm64", "ppc", "ia64"})
    void aCrashingGuestIsAnErrorWithItsConsole(String isa) throws Exception {
        byte[] crash = Files.readAllBytes(GuestImages.guestsFolder().orElseThrow().resolve(isa).resolve("crash.elf"));
        try (DirectRun run = new DirectRun(isa, crash, 16, "")) {
            IllegalStateException e = assertThrows(IllegalStateException.class, run::run, isa + ": crash.elf must not power off");
            assertTrue(e.getMessage().startsWith(isa + ": unexpected exit Fault"), isa + ": message was: " + e.getMessage());
            assertTrue(e.getMessage().contains("about to execute an undefined instruction"), isa + ": message was: " + e.getMessage());
        }
    }
}
