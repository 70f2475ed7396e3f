package org.polyvisor.isa.x86.platform;

import java.util.function.LongSupplier;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;

/**
 * The Intel 8254 programmable interval timer at ports 0x40-0x43 (data sheet 231164), clocked at 1.193182 MHz from
 * the domain's virtual time: counters 0-2 (counter 0's OUT is IRQ 0), the control word with the read/write access
 * modes (LSB, MSB, LSB then MSB), the counter-latch command and the read-back command (count and status), and
 * modes 0 (interrupt on terminal count), 2 (rate generator) and 3 (square wave); modes 1, 4 and 5 count as mode 0
 * (no gate input is wired). Binary counting only: the BCD bit is kept in the status but counting stays binary.
 * Port 0x61 (system control port B) gives counter 2's gate (bit 0) and OUT (bit 5).
 *
 * <p>No host timer runs: counts are computed from the virtual time when read, and IRQ 0 fires when the board polls
 * ({@link #poll}, at the start of every vCPU run, at most one virtual millisecond apart) or when a halted vCPU 0
 * reaches {@link #nextDeadline}, which the kernel wakes it for. Periods that passed unseen coalesce into one
 * interrupt, as a PC's lost ticks do. Thread-safe.
 */
final class Pit8254 {
    static final int BASE = 0x40, PORT_B = 0x61;
    static final long HZ = 1_193_182;
    private static final long NS = 1_000_000_000L;

    private static final class Counter {
        int mode, access, bcd;
        /** The count written (0 stands for 65536) and the virtual time it was loaded; {@code armed} once written. */
        int reload = 0x10000;
        long loadTime;
        boolean armed;
        /** Write of an LSB-then-MSB pair in progress; read of such a pair in progress. */
        boolean writeHigh, readHigh;
        int lowByte;
        /** A latched count (-1 none) and a latched status byte (-1 none). */
        int latched = -1, status = -1;
        /** Periods whose interrupt was raised (periodic modes), or 1 once a mode-0 count expired. */
        long fired;
    }

    private final Counter[] counters = {new Counter(), new Counter(), new Counter()};
    private final LongSupplier clock;
    private final IrqLine irq0;
    private int portB;

    Pit8254(LongSupplier clock, IrqLine irq0) {
        this.clock = clock;
        this.irq0 = irq0;
    }

    private static long ticks(long elapsedNs) {
        if (elapsedNs <= 0) return 0;
        return elapsedNs / NS * HZ + elapsedNs % NS * HZ / NS;
    }

    /** The virtual time of tick {@code t} after the load (rounded up to the next nanosecond). */
    private static long nanos(long t) { return t / HZ * NS + (t % HZ * NS + HZ - 1) / HZ; }

    private static boolean periodic(Counter c) { return c.mode == 2 || c.mode == 3; }

    /** The counting element's value now. */
    private int count(Counter c, long now) {
        if (!c.armed) return c.reload & 0xFFFF;
        long t = ticks(now - c.loadTime);
        if (c.mode == 2) return (int) (c.reload - t % c.reload);
        if (c.mode == 3) return (int) ((c.reload - 2 * t % c.reload) & 0xFFFE);  // counts down by two, twice per period
        return (int) ((c.reload - t) & 0xFFFF);  // mode 0: wraps through 0xFFFF after terminal count
    }

    /** The OUT pin now: high after terminal count in mode 0; low for one clock (mode 2) or the second half period (mode 3). */
    private boolean out(Counter c, long now) {
        if (!c.armed) return c.mode != 0;
        long t = ticks(now - c.loadTime);
        if (c.mode == 2) return t % c.reload != c.reload - 1;
        if (c.mode == 3) return t % c.reload < (c.reload + 1) / 2;
        return t >= c.reload;
    }

    /** Fires counter 0's interrupt if a period ended (or its mode-0 count expired) since the last poll. */
    void poll() {
        boolean pulse;
        synchronized (this) {
            Counter c = counters[0];
            if (!c.armed) return;
            long t = ticks(clock.getAsLong() - c.loadTime);
            long done = periodic(c) ? t / c.reload : t >= c.reload ? 1 : 0;
            pulse = done > c.fired;
            if (pulse) c.fired = done;
        }
        if (pulse) {  // a rising edge on IRQ 0 (mode 0 leaves OUT high until the next write; the PIC latched the edge)
            irq0.set(true);
            irq0.set(false);
        }
    }

