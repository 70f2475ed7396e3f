package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.hypercall.XenErrno;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.VcpuExit;

/** memory_op as a balloon driver uses it: give frames back, see the reservation shrink, populate them again. */
class MemoryOpTest {
    @TempDir Path dir;
    private static final long OP = 0x30000, LIST = 0x31000;
    private final List<Long> results = new CopyOnWriteArrayList<>();

    private VcpuExit record(ScriptedIsa.ScriptedVcpu v) {
        results.add(v.result());
        return VcpuExit.BUDGET_SPENT;
    }

    /** struct xen_memory_reservation for a 64-bit guest: extent_start, nr_extents, extent_order, mem_flags, domid. */
    private static VcpuExit reservation(ScriptedIsa.ScriptedVcpu v, int cmd, int domid, long... gfns) {
        for (int i = 0; i < gfns.length; i++) v.memory.write(LIST + 8L * i, 8, gfns[i]);
        v.memory.write(OP, 8, LIST);
        v.memory.write(OP + 8, 8, gfns.length);
        v.memory.write(OP + 16, 4, 0);
        v.memory.write(OP + 20, 4, 0);
        v.memory.write(OP + 24, 2, domid);
        return v.hypercall(12, cmd, OP);
    }

    @Test
    void aBalloonGivesFramesBackAndTakesThemAgain() throws Exception {
        long[] backedBefore = new long[1];
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> { v.memory.write(OP, 2, 0x7FF0); return v.hypercall(12, 3, OP); }, this::record,      // current
                v -> {
                    for (long g = 0x200; g < 0x203; g++) v.memory.write(g << 12, 8, 0x5A5A);              // touch 3 frames
                    return reservation(v, 1, 0x7FF0, 0x200, 0x201, 0x202);                              // decrease
                }, this::record,
                v -> { v.memory.write(OP, 2, 0x7FF0); return v.hypercall(12, 3, OP); }, this::record,
                v -> { v.memory.write(0x32000, 4, 7); return v.hypercall(18, 0, 4, 0x200000); }, this::record, // console from a ballooned frame
                v -> reservation(v, 6, 0x7FF0, 0x200), this::record,                                   // populate one back
                v -> { results.add(v.memory.read(0x200000, 8)); return reservation(v, 1, 0, 0x10); }, this::record, // dom0's: no
                v -> reservation(v, 1, 0x7FF0, 0x200, 0x9999999), this::record,                        // stops at the bad one
                v -> { v.memory.write(OP, 4, 2); v.memory.write(OP + 8, 8, LIST); return v.hypercall(12, 9, OP); }, this::record,
                v -> {
                    results.add(v.memory.read(OP, 4));
                    results.add(v.memory.read(LIST + 8, 8));
                    results.add(v.memory.read(LIST + 16, 4));
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "balloon");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (results.size() < 12 && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(List.of(1024L, 3L, 1021L, (long) -XenErrno.EFAULT, 1L, 0L, (long) -XenErrno.EPERM, 1L, 0L, 2L,
                    4L * 1024 * 1024 - 5 * 4096, 1L), results);     // RAM up to the grant and status frames
            backedBefore[0] = h.info().backedMemoryMiB();
        }
    }
}
