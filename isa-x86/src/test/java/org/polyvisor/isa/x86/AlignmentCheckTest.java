package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.toRing3;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.PagingAccess;
import org.polyvisor.spi.VcpuExit;

/**
 * #AC, the alignment check (SDM Vol. 3, 6.15, vector 17, error code 0, a fault): a 2-, 4- or 8-byte data access
 * not aligned to its size, at CPL 3 while CR0.AM and EFLAGS.AC are both set. Byte accesses, 16-byte SSE operands
 * and CPL 0 are never checked; clearing AC or AM (or running at CPL 0) turns it off. Rows check loads, stores,
 * read-modify-write forms, the stack, strings, x87 and CMPXCHG8B, in the interpreter and in the block runner.
 */
class AlignmentCheckTest {
    /** mov %cr0,%eax; or $AM,%eax; mov %eax,%cr0 (11 bytes); mov %cr4,%eax; or $OSFXSR,%eax; mov %eax,%cr4 (11). */
    static final String SET_AM = "0f20c0 0d00000400 0f22c0" + "0f20e0 0d00020000 0f22e0";
    /** pushf; orl $AC,(%esp); popf: 9 bytes. */
    static final String SET_AC = "9c 810c2400000400 9d";
    static final long USER = START + 22 + 9 + ProtectedModeTest.TO_RING3_LENGTH;
    /** Both set, then ring 3 (the frame's EFLAGS has AC): the row's code runs at {@link #USER}. */
    static final String CHECKED_RING3 = SET_AM + SET_AC + toRing3(USER);

    record Row(String name, String code, boolean faults, long savedEip) {
        @Override public String toString() { return name; }
    }

    static Row ac(String name, String userCode, int offset) { return new Row(name, CHECKED_RING3 + userCode, true, USER + offset); }

    static Row ok(String name, String code) { return new Row(name, code, false, 0); }

    static Stream<Row> rows() {
        return Stream.of(
                ac("a 4-byte load at 2001", "a101200000", 0),
                ac("a 4-byte load at 2002", "a102200000", 0),
                ok("a 4-byte load at 2004", CHECKED_RING3 + "a104200000 ebfe"),
                ac("a 2-byte load at 2001", "66a101200000", 0),
                ok("a 2-byte load at 2002", CHECKED_RING3 + "66a102200000 ebfe"),
                ok("a byte load at 2001", CHECKED_RING3 + "a001200000 ebfe"),
                ac("a 4-byte store at 2003", "a303200000", 0),
                ac("add to memory at 2001 (read-modify-write)", "010501200000", 0),
                ac("movzwl from 2001", "0fb70501200000", 0),
                ac("push with ESP 8ffe", "bcfe8f0000 50", 5),
                ac("call with ESP 8ffe (the return address)", "bcfe8f0000 e800000000", 5),
                ac("cmpxchg8b at 2004 (8 bytes)", "0fc70d04200000", 0),
                ac("fldl at 2004 (8 bytes)", "dd0504200000", 0),
                ok("flds at 2004 (4 bytes)", CHECKED_RING3 + "d90504200000 ebfe"),
                ok("movups at 2001: a 16-byte operand is not checked", CHECKED_RING3 + "0f100501200000 ebfe"),
                ac("lodsw at 2001", "be01200000 66ad", 5),
                ac("mov to ds from memory at 2001 (a selector is 2 bytes)", "8e1d01200000", 0),
                ac("the third of three loads run as a block", "a100200000 a104200000 a101200000", 10),
                ok("popf clearing AC at CPL 3 turns checks off", CHECKED_RING3 + "9c 812424fffffbff 9d a101200000 ebfe"),
                ok("AC without CR0.AM is not checked", SET_AC + toRing3(START + 9 + ProtectedModeTest.TO_RING3_LENGTH) + "a101200000 ebfe"),
                ok("CR0.AM without AC is not checked", SET_AM + toRing3(START + 22 + ProtectedModeTest.TO_RING3_LENGTH) + "a101200000 ebfe"),
                ok("CPL 0 is not checked", SET_AM + SET_AC + "a101200000 50 ebfe"));
    }

    /**
     * A page fault outranks #AC (SDM Vol. 3, Table 6-2): a misaligned load at CPL 3 from a page that is not present
     * or supervisor-only is #PF; from a present user page it is #AC.
     */
    @ParameterizedTest(name = "PTE {0}: vector {1}")
    @CsvSource({"0, 14, 4", "3, 14, 5", "7, 17, 0"})
    void aPageFaultOutranksTheAlignmentCheck(int pteFlags, int vector, int error) {
        String head = PROLOGUE + PagingAccess.enablePaging(PagingAccess.Model.BITS32, true, true) + SET_AM + SET_AC;
        long user = Machine.CODE + head.replace(" ", "").length() / 2 + ProtectedModeTest.TO_RING3_LENGTH;
        String code = head + toRing3(user) + "a1" + PagingAccess.le32(PagingAccess.VA + 1);
        try (Machine m = new Machine(ProtectedModeTest.ISA, code.replace(" ", ""))) {
            install(m, false);
            PagingAccess.writeTables(m, PagingAccess.Model.BITS32, pteFlags);
            String what = "x86 misaligned user load at VA + 1 with PTE flags " + pteFlags;
            assertEquals(VcpuExit.HALT, m.cpu.run(300), what);
            assertEquals("0x" + Long.toHexString(handler(vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": vector " + vector);
            assertEquals(error, m.memory.read(m.cpu.register(m.reg("esp")), 4), what + ": error code");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void checksAlignment(Row row) {
        try (Machine m = ProtectedModeTest.boot(row.code)) {
            String what = "x86 #AC: " + row.name;
            VcpuExit exit = m.cpu.run(200);
            if (!row.faults) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                return;
            }
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(17) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": #AC handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(RING0_STACK - 24, sp, what + ": the frame with an error code on ESP0");
            assertEquals(0, m.memory.read(sp, 4), what + ": error code");
            assertEquals("0x" + Long.toHexString(row.savedEip), "0x" + Long.toHexString(m.memory.read(sp + 4, 4)), what + ": saved EIP (a fault)");
            assertEquals(USER_CS, m.memory.read(sp + 8, 4), what + ": saved CS");
        }
    }
}
