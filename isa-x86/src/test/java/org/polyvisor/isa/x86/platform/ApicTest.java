package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.platform.AddressSpace;

/** The local APICs at 0xFEE00000 and the I/O APIC at 0xFEC00000 of the board, with x86 vCPUs behind them. */
class ApicTest {
    static final long LAPIC = 0xFEE0_0000L, IOAPIC = 0xFEC0_0000L;

    static long lapic(PcRig rig, int reg) { return rig.read(AddressSpace.MMIO, LAPIC + reg, 4); }

    static void lapic(PcRig rig, int reg, long value) { rig.write(AddressSpace.MMIO, LAPIC + reg, 4, value); }

    private static PcRig rig(int vcpus) {
        PcRig rig = new PcRig(vcpus).build();
        rig.board.attach(rig.cpus[0]);
        return rig;
    }

    @ParameterizedTest(name = "register 0x{0} resets to 0x{1}")
    @CsvSource({"20, 0", "30, 50014", "80, 0", "a0, 0", "d0, 0", "e0, ffffffff", "f0, ff", "280, 0", "320, 10000", "350, 10000",
            "360, 10000", "370, 10000", "380, 0", "390, 0", "3e0, 0", "100, 0", "200, 0"})
    void resetValues(String reg, String value) {
        try (PcRig rig = rig(1)) {
            assertEquals(Long.parseLong(value, 16), lapic(rig, Integer.parseInt(reg, 16)), "LAPIC 0x" + reg);
        }
    }

    /** The timer on a 1 GHz APIC bus: deadline = initial count * divisor ns after the write. */
    @ParameterizedTest(name = "divide 0x{0}, count {1}, LVT 0x{2}: deadline {3}, current count {4} at 400 ns")
    @CsvSource({"b, 1000, 40, 1000, 600", "0, 1000, 40, 2000, 800", "3, 100, 40, 1600, 75", "a, 10, 40, 1280, 7",
            "b, 1000, 20040, 1000, 600", "b, 1000, 10040, -1, 600", "b, 0, 40, -1, 0"})
    void timerDeadlineAndCount(String divide, long count, String lvt, long deadline, long current) {
        try (PcRig rig = rig(1)) {
            lapic(rig, LocalApic.SVR, 0x1FF);
            lapic(rig, LocalApic.DIVIDE, Long.parseLong(divide, 16));
            lapic(rig, LocalApic.LVT_TIMER, Long.parseLong(lvt, 16));
            lapic(rig, LocalApic.INITIAL_COUNT, count);
            assertEquals(deadline, rig.cpus[0].wakeDeadline(), "wake deadline");
            rig.now = 400;
            assertEquals(current, lapic(rig, LocalApic.CURRENT_COUNT), "current count");
        }
    }

    @Test
    void oneShotAndPeriodicTimersPostTheirVector() {
        try (PcRig rig = rig(1)) {
            var cpu = rig.cpus[0];
            lapic(rig, LocalApic.SVR, 0x1FF);
            lapic(rig, LocalApic.DIVIDE, 0xB);
            lapic(rig, LocalApic.LVT_TIMER, 0x20000 | 0x41);  // periodic, vector 0x41
            lapic(rig, LocalApic.INITIAL_COUNT, 500);
            rig.now = 499;
            cpu.run(0);
            assertFalse(cpu.hasWakeEvent(), "before the count runs out");
            rig.now = 500;
            cpu.run(0);
            assertTrue(cpu.hasWakeEvent(), "vector 0x41 posted at 500 ns");
            assertEquals(1L << 1, lapic(rig, LocalApic.IRR + 0x20), "IRR bit 0x41");
            assertEquals(1000, cpu.wakeDeadline(), "periodic: next period");
            lapic(rig, LocalApic.LVT_TIMER, 0x41);  // one-shot from now on
            lapic(rig, LocalApic.INITIAL_COUNT, 100);
            rig.now = 600;
            cpu.run(0);
            assertEquals(-1, cpu.wakeDeadline(), "a one-shot timer that fired is disarmed");
        }
    }

