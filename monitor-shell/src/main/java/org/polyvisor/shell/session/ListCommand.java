package org.polyvisor.shell.session;

import java.util.concurrent.Callable;
import org.polyvisor.shell.view.DomainListView;
import picocli.CommandLine.Command;

@Command(name = "list", description = "List the domains (xl list, plus ISA and type).")
final class ListCommand implements Callable<Integer> {
    private final ShellSession s;

    ListCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() {
        DomainListView.lines(s.hypervisor().list()).forEach(s.out()::println);
        return 0;
    }
}
