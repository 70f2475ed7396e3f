package org.polyvisor.shell.session;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "create", description = "Create a domain from an xl.cfg file and start it.")
final class CreateCommand implements Callable<Integer> {
    private final ShellSession s;

    @Parameters(paramLabel = "<cfg>", description = "the domain's config file (xl.cfg syntax plus 'isa')")
    String cfg;

    CreateCommand(ShellSession s) { this.s = s; }

    @Override
    public Integer call() throws Exception {
        DomainConfig config = DomainConfig.read(Paths.expand(cfg));
        for (String w : config.warnings()) s.out().println("warning: " + w);
        Domain d = s.hypervisor().create(config);
        s.out().println("created domain " + d.id() + " (" + d.name() + ", " + d.isa().id() + ")");
        return 0;
    }

    /** Paths as a shell user types them: "~/" is the home folder. */
    static final class Paths {
        private Paths() { }

        static Path expand(String p) {
            if (p.equals("~")) return Path.of(System.getProperty("user.home"));
            if (p.startsWith("~/")) return Path.of(System.getProperty("user.home"), p.substring(2));
            return Path.of(p);
        }
    }
}
