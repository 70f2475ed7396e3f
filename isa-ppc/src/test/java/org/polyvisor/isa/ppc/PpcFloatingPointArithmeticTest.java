package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * FP arithmetic where the qemu-ppc vectors cannot reach (QEMU's user mode traps enabled exceptions, and QEMU neither
 * sets FR nor adjusts exponents): enabled invalid and zero-divide leaving FRT alone, the OE/UE exponent-adjusted
 * results, the enabled-exception program interrupt with SRR1 bit 11, directed rounding with FR, the single rounding
 * of the fused multiply-add and fnmadd's round-then-negate. Each row: FPSCR before, FRA (f1), FRB (f2), FRC (f3), the
 * instruction (FRT = f5, which starts as a sentinel), and f5 and the FPSCR after.
 */
class PpcFloatingPointArithmeticTest {
    private static final long CODE = 0x1000, DATA = 0x8000, SENTINEL = 0x5a5a_5a5a_5a5a_5a5aL;
    // lfd f4,24(r4); mtfsf 255,f4; lfd f1,0(r4); lfd f2,8(r4); lfd f3,16(r4); lfd f5,48(r4)
    private static final int[] BEFORE = {0xc8840018, 0xfdfe258e, 0xc8240000, 0xc8440008, 0xc8640010, 0xc8a40030};
    // stfd f5,32(r4); mffs f6; stfd f6,40(r4)
    private static final int[] AFTER = {0xd8a40020, 0xfcc0048e, 0xd8c40028};
    private static final long ONE = 0x3ff0_0000_0000_0000L;

    record Row(String name, long fpscr, long a, long b, long c, int insn, long f5, long fpscrAfter) {
        @Override public String toString() { return name; }
    }

    // FRT = 5, FRA = 1, FRB = 2, FRC = 3
    private static final int FADD = 0xfca1102a, FDIV = 0xfca11024, FMUL = 0xfca100f2, FSQRT = 0xfca0102c,
            FMADD = 0xfca110fa, FNMADD = 0xfca110fe, FMADDS = 0xeca110fa, FCTIWZ = 0xfca0101e, FCTIW = 0xfca0101c,
            FRSP = 0xfca01018, FADDS = 0xeca1102a;

    static Stream<Row> rows() {
        return Stream.of(
            new Row("fadd 1 + 2^-60 rounds to 1 (XX FI, FX)", 0, ONE, 0x3c30_0000_0000_0000L, 0, FADD, ONE, 0x8202_4000L),
            new Row("fadd 1 + 2^-60 toward +inf (FR)", 2, ONE, 0x3c30_0000_0000_0000L, 0, FADD, ONE + 1, 0x8206_4002L),
            new Row("fadd 1 + 2^-60 toward zero", 1, ONE, 0x3c30_0000_0000_0000L, 0, FADD, ONE, 0x8202_4001L),
            new Row("fadd -1 - 2^-60 toward -inf (FR)", 3, 0xbff0_0000_0000_0000L, 0xbc30_0000_0000_0000L, 0, FADD,
                    0xbff0_0000_0000_0001L, 0x8206_8003L),
            new Row("fadd 1 - 1 toward -inf is -0", 3, ONE, 0xbff0_0000_0000_0000L, 0, FADD, 1L << 63, 0x0001_2003L),
            new Row("fmadd one rounding: (1+2^-30)^2 - (1+2^-29) = 2^-60", 0, 0x3ff0_0000_0040_0000L,
                    0xbff0_0000_0080_0000L, 0x3ff0_0000_0040_0000L, FMADD, 0x3c30_0000_0000_0000L, 0x0000_4000L),
            new Row("fmadds rounds once: 1 + 2^-24 + 2^-77 to single is 1 + 2^-23", 0, 0x3ff0_0000_1000_0000L,
                    0x3b20_0000_0000_0000L, ONE, FMADDS, 0x3ff0_0000_2000_0000L, 0x8206_4000L),
            new Row("fnmadd rounds, then negates (toward +inf)", 2, ONE, 0x3c30_0000_0000_0000L, ONE, FNMADD,
                    0xbff0_0000_0000_0001L, 0x8206_8002L),
            new Row("fdiv 1/0 with ZE = 1 leaves FRT", 0x10, ONE, 0, 0, FDIV, SENTINEL, 0xc400_0010L),
            new Row("fdiv 1/0 with ZE = 0 gives +inf", 0, ONE, 0, 0, FDIV, 0x7ff0_0000_0000_0000L, 0x8400_5000L),
            new Row("fsqrt -1 with VE = 1 leaves FRT", 0x80, 0, 0xbff0_0000_0000_0000L, 0, FSQRT, SENTINEL, 0xe000_0280L),
            new Row("fsqrt -1 with VE = 0 gives the default QNaN", 0, 0, 0xbff0_0000_0000_0000L, 0, FSQRT,
                    0x7ff8_0000_0000_0000L, 0xa001_1200L),
            new Row("fmul overflow with OE = 1: exponent reduced by 1536", 0x40, 0x7fef_ffff_ffff_ffffL, 0,
                    0x4000_0000_0000_0000L, FMUL, 0x1fff_ffff_ffff_ffffL, 0xd000_4040L),
            new Row("fmul overflow with OE = 0 toward zero gives MAX", 1, 0x7fef_ffff_ffff_ffffL, 0,
                    0x4000_0000_0000_0000L, FMUL, 0x7fef_ffff_ffff_ffffL, 0x9202_4001L),
            new Row("fmul underflow with UE = 1: exponent raised by 1536", 0x20, 0x0170_0000_0000_0000L, 0,
                    0x39b0_0000_0000_0000L, FMUL, 0x5b30_0000_0000_0000L, 0xc800_4020L),
            new Row("fmul tiny inexact with UE = 0: denormal, UX XX", 0, 0x0010_0000_0000_0001L, 0,
                    0x3fe0_0000_0000_0000L, FMUL, 0x0008_0000_0000_0000L, 0x8a03_4000L),
            new Row("fadds denormal single result is classed denormal", 0, 0x36a0_0000_0000_0000L, 0, 0, FADDS,
                    0x36a0_0000_0000_0000L, 0x0001_4000L),
            new Row("fctiwz 2.75 truncates (XX FI)", 0, 0, 0x4006_0000_0000_0000L, 0, FCTIWZ, 2, 0x8202_0000L),
            new Row("fctiw -2.5 to even", 0, 0, 0xc004_0000_0000_0000L, 0, FCTIW, -2, 0x8202_0000L),
            new Row("fctiw 2^31 overflows (VXCVI)", 0, 0, 0x41e0_0000_0000_0000L, 0, FCTIW, 0x7fff_ffffL, 0xa001_1100L),
            new Row("frsp 1+2^-24 ties to even", 0, 0, 0x3ff0_0000_1000_0000L, 0, FRSP, ONE, 0x8202_4000L),
            new Row("frsp 1+2^-24 toward +inf", 2, 0, 0x3ff0_0000_1000_0000L, 0, FRSP, 0x3ff0_0000_2000_0000L, 0x8206_4002L));
    }

