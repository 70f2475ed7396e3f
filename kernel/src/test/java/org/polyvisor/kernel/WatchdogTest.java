package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.VcpuExit;

/** SCHEDOP_watchdog (create, ping, destroy, their errors), a watchdog coming due, and xl.cfg's on_watchdog. */
class WatchdogTest {
    @TempDir Path dir;
    private static final int SCHED_OP = 29;

    private static Consumer<ScriptedIsa.ScriptedVcpu> watchdog(long id, long timeout) {
        return v -> {
            v.memory.write(OP, 4, id);
            v.memory.write(OP + 4, 4, timeout);
        };
    }

    @Test
    void createPingAndDestroyFollowXensRules() throws Exception {
        List<HypercallTable.Case> cases = List.of(
            row("create, 100 s", 1, watchdog(0, 100), SCHED_OP, args(6, OP), "1"),
            row("create a second", 1, watchdog(0, 100), SCHED_OP, args(6, OP), "2"),
            row("a third: both are in use", 1, watchdog(0, 100), SCHED_OP, args(6, OP), "-28"),
            row("ping 1", 1, watchdog(1, 100), SCHED_OP, args(6, OP), "0"),
            row("destroy 2", 1, watchdog(2, 0), SCHED_OP, args(6, OP), "0"),
            row("ping 2 once destroyed", 1, watchdog(2, 100), SCHED_OP, args(6, OP), "-22"),
            row("ping 3: there is no such timer", 1, watchdog(3, 100), SCHED_OP, args(6, OP), "-22"),
            row("create reuses 2", 1, watchdog(0, 100), SCHED_OP, args(6, OP), "2"),
            row("destroy 1", 1, watchdog(1, 0), SCHED_OP, args(6, OP), "0"),
            row("destroy 2", 1, watchdog(2, 0), SCHED_OP, args(6, OP), "0"),
            row("from a wild pointer", 1, v -> { }, SCHED_OP, args(6, 0x7FFF_F000L), "-14"),
            row("the other domain has timers of its own", 2, watchdog(0, 100), SCHED_OP, args(6, OP), "1"));
        HypercallTable table = new HypercallTable(32, true, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            HypercallTable.domU(h, isa, dir, "one", 1);
            HypercallTable.domU(h, isa, dir, "two", 1);
            table.await(h);
        }
        table.check();
    }

    private Domain create(Hypervisor h, ScriptedIsa isa, String name, LifecycleAction onWatchdog) throws Exception {
        Path elf = dir.resolve(name + ".elf");
        Files.write(elf, isa.elf());
        return h.create(new DomainConfig(name, GuestType.PV, "scripted", elf, 4, 1, LifecycleAction.PRESERVE,
                LifecycleAction.PRESERVE, LifecycleAction.DESTROY, "", List.of()).withOnWatchdog(onWatchdog));
    }

    private static boolean await(Predicate<Hypervisor> c, Hypervisor h) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!c.test(h) && System.nanoTime() < deadline) Thread.sleep(5);
        return c.test(h);
    }

    /** A guest arms a 1 s watchdog and then sleeps (SCHEDOP_block) for ever: its on_watchdog action follows. */
    @Test
    void aWatchdogThatComesDueShutsTheDomainDownAndOnWatchdogActs() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    watchdog(0, 1).accept(v);
                    return v.hypercall(SCHED_OP, 6, OP);
                },
                v -> {
                    v.repeat();
                    return v.hypercall(SCHED_OP, 1);
                });
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Map<LifecycleAction, Domain> first = new java.util.EnumMap<>(LifecycleAction.class);
            for (LifecycleAction a : LifecycleAction.values()) first.put(a, create(h, isa, "wd-" + a.xlName(), a));
            record Outcome(LifecycleAction action, Predicate<Hypervisor> seen) { }
            List<Outcome> table = List.of(
                new Outcome(LifecycleAction.PRESERVE, x -> first.get(LifecycleAction.PRESERVE).state() == DomainState.SHUTDOWN
                        && first.get(LifecycleAction.PRESERVE).shutdownReason() == ShutdownReason.WATCHDOG),
                new Outcome(LifecycleAction.DESTROY, x -> first.get(LifecycleAction.DESTROY).state() == DomainState.DEAD
                        && x.find("wd-destroy").isEmpty()),
                new Outcome(LifecycleAction.RESTART, x -> x.find("wd-restart").filter(d -> d != first.get(LifecycleAction.RESTART)).isPresent()
                        && first.get(LifecycleAction.RESTART).state() == DomainState.DEAD),
                new Outcome(LifecycleAction.RENAME_RESTART, x -> x.find("wd-rename-restart").filter(d -> d != first.get(LifecycleAction.RENAME_RESTART)).isPresent()
                        && first.get(LifecycleAction.RENAME_RESTART).name().equals("wd-rename-restart--" + first.get(LifecycleAction.RENAME_RESTART).id())));
            for (Outcome o : table) assertTrue(await(o.seen(), h), "on_watchdog = " + o.action().xlName() + ": not seen; log " + h.log().lines());
            String preserved = "(XEN) preserving " + first.get(LifecycleAction.PRESERVE).describe() + " (on_watchdog = preserve)";
            assertTrue(await(x -> x.log().lines().contains(preserved), h), h.log().lines().toString());
            assertTrue(h.log().lines().stream().anyMatch(l -> l.startsWith("(XEN) watchdog timer fired for domain ")), h.log().lines().toString());
        }
    }

    @Test
    void shutdownWithSHUTDOWN_watchdogTakesOnWatchdogNotOnCrash() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(32, v -> {
            v.memory.write(OP, 4, ShutdownReason.WATCHDOG.code());
            return v.hypercall(SCHED_OP, 2, OP);
        });
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Domain d = create(h, isa, "dog", LifecycleAction.PRESERVE);
            assertEquals(ShutdownReason.WATCHDOG, d.ended().get(10, TimeUnit.SECONDS).reason());
            assertTrue(await(x -> x.log().lines().contains("(XEN) preserving " + d.describe() + " (on_watchdog = preserve)"), h),
                    "on_crash is destroy, on_watchdog preserve: " + h.log().lines());
            assertEquals(DomainState.SHUTDOWN, d.state());
        }
    }

    @Test
    void onWatchdogIsReadFromXlCfgAndDefaultsToDestroy() throws Exception {
        record Row(String line, LifecycleAction expected) { }
        for (Row r : List.of(new Row("", LifecycleAction.DESTROY), new Row("on_watchdog = \"preserve\"", LifecycleAction.PRESERVE),
                new Row("on_watchdog = \"rename-restart\"", LifecycleAction.RENAME_RESTART), new Row("on_watchdog = \"restart\"", LifecycleAction.RESTART))) {
            DomainConfig c = DomainConfig.parse("t.cfg", "name = \"x\"\nkernel = \"k.elf\"\n" + r.line() + "\n", dir);
            assertEquals(r.expected(), c.onWatchdog(), r.line());
            assertEquals(List.of(), c.warnings(), r.line());
        }
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.polyvisor.kernel.config.ConfigException.class,
                () -> DomainConfig.parse("t.cfg", "name = \"x\"\nkernel = \"k.elf\"\non_watchdog = \"explode\"\n", dir));
        assertTrue(e.getMessage().contains("on_watchdog = \"explode\" is not an action"), e.getMessage());
    }
}
