package org.polyvisor.kernel.console;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;

/**
 * A domain's console output: the last {@link #CAPACITY} bytes (older ones are dropped, so a chatty guest cannot
 * exhaust the host), and whoever is attached, who sees every byte as it comes. Thread-safe.
 */
public final class ConsoleBuffer {
    /** Bytes of history kept per domain. */
    public static final int CAPACITY = 64 * 1024;

    private final byte[] ring = new byte[CAPACITY];
    private long written;
    private final List<Consumer<byte[]>> readers = new CopyOnWriteArrayList<>();
    /** Orders writes with attaches, so that a reader sees each byte exactly once. */
    private final Object writeLock = new Object();

    public void write(byte[] bytes) {
        synchronized (writeLock) {
            synchronized (this) {
                for (byte b : bytes) ring[(int) (written++ % CAPACITY)] = b;
            }
            for (Consumer<byte[]> r : readers) r.accept(bytes);
        }
    }

    /** Everything still held, oldest first. */
    public synchronized byte[] history() {
        int n = (int) Math.min(written, CAPACITY);
        byte[] out = new byte[n];
        long start = written - n;
        for (int i = 0; i < n; i++) out[i] = ring[(int) ((start + i) % CAPACITY)];
        return out;
    }

    public synchronized long totalBytes() { return written; }

    /** Attaches a reader: it gets every later write until the returned handle is closed. */
    public AutoCloseable attach(Consumer<byte[]> reader) {
        readers.add(reader);
        return () -> readers.remove(reader);
    }

    /**
     * Attaches a reader that first gets the history, then every later write, with nothing lost or repeated in
     * between (writers wait while it attaches).
     */
    public AutoCloseable attachWithHistory(Consumer<byte[]> reader) {
        synchronized (writeLock) {
            byte[] past = history();
            if (past.length > 0) reader.accept(past);
            readers.add(reader);
        }
        return () -> readers.remove(reader);
    }

    @Override
    public String toString() { return new String(history(), StandardCharsets.ISO_8859_1); }
}
