package org.polyvisor.isa.ppc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.Asm.*;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's event upcall of a PV domain through the {@link Vcpu} interface: the external interrupt at 0x500 with SRR0
 * at the next instruction and SRR1 the MSR, only with MSR[EE] = 1 and the vector installed, latched until then
 * (taken right after the rfi or mtmsr that sets EE), consumed by the entry and taken again when the kernel raises it
 * again (as it does on every hypercall return while upcall_pending is set).
 */
class PpcEventUpcallTest {
    private static final long CODE = 0x2000;
    private static final long MSR_EE = 0x8000, MSR_ME = 0x1000;
    /** r20 counts the handler's entries, r21 keeps the SRR0 it saw; it returns with rfi. */
    private static final int[] COUNTING_HANDLER = {addi(20, 20, 1), mfspr(21, SPR_SRR0), RFI};
    private final PpcIsaProvider isa = new PpcIsaProvider();
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);

    private Vcpu vcpu(long msr, int... code) {
        put(CODE, code);
        Vcpu v = isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        v.setRegister(MSR, msr);
        return v;
    }

    private void put(long at, int... words) {
        for (int k = 0; k < words.length; k++) mem.write(at + 4L * k, 4, words[k]);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // case, MSR, handler installed, instructions run, entries expected, pc expected
            "EE = 1 and installed: taken before the next instruction, 0x9000, true,  1, 1, 0x500",
            "EE = 0: stays latched,                                     0x1000, true,  3, 0, 0x200c",
            "no handler at 0x500: stays latched,                        0x9000, false, 3, 0, 0x200c",
    })
    void deliveryNeedsEeAndAnInstalledVector(String what, long msr, boolean installed, int steps, int entries, long pc) {
        if (installed) put(0x500, SPIN);
        Vcpu v = vcpu(msr, NOP, NOP, NOP, SPIN);
        v.raiseEventUpcall();
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(steps), what);
        assertEquals(pc, v.pc(), "ppc upcall, " + what + ": pc");
        if (entries == 1) {
            assertEquals(CODE, v.register(SRR0), "ppc upcall, " + what + ": SRR0 is the interrupted instruction");
            assertEquals(msr, v.register(SRR1), "ppc upcall, " + what + ": SRR1 is the MSR, no cause bits");
            assertEquals(MSR_ME, v.register(MSR), "ppc upcall, " + what + ": EE, PR, IR, DR cleared, ME kept");
        } else {
            assertTrue(v.hasWakeEvent(), "ppc upcall, " + what + ": still pending, so a halt would end");
        }
    }

    @Test
    void mtmsrSettingEeTakesALatchedUpcallBeforeTheNextInstruction() {
        put(0x500, SPIN);
        Vcpu v = vcpu(MSR_ME, li(3, (int) MSR_ME), ori(3, 3, (int) MSR_EE), mtmsr(3), NOP, SPIN);
        v.raiseEventUpcall();
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(CODE + 12, v.pc(), "ppc upcall: mtmsr done, not yet taken");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        assertEquals(0x500, v.pc(), "ppc upcall: taken before the nop after mtmsr");
        assertEquals(CODE + 12, v.register(SRR0), "ppc upcall: SRR0 = the instruction after mtmsr");
        assertEquals(MSR_EE | MSR_ME, v.register(SRR1), "ppc upcall: SRR1 = the MSR mtmsr set");
    }

    @Test
    void theEntryConsumesItAndARaiseDuringTheHandlerIsTakenRightAfterRfi() {
        put(0x500, COUNTING_HANDLER);
        Vcpu v = vcpu(MSR_EE | MSR_ME, NOP, NOP, NOP, NOP, NOP, NOP, SPIN);
        v.raiseEventUpcall();
        v.run(2);                                    // entry, then addi and mfspr of the handler
        assertEquals(1, v.register(20), "ppc upcall: one entry");
        v.raiseEventUpcall();                        // the kernel raises it again while the handler runs (EE = 0)
        v.run(1);                                    // rfi: EE = 1 again
        assertEquals(CODE, v.pc(), "ppc upcall: rfi returned");
        v.run(1);                                    // the latched upcall is taken before the instruction at CODE
        assertEquals(2, v.register(20), "ppc upcall: entered again");
        assertEquals(CODE, v.register(SRR0), "ppc upcall: SRR0 = where rfi returned to, nothing ran there");
        v.run(20);
        assertEquals(2, v.register(20), "ppc upcall: consumed by each entry, so two raises make two entries");
        assertFalse(v.hasWakeEvent(), "ppc upcall: nothing pending after the entries");
    }

    @Test
    void aRaiseAfterAHypercallIsTakenWithSrr0AfterTheSc() {
        put(0x500, COUNTING_HANDLER);
        Vcpu v = vcpu(MSR_EE | MSR_ME, li(3, 29), HYPERCALL, NOP, SPIN);
        assertEquals(VcpuExit.HYPERCALL, v.run(10));
        v.setRegister(3, 0);                          // the kernel's result, then its re-raise on the way back
        v.raiseEventUpcall();
        v.run(3);
        assertEquals(1, v.register(20), "ppc upcall after a hypercall: entered once");
        assertEquals(CODE + 8, v.register(21), "ppc upcall after a hypercall: SRR0 = the instruction after sc 1");
    }

    @Test
    void theBoardsExternalInterruptAndTheUpcallAreTwoEntries() {
        put(0x500, COUNTING_HANDLER);
        Vcpu v = vcpu(MSR_EE | MSR_ME, NOP, NOP, NOP, NOP, SPIN);
        v.raiseInterrupt(0);
        v.raiseEventUpcall();
        v.run(12);
        assertEquals(2, v.register(20), "ppc: the board's input first, then the upcall, each at 0x500");
    }

    @Test
    void aLatchedUpcallSurvivesSaveAndRestore() {
        put(0x500, SPIN);
        Vcpu v = vcpu(MSR_ME, NOP, SPIN);
        v.raiseEventUpcall();
        v.run(1);
        Vcpu copy = isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        copy.restore(v.save());
        copy.setRegister(MSR, MSR_EE | MSR_ME);
        copy.run(1);
        assertEquals(0x500, copy.pc(), "ppc upcall: still latched after restore");
    }
}
