package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * MMX on the IA-32 vCPU, one row per case: MOVD/MOVQ, the packed-integer arithmetic, logic, compares, shifts, unpacks
 * and packs on 64-bit MMX registers, and the x87 state the SDM (Vol. 1, 9.5-9.6) makes them share: MMn is bits 63:0
 * of physical register Rn with the exponent and sign set to ones, TOP = 0 and all tags valid after an MMX
 * instruction, all tags empty after EMMS (read back with FNSTENV and FNSAVE). MM0/MM1 are loaded from 0x2000 and
 * 0x2008 (movq (%esi),%mm0; movq 8(%esi),%mm1) and the result stored at 0x3000 (movq %mm0,(%edi)).
 */
class MmxTest {
    static final String LOAD = "0f6f06 0f6f4e08", STORE = "0f7f07";
    static final String AT = "esi=0x2000 edi=0x3000 ";

    static Stream<Arguments> rows() {
        return Stream.of(
            row("movd r32 to mm and back", "eax=0x12345678", "0f6ec0 0f7ec3", 2, "ebx=0x12345678"),
            row("movd zero-extends into the MMX register", AT + "m64[0x2000]=-1 eax=7", LOAD + " 0f6ec0" + STORE, 4, "m64[0x3000]=7"),
            row("movd from memory, movd to memory", AT + "m32[0x2000]=0xcafe", "0f6e06 0f7e07", 2, "m32[0x3000]=0xcafe"),
            row("movq mm to mm", AT + "m64[0x2008]=0x1122334455667788", LOAD + " 0f6fc1" + STORE, 4, "m64[0x3000]=0x1122334455667788"),
            row("paddb wraps per byte", AT + "m64[0x2000]=0x01ff7f80 m64[0x2008]=0x01010101", LOAD + " 0ffcc1" + STORE, 4,
                    "m64[0x3000]=0x02008081"),
            row("paddsw saturates", AT + "m64[0x2000]=0x7fff8000 m64[0x2008]=0x0001ffff", LOAD + " 0fedc1" + STORE, 4,
                    "m64[0x3000]=0x7fff8000"),
            row("paddusb saturates unsigned", AT + "m64[0x2000]=0xf0 m64[0x2008]=0x20", LOAD + " 0fdcc1" + STORE, 4, "m64[0x3000]=0xff"),
            row("psubd", AT + "m64[0x2000]=0x0000000500000001 m64[0x2008]=0x0000000100000002", LOAD + " 0ffac1" + STORE, 4,
                    "m64[0x3000]=0x00000004ffffffff"),
            row("paddq", AT + "m64[0x2000]=-1 m64[0x2008]=2", LOAD + " 0fd4c1" + STORE, 4, "m64[0x3000]=1"),
            row("pcmpeqb", AT + "m64[0x2000]=0x1122334455667788 m64[0x2008]=0x1100334400667700", LOAD + " 0f74c1" + STORE, 4,
                    "m64[0x3000]=0xff00ffff00ffff00"),
            row("pcmpgtw is signed", AT + "m64[0x2000]=0x00018000 m64[0x2008]=0x00007fff", LOAD + " 0f65c1" + STORE, 4,
                    "m64[0x3000]=0x0000ffff0000"),
            row("pand, pandn, por, pxor", AT + "m64[0x2000]=0xff00ff00 m64[0x2008]=0x0ff00ff0",
                    LOAD + " 0fdbc1" + STORE + " 0f6f06 0fdfc1 0f7f4708 0f6f06 0febc1 0f7f4710 0f6f06 0fefc1 0f7f4718", 13,
                    "m64[0x3000]=0x0f000f00 m64[0x3008]=0x00f000f0 m64[0x3010]=0xfff0fff0 m64[0x3018]=0xf0f0f0f0"),
            row("psllq $4 (group 14)", AT + "m64[0x2000]=0x0123456789abcdef", LOAD + " 0f73f004" + STORE, 4, "m64[0x3000]=0x123456789abcdef0"),
            row("psraw $15 (group 12)", AT + "m64[0x2000]=0x80007fff00010000", LOAD + " 0f71e00f" + STORE, 4, "m64[0x3000]=0xffff000000000000"),
            row("psrlw by a register count", AT + "m64[0x2000]=0xff00ff00ff00ff00 m64[0x2008]=8", LOAD + " 0fd1c1" + STORE, 4,
                    "m64[0x3000]=0x00ff00ff00ff00ff"),
            row("psrlq by 64 or more clears", AT + "m64[0x2000]=-1 m64[0x2008]=64", LOAD + " 0fd3c1" + STORE, 4, "m64[0x3000]=0"),
            row("punpcklbw", AT + "m64[0x2000]=0x44332211 m64[0x2008]=0xddccbbaa", LOAD + " 0f60c1" + STORE, 4,
                    "m64[0x3000]=0xdd44cc33bb22aa11"),
            row("punpckhdq", AT + "m64[0x2000]=0x1111111122222222 m64[0x2008]=0x3333333344444444", LOAD + " 0f6ac1" + STORE, 4,
                    "m64[0x3000]=0x3333333311111111"),
            row("packuswb saturates", AT + "m64[0x2000]=0x0100ff80007f0001 m64[0x2008]=0xfffe000200030004", LOAD + " 0f67c1" + STORE, 4,
                    "m64[0x3000]=0x00020304ff007f01"),
            row("packssdw saturates", AT + "m64[0x2000]=0x0001000000000005 m64[0x2008]=0xffff0000fffffffb", LOAD + " 0f6bc1" + STORE, 4,
                    "m64[0x3000]=0x8000fffb7fff0005"),
            row("pmullw and pmulhw", AT + "m64[0x2000]=0x7fff0003 m64[0x2008]=0x00020004",
                    LOAD + " 0f6fd0 0fd5c1 0fe5d1" + STORE + " 0f7f5708", 7, "m64[0x3000]=0xfffe000c m64[0x3008]=0x0000"),
            row("pmaddwd", AT + "m64[0x2000]=0x0000000200000003 m64[0x2008]=0x0000000500000007", LOAD + " 0ff5c1" + STORE, 4,
                    "m64[0x3000]=0x0000000a00000015"),
            row("pextrw and pinsrw", AT + "m64[0x2000]=0x4444333322221111 eax=0xabcd", LOAD + " 0fc5d802 0fc4c000" + STORE, 5,
                    "ebx=0x3333 m64[0x3000]=0x444433332222abcd"),
            row("pmovmskb", AT + "m64[0x2000]=0x8000800000808080", LOAD + " 0fd7c0", 3, "eax=0xa7"),
            row("maskmovq stores the bytes whose mask byte has bit 7 set", AT + "m64[0x2000]=0x8877665544332211"
                    + " m64[0x2008]=0x80007f80ff000080 m64[0x3000]=-1", LOAD + " 0ff7c1", 3, "m64[0x3000]=0x88ffff5544ffff11"),
            row("maskmovq (67) addresses with DI", AT + "m64[0x2000]=0x42 m64[0x2008]=0x80 edi=0x13000", LOAD + " 670ff7c1", 3,
                    "m8[0x3000]=0x42 m8[0x13000]=0"),
            row("pshufw reverses the words", AT + "m64[0x2008]=0x4444333322221111", LOAD + " 0f70c11b" + STORE, 4,
                    "m64[0x3000]=0x1111222233334444"),
            // fld1 twice (R7, R6), two MMX loads (R0, R1), fnstenv (%edi): TOP = 0 and no register empty, so FNSTENV's
            // tags come from the contents: R0 and R1 special (exponent all ones), R2-R5 zero, R6 and R7 valid.
            row("an MMX instruction sets TOP = 0 and every register non-empty", AT + "m64[0x2000]=5",
                    "d9e8 d9e8" + LOAD + " d937", 5, "m16[0x3004]=0 m16[0x3008]=0x055a"),
            row("emms empties the tags", AT + "m64[0x2000]=5", LOAD + " 0f77 d937", 4, "m16[0x3008]=0xffff"),
            row("mm0 is R0's mantissa with the exponent and sign set", AT + "m64[0x2000]=0x0123456789abcdef",
                    LOAD + " dd37", 3, "m64[0x301c]=0x0123456789abcdef m16[0x3024]=0xffff"));  // fnsave (%edi): ST0 = R0
    }

    private static Arguments row(String name, String before, String code, int steps, String after) {
        return Arguments.of(name, before, code, steps, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String before, String code, int steps, String after) {
        try (Machine m = new Machine(new X86IsaProvider(), code)) {
            m.set(before);
            VcpuExit exit = m.cpu.run(steps);
            assertSame(VcpuExit.BUDGET_SPENT, exit, "x86 " + name + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect(name + " [" + code + "]", after);
        }
    }
}
