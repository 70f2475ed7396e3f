package org.polyvisor.shell.session;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import java.util.function.Consumer;

/**
 * {@code console <dom>}: shows the domain's console (history, then live) until Ctrl-] is typed, the input ends,
 * or the domain ends. Other keys go to the guest's PV console ring (its {@code in} side), as xl console sends them.
 */
public final class ConsoleAttach {
    /** Ctrl-], as in xl console and telnet. */
    public static final int DETACH_KEY = 0x1d;
    /** How often the domain's end is checked while no key comes. */
    private static final long POLL_MILLIS = 50;

    private ConsoleAttach() { }

    /** How the attachment ended. */
    public enum Detach { KEY, END_OF_INPUT, DOMAIN_ENDED }

    @SuppressWarnings("try")
    public static Detach run(Domain d, PrintWriter out, KeySource keys) throws Exception {
        var sink = new Sink(out);
        out.println("[console of " + d.describe() + "; Ctrl-] detaches]");
        out.flush();
        Detach why;
        try (AutoCloseable raw = keys.raw(); ConsoleStream stream = ConsoleStream.open(d.console(), sink)) {
            while (true) {
                if (d.ended().isDone()) { why = Detach.DOMAIN_ENDED; break; }
                int c = keys.read(POLL_MILLIS);
                if (c == DETACH_KEY) { why = Detach.KEY; break; }
                if (c == KeySource.EOF) { why = Detach.END_OF_INPUT; break; }
                if (c >= 0) d.consoleInput(new byte[] {(byte) c});
            }
        }
        synchronized (out) {
            if (sink.midLine) out.println();
            switch (why) {
                case KEY -> out.println("[detached from " + d.describe() + "]");
                case END_OF_INPUT -> out.println("[end of input; detached from " + d.describe() + "]");
                case DOMAIN_ENDED -> {
                    DomainEnd e = d.ended().getNow(null);
                    out.println("[" + (e == null ? d.describe() + " ended" : e.message()) + "; detached]");
                }
            }
            out.flush();
        }
        return why;
    }

    /** Writes console bytes as they come and remembers whether the last line is unfinished. */
    private static final class Sink implements Consumer<byte[]> {
        private final PrintWriter out;
        volatile boolean midLine;

        Sink(PrintWriter out) { this.out = out; }

        @Override
        public void accept(byte[] bytes) {
            if (bytes.length == 0) return;
            synchronized (out) {
                out.write(new String(bytes, StandardCharsets.ISO_8859_1));
                out.flush();
                midLine = bytes[bytes.length - 1] != '\n';
            }
        }
    }
}
