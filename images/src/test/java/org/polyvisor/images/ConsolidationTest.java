package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;

/** Consolidation: 200 small domains of all five ISAs created, run and destroyed in one JVM; every frame comes back. */
class ConsolidationTest {

    @Test
    void twoHundredMixedDomainsComeAndGoAndLeaveNoFrameBehind() throws Exception {
        // 200 x 16 MiB reserved at once; frames are backed only when touched, so the host's real use stays small.
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(4096), IsaCatalog.load())) {
            List<Domain> all = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                String isa = Guests.ISAS[i % Guests.ISAS.length];
                DomainConfig c = DomainConfig.read(Guests.config(isa, "hello"));
                all.add(h.create(c.withName("consolidated-" + i)));
            }
            long peakBacked = h.info().backedMemoryMiB();
            assertTrue(peakBacked < 800, "lazily backed: " + peakBacked + " MiB touched of 3200 MiB given");
            for (Domain d : all) {
                DomainEnd end = Guests.awaitEnd(d, 120);
                assertTrue(end.poweredOff(), end.message());
                assertTrue(d.console().toString().endsWith(String.format("checksum 0x%08x%n", Guests.expectedChecksum(d.isa().id()))),
                        d.describe() + ": " + d.console());
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!h.list().isEmpty() && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(List.of(), h.list());
            assertEquals(0, h.info().backedMemoryMiB(), "every machine frame is back with the host");
            assertEquals(h.info().totalMemoryMiB(), h.info().freeMemoryMiB());
        }
    }
}