    private static FlatGuestMemory memory(Row r) {
        FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);
        int k = 0;
        for (int w : BEFORE) mem.write(CODE + 4L * k++, 4, w & 0xffff_ffffL);
        mem.write(CODE + 4L * k++, 4, r.insn() & 0xffff_ffffL);
        for (int w : AFTER) mem.write(CODE + 4L * k++, 4, w & 0xffff_ffffL);
        long[] data = {r.a(), r.b(), r.c(), r.fpscr(), 0, 0, SENTINEL};
        for (int d = 0; d < data.length; d++) {
            mem.write(DATA + 8L * d, 4, data[d] >>> 32);
            mem.write(DATA + 8L * d + 4, 4, data[d] & 0xffff_ffffL);
        }
        return mem;
    }

    private static Vcpu vcpu(FlatGuestMemory mem, long msr) {
        Vcpu v = new PpcIsaProvider().createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        v.setRegister(MSR, msr);
        v.setRegister(4, DATA);
        return v;
    }

    private static long read64(FlatGuestMemory mem, long at) { return mem.read(at, 4) << 32 | mem.read(at + 4, 4); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void computes(Row r) {
        try (FlatGuestMemory mem = memory(r)) {
            Vcpu v = vcpu(mem, 0x2000);
            String where = String.format("ppc %s (%08x): ", r.name(), r.insn());
            assertEquals(VcpuExit.BUDGET_SPENT, v.run(BEFORE.length + 1 + AFTER.length), where + "exit");
            assertEquals(Long.toHexString(r.f5()), Long.toHexString(read64(mem, DATA + 32)), where + "f5");
            assertEquals(Long.toHexString(r.fpscrAfter()), Long.toHexString(read64(mem, DATA + 40) & 0xffff_ffffL),
                    where + "fpscr");
        }
    }

    @Test
    void enabledExceptionTakesTheProgramInterruptAfterUpdatingTheFpscr() {
        Row r = new Row("fdiv 1/0, ZE = 1, MSR[FE0] = 1", 0x10, ONE, 0, 0, FDIV, 0, 0);
        try (FlatGuestMemory mem = memory(r)) {
            mem.write(0x700, 4, 0x48000000);                // b . at the program vector
            Vcpu v = vcpu(mem, 0x2000 | 0x1000 | 0x800);     // FP, ME, FE0
            assertEquals(VcpuExit.BUDGET_SPENT, v.run(BEFORE.length + 2));
            long fdivAt = CODE + 4L * BEFORE.length;
            assertEquals(0x700, v.pc(), "ppc enabled FP exception: pc at 0x700");
            assertEquals(fdivAt, v.register(SRR0), "ppc enabled FP exception: SRR0 at the fdiv");
            assertEquals(0x0010_0000L | 0x3800, v.register(SRR1), "ppc enabled FP exception: SRR1 bit 11 and the MSR");
            assertEquals(0x1000, v.register(MSR), "ppc enabled FP exception: MSR on entry");
        }
    }

    @Test
    void unmaskingFpExceptionsWithFexSetInterruptsAtTheNextInstruction() {
        // FPSCR = ZX, ZE (so FEX); then li r7,0x800 (FE0); mfmsr r8; or r8,r8,r7; mtmsr r8; nop
        Row r = new Row("mtmsr FE0 with FEX set", 0x0400_0010L, 0, 0, 0, 0x60000000, 0, 0);
        try (FlatGuestMemory mem = memory(r)) {
            mem.write(0x700, 4, 0x48000000L);
            int[] tail = {0x38e00800, 0x7d0000a6, 0x7d083b78, 0x7d000124, 0x60000000};
            for (int k = 0; k < tail.length; k++) mem.write(CODE + 4L * (BEFORE.length + k), 4, tail[k] & 0xffff_ffffL);
            Vcpu v = vcpu(mem, 0x2000 | 0x1000);
            assertEquals(VcpuExit.BUDGET_SPENT, v.run(BEFORE.length + 4));
            long mtmsrAt = CODE + 4L * (BEFORE.length + 3);
            assertEquals(0x700, v.pc(), "ppc mtmsr FE0 with FEX: pc at 0x700");
            assertEquals(mtmsrAt + 4, v.register(SRR0), "ppc mtmsr FE0 with FEX: SRR0 after the mtmsr");
            assertEquals(0x0010_0000L | 0x3800, v.register(SRR1), "ppc mtmsr FE0 with FEX: SRR1 bit 11 and the new MSR");
        }
    }

    @Test
    void enabledExceptionWithoutHandlerCrashes() {
        Row r = new Row("fsqrt -1, VE = 1, MSR[FE1] = 1", 0x80, 0, 0xbff0_0000_0000_0000L, 0, FSQRT, 0, 0);
        try (FlatGuestMemory mem = memory(r)) {
            VcpuExit exit = vcpu(mem, 0x2000 | 0x100).run(BEFORE.length + 1);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, exit, "ppc enabled FP exception, no handler");
            assertTrue(f.reason().contains("floating-point enabled exception"), "ppc: " + f.reason());
        }
    }

    @Test
    void arithmeticNeedsMsrFp() {
        for (int word : List.of(FADD, FMADD, FCTIW, 0xfc00004c /* mtfsb1 0 */, 0xfc000080 /* mcrfs */)) {
            Row r = new Row("", 0, 0, 0, 0, word, 0, 0);
            try (FlatGuestMemory mem = memory(r)) {
                Vcpu v = vcpu(mem, 0x2000);
                assertEquals(VcpuExit.BUDGET_SPENT, v.run(BEFORE.length));
                v.setRegister(MSR, 0);
                VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, v.run(1), String.format("ppc %08x FP = 0", word));
                assertTrue(f.reason().contains("MSR[FP] = 0"), "ppc: " + f.reason());
            }
        }
    }

    @Test
    void mcrfsCopiesAFieldAndClearsItsExceptionBits() {
        // FPSCR = FX OX | UX ZX XX VXSNAN; mcrfs cr2,0 then mcrfs cr3,1
        Row r = new Row("mcrfs", 0x9f00_0000L, 0, 0, 0, 0xfd000080, 0, 0);
        try (FlatGuestMemory mem = memory(r)) {
            mem.write(CODE + 4L * BEFORE.length, 4, 0xfd000080L);
            mem.write(CODE + 4L * (BEFORE.length + 1), 4, 0xfd840080L);
            mem.write(CODE + 4L * (BEFORE.length + 2), 4, 0xfcc0048eL);
            mem.write(CODE + 4L * (BEFORE.length + 3), 4, 0xd8c40028L);
            Vcpu v = vcpu(mem, 0x2000);
            assertEquals(VcpuExit.BUDGET_SPENT, v.run(BEFORE.length + 4));
            assertEquals(0x00bf_0000L, v.register(CR) & 0x00ff_ff00L, "ppc mcrfs: CR2 = FX VX OX, CR3 = UX ZX XX VXSNAN");
            assertEquals(0, read64(mem, DATA + 40) & 0xffff_ffffL, "ppc mcrfs: exception bits cleared, VX follows");
        }
    }
}
