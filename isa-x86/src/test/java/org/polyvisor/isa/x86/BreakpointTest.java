package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.boot;
import static org.polyvisor.isa.x86.ProtectedModeTest.le32;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Debug-register breakpoints (SDM Vol. 3, 18.2-18.3): instruction breakpoints (R/W = 00) are #DB faults before the
 * instruction at DRn, suppressed by EFLAGS.RF; data breakpoints (R/W = 01 writes, 11 reads and writes) are #DB traps
 * after the instruction that touched any byte of DRn's range (LEN 1, 2, 4 or 8 bytes, the address aligned down to
 * it); only breakpoints enabled by DR7's L or G bits fire; DR6.B0-B3 name the breakpoints met. DR7.GD makes the next
 * MOV DRn a #DB fault with DR6.BD. The #DB handler reads DR6 into EAX and halts; rows run at CPL 0 after the
 * prologue, with flat segments (linear address = offset).
 */
class BreakpointTest {
    /** mov %dr6,%eax; hlt. */
    static final String DB_HANDLER = "0f21f0" + "f4";
    /** DR7 bits: L0 and G0, then R/W and LEN of breakpoint n. */
    static final long L0 = 1, G0 = 2;

    static long rw(int n, int rw) { return (long) rw << (16 + 4 * n); }

    static long len(int n, int bytes) { return (long) (bytes == 1 ? 0 : bytes == 2 ? 1 : bytes == 8 ? 2 : 3) << (18 + 4 * n); }

    static long local(int n) { return 1L << (2 * n); }

    /** mov $address,%eax; mov %eax,%drN: 8 bytes. */
    static String dr(int n, long value) { return "b8" + le32(value) + "0f23" + String.format("%02x", 0xC0 | n << 3); }

    /** Sets DR0 and DR1, then DR7 (24 bytes). */
    static String setup(long dr0, long dr1, long dr7) { return dr(0, dr0) + dr(1, dr1) + dr(7, dr7); }

    static final int SETUP = 24;

    /**
     * A row: code after the prologue, whether #DB is taken, DR6's B0-B3/BD/BS bits the handler reads, and the saved
     * EIP as an offset from {@link ProtectedModeTest#START}.
     */
    record Row(String name, String code, boolean trap, long dr6, long savedOffset) {
        @Override public String toString() { return name; }
    }

    static Row db(String name, String code, long dr6, long savedOffset) { return new Row(name, code, true, dr6, savedOffset); }

    /** No #DB: the code ends in a jump to itself, so the budget runs out. */
    static Row none(String name, String code) { return new Row(name, code + "ebfe", false, 0, 0); }

    /** movl $0x12345678,(addr): 10 bytes. */
    static String storeDword(long addr) { return "c705" + le32(addr) + "78563412"; }

    /** movb $0xaa,(addr): 7 bytes. */
    static String storeByte(long addr) { return "c605" + le32(addr) + "aa"; }

    /** mov (addr),%eax: 5 bytes. */
    static String loadDword(long addr) { return "a1" + le32(addr); }

    static final long X = START + SETUP + 1;  // the instruction after the setup's NOP

