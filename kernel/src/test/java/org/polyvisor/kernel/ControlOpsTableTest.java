package org.polyvisor.kernel;

import static org.polyvisor.kernel.HypercallTable.BUF;
import static org.polyvisor.kernel.HypercallTable.OP;
import static org.polyvisor.kernel.HypercallTable.args;
import static org.polyvisor.kernel.HypercallTable.row;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.hypercall.Domctl;
import org.polyvisor.kernel.hypercall.Sysctl;

/**
 * domctl (max_mem, max_vcpus, set/getvcpuaffinity, getvcpucontext, createdomain) and sysctl (getdomaininfolist,
 * readconsole, physinfo, sched_id) with good and bad arguments, for a 64-bit little-endian and a 32-bit big-endian
 * guest. Domain 0 is privileged; domain 1 ("target", 2 vCPUs) is acted on; domain 2 ("tool") is an ordinary domU.
 */
class ControlOpsTableTest {
    @TempDir Path dir;
    private static final int SYSCTL = 35, DOMCTL = 36;
    private static final long WILD = 0x7FFF_F000L, MAP = 0x34000;
    private final AtomicReference<Domain> target = new AtomicReference<>();
    private final AtomicReference<Hypervisor> hv = new AtomicReference<>();

    private interface Body { void write(ScriptedIsa.ScriptedVcpu v, long u); }

    private static Consumer<ScriptedIsa.ScriptedVcpu> domctl(int cmd, int dom, Body body) {
        return v -> {
            v.memory.writeBytes(OP, new byte[144], 0, 144);
            v.memory.write(OP, 4, cmd);
            v.memory.write(OP + 4, 4, Domctl.INTERFACE_VERSION);
            v.memory.write(OP + 8, 2, dom);
            body.write(v, OP + 16);
        };
    }

    private static Consumer<ScriptedIsa.ScriptedVcpu> sysctl(int cmd, Body body) {
        return v -> {
            v.memory.writeBytes(OP, new byte[136], 0, 136);
            v.memory.write(OP, 4, cmd);
            v.memory.write(OP + 4, 4, Sysctl.INTERFACE_VERSION);
            body.write(v, OP + 8);
        };
    }

    /** xen_domctl_vcpuaffinity: vcpu, flags, hard bitmap (handle, nr_bits), soft bitmap. */
    private static Body affinity(int vcpu, int flags, long hardMap, int hardBits) {
        return (v, u) -> {
            v.memory.write(u, 4, vcpu);
            v.memory.write(u + 4, 4, flags);
            v.memory.write(u + 8, 8, hardMap);
            v.memory.write(u + 16, 4, hardBits);
            v.memory.write(u + 24, 8, MAP + 8);
            v.memory.write(u + 32, 4, 8);
        };
    }

    private static Body withMap(int bits, Body b) {
        return (v, u) -> {
            v.memory.write(MAP, 8, 0);
            v.memory.write(MAP + 8, 8, 0);
            v.memory.write(MAP, 1, bits);
            b.write(v, u);
        };
    }

    private static Body context(int vcpu, long ctxt) {
        return (v, u) -> {
            v.memory.write(u, 4, vcpu);
            v.memory.write(u + 8, 8, ctxt);
        };
    }

    private static Body readconsole(int clear, int incremental, long index, long buffer, long count) {
        return (v, u) -> {
            v.memory.write(u, 1, clear);
            v.memory.write(u + 1, 1, incremental);
            v.memory.write(u + 4, 4, index);
            v.memory.write(u + 8, 8, buffer);
            v.memory.write(u + 16, 4, count);
        };
    }

    private static Body infolist(int first, long max, long buffer) {
        return (v, u) -> {
            v.memory.write(u, 2, first);
            v.memory.write(u + 4, 4, max);
            v.memory.write(u + 8, 8, buffer);
        };
    }

    private static final Body NONE = (v, u) -> { };

    private String affinityOf(int vcpu) {
        java.util.BitSet a = target.get().vcpus().get(vcpu).affinity();
        return a == null ? "all" : a.toString();
    }

    private long consoleCount = -1;

