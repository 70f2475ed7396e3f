package org.polyvisor.isa.arm64.platform;

import java.util.function.IntSupplier;

import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.IrqLine;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * What GICv2 ({@link GicV2}) and GICv3 ({@link GicV3}) share: per-INTID enable, pending (edge latch or asserted level),
 * active, priority and configuration state with 64 SPIs; SGIs and PPIs (INTIDs 0-31) banked per CPU; SPI targets
 * as a CPU bit mask; and the CPU interface's decision (highest pending, running priority, priority mask) that drives
 * each vCPU's IRQ line. One group, no security extensions. Thread-safe: every access holds the GIC's lock.
 */
public abstract sealed class Gic permits GicV2, GicV3 {
    static final int SPIS = 64, IRQS = 32 + SPIS, SPURIOUS = 1023;

    final PlatformHost host;
    final int cpus;
    private final IntSupplier currentCpu;

    /** GICD_CTLR's group enable(s). */
    boolean distEnabled;
    /** GICC_CTLR.Enable (v2) or ICC_IGRPEN1_EL1.Enable (v3), per CPU. */
    final boolean[] cpuEnabled;
    final int[] pmr, bpr;
    /** Per CPU, per INTID (SPIs shared: only row 0 is used for INTIDs 32 and up). */
    final boolean[][] enabled, latched, level, active;
    final int[][] priority;
    final int[][] sgiSource;
    /** SPI targets: bit c set when CPU c receives it (v2 GICD_ITARGETSR, v3 GICD_IROUTER). */
    final long[] targets = new long[IRQS];
    final int[] config = new int[IRQS];
    private final boolean[] signalled;

    Gic(PlatformHost host, IntSupplier currentCpu, int maxCpus) {
        this.host = host;
        this.cpus = Math.min(host.vcpuCount(), maxCpus);
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
    static int bank(int cpu, int id) { return id < 32 ? cpu : 0; }

    /** The CPU whose thread makes the access. */
    int cpu() {
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

    boolean pending(int b, int id) { return latched[b][id] || level[b][id]; }

    private boolean targets(int cpu, int id) { return id < 32 || (targets[id] & (1L << cpu)) != 0; }

    /** The highest-priority pending, enabled, inactive interrupt for {@code cpu}, or SPURIOUS. */
    int highest(int cpu) {
        int best = SPURIOUS, bestPrio = 0x100;
        for (int id = 0; id < IRQS; id++) {
            int b = bank(cpu, id);
            if (!enabled[b][id] || !pending(b, id) || active[b][id] || !targets(cpu, id)) continue;
            if (priority[b][id] < bestPrio) { best = id; bestPrio = priority[b][id]; }
        }
        return best;
    }

    int runningPriority(int cpu) {
        int run = 0x100;
        for (int id = 0; id < IRQS; id++) {
            int b = bank(cpu, id);
            if (active[b][id] && targets(cpu, id)) run = Math.min(run, priority[b][id]);
        }
        return run;
    }

    boolean signal(int cpu) {
        if (!distEnabled || !cpuEnabled[cpu]) return false;
        int id = highest(cpu);
        if (id == SPURIOUS) return false;
        int p = priority[bank(cpu, id)][id];
        return p < pmr[cpu] && p < runningPriority(cpu);
    }

    void update(int cpu) {
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

    void updateAll() { for (int c = 0; c < cpus; c++) update(c); }

    /** Acknowledge (GICC_IAR, ICC_IAR1_EL1): the highest pending interrupt becomes active, or 1023 when none may signal. */
    int acknowledge(int cpu) {
        if (!signal(cpu)) return SPURIOUS;
        int id = highest(cpu), b = bank(cpu, id);
        active[b][id] = true;
        latched[b][id] = false;
        int source = id < 16 ? Math.max(sgiSource[cpu][id], 0) : 0;
        update(cpu);
        return id | (source << 10);
    }

    /** Deactivates INTID {@code id} for {@code cpu} (GICC_EOIR/DIR, ICC_EOIR1_EL1/DIR_EL1). */
    void deactivate(int cpu, int id) {
        if (id < IRQS) active[bank(cpu, id)][id] = false;
    }

    /** GICD_I{S,C}{ENABLE,PEND,ACTIVE}R bit writes for INTIDs {@code first..first+31} in {@code cpu}'s bank. */
    void setBits(int cpu, int reg, int first, long value) {
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
    }

    /** The same registers read: reg 0/1 enable, 2/3 pending, 4/5 active. */
    long bits(int cpu, int reg, int first) {
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

    interface ByteField { int get(int id); }

    static long bytes(int first, int size, ByteField f) {
        long v = 0;
        for (int k = 0; k < size && first + k < IRQS; k++) v |= (long) (f.get(first + k) & 0xFF) << (8 * k);
        return v;
    }

    /** GICD_IPRIORITYR byte writes (5 priority bits, as GIC-400 and QEMU's GICv3 with its default). */
    void setPriorities(int cpu, int first, int size, long value) {
        for (int k = 0; k < size && first + k < IRQS; k++) {
            int id = first + k;
            priority[bank(cpu, id)][id] = (int) (value >>> (8 * k)) & 0xF8;
        }
    }

    /** GICD_ICFGR reads and writes, 16 INTIDs a register from {@code first}. */
    long configBits(int first) {
        long bits = 0;
        for (int k = 0; k < 16; k++) if (first + k < IRQS) bits |= (long) config[first + k] << (2 * k);
        return bits;
    }

    void setConfig(int first, long value) {
        for (int k = 0; k < 16; k++) {
            int id = first + k;
            if (id >= 16 && id < IRQS) config[id] = (int) (value >>> (2 * k)) & 2;
        }
    }

    /** Makes SGI {@code id} pending on {@code target}, sent by {@code from}. */
    void sendSgi(int from, int target, int id) {
        latched[target][id] = true;
        sgiSource[target][id] = from;
    }
}
