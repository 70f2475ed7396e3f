package org.polyvisor.shell.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.domain.DomainInfo;
import org.polyvisor.shell.view.DomainListView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** xl list: every domain, or the ones named; an unknown name is an error, as in xl. */
@Command(name = "list", description = "List the domains, or the ones named (xl list, plus ISA and type).")
final class ListCommand implements Callable<Integer> {
    private final ShellSession s;

    @Parameters(arity = "0..*", paramLabel = "<dom>", description = "Domain ids or names; all domains when none.")
    private List<String> domains = new ArrayList<>();

    ListCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() {
        List<DomainInfo> rows = domains.isEmpty() ? s.hypervisor().list()
                : domains.stream().map(d -> s.hypervisor().domain(d).info()).toList();
        DomainListView.lines(rows).forEach(s.out()::println);
        return 0;
    }
}
