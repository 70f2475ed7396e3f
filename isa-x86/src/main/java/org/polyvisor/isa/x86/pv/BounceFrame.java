package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;

/**
 * Delivers an event upcall to the registered event callback with the frame Xen's {@code create_bounce_frame}
 * builds for a PV guest interrupted in kernel mode (Polyvisor's PV kernels run flat at CPL 0, see
 * {@code X86BootProtocol}; the upcall is taken only there, with EFLAGS.IF = 1).
 * <p>x86_64 ({@code wide}): the stack pointer is first aligned down to 16 bytes, then seven quadwords
 * are pushed: at the aligned {@code A}, {@code [A-8] = SS}, {@code [A-16] = RSP} (the interrupted value, unaligned),
 * {@code [A-24] = RFLAGS}, {@code [A-32] = CS} (bits 0-15; bits 32-39 the saved upcall mask, 0 because the kernel
 * raises upcalls only while it is clear), {@code [A-40] = RIP}, then {@code [A-48] = R11} and
 * {@code [A-56] = RCX}; RSP = A - 56. The handler pops RCX and R11 and returns with IRETQ, as a Linux PV kernel does.
 * <p>x86_32: the same-ring IRET frame, no alignment: {@code [ESP-4] = EFLAGS}, {@code [ESP-8] = CS} (bits 16-23
 * the saved upcall mask, 0), {@code [ESP-12] = EIP}; ESP -= 12. The handler returns with IRET. The registered
 * callback CS is recorded (the context returns it) but the callback runs in the current flat kernel CS.
 * <p>In Xen's ring model ({@link GuestModes#rings}) the frame is {@link XenBounce}'s instead, and the mask is
 * vcpu_info's evtchn_upcall_mask.
 * <p>Then RIP/EIP = the event callback, and TF, NT, RF, VM and AC are cleared as Xen clears them. Xen masks
 * further upcalls by setting the vcpu_info's {@code evtchn_upcall_mask} and shows !mask as IF in the saved flags;
 * a Polyvisor PV kernel has a real EFLAGS.IF at ring 0, so delivery also clears IF (the saved flags keep IF = 1):
 * the handler's IRET unmasks, like the mask restore on Xen's iret.
 */
public final class BounceFrame {
    private static final long TF = 1 << 8, IF = 1 << 9, NT = 1 << 14, RF = 1 << 16, VM = 1 << 17, AC = 1 << 18;

    private BounceFrame() { }

    /**
     * True when an upcall can be taken now: an event callback registered, and the kernel at CPL 0 with IF = 1; in
     * Xen's ring model ({@link GuestModes}) instead vcpu_info's evtchn_upcall_mask clear and upcall_pending still set.
     */
    public static boolean ready(PvCallbacks c, CpuState s) {
        if (!c.eventRegistered()) return false;
        GuestModes m = c.modes;
        if (m.rings) return m.upcallMask() == 0 && (m.vcpuInfo < 0 || m.upcallPending());
        return s.cpl() == 0 && s.flags.interruptsEnabled();
    }

    /** Pushes the frame and enters the callback; false (nothing changed but guest memory) when a push faults. */
    public static boolean deliver(PvCallbacks c, CpuState s, Bus bus) {
        if (c.modes.rings) {  // Xen's create_bounce_frame with TBF_INTERRUPT
            long r = XenBounce.enter(s, bus, c.modes, c, c.eventIp, (int) c.eventCs, true, -1, s.rip);
            bus.abort = null;
            return r == 0;
        }
        long flags = s.flags.value();
        boolean saved = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        try {
            if (c.wide()) {
                long rsp = s.r[CpuState.RSP];
                long a = rsp & ~15L;
                bus.write(a - 8, 8, s.seg[CpuState.SS] & 0xFFFFL);
                bus.write(a - 16, 8, rsp);
                bus.write(a - 24, 8, flags);
                bus.write(a - 32, 8, s.seg[CpuState.CS] & 0xFFFFL);
                bus.write(a - 40, 8, s.rip);
                bus.write(a - 48, 8, s.r[11]);
                bus.write(a - 56, 8, s.r[CpuState.RCX]);
                if (bus.abort != null) { bus.abort = null; return false; }
                s.r[CpuState.RSP] = a - 56;
            } else {
                long esp = s.r[CpuState.RSP] & 0xFFFF_FFFFL;
                long base = s.segBase[CpuState.SS];
                bus.write((base + esp - 4) & 0xFFFF_FFFFL, 4, flags);
                bus.write((base + esp - 8) & 0xFFFF_FFFFL, 4, s.seg[CpuState.CS] & 0xFFFFL);
                bus.write((base + esp - 12) & 0xFFFF_FFFFL, 4, s.rip);
                if (bus.abort != null) { bus.abort = null; return false; }
                s.r[CpuState.RSP] = (esp - 12) & 0xFFFF_FFFFL;
            }
        } finally {
            bus.implicitSupervisor = saved;
        }
        s.flags.load(flags & ~(TF | NT | RF | VM | AC | IF));
        s.rip = c.eventIp & s.addressMask;
        return true;
    }
}
