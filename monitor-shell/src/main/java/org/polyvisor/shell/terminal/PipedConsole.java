package org.polyvisor.shell.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.shell.session.ShellSession;

/** The monitor shell without a terminal ({@code echo list | polyvisor}): one command a line, no prompt, ends at end of input. */
public final class PipedConsole {
    private PipedConsole() { }

    /** Runs the commands of {@code in} and closes the hypervisor. Returns the exit code (0). */
    public static int run(Hypervisor h, InputStream in, PrintWriter out, PrintWriter err) throws IOException {
        PipedKeys keys = new PipedKeys(in, Charset.defaultCharset());
        try (ShellSession session = new ShellSession(h, out, err, keys)) {
            for (String line; (line = keys.readLine()) != null; ) {
                if (!session.execute(line)) break;
            }
        }
        return 0;
    }
}
