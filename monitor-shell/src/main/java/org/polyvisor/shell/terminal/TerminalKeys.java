package org.polyvisor.shell.terminal;

import java.io.IOException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;
import org.polyvisor.shell.session.KeySource;

/** Keys from a JLine terminal; {@link #raw()} turns off line editing and echo and ignores Ctrl-C. */
final class TerminalKeys implements KeySource {
    private final Terminal terminal;

    TerminalKeys(Terminal terminal) { this.terminal = terminal; }

    @Override
    public int read(long timeoutMillis) throws IOException {
        int c = terminal.reader().read(timeoutMillis);
        return c == NonBlockingReader.READ_EXPIRED ? TIMEOUT : c < 0 ? EOF : c;
    }

    @Override
    public AutoCloseable raw() {
        Attributes before = terminal.enterRawMode();
        Terminal.SignalHandler interrupt = terminal.handle(Terminal.Signal.INT, s -> { });
        return () -> {
            terminal.setAttributes(before);
            terminal.handle(Terminal.Signal.INT, interrupt);
        };
    }
}
