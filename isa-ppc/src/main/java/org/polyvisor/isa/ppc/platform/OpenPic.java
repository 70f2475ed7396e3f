package org.polyvisor.isa.ppc.platform;

import java.util.function.LongSupplier;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;

/**
 * An OpenPIC (OpenPIC Register Interface Specification 1.2, the layout of the MPC107/MPIC): 16 external sources,
 * 4 inter-processor interrupts, 4 global timers, and per-CPU task priority, interrupt acknowledge and end of
 * interrupt, for up to {@link #MAX_CPUS} CPUs. Its output for CPU n goes to that CPU's external interrupt (0x500)
 * through {@link Outputs}. Registers are 32 bits, little-endian on the OpenPIC bus, so a big-endian guest reads
 * them with lwbrx/stwbrx as Linux's mpic driver does ("big-endian" in the device tree selects the other order:
 * this model is big-endian, so plain lwz/stw work and the device tree says so).
 * <p>Offsets: 0x1000 FRR0 (feature reporting), 0x1020 GCR0, 0x1080 vendor id, 0x1090 processor init, 0x10A0-0x10D0
 * IPI vector/priority, 0x10E0 spurious vector, 0x10F0 timer frequency (TFRR), 0x1100 + 0x40 t: timer t's current
 * count (+0), base count (+0x10; bit 31 inhibits counting), vector/priority (+0x20), destination (+0x30);
 * 0x10000 + 0x20 n: source n's vector/priority (+0; bit 31 mask, 30 activity, 22 level sense, 16-19 priority,
 * 0-7 vector) and destination (+0x10); 0x20000 + 0x1000 c: CPU c's IPI dispatch (+0x40..0x70), current task
 * priority (+0x80), WHOAMI (+0x90), IACK (+0xA0), EOI (+0xB0).
 * <p>Delivery: a pending, unmasked source goes to the lowest-numbered CPU of its destination set (an IPI to each
 * CPU it was sent to) when its priority is above that CPU's task priority and above the priority it has in service;
 * IACK returns the highest such vector (or the spurious vector) and puts it in service, EOI ends the newest one.
 * Edge sources, timers and IPIs are pending until acknowledged; level sources while their line is high.
 * Timers count down at TFRR Hz of the domain's virtual time and raise their source each time they pass zero.
 */
public final class OpenPic implements Device {
    public static final int SOURCES = 16, IPIS = 4, TIMERS = 4, MAX_CPUS = 8;
    public static final long SIZE = 0x40000;
    /** Timer frequency reported in TFRR until the guest writes it: the time base's 25 MHz. */
    public static final long TIMER_HZ = 25_000_000;
    private static final int IPI_BASE = SOURCES, TIMER_BASE = SOURCES + IPIS, ALL = SOURCES + IPIS + TIMERS;
    private static final int MASK = 0x8000_0000, ACTIVITY = 0x4000_0000, SENSE_LEVEL = 0x0040_0000;
    private static final int DEPTH = 16;

    /** Where the OpenPIC's per-CPU outputs go: assert or deassert CPU n's interrupt input. */
    public interface Outputs {
        void set(int cpu, boolean asserted);
    }

    private final int cpus;
    private final Outputs outputs;
    private final LongSupplier nanos;
    /** Vector/priority and destination registers of every source (external, IPI, timer). */
    private final int[] vpr = new int[ALL], dest = new int[ALL];
    /** Pending: one bit per source for external and timer sources; per IPI a bit mask of target CPUs. */
    private final boolean[] pending = new boolean[ALL];
    private final boolean[] level = new boolean[SOURCES];
    private final int[] ipiPending = new int[IPIS];
    private final int[] taskPriority;
    private final int[][] inService;
    private final int[] inServiceDepth;
    private final boolean[] asserted;
    private int gcr0, processorInit, spurious = 0xff;
    private long timerHz = TIMER_HZ;
    private final int[] baseCount = new int[TIMERS];
    private final long[] timerStart = new long[TIMERS], timerFired = new long[TIMERS];
    /** The earliest virtual time a counting timer next passes zero (Long.MAX_VALUE if none counts). */
    private volatile long nextExpiry = Long.MAX_VALUE;

    public OpenPic(int cpus, Outputs outputs, LongSupplier nanos) {
        if (cpus < 1 || cpus > MAX_CPUS) throw new IllegalArgumentException("OpenPIC: 1 to " + MAX_CPUS + " CPUs, not " + cpus);
        this.cpus = cpus;
        this.outputs = outputs;
        this.nanos = nanos;
        this.taskPriority = new int[cpus];
        this.inService = new int[cpus][DEPTH];
        this.inServiceDepth = new int[cpus];
        this.asserted = new boolean[cpus];
        reset();
    }

