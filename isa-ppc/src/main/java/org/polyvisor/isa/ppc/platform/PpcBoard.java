package org.polyvisor.isa.ppc.platform;

import java.util.List;

import org.polyvisor.devices.FdtBuilder;
import org.polyvisor.devices.TestFinisher;
import org.polyvisor.devices.Uart16550;
import org.polyvisor.isa.ppc.PpcRegisters;
import org.polyvisor.isa.ppc.exec.TimeBase;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * The {@code type = "hvm"} board of the ppc backend ("polyvisor,ppc-hvm"): RAM from guest-physical 0, and
 * <pre>
 *   0xF0000000  0x100    NS16550A UART (registers 1 byte apart, 1.8432 MHz clock), OpenPIC source 0, level
 *   0xF0001000  0x100    power-off register (devices.TestFinisher: 0x5555 pass, 0x3333|code&lt;&lt;16 fail, 0x7777 reset)
 *   0xF0002000  32/CPU   ePAPR spin tables of the secondary CPUs ({@link SpinTable}; an MMIO window, see there)
 *   0xF0040000  0x40000  OpenPIC ({@link OpenPic}): 16 sources, 4 IPIs, 4 global timers, big-endian registers
 * </pre>
 * Every other address outside RAM reads all ones. The CPUs are 7400s with the time base and decrementer at 25 MHz;
 * their external interrupt input is the OpenPIC's output for them.
 * <p>Boot (ePAPR 1.1, 5.4 for 32-bit non-Book-E): the device tree sits at the top of the usable RAM, 64 KiB
 * aligned, under a /memreserve/; CPU 0 starts at the ELF entry in real mode (MSR = 0: supervisor, IR = DR = 0,
 * EE = 0, exception prefix 0) with r3 = the device tree's address, r4 = r5 = 0, r6 = 0x45504150 (the ePAPR magic),
 * r7 = the size of the initial mapped area (all usable RAM, as real mode maps it 1:1), r8 = r9 = 0. Secondary CPUs
 * wait in their spin tables; released, they start the same way with r3 from their table and r6 = 0.
 */
public final class PpcBoard implements Platform {
    public static final long UART = 0xf000_0000L, POWER_OFF = 0xf000_1000L, SPIN_TABLE = 0xf000_2000L,
            OPENPIC = 0xf004_0000L;
    public static final int UART_SOURCE = 0;
    public static final long EPAPR_MAGIC = 0x4550_4150L;
    private static final long DTB_ALIGN = 64 * 1024;

    private final PlatformHost host;
    private final Uart16550 uart;
    private final OpenPic pic;
    private final SpinTable spinTable;
    private final List<DeviceWindow> windows;

    public PpcBoard(PlatformHost host) {
        this.host = host;
        int cpus = Math.min(host.vcpuCount(), OpenPic.MAX_CPUS);
        this.pic = new OpenPic(cpus, this::interrupt, host::virtualNanos);
        this.uart = new Uart16550(host::consoleOutput, pic.line(UART_SOURCE));
        this.spinTable = new SpinTable(cpus, this::release);
        this.windows = List.of(
                DeviceWindow.mmio("serial@f0000000", UART, 0x100, uart),
                DeviceWindow.mmio("poweroff@f0001000", POWER_OFF, 0x100, new TestFinisher(host)),
                DeviceWindow.mmio("spin-table@f0002000", SPIN_TABLE, spinTable.size(), spinTable),
                DeviceWindow.mmio("pic@f0040000", OPENPIC, OpenPic.SIZE, pic));
    }

    /** The interrupt controller, which the vCPUs poll for its timers. */
    public OpenPic pic() { return pic; }

    @Override public List<DeviceWindow> windows() { return windows; }

    @Override public void consoleInput(byte[] bytes) { uart.receive(bytes); }

    @Override
    public String describe() {
        return String.format("ppc-hvm: RAM 0x%x-0x%x, 16550 UART 0x%x, power-off 0x%x, spin tables 0x%x, OpenPIC 0x%x",
                host.ramBase(), host.ramBase() + host.ramBytes() - 1, UART, POWER_OFF, SPIN_TABLE, OPENPIC);
    }

