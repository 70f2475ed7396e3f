package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen timers as a guest sees them: set_timer_op then SCHEDOP_block wakes on VIRQ_TIMER when the time comes (a
 * blocked vCPU's clock runs at wall speed), SCHEDOP_poll returns at its timeout, and a busy vCPU's timer fires
 * between its chunks. vcpu_time_info says system time is the TSC.
 */
class TimerTest {
    @TempDir Path dir;
    private static final long OP = 0x30000;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private static VcpuExit bindTimerVirq(ScriptedIsa.ScriptedVcpu v) {
        v.memory.write(OP, 4, 0);        // VIRQ_TIMER
        v.memory.write(OP + 4, 4, 0);    // vCPU 0
        return v.hypercall(32, 1, OP);
    }

    private void await(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (seen.size() < n && System.nanoTime() < deadline) Thread.sleep(2);
    }

    @Test
    void aBlockedVcpuWakesOnVirqTimer() throws Exception {
        long[] at = new long[2];
        ScriptedIsa isa = new ScriptedIsa(64,
                TimerTest::bindTimerVirq,
                v -> {
                    seen.add("time mul=" + Long.toHexString(v.memory.read(v.sharedInfo() + 32 + 24, 4)) + " shift=" + v.memory.read(v.sharedInfo() + 32 + 28, 1));
                    at[0] = System.nanoTime();
                    return v.hypercall(15, 30_000_000L);          // set_timer_op: system time 30 ms
                },
                v -> v.hypercall(29, 1),                          // SCHEDOP_block (enables upcalls)
                v -> {
                    at[1] = System.nanoTime();
                    seen.add("woken pending=" + (v.memory.read(v.sharedInfo() + 2048, 8) >>> 3 & 1));
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "sleeper");
            await(2);
            assertEquals(List.of("time mul=80000000 shift=1", "woken pending=1"), seen, "VIRQ_TIMER is port 3 (1 is the store's, 2 the console's)");
            assertTrue(at[1] - at[0] >= 20_000_000L, "it slept about 30 ms of wall time, not " + (at[1] - at[0]) / 1_000_000 + " ms");
        }
    }

    @Test
    void pollReturnsAtItsTimeout() throws Exception {
        long[] at = new long[2];
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    v.memory.write(OP + 0x100, 4, 1);             // poll port 1 (the store's: never pending here)
                    v.memory.write(OP, 8, OP + 0x100);
                    v.memory.write(OP + 8, 4, 1);
                    v.memory.write(OP + 16, 8, 20_000_000L);      // timeout: system time 20 ms
                    at[0] = System.nanoTime();
                    return v.hypercall(29, 3, OP);
                },
                v -> {
                    at[1] = System.nanoTime();
                    seen.add("poll=" + v.result());
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "poller");
            await(1);
            assertEquals(List.of("poll=0"), seen);
            assertTrue(at[1] - at[0] >= 10_000_000L, "it waited for the timeout");
        }
    }

    @Test
    void aBusyVcpusTimerFiresBetweenChunks() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                TimerTest::bindTimerVirq,
                v -> v.hypercall(15, 5_000_000L),                 // 5 ms of virtual time: about 5 chunks of spinning
                v -> {
                    long pending = v.memory.read(v.sharedInfo() + 2048, 8) >>> 3 & 1;
                    if (pending == 0) return v.repeat();
                    seen.add("fired after " + (v.retired() >= 5_000_000L ? "at least 5M" : "fewer than 5M") + " instructions");
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "busy");
            await(1);
            assertEquals(List.of("fired after at least 5M instructions"), seen);
        }
    }

    /** With upcalls unmasked, a pending event is handed to the ISA's upcall path (raiseEventUpcall), not only flagged. */
    @Test
    void aDeliverableEventRaisesTheIsasUpcall() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                TimerTest::bindTimerVirq,
                v -> {
                    v.memory.write(v.sharedInfo() + 1, 1, 0);               // vcpu_info[0].evtchn_upcall_mask = 0
                    return v.hypercall(15, 1_000_000L);                     // set_timer_op: 1 ms
                },
                v -> v.upcalls.get() > 0 ? VcpuExit.BUDGET_SPENT : v.repeat(),
                v -> {
                    seen.add("upcall pending=" + v.memory.read(v.sharedInfo(), 1));
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "upcall");
            await(1);
            assertEquals(List.of("upcall pending=1"), seen);
        }
    }
}
