package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/** The GICv3: distributor and redistributor registers through their devices, the CPU interface as ICC_* calls. */
class GicV3Test {
    private static final class Line implements Vcpu {
        boolean high;
        @Override public int id() { return 0; }
        @Override public VcpuExit run(long budget) { return VcpuExit.BUDGET_SPENT; }
        @Override public void raiseInterrupt(int line) { high = true; }
        @Override public void lowerInterrupt(int line) { high = false; }
        @Override public long retired() { return 0; }
        @Override public long pc() { return 0; }
        @Override public void setPc(long pc) { }
        @Override public long register(int number) { return 0; }
        @Override public void setRegister(int number, long value) { }
        @Override public long translate(long va, boolean write) { return va; }
        @Override public void completeRead(long value) { }
        @Override public VcpuState save() { return null; }
        @Override public void restore(VcpuState state) { }
    }

    private final List<Line> lines = List.of(new Line(), new Line(), new Line());
    private final GicV3 gic = new GicV3(new PlatformHost() {
        @Override public GuestMemory memory() { return null; }
        @Override public long ramBase() { return 0; }
        @Override public long ramBytes() { return 0; }
        @Override public int vcpuCount() { return 3; }
        @Override public Vcpu vcpu(int id) { return lines.get(id); }
        @Override public void kick(int id) { }
        @Override public boolean startVcpu(int id, Consumer<Vcpu> init) { return false; }
        @Override public void stopVcpu(int id) { }
        @Override public boolean vcpuOnline(int id) { return true; }
        @Override public void consoleOutput(byte[] bytes) { }
        @Override public void shutdown(ShutdownReason reason) { }
        @Override public void exit(int code) { }
        @Override public long virtualNanos() { return 0; }
        @Override public String option(String key) { return "v3"; }
        @Override public void logOnce(String key, String message) { }
    }, () -> 0);
    private final Device dist = gic.distributor(), redist = gic.redistributors();

    private static long rd(int cpu, int off) { return cpu * GicV3.REDIST_STRIDE + off; }

    private static long sgi(int cpu, int off) { return cpu * GicV3.REDIST_STRIDE + 0x1_0000 + off; }

