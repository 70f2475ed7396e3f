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
 *     iopl above 3 is -EINVAL, else EFLAGS.IOPL = iopl; other commands -ENOSYS (the domain has no devices).</li>
 * </ul>
 */
final class PvCpuOps {
    static final int STACK_SWITCH = 3, FPU_TASKSWITCH = 5, VM_ASSIST = 21, IRET = 23, SET_SEGMENT_BASE = 25, PHYSDEV_OP = 33;
    static final int VMASST_ENABLE = 0, VMASST_DISABLE = 1;
    static final int SEGBASE_FS = 0, SEGBASE_GS_USER = 1, SEGBASE_GS_KERNEL = 2, SEGBASE_GS_USER_SEL = 3;
    static final int PHYSDEVOP_SET_IOPL = 6;
    static final long VGCF_IN_SYSCALL = 0x100;
    private static final long CR0_TS = 8, IOPL = 0x3000;
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
        s.flags.load((s.flags.value() & ~IOPL) | iopl << 12);
        return 0;
    }
}
