package org.polyvisor.shell.session;

import java.util.List;
import java.util.concurrent.Callable;
import org.polyvisor.shell.view.HostInfoView;
import org.polyvisor.shell.view.IsaListView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The commands that show the host: isa, info, dmesg. */
final class HostCommands {
    private HostCommands() { }

    @Command(name = "isa", description = "List the loaded ISA backends.")
    static final class Isa implements Callable<Integer> {
        private final ShellSession s;

        Isa(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            List<String> lines = IsaListView.lines(s.hypervisor().isas());
            if (lines.isEmpty()) s.out().println(IsaListView.NONE);
            lines.forEach(s.out()::println);
            return 0;
        }
    }

    @Command(name = "info", description = "Show the host: version, pCPUs, memory, scheduler, ISAs (xl info).")
    static final class Info implements Callable<Integer> {
        private final ShellSession s;

        Info(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            HostInfoView.lines(s.hypervisor().info(), s.dom0Isa().orElse(null)).forEach(s.out()::println);
            return 0;
        }
    }

    @Command(name = "dmesg", description = "Show the hypervisor's console ring (xl dmesg; -c clears it after).")
    static final class Dmesg implements Callable<Integer> {
        private final ShellSession s;

        @Option(names = "-c", description = "clear the ring after reading it") boolean clear;

        Dmesg(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            s.out().print(s.hypervisor().dmesg(clear));
            s.out().flush();
            return 0;
        }
    }
}
