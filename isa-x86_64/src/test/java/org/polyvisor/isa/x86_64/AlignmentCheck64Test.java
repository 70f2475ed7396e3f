package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * #AC in 64-bit mode (SDM Vol. 3, 6.15): CR0.AM and RFLAGS.AC set, ring 3, a 2-, 4- or 8-byte access not aligned
 * to its size is #AC(0) on the RSP0 stack with the faulting RIP saved; aligned and byte accesses run.
 */
class AlignmentCheck64Test {
    static final long START = Machine.CODE + PROLOGUE_LENGTH;
    /** CR0.AM and CR4.OSFXSR (22 bytes), then RFLAGS.AC (pushfq; orl $AC,(%rsp); popfq: 9 bytes). */
    static final String SET_AM_AC = "0f20c0 0d00000400 0f22c0 0f20e0 0d00020000 0f22e0" + "9c 810c2400000400 9d";
    static final long USER = START + 31 + 17;
    static final String RING3 = SET_AM_AC + LongModeSystemTest.toRing3(USER);

    record Row(String name, String userCode, int savedOffset) {
        @Override public String toString() { return name; }
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("an 8-byte load at 2004", "488b042504200000", 0),
                new Row("a 4-byte load at 2002", "8b042502200000", 0),
                new Row("a 2-byte store at 2001", "66890425 01200000", 0),
                new Row("push with RSP 8ffc", "48c7c4fc8f0000 50", 7),
                new Row("an 8-byte load at 2008 runs, then one at 2001", "488b042508200000 0fb6042501200000 488b042501200000", 16));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void misalignedAccessesAtRing3AreAlignmentChecks(Row row) {
        try (Machine m = LongModeSystemTest.boot(RING3 + row.userCode)) {
            String what = "x86_64 #AC: " + row.name;
            VcpuExit exit = m.cpu.run(200);
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(17) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": #AC handler taken");
            long sp = m.cpu.register(m.reg("rsp"));
            assertEquals(RING0_STACK - 48, sp, what + ": frame on RSP0");
            assertEquals(0, m.memory.read(sp, 8), what + ": error code");
            assertEquals("0x" + Long.toHexString(USER + row.savedOffset), "0x" + Long.toHexString(m.memory.read(sp + 8, 8)), what + ": saved RIP");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("alignedRows")
    void alignedAndByteAccessesRun(String name, String userCode) {
        try (Machine m = LongModeSystemTest.boot(RING3 + userCode + "ebfe")) {
            VcpuExit exit = m.cpu.run(200);
            assertInstanceOf(VcpuExit.BudgetSpent.class, exit, "x86_64 #AC: " + name + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
        }
    }

    static Stream<org.junit.jupiter.params.provider.Arguments> alignedRows() {
        return Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("an 8-byte load at 2008", "488b042508200000"),
                org.junit.jupiter.params.provider.Arguments.of("a byte load at 2001", "8a042501200000"),
                org.junit.jupiter.params.provider.Arguments.of("push with RSP 9000", "50 58"));
    }
}
