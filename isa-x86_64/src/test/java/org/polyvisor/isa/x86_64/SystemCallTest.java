package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.VcpuExit;

/** RDMSR/WRMSR, SYSCALL/SYSRETQ, SWAPGS and SYSENTER/SYSEXITQ of the x86_64 vCPU, after the tables' prologue. */
class SystemCallTest {
    static final long START = Machine.CODE + PROLOGUE_LENGTH, ENTRY = 0x1800;

    static String le32(long v) { return LongModeSystemTest.le32(v); }

    static String wrmsr(long msr, long value) {
        return "b9" + le32(msr) + "b8" + le32(value) + "ba" + le32(value >>> 32) + "0f30";
    }

    static Machine boot(String code) {
        Machine m = new Machine(new X86_64IsaProvider(), PROLOGUE + code.replace(" ", ""));
        SystemTables.install(m, true);
        m.memory.write(ENTRY, 1, 0xF4);
        return m;
    }

    @Test
    void syscallAndSysretqRoundTrip() {
        String setup = wrmsr(0xC0000080L, 0x501) + wrmsr(0xC0000081L, 0x0018_0008_0000_0000L) + wrmsr(0xC0000082L, ENTRY)
                + wrmsr(0xC0000084L, 0x200);
        long user = START + setup.length() / 2 + 7 + 7 + 3;
        String code = setup + "48c7c1" + le32(user) + "49c7c3" + le32(0x202) + "480f07" + "0f05";
        try (Machine m = boot(code)) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 syscall from ring 3", "rip=" + (ENTRY + 1) + " rcx=" + (user + 2) + " r11=0x202 cs=0x8 ss=0x10 if=0");
        }
    }

    @Test
    void sysretqLandsInRing3() {
        String code = wrmsr(0xC0000080L, 0x501) + wrmsr(0xC0000081L, 0x0018_0008_0000_0000L)
                + "48c7c1" + le32(ENTRY) + "49c7c3" + le32(0x2) + "480f07";
        try (Machine m = boot(code)) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));  // the hlt at ENTRY is #GP(0) in ring 3
            m.expect("x86_64 sysretq then hlt", "rip=" + (handler(13) + 1));
            assertEquals(0x2B, m.memory.read(m.cpu.register(m.reg("rsp")) + 16, 8), "x86_64 sysretq: CS = STAR[63:48] + 16 | 3");
        }
    }

    @Test
    void swapgsExchangesTheGsBases() {
        // wrmsr KERNEL_GS_BASE = 0x7000; swapgs; mov %gs:8,%rax; rdmsr GS_BASE into edx:eax after moving rax to rbx
        String code = wrmsr(0xC0000102L, 0x7000) + "0f01f8" + "65488b042508000000" + "4889c3" + "b9010100c0 0f32" + "f4";
        try (Machine m = boot(code)) {
            m.memory.write(0x7008, 8, 0x1122334455667788L);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 swapgs", "rbx=0x1122334455667788 rax=0x7000 rdx=0");
        }
    }

    @Test
    void sysenterAndSysexitq() {
        // SYSENTER_CS = 0x08, ESP = 0x8800, EIP = ENTRY; rcx = user rsp, rdx = user rip; sysexitq; user: sysenter
        String setup = wrmsr(0x174, 0x08) + wrmsr(0x175, 0x8800) + wrmsr(0x176, ENTRY);
        long user = START + setup.length() / 2 + 7 + 7 + 3;
        String code = setup + "48c7c1" + le32(0x9000) + "48c7c2" + le32(user) + "480f35" + "0f34";
        try (Machine m = boot(code)) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86_64 sysexitq then sysenter", "rip=" + (ENTRY + 1) + " rsp=0x8800 cs=0x8 ss=0x10");
        }
    }

    /** MSR accesses that fault, and the vector and error code they take. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "rdmsr of an unknown MSR,                b978563412 0f32, 13",
        "wrmsr of a non-canonical LSTAR,         b9820000c0 31c0 ba00800000 0f30, 13",
        "wrmsr of a reserved EFER bit,           b9800000c0 b800100000 31d2 0f30, 13",
        "sysret with EFER.SCE clear is #UD,      0f07, 6",
        "sysenter with SYSENTER_CS = 0,          0f34, 13"})
    void faults(String name, String code, int vector) {
        try (Machine m = boot(code)) {
            VcpuExit exit = m.cpu.run(100);
            assertSame(VcpuExit.HALT, exit, "x86_64 " + name + ": " + exit);
            m.expect("x86_64 " + name, "rip=" + (handler(vector) + 1));
            if (vector == 13) assertEquals(0, m.memory.read(m.cpu.register(m.reg("rsp")), 8), "x86_64 " + name + ": error code");
        }
    }
}
