package org.polyvisor.isa.arm64.platform;

import java.util.function.IntSupplier;

import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A GICv3 (Arm IHI 0069) as QEMU's virt board places it, for up to 64 CPUs with 64 SPIs, over the state {@link Gic}
 * keeps. Affinity routing is always on and there is one security state (GICD_CTLR.ARE and DS read as one).
 * <ul>
 * <li>Distributor at 0x08000000: GICD_CTLR (EnableGrp0/EnableGrp1), GICD_TYPER, GICD_IIDR, the SPI enable, pending,
 * active, priority and configuration registers (INTIDs 0-31 live in the redistributors), GICD_IROUTER&lt;n&gt; at
 * 0x6000 + 8n (Aff1.Aff0 of one CPU, or IRM = 1: any CPU) and GICD_PIDR2.</li>
 * <li>Redistributors from 0x080A0000, 128 KiB per CPU: the RD frame (GICR_CTLR, GICR_IIDR, GICR_TYPER with the CPU's
 * affinity, its number and Last on the final one, GICR_WAKER with ProcessorSleep/ChildrenAsleep, GICR_PIDR2) and the
 * SGI frame at +64 KiB (GICR_IGROUPR0, I{S,C}ENABLER0, I{S,C}PENDR0, I{S,C}ACTIVER0, IPRIORITYR0-7, ICFGR0/1) for
 * the CPU's SGIs and PPIs. Which CPU is addressed follows from the address, not from the accessing vCPU.</li>
 * <li>The CPU interface as system registers ({@link #cpuInterface}): ICC_SRE_EL1, ICC_PMR_EL1, ICC_IGRPEN1_EL1,
 * ICC_IAR1_EL1, ICC_EOIR1_EL1, ICC_DIR_EL1, ICC_HPPIR1_EL1, ICC_SGI1R_EL1, ICC_BPR1_EL1, ICC_RPR_EL1,
 * ICC_CTLR_EL1. With ICC_CTLR_EL1.EOImode = 0 an EOI also deactivates; with 1, ICC_DIR_EL1 does.</li>
 * </ul>
 */
public final class GicV3 extends Gic {
    public static final long DIST_BASE = 0x0800_0000L, DIST_SIZE = 0x1_0000L, REDIST_BASE = 0x080A_0000L,
            REDIST_STRIDE = 0x2_0000L;
    static final int MAX_CPUS = 64;
    private static final long SGI_FRAME = 0x1_0000L;
    /** GICD_CTLR: EnableGrp0, EnableGrp1, ARE (RAO), DS (RAO). */
    private static final int CTLR_ENABLES = 3, CTLR_ARE = 1 << 4, CTLR_DS = 1 << 6;
    /** GICR_WAKER bits. */
    private static final int PROCESSOR_SLEEP = 2, CHILDREN_ASLEEP = 4;
    /** GICD_IROUTER.Interrupt_Routing_Mode. */
    private static final long IRM = 1L << 31;

    private int distCtlr;
    private final boolean[] asleep;
    private final long[] router = new long[IRQS];
    private final int[] iccCtlr;

    public GicV3(PlatformHost host, IntSupplier currentCpu) {
        super(host, currentCpu, MAX_CPUS);
        asleep = new boolean[cpus];
        iccCtlr = new int[cpus];
        java.util.Arrays.fill(asleep, true);
        for (int id = 32; id < IRQS; id++) targets[id] = 1;   // IROUTER resets to Aff 0.0.0.0: CPU 0
    }

    /** The redistributor region: one RD + SGI frame pair per CPU. */
    public long redistributorSize() { return cpus * REDIST_STRIDE; }

    /** MPIDR-style affinity of CPU {@code c}, as the vCPUs' MPIDR_EL1: clusters of 16 ({@link CpuAffinity#GICV3}). */
    static long affinity(int c) { return CpuAffinity.GICV3.mpidr(c); }

    public Device distributor() {
        return new Device() {
            @Override public long read(long offset, int size) { return distRead((int) offset, size); }
            @Override public void write(long offset, int size, long value) { distWrite((int) offset, size, value); }
        };
    }

    public Device redistributors() {
        return new Device() {
            @Override public long read(long offset, int size) { return redistRead(offset, size); }
            @Override public void write(long offset, int size, long value) { redistWrite(offset, size, value); }
        };
    }

    private synchronized long distRead(int off, int size) {
        if (off == 0x000) return distCtlr | CTLR_ARE | CTLR_DS;
        if (off == 0x004) return (9 << 19) | (IRQS / 32 - 1);                  // IDbits = 9 (10 bits), ITLinesNumber
        if (off == 0x008) return 0x0300_043BL;                                  // GICD_IIDR: Arm, GICv3
        if (off >= 0x080 && off < 0x080 + IRQS / 8) return off == 0x080 ? 0 : 0xFFFF_FFFFL;   // IGROUPR: group 1
        if (off >= 0x100 && off < 0x400) {
            int first = ((off & 0x7F) / 4) * 32;
            return first < 32 ? 0 : bits(0, (off - 0x100) / 0x80, first);
        }
        if (off >= 0x420 && off < 0x400 + IRQS) return bytes(off - 0x400, size, id -> priority[0][id]);
        if (off >= 0xC08 && off < 0xC00 + IRQS / 4) return configBits((off - 0xC00) * 4);
        if (off >= 0x6100 && off < 0x6000 + 8 * IRQS) {
            long v = router[(off - 0x6000) / 8];
            return (off & 4) == 0 ? (size == 8 ? v : v & 0xFFFF_FFFFL) : v >>> 32;
        }
        if (off == 0xFFE8) return 0x3B;                                         // GICD_PIDR2: ArchRev 3
        return 0;
    }

    private synchronized void distWrite(int off, int size, long value) {
        if (off == 0x000) {
            distCtlr = (int) value & CTLR_ENABLES;
            distEnabled = distCtlr != 0;
        } else if (off >= 0x100 && off < 0x400) {
            int first = ((off & 0x7F) / 4) * 32;
            if (first >= 32) setBits(0, (off - 0x100) / 0x80, first, value);
        } else if (off >= 0x420 && off < 0x400 + IRQS) {
            setPriorities(0, off - 0x400, size, value);
        } else if (off >= 0xC08 && off < 0xC00 + IRQS / 4) {
            setConfig((off - 0xC00) * 4, value);
        } else if (off >= 0x6100 && off < 0x6000 + 8 * IRQS) {
            int id = (off - 0x6000) / 8;
            long v = router[id];
            if (size == 8) v = value;
            else if ((off & 4) == 0) v = (v & ~0xFFFF_FFFFL) | (value & 0xFFFF_FFFFL);
            else v = (v & 0xFFFF_FFFFL) | (value << 32);
            route(id, v & (IRM | 0xFF_0000_FFFFL));
        }
        updateAll();
    }

    /** GICD_IROUTER: IRM = 1 lets any CPU take the SPI (the first to acknowledge it); else the CPU of that affinity. */
    private void route(int id, long v) {
        router[id] = v;
        if ((v & IRM) != 0) targets[id] = cpus == 64 ? -1L : (1L << cpus) - 1;
        else {
            int c = CpuAffinity.GICV3.index(v & 0xFF_0000_FFFFL);
            targets[id] = c >= 0 && c < cpus ? 1L << c : 0;
        }
    }

    private synchronized long redistRead(long offset, int size) {
        int cpu = (int) (offset / REDIST_STRIDE);
        if (cpu >= cpus) return 0;
        int off = (int) (offset % REDIST_STRIDE);
        if (off < SGI_FRAME) {
            return switch (off) {
                case 0x0000 -> 0;                                               // GICR_CTLR
                case 0x0004 -> 0x0300_043BL;                                    // GICR_IIDR
                case 0x0008 -> typer(cpu, size);
                case 0x000C -> typer(cpu, 8) >>> 32;
                case 0x0014 -> asleep[cpu] ? PROCESSOR_SLEEP | CHILDREN_ASLEEP : 0;
                case 0xFFE8 -> 0x3B;                                            // GICR_PIDR2: ArchRev 3
                default -> 0;
            };
        }
        off -= (int) SGI_FRAME;
        if (off == 0x080) return 0xFFFF_FFFFL;                                  // GICR_IGROUPR0: group 1
        if (off >= 0x100 && off < 0x400 && (off & 0x7F) == 0) return bits(cpu, (off - 0x100) / 0x80, 0);
        if (off >= 0x400 && off < 0x420) return bytes(off - 0x400, size, id -> priority[cpu][id]);
        if (off == 0xC00 || off == 0xC04) return configBits((off - 0xC00) * 4);
        return 0;
    }

    /** GICR_TYPER: Affinity_Value in 63:32, Processor_Number in 23:8, Last (bit 4) on the final redistributor. */
    private long typer(int cpu, int size) {
        long v = (affinity(cpu) << 32) | ((long) cpu << 8) | (cpu == cpus - 1 ? 1 << 4 : 0);
        return size == 8 ? v : v & 0xFFFF_FFFFL;
    }

    private synchronized void redistWrite(long offset, int size, long value) {
        int cpu = (int) (offset / REDIST_STRIDE);
        if (cpu >= cpus) return;
        int off = (int) (offset % REDIST_STRIDE);
        if (off == 0x0014) asleep[cpu] = (value & PROCESSOR_SLEEP) != 0;
        else if (off >= SGI_FRAME) {
            off -= (int) SGI_FRAME;
            if (off >= 0x100 && off < 0x400 && (off & 0x7F) == 0) setBits(cpu, (off - 0x100) / 0x80, 0, value);
            else if (off >= 0x400 && off < 0x420) setPriorities(cpu, off - 0x400, size, value);
            else if (off == 0xC04) setConfig(16, value);
        }
        update(cpu);
    }

    /** The CPU interface system registers of the vCPU that runs on this thread. */
    public CpuInterface cpuInterface(int cpu) { return new CpuInterface(cpu); }

    /** ICC_*_EL1 of one CPU, reached through MRS/MSR by that vCPU ({@code SystemRegisters}). */
    public final class CpuInterface {
        /** ICC_SRE_EL1: SRE, DFB and DIB read as one (system register access only). */
        public static final long SRE = 0x7;
        /** ICC_CTLR_EL1: PRIbits = 4 (5 bits), IDbits = 0 (16), EOImode in bit 1. */
        private static final long CTLR_RO = 4L << 8, EOIMODE = 2;
        private final int cpu;

        CpuInterface(int cpu) { this.cpu = Math.min(cpu, cpus - 1); }

        public long pmr() { synchronized (GicV3.this) { return pmr[cpu]; } }

        public void setPmr(long v) { synchronized (GicV3.this) { pmr[cpu] = (int) v & 0xF8; update(cpu); } }

        public long igrpen1() { synchronized (GicV3.this) { return cpuEnabled[cpu] ? 1 : 0; } }

        public void setIgrpen1(long v) { synchronized (GicV3.this) { cpuEnabled[cpu] = (v & 1) != 0; update(cpu); } }

        /** ICC_IAR1_EL1: acknowledges; the INTID (no source CPU field in GICv3). */
        public long iar1() { synchronized (GicV3.this) { return acknowledge(cpu) & 0x3FF; } }

        public void eoir1(long v) {
            synchronized (GicV3.this) {
                if ((iccCtlr[cpu] & EOIMODE) == 0) deactivate(cpu, (int) v & 0xFFFFFF);
                update(cpu);
            }
        }

        public void dir(long v) { synchronized (GicV3.this) { deactivate(cpu, (int) v & 0xFFFFFF); update(cpu); } }

        public long hppir1() { synchronized (GicV3.this) { return highest(cpu); } }

        public long rpr() { synchronized (GicV3.this) { int r = runningPriority(cpu); return r == 0x100 ? 0xFF : r; } }

        public long bpr1() { synchronized (GicV3.this) { return bpr[cpu]; } }

        public void setBpr1(long v) { synchronized (GicV3.this) { bpr[cpu] = (int) v & 7; } }

        public long ctlr() { synchronized (GicV3.this) { return CTLR_RO | iccCtlr[cpu]; } }

        public void setCtlr(long v) { synchronized (GicV3.this) { iccCtlr[cpu] = (int) (v & EOIMODE); } }

        /**
         * ICC_SGI1R_EL1: INTID in 27:24, TargetList 15:0 for Aff0 = RS * 16 + bit (RS in 47:44) within Aff1 (23:16);
         * IRM (bit 40) sends to every CPU but this one. Aff2/Aff3 other than 0, and Aff0 beyond a 16-CPU cluster
         * (RS > 0), reach no CPU here.
         */
        public void sgi1r(long v) {
            synchronized (GicV3.this) {
                int id = (int) (v >>> 24) & 15;
                if ((v & (1L << 40)) != 0) {
                    for (int c = 0; c < cpus; c++) if (c != cpu) sendSgi(cpu, c, id);
                } else if ((v >>> 32 & 0xFF) == 0 && (v >>> 48 & 0xFF) == 0) {
                    int aff1 = (int) (v >>> 16) & 0xFF, rs = (int) (v >>> 44) & 15;
                    for (int bit = 0; bit < 16; bit++) {
                        if ((v & (1L << bit)) == 0) continue;
                        int c = CpuAffinity.GICV3.index((long) aff1 << 8 | (rs * 16 + bit));
                        if (c >= 0 && c < cpus) sendSgi(cpu, c, id);
                    }
                }
                updateAll();
            }
        }
    }
}
