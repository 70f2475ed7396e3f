package org.polyvisor.shell.session;

import java.util.concurrent.Callable;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.spi.ShutdownReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** The lifecycle commands that take one domain: destroy, shutdown, pause, unpause. */
final class DomainOpCommands {
    private DomainOpCommands() { }

    /** A command whose one argument is a domain id or name. */
    abstract static class On implements Callable<Integer> {
        final ShellSession s;

        @Parameters(paramLabel = "<dom>", description = "domain id or name")
        String dom;

        On(ShellSession s) { this.s = s; }

        @Override
        public Integer call() {
            Domain d = s.domain(dom);
            s.out().println(apply(d));
            return 0;
        }

        /** Does it; returns the confirmation line. */
        abstract String apply(Domain d);
    }

    @Command(name = "destroy", description = "Stop a domain at once and free its memory.")
    static final class Destroy extends On {
        Destroy(ShellSession s) { super(s); }

        @Override
        String apply(Domain d) {
            s.hypervisor().destroy(d);
            return "destroyed " + d.describe();
        }
    }

    @Command(name = "shutdown", description = "Shut a domain down (poweroff); its on_poweroff action follows.")
    static final class Shutdown extends On {
        Shutdown(ShellSession s) { super(s); }

        @Override
        String apply(Domain d) {
            s.hypervisor().shutdown(d, ShutdownReason.POWEROFF);
            return "shut down " + d.describe();
        }
    }

    @Command(name = "pause", description = "Stop scheduling a domain's vCPUs (pauses nest: each needs its unpause, as in Xen).")
    static final class Pause extends On {
        Pause(ShellSession s) { super(s); }

        @Override
        String apply(Domain d) {
            s.hypervisor().pause(d);
            int n = d.controllerPauses();
            return "paused " + d.describe() + (n > 1 ? " (" + n + " pauses to undo)" : "");
        }
    }

    @Command(name = "unpause", description = "Undo one pause; the domain runs again when none is left.")
    static final class Unpause extends On {
        Unpause(ShellSession s) { super(s); }

        @Override
        String apply(Domain d) {
            s.hypervisor().unpause(d);
            int n = d.controllerPauses();
            return n > 0 ? d.describe() + " stays paused (" + n + " more pause" + (n == 1 ? "" : "s") + " to undo)" : "unpaused " + d.describe();
        }
    }
}
