package org.polyvisor.shell.session;

import java.util.List;
import java.util.concurrent.Callable;
import org.polyvisor.shell.view.HostInfoView;
import org.polyvisor.shell.view.IsaListView;
import picocli.CommandLine.Command;

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

    @Command(name = "dmesg", description = "Show the hypervisor's log (xl dmesg).")
    static final class Dmesg implements Callable<Integer> {
        private final ShellSession s;

        Dmesg(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            s.hypervisor().log().lines().forEach(s.out()::println);
            return 0;
        }
    }
}
