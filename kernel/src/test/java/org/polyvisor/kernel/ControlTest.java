package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.control.XsmPolicy;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.kernel.hypercall.Domctl;
import org.polyvisor.kernel.hypercall.Sysctl;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/** domctl and sysctl through one policy check: dom0 may, a domU gets -EPERM unless the policy names it. */
class ControlTest {
    @TempDir Path dir;
    private static final long OP = 0x30000;
    private final Map<String, Long> seen = new ConcurrentHashMap<>();

    private static VcpuExit domctl(ScriptedIsa.ScriptedVcpu v, int cmd, int dom, int version) {
        v.memory.writeBytes(OP, new byte[128], 0, 128);
        v.memory.write(OP, 4, cmd);
        v.memory.write(OP + 4, 4, version);
        v.memory.write(OP + 8, 2, dom);
        return v.hypercall(36, OP);
    }

    private VcpuExit note(ScriptedIsa.ScriptedVcpu v, String key) {
        seen.put(key + "@" + v.domid(), v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    /** Domain 1 is the target; domain 2 ("tool") tries to pause it and read its info. */
    private ScriptedIsa script() {
        return new ScriptedIsa(64,
                v -> v.domid() == 1 ? VcpuExit.HALT : domctl(v, Domctl.GETDOMAININFO, 1, Domctl.INTERFACE_VERSION),
                v -> {
                    seen.put("info.domain", v.memory.read(OP + 16, 2));
                    seen.put("info.maxpages", v.memory.read(OP + 16 + 16, 8));
                    seen.put("info.vcpus", v.memory.read(OP + 16 + 64, 4));
                    return note(v, "getdomaininfo");
                },
                v -> domctl(v, Domctl.PAUSE, 1, Domctl.INTERFACE_VERSION), v -> note(v, "pause"),
                v -> domctl(v, Domctl.PAUSE, 1, 0x0b), v -> note(v, "oldversion"),
                v -> domctl(v, Domctl.GETDOMAININFO, 77, Domctl.INTERFACE_VERSION), v -> note(v, "nosuch"),
                v -> {
                    v.memory.write(OP, 4, Sysctl.PHYSINFO);
                    v.memory.write(OP + 4, 4, Sysctl.INTERFACE_VERSION);
                    return v.hypercall(35, OP);
                },
                v -> {
                    seen.put("physinfo.nr_cpus", v.memory.read(OP + 8 + 8, 4));
                    return note(v, "physinfo");
                },
                v -> VcpuExit.HALT);
    }

    private void run(Hypervisor h, ScriptedIsa isa) throws Exception {
        Domain target = ScriptedDomains.create(h, isa, dir, "target");
        ScriptedDomains.create(h, isa, dir, "tool");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.containsKey("physinfo@2") && System.nanoTime() < deadline) Thread.sleep(2);
        assertEquals(1, target.id());
    }

    @Test
    void aDomUIsRefusedEveryControlOperation() throws Exception {
        ScriptedIsa isa = script();
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            run(h, isa);
            long eperm = -XenErrno.EPERM;
            assertEquals(eperm, seen.get("getdomaininfo@2"));
            assertEquals(eperm, seen.get("pause@2"));
            assertEquals((long) -XenErrno.EACCES, seen.get("oldversion@2"), "a wrong interface version is -EACCES");
            assertEquals(eperm, seen.get("physinfo@2"));
            assertEquals(DomainState.ACTIVE, h.domain("target").state());
        }
    }

    @Test
    void aPolicyGrantsANamedDomainNamedOperations() throws Exception {
        ScriptedIsa isa = script();
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            h.setPolicy(XsmPolicy.parse("p", List.of("# monitoring", "allow tool getdomaininfo physinfo pausedomain")));
            run(h, isa);
            assertEquals(0L, seen.get("getdomaininfo@2"));
            assertEquals(1L, seen.get("info.domain"));
            assertEquals(4L * 256, seen.get("info.maxpages"), "4 MiB of 4 KiB pages");
            assertEquals(1L, seen.get("info.vcpus"));
            assertEquals(0L, seen.get("pause@2"));
            assertEquals(DomainState.PAUSED, h.domain("target").state());
            assertEquals((long) -XenErrno.ESRCH, seen.get("nosuch@2"));
            assertEquals(0L, seen.get("physinfo@2"));
            assertEquals(2L, seen.get("physinfo.nr_cpus"));
        }
    }

    @Test
    void theToolstackActsAsDom0AndPolicyFilesAreChecked() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64);
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = ScriptedDomains.create(h, isa, dir, "guest");
            h.pause(d);
            assertEquals(DomainState.PAUSED, d.state());
        }
        XsmPolicy.PolicyException e = assertThrows(XsmPolicy.PolicyException.class,
                () -> XsmPolicy.parse("policy", List.of("allow tool getdomaininfo", "permit tool pausedomain")));
        assertEquals("policy:2: expected 'allow <domain-name> <op>...', found 'permit tool pausedomain'", e.getMessage());
        e = assertThrows(XsmPolicy.PolicyException.class, () -> XsmPolicy.parse("policy", List.of("allow tool reboot")));
        assertEquals("policy:1: unknown operation 'reboot' (known: createdomain, destroydomain, getdomaininfo, getdomaininfolist, "
                + "getvcpuaffinity, getvcpucontext, max_mem, max_vcpus, pausedomain, physinfo, readconsole, renamedomain, sched_id, "
                + "scheduler_op, setmemtarget, setvcpuaffinity, setvcpucontext, setvcpuonline, shutdowndomain, unpausedomain)",
                e.getMessage());
    }
}
