package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * INS and OUTS through the port I/O exits of the IA-32 vCPU (one {@link VcpuExit.PortIo} per iteration, REP
 * counting in rCX at the address size, DF), XLAT, and the I/O permission check of IN/OUT/INS/OUTS at CPL 3 (SDM
 * Vol. 1, 19.5: IOPL, then the TSS's I/O permission bitmap).
 */
class PortStringTest {
    private static Machine machine(String code) { return new Machine(new X86IsaProvider(), code); }

    @Test
    void outsWritesDsSiToThePort() {
        try (Machine m = machine("6e 67 6e")) {
            m.set("esi=0x2000 edx=0x3f8 m8[0x2000]=0x41 m8[0x2001]=0x42");
            assertEquals(new VcpuExit.PortIo(0x3f8, 1, true, 0x41), m.cpu.run(10));
            m.expect("outsb", "esi=0x2001 eip=0x1001");
            m.set("esi=0x12001");  // 67: SI, not ESI
            assertEquals(new VcpuExit.PortIo(0x3f8, 1, true, 0x42), m.cpu.run(10));
            m.expect("addr16 outsb", "esi=0x12002 eip=0x1003");
            assertEquals(2, m.cpu.retired());
        }
    }

    @Test
    void repOutsIsOneExitPerIteration() {
        try (Machine m = machine("f3 66 6f 90")) {
            m.set("esi=0x2000 edx=0x80 ecx=3 m16[0x2000]=1 m16[0x2002]=2 m16[0x2004]=3");
            for (int i = 1; i <= 3; i++) {
                assertEquals(new VcpuExit.PortIo(0x80, 2, true, i), m.cpu.run(10), "rep outsw iteration " + i);
                m.expect("rep outsw iteration " + i, "ecx=" + (3 - i) + " esi=" + (0x2000 + 2 * i) + " eip=" + (i < 3 ? 0x1000 : 0x1003));
            }
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("after rep outsw", "eip=0x1004");
            assertEquals(4, m.cpu.retired());
        }
    }

    @Test
    void insReadsThePortIntoEsDi() {
        try (Machine m = machine("6d 90")) {
            m.set("edi=0x2000 edx=0x60");
            assertEquals(new VcpuExit.PortIo(0x60, 4, false, 0), m.cpu.run(10));
            m.expect("insd pending", "eip=0x1000 edi=0x2000");
            m.cpu.completeRead(0xdeadbeefL);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("insd", "m32[0x2000]=0xdeadbeef edi=0x2004 eip=0x1001");
        }
    }

    @Test
    void repInsCountsDownWithDfSet() {
        try (Machine m = machine("f3 6c 90")) {
            m.set("edi=0x2001 edx=0x71 ecx=2 df=1");
            assertEquals(new VcpuExit.PortIo(0x71, 1, false, 0), m.cpu.run(10));
            m.cpu.completeRead(0xaa);
            assertEquals(new VcpuExit.PortIo(0x71, 1, false, 0), m.cpu.run(10));
            m.expect("rep insb after one", "m8[0x2001]=0xaa edi=0x2000 ecx=1 eip=0x1000");
            m.cpu.completeRead(0xbb);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(2));
            m.expect("rep insb", "m8[0x2000]=0xbb edi=0x1fff ecx=0 eip=0x1003");
        }
    }

    @Test
    void repWithZeroCountDoesNothing() {
        try (Machine m = machine("f3 6e f3 6d")) {
            m.set("ecx=0 esi=0x2000 edi=0x3000");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(2));
            m.expect("rep outsb/insd with ecx=0", "eip=0x1004 esi=0x2000 edi=0x3000");
        }
    }

    static Stream<Arguments> xlat() {
        return Stream.of(
            Arguments.of("xlat: AL = [EBX + AL]", "d7", "eax=0x12345605 ebx=0x2000 m8[0x2005]=0x99", "eax=0x12345699"),
            Arguments.of("xlat: AL is unsigned", "d7", "eax=0xff ebx=0x2000 m8[0x20ff]=0x11", "eax=0x11"),
            Arguments.of("xlat (67): [BX + AL]", "67d7", "eax=3 ebx=0x12000 m8[0x2003]=0x77", "eax=0x77"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("xlat")
    void translates(String name, String code, String before, String after) {
        try (Machine m = machine(code)) {
            m.set(before);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1), name);
            m.expect(name, after);
        }
    }

    /** The TSS of {@link org.polyvisor.isa.x86.testing.SystemTables} with limit 0xFF and its I/O map at TSS + 0x68. */
    private static void ioBitmap(Machine m, long limit) {
        m.memory.write(GDT + TSS_SEL, 8, segment(TSS, limit, 0x89, 0));
        m.memory.write(TSS + 0x66, 2, 0x68);
    }

    /** Name, ring-3 code, preparation (IOPL, bitmap), and the exit: a port access, or #GP(0) (HLT in handler 13). */
    static Stream<Arguments> permission() {
        VcpuExit gp = null;
        return Stream.of(
            Arguments.of("in with IOPL 3", "ec", (java.util.function.Consumer<Machine>) m -> m.set("eflags=0x3002 edx=0x3f8"),
                    new VcpuExit.PortIo(0x3f8, 1, false, 0)),
            Arguments.of("outsb with IOPL 3", "6e", (java.util.function.Consumer<Machine>) m -> m.set("eflags=0x3002 edx=0x3f8 esi=0x2000 m8[0x2000]=5"),
                    new VcpuExit.PortIo(0x3f8, 1, true, 5)),
            Arguments.of("in allowed by a clear bitmap bit", "ec", (java.util.function.Consumer<Machine>) m -> {
                        ioBitmap(m, 0xFF);
                        m.set("edx=0x3f8");
                    }, new VcpuExit.PortIo(0x3f8, 1, false, 0)),
            Arguments.of("out denied by a set bitmap bit", "ee", (java.util.function.Consumer<Machine>) m -> {
                        ioBitmap(m, 0xFF);
                        m.set("edx=0x3f8 m8[0x50e7]=1");
                    }, gp),
            Arguments.of("insw denied by the second port's bit", "66 6d", (java.util.function.Consumer<Machine>) m -> {
                        ioBitmap(m, 0xFF);
                        m.set("edx=0x3ff edi=0x2000 m8[0x50e8]=1");
                    }, gp),
            Arguments.of("in byte port 0x3ff allowed beside that bit", "ec", (java.util.function.Consumer<Machine>) m -> {
                        ioBitmap(m, 0xFF);
                        m.set("edx=0x3ff m8[0x50e8]=1");
                    }, new VcpuExit.PortIo(0x3ff, 1, false, 0)),
            Arguments.of("in denied when the bitmap byte pair passes the TSS limit", "ec", (java.util.function.Consumer<Machine>) m -> {
                        ioBitmap(m, 0xE7);
                        m.set("edx=0x3f8");
                    }, gp));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("permission")
    void checksIoPermissionAtCpl3(String name, String code, java.util.function.Consumer<Machine> prepare, VcpuExit expected) {
        try (Machine m = ProtectedModeTest.boot(ProtectedModeTest.TO_RING3 + code)) {
            prepare.accept(m);
            VcpuExit exit = m.cpu.run(100);
            if (expected == null) {
                assertSame(VcpuExit.HALT, exit, "x86 " + name + ": exit " + exit);
                assertEquals(handler(13) + 1, m.cpu.pc(), "x86 " + name + ": #GP handler taken");
            } else {
                assertEquals(expected, exit, "x86 " + name);
                assertEquals(3, m.cpu.register(m.reg("cs")) & 3, "x86 " + name + ": at CPL 3");
            }
        }
    }
}
