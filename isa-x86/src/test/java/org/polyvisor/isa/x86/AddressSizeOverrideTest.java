package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * 67 in 32-bit code makes the string instructions address through SI and DI and LOOP/JCXZ count in CX (SDM Vol. 1,
 * 3.6: the address-size attribute), leaving the upper halves of ESI, EDI and ECX alone. One row per case: code at
 * 0x1000, the state before, the instructions run, the state after.
 */
class AddressSizeOverrideTest {
    static Stream<Arguments> rows() {
        return Stream.of(
            Arguments.of("movsb through SI and DI", "67a4", "esi=0xabcd2010 edi=0x12342020 m8[0x2010]=0x5a", 1,
                    "m8[0x2020]=0x5a esi=0xabcd2011 edi=0x12342021 eip=0x1002"),
            Arguments.of("rep stosb counts in CX", "67f3aa ebfe", "eax=0x41 ecx=0x77770003 edi=0x99992030", 8,
                    "m8[0x2030]=0x41 m8[0x2031]=0x41 m8[0x2032]=0x41 m8[0x2033]=0 ecx=0x77770000 edi=0x99992033"),
            Arguments.of("lodsb wraps SI at 64 KiB", "67ac", "esi=0x0000ffff m8[0xffff]=0x7e", 1, "eax=0x7e esi=0 eip=0x1002"),
            Arguments.of("loop decrements CX only", "67e210", "ecx=0x00010000", 1, "ecx=0x0001ffff eip=0x1013"),
            Arguments.of("jcxz tests CX", "67e310", "ecx=0x00010000", 1, "ecx=0x00010000 eip=0x1013"),
            Arguments.of("jcxz falls through when CX is not zero", "67e310", "ecx=0x00000001", 1, "eip=0x1003"));
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
}
