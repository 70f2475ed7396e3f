package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.IST1_STACK;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;
import static org.polyvisor.isa.x86.testing.SystemTables.setGate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * 64-bit mode: a stack access at a non-canonical address is #SS(0), not #GP(0) (SDM Vol. 2, the 64-bit mode
 * exceptions of PUSH, POP, PUSHF, POPF, RET, LEAVE: "#SS(0) If the stack address is in a non-canonical form"); a
 * data access at one stays #GP(0). #SS and #GP are taken on IST1, since the interrupted stack is unusable. Each row
 * sets RSP (movabs) and RBX, then runs its instruction at {@code AT}: instructions the interpreter runs, and the
 * block runner's PUSH r64, POP r64, CALL, RET and LEAVE (FastPath).
 */
class NonCanonicalStackTest {
    static final long START = LongModeSystemTest.START, AT = START + 20;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "push $1 with RSP non-canonical is #SS(0),          0000800000000010, 0,                6a01,   12",
        "pushfq with RSP non-canonical is #SS(0),           0000800000000010, 0,                9c,     12",
        "popfq with RSP non-canonical is #SS(0),            0000800000000010, 0,                9d,     12",
        "pop to memory with RSP non-canonical is #SS(0),    0000800000000010, 0000000000002000, 8f03,   12",
        "ret $8 with RSP non-canonical is #SS(0),           0000800000000010, 0,                c20800, 12",
        "pop across the canonical boundary is #SS(0),       00007ffffffffffc, 0,                9d,     12",
        "push %rax (block runner) with RSP non-canonical,  0000800000000010, 0,                50,     12",
        "pop %rax (block runner) with RSP non-canonical,   0000800000000010, 0,                58,     12",
        "call (block runner) with RSP non-canonical,       0000800000000010, 0,                e800000000, 12",
        "ret (block runner) with RSP non-canonical,        0000800000000010, 0,                c3,     12",
        "leave (block runner) with RBP non-canonical,      0000000000009000, 0000800000000010, 4889dd c9, 12",
        "a load through a non-canonical RBX is #GP(0),      0000000000009000, 0000800000000000, 488b03, 13"})
    void stackAccessesAtNonCanonicalAddressesAreStackFaults(String what, String rsp, String rbx, String code, int vector) {
        // movabs $rsp,%rsp; movabs $rbx,%rbx; the row's instruction (LEAVE: mov %rbx,%rbp first)
        String prefix = "48bc" + le64(Long.parseUnsignedLong(rsp, 16)) + "48bb" + le64(Long.parseUnsignedLong(rbx, 16));
        long at = AT + (code.contains(" ") ? code.indexOf(' ') / 2 : 0);  // the row's last instruction faults
        try (Machine m = LongModeSystemTest.boot(prefix + code.replace(" ", ""))) {
            setGate(m, true, 12, 0xE, 0, true, 1);
            setGate(m, true, 13, 0xE, 0, true, 1);
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": vector " + vector);
            long sp = m.cpu.register(m.reg("rsp"));
            assertEquals(IST1_STACK - 48, sp, what + ": frame with an error code on IST1");
            assertEquals(0, m.memory.read(sp, 8), what + ": error code 0");
            assertEquals("0x" + Long.toHexString(at), "0x" + Long.toHexString(m.memory.read(sp + 8, 8)), what + ": saved RIP is the instruction");
            assertEquals("0x" + rsp.replaceFirst("^0+(?=.)", ""), "0x" + Long.toHexString(m.memory.read(sp + 32, 8)), what + ": RSP unchanged");
        }
    }

    static String le64(long v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 8; i++) b.append(String.format("%02x", (v >>> (8 * i)) & 0xFF));
        return b.toString();
    }
}
