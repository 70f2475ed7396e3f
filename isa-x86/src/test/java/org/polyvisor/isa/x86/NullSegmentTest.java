package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Null data-segment selectors (SDM Vol. 3, 3.4.2 and 5.4.1) on the IA-32 vCPU: loading 0-3 into DS, ES, FS or GS is
 * allowed (MOV, POP, LDS, and an IRET to ring 3 nulls a DPL 0 one), but a memory access through such a segment is
 * #GP(0) - in the interpreter and where the block runner would otherwise run the code; SS cannot be loaded null
 * outside 64-bit mode; real and virtual-8086 mode never have a null segment. Each row runs its code after the
 * prologue and a HLT: it either halts at that HLT with the expected state or takes the vector with error code 0 and
 * the faulting instruction saved.
 */
class NullSegmentTest {
    static final int GP = 13, NONE = -1;

    /** Code after the prologue (at CPL 0, or at CPL 3 after {@link #USER_HEAD}), setup, vector, saved offset, expected. */
    record Row(String name, boolean user, String setup, String code, int vector, int savedOffset, String expected) {
        @Override public String toString() { return name; }
    }

    static Row ok(String name, String setup, String code, String expected) {
        return new Row(name, false, setup, code, NONE, 0, expected);
    }

    static Row gp(String name, String setup, String code, int savedOffset, String expected) {
        return new Row(name, false, setup, code, GP, savedOffset, expected);
    }

    static Row userGp(String name, String setup, String code, int savedOffset, String expected) {
        return new Row(name, true, setup, code, GP, savedOffset, expected);
    }

    /** push $0x10; pop %ds; push $0x10; pop %es, then IRET to ring 3 (SS 0x23, ESP 0x9000) at the user code. */
    static String userHead(long user) {
        return "6a10 1f 6a10 07" + "6a23 6800900000 9c 6a1b 68" + ProtectedModeTest.le32(user) + "cf";
    }
    static final int USER_HEAD_LENGTH = 22;

