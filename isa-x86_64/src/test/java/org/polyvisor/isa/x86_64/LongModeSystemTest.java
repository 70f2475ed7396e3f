package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * IA-32e system state of the x86_64 vCPU: 16-byte IDT gates, the 64-bit frame (SS:RSP always pushed, RSP aligned
 * to 16), RSP0 and IST stacks from the 64-bit TSS, IRETQ to ring 3 and back, the gate DPL check, and the
 * 10-byte LGDT/LIDT/SGDT/SIDT operands.
 */
class LongModeSystemTest {
    static final IsaProvider ISA = new X86_64IsaProvider();
    static final long START = Machine.CODE + PROLOGUE_LENGTH;
    static final long USER = START + 17;
    /** push $0x23; push $0x9000; pushf; push $0x5b; push $USER; iretq: into 64-bit ring 3. */
    static final String TO_RING3 = toRing3(USER);

    /** 17 bytes that IRETQ into 64-bit ring 3 (CS 0x5B, SS 0x23, RSP 0x9000) at {@code user}. */
    static String toRing3(long user) {
        return "6a23" + "6800900000" + "9c" + "6a5b" + "68" + le32(user) + "48cf";
    }

    static String le32(long v) {
        return String.format("%02x%02x%02x%02x", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF);
    }

    static Machine boot(String code) {
        Machine m = new Machine(ISA, PROLOGUE + code.replace(" ", ""));
        SystemTables.install(m, true);
        return m;
    }

    record Row(String name, String code, int vector, int error, long savedRip, boolean user, long stackTop) {
        @Override public String toString() { return name; }
    }

