package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * A 32-bit Xen PV kernel at ring 1 may set EFLAGS.TF with POPFD (TF is writable at any CPL, unlike IF): the
 * single-step #DB is bounced to its trap table's vector 1 handler with Xen's same-ring frame, after the instruction
 * that follows the POPFD, and the handler runs with TF clear.
 */
class PvSingleStep32Test {
    @Test
    void singleStepTrapsBounceToTheTrapTable() {
        // push $0x302; popfd; clc; int $0x82   (the handler: int $0x82)
        try (XenRig r = new XenRig(new X86IsaProvider(), "6802030000 9d f8 cd82".replace(" ", ""))) {
            r.load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(1, 0, XenRig.HANDLER), "set_trap_table: #DB");
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), "the #DB handler's hypercall");
            assertEquals(XenRig.HANDLER + 2, r.reg("eip"), "#DB bounced to the trap table's handler");
            long sp = r.reg("esp");
            assertEquals(XenRig.STACK - 12, sp, "same-ring frame without an error code");
            assertEquals(XenRig.CODE + 7, r.memory.read(sp, 4), "saved eip: after the CLC, not after the POPFD");
            assertEquals(GuestModes.FLAT_RING1_CS, r.memory.read(sp + 4, 4), "saved cs");
            assertEquals(0x100, r.memory.read(sp + 8, 4) & 0x100, "saved eflags: TF set");
            assertEquals(0x200, r.reg("eflags") & 0x300, "the handler runs with TF clear, the hardware IF still 1");
        }
    }
}
