package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/**
 * The hypervisor console's input, as Xen gives it to dom0: what is typed at `console 0` goes into Xen's 128-byte
 * serial_rx ring, VIRQ_CONSOLE is raised, and CONSOLEIO_read copies it out, oldest first; a domU may not read it.
 */
class ConsoleInputTest {
    @TempDir Path dir;
    private static final long P = 0x20000, BUF = 0x21000;
    private final List<Long> results = new CopyOnWriteArrayList<>();
    private final List<String> reads = new CopyOnWriteArrayList<>();

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v) {
        results.add(v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    private VcpuExit recordRead(ScriptedIsa.ScriptedVcpu v) {
        long n = v.result();
        results.add(n);
        byte[] b = new byte[(int) Math.max(n, 0)];
        v.memory.readBytes(BUF, b, 0, b.length);
        reads.add(new String(b, StandardCharsets.ISO_8859_1));
        return VcpuExit.BUDGET_SPENT;
    }

    /** The pending bit of the port bind_virq wrote at P + 8 (64-bit shared_info: evtchn_pending at 2048). */
    private static boolean consolePending(ScriptedIsa.ScriptedVcpu v) {
        long port = v.memory.read(P + 8, 4);
        return ((v.memory.read(v.sharedInfo() + 2048 + (port / 64) * 8, 8) >>> (port % 64)) & 1) != 0;
    }

    @Test
    void dom0ReadsWhatIsTypedAfterVirqConsole() throws Exception {
        AtomicBoolean bound = new AtomicBoolean();
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> v.hypercall(18, 1, 16, BUF), this::recordRead,                 // nothing typed yet
                v -> { v.memory.write(P, 4, 2); v.memory.write(P + 4, 4, 0); return v.hypercall(32, 1, P); }, this::record,
                v -> { bound.set(true); return VcpuExit.BUDGET_SPENT; },
                v -> consolePending(v) ? VcpuExit.BUDGET_SPENT : v.repeat(),          // VIRQ_CONSOLE
                v -> v.hypercall(18, 1, 3, BUF), this::recordRead,                  // the oldest 3 bytes
                v -> v.hypercall(18, 1, 16, 0x7fff_0000L), this::record,             // a wild buffer loses nothing
                v -> v.hypercall(18, 1, -1L, BUF), this::record,                    // a negative count
                v -> v.hypercall(18, 1, 16, BUF), this::recordRead,                 // the rest
                v -> { v.memory.write(0x22000, 4, 0); return v.hypercall(29, 2, 0x22000); });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64),
                IsaCatalog.of(isa), "scripted", "scripted dom0", isa.elf())) {
            Domain dom0 = h.domain("0");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!bound.get() && System.nanoTime() < deadline) Thread.sleep(2);
            assertTrue(bound.get(), "dom0 bound VIRQ_CONSOLE");
            dom0.consoleInput("hello".getBytes(StandardCharsets.ISO_8859_1));
            dom0.ended().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of(0L, 0L, 3L, (long) -XenErrno.EFAULT, (long) -XenErrno.EINVAL, 2L), results,
                "read nothing, bind_virq, read 3, wild buffer, negative count, read the rest");
        assertEquals(List.of("", "hel", "lo"), reads);
    }

    @Test
    void aDomUMayNotReadTheHypervisorConsole() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> v.hypercall(18, 1, 16, BUF), this::record,
                v -> { v.memory.write(0x22000, 4, 0); return v.hypercall(29, 2, 0x22000); });
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            ScriptedDomains.create(h, isa, dir, "guest").ended().get(10, TimeUnit.SECONDS);
        }
        assertEquals(List.of((long) -XenErrno.EPERM), results);
    }
}