    private void reset() {
        for (int s = 0; s < ALL; s++) {
            vpr[s] = MASK;
            dest[s] = s < IPI_BASE || s >= TIMER_BASE ? 1 : 0;
            pending[s] = false;
        }
        for (int c = 0; c < cpus; c++) {
            taskPriority[c] = 15;
            inServiceDepth[c] = 0;
        }
        java.util.Arrays.fill(ipiPending, 0);
        java.util.Arrays.fill(baseCount, MASK);
        nextExpiry = Long.MAX_VALUE;
    }

    /** The interrupt line of external source {@code n}, for a device. */
    public IrqLine line(int n) {
        if (n < 0 || n >= SOURCES) throw new IllegalArgumentException("OpenPIC has sources 0-" + (SOURCES - 1) + ", not " + n);
        return asserted -> setLine(n, asserted);
    }

    private synchronized void setLine(int n, boolean high) {
        boolean rising = high && !level[n];
        level[n] = high;
        if ((vpr[n] & SENSE_LEVEL) != 0) pending[n] = high;
        else if (rising) pending[n] = true;
        update();
    }

    /** Called often from the vCPUs: raises the timers that passed zero since the last call. Cheap when none is due. */
    public void poll() {
        long due = nextExpiry;
        if (due != Long.MAX_VALUE && nanos.getAsLong() >= due) expireTimers();
    }

    private synchronized void expireTimers() {
        long now = nanos.getAsLong();
        long next = Long.MAX_VALUE;
        for (int t = 0; t < TIMERS; t++) {
            if (baseCount[t] < 0 || baseCount[t] == 0) continue;
            long periods = ticks(t, now) / baseCount[t];
            if (periods > timerFired[t]) {
                timerFired[t] = periods;
                pending[TIMER_BASE + t] = true;
            }
            next = Math.min(next, nanosAt(t, (timerFired[t] + 1) * baseCount[t]));
        }
        nextExpiry = next;
        update();
    }

    private static final long GIGA = 1_000_000_000L;

    /** Timer ticks since timer {@code t} started, without overflow for any plausible run. */
    private long ticks(int t, long now) {
        long e = Math.max(0, now - timerStart[t]);
        return (e / GIGA) * timerHz + (e % GIGA) * timerHz / GIGA;
    }

    /** The virtual time at which timer {@code t} has counted {@code ticks}, rounded up. */
    private long nanosAt(int t, long ticks) {
        return timerStart[t] + (ticks / timerHz) * GIGA + ((ticks % timerHz) * GIGA + timerHz - 1) / timerHz;
    }

    @Override
    public synchronized long read(long offset, int size) {
        if (size != 4 || (offset & 3) != 0) return 0;
        int o = (int) offset;
        if (o >= 0x20000) {
            int cpu = (o - 0x20000) >>> 12, reg = o & 0xfff;
            if (cpu >= cpus) return 0;
            return switch (reg) {
                case 0x80 -> taskPriority[cpu];
                case 0x90 -> cpu;
                case 0xa0 -> acknowledge(cpu);
                default -> 0;
            };
        }
        if (o >= 0x10000) {
            int s = (o - 0x10000) >>> 5;
            if (s >= SOURCES) return 0;
            return (o & 0x10) == 0 ? vprWithActivity(s) : dest[s];
        }
        if (o >= 0x1100 && o < 0x1100 + 0x40 * TIMERS) {
            int t = (o - 0x1100) >>> 6;
            return switch (o & 0x30) {
                case 0x00 -> currentCount(t);
                case 0x10 -> baseCount[t] & 0xffff_ffffL;
                case 0x20 -> vprWithActivity(TIMER_BASE + t);
                default -> dest[TIMER_BASE + t];
            };
        }
        return switch (o) {
            case 0x1000 -> (SOURCES - 1) << 16 | (cpus - 1) << 8 | 0x02;   // OpenPIC 1.2
            case 0x1020 -> gcr0;
            case 0x1080 -> 0;
            case 0x1090 -> processorInit;
            case 0x10a0, 0x10b0, 0x10c0, 0x10d0 -> vprWithActivity(IPI_BASE + ((o - 0x10a0) >>> 4));
            case 0x10e0 -> spurious;
            case 0x10f0 -> timerHz;
            default -> 0;
        } & 0xffff_ffffL;
    }

