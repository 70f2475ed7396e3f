package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.ExceptionEntry;
import org.polyvisor.isa.x86.exec.Segments;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * The PV hypercalls that set a vCPU's own CPU state (Xen's arch/x86/pv/*.c):
 * <ul>
 * <li>{@code stack_switch} (3) {@code (ss, sp)}: the kernel stack a trap from CPL 3 bounces to; always 0.</li>
 * <li>{@code fpu_taskswitch} (5) {@code (set)}: CR0.TS = (set != 0), the lazy-FPU switch; always 0.</li>
 * <li>{@code vm_assist} (21) {@code (cmd, type)}: VMASST_CMD_enable 0 / disable 1 (else -ENOSYS) of types 0-5 and,
 *     on x86_64, 32 (m2p_strict) (else -EINVAL): the bit in {@link PvCallbacks#vmAssist}.</li>
 * <li>{@code iret} (23): x86_64 pops {@code struct iret_context { rax, r11, rcx, flags, rip, cs, rflags, rsp, ss }}
 *     from the guest stack: rax is the call's result, r11 and rcx are restored unless {@code flags} has
 *     VGCF_in_syscall (0x100), and rip, cs, rflags, rsp, ss are an IRETQ frame, returned from with IRETQ's checks.
 *     x86_32 pops eax, then returns with IRET from the eip, cs, eflags[, esp, ss] above it. An unreadable frame is
 *     -EFAULT, one IRET refuses -EINVAL; either way nothing changes.</li>
 * <li>{@code set_segment_base} (25, x86_64 only, else -ENOSYS) {@code (which, base)}: SEGBASE_FS 0 (FS base),
 *     SEGBASE_GS_USER 1 (the user GS base, in KERNEL_GS_BASE while the kernel runs), SEGBASE_GS_KERNEL 2 (GS base),
 *     SEGBASE_GS_USER_SEL 3 (loads the user's GS selector between two SWAPGS: GS = the selector, a null one if it
 *     faults, and the user GS base = its descriptor's base); a non-canonical base or another {@code which} -EINVAL.</li>
 * <li>{@code physdev_op} (33) {@code (cmd, arg)}: PHYSDEVOP_set_iopl (6) reads {@code { u32 iopl; }} (-EFAULT),
 *     iopl above 3 is -EINVAL, else EFLAGS.IOPL = iopl (in Xen's ring model the virtual {@link GuestModes#iopl}
 *     instead: the hardware IOPL stays 0, so port access traps to {@link PrivilegedOps}); other commands -ENOSYS
 *     (the domain has no devices).</li>
 * </ul>
 */
final class PvCpuOps {
    static final int STACK_SWITCH = 3, FPU_TASKSWITCH = 5, VM_ASSIST = 21, IRET = 23, SET_SEGMENT_BASE = 25, PHYSDEV_OP = 33;
    static final int VMASST_ENABLE = 0, VMASST_DISABLE = 1;
    static final int SEGBASE_FS = 0, SEGBASE_GS_USER = 1, SEGBASE_GS_KERNEL = 2, SEGBASE_GS_USER_SEL = 3;
    static final int PHYSDEVOP_SET_IOPL = 6;
    static final long VGCF_IN_SYSCALL = 0x100;
    private static final long CR0_TS = 8, IOPL = 0x3000, IF = 0x200, VM = 1 << 17;
    private static final int[] DATA_SEGMENTS = {CpuState.ES, CpuState.DS, CpuState.FS, CpuState.GS};
    private static final long VALID_ASSISTS_32 = 0x3F, VALID_ASSISTS_64 = 0x3F | 1L << 32;

    private final CpuState s;
    private final Bus bus;
    private final GuestView guest;
    private final PvCallbacks cb;
    private final boolean wide;
    private final Segments segments;
    private final ExceptionEntry entry;

    PvCpuOps(CpuState s, Bus bus, GuestView guest, PvCallbacks cb, boolean wide) {
        this.s = s; this.bus = bus; this.guest = guest; this.cb = cb; this.wide = wide;
        this.segments = new Segments(s, bus);
        this.entry = new ExceptionEntry(s, bus, segments);
    }

    long stackSwitch(long ss, long sp) {
        cb.kernelSs = ss & 0xFFFF;
        cb.kernelSp = sp;
        return 0;
    }

    long fpuTaskswitch(long set) {
        s.cr0 = set != 0 ? s.cr0 | CR0_TS : s.cr0 & ~CR0_TS;
        return 0;
    }

