package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.config.LifecycleAction;
import org.polyvisor.kernel.config.SchedulingConfig;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainState;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.Disassembler;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.HypercallAbi;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * An HVM domain on a board: the kernel routes MMIO and port exits to the board's windows (and answers the rest with
 * all ones), boots vCPU 0 through the board, reports only usable RAM, sends console input to the board, lets the
 * board start vCPUs and end the domain with an exit code, and wakes a halted vCPU at its own timer's deadline.
 */
class HvmPlatformTest {
    @TempDir Path dir;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    /** A register file device: 16 32-bit registers, each access recorded. */
    private final class Registers implements Device {
        final long[] regs = new long[16];

        @Override public long read(long off, int size) {
            seen.add("read 0x" + Long.toHexString(off));
            return regs[(int) off / 4];
        }

        @Override public void write(long off, int size, long value) {
            seen.add("write 0x" + Long.toHexString(off) + "=" + value);
            regs[(int) off / 4] = value;
        }
    }

    private final class Board implements Platform {
        final PlatformHost host;
        final Registers regs = new Registers();

        Board(PlatformHost host) { this.host = host; }

        @Override public List<DeviceWindow> windows() {
            return List.of(DeviceWindow.mmio("regs", 0x0900_0000, 0x40, regs), DeviceWindow.port("pio", 0x3F8, 8, regs),
                    DeviceWindow.mmio("exit", 0x0A00_0000, 4, new Device() {
                        @Override public long read(long o, int s) { return 0; }
                        @Override public void write(long o, int s, long v) { host.exit((int) v); }
                    }));
        }

        @Override public void boot(Vcpu vcpu, BootInfo info) {
            seen.add("board boot ram=" + (info.ramBytes() >> 10) + "K");
            vcpu.setPc(info.entry());
        }

        @Override public void consoleInput(byte[] bytes) { seen.add("input " + new String(bytes)); }
    }

    /** The scripted vCPU plus what a real one does for boards: completeRead, a wake deadline, a pending interrupt. */
    private static final class BoardVcpu implements Vcpu {
        final ScriptedIsa.ScriptedVcpu inner;
        final Platform platform;
        long lastRead = -2;
        volatile long wakeAt = -1;
        volatile boolean interruptPending;

        BoardVcpu(ScriptedIsa.ScriptedVcpu inner, Platform platform) {
            this.inner = inner;
            this.platform = platform;
        }

        @Override public int id() { return inner.id(); }
        @Override public VcpuExit run(long budget) { return inner.run(budget); }
        @Override public long retired() { return inner.retired(); }
        @Override public long pc() { return inner.pc(); }
        @Override public void setPc(long pc) { inner.setPc(pc); }
        @Override public long register(int n) { return inner.register(n); }
        @Override public void setRegister(int n, long v) { inner.setRegister(n, v); }
        @Override public long translate(long va, boolean write) { return va; }
        @Override public void completeRead(long value) { lastRead = value; }
        @Override public long wakeDeadline() { return wakeAt; }
        @Override public boolean hasWakeEvent() { return interruptPending; }
        @Override public VcpuState save() { return inner.save(); }
        @Override public void restore(VcpuState s) { }
    }

    /** The scripted ISA with a board; each step sees the BoardVcpu through the map. */
    private final class BoardIsa implements IsaProvider {
        final ScriptedIsa base;
        final Map<Integer, BoardVcpu> vcpus = new java.util.concurrent.ConcurrentHashMap<>();
        volatile Board board;

        BoardIsa(List<Function<ScriptedIsa.ScriptedVcpu, VcpuExit>> steps) {
            @SuppressWarnings("unchecked")
            Function<ScriptedIsa.ScriptedVcpu, VcpuExit>[] a = steps.toArray(Function[]::new);
            base = new ScriptedIsa(64, a);
        }

        @Override public String id() { return "scripted"; }
        @Override public String description() { return "scripted with a board"; }
        @Override public int wordBits() { return 64; }
        @Override public ByteOrder byteOrder() { return ByteOrder.LITTLE_ENDIAN; }
        @Override public int elfMachine() { return ScriptedIsa.MACHINE; }
        @Override public int elfClass() { return 2; }
        @Override public RegisterSet registers() { return base.registers(); }
        @Override public Disassembler disassembler() { return base.disassembler(); }
        @Override public BootProtocol bootProtocol() { return (v, info) -> seen.add("reset-state boot"); }
        @Override public HypercallAbi hypercallAbi() { return base.hypercallAbi(); }

        @Override public Vcpu createVcpu(VcpuConfig config) {
            BoardVcpu v = new BoardVcpu((ScriptedIsa.ScriptedVcpu) base.createVcpu(config), config.platform());
            vcpus.put(config.vcpuId(), v);
            return v;
        }

        @Override public Optional<Platform> createPlatform(PlatformHost host) {
            board = new Board(host);
            return Optional.of(board);
        }
    }

    private Domain create(Hypervisor h, BoardIsa isa, GuestType type, int vcpus) throws Exception {
        Path elf = dir.resolve("board.elf");
        Files.write(elf, isa.base.elf());
        return h.create(new DomainConfig("board", type, "scripted", elf, 4, vcpus, LifecycleAction.DESTROY,
                LifecycleAction.RESTART, LifecycleAction.PRESERVE, "", List.of(), SchedulingConfig.DEFAULT, Map.of()));
    }

