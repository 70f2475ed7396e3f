package org.polyvisor.shell;

import java.io.InputStream;
import java.util.List;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.shell.terminal.InteractiveConsole;
import org.polyvisor.shell.terminal.PipedConsole;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polyvisor}: with no subcommand, boots the hypervisor with dom0 and opens the monitor shell. */
@Command(name = "polyvisor", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"A Xen-style hypervisor for x86, x86_64, arm64, ia64 and ppc guests.",
                "With no command: boots the hypervisor with dom0 and opens the monitor shell (reads commands from"
                        + " standard input when it is not a terminal)."},
        subcommands = {RunCommand.class, IsaCommand.class, DisasmCommand.class},
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done (run: the domain powered off)", "1:failure (run: the domain crashed)",
                "2:bad input (options, config, ISA, kernel image)", "3:run: timeout (the domain was destroyed)"})
final class PolyvisorCommand implements Callable<Integer> {
    private final InputStream in;
    private final boolean interactive;

    @Mixin
    BootOptions boot;

    @Spec
    CommandSpec spec;

    PolyvisorCommand(InputStream in, boolean interactive) {
        this.in = in;
        this.interactive = interactive;
    }

    @Override
    public Integer call() throws Exception {
        IsaCatalog isas = IsaCatalog.load();
        Hypervisor h = boot.boot(isas, List.of(BootOptions.DEFAULT_DOM0_ISA));
        if (interactive) return InteractiveConsole.run(h);
        return PipedConsole.run(h, in, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
