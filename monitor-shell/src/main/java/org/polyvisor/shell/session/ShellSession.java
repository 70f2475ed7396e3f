package org.polyvisor.shell.session;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.shell.view.Messages;
import picocli.CommandLine;

/**
 * One monitor shell over a booted hypervisor: executes command lines and writes what they print. It knows no
 * terminal: output goes to {@code out}, errors as one line "error: ..." to {@code err}, and an attached console
 * reads its keys from a {@link KeySource}. Not thread-safe; one line at a time.
 */
public final class ShellSession implements AutoCloseable {
    private final Hypervisor hypervisor;
    private final PrintWriter out;
    private final PrintWriter err;
    private final KeySource keys;
    private final String dom0Isa;
    private final CommandLine commands;
    private boolean quit;
    private boolean closed;

    public ShellSession(Hypervisor hypervisor, PrintWriter out, PrintWriter err, KeySource keys) {
        this.hypervisor = hypervisor;
        this.out = out;
        this.err = err;
        this.keys = keys;
        this.dom0Isa = hypervisor.find("0").map(d -> d.isa().id()).orElse(null);
        this.commands = ShellCommands.build(this);
    }

    /** Runs one command line. Returns false once the user asked to quit. Never throws for a bad command. */
    public boolean execute(String line) {
        if (quit) return false;
        try {
            List<String> words = Words.split(line);
            if (words.isEmpty() || words.getFirst().startsWith("#")) return true;
            String name = words.getFirst();
            if (!commands.getSubcommands().containsKey(name)) {
                error("unknown command '" + name + "'; type 'help' for the list");
                return true;
            }
            commands.execute(words.toArray(String[]::new));
        } catch (RuntimeException | LinkageError e) {
            error(Messages.oneLine(e));
        } finally {
            out.flush();
            err.flush();
        }
        return !quit;
    }

    public String prompt() { return "polyvisor (dom0: " + (dom0Isa == null ? "none" : dom0Isa) + ")> "; }

    /** The command names, for completion and help. */
    public List<String> commandNames() { return List.copyOf(commands.getSubcommands().keySet()); }

    /** Names of the commands whose argument is a domain. */
    public static final List<String> DOMAIN_COMMANDS = List.of("console", "destroy", "domid", "list", "mem-max", "mem-set", "pause",
            "rename", "shutdown", "unpause", "uptime", "vcpu-list", "vcpu-pin", "vcpu-set");

    public Hypervisor hypervisor() { return hypervisor; }

    public PrintWriter out() { return out; }

    public PrintWriter err() { return err; }

    public KeySource keys() { return keys; }

    public Optional<String> dom0Isa() { return Optional.ofNullable(dom0Isa); }

    /** The domain with this id or name, or a one-line error. */
    public Domain domain(String idOrName) { return hypervisor.domain(idOrName); }

    public boolean quitRequested() { return quit; }

    void requestQuit() { quit = true; }

    CommandLine commandLine() { return commands; }

    void error(String message) {
        err.println("error: " + Messages.flatten(message));
        err.flush();
    }

    /** Closes the hypervisor: every domain is stopped. */
    @Override
    public void close() {
        quit = true;
        if (closed) return;
        closed = true;
        hypervisor.close();
    }
}
