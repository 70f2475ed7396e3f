package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;

/**
 * Xen's {@code create_bounce_frame} for a vCPU in Xen's ring model ({@link GuestModes#rings}): how an exception, a
 * software interrupt, an event upcall or (x86_64) a syscall from user mode enters the guest kernel.
 *
 * <p>x86_64 (xen/arch/x86/x86_64/entry.S): from user mode (TF_kernel_mode clear) the vCPU first toggles to kernel
 * mode ({@link GuestModes#toggle}: kernel page tables, SWAPGS) and the frame goes on {@code kernel_sp}; from kernel
 * mode it goes on the current stack and the saved CS has its RPL cleared ("indicate kernel context to guest", so the
 * kernel's frames show CS 0xe030). The stack is aligned down to 16 and holds, from the top: SS, RSP, RFLAGS, CS with
 * the saved upcall mask in bits 32-39, RIP, [error code], R11, RCX. The saved RFLAGS has IF = !saved mask and IOPL 0
 * (the virtual IOPL with VMASST_TYPE_architectural_iopl). A bounce with TBF_INTERRUPT (an event, a trap-table entry
 * with TI flag 4, a syscall callback registered with CALLBACKF_mask_events) sets the mask. Then CS = 0xe033,
 * SS = 0xe02b, AC, VM, RF, NT and TF cleared, RIP = the handler.
 *
 * <p>x86_32 PAE (compat_create_bounce_frame): from ring 3 the frame goes on {@code kernel_ss:kernel_sp} and starts
 * with the old SS and ESP; then EFLAGS (IF = !mask, IOPL as above), CS with the mask in bits 16-23, EIP,
 * [error code]. Then CS:EIP = the handler's selector (RPL raised to 1 as Xen fixes guest selectors) and address,
 * VM, RF, NT and TF cleared.
 */
final class XenBounce {
    /** {@link #enter} results besides 0 (entered). */
    static final long CRASH = Long.MIN_VALUE + 1;
    private static final long TF = 1 << 8, IF = 1 << 9, IOPL = 0x3000, NT = 1 << 14, RF = 1 << 16, VM = 1 << 17, AC = 1 << 18;
    private static final int VMASST_ARCHITECTURAL_IOPL = 4;

    private XenBounce() { }

    /**
     * Bounces to {@code handler} ({@code handlerCs} on x86_32). {@code mask}: TBF_INTERRUPT. {@code error} &lt; 0:
     * no error code. Returns 0 when entered, {@code Vectors.MEMORY} when the frame could not be written (the bus holds
     * the fault), or {@link #CRASH} when the kernel stack segment or handler selector cannot be loaded.
     */
    static long enter(CpuState s, Bus bus, GuestModes modes, PvCallbacks cb, long handler, int handlerCs, boolean mask,
            long error, long returnIp) {
        int saved = modes.upcallMask();
        long flags = s.flags.value();
        long shown = (flags & ~(IF | IOPL)) | (saved == 0 ? IF : 0);
        if ((cb.vmAssist >>> VMASST_ARCHITECTURAL_IOPL & 1) != 0) shown |= (long) modes.iopl << 12;
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = true;
        try {
            return modes.wide() ? enter64(s, bus, modes, cb, handler, mask, error, returnIp, saved, flags, shown)
                    : enter32(s, bus, modes, cb, handler, handlerCs, mask, error, returnIp, saved, flags, shown);
        } finally {
            bus.implicitSupervisor = outer;
        }
    }

    private static long enter64(CpuState s, Bus bus, GuestModes modes, PvCallbacks cb, long handler, boolean mask,
            long error, long returnIp, int saved, long flags, long shown) {
        long ss = s.seg[CpuState.SS] & 0xFFFF, rsp = s.r[CpuState.RSP];
        long cs = s.seg[CpuState.CS] & 0xFFFF;
        long a;
        if (!modes.kernel) {
            modes.toggle(s, bus);
            a = cb.kernelSp;
        } else {
            a = rsp;
            cs &= ~3;
        }
        a &= ~15L;
        a = push(bus, a, 8, ss);
        a = push(bus, a, 8, rsp);
        a = push(bus, a, 8, shown);
        a = push(bus, a, 8, cs | (long) saved << 32);
        a = push(bus, a, 8, returnIp);
        if (error >= 0) a = push(bus, a, 8, error & 0xFFFF_FFFFL);
        a = push(bus, a, 8, s.r[11]);
        a = push(bus, a, 8, s.r[CpuState.RCX]);
        if (bus.abort != null) return org.polyvisor.isa.x86.trap.Vectors.MEMORY;
        if (mask) modes.setUpcallMask(1);
        modes.load(s, bus, CpuState.CS, GuestModes.FLAT_RING3_CS64);
        modes.load(s, bus, CpuState.SS, GuestModes.FLAT_RING3_SS64);
        s.r[CpuState.RSP] = a;
        s.flags.load(flags & ~(AC | VM | RF | NT | TF));
        s.rip = handler;
        return 0;
    }

    private static long enter32(CpuState s, Bus bus, GuestModes modes, PvCallbacks cb, long handler, int handlerCs,
            boolean mask, long error, long returnIp, int saved, long flags, long shown) {
        int oldSs = s.seg[CpuState.SS], cs = s.seg[CpuState.CS];
        long oldSsBase = s.segBase[CpuState.SS], oldSsLimit = s.segLimit[CpuState.SS];
        int oldSsAttr = s.segAttr[CpuState.SS];
        long esp = s.r[CpuState.RSP] & 0xFFFF_FFFFL, a = esp;
        boolean fromUser = (cs & 2) != 0;
        if (fromUser) {
            int kss = (int) cb.kernelSs & 0xFFFF;
            if ((kss & 3) == 0) kss |= 1;
            if (!modes.load(s, bus, CpuState.SS, kss)) return CRASH;
            a = cb.kernelSp & 0xFFFF_FFFFL;
        }
        long base = s.segBase[CpuState.SS];
        if (fromUser) {
            a = push32(bus, base, a, oldSs);
            a = push32(bus, base, a, esp);
        }
        a = push32(bus, base, a, shown);
        a = push32(bus, base, a, cs | saved << 16);
        a = push32(bus, base, a, returnIp);
        if (error >= 0) a = push32(bus, base, a, error);
        int hcs = handlerCs & 0xFFFF;
        if ((hcs & 3) == 0) hcs |= 1;
        if (bus.abort != null || !modes.load(s, bus, CpuState.CS, hcs)) {
            s.seg[CpuState.SS] = oldSs;
            s.segBase[CpuState.SS] = oldSsBase;
            s.segLimit[CpuState.SS] = oldSsLimit;
            s.segAttr[CpuState.SS] = oldSsAttr;
            s.updateMode();
            return bus.abort != null ? org.polyvisor.isa.x86.trap.Vectors.MEMORY : CRASH;
        }
        if (mask) modes.setUpcallMask(1);
        s.r[CpuState.RSP] = a;
        s.flags.load(flags & ~(VM | RF | NT | TF));
        s.rip = handler & 0xFFFF_FFFFL;
        return 0;
    }

    private static long push(Bus bus, long sp, int width, long value) {
        sp -= width;
        if (bus.abort == null) bus.write(sp, width, value);
        return sp;
    }

    private static long push32(Bus bus, long base, long sp, long value) {
        sp = (sp - 4) & 0xFFFF_FFFFL;
        if (bus.abort == null) bus.write((base + sp) & 0xFFFF_FFFFL, 4, value);
        return sp;
    }
}
