package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Null data-segment selectors in 64-bit mode (SDM Vol. 3, 5.4.1.1): the processor does not check them, so accesses
 * through a null DS or ES use base 0 and through a null FS or GS the base from IA32_FS_BASE / IA32_GS_BASE. Each row
 * runs its code and a HLT at CPL 0 and must halt there with the expected state.
 */
class NullSegment64Test {
    /** mov $msr,%ecx; mov $0x1000,%eax; xor %edx,%edx; wrmsr: that base MSR = 0x1000. */
    static String base(String msrLe32) { return "b9" + msrLe32 + "b800100000 31d2 0f30"; }

    static Stream<Arguments> rows() {
        String data = "rbx=0x2000 m32[0x2000]=0x11223344 m32[0x3000]=0x55667788";
        return Stream.of(
                Arguments.of("a load through a null DS", data, "31c0 8ed8 8b03", "ds=0 rax=0x11223344"),
                Arguments.of("an ES override through a null ES", data, "31c0 8ec0 268b03", "es=0 rax=0x11223344"),
                Arguments.of("stosb through a null ES", "rdi=0x2000", "31c0 8ec0 b07f aa", "m8[0x2000]=0x7f rdi=0x2001"),
                Arguments.of("LFS of a null far pointer, then a load through FS", data, "0fb403 31c0 648b03", "fs=0 rax=0x11223344"),
                Arguments.of("a null FS adds IA32_FS_BASE", data, "31c0 8ee0" + base("000100c0") + "648b03", "fs=0 rax=0x55667788"),
                Arguments.of("a null GS adds IA32_GS_BASE", data, "31c0 8ee8" + base("010100c0") + "658b03", "gs=0 rax=0x55667788"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void nullSegmentsAreUsable(String name, String setup, String code, String expected) {
        try (Machine m = LongModeSystemTest.boot(code + "f4")) {
            m.set(setup);
            String what = "x86_64 null segment: " + name;
            assertEquals(VcpuExit.HALT, m.cpu.run(200), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            assertEquals("0x" + Long.toHexString(LongModeSystemTest.START + code.replace(" ", "").length() / 2 + 1),
                    "0x" + Long.toHexString(m.cpu.pc()), what + ": ran to the HLT");
            m.expect(what, expected);
        }
    }
}
