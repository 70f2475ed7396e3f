package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
 * The virt board end to end on one thread: images/guests/arm64/hvm-hello.S (assembled into src/test/resources/board/program.words by generate.sh there) boots on two
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
        final boolean[] online;
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        final List<String> events = new ArrayList<>();
        long nanos;
        String gicVersion;

        Host() { this(2); }

        Host(int vcpus) { online = new boolean[vcpus]; }

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
        @Override public String option(String key) { return key.equals("gic_version") ? gicVersion : null; }
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

    /**
     * boot() places the tree in the slot below the top of RAM that the kernel leaves free, x0 pointing at it and its
     * own range in the memory reservation block; a raw Image whose image_size reaches one byte into that slot ends
     * domain creation (an IllegalArgumentException with a message for the user) with the ranges, and leaves memory untouched.
     */
    @Test
    void deviceTreeSlotIsCheckedAgainstTheKernelsExtent() {
        long slot = RAM + RAM_BYTES - 0x1_0000;
        Host host = new Host();
        Arm64IsaProvider isa = new Arm64IsaProvider();
        Platform board = isa.createPlatform(host).orElseThrow();
        Vcpu v0 = isa.createVcpu(new VcpuConfig(host.memory, 0, GuestType.HVM, () -> host.nanos, board));
        byte[] fits = DeviceTreePlacementTest.image(0, RAM_BYTES - 0x1_0000);
        board.boot(v0, new BootInfo(GuestType.HVM, RAM, 0, RAM, RAM_BYTES, 0, null, fits));
        assertEquals(slot, v0.register(0), "x0: the tree right above an Image ending at the slot");
        assertEquals(0xd00dfeedL, Long.reverseBytes(host.memory.read(slot, 8)) >>> 32, "FDT magic at x0");
        byte[] tree = new byte[(int) Long.reverseBytes(host.memory.read(slot, 8)) & 0x7fff_ffff];
        host.memory.readBytes(slot, tree, 0, tree.length);
        assertEquals(slot, VirtBoard.dtbAddress(tree), "the tree reserves its own address");
        assertEquals(tree.length, java.nio.ByteBuffer.wrap(tree).getLong(java.nio.ByteBuffer.wrap(tree).getInt(16) + 8),
                "and exactly its own size");

        Host other = new Host();
        Platform board2 = isa.createPlatform(other).orElseThrow();
        Vcpu w0 = isa.createVcpu(new VcpuConfig(other.memory, 0, GuestType.HVM, () -> other.nanos, board2));
        byte[] over = DeviceTreePlacementTest.image(0, RAM_BYTES - 0x1_0000 + 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> board2.boot(w0, new BootInfo(GuestType.HVM, RAM, 0, RAM, RAM_BYTES, 0, null, over)));
        assertEquals(String.format("the kernel occupies 0x%x-0x%x (bss included), which reaches the 0x%x-byte device tree the"
                + " arm64 virt board places at 0x%x-0x%x (the top of usable RAM, below Xen's pages); give the domain more memory",
                RAM, slot + 1, tree.length, slot, slot + tree.length), e.getMessage());
        assertEquals(0, other.memory.read(slot, 8), "nothing written at the slot");
    }

    @Test
    void gicVersionV3GivesTheGicV3WindowsAndDeviceTreeNode() {
        Host host = new Host();
        host.gicVersion = "v3";
        VirtBoard board = new VirtBoard(host);
        assertTrue(board.gic() instanceof GicV3, "gic_version = v3: a GICv3");
        assertEquals(List.of("pl011 0x9000000+0x1000", "gicv3-dist 0x8000000+0x10000", "gicv3-redist 0x80a0000+0x40000"),
                board.windows().stream().map(w -> w.name() + " 0x" + Long.toHexString(w.base()) + "+0x" + Long.toHexString(w.length())).toList(),
                "windows: distributor and one 128 KiB redistributor per vCPU");
        String dtb = new String(board.deviceTree(RAM, RAM_BYTES), StandardCharsets.ISO_8859_1);
        assertTrue(dtb.contains("arm,gic-v3") && dtb.contains("#redistributor-regions"), "the FDT names arm,gic-v3");
        byte[] reg = {0, 0, 0, 0, 0x08, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0x08, 0x0a, 0, 0, 0, 0, 0, 0, 0, 4, 0, 0};
        assertTrue(new String(reg, StandardCharsets.ISO_8859_1).length() == 32 && dtb.contains(new String(reg, StandardCharsets.ISO_8859_1)),
                "reg = <0x0 0x08000000 0x0 0x10000>, <0x0 0x080a0000 0x0 0x40000>");
        assertTrue(new VirtBoard(new Host()).gic() instanceof GicV2, "the default stays GICv2");
    }

    /**
     * vCPU affinities follow QEMU's virt machine: Aff0 clusters of 16 on a GICv3 board, so vCPU 17 of 20 is 0.0.1.1 in
     * its MPIDR_EL1, its device-tree node and PSCI AFFINITY_INFO; a GICv2 board refuses more vCPUs than its 8 CPU
     * interfaces.
     */
    @Test
    void vcpuAffinitiesFollowTheVirtMachinesClusters() {
        Host host = new Host(20);
        host.gicVersion = "v3";
        Arm64IsaProvider isa = new Arm64IsaProvider();
        VirtBoard board = (VirtBoard) isa.createPlatform(host).orElseThrow();
        for (int id = 0; id < 20; id++) host.vcpus.add(isa.createVcpu(new VcpuConfig(host.memory, id, GuestType.HVM, () -> host.nanos, board)));
        host.memory.write(RAM, 4, 0xd53800a0L);                            // mrs x0, mpidr_el1
        Vcpu v17 = host.vcpus.get(17);
        v17.setPc(RAM);
        v17.run(1);
        assertEquals(0x8000_0101L, v17.register(0), "MPIDR_EL1 of vCPU 17: RES1, Aff1 = 1, Aff0 = 1");
        String dtb = new String(board.deviceTree(RAM, RAM_BYTES), StandardCharsets.ISO_8859_1);
        assertTrue(dtb.contains("cpu@101\0") && dtb.contains("cpu@f\0") && !dtb.contains("cpu@10\0"),
                "device tree cpu nodes cpu@0..cpu@f, cpu@100..cpu@103");
        long[] result = new long[1];
        board.psci().call(0, 0x8400_0004L, 0x101, 0, 0, result);           // AFFINITY_INFO of 0.0.1.1
        assertEquals(1, result[0], "AFFINITY_INFO(0x101): vCPU 17 is off");
        board.psci().call(0, 0x8400_0004L, 0x10, 0, 0, result);            // Aff0 16 is no vCPU in 16-wide clusters
        assertEquals(-2, result[0], "AFFINITY_INFO(0x10): INVALID_PARAMETERS");

        Host nine = new Host(9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new VirtBoard(nine));
        assertTrue(e.getMessage().contains("GICv2 serves 8 vCPUs, not 9"), e.getMessage());
    }

    /**
     * On a GICv3 board the vCPU reaches its CPU interface with MRS/MSR: ICC_PMR_EL1 and ICC_IGRPEN1_EL1 written, then
     * the event upcall (PPI 31, enabled in its redistributor) is ICC_HPPIR1_EL1 and acknowledged by ICC_IAR1_EL1.
     */
    @Test
    void theEventUpcallArrivesThroughTheGicV3SystemRegisters() {
        Host host = new Host();
        host.gicVersion = "v3";
        Arm64IsaProvider isa = new Arm64IsaProvider();
        VirtBoard board = (VirtBoard) isa.createPlatform(host).orElseThrow();
        for (int id = 0; id < 2; id++) host.vcpus.add(isa.createVcpu(new VcpuConfig(host.memory, id, GuestType.HVM, () -> host.nanos, board)));
        GicV3 gic = (GicV3) board.gic();
        gic.distributor().write(0, 4, 0x12);                              // GICD_CTLR: ARE, EnableGrp1
        gic.redistributors().write(0x1_0000 + 0x100, 4, 1L << 31);        // GICR_ISENABLER0 of CPU 0: INTID 31
        int[] code = {0xd5184601, 0xd5384602, 0xd538cca3, 0xd518cce4, 0xd538cc45, 0xd538cc06, 0xd401d422};
        for (int k = 0; k < code.length; k++) host.memory.write(RAM + 4L * k, 4, code[k] & 0xFFFF_FFFFL);
        Vcpu v = host.vcpus.get(0);
        v.setPc(RAM);
        v.setRegister(1, 0xF0);
        v.setRegister(4, 1);
        v.raiseEventUpcall();
        assertEquals(VcpuExit.HYPERCALL, v.run(20), "the sequence runs to the hypercall");
        assertEquals(0xF0, v.register(2), "ICC_PMR_EL1 reads back");
        assertEquals(7, v.register(3), "ICC_SRE_EL1: SRE, DFB, DIB");
        assertEquals(31, v.register(5), "ICC_HPPIR1_EL1: the event PPI");
        assertEquals(31, v.register(6), "ICC_IAR1_EL1 acknowledges INTID 31");
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
