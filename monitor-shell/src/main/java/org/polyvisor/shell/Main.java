package org.polyvisor.shell;

import java.io.InputStream;
import java.io.PrintWriter;
import org.polyvisor.kernel.config.ConfigException;
import org.polyvisor.kernel.domain.DomainCreateException;
import org.polyvisor.kernel.isa.UnknownIsaException;
import org.polyvisor.shell.view.Messages;
import picocli.CommandLine;
import java.io.Console;

/** The launcher's entry point: {@code polyvisor [options] [run|isa|disasm ...]}. */
public final class Main {
    private Main() { }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, false, System.out.charset());
        PrintWriter err = new PrintWriter(System.err, true, System.err.charset());
        int code = execute(args, System.in, out, err, isTerminal());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs {@code polyvisor} with these arguments, without a terminal (commands come from {@code in}); returns the exit code. */
    public static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err) {
        return execute(args, in, out, err, false);
    }

    static int execute(String[] args, InputStream in, PrintWriter out, PrintWriter err, boolean interactive) {
        CommandLine cl = new CommandLine(new PolyvisorCommand(in, interactive));
        cl.setExpandAtFiles(false);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, a) -> {
            String help = ex.getCommandLine().getCommandSpec().qualifiedName();
            String message = Messages.flatten(ex.getMessage());
            if (ex instanceof CommandLine.UnmatchedArgumentException u && ex.getCommandLine() == cl && !u.getUnmatched().isEmpty()
                    && !u.getUnmatched().getFirst().startsWith("-"))
                message = "no such command: " + u.getUnmatched().getFirst() + " (commands: "
                        + String.join(", ", cl.getSubcommands().keySet()) + ")";
            err.println("polyvisor: " + message + " (see '" + help + " --help')");
            err.flush();
            return ExitCodes.BAD_INPUT;
        });
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            out.flush();
            err.println("polyvisor: " + Messages.oneLine(ex));
            err.flush();
            return exitCode(ex);
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static int exitCode(Exception e) {
        return switch (e) {
            case UserError u -> u.exitCode();
            case ConfigException c -> ExitCodes.BAD_INPUT;
            case DomainCreateException d -> ExitCodes.BAD_INPUT;
            case UnknownIsaException u -> ExitCodes.BAD_INPUT;
            default -> ExitCodes.FAILED;
        };
    }

    /** Both standard input and output are a terminal: the interactive console, else commands are read line by line. */
    private static boolean isTerminal() {
        Console c = System.console();
        return c != null && c.isTerminal();
    }
}