    /** TPR and the in-service vector's class hold back lower classes (PPR), EOI releases them. */
    @ParameterizedTest(name = "TPR 0x{0}, vector 0x{1}: posted {2}")
    @CsvSource({"00, 41, true", "40, 41, false", "30, 41, true", "40, 51, true", "ff, ff, false"})
    void taskPriority(String tpr, String vector, boolean posted) {
        try (PcRig rig = rig(1)) {
            lapic(rig, LocalApic.SVR, 0x1FF);
            lapic(rig, LocalApic.TPR, Long.parseLong(tpr, 16));
            lapic(rig, LocalApic.ICR_LOW, 0x40000 | Long.parseLong(vector, 16));  // self IPI, fixed
            assertEquals(posted, rig.cpus[0].hasWakeEvent(), "TPR 0x" + tpr + " vector 0x" + vector);
        }
    }

    @Test
    void softwareDisabledApicHoldsInterruptsInIrr() {
        try (PcRig rig = rig(1)) {
            lapic(rig, LocalApic.ICR_LOW, 0x40000 | 0x50);
            assertFalse(rig.cpus[0].hasWakeEvent(), "SVR.APIC software enable clear");
            lapic(rig, LocalApic.SVR, 0x1FF);
            assertTrue(rig.cpus[0].hasWakeEvent(), "enabled: vector 0x50 posted");
            lapic(rig, LocalApic.ICR_LOW, 0x40000 | 0x05);
            assertEquals(0x40, lapic(rig, LocalApic.ESR), "illegal vector 5: ESR bit 6");
        }
    }

    /** INIT then a start-up IPI with vector VV starts the addressed vCPU in real mode at VV00:0000. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "physical destination 1          | 01000000 | 00004500,00004610 | start 1 | 1000",
            "all excluding self              | 00000000 | 000c4500,000c4698 | start 1 | 9800",
            "SIPI without INIT is ignored    | 01000000 | 00004610           | ''      | -",
            "INIT level de-assert is not INIT | 01000000 | 00008500,00004610 | ''      | -",
            "destination 2 is no vCPU        | 02000000 | 00004500,00004610 | ''      | -"})
    void initSipiStartsSecondaries(String name, String high, String lows, String event, String cs) {
        try (PcRig rig = rig(2)) {
            lapic(rig, LocalApic.ICR_HIGH, Long.parseLong(high, 16));
            for (String low : lows.split(",")) lapic(rig, LocalApic.ICR_LOW, Long.parseLong(low, 16));
            assertEquals(event.isEmpty() ? List.of() : List.of(event), rig.events.stream().filter(e -> e.startsWith("start")).toList(), name);
            if (!cs.equals("-")) {
                CpuState s = rig.cpus[1].state();
                assertTrue(s.realMode(), name + ": real mode");
                assertEquals(Integer.parseInt(cs, 16), s.seg[CpuState.CS], name + ": CS");
                assertEquals(Long.parseLong(cs, 16) << 4, s.segBase[CpuState.CS], name + ": CS base");
                assertEquals(0, rig.cpus[1].pc(), name + ": IP");
            }
        }
    }

    @Test
    void fixedIpiReachesAnotherVcpu() {
        try (PcRig rig = rig(2)) {
            lapic(rig, LocalApic.ICR_HIGH, 0x0100_0000L);
            lapic(rig, LocalApic.ICR_LOW, 0x4500);
            lapic(rig, LocalApic.ICR_LOW, 0x4610);
            rig.cpus[1].run(0);  // vCPU 1's first run: the APIC window now answers for it on this thread
            lapic(rig, LocalApic.SVR, 0x1FF);
            assertEquals(1L << 24, lapic(rig, LocalApic.ID), "vCPU 1's APIC ID");
            rig.cpus[0].run(0);
            lapic(rig, LocalApic.ICR_HIGH, 0x0100_0000L);
            lapic(rig, LocalApic.ICR_LOW, 0x61);  // fixed, physical, vector 0x61 to APIC 1
            assertTrue(rig.cpus[1].hasWakeEvent(), "vCPU 1 has vector 0x61 pending");
            assertFalse(rig.cpus[0].hasWakeEvent(), "vCPU 0 has nothing");
            assertTrue(rig.events.contains("kick 1"), "vCPU 1 was kicked: " + rig.events);
        }
    }

    static long ioapic(PcRig rig, int reg) {
        rig.write(AddressSpace.MMIO, IOAPIC, 4, reg);
        return rig.read(AddressSpace.MMIO, IOAPIC + 0x10, 4);
    }

    static void ioapic(PcRig rig, int reg, long value) {
        rig.write(AddressSpace.MMIO, IOAPIC, 4, reg);
        rig.write(AddressSpace.MMIO, IOAPIC + 0x10, 4, value);
    }

    @ParameterizedTest(name = "IOAPIC register 0x{0} = 0x{1}")
    @CsvSource({"01, 170011", "10, 10000", "11, 0", "3e, 10000", "40, ffffffff"})
    void ioapicRegisters(String reg, String value) {
        try (PcRig rig = rig(1)) {
            assertEquals(Long.parseLong(value, 16), ioapic(rig, Integer.parseInt(reg, 16)), "IOAPIC 0x" + reg);
        }
    }

    /** COM1's THRE interrupt on IRQ 4 through redirection entry 4 to the local APIC (the PICs stay masked). */
    @ParameterizedTest(name = "entry 0x{0}: posted {1}")
    @CsvSource({"31, true", "10031, false", "8031, true"})
    void ioapicRoutesIsaIrqsToTheLocalApic(String entry, boolean posted) {
        try (PcRig rig = rig(1)) {
            lapic(rig, LocalApic.SVR, 0x1FF);
            ioapic(rig, 0x10 + 2 * 4, Long.parseLong(entry, 16));
            ioapic(rig, 0x11 + 2 * 4, 0);
            rig.out(0x3FC, 0x08);  // MCR.OUT2
            rig.out(0x3F9, 0x02);  // IER.ETBEI: THR is empty, IRQ 4 rises
            assertEquals(posted, rig.cpus[0].hasWakeEvent(), "entry 0x" + entry);
            if (posted) assertEquals(1L << 0x11, lapic(rig, LocalApic.IRR + 0x10), "IRR bit 0x31");
            boolean level = (Long.parseLong(entry, 16) & 0x8000) != 0;
            if (posted) assertEquals(level ? 0x4000L : 0, ioapic(rig, 0x10 + 2 * 4) & 0x4000, "remote IRR");
        }
    }

