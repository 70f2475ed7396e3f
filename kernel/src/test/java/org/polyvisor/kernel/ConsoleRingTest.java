package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/**
 * The PV console ring as a domU uses it: output written to xencons_interface.out and signalled on
 * start_info.console.domU.evtchn reaches the domain's console; input from the toolstack lands in .in with a signal.
 */
class ConsoleRingTest {
    @TempDir Path dir;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private static long ring(ScriptedIsa.ScriptedVcpu v) { return v.memory.read(v.regs[7] + 72, 8) << 12; }

    private static long port(ScriptedIsa.ScriptedVcpu v) { return v.memory.read(v.regs[7] + 80, 4); }

    @Test
    void outputGoesToTheConsoleAndInputComesIn() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    byte[] msg = "hi from the ring\n".getBytes(StandardCharsets.US_ASCII);
                    long r = ring(v);
                    for (int i = 0; i < msg.length; i++) v.memory.write(r + 1024 + i, 1, msg[i]);
                    v.memory.write(r + 3084, 4, msg.length);                 // out_prod
                    v.memory.write(0x30000, 4, port(v));
                    return v.hypercall(32, 4, 0x30000);                       // EVTCHNOP_send
                },
                v -> {
                    seen.add("out_cons=" + v.memory.read(ring(v) + 3080, 4));
                    return VcpuExit.BUDGET_SPENT;
                },
                v -> {
                    long r = ring(v), prod = v.memory.read(r + 3076, 4), p = port(v);
                    // The backend fills the ring, then signals: a guest waits for the event, as this one does.
                    long pending = v.memory.read(v.sharedInfo() + 2048, 8) >>> p & 1;
                    if (prod == 0 || pending == 0) return v.repeat();
                    byte[] in = new byte[(int) prod];
                    for (int i = 0; i < in.length; i++) in[i] = (byte) v.memory.read(r + i, 1);
                    seen.add("in=" + new String(in, StandardCharsets.US_ASCII) + " pending=" + pending);
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = ScriptedDomains.create(h, isa, dir, "guest");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.isEmpty() && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals("hi from the ring\n", d.console().toString());
            d.consoleInput("ls\n".getBytes(StandardCharsets.US_ASCII));
            while (seen.size() < 2 && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(List.of("out_cons=17", "in=ls\n pending=1"), seen);
        }
    }
}