    private void await(String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!seen.contains(what) && System.nanoTime() < deadline) Thread.sleep(2);
        assertTrue(seen.contains(what), "never saw '" + what + "' in " + seen);
    }

    private static Hypervisor boot(IsaProvider isa) {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(64), IsaCatalog.of(isa));
    }

    @Test
    void mmioAndPortExitsReachTheBoardAndUnclaimedReadsAreAllOnes() throws Exception {
        BoardIsa[] self = new BoardIsa[1];
        self[0] = new BoardIsa(List.of(
                v -> new VcpuExit.Mmio(0x0900_0008, 4, true, 42),
                v -> new VcpuExit.Mmio(0x0900_0008, 4, false, 0),
                v -> { seen.add("got " + self[0].vcpus.get(0).lastRead); return new VcpuExit.PortIo(0x3F8 + 4, 1, true, 7); },
                v -> new VcpuExit.Mmio(0x0B00_0000, 2, false, 0),
                v -> { seen.add("unclaimed " + Long.toHexString(self[0].vcpus.get(0).lastRead)); return VcpuExit.HALT; }));
        try (Hypervisor h = boot(self[0])) {
            Domain d = create(h, self[0], GuestType.HVM, 1);
            await("unclaimed ffff");
            assertEquals(List.of("board boot ram=" + (4096 - 36) + "K", "write 0x8=42", "read 0x8", "got 42", "write 0x4=7", "unclaimed ffff"), seen,
                    "usable RAM leaves out the 4 grant frames, the v2 status frame and Xen's 4 special pages");
            assertTrue(d.memory().isMmio(0x0B00_0000L), "non-RAM is the board's");
            assertFalse(d.memory().isMmio(0x1000), "RAM is RAM");
            assertTrue(h.log().lines().stream().anyMatch(l -> l.contains("no device at MMIO 0xb000000 (reads return all ones)")), "logged once");
        }
    }

    @Test
    void consoleInputGoesToTheBoardAndAnExitDeviceEndsTheDomainWithItsCode() throws Exception {
        BoardIsa isa = new BoardIsa(List.of(
                v -> { seen.add("running"); return VcpuExit.BUDGET_SPENT; },
                v -> seen.contains("input k") ? new VcpuExit.Mmio(0x0A00_0000, 4, true, 3) : v.repeat()));
        try (Hypervisor h = boot(isa)) {
            Domain d = create(h, isa, GuestType.HVM, 1);
            await("running");
            d.consoleInput("k".getBytes());
            assertEquals(ShutdownReason.POWEROFF, d.ended().get(10, TimeUnit.SECONDS).reason());
            assertEquals(3, d.exitCode());
        }
    }

    @Test
    void theBoardStartsSecondaryVcpus() throws Exception {
        BoardIsa[] self = new BoardIsa[1];
        self[0] = new BoardIsa(List.of(v -> {
            if (v.id() == 0) {
                boolean started = self[0].board.host.startVcpu(1, cpu -> cpu.setPc(0x1234));
                boolean again = self[0].board.host.startVcpu(1, cpu -> { });
                seen.add("started " + started + " again " + again);
            } else {
                seen.add("vcpu 1 at 0x" + Long.toHexString(v.pc()));
            }
            return VcpuExit.HALT;
        }));
        try (Hypervisor h = boot(self[0])) {
            create(h, self[0], GuestType.HVM, 2);
            await("vcpu 1 at 0x1234");
            await("started true again false");     // vCPU 0 notes it after vCPU 1 may already have run
            assertTrue(seen.contains("started true again false"), seen.toString());
            assertTrue(self[0].board.host.vcpuOnline(1));
        }
    }

    @Test
    void aHaltedVcpuWakesAtItsOwnTimerDeadline() throws Exception {
        BoardIsa[] self = new BoardIsa[1];
        self[0] = new BoardIsa(List.of(
                v -> {
                    self[0].vcpus.get(0).wakeAt = self[0].board.host.virtualNanos() + 20_000_000L;
                    return VcpuExit.HALT;
                },
                v -> { seen.add("woke"); return VcpuExit.HALT; }));
        try (Hypervisor h = boot(self[0])) {
            create(h, self[0], GuestType.HVM, 1);
            await("woke");
        }
    }

    @Test
    void anInterruptPendingAtTheHaltIsNotSleptThrough() throws Exception {
        BoardIsa[] self = new BoardIsa[1];
        self[0] = new BoardIsa(List.of(
                v -> {
                    self[0].vcpus.get(0).interruptPending = true;
                    return VcpuExit.HALT;
                },
                v -> { seen.add("went on"); self[0].vcpus.get(0).interruptPending = false; return VcpuExit.HALT; }));
        try (Hypervisor h = boot(self[0])) {
            create(h, self[0], GuestType.HVM, 1);
            await("went on");
        }
    }

    @Test
    void aPvDomainGetsNoBoard() throws Exception {
        BoardIsa isa = new BoardIsa(List.of(v -> VcpuExit.HALT));
        try (Hypervisor h = boot(isa)) {
            Domain d = create(h, isa, GuestType.PV, 1);
            assertNull(d.platform());
            assertEquals(List.of("reset-state boot"), seen);
            assertFalse(d.memory().isMmio(0x0900_0000L));
            assertEquals(DomainState.ACTIVE, d.state());
        }
    }
}
