package org.polyvisor.isa.arm64.platform;

import java.util.function.IntSupplier;

import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.IrqLine;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A GICv2 (Arm IHI 0048B) for up to 8 CPUs with 64 SPIs: the distributor (enable, pending, active, priority,
 * target and configuration registers, GICD_SGIR) and each CPU's interface (GICC_CTLR, PMR, BPR, IAR, EOIR, RPR,
 * HPPIR). SGIs and PPIs (INTIDs 0-31) are banked per CPU. Security extensions are absent (one group, all
 * interrupts Group 0 as the guest sees them). The CPU interface signals its vCPU's IRQ line while an enabled,
 * pending, inactive interrupt outranks both the priority mask and the running priority. Level sources (the timer
 * PPIs, SPIs from devices) stay pending while asserted. The accessing CPU is whichever vCPU's thread makes the
 * access ({@code currentCpu}). Thread-safe: every register access and line change holds the GIC's lock.
 */
public final class GicV2 {
    public static final long DIST_BASE = 0x0800_0000L, CPU_BASE = 0x0801_0000L, WINDOW = 0x1_0000L;
    static final int SPIS = 64, IRQS = 32 + SPIS, SPURIOUS = 1023, MAX_CPUS = 8;

    private final PlatformHost host;
    private final int cpus;
    private final IntSupplier currentCpu;

    private boolean distEnabled;
    private final boolean[] cpuEnabled;
    private final int[] pmr, bpr;
    /** Per CPU, per INTID (SPIs shared: only row 0 is used for INTIDs 32 and up). */
    private final boolean[][] enabled, latched, level, active;
    private final int[][] priority;
    private final int[][] sgiSource;
    private final int[] targets = new int[IRQS];
    private final int[] config = new int[IRQS];
    private final boolean[] signalled;

    public GicV2(PlatformHost host, IntSupplier currentCpu) {
        this.host = host;
        this.cpus = Math.min(host.vcpuCount(), MAX_CPUS);
        this.currentCpu = currentCpu;
        cpuEnabled = new boolean[cpus];
        pmr = new int[cpus];
        bpr = new int[cpus];
        signalled = new boolean[cpus];
        enabled = new boolean[cpus][IRQS];
        latched = new boolean[cpus][IRQS];
        level = new boolean[cpus][IRQS];
        active = new boolean[cpus][IRQS];
        priority = new int[cpus][IRQS];
        sgiSource = new int[cpus][16];
        for (int c = 0; c < cpus; c++) for (int k = 0; k < 16; k++) sgiSource[c][k] = -1;
    }

    public int cpus() { return cpus; }

    /** The bank that holds INTID {@code id} for CPU {@code cpu}: banked below 32, shared (row 0) above. */
    private static int bank(int cpu, int id) { return id < 32 ? cpu : 0; }

    private int cpu() {
        int c = currentCpu.getAsInt();
        return c >= 0 && c < cpus ? c : 0;
    }

    /** The IrqLine for SPI {@code spi} (INTID 32 + spi), for a device. */
    public IrqLine spi(int spi) { return asserted -> setLevel(0, 32 + spi, asserted); }

    /** Makes SGI/PPI {@code id} of {@code cpu} pending, as an edge (an event upcall). */
    public synchronized void pend(int cpu, int id) {
        if (cpu >= cpus || id >= 32) return;
        latched[cpu][id] = true;
        update(cpu);
    }

    /** A level change on PPI or SPI {@code id} (PPIs: the CPU's own, e.g. its timer). */
    public synchronized void setLevel(int cpu, int id, boolean asserted) {
        if (cpu >= cpus || id >= IRQS) return;
        int b = bank(cpu, id);
        if (level[b][id] == asserted) return;
        level[b][id] = asserted;
        if (id < 32) update(cpu);
        else updateAll();
    }

    private boolean pending(int b, int id) { return latched[b][id] || level[b][id]; }

    private boolean targets(int cpu, int id) { return id < 32 || (targets[id] & (1 << cpu)) != 0; }

