package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * The protected-mode selector instructions of the IA-32 vCPU, at CPL 0 on the GDT of {@link
 * org.polyvisor.isa.x86.testing.SystemTables} (after its prologue): LAR, LSL, VERR, VERW (SDM Vol. 2A/2B pages of
 * those names: the descriptor types each accepts, DPL against CPL and RPL, conforming code, the answer in ZF with
 * the other flags kept), ARPL, LDS/LES/LSS/LFS/LGS (the segment load checks of MOV Sreg), MOV to and from DR0-7
 * (DR6/DR7 fixed bits, DR4/DR5 aliases), and CPUID leaf 0AH (no performance counters). One row per case: the
 * state before, guest code (a HLT follows) and the state after. Their exceptions are rows of {@link ProtectedModeTest}.
 */
class SelectorInstructionsTest {
    /** mov $sel,%ecx (LAR and LSL answer in EDX: the prologue leaves 0x28 in AX). */
    static String ecx(int sel) { return "b9" + ProtectedModeTest.le32(sel); }

    static final String LAR = "0f02d1", LSL = "0f03d1", VERR = "0f00e1", VERW = "0f00e9";
    /** A 32-bit call gate (type C, DPL 3) to KERNEL_CS:0x1234 written over GDT slot 0x30. */
    static final String CALL_GATE = "m64[0x3030]=" + gateText(0xC, 3);
    /** A 32-bit interrupt gate (type E, DPL 3) written over GDT slot 0x30: not a descriptor LAR accepts. */
    static final String INTERRUPT_GATE = "m64[0x3030]=" + gateText(0xE, 3);

    private static String gateText(int type, int dpl) {
        return "0x" + Long.toHexString(gate(KERNEL_CS, 0x1234, type, dpl, true));
    }

