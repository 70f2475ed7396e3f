package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;

/**
 * Every fully virtualised image, {@code images/guests/<isa>/hvm-<name>.cfg}, boots on its ISA's board, prints
 * exactly its {@code hvm-<name>.golden} on the console UART, and powers off with exit code 0 (a test device's
 * verdict) or, for boards without one, a plain power-off. Self-checking images print FAIL lines and end nonzero.
 */
class HvmImageTest {

    static Stream<String> images() throws IOException {
        return Guests.imagesWhere(n -> n.startsWith("hvm-"), false).stream();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("images")
    void bootsPrintsItsGoldenAndPasses(String image) throws Exception {
        Path cfg = Guests.folder().resolve(image + ".cfg");
        DomainConfig config = DomainConfig.read(cfg);
        try (Hypervisor h = Guests.hypervisor(Math.min(2, config.vcpus()))) {
            Domain d = h.create(config);
            DomainEnd end = Guests.awaitEnd(d, 120);
            String console = d.console().toString();
            assertTrue(end.poweredOff(), image + ": expected power-off, got " + end.message() + "\nconsole:\n" + console);
            Integer code = d.exitCode();
            assertTrue(code == null || code == 0, image + ": exit code " + code + "\nconsole:\n" + console);
            assertEquals(Files.readString(Guests.folder().resolve(image + ".golden")), console, image + ": console differs from its golden");
        }
    }
}