    /** The virtual time counter 0 next raises IRQ 0, or -1 when it will not (not programmed, or a mode-0 count done). */
    synchronized long nextDeadline() {
        Counter c = counters[0];
        if (!c.armed) return -1;
        if (periodic(c)) return c.loadTime + nanos((c.fired + 1) * c.reload);
        return c.fired == 0 ? c.loadTime + nanos(c.reload) : -1;
    }

    /** Ports 0x40-0x43. */
    Device ports() {
        return new Device() {
            @Override public long read(long offset, int size) { return offset < 3 ? readCounter((int) offset) : 0xFF; }

            @Override public void write(long offset, int size, long value) {
                if (offset < 3) writeCounter((int) offset, (int) value & 0xFF);
                else control((int) value & 0xFF);
            }
        };
    }

    /** Port 0x61: bit 0 counter 2's gate and bit 1 the speaker (kept), bit 5 counter 2's OUT, bit 4 the refresh toggle. */
    Device portB() {
        return new Device() {
            @Override
            public long read(long offset, int size) {
                synchronized (Pit8254.this) {
                    long now = clock.getAsLong();
                    int refresh = (int) (now / 15_085 & 1);  // DRAM refresh request: toggles every 15.085 us
                    return (portB & 3) | refresh << 4 | (out(counters[2], now) ? 0x20 : 0);
                }
            }

            @Override
            public void write(long offset, int size, long value) {
                synchronized (Pit8254.this) { portB = (int) value & 0x0F; }
            }
        };
    }

    private synchronized int readCounter(int n) {
        Counter c = counters[n];
        if (c.status >= 0) {
            int s = c.status;
            c.status = -1;
            return s;
        }
        int v = c.latched >= 0 ? c.latched : count(c, clock.getAsLong());
        int b;
        switch (c.access) {
            case 1 -> b = v & 0xFF;
            case 2 -> b = v >>> 8 & 0xFF;
            default -> {
                b = c.readHigh ? v >>> 8 & 0xFF : v & 0xFF;
                c.readHigh = !c.readHigh;
                if (c.readHigh) return b;  // the latch holds until its MSB was read
            }
        }
        c.latched = -1;
        return b;
    }

    private void writeCounter(int n, int value) {
        boolean edge = false;
        synchronized (this) {
            Counter c = counters[n];
            int v;
            switch (c.access) {
                case 1 -> v = value;
                case 2 -> v = value << 8;
                default -> {
                    if (!c.writeHigh) {
                        c.lowByte = value;
                        c.writeHigh = true;
                        return;
                    }
                    c.writeHigh = false;
                    v = c.lowByte | value << 8;
                }
            }
            c.reload = v == 0 ? 0x10000 : v;
            c.loadTime = clock.getAsLong();
            c.armed = true;
            c.fired = 0;
            edge = n == 0;
        }
        if (edge) irq0.set(false);  // a new count drops a mode-0 OUT that was left high
    }

    private synchronized void control(int value) {
        int sel = value >>> 6;
        if (sel == 3) {  // read-back: bit 5 clear latches counts, bit 4 clear latches status, bits 3:1 select counters
            long now = clock.getAsLong();
            for (int n = 0; n < 3; n++) {
                if ((value & (2 << n)) == 0) continue;
                Counter c = counters[n];
                if ((value & 0x20) == 0 && c.latched < 0) c.latched = count(c, now);
                if ((value & 0x10) == 0 && c.status < 0)
                    c.status = (out(c, now) ? 0x80 : 0) | (c.armed ? 0 : 0x40) | c.access << 4 | c.mode << 1 | c.bcd;
            }
            return;
        }
        Counter c = counters[sel];
        int access = value >>> 4 & 3;
        if (access == 0) {  // counter latch command
            if (c.latched < 0) c.latched = count(c, clock.getAsLong());
            return;
        }
        c.access = access;
        int mode = value >>> 1 & 7;
        c.mode = mode > 5 ? mode - 4 : mode;  // 6 and 7 are aliases of 2 and 3
        c.bcd = value & 1;
        c.armed = false;  // the counter waits for its new count
        c.writeHigh = c.readHigh = false;
        c.latched = -1;
        c.fired = 0;
    }
}
