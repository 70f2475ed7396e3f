package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/** Xen on ARM's event upcall on a PV vCPU (no GIC): an IRQ exception once vectors are installed and IRQs unmasked. */
class EventUpcallTest {
    private static final int MSR_VBAR_X1 = 0xd518c001, MSR_DAIFCLR_I = 0xd50342ff, NOP = 0xd503201f,
            MRS_X4_ELR = 0xd5384024, HVC_XEN = 0xd401d422;
    private static final long VECTORS = TestMachine.CODE + 0x800;

    @Test
    void anUpcallIsTakenAsAnIrqWhenTheGuestUnmasksIt() {
        try (TestMachine m = new TestMachine()) {
            m.code(TestMachine.CODE, MSR_VBAR_X1, NOP, MSR_DAIFCLR_I, NOP, NOP, NOP);
            m.code(VECTORS + 0x280, MRS_X4_ELR, HVC_XEN);   // IRQ, current EL with SP_ELx
            m.vcpu.setRegister(1, VECTORS);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(2));   // vectors in place, IRQs still masked
            m.vcpu.raiseEventUpcall();
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64: the upcall IRQ reached the vector");
            assertEquals(TestMachine.CODE + 12, m.vcpu.register(4), "arm64: ELR_EL1 is the instruction after DAIFClr");
        }
    }
}
