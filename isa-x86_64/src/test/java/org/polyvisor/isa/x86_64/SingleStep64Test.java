package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/** The single-step trap in 64-bit mode: POPFQ sets TF, the CLC after it traps (#DB, RIP after the CLC, TF saved). */
class SingleStep64Test {
    @Test
    void popfqSettingTfTrapsAfterTheNextInstruction() {
        long start = LongModeSystemTest.START;
        // push $0x102; popfq; clc; clc
        try (Machine m = LongModeSystemTest.boot("6802010000 9d f8 f8")) {
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, "x86_64 single step: exit " + exit);
            assertEquals(handler(1) + 1, m.cpu.pc(), "x86_64 single step: #DB handler");
            long sp = m.cpu.register(m.reg("rsp"));
            assertEquals(start + 7, m.memory.read(sp, 8), "x86_64 single step: saved RIP after the first CLC");
            assertEquals(0x100, m.memory.read(sp + 16, 8) & 0x100, "x86_64 single step: saved RFLAGS.TF");
            m.expect("x86_64 single step", "tf=0");
        }
    }
}
