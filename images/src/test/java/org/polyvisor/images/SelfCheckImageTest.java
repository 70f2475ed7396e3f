package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;

/**
 * Every other paravirtualised image with a golden ({@code images/guests/<isa>/<name>.cfg} and {@code .golden}) boots on
 * the kernel, prints exactly its golden and powers off. These are the self-checking images (PASS/FAIL lines and a
 * summary); hello, crash and dom0 have tests of their own, hvm-* images {@link HvmImageTest}, and split-* pairs and
 * bench-* workloads theirs.
 */
class SelfCheckImageTest {
    private static final Set<String> OWN_TESTS = Set.of("hello", "crash", "dom0", "spin");

    static Stream<String> images() throws IOException {
        return Guests.imagesWhere(n -> !OWN_TESTS.contains(n) && !n.startsWith("hvm-") && !n.startsWith("split-") && !n.startsWith("bench-"), true).stream();
    }

    @ParameterizedTest(name = "{0}", allowZeroInvocations = true)
    @MethodSource("images")
    void printsItsGoldenAndPowersOff(String image) throws Exception {
        DomainConfig config = DomainConfig.read(Guests.folder().resolve(image + ".cfg"));
        try (Hypervisor h = Guests.hypervisor(Math.min(2, config.vcpus()))) {
            Domain d = h.create(config);
            DomainEnd end = Guests.awaitEnd(d, 120);
            String console = d.console().toString();
            assertTrue(end.poweredOff(), image + ": expected power-off, got " + end.message() + "\nconsole:\n" + console);
            assertEquals(Files.readString(Guests.folder().resolve(image + ".golden")), console, image + ": console differs from its golden");
        }
    }
}
