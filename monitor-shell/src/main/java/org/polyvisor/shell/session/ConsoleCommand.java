package org.polyvisor.shell.session;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "console", description = "Attach to a domain's console (history, then live output); Ctrl-] detaches.")
final class ConsoleCommand implements Callable<Integer> {
    private final ShellSession s;

    @Parameters(paramLabel = "<dom>", description = "domain id or name")
    String dom;

    ConsoleCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() throws Exception {
        ConsoleAttach.run(s.domain(dom), s.out(), s.keys());
        return 0;
    }
}
