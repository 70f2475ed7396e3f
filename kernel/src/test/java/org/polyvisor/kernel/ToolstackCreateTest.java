package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.console.HypervisorLog;
import org.polyvisor.kernel.control.ControlPlane;
import org.polyvisor.kernel.control.XsmPolicy;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainBuilder;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.kernel.domain.DomainTable;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.kernel.sched.SchedulerCatalog;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * The toolstack's create (xl create) goes through the domctl steps, each checked against the policy as its caller:
 * createdomain, max_mem, populate_physmap, the image and start_info through foreign mappings, vCPU 0's context, the
 * first unpause. No pCPU runs here: the domains are only built.
 */
class ToolstackCreateTest {
    @TempDir Path dir;
    private final ScriptedIsa isa = new ScriptedIsa(64, v -> VcpuExit.HALT);
    private final HypervisorLog log = new HypervisorLog();
    private final MachineMemory machine = new MachineMemory(64L << 20);
    private final DomainTable domains = new DomainTable(new DomainBuilder(IsaCatalog.of(isa), machine, log),
            SchedulerCatalog.create("credit"), log);
    private final ControlPlane control = new ControlPlane(domains, machine, "credit", 2, log);

    @AfterEach
    void close() { domains.close(); }

    private DomainConfig config(String name, GuestType type, int vcpus) throws Exception {
        Path elf = dir.resolve(name + ".elf");
        Files.write(elf, isa.elf());
        return new DomainConfig(name, type, "scripted", elf, 4, vcpus, LifecycleAction.DESTROY, LifecycleAction.RESTART,
                LifecycleAction.PRESERVE, "console=hvc0", List.of());
    }

