package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.hypercall.Domctl;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/**
 * XEN_DOMCTL_getvcpucontext of a vCPU that is running on another pCPU: Xen pauses it (vcpu_pause, which waits until
 * it is off its pCPU), reads it, and unpauses it. The target vCPU here is in the middle of an "instruction" that
 * changes two registers one after the other (r1 first, r2 a while later) when dom0 asks: a context read without the
 * pause would see r1 and r2 differ. No wall-clock threshold decides the outcome: a pausing kernel waits for the step to
 * end however long it takes, and a kernel that does not pause reads the torn state whenever it reads.
 */
class VcpuContextPauseTest {
    private static final long OP = 0x30000, BUF = 0x31000;
    /** How long the target stays inside its step (any length works; the verdict does not depend on it). */
    private static final long STEP_MILLIS = 200;

    @Test
    void getvcpucontextPausesARunningVcpuAndLetsItRunAgain() throws Exception {
        AtomicBoolean inStep = new AtomicBoolean(), stepDone = new AtomicBoolean();
        AtomicInteger phase = new AtomicInteger();
        AtomicLong result = new AtomicLong(1), r1 = new AtomicLong(-1), r2 = new AtomicLong(-1), stepsAtRead = new AtomicLong(), steps = new AtomicLong();
        ScriptedIsa isa = new ScriptedIsa(64, v -> {
            v.repeat();
            if (v.id() != 0) return VcpuExit.BUDGET_SPENT;
            int dom = v.domid();
            if (dom == 1) {
                if (stepDone.compareAndSet(false, true)) {
                    v.regs[1]++;
                    inStep.set(true);
                    try {
                        Thread.sleep(STEP_MILLIS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    v.regs[2] = v.regs[1];
                }
                steps.incrementAndGet();
                return VcpuExit.BUDGET_SPENT;
            }
            if (dom == 0 && phase.get() == 0 && inStep.get()) {
                phase.set(1);
                v.memory.writeBytes(OP, new byte[64], 0, 64);
                v.memory.write(OP, 4, Domctl.GETVCPUCONTEXT);
                v.memory.write(OP + 4, 4, Domctl.INTERFACE_VERSION);
                v.memory.write(OP + 8, 2, 1);
                v.memory.write(OP + 16, 4, 0);
                v.memory.write(OP + 24, 8, BUF);
                return v.hypercall(36, OP);
            }
            if (dom == 0 && phase.get() == 1) {
                result.set(v.result());
                r1.set(v.memory.read(BUF + 8, 8));
                r2.set(v.memory.read(BUF + 16, 8));
                stepsAtRead.set(steps.get());
                phase.set(2);
            }
            return VcpuExit.BUDGET_SPENT;
        }).withGuestContext();
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(96), IsaCatalog.of(isa), "scripted",
                "dom0.elf", isa.elf())) {
            HypercallTable.domU(h, isa, java.nio.file.Files.createTempDirectory("pause"), "busy", 1);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while ((phase.get() < 2 || steps.get() <= stepsAtRead.get()) && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(0, result.get(), "getvcpucontext of the running vCPU");
            assertEquals(1, r1.get(), "r1, changed first within the step");
            assertEquals(r1.get(), r2.get(), "r2 must equal r1: the context was read between steps, with the vCPU paused");
            assertTrue(steps.get() > stepsAtRead.get(), "the vCPU runs again after the read (steps " + steps.get() + ")");
        }
    }
}
