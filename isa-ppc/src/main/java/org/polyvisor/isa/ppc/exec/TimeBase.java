package org.polyvisor.isa.ppc.exec;

import org.polyvisor.spi.VirtualClock;

/**
 * The time base (TBU:TBL) and the decrementer (OEA 2.3.12-13), both counting at {@link #TICKS_PER_SECOND} of the
 * domain's virtual time ({@code VcpuConfig.clock()}, one nanosecond per retired instruction by default): 25 MHz,
 * a quarter of a 100 MHz bus as on the 750 boards. Writing TBL/TBU moves an offset; the decrementer counts from the
 * value last written. It signals its exception when its bit 0 goes from 0 to 1, i.e. once the elapsed ticks exceed
 * the (non-negative) value written; writing a negative value signals at once. The exception stays pending until it
 * is taken (the 750's edge-triggered decrementer). DEC is 0 and disarmed until the guest first writes it.
 */
public final class TimeBase {
    public static final long TICKS_PER_SECOND = 25_000_000L;
    private static final long NANOS_PER_TICK = 1_000_000_000L / TICKS_PER_SECOND;
    private static final long LOW32 = 0xffff_ffffL;

    private final VirtualClock clock;
    private long offset;
    private long decWritten, decWrittenAt;
    private boolean armed, pending;

    public TimeBase(VirtualClock clock) { this.clock = clock; }

    private long ticks() { return clock.nanos() / NANOS_PER_TICK; }

    /** The 64-bit time base. */
    public long timeBase() { return ticks() + offset; }

    public void setLower(long value) {
        long now = timeBase();
        offset += ((now & ~LOW32) | (value & LOW32)) - now;
    }

    public void setUpper(long value) {
        long now = timeBase();
        offset += ((value & LOW32) << 32 | (now & LOW32)) - now;
    }

    public long decrementer() { return (decWritten - (ticks() - decWrittenAt)) & LOW32; }

    public void setDecrementer(long value) {
        decWritten = (int) value;
        decWrittenAt = ticks();
        armed = decWritten >= 0;
        if (!armed) pending = true;
    }

    /** Whether the decrementer exception is pending (reads the clock only while it is armed). */
    public boolean decrementerPending() {
        if (armed && ticks() - decWrittenAt > decWritten) {
            armed = false;
            pending = true;
        }
        return pending;
    }

    /** The exception was taken. */
    public void acknowledge() { pending = false; }

    /** State for save/restore: TB, DEC, and whether the decrementer is armed or pending. */
    public long[] save() { return new long[] {timeBase(), decrementer(), (armed ? 1 : 0) | (pending ? 2 : 0)}; }

    public void restore(long tb, long dec, long flags) {
        offset = 0;
        offset = tb - timeBase();
        decWritten = (int) dec;
        decWrittenAt = ticks();
        armed = (flags & 1) != 0;
        pending = (flags & 2) != 0;
    }
}
