package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

/** Exits, faults, budget, self-modifying code, save/restore and boot state of the IA-32 vCPU. */
class VcpuExitsTest {
    final IsaProvider isa = new X86IsaProvider();

    private Machine machine(String code) { return new Machine(isa, code); }

    @Test
    void int82IsAHypercallWithPcPastIt() {
        try (Machine m = machine("b812000000 cd82 90")) {
            assertSame(VcpuExit.HYPERCALL, m.cpu.run(10));
            m.expect("int $0x82", "eip=0x1007 eax=18");
            assertEquals(2, m.cpu.retired());
            m.cpu.setRegister(isa.hypercallAbi().resultRegister(), 5);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("after hypercall", "eax=5 eip=0x1008");
        }
    }

    @Test
    void vmcallIsAHypercall() {
        try (Machine m = machine("0f01c1")) {
            assertSame(VcpuExit.HYPERCALL, m.cpu.run(10));
            m.expect("vmcall", "eip=0x1003");
        }
    }

    @Test
    void int82FromUserModeIsFatal() {
        try (Machine m = machine("cd82")) {
            m.set("cs=0x1b");
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
            assertEquals(0x1000, f.pc());
        }
    }

    @Test
    void otherSoftwareInterruptsAreFatal() {
        try (Machine m = machine("cd80")) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
            assertEquals("software interrupt 0x80 with no handler (no IDT)", f.reason());
            assertEquals(0, m.cpu.retired());
        }
    }

    @Test
    void undefinedInstructionFaultsAtItsPc() {
        try (Machine m = machine("90 0f0b")) {
            assertEquals(new VcpuExit.Fault("undefined instruction 0f0b", 0x1001), m.cpu.run(10));
            assertEquals(1, m.cpu.retired());
        }
        try (Machine m = machine("d6")) {
            assertEquals(new VcpuExit.Fault("undefined instruction d6", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("0f04")) {
            assertEquals(new VcpuExit.Fault("undefined instruction 0f04", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("f001c0")) {  // LOCK on a register destination is #UD
            assertEquals(new VcpuExit.Fault("undefined instruction f001c0", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("f08b00")) {  // LOCK MOV is #UD
            assertEquals(new VcpuExit.Fault("undefined instruction f08b00", 0x1000), m.cpu.run(10));
        }
    }

    @Test
    void divideErrorsAreFatal() {
        try (Machine m = machine("f7f3")) {
            m.set("eax=1 ebx=0");
            assertEquals(new VcpuExit.Fault("divide error (#DE) with no handler (no IDT)", 0x1000), m.cpu.run(10));
            assertEquals(0, m.cpu.retired());
        }
        try (Machine m = machine("f7f3")) {
            m.set("edx=2 eax=0 ebx=2");  // quotient 2^32 does not fit
            assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
        }
        try (Machine m = machine("f7fb")) {
            m.set("edx=0xffffffff eax=0x80000000 ebx=0xffffffff");  // -2^31 / -1
            assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
        }
    }

    @Test
    void repStoreIntoMmioExitsPerIteration() {
        try (Machine m = machine("f3ab")) {
            m.set("edi=" + Machine.MMIO + " ecx=2 eax=7");
            assertEquals(new VcpuExit.Mmio(Machine.MMIO, 4, true, 7), m.cpu.run(10));
            assertEquals(new VcpuExit.Mmio(Machine.MMIO + 4, 4, true, 7), m.cpu.run(10));
            m.expect("rep stos to MMIO", "ecx=0 eip=0x1002");
            assertEquals(2, m.cpu.retired());
        }
    }

    @Test
    void portIoExits() {
        try (Machine m = machine("e6 80 66 ef ec ed")) {
            m.set("eax=0x12345678 edx=0x3f8");
            assertEquals(new VcpuExit.PortIo(0x80, 1, true, 0x78), m.cpu.run(10));
            assertEquals(new VcpuExit.PortIo(0x3f8, 2, true, 0x5678), m.cpu.run(10));
            assertEquals(new VcpuExit.PortIo(0x3f8, 1, false, 0), m.cpu.run(10));
            m.expect("in pending", "eip=0x1004");
            m.cpu.completeRead(0xab);
            assertEquals(new VcpuExit.PortIo(0x3f8, 4, false, 0), m.cpu.run(10));
            m.expect("in done", "eax=0x123456ab eip=0x1005");
            m.cpu.completeRead(0xcafe0001L);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("in eax", "eax=0xcafe0001 eip=0x1006");
            assertEquals(4, m.cpu.retired());
        }
    }

    @Test
    void hltHalts() {
        try (Machine m = machine("f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(10));
            m.expect("hlt", "eip=0x1001");
        }
    }

    @Test
    void accessesOutsideMemoryFault() {
        try (Machine m = machine("8b00")) {
            m.set("eax=0x5000000");
            assertEquals(new VcpuExit.Fault("load outside guest memory at 0x5000000", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("8918")) {
            m.set("eax=0x5000000");
            assertEquals(new VcpuExit.Fault("store outside guest memory at 0x5000000", 0x1000), m.cpu.run(10));
        }
        try (Machine m = machine("ffe0")) {
            m.set("eax=0x5000000");
            assertEquals(new VcpuExit.Fault("fetch outside guest memory at 0x5000000", 0x5000000), m.cpu.run(10));
            assertEquals(1, m.cpu.retired());
        }
        try (Machine m = machine("53")) {
            m.set("esp=0x5000000 ebx=1");
            assertEquals(new VcpuExit.Fault("store outside guest memory at 0x4fffffc", 0x1000), m.cpu.run(10));
            m.expect("failed push leaves esp", "esp=0x5000000 eip=0x1000");
        }
    }

    @Test
    void instructionRunningOffTheEndOfRamFaultsOnFetch() {
        try (Machine m = machine("")) {
            m.memory.write(0xFFFFF, 1, 0xB8);  // mov $imm32,%eax whose immediate lies past RAM
            m.set("eip=0xfffff");
            assertEquals(new VcpuExit.Fault("fetch outside guest memory at 0x100000", 0xFFFFF), m.cpu.run(10));
        }
    }

    @Test
    void mmioLoadExitsThenCompletes() {
        try (Machine m = machine("8b00 90")) {
            m.set("eax=" + Machine.MMIO);
            assertEquals(new VcpuExit.Mmio(Machine.MMIO, 4, false, 0), m.cpu.run(10));
            m.expect("mmio read pending", "eip=0x1000");
            assertEquals(0, m.cpu.retired());
            m.cpu.completeRead(0xfeedface);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("mmio read done", "eax=0xfeedface eip=0x1002");
        }
    }

    @Test
    void mmioStoreExitsAfterTheInstruction() {
        try (Machine m = machine("66 8918 90")) {
            m.set("eax=" + (Machine.MMIO + 8) + " ebx=0x12345678");
            assertEquals(new VcpuExit.Mmio(Machine.MMIO + 8, 2, true, 0x5678), m.cpu.run(10));
            m.expect("mmio write", "eip=0x1003");
            assertEquals(1, m.cpu.retired());
        }
    }

    @Test
    void budgetIsExactlyHonoured() {
        try (Machine m = machine("40 ebfd")) {  // inc %eax; jmp back
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1001));
            assertEquals(1001, m.cpu.retired());
            m.expect("budget", "eax=501");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            assertEquals(1002, m.cpu.retired());
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(0));
            assertEquals(1002, m.cpu.retired());
        }
    }

    @Test
    void selfModifyingCodeTakesEffect() {
        // mov $1,%eax ; movb $2,0x1001 (its immediate) ; jmp back to the mov
        try (Machine m = machine("b801000000 c605 01100000 02 ebf2")) {
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(1));
            m.expect("first pass", "eax=1");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(3));
            m.expect("after the store", "eax=2 eip=0x1005");
        }
    }

    @Test
    void storeIntoTheTailOfAnInstructionCrossingPagesInvalidatesIt() {
        try (Machine m = machine("")) {
            // mov $0x11111111,%eax at 0x1ffe, crossing into page 0x2000; then jmp back over it.
            m.memory.load(0x1FFE, new byte[] {(byte) 0xB8, 0x11, 0x11, 0x11, 0x11, (byte) 0xEB, (byte) 0xF9});
            m.set("eip=0x1ffe");
            m.cpu.run(1);
            m.expect("first", "eax=0x11111111");
            m.memory.load(0x3000, new byte[] {(byte) 0xC7, 0x05, 0x00, 0x20, 0x00, 0x00, 0x22, 0x22, 0x22, 0x22});
            m.set("eip=0x3000");
            m.cpu.run(1);  // movl $0x22222222,0x2000 (overwrites the tail of the mov and the jmp)
            m.memory.write(0x2003, 1, 0x90);
            m.set("eip=0x1ffe");
            m.cpu.run(1);
            m.expect("after the store", "eax=0x22222211");
        }
    }

    @Test
    void saveRestoreRoundTrips() {
        try (Machine a = machine("40"); Machine b = machine("90")) {
            a.set("eax=1 ebx=2 ecx=3 edx=4 esi=5 edi=6 ebp=7 esp=0x8000 eip=0x1234 cf=1 zf=1 of=1 df=1 fs=0x33");
            VcpuState saved = a.cpu.save();
            assertEquals("x86", saved.isa());
            b.cpu.restore(saved);
            assertEquals(saved.registers(), b.cpu.save().registers());
            b.expect("restored", "eax=1 ebx=2 ecx=3 edx=4 esi=5 edi=6 ebp=7 esp=0x8000 eip=0x1234 cf=1 zf=1 of=1 df=1 fs=0x33 cs=8");
            assertEquals(isa.registers().all().size(), saved.registers().size());
        }
    }

    @Test
    void pvBootState() {
        try (Machine m = machine("90")) {
            m.expect("PV entry", "eip=0x1000 esi=0x8000 cs=0x08 ds=0x10 es=0x10 ss=0x10 eflags=2 if=0 cr0=1");
        }
    }

    @Test
    void hvmResetState() {
        try (Machine m = machine("90")) {
            isa.bootProtocol().boot(m.cpu, new BootInfo(GuestType.HVM, 0, 0, 0, 1 << 20, 0));
            m.expect("HVM reset", "eip=0xfff0 cs=0xf000 edx=0x600 eflags=2 cr0=0x60000010");
        }
    }

    @Test
    void providerIsFoundByServiceLoader() {
        assertTrue(ServiceLoader.load(IsaProvider.class).stream().anyMatch(p -> p.get().id().equals("x86")));
        assertEquals(3, isa.elfMachine());
        assertEquals(1, isa.elfClass());
        assertEquals(32, isa.wordBits());
        assertEquals("eip", isa.registers().pc().name());
    }

    @Test
    void disassemblesOneInstructionAsObjdump() {
        var d = isa.disassembler().disassemble(new byte[] {(byte) 0xcd, (byte) 0x82}, 0, 0x100000);
        assertEquals(2, d.length());
        assertEquals("\tcd 82                \tint    $0x82", d.lines().get(0).text());
    }
}
