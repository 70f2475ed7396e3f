package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * What long mode adds to CMPXCHG8B (CMPXCHG16B with REX.W, 32-bit loads zero-extending), 64-bit SHLD/SHRD with
 * imm8 counts masked to 6 bits, and CPUID.1:ECX.CX16. Expected values from the SDM Vol. 2 entries.
 */
class CompareExchange16Test {
    static Stream<Arguments> rows() {
        return Stream.of(
            row("cmpxchg16b equal stores RCX:RBX", "480fc70e",
                    "rsi=0x2000 m64[0x2000]=0x1111111111111111 m64[0x2008]=0x2222222222222222 rax=0x1111111111111111 "
                            + "rdx=0x2222222222222222 rbx=0x3333333333333333 rcx=0x4444444444444444 cf=1",
                    "m64[0x2000]=0x3333333333333333 m64[0x2008]=0x4444444444444444 zf=1 cf=1 rax=0x1111111111111111"),
            row("cmpxchg16b high half differs loads RDX:RAX", "480fc70e",
                    "rsi=0x2000 m64[0x2000]=1 m64[0x2008]=0x8000000000000002 rax=1 rdx=2 rbx=3 rcx=4",
                    "m64[0x2000]=1 m64[0x2008]=0x8000000000000002 zf=0 rax=1 rdx=0x8000000000000002"),
            row("lock cmpxchg16b, RIP-relative", "f0480fc70df70f0000",
                    "m64[0x2000]=5 m64[0x2008]=6 rax=5 rdx=6 rbx=7 rcx=8", "m64[0x2000]=7 m64[0x2008]=8 zf=1"),
            row("cmpxchg8b loads zero-extend", "0fc70e",
                    "rsi=0x2000 m32[0x2000]=0x89abcdef m32[0x2004]=0x01234567 rax=0xffffffff00000000 rdx=-1",
                    "rax=0x89abcdef rdx=0x01234567 zf=0"),
            row("cmpxchg8b equal leaves rAX's upper half", "0fc70e",
                    "rsi=0x2000 m64[0x2000]=0x0000000200000001 rax=0xff00000001 rdx=0xff00000002 rbx=9 rcx=0",
                    "m64[0x2000]=9 rax=0xff00000001 rdx=0xff00000002 zf=1"),
            row("shld r64 imm8", "480fa4d804", "rax=0x123456789abcdef0 rbx=0xf000000000000000", "rax=0x23456789abcdef0f cf=1"),
            row("shrd r64 count masked to 6 bits (65 = 1)", "480fadd8", "rax=2 rbx=1 rcx=65", "rax=0x8000000000000001 cf=0 of=1"),
            row("lzcnt r64", "f3480fbdc3", "rbx=1", "rax=63 cf=0 zf=0"),
            row("popcnt r64", "f3480fb8c3", "rbx=-1", "rax=64 zf=0"),
            row("cpuid 1 advertises CX16, POPCNT and MOVBE", "0fa2", "rax=1", "rcx=0xc02000")
        );
    }

    private static Arguments row(String name, String code, String before, String after) {
        return Arguments.of(name, code, before, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String code, String before, String after) {
        try (Machine m = new Machine(new X86_64IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(1);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86_64 " + name + ": exit " + exit);
            m.expect(name, after);
        }
    }

    /** Faults leave memory and registers as they were; without an IDT they end the run at the instruction. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "cmpxchg16b misaligned is #GP(0),      480fc70e, rsi=0x2008",
        "cmpxchg16b register operand is #UD,   480fc7c9, rsi=0x2000",
        "cmpxchg8b register operand is #UD,    0fc7c9,   rsi=0x2000"})
    void faults(String name, String code, String before) {
        try (Machine m = new Machine(new X86_64IsaProvider(), code)) {
            m.set(before + " m64[0x2008]=1 m64[0x2010]=2 rax=1 rdx=2 rbx=3 rcx=4");
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(1), "x86_64 " + name);
            assertEquals(Machine.CODE, f.pc(), "x86_64 " + name);
            m.expect(name, "m64[0x2008]=1 m64[0x2010]=2 rax=1");
        }
    }

    /** objdump 2.40 (-m i386:x86-64) names the REX.W form cmpxchg16b. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "48 0f c7 0e|cmpxchg16b (%rsi)", "0f c7 0e|cmpxchg8b (%rsi)", "f0 48 0f c7 0f|lock cmpxchg16b (%rdi)"})
    void disassemblesAsObjdumpDoes(String hex, String text) {
        String[] parts = hex.split(" ");
        byte[] code = new byte[parts.length];
        for (int k = 0; k < parts.length; k++) code[k] = (byte) Integer.parseInt(parts[k], 16);
        var d = new X86_64IsaProvider().disassembler().disassemble(code, 0, 0);
        assertEquals(code.length, d.length(), hex + ": length");
        String line = d.lines().get(0).text();   // objdump's line: tab, the bytes, tab, the instruction
        assertEquals(text, line.substring(line.lastIndexOf('\t') + 1), hex + ": text");
    }
}