    /**
     * 32-bit code entered by Multiboot (assembled with i686-linux-gnu-as): RDMSR IA32_APIC_BASE, WRMSR it with EXTD,
     * then through x2APIC MSRs read the ID, version and LDR, enable the APIC (SVR), send a SELF IPI with vector 0x55
     * and read IRR bits 64-95; CPUID leaf 1 last. Each result is stored at 0x500 + 4n.
     */
    static final String X2APIC_PROGRAM = "b91b0000000f32a30005000089151c0500000d000400000f30b9020800000f32a304050000b9030800000f32a3"
            + "08050000b90f080000b8ff01000031d20f30b93f080000b8550000000f30b9220800000f32a30c050000b90d0800000f32a310050000b8"
            + "010000000fa2891514050000890d18050000f4";

    @ParameterizedTest(name = "[0x{0}] & 0x{1} = 0x{2}: {3}")
    @CsvSource({"500, ffffffff, fee00900, IA32_APIC_BASE: base, EN, BSP", "51c, ffffffff, 0, IA32_APIC_BASE high half",
            "504, ffffffff, 0, x2APIC ID", "508, ffffffff, 50014, version", "50c, ffffffff, 200000, IRR bit 0x55 after SELF IPI",
            "510, ffffffff, 1, LDR: cluster 0, bit 0", "514, 200, 200, CPUID.1 EDX.APIC", "518, 200000, 200000, CPUID.1 ECX.x2APIC"})
    void x2apicThroughMsrs(String address, String mask, String value, String what) {
        try (PcRig rig = BootTest.kernelWithCode(X2APIC_PROGRAM)) {
            assertInstanceOf(VcpuExit.Halt.class, rig.run(0, 1000), "runs to its hlt");
            assertEquals(Long.parseLong(value, 16), rig.memory.read(Long.parseLong(address, 16), 4) & Long.parseLong(mask, 16), what);
        }
    }
}
