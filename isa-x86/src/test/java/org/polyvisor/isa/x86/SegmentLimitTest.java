package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Segment limits (SDM Vol. 3, 3.4.5 and 5.3) on the IA-32 vCPU: data and stack accesses against the limit of
 * their segment, both sides of each boundary, expand-up and expand-down (B = 0 and B = 1), byte to dword sizes,
 * string instructions, PUSH/POP and SS-based operands (#SS(0)), an FS override, G = 1, instruction fetch past
 * CS's limit, virtual-8086 and real mode's 64 KiB limits, and unreal mode (a 4 GiB limit left by protected mode). Each
 * protected-mode row loads selector 0x70 (the row's descriptor) into one segment register at CPL 0, then runs
 * its access and a HLT: either it halts with the expected state or the handler of the vector is taken with
 * error code 0.
 */
class SegmentLimitTest {
    static final int SEL = 0x70, GP = 13, SS = 12, NONE = -1;
    /** MOV %dx,%sreg: ES, CS (unused), SS, DS, FS (the rows' other registers are theirs). */
    static final String[] MOV_SREG = {"8ec2", "", "8ed2", "8eda", "8ee2"};
    static final int ES = 0, SSR = 2, DS = 3, FS = 4;

    record Row(String name, long descriptor, int sreg, String setup, String code, int vector, String expected) {
        @Override public String toString() { return name; }
    }

    static long data(long base, long limit20, boolean expandDown, boolean big, boolean granular) {
        return segment(base, limit20, expandDown ? 0x96 : 0x92, (big ? 4 : 0) | (granular ? 8 : 0));
    }

    static Row ok(String name, long d, int sreg, String setup, String code, String expected) {
        return new Row(name, d, sreg, setup, code, NONE, expected);
    }

    static Row fault(String name, long d, int sreg, String setup, String code, int vector, String expected) {
        return new Row(name, d, sreg, setup, code, vector, expected);
    }

    static Stream<Row> rows() {
        long up4k = data(0, 0xFFF, false, true, false), up4kAt = data(0x20000, 0xFFF, false, true, false);
        long g4k = data(0, 0, false, true, true);
        long downBig = data(0x10000, 0xFFF, true, true, false), downSmall = data(0x20000, 0xFFF, true, false, false);
        long stack = data(0, 0xFFFF, false, true, false);
        return Stream.of(
                ok("dword load ending at the limit", up4k, DS, "ebx=0xffc m32[0xffc]=0x11223344", "8b03", "eax=0x11223344"),
                fault("dword load one byte past the limit", up4k, DS, "ebx=0xffd", "8b03", GP, "ebx=0xffd"),
                ok("byte load at the limit", up4k, DS, "ebx=0xfff m8[0xfff]=0x5a", "8a03", "eax=0x5a"),
                fault("byte load just past the limit", up4k, DS, "ebx=0x1000", "8a03", GP, ""),
                ok("word load ending at the limit", up4k, DS, "ebx=0xffe m16[0xffe]=0xbeef", "668b03", "eax=0xbeef"),
                fault("word load straddling the limit", up4k, DS, "ebx=0xfff", "668b03", GP, ""),
                fault("movzwl straddling the limit", up4k, DS, "ebx=0xfff", "0fb703", GP, ""),
                fault("dword store past the limit writes nothing", up4k, DS, "ebx=0xffd eax=-1", "8903", GP, "m16[0xffd]=0"),
                fault("absolute moffs load past the limit", up4k, DS, "", "a1fd0f0000", GP, ""),
                ok("the base applies within the limit", up4kAt, DS, "ebx=0xffc m32[0x20ffc]=0x77", "8b03", "eax=0x77"),
                ok("G = 1 with limit 0 is 4 KiB: last dword", g4k, DS, "ebx=0xffc m32[0xffc]=0x66", "8b03", "eax=0x66"),
                fault("G = 1 with limit 0 is 4 KiB: past it", g4k, DS, "ebx=0xffd", "8b03", GP, ""),
                ok("expand-down B = 1: first byte above the limit", downBig, DS, "ebx=0x1000 m8[0x11000]=0x12", "8a03", "eax=0x12"),
                fault("expand-down B = 1: the limit itself", downBig, DS, "ebx=0xfff", "8a03", GP, ""),
                fault("expand-down B = 1: offset 0", downBig, DS, "ebx=0", "8a03", GP, ""),
                ok("expand-down B = 1: dword ending at 4 GiB - 1", downBig, DS, "ebx=0xfffffffc m32[0xfffc]=0x99", "8b03", "eax=0x99"),
                fault("expand-down B = 1: dword past 4 GiB - 1", downBig, DS, "ebx=0xfffffffd", "8b03", GP, ""),
                ok("expand-down B = 0: dword ending at FFFF", downSmall, DS, "ebx=0xfffc m32[0x2fffc]=0x98", "8b03", "eax=0x98"),
                fault("expand-down B = 0: dword past FFFF", downSmall, DS, "ebx=0xfffd", "8b03", GP, ""),
                fault("expand-down B = 0: byte at 10000", downSmall, DS, "ebx=0x10000", "8a03", GP, ""),
                ok("expand-down B = 0: byte above the limit", downSmall, DS, "ebx=0x1000 m8[0x21000]=0x34", "8a03", "eax=0x34"),
                ok("SS-based (%ebp) operand ending at SS's limit", stack, SSR, "ebp=0xfffc m32[0xfffc]=0x55", "8b4500", "eax=0x55"),
                fault("SS-based (%ebp) operand past SS's limit is #SS", stack, SSR, "ebp=0xfffd", "8b4500", SS, ""),
                ok("a DS override on (%ebp) checks DS (flat) instead", stack, SSR, "ebp=0xfffd m32[0xfffd]=0x44", "3e8b4500", "eax=0x44"),
                ok("pop of the dword ending at SS's limit", stack, SSR, "esp=0xfffc m32[0xfffc]=0x33", "59", "ecx=0x33 esp=0x10000"),
                fault("pop straddling SS's limit is #SS", stack, SSR, "esp=0xfffe", "59", SS, "ecx=0"),
                fault("push above SS's limit is #SS", stack, SSR, "esp=0x10004 esi=7", "56", SS, "esp=0xfff4"),
                ok("push ending at SS's limit", stack, SSR, "esp=0x10000 esi=7", "56", "esp=0xfffc m32[0xfffc]=7"),
                ok("stosl ending at ES's limit", up4k, ES, "edi=0xffc", "b821000000ab", "edi=0x1000 m32[0xffc]=0x21"),
                fault("stosl past ES's limit", up4k, ES, "edi=0xffd", "ab", GP, "edi=0xffd m16[0xffd]=0"),
                fault("lodsl past DS's limit", up4k, DS, "esi=0xffd", "ad", GP, "esi=0xffd"),
                fault("rep movsb stops at ES's limit with the bytes before it copied", up4k, ES,
                        "esi=0x2000 edi=0xffe ecx=4 m32[0x2000]=0x44332211", "f3a4", GP, "ecx=2 edi=0x1000 esi=0x2002 m16[0xffe]=0x2211"),
                ok("lds of a far pointer ending at the limit", up4k, DS, "ebx=0xffa m32[0xffa]=0x1234 m16[0xffe]=0x10", "c503",
                        "eax=0x1234 ds=0x10"),
                fault("lds of a far pointer whose selector lies past the limit", up4k, DS, "ebx=0xffc", "c503", GP, "ds=0x70"),
                fault("bound of a pair crossing the limit", up4k, DS, "ebx=0xff9", "6203", GP, ""),
                ok("an FS override within FS's limit", up4k, FS, "ebx=0xffc m32[0xffc]=0x88", "648b03", "eax=0x88"),
                fault("an FS override past FS's limit", up4k, FS, "ebx=0xffd", "648b03", GP, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checksTheLimit(Row row) {
        String head = "66ba" + String.format("%02x00", SEL) + MOV_SREG[row.sreg];
        try (Machine m = new Machine(ProtectedModeTest.ISA, (PROLOGUE + head + row.code + "f4").replace(" ", ""))) {
            install(m, false);
            m.memory.write(GDT + SEL, 8, row.descriptor);
            m.memory.write(PSEUDO, 2, 0xFF);
            m.set(row.setup);
            VcpuExit exit = m.cpu.run(200);
            String what = "x86 limit: " + row.name;
            assertEquals(VcpuExit.HALT, exit, what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            long access = ProtectedModeTest.START + head.length() / 2;
            if (row.vector == NONE) {
                assertEquals(access + row.code.length() / 2 + 1, m.cpu.pc(), what + ": ran to the HLT");
            } else {
                assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": vector " + row.vector);
                long esp = m.cpu.register(m.reg("esp"));
                assertEquals(0, m.memory.read(esp, 4), what + ": error code");
                assertEquals(access, m.memory.read(esp + 4, 4), what + ": saved EIP is the access");
            }
            m.expect(what, row.expected);
        }
    }

    record FetchRow(String name, int limitPastTarget, int vector, long savedOffset) {
        @Override public String toString() { return name; }
    }

    static Stream<FetchRow> fetches() {
        return Stream.of(
                new FetchRow("the HLT's byte is the limit: runs", 2, NONE, 0),
                new FetchRow("the HLT's byte is past the limit: #GP(0) there", 1, GP, 2));
    }

    /** LJMP to a code segment (selector 0x78) whose limit ends around "nop; nop; hlt" at the jump's target. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("fetches")
    void checksFetchesAgainstTheCodeLimit(FetchRow row) {
        long target = ProtectedModeTest.START + 7;
        String code = PROLOGUE + "ea" + ProtectedModeTest.le32(target) + "7800" + "9090f4";
        try (Machine m = new Machine(ProtectedModeTest.ISA, code)) {
            install(m, false);
            m.memory.write(GDT + 0x78, 8, segment(0, target + row.limitPastTarget, 0x9A, 4));
            m.memory.write(PSEUDO, 2, 0xFF);
            String what = "x86 CS limit: " + row.name;
            assertEquals(VcpuExit.HALT, m.cpu.run(200), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            if (row.vector == NONE) {
                assertEquals(target + 3, m.cpu.pc(), what + ": ran to the HLT");
            } else {
                assertEquals(handler(GP) + 1, m.cpu.pc(), what + ": #GP handler");
                long esp = m.cpu.register(m.reg("esp"));
                assertEquals(0, m.memory.read(esp, 4), what + ": error code");
                assertEquals(target + row.savedOffset, m.memory.read(esp + 4, 4), what + ": saved EIP");
            }
        }
    }

    /** Real mode from 0000:7C00, IVT vectors 12 and 13 at 0800:0000 (a HLT): name, setup, code, expected. */
    record RealRow(String name, String setup, String code, String expected) {
        @Override public String toString() { return name; }
    }

    static Stream<RealRow> realRows() {
        String ivt = "m32[0x30]=0x08000000 m32[0x34]=0x08100000 ";
        return Stream.of(
                new RealRow("a 32-bit address past 64 KiB is #GP", ivt + "ebx=0x12345", "678b03f4", "cs=0x810 eip=1"),
                new RealRow("a 32-bit address at FFFC reads", ivt + "ebx=0xfffc m16[0xfffc]=0x4321", "678b03f4", "cs=0 eax=0x4321"),
                new RealRow("a word at offset FFFF is #GP", ivt + "ebx=0xffff", "8b07f4", "cs=0x810 eip=1"),
                new RealRow("a byte at offset FFFF reads", ivt + "ebx=0xffff m8[0xffff]=0x7e", "8a07f4", "cs=0 eax=0x7e"),
                new RealRow("pop with SP = FFFF is #SS", ivt + "esp=0xffff", "58f4", "cs=0x800 eip=1 esp=0xfff9"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realRows")
    void checksRealModeLimits(RealRow row) {
        try (Machine m = Machine.realMode(ProtectedModeTest.ISA, 0, 0x7C00, row.code)) {
            m.load(0x8000, "f4").load(0x8100, "f4");
            m.set(row.setup);
            String what = "x86 real mode limit: " + row.name;
            assertEquals(VcpuExit.HALT, m.cpu.run(50), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect(what, row.expected);
        }
    }

    static Stream<Arguments> unrealRows() {
        return Stream.of(
                Arguments.of("DS keeps the 4 GiB limit of KERNEL_DS (unreal mode)", "10", "eax=0xfeedface ip=end"),
                Arguments.of("DS keeps a 64 KiB limit loaded in protected mode", "70", "cs=0x810 eip=1"));
    }

    /**
     * Protected mode loads DS, clears CR0.PE and reloads DS with 0 in real mode, which sets only the base: a
     * 32-bit address past 64 KiB then reads through a 4 GiB limit and faults through a 64 KiB one.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("unrealRows")
    void realModeKeepsTheLastLimit(String name, String selector, String expected) {
        String[] row = {name, selector, expected};
        String code = PROLOGUE + "66b8" + row[1] + "00 8ed8" + "0f20c0 24fe 0f22c0" + "31c0 8ed8" + "67668b03" + "f4";
        try (Machine m = new Machine(ProtectedModeTest.ISA, code.replace(" ", ""))) {
            install(m, false);
            m.memory.write(GDT + 0x70, 8, segment(0, 0xFFFF, 0x92, 0));
            m.memory.write(PSEUDO, 2, 0xFF);
            m.memory.write(IDT + 0x34, 4, 0x08100000);  // the real-mode IVT reads IDTR.base: vector 13
            m.load(0x8100, "f4");
            m.set("ebx=0x12344 m32[0x12344]=0xfeedface");
            String what = "x86 unreal: " + row[0];
            assertEquals(VcpuExit.HALT, m.cpu.run(100), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect(what, row[2].replace("ip=end", "eip=0x" + Long.toHexString(Machine.CODE + code.replace(" ", "").length() / 2)));
        }
    }

    /** Virtual-8086 mode (segments of 64 KiB from Virtual8086Test's frame): name, code, vector, saved IP. */
    static Stream<Arguments> v86Rows() {
        return Stream.of(
                Arguments.of("a word at DS:FFFF is #GP(0)", "bbffff 8b07", GP, 3),
                Arguments.of("a 32-bit address past 64 KiB is #GP(0)", "66bb00000100 678b03", GP, 6),
                Arguments.of("pop with SP = FFFF is #SS(0)", "bcffff 58", SS, 3));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("v86Rows")
    void checksVirtual8086Limits(String name, String code, int vector, int savedIp) {
        try (Machine m = Virtual8086Test.boot(code, 0, 0)) {
            String what = "x86 virtual-8086 limit: " + name;
            assertEquals(VcpuExit.HALT, m.cpu.run(100), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            assertEquals(handler(vector) + 1, m.cpu.pc(), what + ": vector " + vector);
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(0, m.memory.read(sp, 4), what + ": error code");
            assertEquals(savedIp, m.memory.read(sp + 4, 4), what + ": saved IP");
        }
    }
}
