package org.polyvisor.isa.ia64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ia64.Ia64IsaProvider;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

/**
 * The ia64 HVM board through a small PlatformHost of its own (FlatGuestMemory with every address outside RAM an
 * MMIO hole, MMIO exits routed to the board's windows as the kernel does): its memory map and entry state, the
 * UART's line making vector 0x31 pending, and images/guests/ia64/hvm-hello.elf printing its golden and passing.
 */
class Ia64BoardTest {
    private static final long RAM = 16L << 20;

    static final class Host implements PlatformHost {
        final FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, 0, RAM).withMmio(RAM, 0x1_0000_0000L - RAM);
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        Vcpu vcpu;
        Integer exitCode;

        @Override public GuestMemory memory() { return memory; }
        @Override public long ramBase() { return 0; }
        @Override public long ramBytes() { return RAM; }
        @Override public int vcpuCount() { return 1; }
        @Override public Vcpu vcpu(int id) { return vcpu; }
        @Override public void kick(int id) { events.add("kick " + id); }
        @Override public boolean startVcpu(int id, Consumer<Vcpu> init) { return false; }
        @Override public void stopVcpu(int id) { }
        @Override public boolean vcpuOnline(int id) { return id == 0; }
        @Override public void consoleOutput(byte[] bytes) { console.writeBytes(bytes); }
        @Override public void shutdown(ShutdownReason reason) { events.add("shutdown " + reason); }
        @Override public void exit(int code) { exitCode = code; }
        @Override public long virtualNanos() { return vcpu == null ? 0 : vcpu.retired(); }
        @Override public String option(String key) { return null; }
        @Override public void logOnce(String key, String message) { events.add("log " + message); }
    }

    private static Vcpu vcpu(Ia64IsaProvider isa, Host host, Platform board) {
        Vcpu v = isa.createVcpu(new VcpuConfig(host.memory, 0, GuestType.HVM, host::virtualNanos, board));
        host.vcpu = v;
        return v;
    }

    @Test
    void memoryMapAndEntryState() {
        Ia64IsaProvider isa = new Ia64IsaProvider();
        Host host = new Host();
        Platform board = isa.createPlatform(host).orElseThrow();
        assertEquals(List.of("serial@f0000000 0xf0000000", "poweroff@f0001000 0xf0001000"),
                board.windows().stream().map(w -> w.name() + " 0x" + Long.toHexString(w.base())).toList(), "ia64 HVM windows");
        Vcpu v = vcpu(isa, host, board);
        board.boot(v, new BootInfo(GuestType.HVM, 0x100000, 0, 0, RAM, 0));
        assertEquals(0x100000, v.pc(), "entry");
        assertEquals(RAM, v.register(Ia64Board.RAM_SIZE_REGISTER), "r29 = usable RAM");
        assertEquals(Ia64Board.UART, v.register(Ia64Board.UART_REGISTER), "r30 = UART");
        assertEquals(0, v.register(28), "r28 = 0: no start_info");
        assertTrue(board.describe().contains("16550 UART 0xf0000000"), board.describe());
    }

    @Test
    void uartLineMakesItsVectorPendingOnce() {
        Ia64IsaProvider isa = new Ia64IsaProvider();
        Host host = new Host();
        Platform board = isa.createPlatform(host).orElseThrow();
        Vcpu v = vcpu(isa, host, board);
        DeviceWindow uart = board.windows().get(0);
        assertTrue(!v.hasWakeEvent(), "nothing pending at first");
        uart.device().write(1, 1, 2); // IER.THRI: THR is empty, the line rises
        assertTrue(v.hasWakeEvent(), "vector 0x31 pending after the UART's line rose");
        assertEquals(List.of("kick 0"), host.events, "the board kicks CPU 0 once");
        uart.device().write(1, 1, 2);
        assertEquals(List.of("kick 0"), host.events, "a line that stays up raises nothing more");
    }

    @Test
    void hvmHelloImagePrintsItsGoldenAndPowersOff() throws IOException {
        Path dir = Path.of("..", "images", "guests", "ia64");
        byte[] elf = Files.readAllBytes(dir.resolve("hvm-hello.elf"));
        Ia64IsaProvider isa = new Ia64IsaProvider();
        Host host = new Host();
        Platform board = isa.createPlatform(host).orElseThrow();
        Vcpu v = vcpu(isa, host, board);
        long entry = load(host.memory, elf);
        board.boot(v, new BootInfo(GuestType.HVM, entry, 0, 0, RAM, 0));
        for (int slice = 0; slice < 4000 && host.exitCode == null; slice++) {
            VcpuExit exit = v.run(50_000);
            if (exit instanceof VcpuExit.Fault f) fail("ia64 hvm-hello crashed: " + f.reason() + "\n" + host.console);
            if (exit instanceof VcpuExit.Mmio m) {
                DeviceWindow w = board.windows().stream().filter(d -> d.contains(m.address())).findFirst().orElse(null);
                if (m.write()) { if (w != null) w.device().write(m.address() - w.base(), m.size(), m.value()); }
                else v.completeRead(w == null ? -1L : w.device().read(m.address() - w.base(), m.size()));
            }
        }
        assertEquals(0, host.exitCode, "ia64 hvm-hello exit code; console:\n" + host.console);
        assertEquals(Files.readString(dir.resolve("hvm-hello.golden")), host.console.toString(StandardCharsets.US_ASCII));
    }

    private static long load(FlatGuestMemory memory, byte[] elf) {
        ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = b.getShort(0x36) & 0xffff, phnum = b.getShort(0x38) & 0xffff;
        for (int i = 0; i < phnum; i++) {
            int ph = (int) (phoff + (long) i * phentsize);
            if (b.getInt(ph) != 1) continue;
            byte[] seg = new byte[(int) b.getLong(ph + 32)];
            System.arraycopy(elf, (int) b.getLong(ph + 8), seg, 0, seg.length);
            memory.load(b.getLong(ph + 24), seg);
        }
        return b.getLong(0x18);
    }
}
