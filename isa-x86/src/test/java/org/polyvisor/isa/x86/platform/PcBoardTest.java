package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.platform.AddressSpace;
import org.polyvisor.spi.platform.DeviceWindow;

/** The PC board through its windows and an x86 vCPU: addresses, the exit and power ports, COM1, the PIT to the IDT. */
class PcBoardTest {

    @ParameterizedTest(name = "{0} at {1} 0x{2}")
    @CsvSource({
            "pic-master, PORT, 20, 2", "pic-slave, PORT, a0, 2", "elcr, PORT, 4d0, 2", "pit, PORT, 40, 4", "port-b, PORT, 61, 1",
            "i8042-data, PORT, 60, 1", "i8042-status, PORT, 64, 1", "rtc, PORT, 70, 2", "com1, PORT, 3f8, 8",
            "debugcon, PORT, e9, 1", "isa-debug-exit, PORT, f4, 1", "pm1a-cnt, PORT, 604, 2", "reset-control, PORT, cf9, 1",
            "ioapic, MMIO, fec00000, 1000", "lapic, MMIO, fee00000, 1000"})
    void windowsSitWhereAPcHasThem(String name, AddressSpace space, String base, String length) {
        try (PcRig rig = new PcRig(1).build()) {
            DeviceWindow w = rig.board.windows().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
            assertNotNull(w, "no window " + name);
            assertEquals(space, w.space(), name);
            assertEquals(Long.parseLong(base, 16), w.base(), name + " base");
            assertEquals(Long.parseLong(length, 16), w.length(), name + " length");
        }
    }

    @ParameterizedTest(name = "port 0x{0} is left to the kernel")
    @CsvSource({"2f8", "378", "cf8", "cfc", "1f0", "80", "3d4"})
    void absentDevicesHaveNoWindow(String port) {
        try (PcRig rig = new PcRig(1).build()) {
            assertEquals(0xFF, rig.in(Integer.parseInt(port, 16)), "port 0x" + port + " reads all ones");
            assertTrue(rig.board.windows().stream().noneMatch(w -> w.space() == AddressSpace.PORT && w.contains(Long.parseLong(port, 16))));
        }
    }

    @ParameterizedTest(name = "out{1} 0x{2} -> port 0x{0}: {3}")
    @CsvSource(delimiter = '|', value = {
            "f4  | 1 | 0    | exit 1",
            "f4  | 1 | 1    | exit 3",
            "f4  | 1 | 7f   | exit 255",
            "604 | 2 | 2000 | shutdown POWEROFF",
            "604 | 2 | 3400 | shutdown POWEROFF",
            "604 | 2 | 0    | ''",
            "605 | 1 | 20   | shutdown POWEROFF",
            "cf9 | 1 | 6    | shutdown REBOOT",
            "cf9 | 1 | 2    | ''",
            "64  | 1 | fe   | shutdown REBOOT",
            "64  | 1 | ad   | ''"})
    void exitAndPowerPorts(String port, int size, String value, String event) {
        try (PcRig rig = new PcRig(1).build()) {
            rig.write(AddressSpace.PORT, Long.parseLong(port, 16), size, Long.parseLong(value, 16));
            assertEquals(event.isEmpty() ? List.of() : List.of(event), rig.events, "out 0x" + value + " to 0x" + port);
        }
    }

    @Test
    void com1AndTheDebugConsolePrint() {
        try (PcRig rig = new PcRig(1).build()) {
            assertEquals(0x60, rig.in(0x3FD) & 0x60, "LSR: THRE and TEMT");
            for (char c : "COM1 ".toCharArray()) rig.out(0x3F8, c);
            for (char c : "e9".toCharArray()) rig.out(0xE9, c);
            assertEquals("COM1 e9", rig.consoleText());
            assertEquals(0xE9, rig.in(0xE9), "the debug console identifies itself");
            rig.board.consoleInput(new byte[] {'k'});
            assertEquals(1, rig.in(0x3FD) & 1, "LSR.DR after console input");
            assertEquals('k', rig.in(0x3F8));
        }
    }

    /** COM1's THRE interrupt reaches the CPU only with MCR.OUT2 set, IER.ETBEI set and IRQ 4 unmasked. */
    @ParameterizedTest(name = "MCR 0x{0} IER 0x{1} IMR 0x{2}: pending {3}")
    @CsvSource({"08, 02, ef, true", "00, 02, ef, false", "08, 00, ef, false", "08, 02, ff, false", "0b, 02, ee, true"})
    void com1InterruptIsGatedByOut2(String mcr, String ier, String imr, boolean pending) {
        try (PcRig rig = new PcRig(1).build()) {
            rig.board.attach(rig.cpus[0]);
            initPics(rig, Integer.parseInt(imr, 16), 0xFF);
            rig.out(0x3FC, Integer.parseInt(mcr, 16));
            rig.out(0x3F9, Integer.parseInt(ier, 16));
            assertEquals(pending, rig.cpus[0].hasWakeEvent(), "vector 0x24 posted: " + rig.board.picState());
        }
    }

