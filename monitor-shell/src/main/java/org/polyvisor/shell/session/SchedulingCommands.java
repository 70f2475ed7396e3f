package org.polyvisor.shell.session;

import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.config.SchedulingConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.VcpuHandle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** xl's scheduling and vCPU commands: sched-credit, vcpu-list, vcpu-pin, vcpu-set. */
final class SchedulingCommands {
    private SchedulingCommands() { }

    @Command(name = "sched-credit", description = "Show or set credit scheduler weight and cap (xl sched-credit).")
    static final class SchedCredit implements Callable<Integer> {
        private final ShellSession s;

        @Option(names = "-d", paramLabel = "<dom>", description = "the domain (all when absent)") String dom;
        @Option(names = "-w", paramLabel = "<weight>", description = "weight, 1 to 65535") Integer weight;
        @Option(names = "-c", paramLabel = "<cap>", description = "cap in % of one pCPU, 0 for none") Integer cap;

        SchedCredit(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            if ((weight != null || cap != null) && dom == null) throw new IllegalArgumentException("-w and -c need -d <dom>");
            List<Domain> ds = dom == null ? s.hypervisor().domains() : List.of(s.domain(dom));
            if (weight != null || cap != null) {
                Domain d = ds.get(0);
                s.hypervisor().setCredit(d, weight == null ? d.weight() : weight, cap == null ? d.cap() : cap);
            }
            String sched = s.hypervisor().info().scheduler();
            s.out().println("Scheduler " + sched + (sched.equals("credit") ? ": tslice=30ms, accounting every 10ms (virtual time)" : ""));
            s.out().println(String.format(Locale.ROOT, "%-32s %5s %6s %4s", "Name", "ID", "Weight", "Cap"));
            for (Domain d : ds) s.out().println(String.format(Locale.ROOT, "%-32s %5d %6d %4d", d.name(), d.id(), d.weight(), d.cap()));
            return 0;
        }
    }

    @Command(name = "vcpu-list", description = "List the vCPUs of every domain, or of the ones named (xl vcpu-list).")
    static final class VcpuList implements Callable<Integer> {
        private final ShellSession s;

        @Parameters(arity = "0..*", paramLabel = "<dom>") List<String> doms = List.of();

        VcpuList(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            List<Domain> ds = doms.isEmpty() ? s.hypervisor().domains() : doms.stream().map(s::domain).toList();
            s.out().println(String.format(Locale.ROOT, "%-32s %5s %5s %5s %-6s %s", "Name", "ID", "VCPU", "CPU", "State", "Affinity (Hard)"));
            for (Domain d : ds) {
                for (VcpuHandle v : d.vcpus()) {
                    String state = !v.up() ? "-" : v.onCpu() ? "r" : v.blocked() ? "b" : "-";
                    String cpu = v.onCpu() && v.lastPcpu() >= 0 ? String.valueOf(v.lastPcpu()) : "-";
                    s.out().println(String.format(Locale.ROOT, "%-32s %5d %5d %5s %-6s %s", d.name(), d.id(), v.vcpuId(), cpu,
                            state + (v.up() ? "--" : "p-"), cpus(v.affinity())));
                }
            }
            return 0;
        }

        static String cpus(BitSet b) {
            if (b == null) return "all";
            StringBuilder sb = new StringBuilder();
            for (int i = b.nextSetBit(0); i >= 0; ) {
                int j = b.nextClearBit(i) - 1;
                if (!sb.isEmpty()) sb.append(',');
                sb.append(i == j ? String.valueOf(i) : i + "-" + j);
                i = b.nextSetBit(j + 1);
            }
            return sb.toString();
        }
    }

    @Command(name = "vcpu-pin", description = "Pin a domain's vCPU (or all) to pCPUs, e.g. vcpu-pin web 0 1 or vcpu-pin web all 0-1.")
    static final class VcpuPin implements Callable<Integer> {
        private final ShellSession s;

        @Parameters(index = "0", paramLabel = "<dom>") String dom;
        @Parameters(index = "1", paramLabel = "<vcpu>", description = "a vCPU number or all") String vcpu;
        @Parameters(index = "2", paramLabel = "<cpus>", description = "pCPUs: all, 3, 0-1, 0,2") String cpus;

        VcpuPin(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            BitSet set = SchedulingConfig.parseCpus(cpus);
            if (vcpu.equals("all")) {
                for (int i = 0; i < d.vcpus().size(); i++) s.hypervisor().pin(d, i, set);
            } else {
                int n;
                try {
                    n = Integer.parseInt(vcpu);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + vcpu + "' is not a vCPU number or all");
                }
                s.hypervisor().pin(d, n, set);
            }
            s.out().println("pinned " + d.describe() + " vCPU " + vcpu + " to pCPUs " + VcpuList.cpus(set));
            return 0;
        }
    }

    @Command(name = "vcpu-set", description = "Set how many of a domain's vCPUs should be online (xl vcpu-set); its hotplug watcher acts on it.")
    static final class VcpuSet implements Callable<Integer> {
        private final ShellSession s;

        @Parameters(index = "0", paramLabel = "<dom>") String dom;
        @Parameters(index = "1", paramLabel = "<n>", description = "1 to the domain's maxvcpus") int n;

        VcpuSet(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            s.hypervisor().vcpuSet(d, n);
            s.out().println("vCPUs of " + d.describe() + " set to " + n + " online (of " + d.maxVcpus() + ")");
            return 0;
        }
    }
}
