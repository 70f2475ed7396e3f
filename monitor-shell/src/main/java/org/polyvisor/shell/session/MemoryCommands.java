package org.polyvisor.shell.session;

import java.util.Locale;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Memory and load: mem-set (the balloon target), mem-max (the maximum) and top (one snapshot, as xentop -b -i 1). */
final class MemoryCommands {
    private MemoryCommands() { }

    @Command(name = "mem-set", description = "Set a domain's balloon target in MiB (xl mem-set); its balloon driver acts on it.")
    static final class MemSet implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(index = "0", paramLabel = "<dom>") String dom;
        @Parameters(index = "1", paramLabel = "<MiB>") long mib;

        MemSet(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            s.hypervisor().memSet(d, mib);
            s.out().println("balloon target of " + d.describe() + " set to " + mib + " MiB");
            return 0;
        }
    }

    @Command(name = "mem-max", description = "Set a domain's maximum memory in MiB (xl mem-max; XEN_DOMCTL_max_mem), at most what it was built with.")
    static final class MemMax implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(index = "0", paramLabel = "<dom>") String dom;
        @Parameters(index = "1", paramLabel = "<MiB>") long mib;

        MemMax(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            s.hypervisor().memMax(d, mib);
            s.out().println("maximum memory of " + d.describe() + " set to " + mib + " MiB");
            return 0;
        }
    }

    @Command(name = "top", description = "One snapshot of every domain's CPU, instructions and memory (xentop -b -i 1).")
    static final class Top implements Callable<Integer> {
        private final ShellSession s;

        Top(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            s.out().println(String.format(Locale.ROOT, "%-24s %5s %-7s %-6s %9s %14s %9s %9s", "NAME", "ID", "ISA", "STATE",
                    "CPU(sec)", "INSTRUCTIONS", "MEM(MiB)", "TOUCHED"));
            for (Domain d : s.hypervisor().domains()) {
                DomainInfo i = d.info();
                s.out().println(String.format(Locale.ROOT, "%-24s %5d %-7s %-6s %9.1f %14d %9d %9d", i.name(), i.id(), i.isa(),
                        i.stateFlags(), i.cpuSeconds(), i.instructions(), i.memoryMiB(), (long) d.memory().populatedPages() * 4 / 1024));
            }
            return 0;
        }
    }
}
