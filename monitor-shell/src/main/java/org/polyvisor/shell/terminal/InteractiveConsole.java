package org.polyvisor.shell.terminal;

import java.io.IOException;
import java.io.PrintWriter;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.shell.session.ShellSession;

/**
 * The monitor shell on a terminal: JLine line editing, history (also in ~/.polyvisor_history when writable),
 * completion; Ctrl-C cancels the line, Ctrl-D quits.
 */
public final class InteractiveConsole {
    private InteractiveConsole() { }

    /** Runs the shell until quit or Ctrl-D, then closes the hypervisor. Returns the exit code (0). */
    public static int run(Hypervisor h) throws IOException {
        Terminal t;
        try {
            t = terminal();
        } catch (IOException | RuntimeException e) {
            h.close();
            throw e;
        }
        try (Terminal terminal = t) {
            PrintWriter out = terminal.writer();
            try (ShellSession session = new ShellSession(h, out, out, new TerminalKeys(terminal))) {
                LineReaderBuilder b = LineReaderBuilder.builder().terminal(terminal).appName("polyvisor")
                        .completer(new ShellCompleter(session))
                        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                        .option(LineReader.Option.HISTORY_IGNORE_DUPS, true);
                HistoryFile.find().ifPresent(p -> b.variable(LineReader.HISTORY_FILE, p));
                LineReader reader = b.build();
                out.println("Polyvisor " + Hypervisor.VERSION + ": dom0 on " + session.dom0Isa().orElse("none") + ", "
                        + h.options().pcpus() + " pCPUs, " + h.options().hostMemoryMiB() + " MiB; ISAs: " + h.isas().ids()
                        + ". Type 'help' for the commands.");
                out.flush();
                while (true) {
                    String line;
                    try {
                        line = reader.readLine(session.prompt());
                    } catch (UserInterruptException e) {
                        continue;
                    } catch (EndOfFileException e) {
                        break;
                    }
                    if (!session.execute(line)) break;
                }
                try {
                    reader.getHistory().save();
                } catch (IOException | RuntimeException e) {
                    // History is a convenience; losing it is not worth an error on the way out.
                }
            }
        }
        return 0;
    }

    /** The system terminal. Ctrl-C outside of line editing is ignored, so it cannot kill the hypervisor. */
    private static Terminal terminal() throws IOException {
        TerminalBuilder b = TerminalBuilder.builder().system(true).nativeSignals(true).signalHandler(Terminal.SignalHandler.SIG_IGN);
        // Without --enable-native-access, JLine's FFM provider makes the JVM print warnings; stty does the same job.
        if (!InteractiveConsole.class.getModule().isNativeAccessEnabled()) b.ffm(false).jni(false);
        return b.build();
    }
}
