package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * HLT as SCHEDOP_block in a 32-bit PAE Xen PV kernel at ring 1 ({@link PvHaltChecks}); at ring 3 (user mode) HLT
 * stays the #GP(0) it is, bounced to the kernel's trap table.
 */
class PvHalt32Test {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    static final long USER = 0x3000, USER_STACK = 0x6000;

    @Test void blocksUntilAnEvent() { PvHaltChecks.blocksUntilAnEvent(ISA); }

    @Test void takesAPendingEventAtOnce() { PvHaltChecks.takesAPendingEventAtOnce(ISA); }

    @Test void flatAbiHaltsAsTheCpuDoes() { PvHaltChecks.flatAbiHaltsAsTheCpuDoes(ISA); }

    @Test
    void hltInUserModeIsBouncedAsGeneralProtection() {
        try (XenRig r = new XenRig(ISA, "cd82")) {
            r.load(USER, "f4").load(XenRig.HANDLER, "cd82");
            assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table");
            assertEquals(0, r.call(3, GuestModes.FLAT_RING1_DS, XenRig.STACK), "stack_switch");
            long sp = XenRig.STACK - 0x100;
            long[] f = {0, USER, GuestModes.FLAT_RING3_CS, 0x202, USER_STACK, GuestModes.FLAT_RING3_DS};
            for (int i = 0; i < f.length; i++) r.memory.write(sp + 4L * i, 4, f[i]);
            r.set("esp", sp);
            assertEquals(0, r.call(23), "HYPERVISOR_iret to ring 3");
            r.memory.write(XenRig.SHARED + 1, 1, 1);
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(10), "the #GP handler's hypercall, no block");
            long k = r.reg("esp");
            assertEquals(0, r.memory.read(k, 4), "error code 0");
            assertEquals(USER, r.memory.read(k + 4, 4), "saved eip: the HLT");
            assertEquals(1, r.upcallMask(), "the upcall mask left set (no SCHEDOP_block from user mode)");
        }
    }
}
