package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.domain.DomainState;

/**
 * Domains of all five ISAs at once on two pCPUs: each hello finishes, the crashing ones crash alone, and a
 * guest that never stops keeps running until it is destroyed, without holding the others back.
 */
class IsolationTest {

    @Test
    void fiveIsasSideBySideWithACrashAndAnEndlessLoop() throws Exception {
        try (Hypervisor h = Guests.hypervisor(2)) {
            List<Domain> spinners = new ArrayList<>();
            for (String isa : Guests.ISAS) spinners.add(h.create(DomainConfig.read(Guests.config(isa, "spin"))));
            List<Domain> hellos = new ArrayList<>(), crashes = new ArrayList<>();
            for (String isa : Guests.ISAS) {
                hellos.add(h.create(DomainConfig.read(Guests.config(isa, "hello"))));
                crashes.add(h.create(DomainConfig.read(Guests.config(isa, "crash"))));
            }
            for (Domain d : hellos) {
                DomainEnd end = Guests.awaitEnd(d, 180);
                assertTrue(end.poweredOff(), end.message());
                assertTrue(d.console().toString().contains("Hello from " + d.isa().id() + " domain " + d.id() + "\n"), d.describe());
            }
            for (Domain d : crashes) assertTrue(Guests.awaitEnd(d, 60).crashed(), d.describe());
            for (Domain s : spinners) {
                assertEquals(DomainState.ACTIVE, s.state(), s.describe() + " still runs");
                assertFalse(s.ended().isDone(), s.describe());
                long before = s.instructions();
                Thread.sleep(50);
                assertTrue(s.instructions() >= before, s.describe());
                h.destroy(s);
                assertEquals(DomainState.DEAD, s.state());
                assertTrue(h.find(String.valueOf(s.id())).isEmpty(), s.describe() + " is gone");
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (h.list().size() > 0 && System.nanoTime() < deadline) Thread.sleep(10);
            assertEquals(List.of(), h.list(), "powered-off and crashed domains are destroyed (on_poweroff/on_crash = destroy)");
            assertEquals(0, h.info().totalMemoryMiB() - h.info().freeMemoryMiB(), "all memory is back with the host");
        }
    }
}
