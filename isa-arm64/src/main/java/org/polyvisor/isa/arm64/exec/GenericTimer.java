package org.polyvisor.isa.arm64.exec;

import org.polyvisor.spi.VirtualClock;

/**
 * The generic timer of one vCPU (Arm ARM D11): the system counter driven by the domain's virtual time, and the
 * EL1 physical and virtual timers (CNTP_*, CNTV_*). CNTVOFF is zero, so the virtual and physical counts agree.
 * A timer's output is a level: ENABLE set, IMASK clear and the count at or past CVAL.
 */
final class GenericTimer {
    /** CNTFRQ_EL0 as firmware sets it: 62.5 MHz, QEMU virt's frequency, so one tick is exactly 16 ns. */
    static final long FREQUENCY = 62_500_000L;
    private static final long NANOS_PER_TICK = 16;

    /** CNTx_CTL_EL0 bits. */
    static final long ENABLE = 1, IMASK = 2, ISTATUS = 4;

    /** Timer indices. */
    static final int PHYSICAL = 0, VIRTUAL = 1;

    private final VirtualClock clock;
    private final long[] ctl = new long[2];
    private final long[] cval = new long[2];

    GenericTimer(VirtualClock clock) { this.clock = clock; }

    long count() { return clock.nanos() / NANOS_PER_TICK; }

    long ctl(int timer) { return ctl[timer] | (count() >= cval[timer] ? ISTATUS : 0); }

    void setCtl(int timer, long value) { ctl[timer] = value & (ENABLE | IMASK); }

    long cval(int timer) { return cval[timer]; }

    void setCval(int timer, long value) { cval[timer] = value; }

    /** TVAL: CVAL minus the count, as a signed 32-bit value (zero-extended in the 64-bit register view). */
    long tval(int timer) { return (cval[timer] - count()) & 0xFFFF_FFFFL; }

    void setTval(int timer, long value) { cval[timer] = count() + (int) value; }

    /** True while {@code timer}'s interrupt output is asserted. */
    boolean asserted(int timer) {
        return (ctl[timer] & (ENABLE | IMASK)) == ENABLE && count() >= cval[timer];
    }

    void save(java.nio.ByteBuffer out) {
        for (int t = PHYSICAL; t <= VIRTUAL; t++) out.putLong(ctl[t]).putLong(cval[t]);
    }

    void restore(java.nio.ByteBuffer in) {
        for (int t = PHYSICAL; t <= VIRTUAL; t++) {
            ctl[t] = in.getLong();
            cval[t] = in.getLong();
        }
    }

    /** The virtual time in nanoseconds at which the earliest armed timer asserts its output, or -1 when none is armed. */
    long deadlineNanos() {
        long best = -1;
        for (int t = PHYSICAL; t <= VIRTUAL; t++) {
            if ((ctl[t] & (ENABLE | IMASK)) != ENABLE) continue;
            long at = Math.max(cval[t], 0) * NANOS_PER_TICK;
            if (best < 0 || at < best) best = at;
        }
        return best;
    }

    /** True when either timer is enabled and unmasked, so that it can assert its output as time passes. */
    boolean armed() {
        return (ctl[PHYSICAL] & (ENABLE | IMASK)) == ENABLE || (ctl[VIRTUAL] & (ENABLE | IMASK)) == ENABLE;
    }
}