    static Stream<Row> rows() {
        String data = "ebx=0x2000 m32[0x2000]=0x55667788 ";
        return Stream.of(
                gp("a load through DS nulled by MOV", data, "31c0 8ed8 8b03", 4, "ds=0 eax=0"),
                gp("a store through ES nulled by MOV (nothing written)", data, "31c0 8ec0 b8ffffffff 268903", 9, "es=0 m32[0x2000]=0x55667788"),
                gp("an FS override through a null FS", data, "31c0 8ee0 648b03", 4, "fs=0"),
                gp("a GS override through a null GS", data, "31c0 8ee8 658b03", 4, "gs=0"),
                gp("a load through DS nulled by POP", data, "6a00 1f 8b03", 3, "ds=0"),
                gp("a load through DS nulled by LDS", data + "m32[0x3000]=0x2000 m16[0x3004]=3", "bb00300000 c503 8b00", 7, "ds=3 eax=0x2000"),
                gp("stosb through a null ES", "edi=0x2000", "31c0 8ec0 aa", 4, "edi=0x2000"),
                gp("movsb reads through a null DS", "esi=0x2000 edi=0x3000", "31c0 8ed8 a4", 4, "esi=0x2000"),
                gp("push of a memory operand through a null DS", data, "31c0 8ed8 ff33", 4, "esp=" + (Machine.STACK - 16)),
                gp("flat straight-line code then a load through the null DS", data, "31c0 8ed8 40 40 40 8b03", 7, "eax=3"),
                gp("SS cannot be loaded null at CPL 0 outside 64-bit mode", "", "31c0 8ed0", 2, "ss=0x10"),
                ok("loading null DS, ES, FS and GS does not fault", "", "31c0 8ed8 8ec0 8ee0 8ee8", "ds=0 es=0 fs=0 gs=0"),
                ok("LEA through a null DS computes the offset", data, "31c0 8ed8 8d4304", "eax=0x2004"),
                ok("an SS-based operand does not use the null DS", "ebp=0x2000 m32[0x2000]=0x99", "31c0 8ed8 8b4500", "eax=0x99"),
                ok("a DS reloaded after being null is usable", data, "31c0 8ed8 6a10 1f 8b03", "ds=0x10 eax=0x55667788"),
                userGp("IRET to ring 3 nulls a DPL 0 DS: a load through it", data, "8b03", 0, "ds=0 es=0"),
                userGp("IRET to ring 3 nulls a DPL 0 ES: stosb through it", "edi=0x2000", "aa", 0, "es=0 edi=0x2000"),
                userGp("SS cannot be loaded null at CPL 3", "", "31c0 8ed0", 2, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void nullSegmentsFaultOnAccess(Row row) {
        long start = ProtectedModeTest.START, user = start + USER_HEAD_LENGTH;
        String head = row.user ? userHead(user) : "";
        try (Machine m = new Machine(ProtectedModeTest.ISA, (PROLOGUE + head + row.code + "f4").replace(" ", ""))) {
            install(m, false);
            m.set(row.setup);
            String what = "x86 null segment: " + row.name;
            assertEquals(VcpuExit.HALT, m.cpu.run(200), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            long code = row.user ? user : start;
            if (row.vector == NONE) {
                assertEquals("0x" + Long.toHexString(code + row.code.replace(" ", "").length() / 2 + 1), "0x" + Long.toHexString(m.cpu.pc()),
                        what + ": ran to the HLT");
            } else {
                assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": vector " + row.vector);
                long esp = m.cpu.register(m.reg("esp"));
                assertEquals(0, m.memory.read(esp, 4), what + ": error code");
                assertEquals("0x" + Long.toHexString(code + row.savedOffset), "0x" + Long.toHexString(m.memory.read(esp + 4, 4)),
                        what + ": saved EIP is the access");
                assertEquals(row.user ? USER_CS : KERNEL_CS, m.memory.read(esp + 8, 4), what + ": saved CS");
            }
            m.expect(what, row.expected);
        }
    }

    /** Real mode is never null: DS nulled in protected mode, CR0.PE cleared, then a load through the stale DS. */
    @Test
    void realModeUsesAStaleNullDs() {
        String code = PROLOGUE + "31c0 8ed8" + "0f20c0 24fe 0f22c0" + "6631c0 8b07" + "f4";
        try (Machine m = new Machine(ProtectedModeTest.ISA, code.replace(" ", ""))) {
            install(m, false);
            m.set("ebx=0x2000 m16[0x2000]=0x1234");
            String what = "x86 null segment: real mode through a DS nulled in protected mode";
            assertEquals(VcpuExit.HALT, m.cpu.run(100), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            m.expect(what, "eax=0x1234 ds=0 eip=0x" + Long.toHexString(Machine.CODE + code.replace(" ", "").length() / 2));
        }
    }

    /** Virtual-8086 mode: MOV of 0 into DS gives base 0, not a null segment; the HLT after the load is the #GP. */
    @Test
    void virtual8086ModeLoadsZeroAsAParagraph() {
        try (Machine m = Virtual8086Test.boot("31c0 8ed8 bb0020 8b07 f4", 0, 0)) {
            m.memory.write(0x2000, 2, 0x4321);
            String what = "x86 null segment: virtual-8086 DS = 0";
            assertEquals(VcpuExit.HALT, m.cpu.run(100), what + ": exit at 0x" + Long.toHexString(m.cpu.pc()));
            assertEquals(handler(GP) + 1, m.cpu.pc(), what + ": the HLT's #GP");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(9, m.memory.read(sp + 4, 4), what + ": saved IP is the HLT, after the load");
            assertEquals(0x4321, m.cpu.register(m.reg("eax")) & 0xFFFF, what + ": AX read through DS = 0");
        }
    }
}
