package org.polyvisor.shell.terminal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.polyvisor.shell.session.KeySource;

/**
 * Input that is not a terminal, read by one daemon thread into a queue so that both command lines and the keys of
 * an attached console come from it in order, and a console can wait for a key with a timeout.
 */
public final class PipedKeys implements KeySource {
    private final LinkedBlockingQueue<Integer> queue = new LinkedBlockingQueue<>();
    private volatile boolean eof;

    public PipedKeys(InputStream in, Charset charset) {
        Reader reader = new InputStreamReader(in, charset);
        Thread.ofPlatform().daemon().name("polyvisor-stdin").start(() -> {
            try {
                for (int c; (c = reader.read()) >= 0; ) queue.add(c);
            } catch (IOException e) {
                // The end of what can be read: treated as the end of input.
            }
            queue.add(EOF);
        });
    }

    @Override
    public int read(long timeoutMillis) throws IOException {
        if (eof) return EOF;
        try {
            Integer c = queue.poll(timeoutMillis, TimeUnit.MILLISECONDS);
            if (c == null) return TIMEOUT;
            if (c == EOF) eof = true;
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for input", e);
        }
    }

    /** The next line without its line end, or null at the end of input. */
    public String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int c = read(Long.MAX_VALUE);
            if (c == EOF) return line.isEmpty() ? null : line.toString();
            if (c == '\n') return line.toString();
            if (c != '\r' && c != TIMEOUT) line.append((char) c);
        }
    }
}