    private String text(Domain d, long at, int n) {
        byte[] b = new byte[n];
        d.memory().readBytes(at, b, 0, n);
        return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Test
    void dom0sToolstackBuildsAPvDomainThroughTheDomctlSteps() throws Exception {
        Domain d = control.create(0, config("web", GuestType.PV, 2));
        List<String> lines = log.lines();
        int made = lines.indexOf("(XEN) created domain 1 (domain-1, scripted) through XEN_DOMCTL_createdomain: empty, paused, pv, 2 vCPUs");
        int sized = lines.indexOf("(XEN) domain 1 (web, scripted) has 1024 frames of guest-physical RAM (max_mem)");
        int running = lines.indexOf("(XEN) created domain 1 (web, scripted): pv, 4 MiB, 2 vCPUs");
        assertTrue(made >= 0 && sized > made && running > sized, "createdomain, then max_mem, then the start; log:\n" + String.join("\n", lines));
        assertEquals(DomainState.ACTIVE, d.state(), "state after the first unpause");
        // The image ends at 0x10040: start_info follows on the next page, as Xen's PV builder puts it.
        assertEquals(0x11000, d.startInfo(), "start_info");
        assertEquals(0x12000, d.sharedInfo(), "shared_info");
        assertEquals("xen-3.0-scripted", text(d, 0x11000, 16), "start_info's magic");
        assertEquals(1024 - 5, d.memory().read(0x11000 + 32, 8), "nr_pages (all but the grant frames)");
        assertEquals("domid=1 console=hvc0", text(d, 0x11000 + 128, 20), "cmd_line");
        assertEquals(1024, d.memory().currentReservation(), "every frame populated");
        var v0 = d.vcpus().get(0);
        assertEquals(List.of(0x10000L, 0x11000L, true, false), List.of(v0.vcpu().pc(), v0.vcpu().register(7), v0.up(), d.vcpus().get(1).up()),
                "vCPU 0 at the entry with start_info in r7; vCPU 1 down");
    }

    @Test
    void anHvmDomainGetsItsVcpusWithItsRamAndItsSpecialPagesAtTheTop() throws Exception {
        Domain d = control.create(0, config("box", GuestType.HVM, 2));
        long top = 4L << 20;
        assertEquals(top - (5 + 4) * 4096L, d.startInfo(), "start_info below the grant frames");
        assertEquals(List.of(2, GuestType.HVM), List.of(d.vcpus().size(), d.config().type()), "vCPUs and type");
        assertEquals(0x10000L, d.vcpus().get(0).vcpu().pc(), "vCPU 0's entry");
    }

    /** Each step is checked as its caller: a domain the policy lets create but not the next step ends with its build undone. */
    @ParameterizedTest(name = "tool may {0}")
    @CsvSource(delimiter = '|', value = {
        "createdomain|cannot create domain 'web': permission denied: domain 1 may not max_mem",
        "createdomain max_mem|cannot create domain 'web': permission denied: domain 1 may not populate_physmap for another domain",
        "*|cannot create domain 'web': permission denied: domain 1 may not populate_physmap for another domain"})
    void aStepTheCallerMayNotTakeEndsTheBuild(String ops, String message) throws Exception {
        control.create(0, config("tool", GuestType.PV, 1));
        control.setPolicy(XsmPolicy.parse("test", List.of("allow tool " + ops)));
        long reserved = machine.reservedFrames();
        DomainCreateException e = assertThrows(DomainCreateException.class, () -> control.create(1, config("web", GuestType.PV, 1)));
        assertEquals(message, e.getMessage(), "message");
        assertEquals(List.of(1), domains.all().stream().map(Domain::id).toList(), "the half-built domain is gone");
        assertEquals(reserved, machine.reservedFrames(), "its frames went back");
        assertTrue(log.lines().contains("(XEN) destroyed domain 2 (web, scripted): its build failed"), String.join("\n", log.lines()));
    }

    /**
     * XEN_DOMCTL_pausedomain/unpausedomain as dom0's domctls: pauses nest up to Xen's 255 (the 256th is -EOVERFLOW,
     * domain_pause_by_systemcontroller), each unpause undoes one, an unpause of a domain not paused is -EINVAL
     * (domain_unpause_by_systemcontroller), and a domain pausing itself is -EINVAL (do_domctl).
     */
    @Test
    void pausesNestAsXensControllerPauseCount() throws Exception {
        Domain d = control.create(0, config("web", GuestType.PV, 1));
        List<String> seen = new java.util.ArrayList<>();
        java.util.function.Consumer<String> note = what -> seen.add(what + " count=" + d.controllerPauses() + " " + d.state());
        for (int i = 0; i < 255; i++) assertEquals(0, control.pause(0, 1), "pause " + (i + 1));
        note.accept("255 pauses");
        seen.add("256th pause " + control.pause(0, 1));
        assertEquals(0, control.unpause(0, 1), "unpause 1");
        note.accept("one unpause");
        for (int i = 1; i < 255; i++) assertEquals(0, control.unpause(0, 1), "unpause " + (i + 1));
        note.accept("255 unpauses");
        seen.add("unpause of a running domain " + control.unpause(0, 1));
        control.create(0, config("tool", GuestType.PV, 1));
        control.setPolicy(XsmPolicy.parse("test", List.of("allow tool pausedomain")));
        seen.add("a domain pausing itself " + control.pause(2, 2));
        seen.add("a domU the policy names pausing another " + control.pause(2, 1));
        seen.add("a domU it does not name " + control.pause(1, 2));
        assertEquals(List.of("255 pauses count=255 PAUSED", "256th pause -75", "one unpause count=254 PAUSED", "255 unpauses count=0 ACTIVE",
                "unpause of a running domain -22", "a domain pausing itself -22", "a domU the policy names pausing another 0",
                "a domU it does not name -1"), seen);
    }

    @Test
    void aDomUWithoutCreatedomainIsRefusedBeforeAnything() throws Exception {
        control.create(0, config("tool", GuestType.PV, 1));
        var e = assertThrows(org.polyvisor.kernel.domain.DomainOpException.class, () -> control.create(1, config("web", GuestType.PV, 1)));
        assertEquals("permission denied: domain 1 may not createdomain", e.getMessage());
        assertEquals(1, domains.all().size(), "no domain made");
    }
}
