package org.polyvisor.shell.session;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

@Command(name = "quit", description = "Stop every domain, shut the hypervisor down and leave.")
final class QuitCommand implements Callable<Integer> {
    private final ShellSession s;

    QuitCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() {
        s.requestQuit();
        return 0;
    }
}
