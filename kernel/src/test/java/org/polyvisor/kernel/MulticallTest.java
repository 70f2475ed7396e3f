package org.polyvisor.kernel;

import static org.polyvisor.kernel.HypercallTable.BUF;
import static org.polyvisor.kernel.HypercallTable.BUF2;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.hypercall.XenVersion;

/**
 * multicall (13) in the guest's word size and byte order: each entry runs through the dispatcher (the kernel's own
 * hypercalls and the ISA's, Vcpu.archHypercall) with its result written back; a nested multicall is refused in its
 * entry; a blocking entry ends the run until the vCPU wakes, and the rest then runs as a continuation; long batches
 * go through continuations too; unreadable entries are -EFAULT; an iret the ISA answers ends the batch (Xen's mc_exit).
 * Domain 1 makes the calls.
 */
class MulticallTest {
    @TempDir Path dir;
    private static final int MULTICALL = 13, EVENT_CHANNEL_OP = 32, XEN_VERSION = 17, SCHED_OP = 29, SET_TIMER_OP = 15;
    private static final int ARCH_0 = ScriptedIsa.ARCH_0, ARCH_1 = ScriptedIsa.ARCH_0 + 1, UNUSED_OP = 11;
    private static final long WILD = 0x7FFF_F000L, TOP = 4L << 20, BLOCK_FOR = 2_000_000;
    private final AtomicReference<Hypervisor> hv = new AtomicReference<>();
    private final AtomicLong deadline = new AtomicLong();

    /** Writes multicall entries {op, args...} at {@code list}, each result preset to 0x5A5A. */
    private static void entries(ScriptedIsa.ScriptedVcpu v, long list, long[]... calls) {
        int w = v.wordBytes();
        for (int i = 0; i < calls.length; i++) {
            long at = list + 8L * w * i;
            v.memory.writeBytes(at, new byte[8 * w], 0, 8 * w);
            v.memory.write(at, w, calls[i][0]);
            v.memory.write(at + w, w, 0x5A5A);
            for (int k = 1; k < calls[i].length; k++) v.memory.write(at + (1L + k) * w, w, calls[i][k]);
        }
    }

    private static Consumer<ScriptedIsa.ScriptedVcpu> batch(long[]... calls) { return v -> entries(v, BUF, calls); }

    private static long result(ScriptedIsa.ScriptedVcpu v, long list, int i) {
        int w = v.wordBytes();
        long r = v.memory.read(list + 8L * w * i + w, w);
        return w == 4 ? (int) r : r;
    }

    private static String results(ScriptedIsa.ScriptedVcpu v, long list, int n) {
        StringBuilder b = new StringBuilder("results=");
        for (int i = 0; i < n; i++) b.append(i == 0 ? "" : ",").append(result(v, list, i));
        return b.toString();
    }

    private static long[] call(long... opAndArgs) { return opAndArgs; }

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, true"})
    void multicallRunsEachEntryAndWritesItsResult(int bits, boolean big) throws Exception {
        long version = ((long) XenVersion.MAJOR << 16) | XenVersion.MINOR;
        long[][] hundred = new long[100][];
        for (int i = 0; i < 100; i++) hundred[i] = call(ARCH_0, i);
        List<HypercallTable.Case> cases = List.of(
            row("kernel, ISA and unknown hypercalls", 1, batch(call(XEN_VERSION, 0, 0), call(ARCH_0, 41), call(UNUSED_OP)), MULTICALL,
                    args(BUF, 3), "0 results=" + version + ",42,-38", v -> results(v, BUF, 3)),
            row("a nested multicall is refused; the batch goes on", 1, v -> {
                    entries(v, BUF2, call(ARCH_0, 7));
                    entries(v, BUF, call(MULTICALL, BUF2, 1), call(ARCH_0, 1));
                }, MULTICALL, args(BUF, 2), "0 results=-22,2 inner=23130", v -> results(v, BUF, 2) + " inner=" + result(v, BUF2, 0)),
            row("no entries", 1, batch(call(ARCH_0, 1)), MULTICALL, args(BUF, 0), "0 results=23130", v -> results(v, BUF, 1)),
            row("iret ends the batch (mc_exit): its result is the multicall's, the entries after it do not run", 1,
                    batch(call(ARCH_0, 1), call(ScriptedIsa.IRET, 0x4000, 77), call(ARCH_0, 5)), MULTICALL, args(BUF, 3),
                    "77 results=2,77,23130 pc=16384", v -> results(v, BUF, 3) + " pc=" + v.pc()),
            row("iret as the last entry", 1, batch(call(ARCH_0, 1), call(ScriptedIsa.IRET, 0x5000, -14)), MULTICALL, args(BUF, 2),
                    "-14 results=2,-14 pc=20480", v -> results(v, BUF, 2) + " pc=" + v.pc()),
            row("a wild call_list", 1, v -> { }, MULTICALL, args(WILD, 2), "-14"),
            row("an entry beyond RAM ends the batch", 1, v -> entries(v, TOP - 8L * v.wordBytes(), call(ARCH_0, 9)), MULTICALL,
                    args(TOP - 8L * (bits / 8), 2), "-14 first=10", v -> "first=" + result(v, TOP - 8L * v.wordBytes(), 0)),
            row("100 entries, past one run of 64, through a continuation", 1, batch(hundred), MULTICALL, args(BUF, 100),
                    "0 first=1 64th=64 last=100", v -> "first=" + result(v, BUF, 0) + " 64th=" + result(v, BUF, 63) + " last=" + result(v, BUF, 99)),
            row("bind VIRQ_TIMER", 1, v -> {
                    v.memory.write(OP, 4, 0);
                    v.memory.write(OP + 4, 4, 0);
                }, EVENT_CHANNEL_OP, args(1, OP), "0"),
            row("a blocking entry: the rest runs once the timer wakes the vCPU", 1, v -> {
                    deadline.set(hv.get().domain("1").vcpus().get(0).virtualNanos() + BLOCK_FOR);
                    long d = deadline.get();
                    long[] timer = bits == 64 ? call(SET_TIMER_OP, d) : call(SET_TIMER_OP, d & 0xFFFF_FFFFL, d >>> 32);
                    entries(v, BUF, timer, call(SCHED_OP, 1, 0), call(ARCH_1));
                }, MULTICALL, args(BUF, 3), "0 results=0,0 after-the-timer=true",
                    v -> results(v, BUF, 2) + " after-the-timer=" + (Long.compareUnsigned(result(v, BUF, 2) & (bits == 64 ? -1L : 0xFFFF_FFFFL),
                            deadline.get() & (bits == 64 ? -1L : 0xFFFF_FFFFL)) >= 0)));
        HypercallTable table = new HypercallTable(bits, big, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            hv.set(h);
            HypercallTable.domU(h, isa, dir, "caller", 1);
            table.await(h);
        }
        table.check();
    }
}
