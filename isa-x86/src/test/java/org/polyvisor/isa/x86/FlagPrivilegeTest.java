package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.boot;
import static org.polyvisor.isa.x86.ProtectedModeTest.le32;
import static org.polyvisor.isa.x86.testing.SystemTables.GDT;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;
import static org.polyvisor.isa.x86.testing.SystemTables.segment;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * The privilege rules of the EFLAGS-loading instructions (SDM Vol. 2B "POPF/POPFD/POPFQ" and "IRET/IRETD/IRETQ")
 * and of INVD/WBINVD, at CPL 0, 1 and 3 with IOPL 0 and 3: IF loads only when CPL &lt;= IOPL (else it is kept,
 * without a fault), IOPL only at CPL 0, VIF/VIP only by IRET at CPL 0; RF is cleared by POPFD. The guest enters its
 * ring with IRET from ring 0 with IF = 1 and the row's IOPL, runs the row's code, saves EFLAGS in EBX (PUSHFD; POP
 * %EBX) and stops at HLT (a #GP above CPL 0, whose handler halts).
 */
class FlagPrivilegeTest {
    /** GDT slots 0x30 and 0x60 rewritten as ring-1 data and code (selectors 0x31 and 0x61). */
    static final int RING1_DS = 0x31, RING1_CS = 0x61;
    static final long IF = 1 << 9, IOPL = 3 << 12, RF = 1 << 16, VIF = 1 << 19, VIP = 1 << 20, ID = 1 << 21;

    /** Runs {@code body} at {@code cpl} with IOPL {@code iopl} and IF = 1; returns the exit and leaves EBX. */
    static Machine run(int cpl, int iopl, String body, String expectExit) {
        long flags = 0x202 | (long) iopl << 12;
        long target = START + 20;
        String enter;
        if (cpl == 0) {
            enter = "68" + le32(flags) + "9d" + "90".repeat(14);  // pushfd $flags; popfd; nops to keep the offsets
        } else {
            int cs = cpl == 3 ? 0x1B : RING1_CS, ss = cpl == 3 ? 0x23 : RING1_DS;
            enter = String.format("6a%02x", ss) + "6800900000" + "68" + le32(flags) + String.format("6a%02x", cs) + "68" + le32(target) + "cf";
        }
        Machine m = boot(enter + body.replace(" ", "") + "9c5b" + "f4");
        m.memory.write(GDT + 0x30, 8, segment(0, 0xFFFFF, 0xB2, 0xC));
        m.memory.write(GDT + 0x60, 8, segment(0, 0xFFFFF, 0xBA, 0xC));
        VcpuExit exit = m.cpu.run(200);
        assertSame(VcpuExit.HALT, exit, expectExit + ": exit " + exit);
        return m;
    }

    @ParameterizedTest(name = "CPL {0} IOPL {1}: popfd of {2}")
    @CsvSource({
        // cpl, iopl, popped, flags after (IF | IOPL | AC | ID | CF masked)
        "0, 0, 0x0,      0x0",
        "0, 0, 0x243201, 0x243201",  // CPL 0: IF, IOPL, AC, ID, CF all load
        "1, 0, 0x0,      0x200",     // CPL 1 > IOPL 0: IF kept
        "1, 0, 0x243201, 0x240201",  // IOPL kept at 0 above CPL 0
        "1, 3, 0x0,      0x3000",    // CPL 1 <= IOPL 3: IF clears, IOPL kept
        "3, 0, 0x0,      0x200",     // a ring-3 (Xen PV x86_64) kernel cannot clear the real IF
        "3, 0, 0x243001, 0x240201",
        "3, 3, 0x0,      0x3000",
        "3, 3, 0x243201, 0x243201"})
    void popfLoadsIfAndIoplByPrivilege(int cpl, int iopl, long popped, long expected) {
        String what = "CPL " + cpl + " IOPL " + iopl + " popfd 0x" + Long.toHexString(popped);
        try (Machine m = run(cpl, iopl, "68" + le32(popped) + "9d", what)) {
            long ebx = m.cpu.register(m.reg("ebx"));
            assertEquals("0x" + Long.toHexString(expected), "0x" + Long.toHexString(ebx & (IF | IOPL | 0x40001 | ID)), what + ": eflags");
            assertRing(m, cpl, what);
        }
    }

    /** The row ran at {@code cpl}: CPL 0 halted itself, an outer ring's HLT was a #GP whose frame saved its CS. */
    static void assertRing(Machine m, int cpl, String what) {
        long cs = cpl == 0 ? m.cpu.register(m.reg("cs")) : m.memory.read(m.cpu.register(m.reg("esp")) + 8, 4);
        assertEquals(cpl, cs & 3, what + ": ran at its CPL");
    }

    @ParameterizedTest(name = "CPL {0} IOPL {1}: popfw of {2}")
    @CsvSource({"3, 0, 0x0, 0x200", "0, 0, 0x0, 0x0", "1, 1, 0x3000, 0x1000"})
    void popfwLoadsTheLowWordByTheSameRules(int cpl, int iopl, long popped, long expected) {
        String what = "CPL " + cpl + " IOPL " + iopl + " popfw 0x" + Long.toHexString(popped);
        try (Machine m = run(cpl, iopl, "6668" + String.format("%02x%02x", popped & 0xFF, popped >> 8 & 0xFF) + "669d", what)) {
            assertRing(m, cpl, what);
            assertEquals("0x" + Long.toHexString(expected), "0x" + Long.toHexString(m.cpu.register(m.reg("ebx")) & (IF | IOPL)), what);
        }
    }

    @ParameterizedTest(name = "CPL {0} IOPL {1}: iretd with eflags {2}")
    @CsvSource({
        "0, 0, 0x180002, 0x180000",  // CPL 0: IF clears, IOPL, VIF and VIP load
        "0, 0, 0x183202, 0x183200",
        "1, 0, 0x183002, 0x000200",  // CPL 1: IF kept (CPL > IOPL), IOPL, VIF and VIP kept
        "1, 1, 0x180002, 0x001000",  // CPL 1 <= IOPL 1: IF clears
        "3, 0, 0x183002, 0x000200",
        "3, 3, 0x000002, 0x003000"})
    void iretLoadsIfIoplAndTheVirtualFlagsByPrivilege(int cpl, int iopl, long popped, long expected) {
        String what = "CPL " + cpl + " IOPL " + iopl + " iretd 0x" + Long.toHexString(popped);
        // push $eflags; push %cs; push $next; iretd  (same-level return to the next instruction)
        long next = START + 20 + 5 + 1 + 5 + 1;
        try (Machine m = run(cpl, iopl, "68" + le32(popped) + "0e" + "68" + le32(next) + "cf", what)) {
            assertRing(m, cpl, what);
            long ebx = m.cpu.register(m.reg("ebx"));
            assertEquals("0x" + Long.toHexString(expected), "0x" + Long.toHexString(ebx & (IF | IOPL | VIF | VIP)), what + ": eflags");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"invd at CPL 0 does nothing, 0, 0f08", "wbinvd at CPL 0 does nothing, 0, 0f09",
                "invd at CPL 1 is #GP(0), 1, 0f08", "wbinvd at CPL 3 is #GP(0), 3, 0f09"})
    void cacheInvalidationIsPrivileged(String what, int cpl, String code) {
        long at = START + 20;
        try (Machine m = run(cpl, 0, code + "31db", what)) {  // xor %ebx,%ebx after it: runs only when it retired
            long sp = m.cpu.register(m.reg("esp"));
            if (cpl == 0) {
                assertEquals(at + 2 + 2 + 2 + 1, m.cpu.pc(), what + ": retired, halted at the end");
            } else {
                assertEquals(handler(13) + 1, m.cpu.pc(), what + ": #GP handler");
                assertEquals(0, m.memory.read(sp, 4), what + ": error code 0");
                assertEquals(at, m.memory.read(sp + 4, 4), what + ": saved EIP is the instruction");
            }
        }
    }
}
