package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * MMX in 64-bit mode: REX.W turns MOVD into MOVQ between a 64-bit register and an MMX register, a 32-bit MOVD to a
 * register zero-extends it, REX.R does not reach past MM7, and PEXTRW/PMOVMSKB write a 32-bit register (zeroing the
 * upper half). The packed arithmetic runs against the host CPU in {@link InsnVectorsTest}.
 */
class Mmx64Test {
    static Stream<Arguments> rows() {
        return Stream.of(
            row("movq %rax,%mm0; movq %mm0,%rbx (REX.W)", "rax=0x123456789abcdef0 rbx=0", "480f6ec0 480f7ec3", 2,
                    "rbx=0x123456789abcdef0"),
            row("movd %mm0,%ecx zero-extends", "rax=0x123456789abcdef0 rcx=-1", "480f6ec0 0f7ec1", 2, "rcx=0x9abcdef0"),
            row("REX.R names MM1, not MM9: movq %rax,%mm1 then movq %mm1,%rdx", "rax=0x55", "4c0f6ec8 480f7eca", 2, "rdx=0x55"),
            row("pextrw writes a 32-bit register", "rax=0x0000ffff00000000 rdx=-1", "480f6ec0 0fc5d002", 2, "rdx=0xffff"),
            row("pmovmskb writes a 32-bit register", "rax=0x8000000000000080 rdx=-1", "480f6ec0 0fd7d0", 2, "rdx=0x81"));
    }

    private static Arguments row(String name, String before, String code, int steps, String after) {
        return Arguments.of(name, before, code, steps, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String before, String code, int steps, String after) {
        try (Machine m = new Machine(new X86_64IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86_64 " + name + ": exit " + exit);
            m.expect(name + " [" + code + "]", after);
        }
    }
}