    long vmAssist(long cmd, long type) {
        if (cmd != VMASST_ENABLE && cmd != VMASST_DISABLE) return -Errno.ENOSYS;
        long valid = wide ? VALID_ASSISTS_64 : VALID_ASSISTS_32;
        if (type < 0 || type >= 64 || (valid >>> type & 1) == 0) return -Errno.EINVAL;
        cb.vmAssist = cmd == VMASST_ENABLE ? cb.vmAssist | 1L << type : cb.vmAssist & ~(1L << type);
        return 0;
    }

    long iret() {
        if (cb.modes.rings) return wide ? iretRing64() : iretRing32();
        long sp = s.r[CpuState.RSP];
        int w = wide ? 8 : 4;
        long rax = guest.read(sp, w);
        long r11 = wide ? guest.read(sp + 8, 8) : 0, rcx = wide ? guest.read(sp + 16, 8) : 0;
        long flags = wide ? guest.read(sp + 24, 8) : 0;
        if (guest.faulted()) return -Errno.EFAULT;
        int cpl = s.cpl();
        s.r[CpuState.RSP] = (sp + (wide ? 32 : 4)) & s.addressMask;
        long f = entry.iret(w);
        if (f != 0) {
            s.r[CpuState.RSP] = sp;
            bus.abort = null;
            return f == Vectors.MEMORY ? -Errno.EFAULT : -Errno.EINVAL;
        }
        if (s.cpl() != cpl) bus.flushTlb();
        if (wide && (flags & VGCF_IN_SYSCALL) == 0) {
            s.r[11] = r11;
            s.r[CpuState.RCX] = rcx;
        }
        return rax;
    }

    /**
     * Xen's do_iret in the ring model (x86_64): {@code struct iret_context} at RSP; a CS with RPL 3 returns to user
     * mode (toggle_guest_mode; without a NEW_USER_BASEPTR table Xen crashes the domain: here -EINVAL, nothing
     * changed); CS and SS get RPL 3 ("force guest privilege"), RFLAGS loses IOPL and VM and keeps IF = 1, R11/RCX
     * come back unless VGCF_in_syscall, and vcpu_info's upcall mask becomes !IF of the saved flags. A CS or SS that
     * cannot be loaded (not Xen's flat selectors nor a DPL 3 descriptor of the guest's) is -EINVAL.
     */
    private long iretRing64() {
        long sp = s.r[CpuState.RSP];
        long[] f = new long[9];
        for (int i = 0; i < 9; i++) f[i] = guest.read(sp + 8L * i, 8);
        if (guest.faulted()) return -Errno.EFAULT;
        long rip = f[4], rflags = f[6], rsp = f[7];
        int cs = (int) f[5] & 0xFFFF | 3, ss = (int) f[8] & 0xFFFF | 3;
        GuestModes m = cb.modes;
        boolean toUser = (f[5] & 3) == 3;
        if (toUser && m.userRoot == 0) return -Errno.EINVAL;
        if (m.reserved(cs) == 0 && !probe(CpuState.CS, cs) || m.reserved(ss) == 0 && !probe(CpuState.SS, ss)) return -Errno.EINVAL;
        if (toUser) m.toggle(s, bus);
        m.load(s, bus, CpuState.CS, cs);
        m.load(s, bus, CpuState.SS, ss);
        if ((cb.vmAssist >>> 4 & 1) != 0) m.iopl = (int) (rflags >>> 12) & 3;
        s.rip = rip;
        s.flags.load((rflags & ~(IOPL | VM)) | IF);
        s.r[CpuState.RSP] = rsp;
        if ((f[3] & VGCF_IN_SYSCALL) == 0) {
            s.r[11] = f[1];
            s.r[CpuState.RCX] = f[2];
        }
        m.setUpcallMask((rflags & IF) == 0 ? 1 : 0);
        return f[0];
    }