    private GicV3.CpuInterface enableCpu(int c) {
        redist.write(rd(c, 0x14), 4, 0);                       // GICR_WAKER: ProcessorSleep = 0
        GicV3.CpuInterface icc = gic.cpuInterface(c);
        icc.setPmr(0xF0);
        icc.setIgrpen1(1);
        return icc;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "GICD_CTLR: ARE and DS read as one,          dist,   0x0000,   0x50",
        "GICD_TYPER: 10 INTID bits and 96 INTIDs,     dist,   0x0004,   0x480002",
        "GICD_PIDR2: architecture revision 3,        dist,   0xFFE8,   0x3b",
        "GICR_TYPER of CPU 0: number 0,              redist, 0x00008,  0x0",
        "GICR_TYPER of CPU 1: number 1,              redist, 0x20008,  0x100",
        "GICR_TYPER of CPU 2: number 2 and Last,     redist, 0x40008,  0x210",
        "GICR_TYPER+4 of CPU 2: Aff0 = 2,            redist, 0x4000C,  0x2",
        "GICR_WAKER at reset: asleep,                redist, 0x20014,  0x6",
        "GICR_PIDR2: architecture revision 3,        redist, 0x0FFE8,  0x3b",
    })
    void identificationAndResetValues(String name, String device, String offset, String expected) {
        Device d = device.equals("dist") ? dist : redist;
        assertEquals(Long.decode(expected), d.read(Long.decode(offset), 4), name);
    }

    @Test
    void wakerClearsChildrenAsleep() {
        redist.write(rd(1, 0x14), 4, 0);
        assertEquals(0, redist.read(rd(1, 0x14), 4), "GICR_WAKER of CPU 1 after ProcessorSleep = 0");
        assertEquals(6, redist.read(rd(0, 0x14), 4), "CPU 0 still asleep");
    }

    @Test
    void aPpiEnabledInItsRedistributorIsAcknowledgedAndEoid() {
        dist.write(0, 4, 2);                                      // EnableGrp1
        GicV3.CpuInterface icc = enableCpu(1);
        redist.write(sgi(1, 0x400 + 24), 4, 0xA0A0A0A0L);          // IPRIORITYR6: INTIDs 24-27
        redist.write(sgi(1, 0x100), 4, 1L << 27);                 // ISENABLER0: the virtual timer's PPI
        assertEquals(1L << 27, redist.read(sgi(1, 0x100), 4), "ISENABLER0 reads back");
        assertEquals(0, redist.read(sgi(0, 0x100), 4), "CPU 0's bank is separate");
        gic.setLevel(1, 27, true);
        assertTrue(lines.get(1).high, "CPU 1's IRQ line rises");
        assertFalse(lines.get(0).high, "CPU 0's stays low");
        assertEquals(27, icc.hppir1(), "ICC_HPPIR1_EL1");
        assertEquals(27, icc.iar1(), "ICC_IAR1_EL1");
        assertEquals(0xA0, icc.rpr(), "ICC_RPR_EL1 is the active priority");
        assertFalse(lines.get(1).high, "active: the line falls");
        gic.setLevel(1, 27, false);
        icc.eoir1(27);
        assertEquals(0xFF, icc.rpr(), "idle priority after EOI");
        assertEquals(1023, icc.iar1(), "nothing pending: spurious");
    }

    @Test
    void eoiModeOneLeavesDeactivationToDir() {
        dist.write(0, 4, 2);
        GicV3.CpuInterface icc = enableCpu(0);
        redist.write(sgi(0, 0x100), 4, 1L << 31);
        icc.setCtlr(2);
        gic.pend(0, 31);
        assertEquals(31, icc.iar1(), "acknowledge the event PPI");
        icc.eoir1(31);
        assertEquals(1L << 31, redist.read(sgi(0, 0x300), 4), "still active after EOIR with EOImode = 1");
        icc.dir(31);
        assertEquals(0, redist.read(sgi(0, 0x300), 4), "ICC_DIR_EL1 deactivates");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "target list bit 2,           0x0000000003000004, 2",
        "target list bits 0 and 2,    0x0000000003000005, 0+2",
        "IRM: all but the sender (1), 0x0000010003000000, 0+2",
        "Aff1 = 1 reaches no CPU,     0x0000000003010004, ''",
    })
    void sgi1rReachesTheTargetsOfItsAffinity(String name, String value, String expected) {
        dist.write(0, 4, 2);
        for (int c = 0; c < 3; c++) {
            enableCpu(c);
            redist.write(sgi(c, 0x100), 4, 1L << 3);
        }
        gic.cpuInterface(1).sgi1r(Long.decode(value));
        StringBuilder hit = new StringBuilder();
        for (int c = 0; c < 3; c++) {
            if (lines.get(c).high) {
                if (hit.length() > 0) hit.append('+');
                hit.append(c);
                assertEquals(3, gic.cpuInterface(c).iar1(), name + ": CPU " + c + " acknowledges SGI 3");
            }
        }
        assertEquals(expected == null ? "" : expected, hit.toString(), name + ": CPUs that took SGI 3");
    }

    @Test
    void irouterSendsAnSpiToOneCpu() {
        dist.write(0, 4, 2);
        for (int c = 0; c < 3; c++) enableCpu(c);
        dist.write(0x100 + 4, 4, 1L << 1);                         // ISENABLER1: INTID 33 (the PL011's SPI 1)
        dist.write(0x6000 + 8 * 33, 8, 2);                          // GICD_IROUTER33: Aff0 = 2
        assertEquals(2, dist.read(0x6000 + 8 * 33, 8), "IROUTER reads back");
        gic.spi(1).set(true);
        assertTrue(lines.get(2).high && !lines.get(0).high && !lines.get(1).high, "only CPU 2 sees SPI 1");
        assertEquals(33, gic.cpuInterface(2).iar1(), "CPU 2 acknowledges INTID 33");
    }
}
