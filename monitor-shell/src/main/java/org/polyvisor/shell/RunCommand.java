package org.polyvisor.shell;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.ConfigException;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.shell.session.ConsoleStream;
import org.polyvisor.shell.view.Messages;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code polyvisor run}: boots the hypervisor and dom0, creates one domain, copies its console to standard output
 * as it comes, and exits with the domain's fate: 0 poweroff, 1 crash (the message on standard error), 2 bad input,
 * 3 timeout; or, when an HVM guest ended through a test device, that device's code (as QEMU's isa-debug-exit does).
 */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Boot the hypervisor and dom0, run one domain with its console on standard output, and exit"
                + " when it ends: 0 poweroff, 1 crash, 2 bad input, 3 timeout.")
final class RunCommand implements Callable<Integer> {
    @Mixin
    BootOptions boot;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "destroy the domain and exit 3 after this long (default: no limit)")
    double timeoutSeconds;

    @Parameters(paramLabel = "<cfg>", description = "the domain's config file (xl.cfg syntax plus 'isa')")
    Path cfg;

    @Spec
    CommandSpec spec;

    @Override
    @SuppressWarnings("try")
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (timeoutSeconds < 0) throw UserError.badInput("--timeout must be 0 (no limit) or more seconds, was " + timeoutSeconds);
        DomainConfig config;
        try {
            config = DomainConfig.read(cfg);
        } catch (ConfigException e) {
            throw UserError.badInput(e.getMessage());
        }
        for (String w : config.warnings()) err.println("warning: " + w);
        err.flush();
        IsaCatalog isas = IsaCatalog.load();
        List<String> preferred = new ArrayList<>();
        preferred.add(BootOptions.DEFAULT_DOM0_ISA);
        if (config.isa() != null) preferred.add(config.isa());
        isas.all().forEach(p -> preferred.add(p.id()));
        try (Hypervisor h = boot.boot(isas, preferred)) {
            Domain d;
            try {
                d = h.create(config);
            } catch (DomainCreateException e) {
                throw UserError.badInput(e.getMessage());
            }
            DomainEnd end;
            try (ConsoleStream ignored = ConsoleStream.open(d.console(), bytes -> {
                out.write(new String(bytes, StandardCharsets.ISO_8859_1));
                out.flush();
            })) {
                end = timeoutSeconds > 0 ? d.ended().get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS) : d.ended().get();
            } catch (TimeoutException e) {
                h.destroy(d);
                out.flush();
                err.println("polyvisor: timeout: " + d.describe() + " was still running after " + seconds() + " s; destroyed it");
                return ExitCodes.TIMEOUT;
            } catch (ExecutionException e) {
                throw new UserError(ExitCodes.FAILED, Messages.oneLine(e));
            }
            out.flush();
            // A test device's verdict (isa-debug-exit, the test finisher) is the exit status, as under QEMU.
            if (end.poweredOff() && d.exitCode() != null) return d.exitCode() & 0xFF;
            if (end.poweredOff()) return ExitCodes.OK;
            err.println(Messages.flatten(end.message()));
            return ExitCodes.FAILED;
        }
    }

    private String seconds() {
        return timeoutSeconds == Math.rint(timeoutSeconds) ? Long.toString((long) timeoutSeconds) : Double.toString(timeoutSeconds);
    }
}
