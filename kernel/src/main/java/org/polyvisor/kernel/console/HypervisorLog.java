package org.polyvisor.kernel.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.nio.charset.StandardCharsets;

/**
 * The hypervisor's message log, as Xen's console ring that {@code xl dmesg} reads: "(XEN) ..." lines from the
 * hypervisor, "(d1) ..." lines from guests. Keeps the last {@link #CAPACITY} lines, and the same text as bytes in
 * Xen's console ring of {@link #CONRING_SIZE} bytes with free-running 32-bit producer and consumer indices, which
 * XEN_SYSCTL_readconsole reads ({@link #readRing}). Thread-safe.
 */
public final class HypervisorLog {
    public static final int CAPACITY = 4096;
    /** Xen's default conring_size: 16 KiB. */
    public static final int CONRING_SIZE = 16384;

    private final byte[] conring = new byte[CONRING_SIZE];
    /** conringp (bytes ever written) and conringc (where unread, uncleared text starts), as unsigned 32-bit. */
    private int conringp, conringc;

    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

    /** A hypervisor message. */
    public void xen(String message) { add("(XEN) " + message); }

    /** A line of a guest's console, as Xen logs it. */
    public void guest(int domainId, String line) { add("(d" + domainId + ") " + line); }

    private void add(String line) {
        synchronized (this) {
            if (lines.size() == CAPACITY) lines.removeFirst();
            lines.addLast(line);
            for (byte b : (line + "\n").getBytes(StandardCharsets.ISO_8859_1)) {
                conring[conringp & (CONRING_SIZE - 1)] = b;
                conringp++;
            }
            if (Integer.toUnsignedLong(conringp - conringc) > CONRING_SIZE) conringc = conringp - CONRING_SIZE;
        }
        for (Consumer<String> l : listeners) l.accept(line);
    }

    public synchronized List<String> lines() { return new ArrayList<>(lines); }

    /** What one XEN_SYSCTL_readconsole returns: the bytes and the index after them (its OUT {@code index}). */
    public record RingRead(byte[] bytes, int nextIndex) { }

    /**
     * XEN_SYSCTL_readconsole, as Xen's read_console_ring: reads up to {@code max} bytes from the consumer index,
     * or from {@code index} when {@code incremental} and it lies after the consumer and not beyond the producer;
     * {@code clear} then moves the consumer past what was read (so later non-incremental reads start there).
     */
    public synchronized RingRead readRing(boolean clear, boolean incremental, int index, int max) {
        long c = Integer.toUnsignedLong(conringc), p = Integer.toUnsignedLong(conringp), i = Integer.toUnsignedLong(index);
        boolean inRange = c <= p ? c < i && i <= p : c < i || i <= p;
        int from = incremental && inRange ? index : conringc;
        int n = (int) Math.min(Integer.toUnsignedLong(conringp - from), Integer.toUnsignedLong(max));
        n = Math.min(n, CONRING_SIZE);
        byte[] out = new byte[n];
        for (int k = 0; k < n; k++) out[k] = conring[(from + k) & (CONRING_SIZE - 1)];
        int next = from + n;
        if (clear) conringc = Integer.toUnsignedLong(conringp - next) > CONRING_SIZE ? conringp - CONRING_SIZE : next;
        return new RingRead(out, next);
    }

    public AutoCloseable listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
