package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/** 16-bit addressing (67 prefix in 32-bit code): the eight ModRM forms, 16-bit wrap-around and moffs16. */
class Addressing16Test {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "mov (%bx,%si),%eax        | 678b00     | ebx=0x12342000 esi=0x10 m32[0x2010]=0x11223344 | eax=0x11223344",
        "mov 0x10(%bx,%si) wraps   | 678b4010   | ebx=0xfff0 esi=0 m32[0x0]=0x55                  | eax=0x55",
        "mov -0x2(%bp),%eax        | 678b46fe   | ebp=0x3002 m32[0x3000]=0x77                     | eax=0x77",
        "mov 0x1234(%bp,%di),%ecx  | 678b8b3412 | ebp=0x100 edi=0x10 m32[0x1344]=0x99             | ecx=0x99",
        "mov %eax,(%di)            | 678905     | edi=0x4000 eax=0xabcd                           | m32[0x4000]=0xabcd",
        "mov 0x3000 (disp16)       | 678b060030 | m32[0x3000]=0x42                                | eax=0x42",
        "mov 0x3000,%eax (moffs16) | 67a10030   | m32[0x3000]=0x43                                | eax=0x43",
        "lea 0x10(%bx,%si),%edx    | 678d5010   | ebx=0xfff8 esi=0x1 edx=0xffffffff                | edx=0x9"})
    void addresses(String name, String code, String setup, String expect) {
        try (Machine m = new Machine(new X86IsaProvider(), code.trim())) {
            m.set(setup);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1), "x86 " + name);
            m.expect(name + " [" + code.trim() + "]", expect);
        }
    }
}
