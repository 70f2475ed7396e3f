package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * HLT in a Xen PV kernel (Xen's ring model) is SCHEDOP_block: event delivery is enabled (vcpu_info's upcall mask
 * cleared) and the vCPU leaves with a Halt exit, which the kernel turns into a block until an event is pending for
 * it (its set_timer_op deadline raising VIRQ_TIMER, here the kernel's part played by {@code raiseEventUpcall}); it
 * then takes the event upcall with the saved instruction pointer after the HLT. With an event already pending it
 * does not block. Shared by the x86 (ring 1, {@code int $0x82}) and x86_64 (ring 3, {@code syscall}) tests.
 */
public final class PvHaltChecks {
    public static final long EVENT = 0x2200;

    private PvHaltChecks() { }

    /** The hypercall instruction of the ISA. */
    static String hypercall(boolean wide) { return wide ? "0f05" : "cd82"; }

    static XenRig rigWithCallback(IsaProvider isa) {
        XenRig r = new XenRig(isa, "f4" + hypercall(isa.wordBits() == 64));
        r.load(EVENT, hypercall(r.wide));
        r.load(XenRig.HANDLER, hypercall(r.wide));
        assertEquals(0, r.trap(13, 0, XenRig.HANDLER), "set_trap_table: #GP");
        long rc = r.wide ? r.call(4, EVENT, 0, 0) : r.call(4, GuestModes.FLAT_RING1_CS, EVENT, GuestModes.FLAT_RING1_CS, 0);
        assertEquals(0, rc, "set_callbacks: event");
        return r;
    }

    /** The saved instruction pointer of the event upcall's frame (x86_64: rcx, r11, rip; x86: eip first). */
    static long savedIp(XenRig r) {
        long sp = r.reg(r.wide ? "rsp" : "esp");
        return r.wide ? r.memory.read(sp + 16, 8) : r.memory.read(sp, 4);
    }

    static String ip(XenRig r) { return r.wide ? "rip" : "eip"; }

    /** HLT with nothing pending blocks (Halt exit, mask cleared), and the event that wakes it is taken after it. */
    public static void blocksUntilAnEvent(IsaProvider isa) {
        try (XenRig r = rigWithCallback(isa)) {
            r.memory.write(XenRig.SHARED + 1, 1, 1);  // events masked, none pending
            assertSame(VcpuExit.HALT, r.cpu.run(20), isa.id() + " hlt: the vCPU blocks");
            assertEquals(XenRig.CODE + 1, r.reg(ip(r)), isa.id() + " hlt: retired, resumes after it");
            assertEquals(0, r.upcallMask(), isa.id() + " hlt: event delivery enabled as by SCHEDOP_block");
            // The kernel's timer fires: VIRQ_TIMER is pending, vcpu_info's upcall_pending set, the vCPU's upcall raised.
            r.set(ip(r), XenRig.CODE);
            assertSame(VcpuExit.HALT, r.cpu.run(20), isa.id() + " hlt again");
            r.memory.write(XenRig.SHARED, 1, 1);
            r.cpu.raiseEventUpcall();
            assertInstanceOf(VcpuExit.Hypercall.class, r.cpu.run(20), isa.id() + " woken: the callback's hypercall");
            assertEquals(EVENT + 2, r.reg(ip(r)), isa.id() + " the event callback ran");
            assertEquals(XenRig.CODE + 1, savedIp(r), isa.id() + " the upcall frame returns after the HLT");
            assertEquals(1, r.upcallMask(), isa.id() + " the upcall masks events again");
        }
    }

    /** HLT with an event pending (but masked) unmasks and takes the upcall at once, without blocking. */
    public static void takesAPendingEventAtOnce(IsaProvider isa) {
        try (XenRig r = rigWithCallback(isa)) {
            r.memory.write(XenRig.SHARED, 1, 1);      // upcall_pending
            r.memory.write(XenRig.SHARED + 1, 1, 1);  // masked
            VcpuExit e = r.cpu.run(20);
            assertInstanceOf(VcpuExit.Hypercall.class, e, isa.id() + " hlt with an event pending: no block, exit " + e);
            assertEquals(EVENT + 2, r.reg(ip(r)), isa.id() + " the event callback ran");
            assertEquals(XenRig.CODE + 1, savedIp(r), isa.id() + " saved ip after the HLT");
        }
    }

    /** Outside Xen's notes (Polyvisor's flat ABI at CPL 0) HLT is the CPU's: a Halt exit, the mask untouched. */
    public static void flatAbiHaltsAsTheCpuDoes(IsaProvider isa) {
        boolean wide = isa.wordBits() == 64;
        try (XenRig r = new XenRig(isa, "f4" + hypercall(wide), false)) {
            r.set(ip(r), XenRig.CODE);  // the rig's entry is the ENTRY note's, absent here
            r.memory.write(XenRig.SHARED + 1, 1, 1);
            assertSame(VcpuExit.HALT, r.cpu.run(20), isa.id() + " flat ABI hlt");
            assertEquals(1, r.upcallMask(), isa.id() + " flat ABI hlt leaves vcpu_info alone");
        }
    }
}
