package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/**
 * The system side of the x87 and SSE units on the IA-32 vCPU: #NM from CR0.TS/EM, #UD without CR4.OSFXSR or with
 * CR0.EM, #MF for a pending unmasked x87 exception, #XM (or #UD without CR4.OSXMMEXCPT) for an unmasked SIMD
 * exception, #GP(0) for misaligned 16-byte operands and reserved MXCSR bits; the FNSTENV/FNSAVE/FXSAVE layouts and
 * the FPU state in a saved vCPU state. Guests start with {@link SystemTables#PROLOGUE} (an IDT is installed).
 */
class FpuSystemTest {
    static final IsaProvider ISA = new X86IsaProvider();
    static final long START = Machine.CODE + PROLOGUE_LENGTH;
    /** mov %cr0,%eax; or $imm8,%eax; mov %eax,%cr0 (9 bytes) with the bits to set appended. */
    static final String SET_CR0 = "0f20c0 83c8";
    /** mov %cr4,%eax; and $imm32,%eax; mov %eax,%cr4 (11 bytes) with the mask appended. */
    static final String AND_CR4 = "0f20e0 25";

    record Row(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedOffset) {
        @Override public String toString() { return name; }
    }

    static Row row(String name, String code, int vector, int error, long savedOffset) {
        return new Row(name, code, m -> { }, vector, error, savedOffset);
    }

    static Row row(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedOffset) {
        return new Row(name, code, prepare, vector, error, savedOffset);
    }

    static Stream<Row> exceptions() {
        return Stream.of(
                row("fld1 with CR0.TS is #NM", SET_CR0 + "08 0f22c0 d9e8", 7, -1, 9),
                row("fld1 with CR0.EM is #NM", SET_CR0 + "04 0f22c0 d9e8", 7, -1, 9),
                row("fwait with CR0.TS and CR0.MP is #NM", SET_CR0 + "0a 0f22c0 9b", 7, -1, 9),
                row("addps with CR0.TS is #NM", SET_CR0 + "08 0f22c0 0f58c1", 7, -1, 9),
                row("addps with CR0.EM is #UD", SET_CR0 + "04 0f22c0 0f58c1", 6, -1, 9),
                row("addps without CR4.OSFXSR is #UD", AND_CR4 + "fffdffff 0f22e0 0f58c1", 6, -1, 11),
                row("fxsave with CR0.TS is #NM", SET_CR0 + "08 0f22c0 0fae042500700000", 7, -1, 9),
                row("fxsave to a misaligned address is #GP(0)", "0fae042508700000", 13, 0, 0),
                row("movaps from a misaligned address is #GP(0)", "0f28042508700000", 13, 0, 0),
                row("addpd with a misaligned memory operand is #GP(0)", "660f58042504700000", 13, 0, 0),
                row("ldmxcsr with a reserved bit is #GP(0)", "0fae142500700000", m -> m.memory.write(0x7000, 4, 0x10000), 13, 0, 0),
                row("divss of 1 by zero with ZM clear is #XM", "0fae142500700000 b80000803f 660f6ec0 0f57c9 f30f5ec1",
                        m -> m.memory.write(0x7000, 4, 0x1D80), 19, -1, 20),
                row("divss of 1 by zero with ZM clear and no CR4.OSXMMEXCPT is #UD",
                        AND_CR4 + "fffbffff 0f22e0 0fae142500700000 b80000803f 660f6ec0 0f57c9 f30f5ec1",
                        m -> m.memory.write(0x7000, 4, 0x1D80), 6, -1, 31),
                row("fwait after an unmasked invalid operation is #MF", "d92c2500700000 d9e8 d9e0 d9fa 9b",
                        m -> m.memory.write(0x7000, 2, 0x37E), 16, -1, 13),
                row("the next x87 instruction after an unmasked exception is #MF", "d92c2500700000 d9e8 d9e0 d9fa d9e8",
                        m -> m.memory.write(0x7000, 2, 0x37E), 16, -1, 13),
                row("lock fadd is #UD", "f0d8c1", 6, -1, 0),
                row("an undefined x87 form (D9 D1) is #UD", "d9d1", 6, -1, 0),
                row("pmovmskb from memory is #UD", "660fd70500700000", 6, -1, 0),
                row("xsave is #UD (no XSAVE in CPUID)", "0fae242500700000", 6, -1, 0),
                row("xrstor is #UD", "0fae2c2500700000", 6, -1, 0),
                row("xsaveopt is #UD", "0fae342500700000", 6, -1, 0),
                row("group 15 register form /0 is #UD", "0faec1", 6, -1, 0),
                row("lock lfence is #UD", "f00faee8", 6, -1, 0),
                row("mfence with ModRM.rm = 1 fences, then ud2", "0faef1 0f0b", 6, -1, 3),
                row("sfence with ModRM.rm = 7 fences, then ud2", "0faeff 0f0b", 6, -1, 3),
                row("paddb with CR0.TS is #NM", SET_CR0 + "08 0f22c0 0ffcc1", 7, -1, 9),
                row("paddb with CR0.EM is #UD", SET_CR0 + "04 0f22c0 0ffcc1", 6, -1, 9),
                row("an MMX instruction after an unmasked x87 exception is #MF", "d92c2500700000 d9e8 d9e0 d9fa 0ffcc1",
                        m -> m.memory.write(0x7000, 2, 0x37E), 16, -1, 13),
                row("lock maskmovq is #UD", "f00ff7c1", 6, -1, 0),
                row("lock paddb is #UD", "f00ffc0500700000", 6, -1, 0),
                row("clflush then lfence, then ud2", "0fae3c2500700000 0faee8 0f0b", 6, -1, 11));
    }

