package org.polyvisor.kernel.console;

/**
 * The hypervisor console's input as Xen keeps it for dom0 (xen/drivers/char/console.c: serial_rx_ring): 128 bytes,
 * a byte typed while the ring is full is dropped, and dom0 takes them with CONSOLEIO_read after VIRQ_CONSOLE.
 * Thread-safe: the shell's console feeds it, a dom0 vCPU drains it.
 */
public final class ConsoleInputRing {
    /** Xen's SERIAL_RX_SIZE. */
    public static final int SIZE = 128;
    private final byte[] ring = new byte[SIZE];
    private long prod, cons;

    /** Appends what fits and returns how many bytes were taken (Xen drops the rest). */
    public synchronized int feed(byte[] bytes) {
        int taken = 0;
        for (byte b : bytes) {
            if (prod - cons == SIZE) break;
            ring[(int) (prod++ % SIZE)] = b;
            taken++;
        }
        return taken;
    }

    /** Up to {@code max} of the oldest bytes, without taking them ({@link #consume} does, once they are delivered). */
    public synchronized byte[] peek(int max) {
        int n = (int) Math.min(Math.max(max, 0), prod - cons);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = ring[(int) ((cons + i) % SIZE)];
        return out;
    }

    /** Drops the {@code n} oldest bytes. */
    public synchronized void consume(int n) { cons += Math.min(n, prod - cons); }
}