    static void initPics(PcRig rig, int masterMask, int slaveMask) {
        int[][] seq = {{0x20, 0x11}, {0xA0, 0x11}, {0x21, 0x20}, {0xA1, 0x28}, {0x21, 4}, {0xA1, 2}, {0x21, 1}, {0xA1, 1},
                {0x21, masterMask}, {0xA1, slaveMask}};
        for (int[] w : seq) rig.out(w[0], w[1]);
    }

    /**
     * Real-mode code at 0:7000 (assembled with i686-linux-gnu-as, see the test's comment): IVT entry 0x20 to a handler
     * that increments the word at 0x600 and sends a non-specific EOI; PICs remapped to 0x20/0x28 with IRQ 0 alone
     * unmasked; PIT counter 0 in mode 2 with count 1193 (LSB 0xa9, MSB 0x04); then STI and a HLT loop.
     */
    static final String PIT_PROGRAM = "fa31c08ed88ed0bc0070c70680004a70c70682000000b011e620e6a0b020e621b028e6a1b004e621b002e6a1"
            + "b001e621e6a1b0fee621b0ffe6a1b034e643b0a9e640b004e640fbf4ebfdff06000650b020e62058cf";

    @Test
    void pitTicksReachTheIdtThroughThePicAndWakeTheHaltedCpu() {
        try (PcRig rig = new PcRig(1).build()) {
            rig.memory.load(0x7000, HexFormat.of().parseHex(PIT_PROGRAM));
            rig.board.attach(rig.cpus[0]);
            var cpu = rig.cpus[0];
            cpu.reset();
            cpu.state().loadReal(org.polyvisor.isa.x86.exec.CpuState.CS, 0);
            cpu.setPc(0x7000);
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 10_000), "first HLT");
            long period = (1193L * 1_000_000_000L + Pit8254.HZ - 1) / Pit8254.HZ;  // 999,848 ns
            assertEquals(period, cpu.wakeDeadline(), "the halted vCPU wakes when counter 0 ends its first period");
            assertFalse(cpu.hasWakeEvent(), "nothing pending before the deadline");
            for (int tick = 1; tick <= 3; tick++) {
                rig.now = tick * period;
                assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 10_000), "HLT after tick " + tick);
                assertEquals(tick, rig.memory.read(0x600, 2), "handler runs after tick " + tick);
                assertTrue(rig.board.picState().startsWith("master irr=00 isr=00 imr=fe base=20"), rig.board.picState());
            }
            rig.now = 10 * period + 5;  // missed periods coalesce into one interrupt
            rig.run(0, 10_000);
            assertEquals(4, rig.memory.read(0x600, 2), "coalesced ticks");
        }
    }

    /** A vector no controller of the board posted (the kernel's, say) passes the acknowledge cycle unchanged. */
    @ParameterizedTest(name = "vector 0x{0} raised from outside: handler runs {1} time(s), PIC ISR 0x00")
    @CsvSource({"99, 1", "27, 1", "20, 1"})
    void foreignVectorsPassThrough(String vector, int runs) {
        try (PcRig rig = new PcRig(1).build()) {
            var cpu = rig.cpus[0];
            rig.board.attach(cpu);
            initPics(rig, 0xFF, 0xFF);
            int v = Integer.parseInt(vector, 16);
            rig.memory.load(0x7000, HexFormat.of().parseHex("fbf4ebfd"));     // sti; hlt; jmp .-3
            rig.memory.load(0x7100, HexFormat.of().parseHex("ff060006cf"));   // incw 0x600; iret
            rig.memory.write(v * 4L, 4, 0x7100);                               // IVT: 0000:7100
            cpu.reset();
            cpu.state().loadReal(org.polyvisor.isa.x86.exec.CpuState.CS, 0);
            cpu.setPc(0x7000);
            cpu.raiseInterrupt(v);
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 100), "HLT in the STI shadow halts");
            assertTrue(cpu.hasWakeEvent(), "the pending vector ends the halt");
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 100), "the handler ran, then HLT again");
            assertEquals(runs, rig.memory.read(0x600, 2), "handler of vector 0x" + vector);
            assertTrue(rig.board.picState().contains("master irr=00 isr=00"), rig.board.picState());
        }
    }
}
