package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;

/**
 * Event channels between two domains as their guests see them: EVTCHNOP_* structures and results, the
 * shared_info bits (pending, selector, upcall_pending) in each guest's word size and byte order, and a vCPU
 * blocked in SCHEDOP_block woken by the other domain's send.
 */
class EventChannelTest {
    @TempDir Path dir;
    private static final int EVTCHN = 32, SCHED = 29;
    private static final long SCRATCH = 0x30000;
    private final AtomicLong offered = new AtomicLong(-1), bound = new AtomicLong(-1);
    private final List<String> seen = new CopyOnWriteArrayList<>();

    private static long word(ScriptedIsa.ScriptedVcpu v, int bits, long offset) {
        return v.memory.read(v.sharedInfo() + offset, bits / 8);
    }

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, false", "32, true", "64, true"})
    void interdomainSendWakesABlockedVcpuAndSetsTheSharedInfoBits(int bits, boolean bigEndian) throws Exception {
        int wordBytes = bits / 8;
        ScriptedIsa isa = new ScriptedIsa(bits,
                v -> {
                    if (v.domid() == 1) { // the backend: offer a port to domain 2
                        v.memory.write(SCRATCH, 2, 0x7FF0);
                        v.memory.write(SCRATCH + 2, 2, 2);
                        return v.hypercall(EVTCHN, 6, SCRATCH);
                    }
                    return offered.get() < 0 ? v.repeat() : v.hypercall(EVTCHN, 0, stage(v, 1, offered.get()));
                },
                v -> {
                    if (v.domid() == 1) {
                        seen.add("alloc=" + v.result());
                        offered.set(v.memory.read(SCRATCH + 4, 4));
                        return VcpuExit.BUDGET_SPENT;
                    }
                    seen.add("bind=" + v.result());
                    // the bind marks the new port pending (Xen does); clear it as a guest's handler would, and only
                    // then tell the other side the port: its send must not be cleared with it
                    v.memory.write(v.sharedInfo() + 2048 + 0, wordBytes, 0);
                    v.memory.write(v.sharedInfo() + wordBytes, wordBytes, 0);
                    v.memory.write(v.sharedInfo(), 1, 0);
                    bound.set(v.memory.read(SCRATCH + 8, 4));
                    return v.hypercall(SCHED, 1);
                },
                v -> {
                    if (v.domid() == 1) {
                        if (bound.get() < 0) return v.repeat();
                        v.memory.write(SCRATCH, 4, offered.get());
                        return v.hypercall(EVTCHN, 4, SCRATCH);
                    }
                    long port = bound.get();
                    seen.add("woken pending=" + ((word(v, bits, 2048 + port / bits * wordBytes) >>> (port % bits)) & 1)
                            + " sel=" + (word(v, bits, wordBytes) >>> (port / bits) & 1)
                            + " upcall=" + v.memory.read(v.sharedInfo(), 1)
                            + " mask=" + v.memory.read(v.sharedInfo() + 1, 1));
                    return VcpuExit.BUDGET_SPENT;
                },
                v -> {
                    if (v.domid() == 1) seen.add("send=" + v.result());
                    return VcpuExit.HALT;
                });
        if (bigEndian) isa.bigEndian();
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain back = ScriptedDomains.create(h, isa, dir, "back");
            Domain front = ScriptedDomains.create(h, isa, dir, "front");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.size() < 4 && System.nanoTime() < deadline) Thread.sleep(2);
            assertTrue(seen.containsAll(List.of("alloc=0", "bind=0", "send=0")), seen.toString());
            assertTrue(seen.contains("woken pending=1 sel=1 upcall=1 mask=0"), seen.toString());
            assertEquals(3, offered.get(), "port 0 is never used, 1 is the XenStore channel, 2 the console's");
            assertEquals(3, bound.get());
            assertEquals(back.id(), 1);
            assertEquals(front.id(), 2);
        }
    }

    private static long stage(ScriptedIsa.ScriptedVcpu v, int remoteDom, long remotePort) {
        v.memory.write(SCRATCH, 2, remoteDom);
        v.memory.write(SCRATCH + 4, 4, remotePort);
        return SCRATCH;
    }

    private final List<Long> results = new CopyOnWriteArrayList<>();

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v) {
        results.add(v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    private static VcpuExit op(ScriptedIsa.ScriptedVcpu v, int cmd, long... fields) {
        for (int i = 0; i < fields.length; i++) v.memory.write(SCRATCH + 4L * i, 4, fields[i]);
        return v.hypercall(EVTCHN, cmd, SCRATCH);
    }

    @Test
    void errorsAreXens() throws Exception {
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> op(v, 1, 99, 0), this::record,                    // bind_virq: no such VIRQ
                v -> op(v, 1, 2, 1), this::record,                     // VIRQ_CONSOLE is global: vCPU 0 only
                v -> op(v, 1, 0, 7), this::record,                     // vCPU 7 does not exist
                v -> op(v, 1, 2, 0), this::record,                     // ok: port 3 (1 is the store's, 2 the console's)
                v -> op(v, 1, 2, 0), this::record,                     // bound already
                v -> op(v, 4, 4000), this::record,                     // send on a closed port
                v -> op(v, 3, 3), this::record,                        // close port 3
                v -> op(v, 3, 3), this::record,                        // close it again
                v -> { v.memory.write(SCRATCH, 2, 0); v.memory.write(SCRATCH + 2, 2, 1); return v.hypercall(EVTCHN, 6, SCRATCH); },
                this::record,                                          // a domU allocating in dom0: -EPERM
                v -> op(v, 11), this::record,                          // EVTCHNOP_init_control (FIFO ABI): not here
                v -> v.hypercall(EVTCHN, 3, 0x7fff_0000L), this::record, // a wild pointer
                v -> VcpuExit.HALT);
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = new Object() {
                Domain make() throws Exception {
                    return ScriptedDomains.create(h, isa, dir, "guest");
                }
            }.make();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (results.size() < 11 && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(List.of((long) -XenErrno.EINVAL, (long) -XenErrno.EINVAL, (long) -XenErrno.ENOENT, 0L,
                    (long) -XenErrno.EEXIST, (long) -XenErrno.EINVAL, 0L, (long) -XenErrno.EINVAL, (long) -XenErrno.EPERM,
                    (long) -XenErrno.ENOSYS, (long) -XenErrno.EFAULT), results);
            assertEquals(1, d.id());
        }
    }

    @Test
    void dom0HearsOfADomainCrashThroughVirqDomExc() throws Exception {
        AtomicLong port = new AtomicLong(-1);
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> v.domid() == 0 ? op(v, 1, 3, 0) : new VcpuExit.Fault("boom", 0),
                v -> {
                    port.set(v.memory.read(SCRATCH + 8, 4));
                    v.memory.write(v.sharedInfo() + 1, 1, 0);
                    return v.hypercall(SCHED, 1);
                },
                v -> {
                    long p = port.get();
                    seen.add("dom0 woken, port " + p + " pending=" + (v.memory.read(v.sharedInfo() + 2048, 8) >>> p & 1));
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa),
                "scripted", "dom0.elf", isa.elf())) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!h.domain("0").info().stateFlags().equals("-b----") && System.nanoTime() < deadline) Thread.sleep(2);
            assertTrue(seen.isEmpty(), "dom0 sleeps until something happens: " + seen);
            ScriptedDomains.create(h, isa, dir, "doomed");
            while (seen.isEmpty() && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(List.of("dom0 woken, port 2 pending=1"), seen);
        }
    }

    @Test
    void sharedInfoStartsWithUpcallsMaskedAndTheWallclockSet() throws Exception {
        long[] got = new long[3];
        ScriptedIsa isa = new ScriptedIsa(64, v -> {
            got[0] = v.memory.read(v.sharedInfo() + 1, 1);
            got[1] = v.memory.read(v.sharedInfo() + 3072, 4);
            got[2] = v.memory.read(v.sharedInfo() + 3076, 4);
            return VcpuExit.HALT;
        });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            Domain d = ScriptedDomains.create(h, isa, dir, "g");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (got[2] == 0 && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(1, got[0], "evtchn_upcall_mask starts set");
            assertEquals(2, got[1], "wc_version is even when consistent");
            assertTrue(Math.abs(got[2] - System.currentTimeMillis() / 1000) < 60, "wc_sec is now");
            assertEquals(0, d.sharedInfo() & GuestMemory.PAGE_MASK);
        }
    }
}
