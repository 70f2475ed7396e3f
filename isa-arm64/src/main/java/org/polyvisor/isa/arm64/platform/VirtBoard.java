package org.polyvisor.isa.arm64.platform;

import java.util.List;

import org.polyvisor.devices.FdtBuilder;
import org.polyvisor.devices.Pl011;
import org.polyvisor.isa.arm64.Arm64BootProtocol;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;
import org.polyvisor.spi.ShutdownReason;

/**
 * QEMU's {@code virt} board as an arm64 HVM domain sees it: RAM at 0x40000000, a PL011 at 0x09000000 on SPI 1,
 * a GICv2 (distributor 0x08000000, CPU interface 0x08010000) or, with xl.cfg's {@code gic_version = "v3"}, a GICv3
 * (distributor 0x08000000, redistributors from 0x080A0000, the CPU interface as ICC_* system registers), the generic
 * timer's PPIs 13/14/11/10 (INTIDs 29/30/27/26), PSCI 0.2 over HVC, and a device tree at the top of usable RAM whose
 * address vCPU 0 finds in x0 (Linux arm64 boot protocol: EL1h, DAIF masked, MMU and caches off, x1-x3 zero, pc at
 * the kernel's entry: an ELF's e_entry, or the first byte of a raw Image placed by {@link Arm64Image}). GICv2 is the
 * default; an unknown gic_version falls back to it with a log line.
 */
public final class VirtBoard implements Platform {
    public static final long UART_BASE = 0x0900_0000L, UART_SIZE = 0x1000;
    /** The PL011's SPI number (INTID 33), as on QEMU virt. */
    public static final int UART_SPI = 1;
    /** Timer PPIs as INTIDs: secure physical 29, non-secure physical 30, virtual 27, hypervisor 26. */
    public static final int PPI_PHYS = 30, PPI_VIRT = 27;
    /** Xen on ARM's event-channel upcall interrupt, GUEST_EVTCHN_PPI (public/arch-arm.h): INTID 31. */
    public static final int PPI_EVTCHN = 31;

    /** The vCPU whose thread is running: set by each vCPU's run loop, read by banked GIC registers. */
    public static final ThreadLocal<Integer> CURRENT_CPU = ThreadLocal.withInitial(() -> 0);

    private final PlatformHost host;
    private final Gic gic;
    private final Pl011 uart;
    private final Psci psci;
    private final CpuAffinity affinity;

    public VirtBoard(PlatformHost host) {
        this.host = host;
        String version = host.option("gic_version");
        boolean v3 = "v3".equals(version) || "3".equals(version);
        if (version != null && !v3 && !version.equals("v2") && !version.equals("2"))
            host.logOnce("gic_version", "arm64 virt board: gic_version = \"" + version + "\" is not modelled, using GICv2");
        this.gic = v3 ? new GicV3(host, () -> CURRENT_CPU.get()) : new GicV2(host, () -> CURRENT_CPU.get());
        this.affinity = v3 ? CpuAffinity.GICV3 : CpuAffinity.GICV2;
        if (host.vcpuCount() > gic.cpus())
            throw new IllegalArgumentException("arm64 virt board: " + (v3 ? "GICv3" : "GICv2") + " serves " + gic.cpus()
                    + " vCPUs, not " + host.vcpuCount() + (v3 ? "" : " (gic_version = \"v3\" serves up to " + GicV3.MAX_CPUS + ")"));
        this.uart = new Pl011(host::consoleOutput, gic.spi(UART_SPI));
        this.psci = new Psci(host, affinity);
    }

    public Gic gic() { return gic; }

    /** The MPIDR layout of this board's vCPUs. */
    public CpuAffinity affinity() { return affinity; }

    public Psci psci() { return psci; }

    @Override
    public List<DeviceWindow> windows() {
        return switch (gic) {
            case GicV2 v2 -> List.of(DeviceWindow.mmio("pl011", UART_BASE, UART_SIZE, uart),
                    DeviceWindow.mmio("gic-dist", GicV2.DIST_BASE, GicV2.WINDOW, v2.distributor()),
                    DeviceWindow.mmio("gic-cpu", GicV2.CPU_BASE, GicV2.WINDOW, v2.cpuInterface()));
            case GicV3 v3 -> List.of(DeviceWindow.mmio("pl011", UART_BASE, UART_SIZE, uart),
                    DeviceWindow.mmio("gicv3-dist", GicV3.DIST_BASE, GicV3.DIST_SIZE, v3.distributor()),
                    DeviceWindow.mmio("gicv3-redist", GicV3.REDIST_BASE, v3.redistributorSize(), v3.redistributors()));
        };
    }

    @Override public void consoleInput(byte[] bytes) { uart.receive(bytes); }