    static Stream<Arguments> rows() {
        return Stream.of(
            row("lar of kernel code: access byte and flags nibble", "zf=0 cf=1", ecx(KERNEL_CS) + LAR, "edx=0x00c09a00 zf=1 cf=1"),
            row("lar of user data at CPL 0", "zf=0", ecx(USER_DS) + LAR, "edx=0x00c0f200 zf=1"),
            row("lar of the busy TSS", "zf=0", ecx(TSS_SEL) + LAR, "edx=0x00008b00 zf=1"),
            row("lar of the LDT descriptor", "zf=0", ecx(LDT_SEL) + LAR, "edx=0x00008200 zf=1"),
            row("lar does not check P", "zf=0", ecx(ABSENT_DS) + LAR, "edx=0x00c01200 zf=1"),
            row("lar of a call gate", "zf=0 " + CALL_GATE, ecx(ABSENT_DS) + LAR, "edx=0x0000ec00 zf=1"),
            row("lar of an interrupt gate: ZF = 0, edx kept", "zf=1 edx=0x55 " + INTERRUPT_GATE, ecx(ABSENT_DS) + LAR, "edx=0x55 zf=0"),
            row("lar of a null selector: ZF = 0", "zf=1 edx=0x55", ecx(3) + LAR, "edx=0x55 zf=0"),
            row("lar past the GDT limit: ZF = 0", "zf=1 edx=0x55", ecx(0x78) + LAR, "edx=0x55 zf=0"),
            row("lar with RPL 3 of a DPL 0 segment: ZF = 0", "zf=1 edx=0x55", ecx(KERNEL_DS | 3) + LAR, "edx=0x55 zf=0"),
            row("lar with RPL 3 of conforming code", "zf=0", ecx(CONFORMING_CS | 3) + LAR, "edx=0x00c09e00 zf=1"),
            row("lar of an LDT entry", "zf=0", ecx(LDT_SEL) + "0f00d1" + ecx(0x0C) + LAR, "edx=0x00c09200 zf=1"),
            row("lar (66) keeps the upper half", "zf=0 eax=0x12345678", ecx(KERNEL_CS) + "660f02c1", "eax=0x12349a00 zf=1"),
            row("lar of a selector in memory", "zf=0 ebx=0x2000 m16[0x2000]=0x10", "0f0203", "eax=0x00c09200 zf=1"),
            row("lsl of flat data: the limit scaled by G", "zf=0", ecx(KERNEL_DS) + LSL, "edx=0xffffffff zf=1"),
            row("lsl of the TSS", "zf=0", ecx(TSS_SEL) + LSL, "edx=0x67 zf=1"),
            row("lsl of the LDT", "zf=0", ecx(LDT_SEL) + LSL, "edx=0x17 zf=1"),
            row("lsl (66) of flat data", "zf=0 eax=0xabcd0000", ecx(KERNEL_DS) + "660f03c1", "eax=0xabcdffff zf=1"),
            row("lsl of a call gate: ZF = 0", "zf=1 edx=0x55 " + CALL_GATE, ecx(ABSENT_DS) + LSL, "edx=0x55 zf=0"),
            row("lsl of a byte-granular data segment", "zf=0 m64[0x3030]=0x00409200000012ff", ecx(ABSENT_DS) + LSL, "edx=0x12ff zf=1"),
            row("verr of data", "zf=0 cf=1", ecx(KERNEL_DS) + VERR, "zf=1 cf=1"),
            row("verw of data", "zf=0", ecx(KERNEL_DS) + VERW, "zf=1"),
            row("verr of readable code", "zf=0", ecx(KERNEL_CS) + VERR, "zf=1"),
            row("verw of code: ZF = 0", "zf=1", ecx(KERNEL_CS) + VERW, "zf=0"),
            row("verr of execute-only code: ZF = 0", "zf=1", ecx(EXEC_ONLY_CS) + VERR, "zf=0"),
            row("verw of read-only data: ZF = 0", "zf=1", ecx(READ_ONLY_DS) + VERW, "zf=0"),
            row("verr of read-only data", "zf=0", ecx(READ_ONLY_DS) + VERR, "zf=1"),
            row("verr of the TSS: ZF = 0", "zf=1", ecx(TSS_SEL) + VERR, "zf=0"),
            row("verr of a null selector: ZF = 0", "zf=1", ecx(0) + VERR, "zf=0"),
            row("verw with RPL 3 of DPL 0 data: ZF = 0", "zf=1", ecx(KERNEL_DS | 3) + VERW, "zf=0"),
            row("verr with RPL 3 of conforming readable code", "zf=0", ecx(CONFORMING_CS | 3) + VERR, "zf=1"),
            row("verr of a not-present segment (P is not checked)", "zf=0", ecx(ABSENT_DS) + VERR, "zf=1"),
            row("verr of a selector in memory", "zf=0 ebx=0x2000 m16[0x2000]=0x48", "0f0023", "zf=1"),
            row("arpl raises the RPL", "zf=0 edx=0x10 ecx=0x23", "63ca", "edx=0x13 zf=1"),
            row("arpl keeps a higher RPL", "zf=1 edx=0x13 ecx=0x21", "63ca", "edx=0x13 zf=0"),
            row("arpl keeps the upper half", "zf=0 edx=0xffff0010 ecx=2", "63ca", "edx=0xffff0012 zf=1"),
            row("arpl on memory", "zf=0 ebx=0x2000 m16[0x2000]=0x28 ecx=3", "630b", "m16[0x2000]=0x2b zf=1"),
            row("lds loads DS and the offset", "ebx=0x2000 m32[0x2000]=0x12345678 m16[0x2004]=0x23", "c503",
                    "eax=0x12345678 ds=0x23"),
            row("les (66) reads a 16-bit offset", "eax=0xaaaa0000 ebx=0x2000 m16[0x2000]=0x5678 m16[0x2002]=0x10", "66c403",
                    "eax=0xaaaa5678 es=0x10"),
            row("lss loads SS", "ebx=0x2000 m32[0x2000]=0x8800 m16[0x2004]=0x10", "0fb223", "esp=0x8800 ss=0x10"),
            row("lfs of an LDT selector", "ebx=0x2000 m32[0x2000]=7 m16[0x2004]=0x0c", "66b83800 0f00d0 0fb40b",
                    "ecx=7 fs=0xc"),
            row("lgs of a null selector", "ebx=0x2000 m32[0x2000]=9 m16[0x2004]=0", "0fb513", "edx=9 gs=0"),
            row("mov to and from dr0-dr3", "ebx=0x22 ecx=0x33 edx=0x44",
                    "b811000000 0f23c0 0f23cb 0f23d1 0f23da 0f21c6 0f21cf 0f21d5 0f21dc", "esi=0x11 edi=0x22 ebp=0x33 esp=0x44"),
            row("dr6 and dr7 read their fixed bits at reset", "", "0f21f0 0f21f9", "eax=0xffff0ff0 ecx=0x400"),
            row("dr6 keeps B0-B3, BD, BS, BT", "", "b8ffffffff 0f23f0 0f21f1", "ecx=0xffffefff"),
            row("dr6 write of zero reads the fixed ones", "", "31c0 0f23f0 0f21f1", "ecx=0xffff0ff0"),
            row("dr7 write of all ones but GD", "", "b8ffdfffff 0f23f8 0f21f9", "ecx=0xffff07ff"),
            row("dr4 and dr5 alias dr6 and dr7 (CR4.DE = 0)", "ebx=0x3", "b80f000000 0f23e0 0f23eb 0f21f1 0f21fa",
                    "ecx=0xffff0fff edx=0x403"),
            row("cpuid leaf 0xa (no performance counters) reads zero", "eax=0xa ebx=1 ecx=1 edx=1", "0fa2", "eax=0 ebx=0 ecx=0 edx=0"));
    }

    private static Arguments row(String name, String before, String code, String after) {
        return Arguments.of(name, before, code, after);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(String name, String before, String code, String after) {
        try (Machine m = ProtectedModeTest.boot(code + "f4")) {
            m.set(before);
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, "x86 " + name + " [" + code + "]: exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect(name + " [" + code + "]", after);
        }
    }
}