    static Stream<Row> rows() {
        long w4 = rw(0, 1) | len(0, 4), rw4 = rw(0, 3) | len(0, 4);
        return Stream.of(
                db("instruction breakpoint DR0 (L0): fault before it", setup(X, 0, L0) + "90 90 90", 1, SETUP + 1),
                db("instruction breakpoint DR0 (G0)", setup(X, 0, G0) + "90 90 90", 1, SETUP + 1),
                db("instruction breakpoint DR1 (L1)", setup(0, X, local(1)) + "90 90 90", 2, SETUP + 1),
                none("instruction breakpoint not enabled", setup(X, 0, 0) + "90 90"),
                none("instruction breakpoint on DR0 enabled, DR1 at the instruction", setup(0x5555, X, L0) + "90 90"),
                db("DR0 and DR1 both at the instruction: B0 and B1", setup(X, X, L0) + "90 90", 3, SETUP + 1),
                none("instruction breakpoint at an address not executed", setup(X + 0x100, 0, L0) + "90 90"),
                db("data write breakpoint: trap after the store", setup(0x2000, 0, L0 | w4) + storeDword(0x2000) + "90", 1, SETUP + 10),
                none("data write breakpoint: a load does not hit", setup(0x2000, 0, L0 | w4) + loadDword(0x2000)),
                db("data read/write breakpoint: a load hits", setup(0x2000, 0, L0 | rw4) + loadDword(0x2000) + "90", 1, SETUP + 5),
                none("data breakpoint not enabled", setup(0x2000, 0, rw4) + storeDword(0x2000)),
                db("LEN 4 aligns DR0 0x2003 down: a byte store to 0x2001 hits", setup(0x2003, 0, L0 | w4) + storeByte(0x2001) + "90", 1, SETUP + 7),
                none("LEN 4 range ends at 0x2003: a byte store to 0x2004 misses", setup(0x2000, 0, L0 | w4) + storeByte(0x2004)),
                none("LEN 1 at 0x2003: a byte store to 0x2002 misses", setup(0x2003, 0, L0 | rw(0, 1)) + storeByte(0x2002)),
                db("LEN 1 at 0x2003: a dword store to 0x2000 covers it", setup(0x2003, 0, L0 | rw(0, 1)) + storeDword(0x2000) + "90", 1, SETUP + 10),
                none("LEN 2 at 0x2001 covers 0x2000-0x2001: a store to 0x2002 misses", setup(0x2001, 0, L0 | rw(0, 1) | len(0, 2)) + storeByte(0x2002)),
                db("LEN 8 at 0x2004 covers 0x2000-0x2007", setup(0x2004, 0, L0 | rw(0, 1) | len(0, 8)) + storeByte(0x2000) + "90", 1, SETUP + 7),
                db("one store meets DR0 and DR1", setup(0x2000, 0x2002, L0 | local(1) | rw(0, 1) | rw(1, 1)) + storeDword(0x2000) + "90", 3, SETUP + 10),
                db("a page in the TLB before DR7 armed the breakpoint", storeDword(0x2004) + setup(0x2000, 0, L0 | w4) + storeDword(0x2000) + "90", 1, 10 + SETUP + 10),
                db("a push hits a breakpoint on the stack", setup(0x8ffc, 0, L0 | w4) + "bc00900000 50 90", 1, SETUP + 6),
                db("a store crossing into a watched page", setup(0x3000, 0, L0 | w4) + storeDword(0x2ffe) + "90", 1, SETUP + 10),
                db("DR7.GD: MOV from DR0 faults with DR6.BD", dr(7, 0x2000) + "0f21c0", 0x2000, 8),
                db("DR7.GD: MOV to DR7 faults with DR6.BD", dr(7, 0x2000) + "0f23f8", 0x2000, 8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void breakpoints(Row row) {
        try (Machine m = boot(row.code)) {
            m.load(handler(1), DB_HANDLER);
            String what = "x86 breakpoint: " + row.name;
            VcpuExit exit = m.cpu.run(200);
            if (!row.trap) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                return;
            }
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
            assertEquals("0x" + Long.toHexString(handler(1) + 4), "0x" + Long.toHexString(m.cpu.pc()), what + ": #DB handler");
            assertEquals("0x" + Long.toHexString(row.dr6), "0x" + Long.toHexString(m.cpu.register(m.reg("eax")) & 0xE00F), what + ": DR6 status bits");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Long.toHexString(START + row.savedOffset), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": saved EIP");
        }
    }

    /** #DB handler: incl (0x7000); then optionally orl $RF,8(%esp) (the saved EFLAGS); iretd. */
    static String countingHandler(boolean setRf) { return "ff0500700000" + (setRf ? "814c240800000100" : "") + "cf"; }

    @Test
    void aHandlerSettingRfResumesPastTheInstructionBreakpoint() {
        // The fault returns to X; with RF set in the frame, IRETD resumes there and X runs once: the HLT after it.
        try (Machine m = boot(setup(X, 0, L0) + "90 90 f4")) {
            m.load(handler(1), countingHandler(true));
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 RF: exit " + exit);
            assertEquals("0x" + Long.toHexString(X + 2), "0x" + Long.toHexString(m.cpu.pc()), "x86 RF: halted after the breakpoint's instruction");
            assertEquals(1, m.memory.read(0x7000, 4), "x86 RF: one #DB");
            assertEquals(0, m.cpu.register(m.reg("eflags")) & 0x10000, "x86 RF: cleared once the instruction retired");
        }
    }

    @Test
    void aHandlerLeavingRfClearFaultsAgain() {
        try (Machine m = boot(setup(X, 0, L0) + "90 90 f4")) {
            m.load(handler(1), countingHandler(false));
            VcpuExit exit = m.cpu.run(200);
            assertInstanceOf(VcpuExit.BudgetSpent.class, exit, "x86 RF clear: exit " + exit);
            assertTrue(m.memory.read(0x7000, 4) > 10, "x86 RF clear: the breakpoint fires on every return, count " + m.memory.read(0x7000, 4));
        }
    }

    @Test
    void iretLoadingRfSkipsTheBreakpointOnce() {
        // pushf with RF: push $0x10002; push %cs; push $X; iretd lands on X with RF = 1 (no fault), then X + 1 runs.
        long target = START + SETUP + 5 + 1 + 5 + 1;
        String code = setup(target, 0, L0) + "6802000100" + "0e" + "68" + le32(target) + "cf" + "90 f4";
        try (Machine m = boot(code)) {
            m.load(handler(1), DB_HANDLER);
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 IRETD with RF: exit " + exit);
            assertEquals("0x" + Long.toHexString(target + 2), "0x" + Long.toHexString(m.cpu.pc()), "x86 IRETD with RF: no #DB at the target ");
        }
        String noRf = setup(target, 0, L0) + "6802000000" + "0e" + "68" + le32(target) + "cf" + "90 f4";
        try (Machine m = boot(noRf)) {
            m.load(handler(1), DB_HANDLER);
            assertSame(VcpuExit.HALT, m.cpu.run(200), "x86 IRETD without RF");
            assertEquals("0x" + Long.toHexString(handler(1) + 4), "0x" + Long.toHexString(m.cpu.pc()), "x86 IRETD without RF: #DB at the target");
        }
    }

    /**
     * The RF image a handler sees (SDM Vol. 3, 18.3.1.1): 1 for a fault (#UD here, and DR7.GD's #DB), so that
     * returning to the instruction skips its instruction breakpoint; as it was (0) for the instruction breakpoint's
     * own #DB and for a trap (#BP).
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "#UD fault | 0f0b | 6 | 0x10000",
        "#DB from DR7.GD (a fault) | b800200000 0f23f8 0f21c0 | 1 | 0x10000",
        "#DB from an instruction breakpoint | INSN_BP 90 90 | 1 | 0",
        "#BP trap (int3) | cc | 3 | 0"})
    void resumeFlagInTheFrame(String what, String code, int vector, long rf) {
        try (Machine m = boot(code.replace("INSN_BP", setup(X, 0, L0)).replace(" ", ""))) {
            m.load(handler(vector), "f4");
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 RF image, " + what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), "x86 RF image, " + what + ": handler");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Long.toHexString(rf), "0x" + Long.toHexString(m.memory.read(sp + 8, 4) & 0x10000), "x86 RF image, " + what + ": saved RF");
            assertEquals(0, m.cpu.register(m.reg("eflags")) & 0x10000, "x86 RF image, " + what + ": RF clear in the handler");
        }
    }

    /** mov %cr4,%eax; or $DE,%eax; mov %eax,%cr4: 9 bytes. */
    static final String SET_DE = "0f20e0 83c808 0f22e0";

    /**
     * I/O breakpoints (R/W = 10, defined with CR4.DE): a trap after the IN, OUT, INS or OUTS that used a port in
     * DRn's range (LEN aligned down); the OUT leaves the vCPU first, the trap is taken when it runs again. Without
     * CR4.DE the breakpoint is inert. Each row's port instruction follows the setup; a read gets the value 5.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        // name | CR4.DE | DR0 | DR7 | the port instruction | port | size | write | #DB
        "out to port 0x80 with a breakpoint at 0x80 | true | 0x80 | 0x20001 | e680 | 0x80 | 1 | true | true",
        "the same without CR4.DE: inert | false | 0x80 | 0x20001 | e680 | 0x80 | 1 | true | false",
        "in from port 0x80 | true | 0x80 | 0x20001 | e480 | 0x80 | 1 | false | true",
        "in from port 0x81, LEN 1 at 0x80: missed | true | 0x80 | 0x20001 | e481 | 0x81 | 1 | false | false",
        "in from port 0x81, LEN 4 at 0x83 (aligned down to 0x80) | true | 0x83 | 0xE0001 | e481 | 0x81 | 1 | false | true",
        "a word out to 0x7f reaches 0x80 | true | 0x80 | 0x20001 | 66e77f | 0x7f | 2 | true | true",
        "outsb to port DX = 0x80 | true | 0x80 | 0x20001 | ba80000000 be00200000 6e | 0x80 | 1 | true | true",
        "insb from port DX = 0x80 | true | 0x80 | 0x20001 | ba80000000 bf00200000 6c | 0x80 | 1 | false | true"})
    void ioBreakpoints(String what, boolean de, String dr0, String dr7, String insn, String port, int size, boolean write, boolean trap) {
        String head = (de ? SET_DE : "") + dr(0, Long.decode(dr0)) + dr(7, Long.decode(dr7));
        String hex = (head + insn + "ebfe").replace(" ", "");
        long after = START + (head + insn).replace(" ", "").length() / 2;
        try (Machine m = boot(hex)) {
            m.load(handler(1), DB_HANDLER);
            String name = "x86 I/O breakpoint: " + what;
            VcpuExit exit = m.cpu.run(200);
            assertInstanceOf(VcpuExit.PortIo.class, exit, name + ": exit " + exit);
            VcpuExit.PortIo io = (VcpuExit.PortIo) exit;
            assertEquals(Integer.decode(port).intValue(), io.port(), name + ": port");
            assertEquals(write, io.write(), name + ": direction");
            if (!write) m.cpu.completeRead(5);
            exit = m.cpu.run(200);
            if (!trap) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, name + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                return;
            }
            assertSame(VcpuExit.HALT, exit, name + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(1) + 4), "0x" + Long.toHexString(m.cpu.pc()), name + ": #DB handler");
            assertEquals("0x1", "0x" + Long.toHexString(m.cpu.register(m.reg("eax")) & 0xE00F), name + ": DR6.B0");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Long.toHexString(after), "0x" + Long.toHexString(m.memory.read(sp, 4)), name + ": saved EIP after it");
        }
    }

    /** A task switch clears L0-L3 (SDM Vol. 3, 18.2.4): an L0 breakpoint at the new task's EIP is gone, a G0 one fires. */
    @ParameterizedTest(name = "DR7 {0}: #DB {1}")
    @org.junit.jupiter.params.provider.CsvSource({"0x1, false", "0x2, true"})
    void aTaskSwitchClearsTheLocalEnables(String dr7, boolean trap) {
        long target = TaskSwitchTest.TARGET;
        try (Machine m = boot(setup(target, 0, Long.decode(dr7)) + TaskSwitchTest.ljmp(TaskSwitchTest.TSS2_SEL))) {
            m.memory.write(org.polyvisor.isa.x86.testing.SystemTables.PSEUDO, 2, 0xFF);  // a GDT limit that takes the second TSS
            TaskSwitchTest.secondTask(m, 0x89, 0x67);
            m.load(target, "ebfe");
            m.load(handler(1), DB_HANDLER);
            VcpuExit exit = m.cpu.run(200);
            String what = "x86 task switch with DR7 " + dr7;
            if (!trap) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                assertEquals("0x" + Long.toHexString(target), "0x" + Long.toHexString(m.cpu.pc()), what + ": runs at the new task's EIP");
                return;
            }
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Long.toHexString(target), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": #DB at the new task's EIP");
        }
    }

    /**
     * A data breakpoint in a REP STOSB traps after the iteration that met it (SDM Vol. 3, 18.3.1.2): the saved EIP is
     * the REP STOSB itself, with RF = 1 in the frame, and ECX/EDI say five bytes were stored.
     */
    @Test
    void aRepeatedStringInstructionTrapsAfterTheIteration() {
        String code = setup(0x2004, 0, L0 | rw(0, 1)) + "bf00200000 b910000000 31c0 f3aa 90";
        try (Machine m = boot(code)) {
            m.load(handler(1), DB_HANDLER);
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 rep stosb breakpoint: exit " + exit);
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Long.toHexString(START + SETUP + 12), "0x" + Long.toHexString(m.memory.read(sp, 4)), "x86 rep stosb breakpoint: saved EIP at the instruction");
            assertEquals(0x10000, m.memory.read(sp + 8, 4) & 0x10000, "x86 rep stosb breakpoint: RF in the frame");
            assertEquals(11, m.cpu.register(m.reg("ecx")), "x86 rep stosb breakpoint: ECX after five iterations");
            assertEquals(0x2005, m.cpu.register(m.reg("edi")), "x86 rep stosb breakpoint: EDI after five iterations");
        }
    }

    @Test
    void singleStepAndADataBreakpointShareOneDebugException() {
        try (Machine m = boot(setup(0x2000, 0, L0 | rw(0, 1) | len(0, 4)) + "9c 810c2400010000 9d" + storeDword(0x2000) + "f4")) {
            m.load(handler(1), DB_HANDLER);
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 TF and data breakpoint: exit " + exit);
            assertEquals("0x4001", "0x" + Long.toHexString(m.cpu.register(m.reg("eax")) & 0xE00F), "x86 TF and data breakpoint: DR6 BS and B0");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(START + SETUP + 9 + 10, m.memory.read(sp, 4), "x86 TF and data breakpoint: saved EIP after the store");
        }
    }
}
