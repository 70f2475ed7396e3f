package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.BitSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.SchedulingConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/**
 * The credit scheduler as guests see it, in virtual time (instructions): CPU-bound domains share a pCPU by
 * weight, caps hold, pinning holds, and a blocked domain costs nothing.
 */
class CreditSchedulerTest {
    @TempDir Path dir;

    private static Hypervisor boot(ScriptedIsa isa, int pcpus) {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(pcpus).withHostMemoryMiB(64), IsaCatalog.of(isa));
    }

    /** Runs until the domains together have run {@code total} instructions; returns each one's share of them. */
    private static double[] shares(Domain[] ds, long total) throws InterruptedException {
        long[] start = new long[ds.length];
        for (int i = 0; i < ds.length; i++) start[i] = ds[i].instructions();
        long deadline = System.nanoTime() + 20_000_000_000L;
        long sum;
        long[] now = new long[ds.length];
        do {
            Thread.sleep(5);
            sum = 0;
            for (int i = 0; i < ds.length; i++) { now[i] = ds[i].instructions() - start[i]; sum += now[i]; }
        } while (sum < total && System.nanoTime() < deadline);
        double[] out = new double[ds.length];
        for (int i = 0; i < ds.length; i++) out[i] = (double) now[i] / sum;
        return out;
    }

    @Test
    void cpuBoundDomainsShareByWeight() throws Exception {
        ScriptedIsa spin = new ScriptedIsa(64);
        try (Hypervisor h = boot(spin, 1)) {
            Domain a = ScriptedDomains.create(h, spin, dir, "a", new SchedulingConfig(256, 0, null));
            Domain b = ScriptedDomains.create(h, spin, dir, "b", new SchedulingConfig(512, 0, null));
            Domain c = ScriptedDomains.create(h, spin, dir, "c", new SchedulingConfig(1024, 0, null));
            double[] s = shares(new Domain[] {a, b, c}, 60_000_000_000L);
            assertEquals(1 / 7.0, s[0], 0.05 / 7, "weight 256 of 1792");
            assertEquals(2 / 7.0, s[1], 0.10 / 7, "weight 512 of 1792");
            assertEquals(4 / 7.0, s[2], 0.20 / 7, "weight 1024 of 1792");
        }
    }

    @Test
    void aCapHoldsWhileOthersUseTheRest() throws Exception {
        ScriptedIsa spin = new ScriptedIsa(64);
        try (Hypervisor h = boot(spin, 1)) {
            Domain capped = ScriptedDomains.create(h, spin, dir, "capped", new SchedulingConfig(256, 25, null));
            Domain free = ScriptedDomains.create(h, spin, dir, "free", new SchedulingConfig(256, 0, null));
            double[] s = shares(new Domain[] {capped, free}, 60_000_000_000L);
            assertTrue(s[0] <= 0.25 * 1.05, "capped at 25% of the pCPU, got " + s[0]);
            assertTrue(s[0] >= 0.20, "but it does get its cap, got " + s[0]);
        }
    }

    @Test
    void pinnedVcpusRunOnlyWhereTheyArePinned() throws Exception {
        Set<String> where = ConcurrentHashMap.newKeySet();
        ScriptedIsa isa = new ScriptedIsa(64, v -> {
            if (v.domid() == 1) where.add(Thread.currentThread().getName());
            return VcpuExit.BUDGET_SPENT;
        });
        try (Hypervisor h = boot(isa, 2)) {
            BitSet one = new BitSet();
            one.set(1);
            Domain pinned = ScriptedDomains.create(h, isa, dir, "pinned", new SchedulingConfig(256, 0, one));
            ScriptedDomains.create(h, isa, dir, "other", SchedulingConfig.DEFAULT);
            shares(new Domain[] {pinned}, 3_000_000_000L);
            assertEquals(Set.of("pcpu-1"), where);
            assertTrue(pinned.vcpus().get(0).canRunOn(1) && !pinned.vcpus().get(0).canRunOn(0));
        }
    }

    @Test
    void aBlockedDomainCostsNothingAndTheBusyOneGetsEverything() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> v.domid() == 1 ? v.hypercall(29, 1) : VcpuExit.BUDGET_SPENT);
        try (Hypervisor h = boot(isa, 1)) {
            Domain idle = ScriptedDomains.create(h, isa, dir, "idle");
            Domain busy = ScriptedDomains.create(h, isa, dir, "busy");
            double[] s = shares(new Domain[] {idle, busy}, 30_000_000_000L);
            assertTrue(s[0] < 0.001, "a blocked domain runs nothing, got " + s[0]);
            assertEquals("-b----", idle.info().stateFlags());
        }
    }

    @Test
    void theRoundRobinSchedulerRemainsAndUnknownOnesAreRefused() throws Exception {
        ScriptedIsa spin = new ScriptedIsa(64);
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64).withScheduler("rr"), IsaCatalog.of(spin))) {
            assertEquals("rr", h.info().scheduler());
            Domain a = ScriptedDomains.create(h, spin, dir, "a");
            Domain b = ScriptedDomains.create(h, spin, dir, "b", new SchedulingConfig(4096, 0, null));
            double[] s = shares(new Domain[] {a, b}, 2_000_000_000L);
            assertEquals(0.5, s[0], 0.05, "round robin ignores weights");
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hypervisor.boot(HypervisorOptions.defaults().withScheduler("bvt"), IsaCatalog.of(spin)));
        assertEquals("no such scheduler: bvt; available: credit, rr", e.getMessage());
    }
}
