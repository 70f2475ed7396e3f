package org.polyvisor.isa.x86.platform;

import java.util.ArrayList;
import java.util.List;
import org.polyvisor.devices.DebugConsolePort;
import org.polyvisor.devices.IsaDebugExit;
import org.polyvisor.devices.Uart16550;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.LocalInterrupts;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.IrqLine;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * The PC an x86 HVM domain boots on, laid out as QEMU's i440FX machine lays it out:
 * <pre>
 *   ports 0x20-0x21, 0xA0-0xA1   8259A PIC pair (vectors 0x08 / 0x70 until the guest programs ICW2), ELCR 0x4D0-0x4D1
 *   ports 0x40-0x43, 0x61        8254 PIT (IRQ 0), system control port B
 *   ports 0x60, 0x64             8042 keyboard controller (no keyboard; command 0xFE resets)
 *   ports 0x70-0x71              CMOS RTC (IRQ 8 never raised)
 *   ports 0x3F8-0x3FF            16550A COM1 (IRQ 4, gated by MCR.OUT2), the domain's console
 *   port  0xE9                   Bochs/QEMU debug console
 *   port  0xF4                   isa-debug-exit: exit code (value &lt;&lt; 1) | 1
 *   port  0x604                  PIIX4 PM1a control: SLP_EN powers off (exit code 0 for the images)
 *   port  0xCF9                  reset control
 *   MMIO  0xFEC00000             I/O APIC (24 pins; ISA IRQ 0 on pin 2)
 *   MMIO  0xFEE00000             local APIC of the vCPU that accesses it
 *   MMIO  4 GiB - size           the firmware ROM, when the config names one
 * </pre>
 * Every other port and MMIO address reads all ones (the kernel answers them). Each ISA IRQ line goes to both the
 * PIC and the I/O APIC, as on the real board; a guest masks the controller it does not use. The PIC's INTR goes to
 * vCPU 0 (the local APIC's LINT0 in virtual-wire mode, its LVT entry not consulted). Timers (PIT, local APIC) run on
 * the domain's virtual time and are polled at the start of each vCPU run, and a halted vCPU asks the kernel to wake
 * it at their next deadline ({@link Vcpu#wakeDeadline}).
 *
 * <p>The Xen HVM guest interface: CPUID leaves 0x40000000-0x40000005 and the hypercall-page MSR
 * ({@link XenHvmInterface}); the {@code vmcall} in the stubs is the vCPU's hypercall exit.
 *
 * <p>{@link #boot}: with xl.cfg's {@code boot_protocol} ("pvh", which {@code type = "pvh"} sets, "multiboot" or
 * "firmware") only that way, else the first that applies: a kernel with Xen's PHYS32_ENTRY ELF note is entered as {@link PvhBoot} says (PVH); else a Multiboot
 * kernel is entered as {@link Multiboot} says; otherwise the firmware ROM starts at the
 * reset vector ({@link FirmwareRom}); with neither the domain cannot boot, and vCPU 0 crashes the domain on its
 * first run after printing why on the console.
 */
public final class PcBoard implements Platform {
    public static final int COM1 = 0x3F8, COM1_IRQ = 4, DEBUG_CONSOLE = 0xE9, DEBUG_EXIT = 0xF4;

    private final PlatformHost host;
    private final boolean longModeCpu;
    /** The vCPUs attached so far (vCPU 0 at boot, the others at their start-up IPI); read from devices' threads. */
    private final java.util.concurrent.atomic.AtomicReferenceArray<X86Vcpu> cpus;
    private final CpuLink[] links;
    private final LocalApic[] lapics;
    private final PicPair pic;
    private final Pit8254 pit;
    private final IoApic ioapic;
    private final Uart16550 uart;
    private final List<DeviceWindow> windows = new ArrayList<>();
    private final FirmwareRom firmware;
    private final String firmwareProblem;
    /** The vCPU whose run is on this thread: the local APIC window answers for it. */
    private final ThreadLocal<CpuLink> current = new ThreadLocal<>();
    private volatile String bootFailure;
    private String bootDescription = "not booted";

    /**
     * @param longModeCpu whether the vCPUs are x86_64 ones (Xen's start_info then has the 64-bit layout)
     * @param epochSeconds the RTC's time at virtual time 0
     */
    public PcBoard(PlatformHost host, boolean longModeCpu, long epochSeconds) {
        this.host = host;
        this.longModeCpu = longModeCpu;
        int n = Math.max(1, host.vcpuCount());
        cpus = new java.util.concurrent.atomic.AtomicReferenceArray<>(n);
        links = new CpuLink[n];
        lapics = new LocalApic[n];
        ApicBus apicBus = new ApicBus();
        for (int i = 0; i < n; i++) {
            links[i] = new CpuLink(i);
            lapics[i] = new LocalApic(i, links[i], host::virtualNanos, apicBus);
        }
        pic = new PicPair(links[0]);
        ioapic = new IoApic(apicBus::deliver);
        pit = new Pit8254(host::virtualNanos, isaIrq(0));
        uart = new Uart16550(host::consoleOutput, isaIrq(COM1_IRQ), 0, true);
        CmosRtc rtc = new CmosRtc(epochSeconds, host::virtualNanos, host.ramBytes());

        port("pic-master", PicPair.MASTER, 2, pic.ports(false));
        port("pic-slave", PicPair.SLAVE, 2, pic.ports(true));
        port("elcr", PicPair.ELCR, 2, pic.elcr());
        port("pit", Pit8254.BASE, 4, pit.ports());
        port("port-b", Pit8254.PORT_B, 1, pit.portB());
        port("i8042-data", SystemControl.KBD_DATA, 1, SystemControl.keyboardData());
        port("i8042-status", SystemControl.KBD_STATUS, 1, SystemControl.keyboardStatus(host));
        port("rtc", CmosRtc.BASE, 2, rtc);
        port("com1", COM1, 8, uart);
        port("debugcon", DEBUG_CONSOLE, 1, new DebugConsolePort(host::consoleOutput));
        port("isa-debug-exit", DEBUG_EXIT, 1, new IsaDebugExit(host));
        port("pm1a-cnt", SystemControl.PM1A_CNT, 2, SystemControl.pm1aControl(host));
        port("reset-control", SystemControl.RESET_CONTROL, 1, SystemControl.resetControl(host));
        windows.add(DeviceWindow.mmio("ioapic", IoApic.BASE, 0x1000, ioapic));
        windows.add(DeviceWindow.mmio("lapic", LocalApic.BASE, 0x1000, new ApicWindow()));

        String path = host.option("firmware");
        Object rom = path == null ? null : FirmwareRom.load(path);
        firmware = rom instanceof FirmwareRom f ? f : null;
        firmwareProblem = rom instanceof String s ? s : null;
        if (firmware != null && firmware.highBase() >= host.ramBase() + host.ramBytes())
            windows.add(DeviceWindow.mmio("bios-rom", firmware.highBase(), firmware.image.length, firmware));
    }

    private void port(String name, int base, int length, Device d) { windows.add(DeviceWindow.port(name, base, length, d)); }

    /** ISA interrupt {@code irq}'s wire: to the PIC's input and the I/O APIC's pin. */
    IrqLine isaIrq(int irq) {
        IrqLine toPic = pic.line(irq);
        int pin = IoApic.pinOf(irq);
        return asserted -> {
            toPic.set(asserted);
            ioapic.setPin(pin, asserted);
        };
    }

    @Override public List<DeviceWindow> windows() { return List.copyOf(windows); }

    @Override public void consoleInput(byte[] bytes) { uart.receive(bytes); }

    @Override
    public String describe() {
        return "PC (i440FX layout): COM1 0x3f8 IRQ 4, 8259A pair, 8254 PIT, CMOS RTC, I/O APIC 0xfec00000, local APIC 0xfee00000, "
                + (host.ramBytes() >>> 20) + " MiB usable RAM from 0; " + bootDescription;
    }

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        X86Vcpu cpu = (X86Vcpu) vcpu;
        attach(cpu);
        CpuState s = cpu.state();
        var mem = host.memory();
        // xl.cfg's boot_protocol (type = "pvh" sets "pvh"): one way only; absent, the first of PVH, Multiboot, firmware
        String protocol = host.option("boot_protocol");
        if (protocol != null && !List.of("pvh", "multiboot", "firmware").contains(protocol)) {
            fail(s, "boot_protocol = \"" + protocol + "\" is not one of \"pvh\", \"multiboot\", \"firmware\"");
            return;
        }
        java.util.OptionalLong pvh = protocol == null || protocol.equals("pvh") ? PvhBoot.entry(info) : java.util.OptionalLong.empty();
        if (pvh.isEmpty() && "pvh".equals(protocol)) {
            fail(s, "a PVH boot (type = \"pvh\" or boot_protocol = \"pvh\") needs a kernel with Xen's XEN_ELFNOTE_PHYS32_ENTRY note, and this one has none");
            return;
        }
        if (pvh.isPresent()) {
            long entry = pvh.getAsLong();
            String why = PvhBoot.problem(mem, entry, host.ramBytes());
            if (why != null) { fail(s, why); return; }
            long start = PvhBoot.write(mem, host.ramBytes(), Multiboot.startInfoCmdline(mem, info.startInfo(), longModeCpu),
                    PvhBoot.startInfoFlags(mem, info.startInfo(), longModeCpu));
            PvhBoot.enter(s, entry, start);
            bootDescription = String.format("PVH kernel (XEN_ELFNOTE_PHYS32_ENTRY), entry 0x%x, hvm_start_info at 0x%x", entry, start);
            return;
        }
        Multiboot.Header h = "firmware".equals(protocol) ? null : Multiboot.find(mem, host.ramBase(), host.ramBytes());
        if (h == null && "multiboot".equals(protocol)) {
            fail(s, "boot_protocol = \"multiboot\" needs a kernel with a Multiboot header (magic 0x1badb002 in its first 8 KiB), and this one has none");
            return;
        }
        if (h != null) {
            String why = Multiboot.unsupported(h);
            if (why != null) { fail(s, why); return; }
            String clash = Multiboot.infoAreaProblem(mem);
            if (clash != null) { fail(s, clash); return; }
            String cmdline = Multiboot.startInfoCmdline(mem, info.startInfo(), longModeCpu);
            long infoAddress = Multiboot.writeInfo(mem, host.ramBytes(), cmdline);
            long entry = h.entryAddr() >= 0 ? h.entryAddr() : info.entry();
            Multiboot.enter(s, entry, infoAddress);
            bootDescription = String.format("Multiboot kernel (header at 0x%x), entry 0x%x, info at 0x%x", h.address(), entry, infoAddress);
            return;
        }
        if (firmware != null) {
            if (!firmware.copyLow(mem)) { fail(s, "the firmware's low alias needs RAM up to 1 MiB"); return; }
            FirmwareRom.enterResetVector(s);
            bootDescription = String.format("firmware ROM of %d KiB at 0x%x, reset vector F000:FFF0", firmware.image.length >>> 10,
                    firmware.highBase());
            return;
        }
        fail(s, firmwareProblem != null ? firmwareProblem
                : "firmware".equals(protocol) ? "boot_protocol = \"firmware\" needs a firmware = \"<ROM image>\" setting"
                : "the kernel has no Multiboot header (magic 0x1badb002 in its first 8 KiB) and the config names no firmware ROM");
    }

    /** The domain cannot boot: vCPU 0 says why on the console and crashes the domain on its first run. */
    private void fail(CpuState s, String why) {
        s.resetReal();
        bootFailure = why;
        bootDescription = "cannot boot: " + why;
        host.logOnce("boot", "cannot boot: " + why);
    }

    /** The failure {@link #boot} found, or null. */
    public String bootFailure() { return bootFailure; }

    /** Connects a vCPU to its controllers (vCPU 0 at boot, the others at their start-up IPI). */
    public void attach(X86Vcpu cpu) {
        int id = cpu.id();
        if (id < 0 || id >= cpus.length()) return;
        cpus.set(id, cpu);
        cpu.attach(links[id]);
    }

    /** The board's interrupt lines and controllers for one vCPU. */
    private final class CpuLink implements LocalInterrupts, InterruptPin {
        private final int id;

        CpuLink(int id) { this.id = id; }

        @Override
        public void poll() {
            current.set(this);
            if (id == 0) {
                String failure = bootFailure;
                if (failure != null) {
                    bootFailure = null;
                    host.consoleOutput(("polyvisor: x86 HVM domain cannot boot: " + failure + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    host.shutdown(ShutdownReason.CRASH);
                    return;
                }
            }
            pit.poll();
            lapics[id].poll();
        }

        /**
         * The controller that posted {@code vector} (or withdrew it as the CPU took it) runs the INTA cycle; a vector
         * no controller here posted passes through. Vector 0 means the CPU found its pending set emptied under it: the
         * answer is a spurious vector (the PIC's on vCPU 0, else the local APIC's).
         */
        @Override
        public int acknowledge(int vector) {
            if (lapics[id].owns(vector)) return lapics[id].acknowledge();
            if (id == 0 && (pic.owns(vector) || vector == 0)) return pic.acknowledge();
            return vector == 0 ? lapics[id].spuriousVector() : vector;
        }

        @Override
        public long wakeDeadline() {
            long a = lapics[id].deadline(), b = id == 0 ? pit.nextDeadline() : -1;
            return a < 0 ? b : b < 0 ? a : Math.min(a, b);
        }

        @Override
        public boolean cpuid(int leaf, CpuState state) {
            if (!XenHvmInterface.owns(leaf)) return false;
            XenHvmInterface.cpuid(leaf, id, host.domainId(), state);
            return true;
        }

        @Override
        public boolean ownsMsr(int msr) {
            if (msr == LocalApic.IA32_APIC_BASE || msr == XenHvmInterface.HYPERCALL_MSR) return true;
            return msr >= LocalApic.X2APIC_FIRST && msr <= LocalApic.X2APIC_LAST && lapics[id].x2apicMode()
                    && LocalApic.x2apicRegister(msr) >= 0;
        }

        @Override
        public long readMsr(int msr) {
            if (msr == LocalApic.IA32_APIC_BASE) return lapics[id].apicBase();
            if (msr == XenHvmInterface.HYPERCALL_MSR) return 0;
            int reg = LocalApic.x2apicRegister(msr);
            return reg == LocalApic.EOI || reg == LocalApic.SELF_IPI ? 0 : lapics[id].readMsr(reg);
        }

        @Override
        public boolean writeMsr(int msr, long value) {
            if (msr == LocalApic.IA32_APIC_BASE) return lapics[id].setApicBase(value);
            if (msr == XenHvmInterface.HYPERCALL_MSR) return XenHvmInterface.writeHypercallPage(host.memory(), value);
            return lapics[id].writeMsr(LocalApic.x2apicRegister(msr), value);
        }

        @Override
        public void post(int vector) {
            X86Vcpu c = cpus.get(id);
            if (c == null) return;
            c.raiseInterrupt(vector);
            host.kick(id);
        }

        @Override
        public void withdraw(int vector) {
            X86Vcpu c = cpus.get(id);
            if (c != null) c.lowerInterrupt(vector);
        }
    }

    /** The local APIC window: the registers of the APIC of the vCPU running on this thread (vCPU 0 outside a run). */
    private final class ApicWindow implements Device {
        private LocalApic apic() {
            CpuLink l = current.get();
            return lapics[l == null ? 0 : l.id];
        }

        @Override public long read(long offset, int size) {
            long v = apic().read((int) offset & 0xFF0) & 0xFFFF_FFFFL;
            return v >>> (8 * (offset & 3));
        }

        @Override public void write(long offset, int size, long value) {
            if ((offset & 0xF) == 0) apic().write((int) offset & 0xFF0, (int) value);
        }
    }

    /** The APIC bus: IPIs between local APICs, I/O APIC deliveries, INIT and start-up. */
    private final class ApicBus implements LocalApic.Bus {
        private boolean targets(LocalApic self, LocalApic a, int shorthand, boolean logical, int dest) {
            return switch (shorthand) {
                case 1 -> a == self;
                case 2 -> true;
                case 3 -> a != self;
                default -> a.selected(logical, dest);
            };
        }

        @Override
        public void fixed(LocalApic self, int shorthand, boolean logical, int dest, int vector) {
            for (LocalApic a : lapics) if (targets(self, a, shorthand, logical, dest)) a.accept(vector, false);
        }

        @Override
        public void startup(LocalApic self, int shorthand, boolean logical, int dest, int vector) {
            for (LocalApic a : lapics) {
                if (!targets(self, a, shorthand, logical, dest) || a == self) continue;
                if (vector < 0) {
                    if (!host.vcpuOnline(a.id)) a.init();
                    continue;
                }
                if (host.vcpuOnline(a.id) || !a.takeSipiWait()) continue;
                int page = vector & 0xFF;
                host.startVcpu(a.id, v -> {
                    X86Vcpu c = (X86Vcpu) v;
                    c.reset();
                    CpuState s = c.state();
                    s.loadReal(CpuState.CS, page << 8);  // CS = VV00, IP = 0: the start-up code at VV000
                    s.rip = 0;
                    attach(c);
                });
            }
        }

        @Override public void levelEoi(int vector) { ioapic.eoi(vector); }

        void deliver(boolean logical, int dest, int vector, boolean level) {
            for (LocalApic a : lapics) if (a.selected(logical, dest)) a.accept(vector, level);
        }
    }

    /** For tests and {@code info}: the PIC's registers. */
    String picState() { return pic.describe(); }
}
