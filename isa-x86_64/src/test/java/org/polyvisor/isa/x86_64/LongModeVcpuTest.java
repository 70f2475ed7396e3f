package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/** Exits, faults, budget, self-modifying code, save/restore and boot state of the x86_64 vCPU. */
class LongModeVcpuTest {
    final IsaProvider isa = new X86_64IsaProvider();

    private Machine machine(String code) { return new Machine(isa, code); }

    @Test
    void syscallFromTheKernelIsAHypercall() {
        try (Machine m = machine("b812000000 0f05 90")) {
            assertSame(VcpuExit.HYPERCALL, m.cpu.run(10));
            m.expect("syscall", "rip=0x1007 rax=18");
            m.cpu.setRegister(isa.hypercallAbi().resultRegister(), -38);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("after", "rax=0xffffffffffffffda rip=0x1008");
            assertEquals(java.util.List.of(7, 6, 2, 10, 8), isa.hypercallAbi().argumentRegisters());
        }
    }

    @Test
    void syscallFromUserModeIsFatal() {
        try (Machine m = machine("0f05")) {
            m.set("cs=0x33");
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
            assertEquals(0x1000, f.pc());
        }
    }

    @Test
    void vmcallIsAHypercallAndInt82IsNot() {
        try (Machine m = machine("0f01c1")) {
            assertSame(VcpuExit.HYPERCALL, m.cpu.run(10));
            m.expect("vmcall", "rip=0x1003");
        }
        try (Machine m = machine("cd82")) {
            assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
        }
    }

    @Test
    void undefinedInLongMode() {
        try (Machine m = machine("0f0b")) {
            assertEquals(new VcpuExit.Fault("undefined instruction 0f0b", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("06")) {  // push %es: invalid in 64-bit mode
            assertEquals(new VcpuExit.Fault("undefined instruction 06", 0x1000), m.cpu.run(10));
        }
    }

    @Test
    void hltHalts() {
        try (Machine m = machine("f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(10));
            m.expect("hlt", "rip=0x1001");
        }
    }

    @Test
    void accessesOutsideMemoryFault() {
        try (Machine m = machine("488b00")) {
            m.set("rax=0x123456789a");
            assertEquals(new VcpuExit.Fault("load outside guest memory at 0x123456789a", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("48891d f90f1000")) {
            assertEquals(new VcpuExit.Fault("store outside guest memory at 0x102000", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("ffe0")) {
            m.set("rax=0x8000000000");
            assertEquals(new VcpuExit.Fault("fetch outside guest memory at 0x8000000000", 0x8000000000L), m.cpu.run(10));
        }
    }

    @Test
    void mmioExits() {
        try (Machine m = machine("488b00 488918")) {
            m.set("rax=" + Machine.MMIO + " rbx=0x1122334455667788");
            assertEquals(new VcpuExit.Mmio(Machine.MMIO, 8, false, 0), m.cpu.run(10));
            m.cpu.completeRead(Machine.MMIO + 16);
            assertEquals(new VcpuExit.Mmio(Machine.MMIO + 16, 8, true, 0x1122334455667788L), m.cpu.run(10));
            m.expect("mmio", "rax=" + (Machine.MMIO + 16) + " rip=0x1006");
            assertEquals(2, m.cpu.retired());
        }
    }

    @Test
    void budgetIsExactlyHonoured() {
        try (Machine m = machine("48ffc0 ebfb")) {
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(777));
            assertEquals(777, m.cpu.retired());
            m.expect("budget", "rax=389");
        }
    }

    @Test
    void selfModifyingCodeTakesEffect() {
        // mov $1,%eax ; movb $2,-0xb(%rip) (the immediate at 0x1001) ; jmp back
        try (Machine m = machine("b801000000 c605 f5ffffff 02 ebf2")) {
            m.cpu.run(1);
            m.expect("first pass", "rax=1");
            m.cpu.run(3);
            m.expect("after the store", "rax=2 rip=0x1005");
        }
    }

    @Test
    void saveRestoreRoundTrips() {
        try (Machine a = machine("90"); Machine b = machine("90")) {
            a.set("rax=0x1111111111111111 r8=8 r15=0xf0f0f0f0f0f0f0f0 rsp=0x7000 rip=0x4000 sf=1 pf=1 gs=0x2b");
            VcpuState saved = a.cpu.save();
            assertEquals("x86_64", saved.isa());
            b.cpu.restore(saved);
            assertEquals(saved.registers(), b.cpu.save().registers());
            b.expect("restored", "rax=0x1111111111111111 r8=8 r15=0xf0f0f0f0f0f0f0f0 rsp=0x7000 rip=0x4000 sf=1 pf=1 gs=0x2b");
        }
    }

    @Test
    void pvBootState() {
        try (Machine m = machine("90")) {
            m.expect("PV entry", "rip=0x1000 rsi=0x8000 cs=0x08 ds=0x10 ss=0x10 rflags=2 if=0");
        }
    }

    @Test
    void providerIsFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(IsaProvider.class).stream().anyMatch(p -> p.get().id().equals("x86_64")));
        assertEquals(62, isa.elfMachine());
        assertEquals(2, isa.elfClass());
        assertEquals(64, isa.wordBits());
        assertEquals("rip", isa.registers().pc().name());
        assertEquals(16 + 9 + 9, isa.registers().all().size());  // GPRs, rip, rflags, 6 selectors, cr0; 9 system registers
    }

    @Test
    void disassemblesRipRelativeAsObjdump() {
        byte[] code = {0x48, (byte) 0x8d, 0x05, 0x10, 0, 0, 0};
        var d = isa.disassembler().disassemble(code, 0, 0);
        assertEquals("\t48 8d 05 10 00 00 00 \tlea    0x10(%rip),%rax        # 0x17", d.lines().get(0).text());
    }
}
