package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/** Exits, faults, budget, self-modifying code, save/restore and boot state of the ia64 vCPU. */
class VcpuBehaviourTest {
    /** [MMI] mov r2=18 / break.m 0x1000 / mov r4=4; [MII] nop.m / break.i 0x1000 / mov r5=5; [MII] break.m 0x1000 ... */
    static final String HYPERCALLS = "081048000024000001000080400000900000000001000000010000a05000009001008000000000000002000000000400";

    private static int ri(Machine m) { return (int) (m.get("psr") >>> 41 & 3); }

    @Test
    void hypercallExitsWithIpPastTheBreakSlot() {
        try (Machine m = new Machine(HYPERCALLS)) {
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(0x1000, m.vcpu.pc());
            assertEquals(2, ri(m), "break.m in slot 1: resume at slot 2");
            assertEquals(2, m.vcpu.retired());
            assertEquals(18, m.vcpu.register(m.isa.hypercallAbi().opRegister()));
            m.vcpu.setRegister(m.isa.hypercallAbi().resultRegister(), -38);
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(4, m.get("r4"));
            assertEquals(0x1010, m.vcpu.pc());
            assertEquals(2, ri(m));
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(5, m.get("r5"));
            assertEquals(0x1020, m.vcpu.pc());
            assertEquals(1, ri(m));
            assertEquals(-38, m.get("r8"));
        }
    }

