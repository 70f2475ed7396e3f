package org.polyvisor.isa.ppc;

import java.io.ByteArrayOutputStream;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ppc.platform.OpenPic;
import org.polyvisor.isa.ppc.platform.PpcBoard;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.DeviceWindow;
import org.polyvisor.spi.platform.Platform;
import org.polyvisor.spi.platform.PlatformHost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.MSR;

/**
 * The ppc HVM board alone, on a recording {@link PlatformHost}: the ePAPR boot state and device tree, the device
 * windows of the documented memory map, the OpenPIC's delivery rules (priority, mask, task priority, IACK/EOI,
 * level and edge sources, IPIs, timers on virtual time) and the spin-table release of a secondary CPU.
 */
class PpcBoardTest {
    private static final long RAM = 16 << 20;
    private final FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, RAM);
    private final Host host = new Host(2);
    private final PpcBoard board = new PpcBoard(host);
    private final Vcpu[] vcpus = new Vcpu[2];

    {
        for (int id = 0; id < vcpus.length; id++) {
            vcpus[id] = new PpcIsaProvider().createVcpu(new VcpuConfig(memory, id, GuestType.HVM, () -> host.now, board));
        }
    }

    @AfterEach
    void close() { memory.close(); }

    /** A host that records what the board asks. */
    private final class Host implements PlatformHost {
        final int cpus;
        final List<String> events = new ArrayList<>();
        final ByteArrayOutputStream console = new ByteArrayOutputStream();
        long now;

        Host(int cpus) { this.cpus = cpus; }

        @Override public GuestMemory memory() { return memory; }
        @Override public long ramBase() { return 0; }
        @Override public long ramBytes() { return RAM; }
        @Override public int vcpuCount() { return cpus; }
        @Override public Vcpu vcpu(int id) { return vcpus[id]; }
        @Override public void kick(int id) { events.add("kick " + id); }
        @Override public boolean startVcpu(int id, Consumer<Vcpu> init) {
            init.accept(vcpus[id]);
            events.add("start " + id);
            return true;
        }
        @Override public void stopVcpu(int id) { }
        @Override public boolean vcpuOnline(int id) { return id == 0; }
        @Override public void consoleOutput(byte[] bytes) { console.writeBytes(bytes); }
        @Override public void shutdown(ShutdownReason reason) { events.add("shutdown " + reason); }
        @Override public void exit(int code) { events.add("exit " + code); }
        @Override public long virtualNanos() { return now; }
        @Override public String option(String key) { return null; }
        @Override public void logOnce(String key, String message) { }
    }

    private Device window(long base) {
        for (DeviceWindow w : board.windows()) if (w.base() == base) return w.device();
        throw new AssertionError("ppc board: no window at 0x" + Long.toHexString(base));
    }

    private Device pic() { return window(PpcBoard.OPENPIC); }

    @Test
    void bootHandsOverADeviceTreeTheEpaprWay() {
        Platform p = board;
        p.boot(vcpus[0], new BootInfo(GuestType.HVM, 0x100000, 0, 0, RAM, 0));
        long dtb = vcpus[0].register(3);
        assertEquals(0, dtb & 0xffff, "ppc board: DTB 64 KiB aligned");
        assertTrue(dtb > RAM / 2 && dtb < RAM, "ppc board: DTB at the top of RAM, at 0x" + Long.toHexString(dtb));
        assertEquals(0xd00dfeedL, memory.read(dtb, 4), "ppc board: FDT magic");
        long total = memory.read(dtb + 4, 4), rsvmap = memory.read(dtb + 16, 4);
        assertTrue(dtb + total <= RAM, "ppc board: DTB inside RAM");
        assertEquals(dtb, memory.read(dtb + rsvmap, 4) << 32 | memory.read(dtb + rsvmap + 4, 4), "ppc board: /memreserve/ of the DTB");
        assertEquals(PpcBoard.EPAPR_MAGIC, vcpus[0].register(6), "ppc board: r6 = ePAPR magic");
        assertEquals(RAM, vcpus[0].register(7), "ppc board: r7 = initial mapped area");
        assertEquals(0, vcpus[0].register(4) | vcpus[0].register(5), "ppc board: r4 = r5 = 0");
        assertEquals(0, vcpus[0].register(MSR), "ppc board: MSR = 0");
        assertEquals(0x100000, vcpus[0].pc(), "ppc board: pc at the entry");
        String blob = new String(readBytes(dtb, (int) total), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String s : new String[] {"polyvisor,ppc-hvm", "ns16550a", "chrp,open-pic", "spin-table", "cpu-release-addr",
                "sifive,test1", "/soc/serial@f0000000", "timebase-frequency"}) {
            assertTrue(blob.contains(s), "ppc board: device tree mentions " + s);
        }
    }

    private byte[] readBytes(long at, int n) {
        byte[] b = new byte[n];
        for (int k = 0; k < n; k++) b[k] = (byte) memory.read(at + k, 1);
        return b;
    }

    @Test
    void uartAndPowerOffSitWhereTheMapSays() {
        window(PpcBoard.UART).write(0, 1, 'P');
        assertEquals("P", host.console.toString(), "ppc board: UART THR at 0xF0000000");
        window(PpcBoard.POWER_OFF).write(0, 4, 0x5555);
        assertEquals(List.of("exit 0"), host.events, "ppc board: power-off register at 0xF0001000");
    }

    /** Source 3: vector 0x33, priority 4, to CPU 0, level; CPU 0's task priority 0. */
    private void routeSource3() {
        pic().write(0x10000 + 3 * 0x20, 4, 0x0044_0033);
        pic().write(0x10000 + 3 * 0x20 + 0x10, 4, 1);
        pic().write(0x20080, 4, 0);
    }

    @Test
    void openPicDeliversAcknowledgesAndEnds() {
        assertEquals(0xff, pic().read(0x200a0, 4), "ppc OpenPIC: nothing pending reads the spurious vector");
        routeSource3();
        board.pic().line(3).set(true);
        assertTrue(vcpus[0].hasWakeEvent(), "ppc OpenPIC: CPU 0's interrupt input raised");
        assertTrue(host.events.contains("kick 0"), "ppc OpenPIC: CPU 0 kicked");
        assertEquals(0x33, pic().read(0x200a0, 4), "ppc OpenPIC: IACK gives the vector");
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC: in service, the input drops");
        assertEquals(0x4000_0000L, pic().read(0x10060, 4) & 0x4000_0000L, "ppc OpenPIC: activity while in service");
        pic().write(0x200b0, 4, 0);
        assertTrue(vcpus[0].hasWakeEvent(), "ppc OpenPIC: a level source still high is pending again after EOI");
        assertEquals(0x33, pic().read(0x200a0, 4));
        board.pic().line(3).set(false);
        pic().write(0x200b0, 4, 0);
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC: line low after EOI: nothing pending");
        assertEquals(0xff, pic().read(0x200a0, 4));
    }

    @Test
    void maskAndTaskPriorityHoldASourceBack() {
        routeSource3();
        pic().write(0x10060, 4, 0x8044_0033L);             // masked
        board.pic().line(3).set(true);
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC: masked source not delivered");
        pic().write(0x20080, 4, 4);                        // task priority 4 >= the source's 4
        pic().write(0x10060, 4, 0x0044_0033);
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC: task priority holds it back");
        pic().write(0x20080, 4, 3);
        assertTrue(vcpus[0].hasWakeEvent(), "ppc OpenPIC: lower task priority lets it through");
    }

    @Test
    void ipiReachesTheCpusItNames() {
        pic().write(0x10a0, 4, 0x0007_0077);                // IPI 0: vector 0x77, priority 7
        pic().write(0x21080, 4, 0);                          // CPU 1 task priority 0
        pic().write(0x20040, 4, 2);                          // CPU 0 dispatches IPI 0 to CPU 1
        assertTrue(vcpus[1].hasWakeEvent(), "ppc OpenPIC: IPI raised CPU 1");
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC: not CPU 0");
        assertEquals(0x77, pic().read(0x210a0, 4), "ppc OpenPIC: CPU 1 acknowledges the IPI");
        assertEquals(1, pic().read(0x21090, 4), "ppc OpenPIC: WHOAMI of CPU 1");
    }

    @Test
    void timersCountOnVirtualTime() {
        pic().write(0x1120, 4, 0x0005_0042);                // timer 0: vector 0x42, priority 5
        pic().write(0x1130, 4, 1);
        pic().write(0x20080, 4, 0);
        pic().write(0x1110, 4, 25);                          // 25 ticks of 25 MHz: 1 us
        board.pic().poll();
        assertFalse(vcpus[0].hasWakeEvent(), "ppc OpenPIC timer: not yet");
        host.now = 500;
        assertEquals(25 - 12, pic().read(0x1100, 4), "ppc OpenPIC timer: current count after 0.5 us (12 ticks)");
        host.now = 1_000;
        board.pic().poll();
        assertTrue(vcpus[0].hasWakeEvent(), "ppc OpenPIC timer: fired after 1 us");
        assertEquals(0x42, pic().read(0x200a0, 4));
    }

    @Test
    void spinTableReleasesASecondaryCpu() {
        Device spin = window(PpcBoard.SPIN_TABLE);
        assertEquals(1, spin.read(32 + 4, 4), "ppc spin table: entry_addr is 1 while spinning");
        assertEquals(1, spin.read(32 + 20, 4), "ppc spin table: PIR");
        spin.write(32 + 12, 4, 0x1234);
        spin.write(32, 4, 0);
        spin.write(32 + 4, 4, 0x0010_0400);
        assertEquals(List.of("start 1"), host.events, "ppc spin table: CPU 1 released");
        assertEquals(0x0010_0400, vcpus[1].pc(), "ppc spin table: entry");
        assertEquals(0x1234, vcpus[1].register(3), "ppc spin table: r3");
        spin.write(32 + 4, 4, 0x0020_0000);
        assertEquals(List.of("start 1"), host.events, "ppc spin table: released once");
    }

    @Test
    void openPicRejectsNoGuestInput() {
        for (long off = 0; off < OpenPic.SIZE; off += 0x1fc) {
            pic().write(off, 4, 0xffff_ffffL);
            pic().read(off, 4);
            pic().read(off, 2);
        }
        assertTrue(pic().read(0x1000, 4) != 0, "ppc OpenPIC: FRR0 still readable after a garbage sweep");
    }
}
