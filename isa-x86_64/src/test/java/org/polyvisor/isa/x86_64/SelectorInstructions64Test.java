package org.polyvisor.isa.x86_64;

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
 * The selector, far-pointer, debug-register and port string instructions in 64-bit mode, on the long-mode GDT of
 * {@link org.polyvisor.isa.x86.testing.SystemTables}: LAR/LSL accept only the IA-32e system types (LDT, 64-bit TSS
 * and, for LAR, the 64-bit call gate), LFS with REX.W reads an m16:64 pointer, MOV DRn moves 64 bits, XLAT and
 * INS/OUTS address with RBX/RSI/RDI. Their exceptions are rows of {@link LongModeSystemTest}.
 */
class SelectorInstructions64Test {
    static final String LAR = "0f02d1", LSL = "0f03d1";

    static String ecx(int sel) { return "b9" + LongModeSystemTest.le32(sel); }

    static Stream<Arguments> rows() {
        return Stream.of(
            row("lar of 64-bit kernel code: L set in the flags nibble", "zf=0", ecx(KERNEL_CS) + LAR, "rdx=0x00a09a00 zf=1"),
            row("lar (REX.W) zero-extends", "zf=0 rdx=-1", ecx(USER_DS) + "480f02d1", "rdx=0x00c0f200 zf=1"),
            row("lar of the busy 64-bit TSS", "zf=0", ecx(TSS_SEL) + LAR, "rdx=0x8b00 zf=1"),
            row("lar of a 64-bit call gate", "zf=0 m64[0x3030]=" + gateText(0xC), ecx(ABSENT_DS) + LAR, "rdx=0xec00 zf=1"),
            row("lar of a 16-bit TSS in IA-32e mode: ZF = 0", "zf=1 rdx=0x55 m64[0x3030]=" + gateText(0x1), ecx(ABSENT_DS) + LAR,
                    "rdx=0x55 zf=0"),
            row("lar of a task gate in IA-32e mode: ZF = 0", "zf=1 rdx=0x55 m64[0x3030]=" + gateText(0x5), ecx(ABSENT_DS) + LAR,
                    "rdx=0x55 zf=0"),
            row("lsl of the 64-bit TSS", "zf=0", ecx(TSS_SEL) + LSL, "rdx=0x67 zf=1"),
            row("lsl of a 64-bit call gate: ZF = 0", "zf=1 rdx=0x55 m64[0x3030]=" + gateText(0xC), ecx(ABSENT_DS) + LSL,
                    "rdx=0x55 zf=0"),
            row("verr and verw of data", "zf=0", ecx(KERNEL_DS) + "0f00e1 0f94c3 0f00e9", "rbx=1 zf=1"),
            row("lfs (REX.W) reads m16:64", "rbx=0x2000 m64[0x2000]=0x123456789 m16[0x2008]=0x10", "480fb40b",
                    "rcx=0x123456789 fs=0x10"),
            row("lgs reads m16:32 and zero-extends", "rdx=-1 rbx=0x2000 m32[0x2000]=0x87654321 m16[0x2004]=0", "0fb513",
                    "rdx=0x87654321 gs=0"),
            row("mov to and from dr3 moves 64 bits", "rbx=0x123456789abcdef0", "0f23db 0f21de", "rsi=0x123456789abcdef0"),
            row("dr7 reads back with bit 10 set", "rcx=0x1", "0f23f9 0f21fe", "rsi=0x401"),
            row("xlat uses RBX", "rbx=0x2000 m8[0x2005]=0x6a", "b805010000 d7", "rax=0x16a"));
    }

    private static String gateText(int type) {
        return "0x" + Long.toHexString(gate(KERNEL_CS, 0x1234, type, 3, true));
    }

    private static Arguments row(String name, String before, String code, String after) {
        return Arguments.of(name, before, code, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String before, String code, String after) {
        try (Machine m = LongModeSystemTest.boot(code + "f4")) {
            m.set(before);
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, "x86_64 " + name + " [" + code + "]: exit " + exit);
            m.expect(name + " [" + code + "]", after);
        }
    }

    @Test
    void repOutsAndInsUse64BitRegisters() {
        try (Machine m = new Machine(new X86_64IsaProvider(), "f3 6e f3 6d 90")) {
            m.set("rsi=0x2000 rdi=0x3000 rcx=2 rdx=0x3f8 m8[0x2000]=0x31 m8[0x2001]=0x32");
            assertEquals(new VcpuExit.PortIo(0x3f8, 1, true, 0x31), m.cpu.run(10));
            assertEquals(new VcpuExit.PortIo(0x3f8, 1, true, 0x32), m.cpu.run(10));
            m.expect("x86_64 rep outsb", "rsi=0x2002 rcx=0 rip=0x1002");
            m.set("rcx=1");
            assertEquals(new VcpuExit.PortIo(0x3f8, 4, false, 0), m.cpu.run(10));
            m.cpu.completeRead(0x11223344);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("x86_64 rep insd", "m32[0x3000]=0x11223344 rdi=0x3004 rcx=0 rip=0x1004");
        }
    }
}
