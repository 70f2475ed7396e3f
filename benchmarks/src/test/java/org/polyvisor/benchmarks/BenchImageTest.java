package org.polyvisor.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.isa.IsaCatalog;

/**
 * Every ISA's benchmark image, run with a tiny workload, prints the checksum that the workload's native build
 * printed for the same arguments (committed in bench-expected.txt): once as the benchmark runs it (DirectRun on
 * the test thread) and once as an ordinary domain of the hypervisor, from its own config.
 */
class BenchImageTest {

    static Stream<Arguments> cases() throws IOException {
        return expected().lines().filter(l -> !l.isBlank() && !l.startsWith("#")).flatMap(line -> {
            int cut = line.lastIndexOf(' ');
            String arguments = line.substring(0, cut), checksum = line.substring(cut + 1);
            return BenchImages.ISAS.stream().map(isa -> Arguments.of(isa, arguments, checksum));
        });
    }

    private static String expected() throws IOException {
        try (InputStream in = BenchImageTest.class.getResourceAsStream("bench-expected.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String console(String arguments, String checksum) {
        return "bench " + arguments + "\nchecksum " + checksum + "\n";
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void directRunPrintsTheNativeChecksum(String isa, String arguments, String checksum) throws Exception {
        try (DirectRun run = new DirectRun(isa, BenchImages.kernel(isa), BenchImages.MEMORY_MIB, arguments)) {
            DirectRun.Result r = run.run();
            assertEquals(console(arguments, checksum), r.console(), isa + " " + arguments + ": console");
            assertTrue(r.retired() > 100_000, isa + ": only " + r.retired() + " instructions retired");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("cases")
    void domainOfTheHypervisorPrintsTheNativeChecksum(String isa, String arguments, String checksum) throws Exception {
        Path folder = GuestImages.guestsFolder().orElseThrow().resolve(isa);
        String cfg = Files.readString(folder.resolve("bench-sort.cfg")).replaceAll("(?m)^cmdline = .*$", "cmdline = \"" + arguments + "\"");
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(256), IsaCatalog.load())) {
            Domain d = h.create(DomainConfig.parse(folder.resolve("bench-sort.cfg").toString(), cfg, folder));
            DomainEnd end = d.ended().get(60, TimeUnit.SECONDS);
            String console = d.console().toString();
            assertTrue(end.poweredOff(), isa + ": expected poweroff, got " + end.message() + "\nconsole:\n" + console);
            assertEquals(console(arguments, checksum), console, isa + " " + arguments + ": console");
        }
    }
}
