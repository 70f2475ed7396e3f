package org.polyvisor.kernel.console;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The hypervisor's message log, as Xen's console ring that {@code xl dmesg} reads: "(XEN) ..." lines from the
 * hypervisor, "(d1) ..." lines from guests. Keeps the last {@link #CAPACITY} lines. Thread-safe.
 */
public final class HypervisorLog {
    public static final int CAPACITY = 4096;

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
        }
        for (Consumer<String> l : listeners) l.accept(line);
    }

    public synchronized List<String> lines() { return new ArrayList<>(lines); }

    public AutoCloseable listen(Consumer<String> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