    /** The highest-priority pending, enabled, inactive interrupt for {@code cpu}, or SPURIOUS. */
    private int highest(int cpu) {
        int best = SPURIOUS, bestPrio = 0x100;
        for (int id = 0; id < IRQS; id++) {
            int b = bank(cpu, id);
            if (!enabled[b][id] || !pending(b, id) || active[b][id] || !targets(cpu, id)) continue;
            if (priority[b][id] < bestPrio) { best = id; bestPrio = priority[b][id]; }
        }
        return best;
    }

    private int runningPriority(int cpu) {
        int run = 0x100;
        for (int id = 0; id < IRQS; id++) {
            int b = bank(cpu, id);
            if (active[b][id] && targets(cpu, id)) run = Math.min(run, priority[b][id]);
        }
        return run;
    }

    private boolean signal(int cpu) {
        if (!distEnabled || !cpuEnabled[cpu]) return false;
        int id = highest(cpu);
        if (id == SPURIOUS) return false;
        int p = priority[bank(cpu, id)][id];
        return p < pmr[cpu] && p < runningPriority(cpu);
    }

    private void update(int cpu) {
        boolean on = signal(cpu);
        if (on == signalled[cpu]) return;
        signalled[cpu] = on;
        Vcpu v = host.vcpu(cpu);
        if (on) {
            v.raiseInterrupt(0);
            host.kick(cpu);
        } else {
            v.lowerInterrupt(0);
        }
    }

    private void updateAll() { for (int c = 0; c < cpus; c++) update(c); }

    /** The distributor's registers. */
    public Device distributor() {
        return new Device() {
            @Override public long read(long offset, int size) { return distRead((int) offset, size); }
            @Override public void write(long offset, int size, long value) { distWrite((int) offset, size, value); }
        };
    }

    /** The CPU interface of whichever CPU accesses it. */
    public Device cpuInterface() {
        return new Device() {
            @Override public long read(long offset, int size) { return cpuRead((int) offset); }
            @Override public void write(long offset, int size, long value) { cpuWrite((int) offset, (int) value); }
        };
    }

    private synchronized long distRead(int off, int size) {
        int cpu = cpu();
        if (off == 0x000) return distEnabled ? 1 : 0;
        if (off == 0x004) return ((cpus - 1) << 5) | (IRQS / 32 - 1);
        if (off == 0x008) return 0x0200_043BL;                        // GICD_IIDR: Arm, GIC-400
        if (off >= 0x100 && off < 0x400) {
            int reg = (off - 0x100) / 0x80, first = ((off & 0x7F) / 4) * 32;
            long bits = 0;
            for (int k = 0; k < 32 && first + k < IRQS; k++) {
                int id = first + k, b = bank(cpu, id);
                boolean on = switch (reg) {
                    case 0, 1 -> enabled[b][id];
                    case 2, 3 -> pending(b, id);
                    default -> active[b][id];
                };
                if (on) bits |= 1L << k;
            }
            return bits;
        }
        if (off >= 0x400 && off < 0x400 + IRQS) return bytes(off - 0x400, size, id -> priority[bank(cpu, id)][id]);
        if (off >= 0x800 && off < 0x800 + IRQS) return bytes(off - 0x800, size, id -> id < 32 ? 1 << cpu : targets[id]);
        if (off >= 0xC00 && off < 0xC00 + IRQS / 4) {
            long bits = 0;
            for (int k = 0; k < 16; k++) {
                int id = (off - 0xC00) * 4 + k;
                if (id < IRQS) bits |= (long) config[id] << (2 * k);
            }
            return bits;
        }
        if (off == 0xFE8) return 0x2B;                                // ICPIDR2: GICv2
        return 0;
    }

    private interface ByteField { int get(int id); }

    private static long bytes(int first, int size, ByteField f) {
        long v = 0;
        for (int k = 0; k < size && first + k < IRQS; k++) v |= (long) (f.get(first + k) & 0xFF) << (8 * k);
        return v;
    }