    @Override
    public synchronized void write(long offset, int size, long value) {
        if (size != 4 || (offset & 3) != 0) return;
        int o = (int) offset, v = (int) value;
        if (o >= 0x20000) {
            int cpu = (o - 0x20000) >>> 12, reg = o & 0xfff;
            if (cpu >= cpus) return;
            switch (reg) {
                case 0x40, 0x50, 0x60, 0x70 -> ipiPending[(reg - 0x40) >>> 4] |= v & ((1 << cpus) - 1);
                case 0x80 -> taskPriority[cpu] = v & 15;
                case 0xb0 -> { if (inServiceDepth[cpu] > 0) inServiceDepth[cpu]--; }
                default -> { }
            }
        } else if (o >= 0x10000) {
            int s = (o - 0x10000) >>> 5;
            if (s >= SOURCES) return;
            if ((o & 0x10) == 0) {
                vpr[s] = v & (MASK | 0x0080_0000 | SENSE_LEVEL | 0x000f_0000 | 0xff);
                if ((vpr[s] & SENSE_LEVEL) != 0) pending[s] = level[s];
            } else {
                dest[s] = v & ((1 << cpus) - 1);
            }
        } else if (o >= 0x1100 && o < 0x1100 + 0x40 * TIMERS) {
            int t = (o - 0x1100) >>> 6;
            switch (o & 0x30) {
                case 0x10 -> {
                    baseCount[t] = v;
                    timerStart[t] = nanos.getAsLong();
                    timerFired[t] = 0;
                    nextExpiry = Math.min(nextExpiry, v > 0 ? nanosAt(t, v) : Long.MAX_VALUE);
                }
                case 0x20 -> vpr[TIMER_BASE + t] = v & (MASK | 0x000f_0000 | 0xff);
                case 0x30 -> dest[TIMER_BASE + t] = v & ((1 << cpus) - 1);
                default -> { }
            }
        } else {
            switch (o) {
                case 0x1020 -> {
                    if ((v & MASK) != 0) reset();
                    gcr0 = v & ~MASK;
                }
                case 0x1090 -> processorInit = v & ((1 << cpus) - 1);
                case 0x10a0, 0x10b0, 0x10c0, 0x10d0 -> vpr[IPI_BASE + ((o - 0x10a0) >>> 4)] = v & (MASK | 0x000f_0000 | 0xff);
                case 0x10e0 -> spurious = v & 0xff;
                case 0x10f0 -> timerHz = Math.max(1, v & 0xffff_ffffL);
                default -> { }
            }
        }
        update();
    }

    private int vprWithActivity(int s) {
        boolean active = isPending(s) || inServiceAnywhere(s);
        return vpr[s] | (active ? ACTIVITY : 0);
    }

    private boolean isPending(int s) {
        if (s >= IPI_BASE && s < TIMER_BASE) return ipiPending[s - IPI_BASE] != 0;
        return pending[s];
    }

    private boolean inServiceAnywhere(int s) {
        for (int c = 0; c < cpus; c++) for (int d = 0; d < inServiceDepth[c]; d++) if (inService[c][d] == s) return true;
        return false;
    }

    private long currentCount(int t) {
        if (baseCount[t] <= 0) return baseCount[t] & 0x7fff_ffffL;
        long elapsed = ticks(t, nanos.getAsLong()) % baseCount[t];
        return baseCount[t] - elapsed;
    }

    private static int priority(int vpr) { return (vpr >>> 16) & 15; }

    /** The source CPU {@code cpu} would take next, or -1. */
    private int best(int cpu) {
        int floor = taskPriority[cpu];
        if (inServiceDepth[cpu] > 0) floor = Math.max(floor, priority(vpr[inService[cpu][inServiceDepth[cpu] - 1]]));
        int best = -1, bestPriority = floor;
        for (int s = 0; s < ALL; s++) {
            if ((vpr[s] & MASK) != 0) continue;
            boolean mine;
            if (s >= IPI_BASE && s < TIMER_BASE) mine = (ipiPending[s - IPI_BASE] & (1 << cpu)) != 0;
            else mine = pending[s] && dest[s] != 0 && Integer.numberOfTrailingZeros(dest[s]) == cpu;
            if (mine && priority(vpr[s]) > bestPriority) {
                best = s;
                bestPriority = priority(vpr[s]);
            }
        }
        return best;
    }

    private long acknowledge(int cpu) {
        int s = best(cpu);
        if (s < 0 || inServiceDepth[cpu] == DEPTH) return spurious;
        if (s >= IPI_BASE && s < TIMER_BASE) ipiPending[s - IPI_BASE] &= ~(1 << cpu);
        else pending[s] = false;   // a level source is pending again after its EOI while its line is high
        inService[cpu][inServiceDepth[cpu]++] = s;
        update();
        return vpr[s] & 0xff;
    }

    /** Recomputes every CPU's output and tells the CPUs whose output changed (or must be taken again). */
    private void update() {
        for (int s = 0; s < SOURCES; s++) if ((vpr[s] & SENSE_LEVEL) != 0 && level[s] && !inServiceAnywhere(s)) pending[s] = true;
        for (int c = 0; c < cpus; c++) {
            boolean out = best(c) >= 0;
            if (out || asserted[c]) outputs.set(c, out);
            asserted[c] = out;
        }
    }
}
