package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.domain.DomainOpException;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.VcpuExit;

/** create, pause, unpause, shutdown, crash, destroy and the on_* actions, as the toolstack sees them. */
class LifecycleTest {
    @TempDir Path dir;

    private static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.getAsBoolean() && System.nanoTime() < deadline) Thread.sleep(2);
        assertTrue(c.getAsBoolean(), "condition not reached in 10 s");
    }

    @Test
    void pauseStopsTheGuestAndUnpauseResumesIt() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64);
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Domain d = ScriptedDomains.create(h, isa, dir, "spin");
            await(() -> d.instructions() > 0);
            h.pause(d);
            await(() -> !d.vcpus().get(0).onCpu());
            assertEquals("--p---", d.info().stateFlags());
            long frozen = d.instructions();
            Thread.sleep(30);
            assertEquals(frozen, d.instructions(), "a paused domain runs nothing");
            h.pause(d);                                      // pauses nest (Xen's controller pause count)
            assertEquals(2, d.controllerPauses(), "two pauses");
            h.unpause(d);
            Thread.sleep(30);
            assertEquals(List.of(frozen, "--p---"), List.of(d.instructions(), d.info().stateFlags()), "one unpause of two: still paused");
            h.unpause(d);
            await(() -> d.instructions() > frozen);
            assertEquals("r-----", d.info().stateFlags());
            DomainOpException e = assertThrows(DomainOpException.class, () -> h.unpause(d));
            assertEquals("domain 1 (spin, scripted) is not paused (it is active)", e.getMessage(), "unpause of a running domain");
        }
    }

    @Test
    void aFaultCrashesOnlyItsDomainAndOnCrashPreserveKeepsIt() throws Exception {
        ScriptedIsa bad = new ScriptedIsa(64,
                v -> v.domid() == 2 ? new VcpuExit.Fault("undefined instruction 0xdeadbeef", 0x10040) : VcpuExit.BUDGET_SPENT);
        try (Hypervisor h = ScriptedDomains.boot(bad)) {
            Domain spinner = ScriptedDomains.create(h, bad, dir, "spinner");
            Domain d = ScriptedDomains.create(h, bad, dir, "bad", LifecycleAction.PRESERVE);
            DomainEnd end = d.ended().get(10, TimeUnit.SECONDS);
            assertTrue(end.crashed());
            assertEquals("domain 2 (bad, scripted) crashed: undefined instruction 0xdeadbeef at pc 0x10040", end.message());
            Thread.sleep(20);
            assertEquals(DomainState.CRASHED, d.state());
            assertEquals("----c-", d.info().stateFlags());
            long before = spinner.instructions();
            await(() -> spinner.instructions() > before);
            assertEquals(DomainState.ACTIVE, spinner.state());
        }
    }

    @Test
    void aBackendExceptionCrashesTheDomainNotTheHypervisor() throws Exception {
        ScriptedIsa buggy = new ScriptedIsa(64, v -> {
            if (v.domid() == 1) throw new ArrayIndexOutOfBoundsException("bug in the backend");
            return VcpuExit.BUDGET_SPENT;
        });
        try (Hypervisor h = ScriptedDomains.boot(buggy)) {
            Domain d = ScriptedDomains.create(h, buggy, dir, "buggy", LifecycleAction.DESTROY);
            DomainEnd end = d.ended().get(10, TimeUnit.SECONDS);
            assertTrue(end.crashed());
            assertTrue(end.message().contains("internal error in the scripted backend"), end.message());
            await(() -> h.list().isEmpty());
            Domain again = ScriptedDomains.create(h, buggy, dir, "after");
            await(() -> again.instructions() > 0);
        }
    }

    @Test
    void onCrashRestartBuildsTheDomainAgainWithANewId() throws Exception {
        ScriptedIsa bad = new ScriptedIsa(64, v -> v.domid() == 1 ? new VcpuExit.Fault("boom", 0) : VcpuExit.BUDGET_SPENT);
        try (Hypervisor h = ScriptedDomains.boot(bad)) {
            Domain d = ScriptedDomains.create(h, bad, dir, "phoenix", LifecycleAction.RESTART);
            assertTrue(d.ended().get(10, TimeUnit.SECONDS).crashed());
            await(() -> h.find("phoenix").filter(n -> n.id() != d.id()).isPresent());
            await(() -> h.log().lines().stream().anyMatch(l -> l.contains("restarted 'phoenix' as domain 2")));
            h.destroy(h.domain("phoenix"));
        }
    }

    @Test
    void aCrashLoopingDomainIsRestartedOnlyFiveTimes() throws Exception {
        ScriptedIsa bad = new ScriptedIsa(64, v -> new VcpuExit.Fault("boom", 0));
        try (Hypervisor h = ScriptedDomains.boot(bad)) {
            ScriptedDomains.create(h, bad, dir, "looper", LifecycleAction.RESTART);
            await(() -> h.log().lines().stream().anyMatch(l -> l.contains("not restarting 'looper'")));
            await(() -> h.list().isEmpty());
            assertEquals(5, h.log().lines().stream().filter(l -> l.contains("restarted 'looper' as domain")).count());
            assertEquals(6, h.log().lines().stream().filter(l -> l.contains("(looper, scripted) crashed: boom")).count());
        }
    }

    @Test
    void destroyEndsAGuestThatNeverStopsAndGivesItsMemoryBack() throws Exception {
        ScriptedIsa spin = new ScriptedIsa(64, v -> { v.memory.write(0x100000, 8, 42); return VcpuExit.BUDGET_SPENT; });
        try (Hypervisor h = ScriptedDomains.boot(spin)) {
            Domain d = ScriptedDomains.create(h, spin, dir, "spin");
            await(() -> d.instructions() > 1000);
            assertTrue(h.info().freeMemoryMiB() < h.info().totalMemoryMiB());
            h.destroy(d);
            assertEquals(DomainState.DEAD, d.state());
            assertEquals(h.info().totalMemoryMiB(), h.info().freeMemoryMiB());
            assertFalse(h.find("spin").isPresent());
            assertEquals(null, d.ended().get().reason(), "destroyed, not shut down");
        }
    }

    @Test
    void shutdownFromTheToolstackAppliesOnPoweroff() throws Exception {
        ScriptedIsa spin = new ScriptedIsa(64);
        try (Hypervisor h = ScriptedDomains.boot(spin)) {
            Domain d = ScriptedDomains.create(h, spin, dir, "spin");
            h.shutdown(d, ShutdownReason.POWEROFF);
            assertTrue(d.ended().get(5, TimeUnit.SECONDS).poweredOff());
            await(() -> d.state() == DomainState.DEAD);
        }
    }

    @Test
    void dom0IsPrivilegedAndCannotBeDestroyed() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> v.hypercall(18, 1, 0, 0), v -> v.result() == 0 ? VcpuExit.HALT : new VcpuExit.Fault("read refused", 0));
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa),
                "scripted", "dom0.elf", isa.elf())) {
            Domain dom0 = h.domain("Domain-0");
            assertTrue(dom0.privileged());
            await(() -> dom0.info().stateFlags().equals("-b----"));
            assertThrows(DomainOpException.class, () -> h.destroy(dom0));
            assertThrows(DomainOpException.class, () -> h.domain("nosuch"));
        }
    }

    @Test
    void twoDomainsCannotShareAName() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64);
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            ScriptedDomains.create(h, isa, dir, "one");
            Exception e = assertThrows(Exception.class, () -> ScriptedDomains.create(h, isa, dir, "one"));
            assertEquals("cannot create domain 'one': a domain of that name exists (domain 1)", e.getMessage());
        }
    }
}