    private synchronized void distWrite(int off, int size, long value) {
        int cpu = cpu();
        if (off == 0x000) distEnabled = (value & 1) != 0;
        else if (off >= 0x100 && off < 0x400) {
            int reg = (off - 0x100) / 0x80, first = ((off & 0x7F) / 4) * 32;
            for (int k = 0; k < 32 && first + k < IRQS; k++) {
                if ((value & (1L << k)) == 0) continue;
                int id = first + k, b = bank(cpu, id);
                switch (reg) {
                    case 0 -> enabled[b][id] = true;
                    case 1 -> enabled[b][id] = false;
                    case 2 -> { if (id >= 16) latched[b][id] = true; }
                    case 3 -> { if (id >= 16) latched[b][id] = false; }
                    case 4 -> active[b][id] = true;
                    default -> active[b][id] = false;
                }
            }
        } else if (off >= 0x400 && off < 0x400 + IRQS) {
            for (int k = 0; k < size && off - 0x400 + k < IRQS; k++) {
                int id = off - 0x400 + k;
                priority[bank(cpu, id)][id] = (int) (value >>> (8 * k)) & 0xF8;   // 5 priority bits, as GIC-400
            }
        } else if (off >= 0x800 && off < 0x800 + IRQS) {
            for (int k = 0; k < size && off - 0x800 + k < IRQS; k++) {
                int id = off - 0x800 + k;
                if (id >= 32) targets[id] = (int) (value >>> (8 * k)) & ((1 << cpus) - 1);
            }
        } else if (off >= 0xC00 && off < 0xC00 + IRQS / 4) {
            for (int k = 0; k < 16; k++) {
                int id = (off - 0xC00) * 4 + k;
                if (id >= 16 && id < IRQS) config[id] = (int) (value >>> (2 * k)) & 2;
            }
        } else if (off == 0xF00) {
            sgi(cpu, (int) value);
        }
        updateAll();
    }

    /** GICD_SGIR: TargetListFilter 0 (the list), 1 (all but me), 2 (me); SGI number in bits 3:0. */
    private void sgi(int from, int value) {
        int id = value & 15, filter = (value >>> 24) & 3, list = (value >>> 16) & 0xFF;
        for (int c = 0; c < cpus; c++) {
            boolean hit = switch (filter) {
                case 0 -> (list & (1 << c)) != 0;
                case 1 -> c != from;
                case 2 -> c == from;
                default -> false;
            };
            if (hit) {
                latched[c][id] = true;
                sgiSource[c][id] = from;
            }
        }
    }

    private synchronized long cpuRead(int off) {
        int cpu = cpu();
        return switch (off) {
            case 0x00 -> cpuEnabled[cpu] ? 1 : 0;
            case 0x04 -> pmr[cpu];
            case 0x08 -> bpr[cpu];
            case 0x0C -> acknowledge(cpu);
            case 0x14 -> runningPriority(cpu) == 0x100 ? 0xFF : runningPriority(cpu);
            case 0x18 -> {
                int id = highest(cpu);
                yield id < 16 && id != SPURIOUS ? id | (Math.max(sgiSource[cpu][id], 0) << 10) : id;
            }
            case 0xFC -> 0x0202_043BL;                                   // GICC_IIDR: GICv2, Arm
            default -> 0;
        };
    }

    /** GICC_IAR: the highest pending interrupt becomes active (its latch clears), or 1023 when none may signal. */
    private int acknowledge(int cpu) {
        if (!signal(cpu)) return SPURIOUS;
        int id = highest(cpu), b = bank(cpu, id);
        active[b][id] = true;
        latched[b][id] = false;
        int source = id < 16 ? Math.max(sgiSource[cpu][id], 0) : 0;
        update(cpu);
        return id | (source << 10);
    }

    private synchronized void cpuWrite(int off, int value) {
        int cpu = cpu();
        switch (off) {
            case 0x00 -> cpuEnabled[cpu] = (value & 1) != 0;
            case 0x04 -> pmr[cpu] = value & 0xF8;
            case 0x08 -> bpr[cpu] = value & 7;
            case 0x10, 0x1000 -> {
                int id = value & 0x3FF;
                if (id < IRQS) active[bank(cpu, id)][id] = false;
            }
            default -> { }
        }
        update(cpu);
    }
}
