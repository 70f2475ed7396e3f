package org.polyvisor.shell.session;

import java.util.function.Consumer;
import org.polyvisor.kernel.console.ConsoleBuffer;

/**
 * Follows a domain's console: first what it has printed so far, then every later byte as it comes, each byte
 * exactly once (the kernel's {@link ConsoleBuffer#attachWithHistory} orders the attach with the guest's writes).
 */
public final class ConsoleStream implements AutoCloseable {
    private final AutoCloseable attachment;

    private ConsoleStream(AutoCloseable attachment) { this.attachment = attachment; }

    /** Sends the history, then live output, to {@code sink} until closed. */
    public static ConsoleStream open(ConsoleBuffer console, Consumer<byte[]> sink) {
        return new ConsoleStream(console.attachWithHistory(sink));
    }

    @Override
    public void close() {
        try {
            attachment.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot detach from the console: " + e.getMessage(), e);
        }
    }
}