    static Machine boot(String code) {
        Machine m = new Machine(ISA, PROLOGUE + code.replace(" ", ""));
        SystemTables.install(m, false);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptions")
    void raisesTheArchitecturalException(Row row) {
        try (Machine m = boot(row.code + "f4")) {
            row.prepare.accept(m);
            VcpuExit exit = m.cpu.run(100);
            String what = "x86 " + row.name + " [" + row.code + "]";
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            if (row.error >= 0) {
                assertEquals(row.error, m.memory.read(sp, 4), what + ": error code");
                sp += 4;
            }
            assertEquals("0x" + Long.toHexString(START + row.savedOffset), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": saved EIP");
        }
    }

    @Test
    void fnstswDoesNotWaitAndShowsThePendingException() {
        // fldcw (IM clear); fld1; fchs; fsqrt (IE unmasked: ES); fnstsw %ax; fnclex; fld1 (no #MF now)
        try (Machine m = boot("d92c2500700000 d9e8 d9e0 d9fa dfe0 dbe2 d9e8 f4")) {
            m.memory.write(0x7000, 2, 0x37E);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            assertEquals(0xB881 & 0xFFFF, m.cpu.register(m.reg("eax")) & 0xFFFF, "x86 fnstsw %ax: B, TOP 7, ES, IE");
        }
    }

    @Test
    void fnstenvWritesTheProtectedModeLayoutAndMasksExceptions() {
        // fld1; fldz; fnstenv 0x7000; fnstcw 0x7100; fldenv 0x7000; fnstcw 0x7102
        try (Machine m = boot("d9e8 d9ee d9342500700000 d93c2500710000 d9242500700000 d93c2502710000 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 fnstenv", "m32[0x7000]=0xffff037f m32[0x7004]=0xffff3000 m32[0x7008]=0xffff1fff"
                    + " m32[0x700c]=0x" + Long.toHexString(START + 2) + " m32[0x7010]=0x01ee0008 m16[0x7100]=0x37f m16[0x7102]=0x37f");
        }
    }

    @Test
    void fnsaveStoresTheStackThenReinitializesAndFrstorBringsItBack() {
        // fld1; fldpi; fnsave 0x7000; fnstsw 0x7200; frstor 0x7000; fnstsw 0x7202; fstpt 0x7210
        try (Machine m = boot("d9e8 d9eb dd342500700000 dd3c2500720000 dd242500700000 dd3c2502720000 db3c2510720000 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 fnsave", "m64[0x701c]=0xc90fdaa22168c235 m16[0x7024]=0x4000 m64[0x7026]=0x8000000000000000 m16[0x702e]=0x3fff"
                    + " m16[0x7200]=0 m16[0x7202]=0x3000 m64[0x7210]=0xc90fdaa22168c235 m16[0x7218]=0x4000");
        }
    }

    @Test
    void fxsaveImageHoldsTheX87AndSseState() {
        // fld1; mov $0x3f800000,%eax; movd %eax,%xmm3; fxsave 0x7000
        try (Machine m = boot("d9e8 b80000803f 660f6ed8 0fae042500700000 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 fxsave", "m16[0x7000]=0x37f m16[0x7002]=0x3800 m8[0x7004]=0x80 m32[0x7018]=0x1f80 m32[0x701c]=0xffff"
                    + " m64[0x7020]=0x8000000000000000 m16[0x7028]=0x3fff m64[0x70d0]=0x3f800000 m64[0x70d8]=0");
        }
    }

    @Test
    void transcendentalsAreTheDoubleApproximation() {
        // fld1; fld1; fpatan; fstpl 0x7000; fld1; fsincos; fstpl 0x7008; fstpl 0x7010; fldpi; fcos; fstpl 0x7018
        try (Machine m = boot("d9e8 d9e8 d9f3 dd1c2500700000 d9e8 d9fb dd1c2508700000 dd1c2510700000 d9eb d9ff dd1c2518700000 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 fpatan, fsincos, fcos", "m64[0x7000]=0x" + Long.toHexString(Double.doubleToLongBits(StrictMath.atan2(1, 1)))
                    + " m64[0x7008]=0x" + Long.toHexString(Double.doubleToLongBits(StrictMath.cos(1)))
                    + " m64[0x7010]=0x" + Long.toHexString(Double.doubleToLongBits(StrictMath.sin(1)))
                    + " m64[0x7018]=0x" + Long.toHexString(Double.doubleToLongBits(StrictMath.cos(Math.PI))));
        }
    }

    @Test
    void savedStateCarriesTheFpuAndXmmRegisters() {
        // mov $0x12345678,%eax; movd %eax,%xmm7; fldpi; hlt  -- then, restored elsewhere: movd %xmm7,%ebx; fstpl 0x7000
        try (Machine a = boot("b878563412 660f6ef8 d9eb f4"); Machine b = boot("660f7efb dd1c2500700000 f4")) {
            assertSame(VcpuExit.HALT, a.cpu.run(100));
            VcpuState saved = a.cpu.save();
            assertEquals(512, saved.extra().length, "x86: the FXSAVE image is the saved state's opaque part");
            long pc = b.cpu.pc();
            b.cpu.restore(saved);
            b.cpu.setPc(START);
            assertSame(VcpuExit.HALT, b.cpu.run(100));
            b.expect("restored fpu state", "ebx=0x12345678 m64[0x7000]=0x400921fb54442d18");
            assertEquals(pc, START - PROLOGUE_LENGTH);
        }
    }
}
