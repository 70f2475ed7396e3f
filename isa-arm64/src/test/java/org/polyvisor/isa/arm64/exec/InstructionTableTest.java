package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Every instruction class the interpreter implements, one row per case: encodings (assembled with GNU as; the
 * assembly is the row's name), state before, state expected after. Runs through the {@link org.polyvisor.spi.Vcpu}
 * interface on flat memory.
 */
class InstructionTableTest {
    private static final int SP = Arm64Registers.SP, LR = 30;
    private static final int NOP = 0xd503201f;

    static Stream<Case> cases() {
        return Stream.of(
            // ADD/SUB (immediate), SP forms
            Case.of("add x0, x1, #0x10", 0x91004020).x(1, 5).expectX(0, 0x15),
            Case.of("add x0, x1, #1, lsl #12", 0x91400420).x(1, 1).expectX(0, 0x1001),
            Case.of("mov sp, x1", 0x9100003f).x(1, 0x40001230L).expectX(SP, 0x40001230L),
            Case.of("mov x0, sp", 0x910003e0).x(SP, 0x4000fff0L).expectX(0, 0x4000fff0L),
            Case.of("adds w0, w1, #1", 0x31000420).x(1, 0xffffffff7fffffffL).expectX(0, 0x80000000L).expectFlags("NzcV"),
            // ADD/SUB (shifted and extended register)
            Case.of("subs x0, x1, x2", 0xeb020020).x(1, 1).x(2, 2).expectX(0, -1).expectFlags("Nzcv"),
            Case.of("cmp x1, x2", 0xeb02003f).x(0, 0x55).x(1, 7).x(2, 7).expectX(0, 0x55).expectFlags("nZCv"),
            Case.of("adds x0, x1, x2", 0xab020020).x(1, -1).x(2, 1).expectX(0, 0).expectFlags("nZCv"),
            Case.of("adds x0, x1, x2 (signed overflow)", 0xab020020).x(1, Long.MAX_VALUE).x(2, 1)
                    .expectX(0, Long.MIN_VALUE).expectFlags("NzcV"),
            Case.of("sub w0, w1, w2, lsl #4", 0x4b021020).x(1, 0x100).x(2, 1).expectX(0, 0xf0),
            Case.of("add x0, sp, w1, uxtw #2", 0x8b214be0).x(SP, 0x1000).x(1, 0xffffffff00000004L).expectX(0, 0x1010),
            Case.of("add x0, x1, w2, sxtb", 0x8b228020).x(1, 0x10).x(2, 0xff).expectX(0, 0xf),
            Case.of("neg x0, x1", 0xcb0103e0).x(1, 5).expectX(0, -5),
            Case.of("add x0, xzr, x1 (31 is XZR here)", 0x8b0103e0).x(SP, 0x1000).x(1, 9).expectX(0, 9),
            Case.of("adds xzr, x1, x2 (31 is XZR: SP unchanged)", 0xab02003f).x(SP, 0x2000).x(1, 1).x(2, -1)
                    .expectX(SP, 0x2000).expectFlags("nZCv"),
            // Logical (immediate and shifted register)
            Case.of("and x0, x1, #0xff", 0x92401c20).x(1, 0x1234).expectX(0, 0x34),
            Case.of("mov x0, #0x5555555555555555", 0xb200f3e0).expectX(0, 0x5555555555555555L),
            Case.of("eor w0, w1, #0xffff", 0x52003c20).x(1, 0xffffffff12345678L).expectX(0, 0x1234a987L),
            Case.of("ands x0, x1, #0x8000000000000000", 0xf2410020).x(1, -1).flags("nzCV")
                    .expectX(0, 0x8000000000000000L).expectFlags("Nzcv"),
            Case.of("bic x0, x1, x2", 0x8a220020).x(1, 0xff).x(2, 0x0f).expectX(0, 0xf0),
            Case.of("orn w0, w1, w2", 0x2a220020).x(1, 0).x(2, 0xffff0000L).expectX(0, 0xffff),
            Case.of("eon x0, x1, x2, lsr #4", 0xca621020).x(1, 0).x(2, 0xf0).expectX(0, 0xfffffffffffffff0L),
            Case.of("ands w0, w1, w2, ror #4", 0x6ac21020).x(1, 0xffffffffL).x(2, 1).flags("NZCV")
                    .expectX(0, 0x10000000L).expectFlags("nzcv"),
            Case.of("mvn x0, x1", 0xaa2103e0).x(1, 0).expectX(0, -1),
            // Move wide
            Case.of("movz x0, #0x1234, lsl #16", 0xd2a24680).x(0, -1).expectX(0, 0x12340000L),
            Case.of("movn x0, #0", 0x92800000).expectX(0, -1),
            Case.of("movn w0, #0", 0x12800000).x(0, 0x1234_0000_0000L).expectX(0, 0xffffffffL),
            Case.of("movk x0, #0xbeef, lsl #32", 0xf2d7dde0).x(0, 0x1111222233334444L).expectX(0, 0x1111beef33334444L),
            Case.of("movk w0, #0xbeef, lsl #16", 0x72b7dde0).x(0, 0xffffffff00001234L).expectX(0, 0xbeef1234L),
            // PC-relative addresses
            Case.of("adr x0, .+0x10", 0x10000080).expectX(0, CODE + 0x10),
            Case.of("adrp x0, .+0x1000", 0x90000000 | (1 << 29)).expectX(0, CODE + 0x1000),
            // Shifts and bitfield moves
            Case.of("lsl x0, x1, x2 (amount mod 64)", 0x9ac22020).x(1, 1).x(2, 65).expectX(0, 2),
            Case.of("lsr w0, w1, w2 (amount mod 32)", 0x1ac22420).x(1, 0x80000000L).x(2, 33).expectX(0, 0x40000000L),
            Case.of("asr x0, x1, x2", 0x9ac22820).x(1, Long.MIN_VALUE).x(2, 63).expectX(0, -1),
            Case.of("ror w0, w1, w2", 0x1ac22c20).x(1, 1).x(2, 1).expectX(0, 0x80000000L),
            Case.of("lsl x0, x1, #4", 0xd37cec20).x(1, 0xf00000000000000fL).expectX(0, 0xf0),
            Case.of("lsr w0, w1, #4", 0x53047c20).x(1, 0xffffffffffffffffL).expectX(0, 0x0fffffffL),
            Case.of("asr x0, x1, #60", 0x937cfc20).x(1, Long.MIN_VALUE).expectX(0, 0xfffffffffffffff8L),
            Case.of("uxtb w0, w1", 0x53001c20).x(1, 0x1ff).expectX(0, 0xff),
            Case.of("sxtw x0, w1", 0x93407c20).x(1, 0x80000000L).expectX(0, 0xffffffff80000000L),
            Case.of("ubfx x0, x1, #8, #8", 0xd3483c20).x(1, 0xabcd).expectX(0, 0xab),
            Case.of("sbfx x0, x1, #4, #4", 0x93441c20).x(1, 0x80).expectX(0, -8),
            Case.of("bfi x0, x1, #8, #8", 0xb3781c20).x(0, 0xffffffffL).x(1, 0x12).expectX(0, 0xffff12ffL),
            Case.of("bfxil w0, w1, #4, #8", 0x33042c20).x(0, -1).x(1, 0xabc0).expectX(0, 0xffffffbcL),
            Case.of("extr x0, x1, x2, #8", 0x93c22020).x(1, 0x11).x(2, 0x2200000000000000L).expectX(0, 0x1122000000000000L),
            Case.of("ror w0, w1, #8", 0x13812020).x(1, 0x12345678).expectX(0, 0x78123456L),
            // Data processing (1 source)
            Case.of("rbit w0, w1", 0x5ac00020).x(1, 0xffffffff00000001L).expectX(0, 0x80000000L),
            Case.of("rev16 x0, x1", 0xdac00420).x(1, 0x0102030405060708L).expectX(0, 0x0201040306050807L),
            Case.of("rev32 x0, x1", 0xdac00820).x(1, 0x0102030405060708L).expectX(0, 0x0403020108070605L),
            Case.of("rev x0, x1", 0xdac00c20).x(1, 0x0102030405060708L).expectX(0, 0x0807060504030201L),
            Case.of("rev w0, w1", 0x5ac00820).x(1, 0xff01020304L).expectX(0, 0x04030201L),
            Case.of("clz x0, x1", 0xdac01020).x(1, 0x0000100000000000L).expectX(0, 19),
            Case.of("clz w0, w1 (zero)", 0x5ac01020).x(1, 0xffffffff00000000L).expectX(0, 32),
            Case.of("cls x0, x1", 0xdac01420).x(1, 0xfff0000000000000L).expectX(0, 11),
            Case.of("cls w0, w1", 0x5ac01420).x(1, 0).expectX(0, 31),
            // Multiply and divide
            Case.of("mul x0, x1, x2", 0x9b027c20).x(1, 6).x(2, 7).expectX(0, 42),
            Case.of("madd w0, w1, w2, w3", 0x1b020c20).x(1, 0x10000).x(2, 0x10000).x(3, 5).expectX(0, 5),
            Case.of("msub x0, x1, x2, x3", 0x9b028c20).x(1, 3).x(2, 4).x(3, 20).expectX(0, 8),
            Case.of("smull x0, w1, w2", 0x9b227c20).x(1, 0xffffffffL).x(2, 2).expectX(0, -2),
            Case.of("umulh x0, x1, x2", 0x9bc27c20).x(1, -1).x(2, -1).expectX(0, 0xfffffffffffffffeL),
            Case.of("smulh x0, x1, x2", 0x9b427c20).x(1, -1).x(2, -1).expectX(0, 0),
            Case.of("udiv x0, x1, x2", 0x9ac20820).x(1, 100).x(2, 7).expectX(0, 14),
            Case.of("udiv x0, x1, x2 (by zero gives 0)", 0x9ac20820).x(0, 5).x(1, 100).x(2, 0).expectX(0, 0),
            Case.of("sdiv w0, w1, w2 (INT_MIN / -1)", 0x1ac20c20).x(1, 0x80000000L).x(2, 0xffffffffL).expectX(0, 0x80000000L),
            Case.of("sdiv w0, w1, w2", 0x1ac20c20).x(1, 0xfffffff9L).x(2, 2).expectX(0, 0xfffffffdL),
            // Conditional select and compare
            Case.of("csel x0, x1, x2, eq (taken)", 0x9a820020).x(1, 1).x(2, 2).flags("nZcv").expectX(0, 1),
            Case.of("csel x0, x1, x2, eq (not taken)", 0x9a820020).x(1, 1).x(2, 2).flags("nzcv").expectX(0, 2),
            Case.of("cset w0, lt", 0x1a9fa7e0).flags("Nzcv").expectX(0, 1),
            Case.of("csinv x0, x1, x2, ne", 0xda821020).x(1, 1).x(2, 0).flags("nZcv").expectX(0, -1),
            Case.of("csneg x0, x1, x2, ne", 0xda821420).x(1, 1).x(2, 5).flags("nZcv").expectX(0, -5),
            Case.of("cinc x0, x1, eq", 0x9a811420).x(1, 41).flags("nZcv").expectX(0, 42),
            Case.of("ccmp x1, x2, #0, eq (compares)", 0xfa420020).x(1, 5).x(2, 5).flags("nZcv").expectFlags("nZCv"),
            Case.of("ccmp x1, x2, #0, eq (takes nzcv)", 0xfa420020).x(1, 5).x(2, 5).flags("NzCV").expectFlags("nzcv"),
            Case.of("ccmn w1, #5, #0xf, ne (takes nzcv)", 0x3a45182f).x(1, 1).flags("nZcv").expectFlags("NZCV"),
            Case.of("ccmn w1, #5, #0xf, ne (compares)", 0x3a45182f).x(1, 0xfffffffbL).flags("nzcv").expectFlags("nZCv"),
            // Loads and stores: unsigned offset, every size and sign extension
            Case.of("str x1, [x2, #8]", 0xf9000441).x(1, 0x1122334455667788L).x(2, DATA).expectMem(DATA + 8, 8, 0x1122334455667788L),
            Case.of("ldr x0, [x2, #8]", 0xf9400440).x(2, DATA).mem(DATA + 8, 8, 0x0102030405060708L).expectX(0, 0x0102030405060708L),
            Case.of("ldr w0, [x2]", 0xb9400040).x(0, -1).x(2, DATA).mem(DATA, 8, 0xffffffff80000001L).expectX(0, 0x80000001L),
            Case.of("strb w1, [x2, #1]", 0x39000441).x(1, 0x1ff).x(2, DATA).expectMem(DATA, 8, 0xff00),
            Case.of("ldrb w0, [x2, #1]", 0x39400440).x(2, DATA).mem(DATA, 8, 0xab00).expectX(0, 0xab),
            Case.of("strh w1, [x2, #2]", 0x79000441).x(1, 0x12345).x(2, DATA).expectMem(DATA, 8, 0x23450000L),
            Case.of("ldrh w0, [x2, #2]", 0x79400440).x(2, DATA).mem(DATA, 8, 0xfedc0000L).expectX(0, 0xfedc),
            Case.of("ldrsb x0, [x2]", 0x39800040).x(2, DATA).mem(DATA, 1, 0x80).expectX(0, -128),
            Case.of("ldrsb w0, [x2]", 0x39c00040).x(2, DATA).mem(DATA, 1, 0x80).expectX(0, 0xffffff80L),
            Case.of("ldrsh x0, [x2]", 0x79800040).x(2, DATA).mem(DATA, 2, 0x8000).expectX(0, -32768),
            Case.of("ldrsw x0, [x2]", 0xb9800040).x(2, DATA).mem(DATA, 4, 0x80000000L).expectX(0, 0xffffffff80000000L),
            Case.of("str wzr, [x2]", 0xb900005f).x(2, DATA).mem(DATA, 8, -1).expectMem(DATA, 8, 0xffffffff00000000L),
            // Unscaled, pre- and post-index, register offset
            Case.of("ldur x0, [x2, #-8]", 0xf85f8040).x(2, DATA + 8).mem(DATA, 8, 0x42).expectX(0, 0x42),
            Case.of("stur w1, [x2, #-3]", 0xb81fd041).x(1, 0xdeadbeefL).x(2, DATA + 3).expectMem(DATA, 4, 0xdeadbeefL),
            Case.of("ldr x0, [x2, #8]!", 0xf8408c40).x(2, DATA).mem(DATA + 8, 8, 7).expectX(0, 7).expectX(2, DATA + 8),
            Case.of("str x1, [x2], #-16", 0xf81f0441).x(1, 9).x(2, DATA + 16).expectMem(DATA + 16, 8, 9).expectX(2, DATA),
            Case.of("ldr x0, [x2, x3, lsl #3]", 0xf8637840).x(2, DATA).x(3, 2).mem(DATA + 16, 8, 0x77).expectX(0, 0x77),
            Case.of("ldr w0, [x2, w3, sxtw #2]", 0xb863d840).x(2, DATA + 16).x(3, 0xfffffffeL).mem(DATA + 8, 4, 0x66).expectX(0, 0x66),
            Case.of("ldrb w0, [x2, x3]", 0x38636840).x(2, DATA).x(3, 5).mem(DATA + 5, 1, 0x99).expectX(0, 0x99),
            Case.of("ldr x0, [x2] (unaligned, across a page)", 0xf9400040).x(2, DATA - 4).mem(DATA - 4, 4, 0x44332211L)
                    .mem(DATA, 4, 0x88776655L).expectX(0, 0x8877665544332211L),
            // Pairs
            Case.of("ldp x0, x1, [x2, #16]", 0xa9410440).x(2, DATA).mem(DATA + 16, 8, 1).mem(DATA + 24, 8, 2).expectX(0, 1).expectX(1, 2),
            Case.of("stp x3, x4, [sp, #-16]!", 0xa9bf13e3).x(SP, DATA + 0x100).x(3, 3).x(4, 4)
                    .expectMem(DATA + 0xf0, 8, 3).expectMem(DATA + 0xf8, 8, 4).expectX(SP, DATA + 0xf0),
            Case.of("ldp x0, x1, [sp], #16", 0xa8c107e0).x(SP, DATA).mem(DATA, 8, 5).mem(DATA + 8, 8, 6)
                    .expectX(0, 5).expectX(1, 6).expectX(SP, DATA + 16),
            Case.of("ldpsw x0, x1, [x2]", 0x69400440).x(2, DATA).mem(DATA, 4, 0xffffffffL).mem(DATA + 4, 4, 1).expectX(0, -1).expectX(1, 1),
            Case.of("stp w3, w4, [x2, #-8]", 0x293f1043).x(2, DATA + 8).x(3, 0x1111111122222222L).x(4, 0x33333333L)
                    .expectMem(DATA, 8, 0x3333333322222222L),
            // Literal loads (the literal follows the code)
            Case.of("ldr x0, .+8", 0x58000040, NOP, 0x89abcdef, 0x01234567).expectX(0, 0x0123456789abcdefL),
            Case.of("ldr w0, .+8", 0x18000040, NOP, 0x89abcdef, 0x01234567).expectX(0, 0x89abcdefL),
            Case.of("ldrsw x0, .+8", 0x98000040, NOP, 0x89abcdef, 0x01234567).expectX(0, 0xffffffff89abcdefL),
            // Branches
            Case.of("b .+8", 0x14000002).expectPc(8),
            Case.of("b .-4", NOP, 0x17ffffff).steps(2).expectPc(0),
            Case.of("bl .+8", 0x94000002).expectPc(8).expectX(LR, CODE + 4),
            Case.of("b.eq .+8 (taken)", 0x54000040).flags("nZcv").expectPc(8),
            Case.of("b.eq .+8 (not taken)", 0x54000040).flags("nzcv").expectPc(4),
            Case.of("b.ne .+8 (not taken)", 0x54000041).flags("nZcv").expectPc(4),
            Case.of("cbz x1, .+8 (taken)", 0xb4000041).x(1, 0).expectPc(8),
            Case.of("cbnz w1, .+8 (w1 is zero)", 0x35000041).x(1, 0x100000000L).expectPc(4),
            Case.of("tbz x1, #40, .+8 (bit set)", 0xb6400041).x(1, 1L << 40).expectPc(4),
            Case.of("tbnz w1, #3, .+8 (bit set)", 0x37180041).x(1, 8).expectPc(8),
            Case.of("br x1", 0xd61f0020).x(1, CODE + 0x40).expectPc(0x40),
            Case.of("blr x1", 0xd63f0020).x(1, CODE + 0x40).expectPc(0x40).expectX(LR, CODE + 4),
            Case.of("ret", 0xd65f03c0).x(LR, CODE + 0x80).expectPc(0x80),
            // Hints, wait, hypercall, exceptions and undefined instructions
            Case.of("nop", NOP).expectPc(4),
            Case.of("yield", 0xd503203f).expectPc(4),
            Case.of("dmb ish; dsb sy; isb", 0xd5033bbf, 0xd5033f9f, 0xd5033fdf).steps(3).x(0, 7).expectX(0, 7),
            // Exclusives and LSE atomics (single vCPU; the cross-thread behaviour is SmpAtomicsTest's)
            Case.of("ldxr x0, [x1]; stxr w2, x3, [x1]", 0xc85f7c20, 0xc8027c23).steps(2).x(1, DATA).x(3, 0x77)
                    .mem(DATA, 8, 0x55).expectX(0, 0x55).expectX(2, 0).expectMem(DATA, 8, 0x77),
            Case.of("stxr w2, x3, [x1] (monitor not armed)", 0xc8027c23).x(1, DATA).x(3, 0x77).x(2, 9)
                    .mem(DATA, 8, 0x55).expectX(2, 1).expectMem(DATA, 8, 0x55),
            Case.of("ldxr; clrex; stxr fails", 0xc85f7c20, 0xd503305f, 0xc8027c23).steps(3).x(1, DATA).x(3, 0x77)
                    .mem(DATA, 8, 0x55).expectX(2, 1).expectMem(DATA, 8, 0x55),
            Case.of("ldxr x0, [x1] (misaligned)", 0xc85f7c20).x(1, DATA + 4)
                    .expectExit(new VcpuExit.Fault("misaligned exclusive or atomic access at 0x40008004", CODE)).expectPc(0),
            Case.of("cas x0, x1, [x2] (equal: stores)", 0xc8a07c41).x(0, 5).x(1, 9).x(2, DATA).mem(DATA, 8, 5)
                    .expectX(0, 5).expectMem(DATA, 8, 9),
            Case.of("cas x0, x1, [x2] (different: no store)", 0xc8a07c41).x(0, 4).x(1, 9).x(2, DATA).mem(DATA, 8, 5)
                    .expectX(0, 5).expectMem(DATA, 8, 5),
            Case.of("casp x0, x1, x2, x3, [x4]", 0x48207c82).x(0, 1).x(1, 2).x(2, 3).x(3, 4).x(4, DATA)
                    .mem(DATA, 8, 1).mem(DATA + 8, 8, 2).expectX(0, 1).expectX(1, 2).expectMem(DATA, 8, 3).expectMem(DATA + 8, 8, 4),
            Case.of("swp x0, x1, [x2]", 0xf8208041).x(0, 0xabc).x(2, DATA).mem(DATA, 8, 0x123)
                    .expectX(1, 0x123).expectMem(DATA, 8, 0xabc),
            Case.of("ldsmax x0, x1, [x2] (signed)", 0xf8204041).x(0, -1).x(2, DATA).mem(DATA, 8, 0x8000000000000000L)
                    .expectX(1, 0x8000000000000000L).expectMem(DATA, 8, -1),
            Case.of("ldumin x0, x1, [x2] (unsigned)", 0xf8207041).x(0, -1).x(2, DATA).mem(DATA, 8, 7)
                    .expectX(1, 7).expectMem(DATA, 8, 7),
            Case.of("ldaddalb w0, w1, [x2] (wraps in the byte)", 0x38e00041).x(0, 0x1ff).x(2, DATA + 1).mem(DATA, 4, 0x11223344)
                    .expectX(1, 0x33).expectMem(DATA, 4, 0x11223244),
            // PSTATE through MSR/MRS
            Case.of("msr nzcv, x1; mrs x0, nzcv", 0xd51b4201, 0xd53b4200).steps(2).x(1, 0xffffffffffffffffL)
                    .expectX(0, 0xf0000000L).expectFlags("NZCV"),
            Case.of("msr daifclr, #0xf; mrs x0, daif", 0xd5034fff, 0xd53b4220).steps(2).x(0, -1).expectX(0, 0),
            Case.of("msr daif, x1; msr daifset, #2", 0xd51b4221, 0xd50342df).steps(2).x(1, 0x100)
                    .expectX(Arm64Registers.CPSR, 0x185),
            Case.of("mrs x0, currentel", 0xd5384240).expectX(0, 4),
            Case.of("msr currentel, x0 (read-only)", 0xd5184240)
                    .expectExit(new VcpuExit.Fault("undefined instruction 0xd5184240", CODE)).expectPc(0),
            Case.of("mrs x0, s3_0_c15_c0_0 (not implemented)", 0xd538f000)
                    .expectExit(new VcpuExit.Fault("undefined instruction 0xd538f000", CODE)).expectPc(0),
            Case.of("mrs x0, sctlr_el1 (reset value)", 0xd5381000).x(0, -1).expectX(0, 0x30d00800L),
            Case.of("msr tpidr_el0, x1; mrs x0, tpidr_el0", 0xd51bd041, 0xd53bd040).steps(2).x(1, 0x1234).expectX(0, 0x1234),
            Case.of("mrs x0, cntfrq_el0", 0xd53be000).expectX(0, 62_500_000L),
            Case.of("mrs x0, midr_el1", 0xd5380000).expectX(0, 0x410fd034L),
            Case.of("mrs x0, id_aa64mmfr0_el1 (48-bit PA, 16-bit ASID, all granules)", 0xd5380700).expectX(0, 0x100025L),
            Case.of("mrs x0, id_aa64isar0_el1 (LSE atomics, CRC32)", 0xd5380600).expectX(0, 0x210000L),
            Case.of("mrs x0, cntvct_el0 (virtual time 0)", 0xd53be040).x(0, -1).expectX(0, 0),
            Case.of("mrs x0, mpidr_el1", 0xd53800a0).expectX(0, 0x80000000L),
            Case.of("msr spsel, #0; mrs x0, spsel", 0xd50040bf, 0xd5384200).steps(2).x(0, -1).expectX(0, 0),
            Case.of("mrs x0, sp_el0 (while current: undefined)", 0xd50040bf, 0xd5384100).steps(2)
                    .expectExit(new VcpuExit.Fault("undefined instruction 0xd5384100", CODE + 4)).expectPc(4),
            Case.of("eret (elr and spsr zero: EL0t at 0)", 0xd69f03e0).expectPc(-CODE).expectX(Arm64Registers.CPSR, 0),
            Case.of("wfi", 0xd503207f).expectExit(VcpuExit.HALT).expectPc(4),
            // HINT space: WFE waits like WFI unless an event is latched or the exclusive monitor is armed
            Case.of("wfe (nothing pending: halt)", 0xd503205f).expectExit(VcpuExit.HALT).expectPc(4),
            Case.of("sevl; wfe (event consumed: no halt)", 0xd50320bf, 0xd503205f).steps(2),
            Case.of("sev; wfe (event consumed: no halt)", 0xd503209f, 0xd503205f).steps(2),
            Case.of("sevl; wfe; wfe (second one halts)", 0xd50320bf, 0xd503205f, 0xd503205f).steps(3)
                    .expectExit(VcpuExit.HALT).expectPc(12),
            Case.of("ldxr x1, [x2]; wfe (monitor armed: no halt)", 0xc85f7c41, 0xd503205f).steps(2).x(2, DATA),
            Case.of("yield; nop; hint #0x7f; hint #0x6 (no-ops)", 0xd503203f, 0xd503201f, 0xd5032fff, 0xd50320df)
                    .steps(4).x(0, 5).expectX(0, 5),
            // CRC32 (more in Crc32InstructionTest)
            Case.of("crc32b w0, w1, w2", 0x1ac24020).x(1, 0xffffffffL).x(2, 0x31).expectX(0, 0x7c231048L),
            Case.of("crc32x w0, w1, x2 with sf=0 (undefined)", 0x1ac24c20)
                    .expectExit(new VcpuExit.Fault("undefined instruction 0x1ac24c20", CODE)).expectPc(0),
            Case.of("hvc #0xea1", 0xd401d422).expectExit(VcpuExit.HYPERCALL).expectPc(4),
            Case.of("hvc #1", 0xd4000022).expectExit(new VcpuExit.Fault("hvc #0x1 with no exception vectors installed", CODE)).expectPc(0),
            Case.of("svc #0", 0xd4000001).expectExit(new VcpuExit.Fault("svc #0x0 with no exception vectors installed", CODE)).expectPc(0),
            Case.of("brk #1", 0xd4200020).expectExit(new VcpuExit.Fault("brk #0x1 with no exception vectors installed", CODE)).expectPc(0),
            Case.of("udf #0xdead", 0x0000dead).expectExit(new VcpuExit.Fault("undefined instruction 0x0000dead", CODE)).expectPc(0),
            Case.of(".inst 0xffffffff", 0xffffffff).expectExit(new VcpuExit.Fault("undefined instruction 0xffffffff", CODE)).expectPc(0),
            Case.of("and w0, w1, #reserved (N=1 with sf=0)", 0x12400000).expectExit(new VcpuExit.Fault("undefined instruction 0x12400000", CODE)).expectPc(0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void executes(Case c) {
        try (TestMachine m = new TestMachine()) {
            m.code(CODE, c.code);
            c.regs.forEach(m.vcpu::setRegister);
            if (c.flags != null) m.vcpu.setRegister(Arm64Registers.CPSR, nzcv(c.flags) | 0x3c5);
            for (long[] w : c.mem) m.memory.write(w[0], (int) w[1], w[2]);

            VcpuExit exit = m.vcpu.run(c.steps);

            String what = "arm64 " + c.asm + " (" + hexWords(c.code) + ")";
            assertEquals(c.expectExit, exit, what + ": exit");
            long pc = c.expectPcOffset != null ? c.expectPcOffset : 4L * c.steps;
            assertEquals(hex(CODE + pc), hex(m.vcpu.pc()), what + ": pc");
            for (Map.Entry<Integer, Long> e : c.expectRegs.entrySet())
                assertEquals(hex(e.getValue()), hex(m.vcpu.register(e.getKey())), what + ": register " + name(e.getKey()));
            if (c.expectFlags != null)
                assertEquals(c.expectFlags, flags(m.vcpu.register(Arm64Registers.CPSR)), what + ": NZCV");
            for (long[] w : c.expectMem)
                assertEquals(hex(w[2]), hex(m.memory.read(w[0], (int) w[1])), what + ": memory at " + hex(w[0]));
        }
    }

    static long nzcv(String f) {
        long v = 0;
        for (int k = 0; k < 4; k++) if (Character.isUpperCase(f.charAt(k))) v |= 1L << (31 - k);
        return v;
    }

    static String flags(long cpsr) {
        String names = "NZCV";
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < 4; k++) {
            char ch = names.charAt(k);
            b.append((cpsr & (1L << (31 - k))) != 0 ? ch : Character.toLowerCase(ch));
        }
        return b.toString();
    }

    private static String name(int reg) { return Arm64Registers.SET.all().get(reg).name(); }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    private static String hexWords(int[] words) {
        StringBuilder b = new StringBuilder();
        for (int w : words) b.append(b.isEmpty() ? "" : " ").append(String.format("%08x", w));
        return b.toString();
    }
}
