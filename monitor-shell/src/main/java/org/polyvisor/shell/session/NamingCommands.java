package org.polyvisor.shell.session;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.domain.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** xl's naming and time commands: domid, domname, rename, uptime. */
final class NamingCommands {
    private NamingCommands() { }

    @Command(name = "domid", description = "Print the id of the domain with this name (xl domid).")
    static final class DomId implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(paramLabel = "<name>") String name;

        DomId(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            s.out().println(s.domain(name).id());
            return 0;
        }
    }

    @Command(name = "domname", description = "Print the name of the domain with this id (xl domname).")
    static final class DomName implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(paramLabel = "<id>") String id;

        DomName(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            if (!id.chars().allMatch(Character::isDigit)) throw new IllegalArgumentException("'" + id + "' is not a domain id");
            s.out().println(s.domain(id).name());
            return 0;
        }
    }

    @Command(name = "rename", description = "Give a domain a new name (xl rename).")
    static final class Rename implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(index = "0", paramLabel = "<dom>") String dom;
        @Parameters(index = "1", paramLabel = "<new-name>") String name;

        Rename(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            String old = d.name();
            s.hypervisor().rename(d, name);
            s.out().println("renamed domain " + d.id() + " from " + old + " to " + name);
            return 0;
        }
    }

    @Command(name = "uptime", description = "How long the host and each domain have been up (xl uptime).")
    static final class Uptime implements Callable<Integer> {
        private final ShellSession s;
        @Parameters(arity = "0..*", paramLabel = "<dom>") List<String> doms = List.of();

        Uptime(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            List<Domain> ds = doms.isEmpty() ? s.hypervisor().domains() : doms.stream().map(s::domain).toList();
            s.out().println(String.format(Locale.ROOT, "%-32s %5s %s", "Name", "ID", "Uptime"));
            for (Domain d : ds) s.out().println(String.format(Locale.ROOT, "%-32s %5d %s", d.name(), d.id(), hms(d.uptimeSeconds())));
            return 0;
        }

        static String hms(long sec) { return String.format(Locale.ROOT, "%d:%02d:%02d", sec / 3600, sec / 60 % 60, sec % 60); }
    }
}
