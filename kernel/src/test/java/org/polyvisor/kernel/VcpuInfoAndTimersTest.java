package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.spi.VcpuExit;

/**
 * vcpu_op's register_vcpu_info (events then go to the new vcpu_info, also for a vCPU beyond the 32 legacy slots,
 * and the vCPU is told where it went: Vcpu.vcpuInfoMoved),
 * the single-shot and periodic timers, and get_physid refused; on a 34-vCPU domain, 64-bit little-endian and
 * 32-bit big-endian.
 */
class VcpuInfoAndTimersTest {
    @TempDir Path dir;
    private static final int VCPU_OP = 24, EVTCHN = 32;
    private static final long WILD = 0x7FFF_F000L;
    private final AtomicReference<Domain> domain = new AtomicReference<>();

    private static Consumer<ScriptedIsa.ScriptedVcpu> info(long gfn, long offset) {
        return v -> {
            v.memory.write(OP, 8, gfn);
            v.memory.write(OP + 8, 4, offset);
            v.memory.write(OP + 12, 4, 0);
        };
    }

    private static Consumer<ScriptedIsa.ScriptedVcpu> u64(long value) { return v -> v.memory.write(OP, 8, value); }

    /** A vcpu_info as the guest sees it: upcall_pending, upcall_mask, pending_sel, vcpu_time_info's version and mul. */
    private static String vcpuInfo(ScriptedIsa.ScriptedVcpu v, long at, int word) {
        return "pending=" + v.memory.read(at, 1) + " mask=" + v.memory.read(at + 1, 1) + " sel=" + Long.toHexString(v.memory.read(at + word, word))
                + " ver=" + v.memory.read(at + 32, 4) + " mul=" + Long.toHexString(v.memory.read(at + 32 + 24, 4));
    }