    @Override
    public String describe() {
        String gicText = gic instanceof GicV3
                ? String.format("GICv3 0x%x/0x%x", GicV3.DIST_BASE, GicV3.REDIST_BASE)
                : String.format("GICv2 0x%x/0x%x", GicV2.DIST_BASE, GicV2.CPU_BASE);
        return String.format("arm64 virt: RAM 0x%x+0x%x, pl011 0x%x (SPI %d), %s, PSCI 0.2 (hvc)",
                host.ramBase(), host.ramBytes(), UART_BASE, UART_SPI, gicText);
    }

    /**
     * Places the device tree ({@link DeviceTreePlacement}) and starts vCPU 0 per the Linux boot protocol; a kernel
     * that leaves the tree no room ends domain creation with the reason: an IllegalArgumentException with a message
     * for the user, as IsaProvider.createPlatform's contract has a board refuse what it cannot model.
     */
    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        byte[] dtb = deviceTree(info.ramBase(), info.ramBytes(), info.image());
        long at = dtbAddress(dtb);
        host.memory().writeBytes(at, dtb, 0, dtb.length);
        new Arm64BootProtocol().boot(vcpu, info);
        vcpu.setRegister(Arm64Registers.X0, at);
    }

    /** The blob for this domain with no kernel to avoid (tests). */
    byte[] deviceTree(long ramBase, long ramBytes) {
        return deviceTree(ramBase, ramBytes, new byte[0]);
    }

    /** The blob for this domain, its own location (where {@link #boot} puts it) in its memory reservation block. */
    byte[] deviceTree(long ramBase, long ramBytes, byte[] kernel) {
        // The probe reserves a dummy range: a reservation entry is fixed-size, so the final blob has the probe's length.
        byte[] probe = tree(ramBase, ramBytes, ramBase, 1);
        long at = switch (DeviceTreePlacement.place(probe.length, ramBase, ramBytes, kernel)) {
            case DeviceTreePlacement.Result.At a -> a.address();
            case DeviceTreePlacement.Result.NoRoom no -> throw new IllegalArgumentException(no.reason());
        };
        return tree(ramBase, ramBytes, at, probe.length);
    }

    /** The address a blob from {@link #deviceTree} reserves for itself (its first reservation entry). */
    static long dtbAddress(byte[] dtb) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(dtb);       // FDT header and reservations are big-endian
        return b.getLong(b.getInt(16));
    }

    private byte[] tree(long ramBase, long ramBytes, long dtbAt, long dtbSize) {
        FdtBuilder f = new FdtBuilder();
        if (dtbSize > 0) f.reserve(dtbAt, dtbSize);
        int gicPhandle = f.newPhandle(), clockPhandle = f.newPhandle();
        int cpuMask = (1 << gic.cpus()) - 1;
        f.beginNode("")
                .property("compatible", "linux,dummy-virt")
                .property("model", "polyvisor arm64 virt")
                .cells("#address-cells", 2).cells("#size-cells", 2)
                .cells("interrupt-parent", gicPhandle);
        f.beginNode("chosen").property("stdout-path", "/pl011@9000000").endNode();
        f.beginNode("memory@" + Long.toHexString(ramBase)).property("device_type", "memory")
                .cells("reg", FdtBuilder.cells64(ramBase, ramBytes)).endNode();
        f.beginNode("cpus").cells("#address-cells", 1).cells("#size-cells", 0);
        for (int c = 0; c < host.vcpuCount(); c++) {
            long mpidr = affinity.mpidr(c);
            f.beginNode("cpu@" + Long.toHexString(mpidr)).property("device_type", "cpu")
                    .property("compatible", "arm,cortex-a53").cells("reg", mpidr)
                    .property("enable-method", "psci").endNode();
        }
        f.endNode();
        f.beginNode("psci").property("compatible", "arm,psci-0.2", "arm,psci").property("method", "hvc").endNode();
        if (gic instanceof GicV3 v3) {
            f.beginNode("intc@8000000").property("compatible", "arm,gic-v3")
                    .cells("#interrupt-cells", 3).property("interrupt-controller")
                    .cells("#redistributor-regions", 1)
                    .cells("reg", FdtBuilder.cells64(GicV3.DIST_BASE, GicV3.DIST_SIZE, GicV3.REDIST_BASE,
                            v3.redistributorSize()))
                    .cells("phandle", gicPhandle).endNode();
        } else {
            f.beginNode("intc@8000000").property("compatible", "arm,cortex-a15-gic")
                    .cells("#interrupt-cells", 3).property("interrupt-controller")
                    .cells("reg", FdtBuilder.cells64(GicV2.DIST_BASE, GicV2.WINDOW, GicV2.CPU_BASE, GicV2.WINDOW))
                    .cells("phandle", gicPhandle).endNode();
        }
        // Timer PPIs 13, 14, 11, 10, level-low; the GICv2 binding adds the CPU mask in bits 15:8, GICv3's has none.
        long flags = gic instanceof GicV3 ? 4 : ((long) cpuMask << 8) | 4;
        f.beginNode("timer").property("compatible", "arm,armv8-timer").property("always-on")
                .cells("interrupts", 1, 13, flags, 1, 14, flags, 1, 11, flags, 1, 10, flags).endNode();
        f.beginNode("apb-pclk").property("compatible", "fixed-clock").cells("#clock-cells", 0)
                .cells("clock-frequency", 24_000_000).property("clock-output-names", "clk24mhz")
                .cells("phandle", clockPhandle).endNode();
        f.beginNode("pl011@9000000").property("compatible", "arm,pl011", "arm,primecell")
                .cells("reg", FdtBuilder.cells64(UART_BASE, UART_SIZE)).cells("interrupts", 0, UART_SPI, 4)
                .cells("clocks", clockPhandle, clockPhandle).property("clock-names", "uartclk", "apb_pclk").endNode();
        f.endNode();
        return f.finish(0);
    }

    /**
     * PSCI 0.2 (Arm DEN 0022) over HVC #0, SMC32/SMC64 function IDs in x0: PSCI_VERSION, CPU_OFF, CPU_ON,
     * AFFINITY_INFO, MIGRATE_INFO_TYPE, SYSTEM_OFF, SYSTEM_RESET; anything else returns NOT_SUPPORTED.
     */
    public static final class Psci {
        public static final int VERSION = 0x8400_0000, CPU_OFF = 0x8400_0002, CPU_ON_32 = 0x8400_0003,
                CPU_ON_64 = 0xC400_0003, AFFINITY_INFO_32 = 0x8400_0004, AFFINITY_INFO_64 = 0xC400_0004,
                MIGRATE_INFO_TYPE = 0x8400_0006, SYSTEM_OFF = 0x8400_0008, SYSTEM_RESET = 0x8400_0009;
        public static final long SUCCESS = 0, NOT_SUPPORTED = -1, INVALID_PARAMETERS = -2, ALREADY_ON = -4;

        private final PlatformHost host;

        private final CpuAffinity affinity;

        Psci(PlatformHost host, CpuAffinity affinity) {
            this.host = host;
            this.affinity = affinity;
        }

        /** Outcome of a call for the caller's vCPU: go on, or stop at once (CPU_OFF, SYSTEM_OFF/RESET). */
        public enum After { CONTINUE, STOP }

        /** Runs function {@code fn} for vCPU {@code self}; the result goes to {@code result[0]} (the caller's x0). */
        public After call(int self, long fn, long a1, long a2, long a3, long[] result) {
            int function = (int) fn;
            switch (function) {
                case VERSION -> result[0] = 0x0000_0002L;
                case MIGRATE_INFO_TYPE -> result[0] = 2;
                case CPU_OFF -> {
                    host.stopVcpu(self);
                    result[0] = SUCCESS;
                    return After.STOP;
                }
                case CPU_ON_32, CPU_ON_64 -> result[0] = cpuOn(cpuOf(a1), a2, a3);
                case AFFINITY_INFO_32, AFFINITY_INFO_64 -> {
                    int target = cpuOf(a1);
                    result[0] = target < 0 || a2 != 0 ? INVALID_PARAMETERS : host.vcpuOnline(target) ? 0 : 1;
                }
                case SYSTEM_OFF -> {
                    host.shutdown(ShutdownReason.POWEROFF);
                    return After.STOP;
                }
                case SYSTEM_RESET -> {
                    host.shutdown(ShutdownReason.REBOOT);
                    return After.STOP;
                }
                default -> result[0] = NOT_SUPPORTED;
            }
            return After.CONTINUE;
        }

        /** MPIDR (Aff1:Aff0) to a vCPU index, or -1 for none. */
        private int cpuOf(long mpidr) {
            int id = affinity.index(mpidr);
            return id < host.vcpuCount() ? id : -1;
        }

        private long cpuOn(int target, long entry, long context) {
            if (target < 0) return INVALID_PARAMETERS;
            if (host.vcpuOnline(target)) return ALREADY_ON;
            boolean started = host.startVcpu(target, v -> {
                for (int r = Arm64Registers.X0; r <= Arm64Registers.X30; r++) v.setRegister(r, 0);
                v.setRegister(Arm64Registers.CPSR, Arm64BootProtocol.ENTRY_PSTATE);
                v.setPc(entry);
                v.setRegister(Arm64Registers.X0, context);
            });
            return started ? SUCCESS : ALREADY_ON;
        }
    }
}
