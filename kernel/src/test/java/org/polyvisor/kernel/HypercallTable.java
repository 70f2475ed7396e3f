package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.function.Executable;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuExit;

/**
 * Table-driven hypercall tests through the scripted ISA's hypercall ABI. Each {@link Case} names the domain whose
 * vCPU 0 makes it; cases run one after the other, in table order, whichever domain makes them. A case writes its
 * arguments into guest memory ({@code setup}), makes one hypercall, and is judged on the text
 * "{@code <result>[ <observed>]}", where result is the guest's result register read as a signed guest word and
 * observed is what {@code observe} reads back from guest memory afterwards.
 */
final class HypercallTable {
    /** Scratch guest-physical addresses for arguments and buffers (inside every scripted domain's RAM). */
    static final long OP = 0x30000, BUF = 0x31000, BUF2 = 0x32000;

    /** One row: who calls, what it writes, the hypercall, and what must come back. */
    record Case(String name, int domain, Consumer<ScriptedIsa.ScriptedVcpu> setup, long op, long[] args, String expected,
                Function<ScriptedIsa.ScriptedVcpu, String> observe) { }

    static Case row(String name, int domain, Consumer<ScriptedIsa.ScriptedVcpu> setup, long op, long[] args, String expected,
                    Function<ScriptedIsa.ScriptedVcpu, String> observe) {
        return new Case(name, domain, setup, op, args, expected, observe);
    }

    static Case row(String name, int domain, Consumer<ScriptedIsa.ScriptedVcpu> setup, long op, long[] args, String expected) {
        return new Case(name, domain, setup, op, args, expected, v -> "");
    }

    static long[] args(long... a) { return a; }

    private final List<Case> cases;
    private final String[] actual;
    private final int wordBits;
    private final boolean bigEndian;
    private int next;
    /** Cases start once every domain of the test exists ({@link #await}). */
    private boolean started;
    private final java.util.Map<ScriptedIsa.ScriptedVcpu, Integer> issued = new java.util.IdentityHashMap<>();

    HypercallTable(int wordBits, boolean bigEndian, List<Case> cases) {
        this.cases = List.copyOf(cases);
        this.actual = new String[cases.size()];
        this.wordBits = wordBits;
        this.bigEndian = bigEndian;
    }

    /** The scripted ISA whose every vCPU runs this table. */
    ScriptedIsa isa() {
        ScriptedIsa isa = new ScriptedIsa(wordBits, v -> {
            VcpuExit e = step(v);
            v.repeat();
            return e;
        });
        return bigEndian ? isa.bigEndian() : isa;
    }

    private synchronized VcpuExit step(ScriptedIsa.ScriptedVcpu v) {
        Integer mine = issued.remove(v);
        if (mine != null) {
            long r = wordBits == 32 ? (int) v.result() : v.result();
            String seen = cases.get(mine).observe().apply(v);
            actual[mine] = r + (seen.isEmpty() ? "" : " " + seen);
            next++;
            notifyAll();
            return VcpuExit.BUDGET_SPENT;
        }
        if (!started || next >= cases.size() || v.id() != 0) return VcpuExit.BUDGET_SPENT;
        Case c = cases.get(next);
        if (c.domain() != v.domid()) return VcpuExit.BUDGET_SPENT;
        c.setup().accept(v);
        issued.put(v, next);
        return v.hypercall(c.op(), c.args());
    }

    /** Starts the cases and waits (at most 10 s) until every one has run. */
    synchronized void await(Hypervisor h) throws InterruptedException {
        started = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (next < cases.size() && System.nanoTime() < deadline) wait(5);
        keepLog(h);
    }

    /** Checks every case, naming each failure with its expected and actual text. */
    void check() {
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            Case c = cases.get(i);
            String got = actual[i] == null ? "(did not run; log: " + logTail + ")" : actual[i];
            checks.add(() -> assertEquals(c.expected(), got, c.name()));
        }
        assertAll(checks);
    }

    private volatile String logTail = "";

    /** Keeps the end of the hypervisor's log for the messages of cases that did not run. */
    void keepLog(Hypervisor h) {
        List<String> lines = h.log().lines();
        logTail = String.join(" | ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
    }

    /** Boots with a scripted dom0 (privileged, domain 0) running this table too. */
    Hypervisor bootWithDom0(ScriptedIsa isa) throws Exception {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(96), IsaCatalog.of(isa), "scripted",
                "dom0.elf", isa.elf());
    }

    /** Creates a scripted domU with {@code vcpus} vCPUs, 4 MiB, destroyed on every shutdown. */
    static Domain domU(Hypervisor h, ScriptedIsa isa, Path dir, String name, int vcpus) throws Exception {
        Path elf = dir.resolve(name + ".elf");
        Files.write(elf, isa.elf());
        return h.create(new DomainConfig(name, GuestType.PV, "scripted", elf, 4, vcpus, LifecycleAction.DESTROY,
                LifecycleAction.DESTROY, LifecycleAction.DESTROY, "", List.of()));
    }
}