    private void interrupt(int cpu, boolean asserted) {
        Vcpu v = host.vcpu(cpu);
        if (asserted) {
            v.raiseInterrupt(0);
            host.kick(cpu);
        } else {
            v.lowerInterrupt(0);
        }
    }

    private void release(int cpu, long entry, long r3) {
        long ima = host.ramBytes();
        host.startVcpu(cpu, v -> enter(v, entry, r3, 0, ima));
    }

    private static void enter(Vcpu v, long entry, long r3, long r6, long ima) {
        for (int n = 0; n < PpcRegisters.COUNT; n++) v.setRegister(n, 0);
        v.setRegister(PpcRegisters.MSR, 0);
        v.setRegister(3, r3);
        v.setRegister(6, r6);
        v.setRegister(7, ima);
        v.setPc(entry);
    }

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        long top = info.ramBase() + info.ramBytes();
        int size = deviceTree(info, 0, 0).length;
        long reserved = (size + DTB_ALIGN - 1) & -DTB_ALIGN;
        long at = (top - reserved) & -DTB_ALIGN;
        byte[] dtb = deviceTree(info, at, reserved);
        GuestMemory m = host.memory();
        for (int k = 0; k < dtb.length; k++) m.write(at + k, 1, dtb[k] & 0xff);
        enter(vcpu, info.entry(), at, EPAPR_MAGIC, info.ramBytes());
    }

    /** The device tree: /cpus (spin-table secondaries), /memory (the usable RAM), /chosen, the devices. */
    byte[] deviceTree(BootInfo info, long dtbAt, long dtbSize) {
        FdtBuilder f = new FdtBuilder();
        int cpus = Math.min(host.vcpuCount(), OpenPic.MAX_CPUS);
        int picHandle = f.newPhandle();
        f.reserve(dtbAt, dtbSize);
        f.beginNode("")
                .property("compatible", "polyvisor,ppc-hvm")
                .property("model", "Polyvisor ppc HVM")
                .cells("#address-cells", 1).cells("#size-cells", 1);
        f.beginNode("cpus").cells("#address-cells", 1).cells("#size-cells", 0);
        for (int c = 0; c < cpus; c++) {
            f.beginNode("PowerPC,7400@" + c)
                    .property("device_type", "cpu")
                    .cells("reg", c)
                    .cells("timebase-frequency", TimeBase.TICKS_PER_SECOND)
                    .cells("clock-frequency", 1_000_000_000L)
                    .cells("d-cache-block-size", 32).cells("i-cache-block-size", 32)
                    .property("status", c == 0 ? "okay" : "disabled");
            if (c != 0) {
                f.property("enable-method", "spin-table")
                        .cells("cpu-release-addr", FdtBuilder.cells64(SPIN_TABLE + (long) SpinTable.ENTRY * c));
            }
            f.endNode();
        }
        f.endNode();
        f.beginNode("memory@" + Long.toHexString(info.ramBase()))
                .property("device_type", "memory")
                .cells("reg", info.ramBase(), info.ramBytes())
                .endNode();
        f.beginNode("chosen").property("stdout-path", "/soc/serial@f0000000").endNode();
        f.beginNode("soc")
                .property("compatible", "simple-bus")
                .cells("#address-cells", 1).cells("#size-cells", 1)
                .property("ranges");
        f.beginNode("serial@f0000000")
                .property("compatible", "ns16550a")
                .cells("reg", UART, 0x100)
                .cells("clock-frequency", 1_843_200)
                .cells("interrupts", UART_SOURCE, 2)
                .cells("interrupt-parent", picHandle)
                .endNode();
        f.beginNode("poweroff@f0001000")
                .property("compatible", "sifive,test1", "sifive,test0")
                .cells("reg", POWER_OFF, 0x100)
                .endNode();
        f.beginNode("pic@f0040000")
                .property("compatible", "chrp,open-pic")
                .property("device_type", "open-pic")
                .property("big-endian")
                .property("interrupt-controller")
                .cells("#interrupt-cells", 2)
                .cells("#address-cells", 0)
                .cells("reg", OPENPIC, OpenPic.SIZE)
                .cells("phandle", picHandle)
                .endNode();
        f.endNode();
        f.endNode();
        return f.finish(0);
    }
}
