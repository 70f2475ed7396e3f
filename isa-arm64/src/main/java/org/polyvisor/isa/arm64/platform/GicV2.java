package org.polyvisor.isa.arm64.platform;

import java.util.function.IntSupplier;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A GICv2 (Arm IHI 0048B) for up to 8 CPUs with 64 SPIs: the distributor (enable, pending, active, priority,
 * target and configuration registers, GICD_SGIR) and each CPU's interface (GICC_CTLR, PMR, BPR, IAR, EOIR, RPR,
 * HPPIR), over the state {@link Gic} keeps. Security extensions are absent (one group, all interrupts Group 0 as the
 * guest sees them). The accessing CPU is whichever vCPU's thread makes the access ({@code currentCpu}).
 */
public final class GicV2 extends Gic {
    public static final long DIST_BASE = 0x0800_0000L, CPU_BASE = 0x0801_0000L, WINDOW = 0x1_0000L;
    static final int MAX_CPUS = 8;

    public GicV2(PlatformHost host, IntSupplier currentCpu) { super(host, currentCpu, MAX_CPUS); }

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
        if (off >= 0x100 && off < 0x400) return bits(cpu, (off - 0x100) / 0x80, ((off & 0x7F) / 4) * 32);
        if (off >= 0x400 && off < 0x400 + IRQS) return bytes(off - 0x400, size, id -> priority[bank(cpu, id)][id]);
        if (off >= 0x800 && off < 0x800 + IRQS) return bytes(off - 0x800, size, id -> id < 32 ? 1 << cpu : (int) targets[id]);
        if (off >= 0xC00 && off < 0xC00 + IRQS / 4) return configBits((off - 0xC00) * 4);
        if (off == 0xFE8) return 0x2B;                                // ICPIDR2: GICv2
        return 0;
    }

    private synchronized void distWrite(int off, int size, long value) {
        int cpu = cpu();
        if (off == 0x000) distEnabled = (value & 1) != 0;
        else if (off >= 0x100 && off < 0x400) setBits(cpu, (off - 0x100) / 0x80, ((off & 0x7F) / 4) * 32, value);
        else if (off >= 0x400 && off < 0x400 + IRQS) setPriorities(cpu, off - 0x400, size, value); else if (off >= 0x800 && off < 0x800 + IRQS) {
            for (int k = 0; k < size && off - 0x800 + k < IRQS; k++) {
                int id = off - 0x800 + k;
                if (id >= 32) targets[id] = (value >>> (8 * k)) & ((1 << cpus) - 1);
            }
        } else if (off >= 0xC00 && off < 0xC00 + IRQS / 4) {
            setConfig((off - 0xC00) * 4, value);
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
            if (hit) sendSgi(from, c, id);
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

    private synchronized void cpuWrite(int off, int value) {
        int cpu = cpu();
        switch (off) {
            case 0x00 -> cpuEnabled[cpu] = (value & 1) != 0;
            case 0x04 -> pmr[cpu] = value & 0xF8;
            case 0x08 -> bpr[cpu] = value & 7;
            case 0x10, 0x1000 -> deactivate(cpu, value & 0x3FF);
            default -> { }
        }
        update(cpu);
    }
}
