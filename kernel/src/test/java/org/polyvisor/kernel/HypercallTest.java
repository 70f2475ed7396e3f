package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.spi.VcpuExit;

/** Xen's hypercalls as a guest sees them: numbers, structures, results and error values. */
class HypercallTest {
    @TempDir Path dir;
    private final List<Long> results = new CopyOnWriteArrayList<>();

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v) {
        results.add(v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    private VcpuExit poweroff(ScriptedIsa.ScriptedVcpu v) {
        v.memory.write(0x20000, 4, 0);
        return v.hypercall(29, 2, 0x20000);
    }

    private DomainEnd runScript(ScriptedIsa isa) throws Exception {
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Domain d = ScriptedDomains.create(h, isa, dir, "guest");
            return d.ended().get(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void consoleWriteGoesToTheDomainConsoleAndTheLog() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> { v.memory.writeBytes(0x20000, "hi\u0001there\n".getBytes(StandardCharsets.ISO_8859_1), 0, 9); return v.hypercall(18, 0, 9, 0x20000); },
                this::record, this::poweroff);
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Domain d = ScriptedDomains.create(h, isa, dir, "guest");
            assertTrue(d.ended().get(10, TimeUnit.SECONDS).poweredOff());
            assertEquals(List.of(0L), results);
            assertEquals("hi?there\n", d.console().toString(), "a domU's unprintable bytes become '?'");
            assertTrue(h.log().lines().contains("(d1) hi?there"), h.log().lines().toString());
        }
    }

    @Test
    void pointersOutsideTheGuestAreEfault() throws Exception {
        runScript(new ScriptedIsa(64,
                v -> v.hypercall(18, 0, 16, 0x7fff_0000L), this::record,          // console_io beyond RAM (4 MiB)
                v -> v.hypercall(18, 0, 8192, 4 * 1024 * 1024 - 4096), this::record, // runs off the end of RAM
                v -> v.hypercall(29, 2, -8L), this::record,                        // sched_op shutdown, wild pointer
                v -> v.hypercall(17, 1, 0x9000_0000L), this::record,               // xen_version extraversion
                this::poweroff));
        long efault = -XenErrno.EFAULT;
        assertEquals(List.of(efault, efault, efault, efault), results);
    }

    @Test
    void unknownHypercallsAndSubopsAreEnosysAndTheGuestGoesOn() throws Exception {
        DomainEnd end = runScript(new ScriptedIsa(64,
                v -> v.hypercall(99), this::record,
                v -> v.hypercall(-1L), this::record,
                v -> v.hypercall(1L << 40), this::record,
                v -> v.hypercall(18, 7), this::record,
                v -> v.hypercall(29, 42), this::record,
                this::poweroff));
        long enosys = -XenErrno.ENOSYS;
        assertEquals(List.of(enosys, enosys, enosys, enosys, enosys), results);
        assertTrue(end.poweredOff());
    }

    @Test
    void xenVersionReportsTheInterfaceVersionAndExtraversion() throws Exception {
        byte[][] extra = new byte[1][];
        runScript(new ScriptedIsa(64,
                v -> v.hypercall(17, 0), this::record,
                v -> v.hypercall(17, 1, 0x20000), v -> { extra[0] = new byte[16]; v.memory.readBytes(0x20000, extra[0], 0, 16); return record(v); },
                v -> v.hypercall(17, 7), this::record,
                this::poweroff));
        assertEquals(List.of((4L << 16) | 19, 0L, 4096L), results);
        assertEquals("-polyvisor", new String(extra[0], StandardCharsets.US_ASCII).replace("\0", ""));
    }

    @Test
    void shutdownReasonsAreXens() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(32, v -> { v.memory.write(0x20000, 4, 9); return v.hypercall(29, 2, 0x20000); }, this::record,
                v -> { v.memory.write(0x20000, 4, 1); return v.hypercall(29, 2, 0x20000); });
        DomainEnd end = runScript(isa);
        // on_reboot = restart runs the script again in a new domain: the first answer is the one to check
        assertEquals((long) -XenErrno.EINVAL & 0xFFFF_FFFFL, results.get(0), "a 32-bit guest sees -EINVAL in 32 bits");
        assertEquals(org.polyvisor.spi.ShutdownReason.REBOOT, end.reason());
    }

    @Test
    void startInfoCarriesMagicDomidAndCmdline() throws Exception {
        String[] seen = new String[2];
        runScript(new ScriptedIsa(64, v -> {
            byte[] b = new byte[32];
            v.memory.readBytes(v.regs[7], b, 0, 32);
            seen[0] = new String(b, StandardCharsets.US_ASCII).replace("\0", "");
            byte[] c = new byte[64];
            v.memory.readBytes(v.regs[7] + 128, c, 0, 64);
            seen[1] = new String(c, StandardCharsets.US_ASCII).replace("\0", "");
            return VcpuExit.BUDGET_SPENT;
        }, this::poweroff));
        assertEquals("xen-3.0-scripted", seen[0]);
        assertEquals("domid=1 console=hvc0", seen[1]);
    }

    @Test
    void blockLeavesTheVcpuBlockedAndYieldKeepsItRunnable() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64, v -> v.hypercall(29, 0), this::record, v -> v.hypercall(29, 1));
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            Domain d = ScriptedDomains.create(h, isa, dir, "guest");
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!d.info().stateFlags().equals("-b----") && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals("-b----", d.info().stateFlags());
            assertEquals(List.of(0L), results);
        }
    }
}
