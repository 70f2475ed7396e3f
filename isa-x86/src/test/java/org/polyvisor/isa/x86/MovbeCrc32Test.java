package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * The 0F 38 instructions of the IA-32 vCPU: MOVBE loads and stores (SDM Vol. 2B "MOVBE") and CRC32 (Vol. 2A
 * "CRC32": CRC-32C, no inversions, flags unchanged), one row per case. Bulk results against the host CPU are in
 * conformance/native/insns.vectors; the #UD forms (MOVBE with a register, LOCK, F3) are rows of {@link ProtectedModeTest}.
 */
class MovbeCrc32Test {
    /** "123456789" at 0x2000: the check string of CRC catalogues (CRC-32C of it is E3069283H). */
    static final String CHECK = "m64[0x2000]=0x3837363534333231 m8[0x2008]=0x39";

    static Stream<Arguments> rows() {
        return Stream.of(
            row("movbe load 32", "0f38f003", "ebx=0x2000 m32[0x2000]=0x11223344", 1, "eax=0x44332211"),
            row("movbe load 16 (66) keeps the upper half", "660f38f003", "eax=0xabcd0000 ebx=0x2000 m16[0x2000]=0x1234", 1,
                    "eax=0xabcd3412"),
            row("movbe store 32", "0f38f103", "eax=0x11223344 ebx=0x2000", 1, "m32[0x2000]=0x44332211 eax=0x11223344"),
            row("movbe store 16 (66)", "660f38f10b", "ecx=0xffffa1b2 ebx=0x2000 m32[0x2000]=0x55555555", 1, "m32[0x2000]=0x5555b2a1"),
            row("movbe leaves the flags", "0f38f003", "ebx=0x2000 cf=1 zf=1 of=1", 1, "cf=1 zf=1 of=1"),
            row("crc32 of the check string (crc32l, crc32l, crc32b), inverted before and after", "b8ffffffff f20f38f103"
                    + " f20f38f14304 f20f38f04308 f7d0", "ebx=0x2000 " + CHECK, 5, "eax=0xe3069283"),
            row("crc32 check string bytewise", "b8ffffffff f20f38f003 f20f38f04301 f20f38f04302 f20f38f04303 f20f38f04304"
                    + " f20f38f04305 f20f38f04306 f20f38f04307 f20f38f04308 f7d0", "ebx=0x2000 " + CHECK, 11, "eax=0xe3069283"),
            row("crc32w (66) check string in words", "b8ffffffff 66f20f38f103 66f20f38f14302 66f20f38f14304 66f20f38f14306"
                    + " f20f38f04308 f7d0", "ebx=0x2000 " + CHECK, 7, "eax=0xe3069283"),
            row("crc32b %cl,%eax: one step from zero is the table entry", "f20f38f0c1", "eax=0 ecx=1", 1, "eax=0xf26b8303"),
            row("crc32b %ah,%eax", "f20f38f0c4", "eax=0x0100", 1, "eax=0xf26b8302"),
            row("crc32 leaves the flags", "f20f38f1c1", "eax=0 ecx=0x12345678 cf=1 zf=1 sf=1", 1, "cf=1 zf=1 sf=1"));
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
            m.expect(name + " [" + code + "]", after);
        }
    }
}
