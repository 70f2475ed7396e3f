package org.polyvisor.shell;

import java.util.List;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.shell.view.IsaListView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code polyvisor isa}: the ISA backends ServiceLoader found. */
@Command(name = "isa", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "List the loaded ISA backends: id, word size, byte order, ELF machine, description.")
final class IsaCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<String> lines = IsaListView.lines(IsaCatalog.load());
        if (lines.isEmpty()) throw new UserError(ExitCodes.FAILED, IsaListView.NONE);
        lines.forEach(spec.commandLine().getOut()::println);
        return ExitCodes.OK;
    }
}
