package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/** vcpu_op on a two-vCPU domain: is_up, up of a never-initialised vCPU, runstate, down. */
class VcpuOpTest {
    @TempDir Path dir;
    private static final long OP = 0x30000;
    private final List<Long> results = new CopyOnWriteArrayList<>();

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v) {
        results.add(v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    @Test
    void secondaryVcpusStayDownUntilInitialisedAndRunstateIsReported() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> v.hypercall(24, 3, 1), this::record,              // is_up(1): no
                v -> v.hypercall(24, 3, 0), this::record,              // is_up(0): yes
                v -> v.hypercall(24, 1, 1), this::record,              // up(1): never initialised
                v -> v.hypercall(24, 3, 5), this::record,              // no vCPU 5
                v -> v.hypercall(24, 4, 0, OP), v -> {                 // get_runstate_info(0)
                    results.add(v.result());
                    results.add(v.memory.read(OP, 4));                 // state: running
                    results.add(v.memory.read(OP + 16, 8) > 0 ? 1L : 0L); // time[running] > 0
                    return VcpuExit.BUDGET_SPENT;
                },
                v -> v.hypercall(24, 2, 0),                            // down(0): itself, so nothing after runs
                this::record);
        Path elf = dir.resolve("smp.elf");
        Files.write(elf, isa.elf());
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = h.create(new DomainConfig("smp", GuestType.PV, "scripted", elf, 4, 2, LifecycleAction.DESTROY,
                    LifecycleAction.DESTROY, LifecycleAction.DESTROY, "", List.of()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (d.vcpus().get(0).up() && System.nanoTime() < deadline) Thread.sleep(2);
            Thread.sleep(20);
            assertEquals(List.of(0L, 1L, (long) -XenErrno.EINVAL, (long) -XenErrno.ENOENT, 0L, 0L, 1L), results,
                    "the step after down(0) never runs: the vCPU is offline");
            assertFalse(d.vcpus().get(0).up(), "vCPU 0 took itself down");
            assertFalse(d.vcpus().get(1).up());
            assertTrue(d.info().stateFlags().startsWith("-b"), "a domain with no vCPU up runs nothing: " + d.info().stateFlags());
        }
    }
}
