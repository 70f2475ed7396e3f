package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

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

/**
 * hvm_op as an HVM guest uses it to find its PV rings (HVM_PARAM_STORE_PFN/EVTCHN, CONSOLE_PFN/EVTCHN) and to ask for
 * event upcalls on a vector (HVM_PARAM_CALLBACK_IRQ), with Xen's errors for what a guest may not do.
 */
class HvmOpTest {
    @TempDir Path dir;
    private static final long P = 0x30000;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private static VcpuExit param(ScriptedIsa.ScriptedVcpu v, int cmd, int domid, int index, long value) {
        v.memory.write(P, 2, domid);
        v.memory.write(P + 4, 4, index);
        v.memory.write(P + 8, 8, value);
        return v.hypercall(34, cmd, P);
    }

    private VcpuExit note(ScriptedIsa.ScriptedVcpu v, String what) {
        seen.add(what + " " + v.result() + (v.result() == 0 ? " value=" + v.memory.read(P + 8, 8) : ""));
        return VcpuExit.BUDGET_SPENT;
    }

    private Domain create(Hypervisor h, ScriptedIsa isa, GuestType type) throws Exception {
        Path elf = dir.resolve("g.elf");
        Files.write(elf, isa.elf());
        return h.create(new DomainConfig("g", type, "scripted", elf, 4, 1, LifecycleAction.DESTROY,
                LifecycleAction.DESTROY, LifecycleAction.DESTROY, "", List.of()));
    }

    private void await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < n && System.nanoTime() < deadline) Thread.sleep(2);
    }

    @Test
    void anHvmGuestFindsItsRingsAndGetsUpcallsOnItsVector() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> param(v, 1, 0x7FF0, 1, 0), v -> note(v, "store_pfn"),
                v -> param(v, 1, 0x7FF0, 2, 0), v -> note(v, "store_evtchn"),
                v -> param(v, 1, v.domid(), 18, 0), v -> note(v, "console_evtchn"),
                v -> param(v, 0, 0x7FF0, 1, 5), v -> note(v, "set store_pfn"),
                v -> param(v, 0, 0x7FF0, 2, 1), v -> note(v, "set store_evtchn"),
                v -> param(v, 1, 0x7FF0, 39, 0), v -> note(v, "index 39"),
                v -> param(v, 1, 5, 1, 0), v -> note(v, "other domain"),
                v -> v.hypercall(34, 7, P), v -> note(v, "other sub-op"),
                v -> param(v, 0, 0x7FF0, 0, (2L << 56) | 0xF3), v -> note(v, "callback vector"),
                v -> {
                    v.memory.write(P, 4, 0);                                     // bind VIRQ_TIMER on vCPU 0
                    v.memory.write(P + 4, 4, 0);
                    return v.hypercall(32, 1, P);
                },
                v -> {
                    v.memory.write(v.sharedInfo() + 1, 1, 0);                    // unmask upcalls
                    return v.hypercall(15, 1_000_000L);
                },
                v -> v.interrupts.isEmpty() ? v.repeat() : VcpuExit.BUDGET_SPENT,
                v -> {
                    seen.add("interrupts " + v.interrupts.subList(0, 1) + " upcalls " + v.upcalls.get());
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = create(h, isa, GuestType.HVM);
            await(10);
            assertEquals(List.of("store_pfn 0 value=" + (d.storeRing() >>> 12), "store_evtchn 0 value=1", "console_evtchn 0 value=2",
                    "set store_pfn " + -XenErrno.EPERM, "set store_evtchn 0 value=1", "index 39 " + -XenErrno.EINVAL,
                    "other domain " + -XenErrno.ESRCH,
                    "other sub-op " + -XenErrno.ENOSYS, "callback vector 0 value=" + ((2L << 56) | 0xF3), "interrupts [243] upcalls 0"), seen);
        }
    }

    @Test
    void aPvGuestHasNoHvmParams() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> param(v, 1, 0x7FF0, 1, 0), v -> note(v, "pv"), v -> VcpuExit.HALT);
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            create(h, isa, GuestType.PV);
            await(1);
            assertEquals(List.of("pv " + -XenErrno.EINVAL), seen);
        }
    }
}
