package org.polyvisor.isa.arm64.trap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.GuestProgram;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Exception delivery into a guest that has installed VBAR_EL1: the guest of src/test/resources/exceptions/program.S
 * records, in its vectors, the vector offset (x9), ESR_EL1 (x3), ELR_EL1 (x4), FAR_EL1 (x8), SPSR_EL1 (x11) and
 * SP (x13), then makes the Xen hypercall so the test can look.
 */
class ExceptionDeliveryTest {
    private static final long RAM = Arm64IsaProvider.RAM_BASE;
    private static final GuestProgram PROGRAM = GuestProgram.load("/exceptions/program.words");

    private final AtomicLong nanos = new AtomicLong();
    private final FlatGuestMemory memory = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, 64 * 1024);
    private final Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(memory, 0, GuestType.PV, nanos::get));

    private static long at(String label) { return RAM + PROGRAM.offset(label); }

    private VcpuExit start(String label, long budget) {
        PROGRAM.writeTo(memory, RAM);
        cpu.setRegister(Arm64Registers.SP, RAM + 0xF000);
        cpu.setPc(at(label));
        return cpu.run(budget);
    }

    private void assertTaken(String what, int vectorOffset, long esr, long elr, long spsr) {
        assertEquals(hex(vectorOffset), hex(cpu.register(9)), "arm64 " + what + ": vector offset");
        assertEquals(hex(esr), hex(cpu.register(3)), "arm64 " + what + ": ESR_EL1");
        assertEquals(hex(elr), hex(cpu.register(4)), "arm64 " + what + ": ELR_EL1");
        assertEquals(hex(spsr), hex(cpu.register(11)), "arm64 " + what + ": SPSR_EL1");
        assertEquals(hex(0x3c5), hex(cpu.register(Arm64Registers.CPSR) & 0x3ff), "arm64 " + what + ": PSTATE after entry is EL1h, DAIF masked");
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    @Test
    void svcFromEl0RoundTripsWithBankedStackPointers() {
        cpu.setRegister(10, RAM + 0xE000);   // SP_EL0
        assertEquals(VcpuExit.HYPERCALL, start("t_el0svc", 100));
        assertTaken("svc #0x42 from EL0", 0x400, 0x56000042L, at("el0code") + 8, 0x0);
        assertEquals(hex(RAM + 0xE000), hex(cpu.register(12)), "arm64: SP at EL0 is SP_EL0");
        assertEquals(hex(RAM + 0xF000), hex(cpu.register(13)), "arm64: SP in the handler is SP_EL1");
        assertEquals(VcpuExit.HYPERCALL, cpu.run(100), "second svc");
        assertEquals(7, cpu.register(6), "arm64: ERET resumed EL0 after the svc");
        assertTaken("svc #1 from EL0", 0x400, 0x56000001L, at("el0code") + 16, 0x0);
    }

    @Test
    void saveAndRestoreCarryTheSystemState() {
        cpu.setRegister(10, RAM + 0xE000);
        assertEquals(VcpuExit.HYPERCALL, start("t_el0svc", 100));
        org.polyvisor.spi.VcpuState saved = cpu.save();
        Vcpu other = new Arm64IsaProvider().createVcpu(new VcpuConfig(memory, 0, GuestType.PV, nanos::get));
        other.restore(saved);
        assertEquals(VcpuExit.HYPERCALL, other.run(100), "the restored vCPU returns to EL0 and takes the second svc");
        assertEquals(7, other.register(6));
        assertEquals(hex(0x56000001L), hex(other.register(3)), "arm64 restored: ESR_EL1");
        assertEquals(hex(RAM + 0xE000), hex(other.register(12)), "arm64 restored: SP_EL0 bank");
        assertEquals(hex(RAM + 0xF000), hex(other.register(13)), "arm64 restored: SP_EL1 bank");
    }

    @Test
    void undefinedAtEl1hGoesToCurrentSpxWithEc0() {
        assertEquals(VcpuExit.HYPERCALL, start("t_undef", 100));
        assertTaken("udf #0", 0x200, 0x02000000L, at("t_undef") + 8, 0x3c5);
    }

    @Test
    void brkAtEl1tGoesToCurrentSp0() {
        assertEquals(VcpuExit.HYPERCALL, start("t_brk_sp0", 100));
        assertTaken("brk #3 at EL1t", 0x000, 0xf2000003L, at("t_brk_sp0") + 12, 0x3c4);
    }

    @Test
    void dataAbortsCarryDfscWnrAndFar() {
        long[][] rows = {
            // x1, label, expected ESR (EC 0x25, IL, ISS), expected FAR
            {0x1000, 0, 0x96000010L, 0x1000},         // load, synchronous external abort
            {0x1000, 1, 0x96000050L, 0x1008},         // store: WnR set
            {1L << 52, 0, 0x96000000L, 1L << 52},     // above the 48-bit PA space: address size fault, level 0
        };
        for (long[] r : rows) {
            String label = r[1] == 0 ? "t_load" : "t_store";
            ExceptionDeliveryTest t = new ExceptionDeliveryTest();
            t.cpu.setRegister(1, r[0]);
            assertEquals(VcpuExit.HYPERCALL, t.start(label, 100), label);
            t.assertTaken(label + " at " + hex(r[0]), 0x200, r[2], t.at(label) + 8, 0x3c5);
            assertEquals(hex(r[3]), hex(t.cpu.register(8)), "arm64 " + label + ": FAR_EL1");
        }
    }

    @Test
    void instructionAbortAndPcAlignment() {
        cpu.setRegister(1, 0x1000);
        assertEquals(VcpuExit.HYPERCALL, start("t_branch", 100));
        assertTaken("br to 0x1000", 0x200, 0x86000010L, 0x1000, 0x3c5);
        assertEquals(hex(0x1000), hex(cpu.register(8)), "arm64 instruction abort: FAR_EL1");

        ExceptionDeliveryTest t = new ExceptionDeliveryTest();
        t.cpu.setRegister(1, RAM + 2);
        assertEquals(VcpuExit.HYPERCALL, t.start("t_branch", 100));
        t.assertTaken("br to a misaligned pc", 0x200, 0x8a000000L, RAM + 2, 0x3c5);
        assertEquals(hex(RAM + 2), hex(t.cpu.register(8)), "arm64 pc alignment: FAR_EL1");
    }

    @Test
    void spAlignmentFaultWhenSctlrSaIsSet() {
        assertEquals(VcpuExit.BUDGET_SPENT, start("t_spalign", 2));   // two instructions: vbar set up
        cpu.setRegister(Arm64Registers.SP, RAM + 0xF008);
        assertEquals(VcpuExit.HYPERCALL, cpu.run(100));
        assertTaken("ldr x0, [sp] with sp % 16 = 8", 0x200, 0x9a000000L, at("t_spalign") + 20, 0x3c5);
    }

    @Test
    void el0MayReadTpidrEl0ButNotSctlr() {
        assertEquals(VcpuExit.HYPERCALL, start("t_el0mrs", 100));
        assertTaken("mrs x0, sctlr_el1 at EL0", 0x400, 0x02000000L, at("el0mrs") + 4, 0x0);
    }

    @Test
    void irqIsTakenOnlyWhenUnmasked() {
        assertEquals(VcpuExit.BUDGET_SPENT, start("t_irq", 2), "vbar installed, still masked");
        cpu.raiseInterrupt(27);
        assertEquals(VcpuExit.BUDGET_SPENT, cpu.run(1), "daifclr retires");
        assertEquals(VcpuExit.HYPERCALL, cpu.run(100));
        assertEquals(hex(0x280), hex(cpu.register(9)), "arm64 irq: vector offset");
        assertEquals(hex(at("t_irq_loop")), hex(cpu.register(4)), "arm64 irq: ELR_EL1 is the next instruction");
        assertEquals(hex(0x305), hex(cpu.register(11)), "arm64 irq: SPSR_EL1 has I and F clear");
        assertEquals(VcpuExit.BUDGET_SPENT, cpu.run(50), "the latch was cleared: no second irq");
    }

    @Test
    void fiqLineGoesToTheFiqVector() {
        assertEquals(VcpuExit.BUDGET_SPENT, start("t_irq", 3));
        cpu.raiseInterrupt(org.polyvisor.isa.arm64.exec.Arm64Vcpu.FIQ_LINE);
        assertEquals(VcpuExit.HYPERCALL, cpu.run(100));
        assertEquals(hex(0x300), hex(cpu.register(9)), "arm64 fiq: vector offset");
    }

    @Test
    void virtualTimerFiresWhenItsDeadlinePasses() {
        assertEquals(VcpuExit.BUDGET_SPENT, start("t_timer", 7));
        assertEquals(VcpuExit.BUDGET_SPENT, cpu.run(3000), "100 ticks = 1600 ns have not passed");
        nanos.set(1600);
        assertEquals(VcpuExit.HYPERCALL, cpu.run(3000));
        assertEquals(hex(0x280), hex(cpu.register(9)), "arm64 timer irq: vector offset");
    }

    @Test
    void wfiHaltsUnlessAnInterruptIsPendingOrATimerIsArmed() {
        memory.write(RAM, 4, 0xd503207fL);   // wfi
        cpu.setPc(RAM);
        assertEquals(VcpuExit.HALT, cpu.run(10), "nothing pending");
        cpu.setPc(RAM);
        cpu.raiseInterrupt(27);
        assertEquals(VcpuExit.BUDGET_SPENT, cpu.run(1), "a pending (masked) irq: WFI completes");
        assertEquals(RAM + 4, cpu.pc());
    }

    @Test
    void withNoVectorsTheDomainCrashesAsBefore() {
        memory.write(RAM, 4, 0xd4000841L);   // svc #0x42
        cpu.setPc(RAM);
        assertEquals(new VcpuExit.Fault("svc #0x42 with no exception vectors installed", RAM), cpu.run(10));
        cpu.raiseInterrupt(27);
        cpu.setRegister(Arm64Registers.CPSR, 0x4);   // EL1t, unmasked: still no vectors, so the irq waits
        assertEquals(new VcpuExit.Fault("svc #0x42 with no exception vectors installed", RAM), cpu.run(10));
    }
}
