package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.ShutdownReason;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.platform.Device;
import org.polyvisor.spi.platform.PlatformHost;

/** The GICv2's registers through its two devices, with two CPUs whose IRQ lines are recorded. */
class GicV2Test {
    /** A vCPU stub that records its IRQ line. */
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

    private final List<Line> lines = List.of(new Line(), new Line());
    private final List<String> kicks = new ArrayList<>();
    private int current;
    private final GicV2 gic = new GicV2(new PlatformHost() {
        @Override public GuestMemory memory() { return null; }
        @Override public long ramBase() { return 0; }
        @Override public long ramBytes() { return 0; }
        @Override public int vcpuCount() { return 2; }
        @Override public Vcpu vcpu(int id) { return lines.get(id); }
        @Override public void kick(int id) { kicks.add("kick " + id); }
        @Override public boolean startVcpu(int id, Consumer<Vcpu> init) { return false; }
        @Override public void stopVcpu(int id) { }
        @Override public boolean vcpuOnline(int id) { return true; }
        @Override public void consoleOutput(byte[] bytes) { }
        @Override public void shutdown(ShutdownReason reason) { }
        @Override public void exit(int code) { }
        @Override public long virtualNanos() { return 0; }
        @Override public String option(String key) { return null; }
        @Override public void logOnce(String key, String message) { }
    }, () -> current);
    private final Device dist = gic.distributor(), cpu = gic.cpuInterface();

    private void enableCpu(int c) {
        current = c;
        cpu.write(0x04, 4, 0xF0);   // GICC_PMR
        cpu.write(0x00, 4, 1);      // GICC_CTLR
    }

    @Test
    void identificationRegistersDescribeAGicV2WithTwoCpusAnd96Interrupts() {
        assertEquals(0x22, dist.read(0x004, 4), "arm64 GICD_TYPER: CPUNumber 1, ITLinesNumber 2");
        assertEquals(0x2B, dist.read(0xFE8, 4), "arm64 GICD ICPIDR2: architecture version 2");
        assertEquals(1023, cpu.read(0x0C, 4), "arm64 GICC_IAR with nothing pending is spurious");
    }

    @Test
    void aTimerPpiSignalsOnlyItsCpuAndIsAcknowledgedAndEnded() {
        dist.write(0x000, 4, 1);
        enableCpu(1);
        dist.write(0x100, 4, 1 << 27);                 // ISENABLER0, banked: CPU 1's PPI 27
        gic.setLevel(1, 27, true);
        assertEquals(List.of(false, true), List.of(lines.get(0).high, lines.get(1).high), "arm64 GIC: only CPU 1's line");
        assertEquals(List.of("kick 1"), kicks);
        assertEquals(27, cpu.read(0x0C, 4), "arm64 GICC_IAR");
        assertEquals(false, lines.get(1).high, "arm64 GIC: active PPI no longer signals");
        gic.setLevel(1, 27, false);
        cpu.write(0x10, 4, 27);                        // GICC_EOIR
        assertEquals(1023, cpu.read(0x0C, 4));
    }

    @Test
    void priorityMaskHoldsBackAnSpiUntilLowered() {
        dist.write(0x000, 4, 1);
        enableCpu(0);
        dist.write(0x104, 4, 1 << 1);                  // ISENABLER1: INTID 33 (SPI 1, the PL011)
        dist.write(0x400 + 33, 1, 0xF0);               // IPRIORITYR: not above the mask
        dist.write(0x800 + 33, 1, 1);                  // ITARGETSR: CPU 0
        gic.spi(1).set(true);
        assertEquals(false, lines.get(0).high, "arm64 GIC: priority 0xf0 is masked by PMR 0xf0");
        cpu.write(0x04, 4, 0xF8);
        assertEquals(true, lines.get(0).high, "arm64 GIC: PMR 0xf8 lets it through");
        assertEquals(33, cpu.read(0x0C, 4));
    }

    @Test
    void sgisCarryTheirSourceCpu() {
        dist.write(0x000, 4, 1);
        enableCpu(1);
        dist.write(0x100, 4, 1 << 5);                  // CPU 1 enables SGI 5
        current = 0;
        dist.write(0xF00, 4, (1 << 16 + 1) | 5);       // GICD_SGIR: SGI 5 to the list {CPU 1}
        assertEquals(true, lines.get(1).high);
        current = 1;
        assertEquals(5, cpu.read(0x0C, 4), "arm64 GICC_IAR: SGI 5 from CPU 0");
        current = 0;
        dist.write(0xF00, 4, (1 << 24) | 5);           // to all but me (CPU 0): CPU 1
        current = 1;
        cpu.write(0x10, 4, 5);
        assertEquals(5, cpu.read(0x0C, 4) & 0x3FF);
    }
}