    static Stream<Row> exceptions() {
        return Stream.of(
                new Row("ud2 is #UD", "0f0b", 6, -1, START, false, Machine.STACK),
                new Row("int3 is #BP", "cc", 3, -1, START + 1, false, Machine.STACK),
                new Row("int $0x40 with an odd RSP aligns the frame", "4883ec08 cd40", 0x40, -1, START + 6, false, Machine.STACK - 8),
                new Row("mov ss of a null selector at CPL 0 is allowed, then ud2", "31c0 8ed0 0f0b", 6, -1, START + 4, false, Machine.STACK),
                new Row("mov from cr9 is #UD", "0f20c8", 6, -1, START, false, Machine.STACK),
                new Row("int $0x80 from ring 3 switches to RSP0", TO_RING3 + "cd80", 0x80, -1, USER + 2, true, RING0_STACK),
                new Row("int $0x30 from ring 3 through a DPL 0 gate is #GP", TO_RING3 + "cd30", 13, (0x30 << 3) | 2, USER, true, RING0_STACK),
                new Row("hlt in ring 3 is #GP(0)", TO_RING3 + "f4", 13, 0, USER, true, RING0_STACK),
                new Row("mov to cr3 in ring 3 is #GP(0)", TO_RING3 + "0f22d8", 13, 0, USER, true, RING0_STACK),
                new Row("pusha (60) is #UD in 64-bit mode", "60", 6, -1, START, false, Machine.STACK),
                new Row("popa (61) is #UD in 64-bit mode", "61", 6, -1, START, false, Machine.STACK),
                new Row("bound (62, EVEX) is #UD in 64-bit mode", "6203", 6, -1, START, false, Machine.STACK),
                new Row("clts in ring 3 is #GP(0)", TO_RING3 + "0f06", 13, 0, USER, true, RING0_STACK),
                new Row("lmsw in ring 3 is #GP(0)", TO_RING3 + "0f01f0", 13, 0, USER, true, RING0_STACK),
                new Row("mov to dr7 with bit 32 set is #GP(0)", "48b80000000001000000 0f23f8", 13, 0, START + 10, false, Machine.STACK),
                new Row("mov to dr6 with bit 63 set is #GP(0)", "48b80000000000000080 0f23f0", 13, 0, START + 10, false, Machine.STACK),
                new Row("mov from dr8 (REX.R) is #UD", "440f21c0", 6, -1, START, false, Machine.STACK),
                new Row("mov from dr1 in ring 3 is #GP(0)", TO_RING3 + "0f21c8", 13, 0, USER, true, RING0_STACK),
                new Row("rdpmc is #GP(0): no counter exists", "31c9 0f33", 13, 0, START + 2, false, Machine.STACK),
                new Row("lss of a null selector at CPL 0 is allowed in 64-bit mode, then ud2",
                        "bb00200000 c70300200000 66c743040000 0fb223 0f0b", 6, -1, START + 20, false, 0x2000),
                new Row("lfs with a register operand is #UD", "0fb4c0", 6, -1, START, false, Machine.STACK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptions")
    void deliversThroughSixteenByteGates(Row row) {
        try (Machine m = boot(row.code)) {
            VcpuExit exit = m.cpu.run(100);
            String what = "x86_64 " + row.name + " [" + row.code + "]";
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler");
            long sp = m.cpu.register(m.reg("rsp"));
            long top = row.stackTop & ~0xFL;
            assertEquals(top - (row.error >= 0 ? 48 : 40), sp, what + ": frame position");
            if (row.error >= 0) { assertEquals(row.error, m.memory.read(sp, 8), what + ": error code"); sp += 8; }
            assertEquals(row.savedRip, m.memory.read(sp, 8), what + ": saved RIP");
            assertEquals(row.user ? 0x5B : KERNEL_CS, m.memory.read(sp + 8, 8), what + ": saved CS");
            assertEquals(row.user ? 0x9000 : row.stackTop, m.memory.read(sp + 24, 8), what + ": saved RSP");
            m.expect(what, "cs=0x8");
            if (row.user) m.expect(what, "ss=0");
        }
    }

    @Test
    void istStackIsTakenWhenTheGateNamesOne() {
        try (Machine m = boot("cd40")) {
            setGate(m, true, 0x40, 0xE, 0, true, 1);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 IST", "rsp=" + (IST1_STACK - 40) + " rip=" + (handler(0x40) + 1));
            assertEquals(Machine.STACK, m.memory.read(IST1_STACK - 16, 8));
        }
    }

    @Test
    void iretqReturnsToRing3AndSyscallsBack() {
        try (Machine m = boot(TO_RING3 + "b807000000 cd80 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 int $0x80 from ring 3", "rax=7 rsp=" + (RING0_STACK - 40));
            m.memory.write(0x1800, 2, 0xCF48);  // iretq
            m.cpu.setPc(0x1800);
            assertSame(VcpuExit.HALT, m.cpu.run(100));  // back in ring 3: the hlt there is #GP(0)
            m.expect("x86_64 iretq to ring 3, then hlt", "rip=" + (handler(13) + 1) + " rsp=" + (RING0_STACK - 48));
            assertEquals(USER + 7, m.memory.read(RING0_STACK - 40, 8));
            assertEquals(0x23, m.memory.read(RING0_STACK - 8, 8));
        }
    }

    @Test
    void descriptorTableRegistersAreTenBytes() {
        try (Machine m = boot("0f010425 00700000 0f010c25 10700000 0f20c0 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 sgdt/sidt", "m16[0x7000]=0x6f m64[0x7002]=0x3000 m16[0x7010]=0xfff m64[0x7012]=0x4000 tr=0x28"
                    + " idtr_limit=0xfff rax=1");
        }
    }

    @Test
    void externalInterruptEntersTheHandler() {
        try (Machine m = boot("fb 90 90 f4")) {
            m.cpu.raiseInterrupt(0x41);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 irq", "rip=" + (handler(0x41) + 1) + " if=0");
            assertEquals(START + 2, m.memory.read(m.cpu.register(m.reg("rsp")), 8));
        }
    }

    @Test
    void tripleFault() {
        try (Machine m = boot("0f0b")) {
            for (int v : new int[] {6, 8, 11}) setGate(m, true, v, 0xE, 0, false, 0);
            assertEquals("triple fault", assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100)).reason());
        }
    }
}
