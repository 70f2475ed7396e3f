package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.GuestProgram;
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
 * The virt board end to end on one thread: src/test/resources/board/program.S (the hvm-hello image) boots on two
 * vCPUs run in turn, with this test routing MMIO exits to the board's windows as the kernel does. It checks the
 * device tree in x0, PSCI_VERSION, a virtual-timer interrupt through the GICv2 and PSCI CPU_ON/CPU_OFF, and powers
 * off with SYSTEM_OFF.
 */
class VirtBoardTest {
    private static final long RAM = Arm64IsaProvider.RAM_BASE, RAM_BYTES = 16 << 20;
    private static final GuestProgram PROGRAM = GuestProgram.load("/board/program.words");

    /** A single-threaded PlatformHost: vCPUs are run in turn by {@link #runAll}. */
    private static final class Host implements PlatformHost {
        final FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, RAM_BYTES).withMmio(0x0800_0000L, 0x0200_0000L);
        final List<Vcpu> vcpus = new ArrayList<>();
        final boolean[] online = new boolean[2];
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        long nanos;

        @Override public GuestMemory memory() { return memory; }
        @Override public long ramBase() { return RAM; }
        @Override public long ramBytes() { return RAM_BYTES; }
        @Override public int vcpuCount() { return online.length; }
        @Override public Vcpu vcpu(int id) { return vcpus.get(id); }
        @Override public void kick(int id) { }
        @Override public boolean startVcpu(int id, Consumer<Vcpu> init) {
            if (online[id]) return false;
            init.accept(vcpus.get(id));
            online[id] = true;
            return true;
        }
        @Override public void stopVcpu(int id) { online[id] = false; }
        @Override public boolean vcpuOnline(int id) { return online[id]; }
        @Override public void consoleOutput(byte[] bytes) { console.writeBytes(bytes); }
        @Override public void shutdown(ShutdownReason reason) { events.add("shutdown " + reason); }
        @Override public void exit(int code) { events.add("exit " + code); }
        @Override public long virtualNanos() { return nanos; }
        @Override public String option(String key) { return null; }
        @Override public void logOnce(String key, String message) { events.add(message); }
    }

    @Test
    void hvmHelloPassesEveryCheckOnTheBoard() {
        Host host = new Host();
        Arm64IsaProvider isa = new Arm64IsaProvider();
        Platform board = isa.createPlatform(host).orElseThrow();
        for (int id = 0; id < 2; id++) host.vcpus.add(isa.createVcpu(new VcpuConfig(host.memory, id, GuestType.HVM, () -> host.nanos, board)));
        PROGRAM.writeTo(host.memory, RAM);
        board.boot(host.vcpus.get(0), new BootInfo(GuestType.HVM, RAM, 0, RAM, RAM_BYTES, 0));
        host.online[0] = true;
        runAll(host, board);
        String out = host.console.toString(StandardCharsets.US_ASCII);
        assertTrue(out.endsWith("hvm-hello: all checks passed\n"), "arm64 virt board: console was\n" + out);
        assertEquals(List.of("shutdown POWEROFF"), host.events);
    }

    /** Runs the online vCPUs in turn, 1000 instructions each, routing MMIO, until a shutdown or 20M instructions. */
    private static void runAll(Host host, Platform board) {
        for (int round = 0; round < 20_000 && host.events.isEmpty(); round++) {
            for (int id = 0; id < 2; id++) {
                if (!host.online[id]) continue;
                Vcpu v = host.vcpus.get(id);
                VcpuExit exit = v.run(1000);
                host.nanos += 1000;
                if (exit instanceof VcpuExit.Mmio m) {
                    DeviceWindow w = board.windows().stream().filter(d -> d.contains(m.address())).findFirst().orElse(null);
                    if (m.write()) { if (w != null) w.device().write(m.address() - w.base(), m.size(), m.value()); }
                    else v.completeRead(w == null ? -1L : w.device().read(m.address() - w.base(), m.size()));
                } else if (exit instanceof VcpuExit.Fault f) {
                    throw new AssertionError("arm64 virt board: vCPU " + id + " crashed: " + f);
                }
            }
        }
    }
}
