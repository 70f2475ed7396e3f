package org.polyvisor.kernel.console;

import org.polyvisor.spi.GuestMemory;

/**
 * The PV console ring, {@code struct xencons_interface { char in[1024]; char out[2048]; XENCONS_RING_IDX in_cons,
 * in_prod; XENCONS_RING_IDX out_cons, out_prod; }} in a page of the guest, and its dom0-side backend: the guest's
 * output goes to the domain's console, keyboard input from an attached console goes into {@code in}.
 * Indices run freely (uint32) and are masked by the ring sizes.
 */
public final class ConsoleRing {
    public static final int IN = 0, IN_SIZE = 1024, OUT = 1024, OUT_SIZE = 2048;
    public static final int IN_CONS = 3072, IN_PROD = 3076, OUT_CONS = 3080, OUT_PROD = 3084;

    private final GuestMemory memory;
    private final long page;

    public ConsoleRing(GuestMemory memory, long page) {
        this.memory = memory;
        this.page = page;
        memory.writeBytes(page, new byte[GuestMemory.PAGE_SIZE], 0, GuestMemory.PAGE_SIZE);
    }

    private long u32(int off) { return memory.read(page + off, 4); }

    /** Takes everything the guest wrote to {@code out} since the last call (at most one ring's worth). */
    public byte[] drainOutput() {
        long cons = u32(OUT_CONS), prod = u32(OUT_PROD);
        int n = (int) Math.min((prod - cons) & 0xFFFF_FFFFL, OUT_SIZE);
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) out[i] = (byte) memory.read(page + OUT + ((cons + i) & (OUT_SIZE - 1)), 1);
        memory.write(page + OUT_CONS, 4, (cons + n) & 0xFFFF_FFFFL);
        return out;
    }

    /** Puts keyboard input into {@code in}; returns how many bytes fitted (the rest is dropped, as a full UART would). */
    public int feedInput(byte[] bytes) {
        long cons = u32(IN_CONS), prod = u32(IN_PROD);
        int space = IN_SIZE - (int) ((prod - cons) & 0xFFFF_FFFFL);
        int n = Math.min(space, bytes.length);
        for (int i = 0; i < n; i++) memory.write(page + IN + ((prod + i) & (IN_SIZE - 1)), 1, bytes[i]);
        memory.write(page + IN_PROD, 4, (prod + n) & 0xFFFF_FFFFL);
        return n;
    }
}
