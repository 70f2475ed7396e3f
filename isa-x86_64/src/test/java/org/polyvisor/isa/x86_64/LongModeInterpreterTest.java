package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * What long mode changes, one row per case: REX (W, R, X, B), 64-bit operands and addresses, 32-bit writes
 * zero-extending, RIP-relative operands, MOVSXD, MOVABS, 64-bit stack and branches. The IA-32 rows of the
 * x86 module cover the shared ALU, shift and flag logic.
 */
class LongModeInterpreterTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            row("enter level 0 (64-bit push)", "c8100000", "rbp=0x1234567890", 1, "m64[0x8ff8]=0x1234567890 rbp=0x8ff8 rsp=0x8fe8 rip=0x1004"),
            row("enter level 1", "c8080001", "rbp=0x1234", 1, "m64[0x8ff8]=0x1234 m64[0x8ff0]=0x8ff8 rbp=0x8ff8 rsp=0x8fe8"),
            row("enter level 2 copies a quadword", "c8000002", "rbp=0x8100 m64[0x80f8]=0x1122334455667788", 1,
                    "m64[0x8ff8]=0x8100 m64[0x8ff0]=0x1122334455667788 m64[0x8fe8]=0x8ff8 rbp=0x8ff8 rsp=0x8fe8"),
            row("enter level masked to 5 bits (0x41 = 1)", "c8000041", "rbp=0x1234", 1, "m64[0x8ff0]=0x8ff8 rbp=0x8ff8 rsp=0x8ff0"),
            row("enterw (66) sets BP only", "66c8100000", "rbp=0x1122334455667788", 1, "m16[0x8ffe]=0x7788 rbp=0x1122334455668ffe rsp=0x8fee"),
            row("REX.W enter is enter", "48c8080000", "rbp=5", 1, "m64[0x8ff8]=5 rbp=0x8ff8 rsp=0x8ff0"),
            row("enter then leave", "c8200003 c9", "rbp=0x8100", 2, "rbp=0x8100 rsp=0x9000"),
            row("smsw m16 leaves the bytes above", "0f0123", "rbx=0x2000 m64[0x2000]=-1", 1, "m16[0x2002]=0xffff m32[0x2004]=0xffffffff"),
            row("add r64", "4801d8", "rax=0x100000000 rbx=0x100000000", 1, "rax=0x200000000 cf=0 zf=0 rip=0x1003"),
            row("add r64 carry", "4883c001", "rax=-1", 1, "rax=0 cf=1 zf=1 of=0"),
            row("add r64 overflow", "4883c001", "rax=0x7fffffffffffffff", 1, "rax=0x8000000000000000 of=1 sf=1"),
            row("add r32 zero-extends", "01d8", "rax=0xffffffff00000001 rbx=1", 1, "rax=2"),
            row("add r16 merges", "6601d8", "rax=0xffffffff00000001 rbx=1", 1, "rax=0xffffffff00000002"),
            row("add r8 merges", "00d8", "rax=0xffffffffffffff01 rbx=1", 1, "rax=0xffffffffffffff02"),
            row("sub r64 imm32 sign-extended", "482d01000000", "rax=0", 1, "rax=0xffffffffffffffff cf=1 sf=1"),
            row("cmp r64", "4839d8", "rax=0x8000000000000000 rbx=1", 1, "of=1 sf=0 cf=0"),
            row("REX.R and REX.B: add r9,r8", "4d01c8", "r8=5 r9=6", 1, "r8=11"),
            row("REX.X index", "4a8b0488", "rax=0x2000 r9=2 m64[0x2008]=0x1122334455667788", 1, "rax=0x1122334455667788"),
            row("r12 base needs SIB", "498b0424", "r12=0x2000 m64[0x2000]=42", 1, "rax=42"),
            row("r13 base with disp8", "498b4500", "r13=0x2000 m64[0x2000]=43", 1, "rax=43"),
            row("RIP-relative load", "488b05f90f0000", "m64[0x2000]=0xabcdef", 1, "rax=0xabcdef"),
            row("RIP-relative store", "48891df90f0000", "rbx=-2", 1, "m64[0x2000]=0xfffffffffffffffe"),
            row("RIP-relative lea", "488d0500000000", "", 1, "rax=0x1007"),
            row("movabs", "48b8 8877665544332211", "", 1, "rax=0x1122334455667788 rip=0x100a"),
            row("mov imm32 to r64 zero-extends", "b8ffffffff", "rax=0x1234567800000000", 1, "rax=0xffffffff"),
            row("mov r/m64 imm32 sign-extended", "48c7c0feffffff", "", 1, "rax=0xfffffffffffffffe"),
            row("movslq", "4863c3", "rbx=0x80000000", 1, "rax=0xffffffff80000000"),
            row("movzbq", "480fb6c3", "rbx=0xff", 1, "rax=0xff"),
            row("movsbq", "480fbec3", "rbx=0x80", 1, "rax=0xffffffffffffff80"),
            row("movzbl r8b to r9d", "450fb6c8", "r8=0x1ff r9=-1", 1, "r9=0xff"),
            row("SPL with REX", "4088e0", "rsp=0x1234 rax=0", 1, "rax=0x34"),
            row("AH without REX", "88e0", "rax=0x1200", 1, "rax=0x1212"),
            row("inc r8b", "41fec0", "r8=0xff", 1, "r8=0 zf=1"),
            row("neg r64", "48f7d8", "rax=1", 1, "rax=0xffffffffffffffff cf=1"),
            row("not r64", "48f7d0", "rax=0", 1, "rax=0xffffffffffffffff"),
            row("shl r64 by 63", "48c1e03f", "rax=3", 1, "rax=0x8000000000000000 cf=1"),
            row("shl r64 count masked to 6 bits", "48d3e0", "rax=1 rcx=0x41", 1, "rax=2"),
            row("shr r64", "48d1e8", "rax=0x8000000000000001", 1, "rax=0x4000000000000000 cf=1 of=1"),
            row("sar r64", "48c1f83c", "rax=0x8000000000000000", 1, "rax=0xfffffffffffffff8"),
            row("rol r64", "48c1c008", "rax=0x1122334455667788", 1, "rax=0x2233445566778811 cf=1"),
            row("imul r64", "480fafc3", "rax=-3 rbx=5", 1, "rax=0xfffffffffffffff1 cf=0 of=0"),
            row("imul r64 overflow", "480fafc3", "rax=0x100000000 rbx=0x100000000", 1, "rax=0 cf=1 of=1"),
            row("imul r64 imm8", "486bc3fd", "rbx=5", 1, "rax=0xfffffffffffffff1"),
            row("push r64", "53", "rbx=0x1122334455667788", 1, "rsp=0x8ff8 m64[0x8ff8]=0x1122334455667788"),
            row("push r12", "4154", "r12=7", 1, "rsp=0x8ff8 m64[0x8ff8]=7"),
            row("pop r15", "415f", "rsp=0x8ff8 m64[0x8ff8]=9", 1, "r15=9 rsp=0x9000"),
            row("push imm8 sign-extended to 64", "6aff", "", 1, "m64[0x8ff8]=0xffffffffffffffff"),
            row("call rel32 pushes 8 bytes", "e810000000", "", 1, "rip=0x1015 rsp=0x8ff8 m64[0x8ff8]=0x1005"),
            row("ret", "c3", "rsp=0x8ff8 m64[0x8ff8]=0x123456789", 1, "rip=0x123456789 rsp=0x9000"),
            row("call r/m64", "41ffd3", "r11=0x4000", 1, "rip=0x4000 m64[0x8ff8]=0x1003"),
            row("jmp m64", "ff20", "rax=0x2000 m64[0x2000]=0x3456", 1, "rip=0x3456"),
            row("jcc rel32 backwards", "4885c0 0f84f0ffffff", "rax=0", 2, "rip=0xff9"),
            row("setcc with REX", "4839d8 410f94c1", "rax=1 rbx=1 r9=0x100", 2, "r9=0x101"),
            row("cmov r64", "4831d2 480f44c3", "rax=1 rbx=0x100000000", 2, "rax=0x100000000"),
            row("cmov r32 not taken still zero-extends", "4885e4 0f44c3", "rax=0xffffffff00000001 rsp=1", 2, "rax=1"),
            row("cltq", "4898", "rax=0x80000000", 1, "rax=0xffffffff80000000"),
            row("cqto", "4899", "rax=0x8000000000000000", 1, "rdx=0xffffffffffffffff"),
            row("xchg r8,rax", "4990", "rax=1 r8=2", 1, "rax=2 r8=1"),
            row("leave", "c9", "rbp=0x8ff0 m64[0x8ff0]=0x1234", 1, "rsp=0x8ff8 rbp=0x1234"),
            row("nopw", "66 0f1f440000", "", 1, "rip=0x1006"),
            row("mul r64", "48f7e3", "rax=-1 rbx=2", 1, "rax=0xfffffffffffffffe rdx=1 cf=1 of=1"),
            row("imul r64 one operand", "48f7eb", "rax=-1 rbx=2", 1, "rax=0xfffffffffffffffe rdx=0xffffffffffffffff cf=0"),
            row("div r64 128-bit dividend", "48f7f3", "rdx=1 rax=0 rbx=2", 1, "rax=0x8000000000000000 rdx=0"),
            row("div r64 remainder", "48f7f3", "rdx=0x12 rax=0x3456789abcdef012 rbx=0x1000000000000001", 1,
                    "rax=0x123 rdx=0x456789abcdeeeef"),
            row("idiv r64 negative dividend", "48f7fb", "rdx=-1 rax=-7 rbx=2", 1, "rax=0xfffffffffffffffd rdx=0xffffffffffffffff"),
            row("idiv r64 negative divisor", "48f7fb", "rdx=0 rax=7 rbx=-2", 1, "rax=0xfffffffffffffffd rdx=1"),
            row("div r32 zero-extends", "f7f3", "rdx=0 rax=0xffffffff00000064 rbx=7", 1, "rax=14 rdx=2"),
            row("rep stosq", "f348ab", "rax=0x1122334455667788 rdi=0x2000 rcx=2", 2,
                    "m64[0x2000]=0x1122334455667788 m64[0x2008]=0x1122334455667788 rdi=0x2010 rcx=0 rip=0x1003"),
            row("rep movsb with 64-bit rcx", "f3a4", "rsi=0x2000 rdi=0x3000 rcx=0x100000001 m8[0x2000]=9", 1,
                    "m8[0x3000]=9 rcx=0x100000000 rip=0x1000"),
            row("bswap r64", "480fc8", "rax=0x1122334455667788", 1, "rax=0x8877665544332211"),
            row("pushf is 8 bytes", "9c", "cf=1", 1, "rsp=0x8ff8 m64[0x8ff8]=3"),
            row("movabs moffs load", "48a1 0020000000000000", "m64[0x2000]=0x1122334455667788", 1, "rax=0x1122334455667788 rip=0x100a"),
            row("jrcxz uses 64 bits", "e310", "rcx=0x100000000", 1, "rip=0x1002"),
            row("loop with addr32 counts ecx", "67e2fd", "rcx=0x100000001", 1, "rcx=0 rip=0x1003"),
            row("bts r64", "480fabc3", "rbx=0 rax=63", 1, "rbx=0x8000000000000000"),
            row("bsr r64", "480fbdc3", "rbx=0x8000000000000000", 1, "rax=63"),
            row("addr32 prefix", "678b00", "rax=0x100002000 m32[0x2000]=5", 1, "rax=5")
        );
    }

    private static Arguments row(String name, String code, String before, int steps, String after) {
        return Arguments.of(name, code, before, steps, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String code, String before, int steps, String after) {
        try (Machine m = new Machine(new X86_64IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86_64 " + name + ": exit " + exit);
            assertEquals(steps, m.cpu.retired(), "x86_64 " + name + ": retired");
            m.expect(name, after);
        }
    }

    /** SMSW's register form takes CR0 at the operand size: all of it with REX.W, its low word with 66. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "smsw %rax (REX.W),   480f01e0, -1",
        "smsw %eax,           0f01e0,   0xffffffff",
        "smsw %r9d (REX.B),   410f01e1, 0xffffffff",
        "smsw %ax (66),       660f01e0, 0xffff"})
    void smswRegisterForms(String name, String code, String mask) {
        try (Machine m = new Machine(new X86_64IsaProvider(), code)) {
            m.set("rax=0x1122334455667788 r9=0x1122334455667788");
            long cr0 = m.cpu.register(m.reg("cr0"));
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1), "x86_64 " + name);
            long k = Long.decode(mask);
            long expected = k == 0xFFFF ? 0x1122334455660000L | (cr0 & k) : cr0 & k;
            long actual = m.cpu.register(m.reg(code.startsWith("41") ? "r9" : "rax"));
            assertEquals("0x" + Long.toHexString(expected), "0x" + Long.toHexString(actual), "x86_64 " + name + " [" + code + "]");
        }
    }
}
