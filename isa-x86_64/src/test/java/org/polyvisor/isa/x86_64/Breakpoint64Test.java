package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.handler;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Debug-register breakpoints in 64-bit mode (SDM Vol. 3, 18.2-18.3): an instruction breakpoint at RIP is a #DB
 * fault (saved RIP = the instruction), an 8-byte data breakpoint (LEN = 10) a trap after the store (saved RIP after
 * it), the range aligned down to 8 bytes. Each row sets DR0 and DR7 with mov $imm32,%eax; mov %rax,%drN (16 bytes).
 */
class Breakpoint64Test {
    static String le32(long v) {
        return String.format("%02x%02x%02x%02x", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // name | DR0 (offset from START when 'rel') | DR7 | code after the setup | saved RIP offset from START (-1: no #DB)
        "instruction breakpoint at the second instruction | rel 17 | 0x1 | 90 90 90 | 17",
        "instruction breakpoint not enabled | rel 17 | 0x0 | 90 90 ebfe | -1",
        "LEN 8 data write breakpoint at 0x2004 covers a byte store to 0x2000 | 0x2004 | 0x90001 | c60425 00200000 aa 90 | 24",
        "LEN 8 at 0x2000 ends at 0x2007: a byte store to 0x2008 misses | 0x2000 | 0x90001 | c60425 08200000 aa ebfe | -1",
        "LEN 8 read/write breakpoint hit by a quadword load | 0x2000 | 0xB0001 | 488b042500200000 90 | 24"})
    void breakpoints(String what, String dr0, String dr7, String code, int saved) {
        long start = LongModeSystemTest.START;
        long address = dr0.startsWith("rel ") ? start + Long.parseLong(dr0.substring(4)) : Long.decode(dr0);
        String setup = "b8" + le32(address) + "0f23c0" + "b8" + le32(Long.decode(dr7)) + "0f23f8";
        try (Machine m = LongModeSystemTest.boot(setup + code.replace(" ", ""))) {
            VcpuExit exit = m.cpu.run(100);
            String name = "x86_64 breakpoint: " + what;
            if (saved < 0) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, name + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                return;
            }
            assertSame(VcpuExit.HALT, exit, name + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(1) + 1), "0x" + Long.toHexString(m.cpu.pc()), name + ": #DB handler");
            long sp = m.cpu.register(m.reg("rsp"));
            assertEquals("0x" + Long.toHexString(start + saved), "0x" + Long.toHexString(m.memory.read(sp, 8)), name + ": saved RIP");
        }
    }
}
