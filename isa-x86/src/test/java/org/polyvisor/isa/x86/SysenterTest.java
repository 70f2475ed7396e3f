package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.VcpuExit;

/** SYSENTER/SYSEXIT and the MSRs of the IA-32 vCPU, after the tables' prologue. */
class SysenterTest {
    static final long START = Machine.CODE + PROLOGUE_LENGTH, ENTRY = 0x1800;

    static String wrmsr(long msr, long value) {
        return "b9" + ProtectedModeTest.le32(msr) + "b8" + ProtectedModeTest.le32(value) + "31d2" + "0f30";
    }

    @Test
    void sysexitToRing3AndSysenterBack() {
        String setup = wrmsr(0x174, 0x08) + wrmsr(0x175, 0x8800) + wrmsr(0x176, ENTRY);
        long user = START + setup.length() / 2 + 5 + 5 + 2;
        String code = setup + "b9" + ProtectedModeTest.le32(0x9000) + "ba" + ProtectedModeTest.le32(user) + "0f35"
                + "b9" + ProtectedModeTest.le32(0x174) + "0f34";
        try (Machine m = new Machine(new X86IsaProvider(), PROLOGUE + code)) {
            SystemTables.install(m, false);
            m.memory.write(ENTRY, 1, 0xF4);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 12 + 3));
            m.expect("x86 after sysexit", "cs=0x1b ss=0x23 esp=0x9000 eip=" + user);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 sysenter", "eip=" + (ENTRY + 1) + " esp=0x8800 cs=0x8 ss=0x10 if=0");
        }
    }

    @Test
    void rdtscFollowsTheTscMsr() {
        // wrmsr IA32_TSC = 0x1_0000_0005 (the test clock stands at 0); rdtsc
        String code = "b9" + ProtectedModeTest.le32(0x10) + "b8" + ProtectedModeTest.le32(5) + "ba01000000 0f30" + "31c0 31d2 0f31 f4";
        try (Machine m = new Machine(new X86IsaProvider(), PROLOGUE + code)) {
            SystemTables.install(m, false);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 rdtsc", "eax=5 edx=1");
        }
    }

    @Test
    void rdmsrInRing3IsGp() {
        try (Machine m = new Machine(new X86IsaProvider(), PROLOGUE + ProtectedModeTest.TO_RING3 + "0f32")) {
            SystemTables.install(m, false);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 rdmsr at CPL 3", "eip=" + (handler(13) + 1));
        }
    }
}
