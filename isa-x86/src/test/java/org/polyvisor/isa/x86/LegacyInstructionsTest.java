package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * PUSHA/POPA, ENTER, BOUND (in bounds), CLTS, SMSW and LMSW through the IA-32 vCPU, one row per case: code at
 * 0x1000, ESP 0x9000, the state before, the instructions run and the state after. Stack images follow the SDM's
 * pseudo-code of each instruction. Their exceptions (#BR, #UD, #GP at CPL 3) are rows of {@link ProtectedModeTest}.
 */
class LegacyInstructionsTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            row("pushad", "60", "eax=1 ecx=2 edx=3 ebx=4 ebp=6 esi=7 edi=8", 1, "esp=0x8fe0 m32[0x8ffc]=1 m32[0x8ff8]=2 m32[0x8ff4]=3"
                    + " m32[0x8ff0]=4 m32[0x8fec]=0x9000 m32[0x8fe8]=6 m32[0x8fe4]=7 m32[0x8fe0]=8 eip=0x1001"),
            row("pushaw (66) pushes the low words", "6660", "eax=0x12340001 ecx=2 edx=3 ebx=4 ebp=6 esi=7 edi=0xffff0008", 1,
                    "esp=0x8ff0 m16[0x8ffe]=1 m16[0x8ffc]=2 m16[0x8ffa]=3 m16[0x8ff8]=4 m16[0x8ff6]=0x9000 m16[0x8ff4]=6"
                    + " m16[0x8ff2]=7 m16[0x8ff0]=8 m32[0x8fec]=0"),
            row("popad skips the ESP slot", "61", "m32[0x9000]=8 m32[0x9004]=7 m32[0x9008]=6 m32[0x900c]=0xdead m32[0x9010]=4"
                    + " m32[0x9014]=3 m32[0x9018]=2 m32[0x901c]=1", 1, "edi=8 esi=7 ebp=6 esp=0x9020 ebx=4 edx=3 ecx=2 eax=1"),
            row("popaw keeps the upper halves", "6661", "eax=0x12345678 edi=0xabcd0000 m16[0x9000]=8 m16[0x9002]=7 m16[0x9004]=6"
                    + " m16[0x9006]=0xdead m16[0x9008]=4 m16[0x900a]=3 m16[0x900c]=2 m16[0x900e]=1", 1,
                    "eax=0x12340001 edi=0xabcd0008 esp=0x9010 ecx=2"),
            row("pushad then popad restores", "60 31c0 31ed 31ff 61", "eax=0x11 ebp=0x66 edi=0x88", 5, "eax=0x11 ebp=0x66 edi=0x88 esp=0x9000"),
            row("enter level 0", "c8100000", "ebp=0x1234", 1, "m32[0x8ffc]=0x1234 ebp=0x8ffc esp=0x8fec eip=0x1004"),
            row("enter level 1 pushes the frame pointer", "c8080001", "ebp=0x1234", 1,
                    "m32[0x8ffc]=0x1234 m32[0x8ff8]=0x8ffc ebp=0x8ffc esp=0x8ff0"),
            row("enter level 3 copies two enclosing frame pointers", "c8040003", "ebp=0x8100 m32[0x80fc]=0xaaaa m32[0x80f8]=0xbbbb", 1,
                    "m32[0x8ffc]=0x8100 m32[0x8ff8]=0xaaaa m32[0x8ff4]=0xbbbb m32[0x8ff0]=0x8ffc ebp=0x8ffc esp=0x8fec"),
            row("enter level is taken modulo 32 (0x21 = 1)", "c8000021", "ebp=0x1234", 1, "m32[0x8ff8]=0x8ffc ebp=0x8ffc esp=0x8ff8"),
            row("enter level 32 is level 0", "c8000020", "ebp=0x1234", 1, "m32[0x8ffc]=0x1234 ebp=0x8ffc esp=0x8ffc"),
            row("enterw (66) sets BP only", "66c8100000", "ebp=0x12345678", 1, "m16[0x8ffe]=0x5678 ebp=0x12348ffe esp=0x8fee"),
            row("enterw level 2 copies a word", "66c8000002", "ebp=0x8100 m16[0x80fe]=0x4242", 1,
                    "m16[0x8ffe]=0x8100 m16[0x8ffc]=0x4242 m16[0x8ffa]=0x8ffe ebp=0x8ffe esp=0x8ffa"),
            row("enter then leave", "c8100002 c9", "ebp=0x8100 m32[0x80fc]=0x77", 2, "ebp=0x8100 esp=0x9000"),
            row("bound at the lower bound", "6203", "eax=-5 ebx=0x2000 m32[0x2000]=-5 m32[0x2004]=10", 1, "eip=0x1002"),
            row("bound at the upper bound", "6203", "eax=10 ebx=0x2000 m32[0x2000]=-5 m32[0x2004]=10", 1, "eip=0x1002"),
            row("bound (66) compares signed words", "666203", "eax=0xffff ebx=0x2000 m16[0x2000]=0xfff0 m16[0x2002]=0", 1, "eip=0x1003"));
    }

    private static Arguments row(String name, String code, String before, int steps, String after) {
        return Arguments.of(name, code, before, steps, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String code, String before, int steps, String after) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86 " + name + ": exit " + exit);
            m.expect(name, after);
        }
    }

    /** CR0.ET: hardwired to 1, so it reads back set after any CR0 write. */
    private static final long ET = 0x10;

    /** The machine status word rows: the register checked is a function of CR0 as the vCPU booted. */
    static Stream<Arguments> statusWord() {
        return Stream.of(
            msw("smsw r32 stores CR0", "0f01e0", "", 1, "eax", cr0 -> cr0 & 0xFFFF_FFFFL),
            msw("smsw r16 (66) stores the MSW", "660f01e0", "eax=0xffffffff", 1, "eax", cr0 -> 0xFFFF_0000L | (cr0 & 0xFFFF)),
            msw("smsw m16 stores 16 bits", "0f0123 8b03", "ebx=0x2000 m32[0x2000]=0xaaaaaaaa", 2, "eax", cr0 -> 0xAAAA_0000L | (cr0 & 0xFFFF)),
            msw("clts clears TS", "0f20c0 83c808 0f22c0 0f06 0f20c3", "", 5, "ebx", cr0 -> (cr0 & ~8L | ET) & 0xFFFF_FFFFL),
            msw("lmsw loads MP, EM and TS", "b80e000000 0f01f0 0f20c3", "", 3, "ebx", cr0 -> (cr0 | 0xE | ET) & 0xFFFF_FFFFL),
            msw("lmsw cannot clear PE", "31c0 0f01f0 0f20c3", "", 3, "ebx", cr0 -> (cr0 & ~0xEL | 1 | ET) & 0xFFFF_FFFFL),
            msw("lmsw m16 ignores bits above 3", "0f0133 0f20c3", "ebx=0x2000 m16[0x2000]=0xfff8", 2, "ebx", cr0 -> (cr0 & ~0xEL | 8 | ET) & 0xFFFF_FFFFL));
    }

    private static Arguments msw(String name, String code, String before, int steps, String reg, LongUnaryOperator expected) {
        return Arguments.of(name, code, before, steps, reg, expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusWord")
    void machineStatusWord(String name, String code, String before, int steps, String reg, LongUnaryOperator expected) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            m.set(before);
            long cr0 = m.cpu.register(m.reg("cr0"));
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86 " + name + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(expected.applyAsLong(cr0)), "0x" + Long.toHexString(m.cpu.register(m.reg(reg))),
                    "x86 " + name + " [" + code + "]: " + reg + " (CR0 before 0x" + Long.toHexString(cr0) + ")");
        }
    }
}