    /**
     * Xen's compat_iret (x86_32 PAE at ring 1): EAX, EIP, CS, EFLAGS at ESP (and ESP, SS for a return to ring 2/3);
     * EFLAGS loses IOPL and keeps IF = 1, a CS of ring 0 (or VM) crashes the domain in Xen: here -EINVAL, nothing
     * changed; the upcall mask becomes !IF of the saved EFLAGS. A return to ring 3 nulls the data segments of a
     * lower DPL, as the hardware IRET Xen ends with does.
     */
    private long iretRing32() {
        long sp = s.r[CpuState.RSP] & 0xFFFF_FFFFL, base = s.segBase[CpuState.SS];
        long[] f = new long[6];
        for (int i = 0; i < 4; i++) f[i] = guest.read((base + sp + 4L * i) & 0xFFFF_FFFFL, 4);
        if (guest.faulted()) return -Errno.EFAULT;
        int cs = (int) f[2] & 0xFFFF;
        long eflags = f[3];
        if ((eflags & VM) != 0 || (cs & 3) == 0) return -Errno.EINVAL;
        boolean outer = (cs & 3) != 1;
        if (outer) {
            for (int i = 4; i < 6; i++) f[i] = guest.read((base + sp + 4L * i) & 0xFFFF_FFFFL, 4);
            if (guest.faulted()) return -Errno.EFAULT;
        }
        GuestModes m = cb.modes;
        int ss = outer ? (int) f[5] & 0xFFFF : s.seg[CpuState.SS];
        if (!probe(CpuState.CS, cs) || outer && !probe(CpuState.SS, ss)) return -Errno.EINVAL;
        m.load(s, bus, CpuState.CS, cs);
        if (outer) {
            m.load(s, bus, CpuState.SS, ss);
            // IRET to an outer ring nulls the data segments it may not use (data or non-conforming code, DPL < CPL)
            for (int sreg : DATA_SEGMENTS) {
                int attr = s.segAttr[sreg];
                boolean conformingCode = (attr & 0x0C) == 0x0C && (attr & 0x10) != 0;
                if ((s.seg[sreg] & 0xFFFC) != 0 && !conformingCode && (attr >>> 5 & 3) < (cs & 3)) {
                    s.seg[sreg] = 0;
                    s.segAttr[sreg] = 0;
                    s.segBase[sreg] = 0;
                    s.segLimit[sreg] = 0;
                }
            }
        }
        if ((cb.vmAssist >>> 4 & 1) != 0) m.iopl = (int) (eflags >>> 12) & 3;
        s.rip = f[1];
        s.flags.load((eflags & ~IOPL) | IF);
        s.r[CpuState.RSP] = outer ? f[4] : (sp + 16) & 0xFFFF_FFFFL;
        m.setUpcallMask((eflags & IF) == 0 ? 1 : 0);
        return f[0];
    }

    /** Whether {@code sel} loads into {@code sreg} (checked on a copy: the vCPU's segment is left as it was). */
    private boolean probe(int sreg, int sel) {
        int seg = s.seg[sreg], attr = s.segAttr[sreg];
        long base = s.segBase[sreg], limit = s.segLimit[sreg];
        boolean ok = cb.modes.load(s, bus, sreg, sel);
        s.seg[sreg] = seg;
        s.segAttr[sreg] = attr;
        s.segBase[sreg] = base;
        s.segLimit[sreg] = limit;
        s.updateMode();
        return ok;
    }

    long setSegmentBase(long which, long base) {
        if (!wide) return -Errno.ENOSYS;
        boolean canonical = (base << 16 >> 16) == base;
        switch ((int) which) {
            case SEGBASE_FS -> { if (!canonical) return -Errno.EINVAL; s.segBase[CpuState.FS] = base; }
            case SEGBASE_GS_USER -> { if (!canonical) return -Errno.EINVAL; s.kernelGsBase = base; }
            case SEGBASE_GS_KERNEL -> { if (!canonical) return -Errno.EINVAL; s.segBase[CpuState.GS] = base; }
            case SEGBASE_GS_USER_SEL -> {
                long kernelBase = s.segBase[CpuState.GS];
                long f = segments.loadData(CpuState.GS, (int) base & 0xFFFF);
                if (f != 0) {
                    bus.abort = null;
                    segments.loadData(CpuState.GS, 0);
                }
                s.kernelGsBase = s.segBase[CpuState.GS];
                s.segBase[CpuState.GS] = kernelBase;
            }
            default -> { return -Errno.EINVAL; }
        }
        return 0;
    }

    long physdevOp(long cmd, long arg) {
        if (cmd != PHYSDEVOP_SET_IOPL) return -Errno.ENOSYS;
        long iopl = guest.read(arg, 4);
        if (guest.faulted()) return -Errno.EFAULT;
        if (iopl > 3) return -Errno.EINVAL;
        if (cb.modes.rings) cb.modes.iopl = (int) iopl;  // Xen's virtual IOPL: the hardware's stays 0
        else s.flags.load((s.flags.value() & ~IOPL) | iopl << 12);
        return 0;
    }
}
