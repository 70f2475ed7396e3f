package org.polyvisor.isa.x86.platform;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.platform.AddressSpace;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * A PC board on flat RAM with x86 vCPUs, standing in for the kernel: it routes port and MMIO exits to the board's
 * windows as the kernel's device bus does (all ones where nothing answers), keeps a settable virtual clock, and
 * records the console and what the board asked of it (kicks, shutdowns, exits, started vCPUs).
 */
final class PcRig implements PlatformHost, AutoCloseable {
    /** 2026-11-24 17:10:43 UTC, the RTC's time at virtual time 0. */
    static final long EPOCH = 1_795_540_243L;
    static final long MMIO_BASE = 0xFEC0_0000L, MMIO_SIZE = 0x0140_0000L;

    final FlatGuestMemory memory;
    final Map<String, String> options = new HashMap<>();
    final ByteArrayOutputStream console = new ByteArrayOutputStream();
    final List<String> events = new ArrayList<>();
    final X86Vcpu[] cpus;
    final boolean[] online;
    final long ramBytes;
    volatile long now;
    PcBoard board;

    PcRig(int vcpus, long ramBytes) {
        this.ramBytes = ramBytes;
        this.memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, ramBytes).withMmio(MMIO_BASE, MMIO_SIZE);
        this.cpus = new X86Vcpu[vcpus];
        this.online = new boolean[vcpus];
    }

    PcRig(int vcpus) { this(vcpus, 4 << 20); }

    /** Makes the board (after options are set) and the vCPUs, as the domain builder does; vCPU 0 is online. */
    PcRig build() {
        board = new PcBoard(this, false, EPOCH);
        X86IsaProvider isa = new X86IsaProvider();
        for (int i = 0; i < cpus.length; i++)
            cpus[i] = (X86Vcpu) isa.createVcpu(new VcpuConfig(memory, i, GuestType.HVM, () -> now, board));
        online[0] = true;
        return this;
    }

    private DeviceWindow window(AddressSpace space, long address) {
        for (DeviceWindow w : board.windows()) if (w.space() == space && w.contains(address)) return w;
        return null;
    }

    long read(AddressSpace space, long address, int size) {
        DeviceWindow w = window(space, address);
        long mask = size >= 8 ? -1L : (1L << (8 * size)) - 1;
        return w == null ? mask : w.device().read(address - w.base(), size) & mask;
    }

    void write(AddressSpace space, long address, int size, long value) {
        DeviceWindow w = window(space, address);
        if (w != null) w.device().write(address - w.base(), size, value);
    }

    long in(int port) { return read(AddressSpace.PORT, port, 1); }

    void out(int port, int value) { write(AddressSpace.PORT, port, 1, value); }

    /** Runs vCPU {@code id}, answering its port and MMIO exits, until another exit (or {@code budget} instructions). */
    VcpuExit run(int id, long budget) {
        Vcpu cpu = cpus[id];
        long start = cpu.retired();
        while (cpu.retired() - start < budget) {
            VcpuExit e = cpu.run(budget - (cpu.retired() - start));
            switch (e) {
                case VcpuExit.PortIo io -> {
                    if (io.write()) write(AddressSpace.PORT, io.port(), io.size(), io.value());
                    else cpu.completeRead(read(AddressSpace.PORT, io.port(), io.size()));
                }
                case VcpuExit.Mmio m -> {
                    if (m.write()) write(AddressSpace.MMIO, m.address(), m.size(), m.value());
                    else cpu.completeRead(read(AddressSpace.MMIO, m.address(), m.size()));
                }
                case VcpuExit.BudgetSpent b -> { }
                default -> { return e; }
            }
            if (!events.isEmpty() && events.getLast().startsWith("shutdown")) return new VcpuExit.Shutdown(ShutdownReason.POWEROFF);
        }
        return VcpuExit.BUDGET_SPENT;
    }

    String consoleText() { return console.toString(StandardCharsets.US_ASCII); }

    @Override public GuestMemory memory() { return memory; }
    @Override public long ramBase() { return 0; }
    @Override public long ramBytes() { return ramBytes; }
    @Override public int vcpuCount() { return cpus.length; }
    @Override public Vcpu vcpu(int id) { return cpus[id]; }
    @Override public void kick(int id) { events.add("kick " + id); }

    @Override
    public boolean startVcpu(int id, Consumer<Vcpu> init) {
        if (id < 0 || id >= cpus.length || online[id]) return false;
        init.accept(cpus[id]);
        online[id] = true;
        events.add("start " + id);
        return true;
    }

    @Override public void stopVcpu(int id) { online[id] = false; }
    @Override public boolean vcpuOnline(int id) { return online[id]; }
    @Override public void consoleOutput(byte[] bytes) { console.writeBytes(bytes); }
    @Override public void shutdown(ShutdownReason reason) { events.add("shutdown " + reason); }
    @Override public void exit(int code) { events.add("exit " + code); }
    @Override public long virtualNanos() { return now; }
    @Override public String option(String key) { return options.get(key); }
    @Override public void logOnce(String key, String message) { events.add("log " + message); }
    @Override public void close() { memory.close(); }
}