    @ParameterizedTest(name = "{0}-bit, big-endian {1}")
    @CsvSource({"64, false", "32, true"})
    void domctlAndSysctlAnswerAsXenDoes(int bits, boolean big) throws Exception {
        List<HypercallTable.Case> cases = List.of(
            row("max_mem 2048 KiB", 0, domctl(Domctl.MAX_MEM, 1, (v, u) -> v.memory.write(u, 8, 2048)), DOMCTL, args(OP), "0 max=512",
                    v -> "max=" + target.get().memory().maxPages()),
            row("getdomaininfo shows max_pages", 0, domctl(Domctl.GETDOMAININFO, 1, NONE), DOMCTL, args(OP), "0 dom=1 max=512 vcpus=1 maxid=1",
                    v -> "dom=" + v.memory.read(OP + 16, 2) + " max=" + v.memory.read(OP + 32, 8) + " vcpus=" + v.memory.read(OP + 80, 4)
                            + " maxid=" + v.memory.read(OP + 84, 4)),
            row("max_mem beyond the RAM built", 0, domctl(Domctl.MAX_MEM, 1, (v, u) -> v.memory.write(u, 8, 8192)), DOMCTL, args(OP), "-22"),
            row("max_mem back to 4 MiB", 0, domctl(Domctl.MAX_MEM, 1, (v, u) -> v.memory.write(u, 8, 4096)), DOMCTL, args(OP), "0 max=1024",
                    v -> "max=" + target.get().memory().maxPages()),
            row("max_mem of no such domain", 0, domctl(Domctl.MAX_MEM, 77, (v, u) -> v.memory.write(u, 8, 4096)), DOMCTL, args(OP), "-3"),
            row("max_mem by a domU", 2, domctl(Domctl.MAX_MEM, 1, (v, u) -> v.memory.write(u, 8, 4096)), DOMCTL, args(OP), "-1"),
            row("max_vcpus 1", 0, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 1)), DOMCTL, args(OP), "0 max=1",
                    v -> "max=" + target.get().maxVcpus()),
            row("max_vcpus 3 of a 2-vCPU domain", 0, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 3)), DOMCTL, args(OP), "-22"),
            row("max_vcpus 0", 0, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 0)), DOMCTL, args(OP), "-22"),
            row("max_vcpus of no such domain", 0, domctl(Domctl.MAX_VCPUS, 77, (v, u) -> v.memory.write(u, 4, 1)), DOMCTL, args(OP), "-3"),
            row("max_vcpus by a domU", 2, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 2)), DOMCTL, args(OP), "-1"),
            row("max_vcpus 2 again", 0, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 2)), DOMCTL, args(OP), "0 max=2",
                    v -> "max=" + target.get().maxVcpus()),
            row("setvcpuaffinity vCPU 0 to pCPU 1", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(0b10, affinity(0, 1, MAP, 8))), DOMCTL,
                    args(OP), "0 back=2 pinned={1}", v -> "back=" + v.memory.read(MAP, 1) + " pinned=" + affinityOf(0)),
            row("getvcpuaffinity hard and soft", 0, domctl(Domctl.GETVCPUAFFINITY, 1, withMap(0xFF, affinity(0, 3, MAP, 8))), DOMCTL,
                    args(OP), "0 hard=2 soft=3", v -> "hard=" + v.memory.read(MAP, 1) + " soft=" + v.memory.read(MAP + 8, 1)),
            row("setvcpuaffinity to pCPU 5 of 2", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(0b100000, affinity(0, 1, MAP, 8))), DOMCTL,
                    args(OP), "-22 pinned={1}", v -> "pinned=" + affinityOf(0)),
            row("setvcpuaffinity of vCPU 2 of 2", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(1, affinity(2, 1, MAP, 8))), DOMCTL, args(OP), "-22"),
            row("setvcpuaffinity without HARD or SOFT", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(1, affinity(0, 0, MAP, 8))), DOMCTL, args(OP), "-22"),
            row("setvcpuaffinity SOFT", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(1, affinity(0, 2, MAP, 8))), DOMCTL, args(OP), "-95"),
            row("setvcpuaffinity from a wild bitmap", 0, domctl(Domctl.SETVCPUAFFINITY, 1, affinity(0, 1, WILD, 8)), DOMCTL, args(OP), "-14"),
            row("setvcpuaffinity with a huge nr_bits", 0, domctl(Domctl.SETVCPUAFFINITY, 1, affinity(0, 1, MAP, 1 << 20)), DOMCTL, args(OP), "-22"),
            row("getvcpuaffinity of no such domain", 0, domctl(Domctl.GETVCPUAFFINITY, 77, withMap(0, affinity(0, 1, MAP, 8))), DOMCTL, args(OP), "-3"),
            row("getvcpuaffinity by a domU", 2, domctl(Domctl.GETVCPUAFFINITY, 1, withMap(0, affinity(0, 1, MAP, 8))), DOMCTL, args(OP), "-1"),
            row("setvcpuaffinity to every pCPU", 0, domctl(Domctl.SETVCPUAFFINITY, 1, withMap(0b11, affinity(0, 1, MAP, 8))), DOMCTL,
                    args(OP), "0 pinned=all", v -> "pinned=" + affinityOf(0)),
            row("getvcpucontext of vCPU 0", 0, domctl(Domctl.GETVCPUCONTEXT, 1, context(0, BUF)), DOMCTL, args(OP),
                    "0 r7=start_info pc=10000", v -> "r7=" + (v.memory.read(BUF + 56, 8) == target.get().startInfo() ? "start_info" : "?")
                            + " pc=" + Long.toHexString(v.memory.read(BUF + 64, 8))),
            row("getvcpucontext of a vCPU never initialised", 0, domctl(Domctl.GETVCPUCONTEXT, 1, context(1, BUF)), DOMCTL, args(OP), "-61"),
            row("getvcpucontext of vCPU 5 of 2", 0, domctl(Domctl.GETVCPUCONTEXT, 1, context(5, BUF)), DOMCTL, args(OP), "-3"),
            row("getvcpucontext into a null handle", 0, domctl(Domctl.GETVCPUCONTEXT, 1, context(0, 0)), DOMCTL, args(OP), "-22"),
            row("getvcpucontext into a wild pointer", 0, domctl(Domctl.GETVCPUCONTEXT, 1, context(0, WILD)), DOMCTL, args(OP), "-14"),
            row("getvcpucontext of no such domain", 0, domctl(Domctl.GETVCPUCONTEXT, 77, context(0, BUF)), DOMCTL, args(OP), "-3"),
            row("getvcpucontext by a domU", 2, domctl(Domctl.GETVCPUCONTEXT, 1, context(0, BUF)), DOMCTL, args(OP), "-1"),
            row("createdomain by dom0 with no vCPUs", 0, domctl(Domctl.CREATEDOMAIN, 0, NONE), DOMCTL, args(OP), "-22"),
            row("createdomain by a domU", 2, domctl(Domctl.CREATEDOMAIN, 0, NONE), DOMCTL, args(OP), "-1"),
            row("domctl from a wild pointer", 0, v -> { }, DOMCTL, args(WILD), "-14"),
            row("getdomaininfolist from 0", 0, sysctl(Sysctl.GETDOMAININFOLIST, infolist(0, 10, BUF)), SYSCTL, args(OP), "0 n=3 ids=0,1,2",
                    v -> "n=" + v.memory.read(OP + 24, 4) + " ids=" + v.memory.read(BUF, 2) + "," + v.memory.read(BUF + 112, 2) + ","
                            + v.memory.read(BUF + 224, 2)),
            row("getdomaininfolist from 1, at most 1", 0, sysctl(Sysctl.GETDOMAININFOLIST, infolist(1, 1, BUF)), SYSCTL, args(OP),
                    "0 n=1 id=1 vcpus=1", v -> "n=" + v.memory.read(OP + 24, 4) + " id=" + v.memory.read(BUF, 2) + " vcpus=" + v.memory.read(BUF + 64, 4)),
            row("getdomaininfolist into a wild buffer", 0, sysctl(Sysctl.GETDOMAININFOLIST, infolist(0, 10, WILD)), SYSCTL, args(OP), "-14"),
            row("getdomaininfolist by a domU", 2, sysctl(Sysctl.GETDOMAININFOLIST, infolist(0, 10, BUF)), SYSCTL, args(OP), "-1"),
            row("readconsole 64 bytes", 0, sysctl(Sysctl.READCONSOLE, readconsole(0, 0, 0, BUF, 64)), SYSCTL, args(OP),
                    "0 count=64 index=64 text=(XEN) Polyvisor", v -> "count=" + v.memory.read(OP + 24, 4) + " index=" + v.memory.read(OP + 12, 4)
                            + " text=" + text(v, BUF, 15)),
            row("readconsole incrementally from 64", 0, sysctl(Sysctl.READCONSOLE, readconsole(0, 1, 64, BUF2(), 16)), SYSCTL, args(OP),
                    "0 count=16 index=80 same=true", v -> "count=" + v.memory.read(OP + 24, 4) + " index=" + v.memory.read(OP + 12, 4)
                            + " same=" + text(v, BUF2(), 16).equals(ring(64, 16))),
            row("readconsole into a wild buffer", 0, sysctl(Sysctl.READCONSOLE, readconsole(0, 0, 0, WILD, 16384)), SYSCTL, args(OP), "-14"),
            row("readconsole and clear", 0, sysctl(Sysctl.READCONSOLE, readconsole(1, 0, 0, BUF, 16384)), SYSCTL, args(OP), "0",
                    v -> { consoleCount = v.memory.read(OP + 24, 4); return ""; }),
            row("readconsole after a clear starts after it", 0, sysctl(Sysctl.READCONSOLE, readconsole(0, 0, 0, BUF, 16384)), SYSCTL, args(OP),
                    "0 fewer=true", v -> "fewer=" + (v.memory.read(OP + 24, 4) < consoleCount)),
            row("readconsole by a domU", 2, sysctl(Sysctl.READCONSOLE, readconsole(0, 0, 0, BUF, 64)), SYSCTL, args(OP), "-1"),
            row("sched_id", 0, sysctl(Sysctl.SCHED_ID, NONE), SYSCTL, args(OP), "0 id=5", v -> "id=" + v.memory.read(OP + 8, 4)),
            row("physinfo", 0, sysctl(Sysctl.PHYSINFO, NONE), SYSCTL, args(OP), "0 nr_cpus=2", v -> "nr_cpus=" + v.memory.read(OP + 16, 4)),
            row("sysctl with an old interface version", 0, v -> {
                    sysctl(Sysctl.PHYSINFO, NONE).accept(v);
                    v.memory.write(OP + 4, 4, 0x10);
                }, SYSCTL, args(OP), "-13"));
        HypercallTable table = new HypercallTable(bits, big, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = table.bootWithDom0(isa)) {
            hv.set(h);
            target.set(HypercallTable.domU(h, isa, dir, "target", 2));
            HypercallTable.domU(h, isa, dir, "tool", 1);
            table.await(h);
        }
        table.check();
    }

    /** The policy file can grant a named domU the new operations by their Xen names; what it does not name stays -EPERM. */
    @org.junit.jupiter.api.Test
    void aPolicyGrantsTheNewOperationsByName() throws Exception {
        List<HypercallTable.Case> cases = List.of(
            row("max_mem, granted", 2, domctl(Domctl.MAX_MEM, 1, (v, u) -> v.memory.write(u, 8, 2048)), DOMCTL, args(OP), "0"),
            row("getvcpucontext, granted", 2, domctl(Domctl.GETVCPUCONTEXT, 1, context(0, BUF)), DOMCTL, args(OP), "0"),
            row("readconsole, granted", 2, sysctl(Sysctl.READCONSOLE, readconsole(0, 0, 0, BUF, 16)), SYSCTL, args(OP), "0 count=16",
                    v -> "count=" + v.memory.read(OP + 24, 4)),
            row("max_vcpus, not granted", 2, domctl(Domctl.MAX_VCPUS, 1, (v, u) -> v.memory.write(u, 4, 1)), DOMCTL, args(OP), "-1"),
            row("getdomaininfolist, not granted", 2, sysctl(Sysctl.GETDOMAININFOLIST, infolist(0, 10, BUF)), SYSCTL, args(OP), "-1"));
        HypercallTable table = new HypercallTable(64, false, cases);
        ScriptedIsa isa = table.isa();
        try (Hypervisor h = ScriptedDomains.boot(isa)) {
            h.setPolicy(org.polyvisor.kernel.control.XsmPolicy.parse("p", List.of("allow tool max_mem getvcpucontext readconsole")));
            target.set(HypercallTable.domU(h, isa, dir, "target", 2));
            HypercallTable.domU(h, isa, dir, "tool", 1);
            table.await(h);
        }
        table.check();
    }

    private static long BUF2() { return HypercallTable.BUF2; }

    private static String text(ScriptedIsa.ScriptedVcpu v, long at, int n) {
        byte[] b = new byte[n];
        v.memory.readBytes(at, b, 0, n);
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    /** Bytes {@code from..from+n} of everything the hypervisor logged, as the console ring holds them. */
    private String ring(int from, int n) {
        String all = String.join("\n", hv.get().log().lines()) + "\n";
        return all.substring(from, from + n);
    }
}
