package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.boot;
import static org.polyvisor.isa.x86.ProtectedModeTest.le32;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * The single-step trap of EFLAGS.TF (SDM Vol. 3, 17.3.1.4): #DB after each instruction that began with TF = 1, the
 * saved EIP after it, DR6.BS set; none after the POPF or IRET that sets TF (the next instruction traps), one after
 * the POPF that clears it, none after MOV SS (held off until after the next instruction), and INT3 enters its own
 * handler instead. The #DB handler reads DR6 into EAX and halts. The rows use instructions the interpreter runs (the
 * block runner does not single-step yet).
 */
class SingleStepTest {
    /** mov %dr6,%eax; hlt: the #DB handler. */
    static final String DB_HANDLER = "0f21f0" + "f4";

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // name | TF at the start | code | vector taken | saved EIP offset from START (-1: not checked)
        "popfd setting TF: no trap after it, one after the next instruction | 0 | 6802010000 9d f8 f8 | 1 | 7",
        "popfd clearing TF: trap after it, TF clear in the saved flags | 1 | 9d f8 | 1 | 1",
        "clc with TF: trap after it | 1 | f8 f9 | 1 | 1",
        "mov ss holds the trap off until after the next instruction | 1 | 8ed0 f8 f8 | 1 | 3",
        "int3 with TF enters its handler, not #DB | 1 | cc | 3 | -1",
        "iretd setting TF: the trap follows the first instruction at its target | 0 | 6802010000 0e 68TARGET cf f8 f8 | 1 | 13"})
    void singleStepTrap(String what, int tf, String code, int vector, int savedOffset) {
        String hex = code.replace(" ", "").replace("TARGET", le32(START + 12));
        try (Machine m = boot(hex)) {
            m.load(handler(1), DB_HANDLER);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4), what + ": the prologue (LGDT, LIDT, LTR) runs without TF");
            m.set("eax=0x10 esp=0x8ffc m32[0x8ffc]=0x2 tf=" + tf);  // the POPFD of a TF = 1 row pops 2
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            long sp = m.cpu.register(m.reg("esp"));
            if (vector == 1) {
                assertEquals("0x" + Long.toHexString(handler(1) + 4), "0x" + Long.toHexString(m.cpu.pc()), what + ": #DB handler");
                assertEquals(0x4000, m.cpu.register(m.reg("eax")) & 0x4000, what + ": DR6.BS");
                assertEquals("0x" + Long.toHexString(START + savedOffset), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": saved EIP");
                assertEquals(tf == 1 && what.contains("clearing") ? 0 : tf == 1 || what.contains("setting") ? 0x100 : 0,
                        m.memory.read(sp + 8, 4) & 0x100, what + ": saved TF");
            } else {
                assertEquals("0x" + Long.toHexString(handler(vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler");
            }
            m.expect(what, "tf=0");
        }
    }

    @Test
    void aHandlerReturningWithIretKeepsStepping() {
        // #DB handler: incl (0x7000); iretd. The IRETD restores TF = 1 from the frame: the next instruction traps
        // again, IRETD itself does not (it began with TF = 0). push $0x102; popfd; clc; clc; clc; push $2; popfd; hlt:
        // traps after the three CLCs, the PUSH and the POPFD that clears TF.
        try (Machine m = boot("6802010000 9d f8 f8 f8 6802000000 9d f4".replace(" ", ""))) {
            m.load(handler(1), "ff0500700000" + "cf");
            VcpuExit exit = m.cpu.run(200);
            assertSame(VcpuExit.HALT, exit, "x86 stepping through IRETD: exit " + exit);
            assertEquals("0x" + Long.toHexString(START + 16), "0x" + Long.toHexString(m.cpu.pc()), "x86 stepping: halted at the end");
            assertEquals(5, m.memory.read(0x7000, 4), "x86 stepping: #DB after each instruction that began with TF = 1");
            m.expect("x86 stepping", "tf=0");
        }
    }
}