    private String timer(int vcpu) { return "deadline=" + domain.get().vcpus().get(vcpu).timerDeadline(); }

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, true"})
    void registerVcpuInfoAndTimers(int bits, boolean big) throws Exception {
        int w = bits / 8;
        String ones = Long.toHexString(w == 8 ? -1L : 0xFFFF_FFFFL);
        List<HypercallTable.Case> cases = List.of(
            row("register vCPU 0's vcpu_info at 0x35:64", 1, info(0x35, 64), VCPU_OP, args(10, 0, OP),
                    "0 pending=1 mask=1 sel=" + ones + " ver=2 mul=80000000 told=35040",
                    v -> vcpuInfo(v, 0x35040, w) + " told=" + Long.toHexString(v.vcpuInfoMovedTo)),
            row("register vCPU 0 again", 1, info(0x36, 0), VCPU_OP, args(10, 0, OP), "-22 told=35040",
                    v -> "told=" + Long.toHexString(v.vcpuInfoMovedTo)),
            row("register vCPU 1, which is down", 1, info(0x36, 0), VCPU_OP, args(10, 1, OP), "0"),
            row("register vCPU 33, beyond the legacy slots", 1, info(0x37, 128), VCPU_OP, args(10, 33, OP),
                    "0 pending=1 mask=1 sel=" + ones + " ver=2 mul=80000000", v -> vcpuInfo(v, 0x37080, w)),
            row("register with no room for 64 bytes", 1, info(0x38, 4040), VCPU_OP, args(10, 2, OP), "-6"),
            row("register at a misaligned offset", 1, info(0x38, 2), VCPU_OP, args(10, 2, OP), "-6"),
            row("register a frame beyond RAM", 1, info(0x123456, 0), VCPU_OP, args(10, 2, OP), "-22"),
            row("register vCPU 40 of 34", 1, info(0x38, 0), VCPU_OP, args(10, 40, OP), "-2"),
            row("register from a wild pointer", 1, v -> { }, VCPU_OP, args(10, 2, WILD), "-14"),
            row("bind an IPI to vCPU 0 (port 3)", 1, v -> {
                    v.memory.write(OP, 4, 0);
                    v.memory.write(0x35040, 1, 0);                 // the guest acknowledges what registering raised
                    v.memory.write(0x35040 + w, w, 0);
                }, EVTCHN, args(7, OP), "0 port=3", v -> "port=" + v.memory.read(OP + 4, 4)),
            row("send it: the upcall goes to the registered vcpu_info", 1, v -> v.memory.write(OP, 4, 3), EVTCHN, args(4, OP),
                    "0 new=1,1 legacy=0", v -> "new=" + v.memory.read(0x35040, 1) + "," + v.memory.read(0x35040 + w, w)
                            + " legacy=" + v.memory.read(v.sharedInfo(), 1)),
            row("bind an IPI to vCPU 33 (port 4)", 1, v -> {
                    v.memory.write(OP, 4, 33);
                    v.memory.write(0x37080, 1, 0);
                    v.memory.write(0x37080 + w, w, 0);
                }, EVTCHN, args(7, OP), "0 port=4", v -> "port=" + v.memory.read(OP + 4, 4)),
            row("send it: vCPU 33's own vcpu_info", 1, v -> v.memory.write(OP, 4, 4), EVTCHN, args(4, OP),
                    "0 v33=1,1", v -> "v33=" + v.memory.read(0x37080, 1) + "," + v.memory.read(0x37080 + w, w)),
            row("set_singleshot_timer for another vCPU", 1, u64(1L << 40), VCPU_OP, args(8, 1, OP), "-22"),
            row("set_singleshot_timer in the past with VCPU_SSHOTTMR_future", 1, v -> {
                    v.memory.write(OP, 8, 1);
                    v.memory.write(OP + 8, 4, 1);
                }, VCPU_OP, args(8, 0, OP), "-62"),
            row("set_singleshot_timer far ahead", 1, v -> {
                    v.memory.write(OP, 8, 1L << 40);
                    v.memory.write(OP + 8, 4, 1);
                }, VCPU_OP, args(8, 0, OP), "0 deadline=" + (1L << 40), v -> timer(0)),
            row("stop_singleshot_timer", 1, v -> { }, VCPU_OP, args(9, 0, 0), "0 deadline=-1", v -> timer(0)),
            row("stop_singleshot_timer of another vCPU", 1, v -> { }, VCPU_OP, args(9, 1, 0), "-22"),
            row("set_periodic_timer below 1 ms", 1, u64(999_999), VCPU_OP, args(6, 1, OP), "-22"),
            row("set_periodic_timer 10 ms on vCPU 1", 1, u64(10_000_000), VCPU_OP, args(6, 1, OP), "0 period=10000000",
                    v -> "period=" + domain.get().vcpus().get(1).periodicPeriod()),
            row("stop_periodic_timer on vCPU 1", 1, v -> { }, VCPU_OP, args(7, 1, 0), "0 period=0",
                    v -> "period=" + domain.get().vcpus().get(1).periodicPeriod()),
            row("set_periodic_timer from a wild pointer", 1, v -> { }, VCPU_OP, args(6, 1, WILD), "-14"),
            row("get_physid: no physical processor ids", 1, v -> { }, VCPU_OP, args(12, 0, OP), "-22"));
        HypercallTable table = new HypercallTable(bits, big, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            domain.set(HypercallTable.domU(h, isa, dir, "smp", 34));
            table.await(h);
        }
        table.check();
    }

    /** A periodic timer keeps raising VIRQ_TIMER on a busy vCPU: the guest clears the pending bit and it comes back. */
    @Test
    void aPeriodicTimerTicksAgainAndAgain() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        int[] ticks = new int[1];
        ScriptedIsa isa = new ScriptedIsa(64,
                v -> {
                    v.memory.write(OP, 4, 0);             // bind VIRQ_TIMER to vCPU 0: port 3
                    v.memory.write(OP + 4, 4, 0);
                    return v.hypercall(EVTCHN, 1, OP);
                },
                v -> {
                    v.memory.write(OP, 8, 1_000_000);     // every 1 ms of virtual time
                    return v.hypercall(VCPU_OP, 6, 0, OP);
                },
                v -> {
                    long pendingWord = v.sharedInfo() + 2048;
                    if ((v.memory.read(pendingWord, 8) >>> 3 & 1) == 0) return v.repeat();
                    v.memory.write(pendingWord, 8, 0);    // the guest's handler clears it
                    if (++ticks[0] < 3) return v.repeat();
                    seen.add("three ticks after " + (v.retired() >= 3_000_000L ? "at least 3M" : "fewer than 3M") + " instructions");
                    return VcpuExit.HALT;
                });
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            ScriptedDomains.create(h, isa, dir, "ticker");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
        }
        assertEquals(List.of("three ticks after at least 3M instructions"), seen);
    }
}