    @Test
    void otherBreakImmediatesFaultWithNoIvt() {
        // [MMI] mov r4=1 / break.m 0x1001 / nop.i
        try (Machine m = new Machine("0820040000241000010000000000040001008000000000000002000000000400")) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("break instruction 0x1001 with no interruption vector table", f.reason());
            assertEquals(0x1000, f.pc());
            assertEquals(1, ri(m));
            assertEquals(1, m.vcpu.retired());
        }
    }

    @Test
    void reservedTemplateIsUndefined() {
        try (Machine m = new Machine("ff".repeat(16))) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("undefined instruction slot 0 0x1ffffffffff", f.reason());
            assertEquals(0x1000, f.pc());
            assertEquals(0, m.vcpu.retired());
        }
    }

    @Test
    void unknownSlotIsUndefinedAtItsSlot() {
        // [MII] nop.m / add r0=r0,r0 / all-ones slot 2
        try (Machine m = new Machine("01000000010000000000c0ffffffffff")) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("undefined instruction slot 2 0x1ffffffffff", f.reason());
            assertEquals(0x1000, f.pc());
            assertEquals(2, ri(m));
            assertEquals(2, m.vcpu.retired());
        }
    }

    @Test
    void accessesOutsideMemoryFault() {
        // [MMI] ld8 r4=[r2] / break.m 0x1000
        try (Machine m = new Machine("09200004181000000100000000000400")) {
            m.set("r2", 0x30000);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("load outside guest memory at 0x30000", f.reason());
            assertEquals(0x1000, f.pc());
        }
        // [MMI] st8 [r2]=r3 / break.m 0x1000
        try (Machine m = new Machine("09000c04981100000100000000000400")) {
            m.set("r2", 0x30008);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("store outside guest memory at 0x30008", f.reason());
        }
        try (Machine m = new Machine("09000c04981100000100000000000400")) {
            m.vcpu.setPc(0x40000);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.vcpu.run(100));
            assertEquals("fetch outside guest memory at 0x40000", f.reason());
            assertEquals(0x40000, f.pc());
        }
    }

    @Test
    void mmioLoadAndStoreExit() {
        // [MMI] ld4 r4=[r2] / st2 [r2]=r3 / nop.i; [MII] break.m 0x1000
        try (Machine m = new Machine("0820000410100018081023000000040001008000000000000002000000000400")) {
            m.set("r2", Machine.MMIO + 0x10);
            m.set("r3", 0x12345678);
            assertEquals(new VcpuExit.Mmio(Machine.MMIO + 0x10, 4, false, 0), m.vcpu.run(100));
            m.vcpu.completeRead(0xAABBCCDDEEL);
            assertEquals(0xBBCCDDEEL, m.get("r4"));
            assertEquals(new VcpuExit.Mmio(Machine.MMIO + 0x10, 2, true, 0x5678), m.vcpu.run(100));
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
        }
    }

    @Test
    void budgetIsExactlyHonoured() {
        // 1000: [MII] adds r4=1,r4 / adds r5=1,r5 / adds r6=1,r6;;  1010: [MIB] adds r7=1,r7 / nop.i / br.few 0x1000
        try (Machine m = new Machine("0120040800215008140042c0103000841138040e0021000000020000f0ffff48")) {
            assertSame(VcpuExit.BUDGET_SPENT, m.vcpu.run(7));
            assertEquals(7, m.vcpu.retired());
            assertEquals(2, m.get("r4"));
            assertEquals(1, m.get("r5"));
            assertEquals(0x1000, m.vcpu.pc());
            assertEquals(1, ri(m));
            assertSame(VcpuExit.BUDGET_SPENT, m.vcpu.run(1));
            assertEquals(2, m.get("r5"));
            assertEquals(1, m.get("r6"));
            assertSame(VcpuExit.BUDGET_SPENT, m.vcpu.run(0));
            assertEquals(8, m.vcpu.retired());
            assertSame(VcpuExit.BUDGET_SPENT, m.vcpu.run(600));
            assertEquals(608, m.vcpu.retired());
            assertEquals(608 / 6 + 1, m.get("r4"), "101 whole turns of 6 slots, then 2 slots of the next");
        }
    }

    @Test
    void selfModifyingCodeSeesTheNewBundle() {
        // 1000: mov r4=1;; break.m 0x1000 / 1010: st8 [r2]=r3,8;; st8 [r2]=r5 / 1020: br.few 0x1000
        try (Machine m = new Machine("0b2004000024000001000000000004000b400c04981500280830230000000400110000000100000000020000e0ffff48")) {
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(1, m.get("r4"));
            // [MMI] mov r4=2 / break.m 0x1000 / nop.i, written by the guest over the bundle at 0x1000
            byte[] next = HexFormat.of().parseHex("09200800002400000100000000000400");
            m.set("r2", 0x1000);
            m.set("r3", ByteBuffer.wrap(next, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
            m.set("r5", ByteBuffer.wrap(next, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(2, m.get("r4"), "the rewritten bundle ran");
        }
    }

    @Test
    void aBundleRewrittenByAnotherVcpuRunsOnceTheFirstComesBack() {
        // vCPU 0 runs the bundle at 0x1000 (mov r4=1 / break.m 0x1000) and so has it decoded; vCPU 1 of the same
        // domain then runs only the two stores at 0x1010, writing "mov r4=2 / break.m 0x1000" over it.
        try (Machine m = new Machine("0b2004000024000001000000000004000b400c04981500280830230000000400110000000100000000020000e0ffff48")) {
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(1, m.get("r4"));
            Vcpu other = m.isa.createVcpu(new VcpuConfig(m.memory, 1, GuestType.PV, () -> 0));
            byte[] next = HexFormat.of().parseHex("09200800002400000100000000000400");
            other.setRegister(m.reg("r2"), 0x1000);
            other.setRegister(m.reg("r3"), ByteBuffer.wrap(next, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
            other.setRegister(m.reg("r5"), ByteBuffer.wrap(next, 8, 8).order(ByteOrder.LITTLE_ENDIAN).getLong());
            other.setRegister(m.reg("ip"), 0x1010);
            assertSame(VcpuExit.BUDGET_SPENT, other.run(2));
            assertEquals(next[0], (byte) m.memory.read(0x1000, 1), "vCPU 1 stored the new bundle");
            m.set("ip", 0x1000);
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100));
            assertEquals(2, m.get("r4"), "vCPU 0 ran the bundle vCPU 1 wrote, not the one it had decoded");
        }
    }

    @Test
    void saveRestoreRoundTrips() {
        // call/return program from InstructionTest: stops inside the callee's frame after a budget
        String call = "000829108005206a01004800850200900a48a500002400000002000000000400100000000100000000020000380000500038001000219000880042400140018401008000000000000002000000000400001011088005800085004060040001840a001d0000240000000200002002aa0011000000010000000002008008008400";
        try (Machine a = new Machine(call); Machine b = new Machine(call)) {
            a.set("pr", 0xF0F0_0000_0000_00C1L);
            a.set("b5", 0x1234);
            a.set("ar.ec", 3);
            assertSame(VcpuExit.BUDGET_SPENT, a.vcpu.run(20));
            VcpuState s = a.vcpu.save();
            b.vcpu.restore(s);
            VcpuState t = b.vcpu.save();
            assertEquals(s.registers(), t.registers());
            assertArrayEquals(s.extra(), t.extra());
            assertSame(VcpuExit.HYPERCALL, a.vcpu.run(1000));
            assertSame(VcpuExit.HYPERCALL, b.vcpu.run(1000));
            assertEquals(a.vcpu.save().registers(), b.vcpu.save().registers());
            assertEquals(7, b.get("r10"));
        }
    }

    @Test
    void pvBootState() {
        try (Machine m = new Machine("00".repeat(16))) {
            assertEquals(Machine.CODE, m.vcpu.pc());
            assertEquals(Machine.START_INFO, m.get("r28"));
            assertEquals(0, m.get("psr"), "cpl 0, ri 0, ic/i/dt/it/rt off");
            assertEquals(0, m.get("cfm"));
            assertEquals(1, m.get("pr"));
            assertEquals(Machine.START_INFO, m.vcpu.translate(Machine.START_INFO, false));
        }
    }

    @Test
    void providerIsFoundAndDescribesIa64() {
        IsaProvider p = ServiceLoader.load(IsaProvider.class).stream().map(ServiceLoader.Provider::get)
                .filter(i -> i.id().equals("ia64")).findFirst().orElseThrow();
        assertEquals(50, p.elfMachine());
        assertEquals(2, p.elfClass());
        assertEquals(64, p.wordBits());
        assertEquals(java.nio.ByteOrder.LITTLE_ENDIAN, p.byteOrder());
        assertEquals("ip", p.registers().pc().name());
        assertEquals(2, p.hypercallAbi().opRegister());
        assertEquals(java.util.List.of(14, 15, 16, 17, 18), p.hypercallAbi().argumentRegisters());
        assertEquals(8, p.hypercallAbi().resultRegister());
    }

    @Test
    void aHandlerThatFaultsOnItselfStillReturnsWithTheBudgetSpent() {
        // [MMI] mov cr.iva=r8;; break.m 0x42 / nop.i;; with the IVT at 0x8000 all zeros: break.m 0 there, again and again.
        try (Machine m = new Machine("0b0020042c0420040000000000000400")) {
            m.set("r8", 0x8000);
            assertSame(VcpuExit.BUDGET_SPENT, m.vcpu.run(1000));
            assertEquals(0x8000 + 0x2c00, m.vcpu.pc(), "ia64: still delivering Break Instruction faults to iva + 0x2c00");
        }
    }
}
