package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.X86BootProtocol;
import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.ExceptionEntry;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * Xen's virtual IDT of a PV vCPU: {@code set_trap_table} (0) fills it, and while it has a handler the vCPU's
 * exceptions and INT n bounce there ({@link ExceptionEntry.GuestTraps}) instead of through an IDT.
 *
 * <p>{@code set_trap_table(struct trap_info *traps)} reads {@code trap_info { u8 vector; u8 flags; u16 cs; ulong
 * address; }} (16 bytes on x86_64, address at 8; 8 on x86_32, address at 4) one after another until an entry with
 * address 0, storing each in its vector's slot as it goes (an entry that cannot be read ends the call with -EFAULT,
 * the entries before it stay); a null {@code traps} clears the whole table; on x86_64 a non-canonical address is
 * -EINVAL. {@code flags} bits 0-1 are the DPL an INT n needs (CPL &lt;= DPL, else #GP(vector &lt;&lt; 3 | 2), as for an
 * absent handler), bit 2 ({@code TI_GET_IF}) masks events on entry like an interrupt gate. The table is the
 * {@code trap_ctxt} of {@code vcpu_guest_context} ({@link PvCallbacks#trapTable}).
 *
 * <p>The bounce frame is {@code create_bounce_frame}'s. x86_64: on the kernel stack (the current one, or
 * {@code kernel_sp} of {@code stack_switch} when the trap comes from CPL 3), aligned down to 16: SS, RSP, RFLAGS,
 * CS (bits 32-39 the saved event mask: !IF), RIP, the error code when the exception has one, R11, RCX (lowest).
 * x86_32: from the kernel the same-ring frame EFLAGS, CS (bits 16-23 the saved mask), EIP, [error code]; from CPL 3
 * SS, ESP first, on {@code kernel_ss:kernel_sp}. Then RIP = the handler; TF, NT, RF, VM and AC cleared, IF too when
 * TI_GET_IF. A trap from CPL 3 enters the kernel's flat code segment (0x08 on x86_64, the entry's cs on x86_32) with
 * SS = kernel_ss. An exception with no handler crashes the domain, as in Xen. Polyvisor's PV kernel runs at CPL 0
 * (images/README.md): the kernel's selectors are not adjusted to ring 1/3.
 */
final class TrapTable implements ExceptionEntry.GuestTraps {
    static final int SET_TRAP_TABLE = 0;
    private static final long TF = 1 << 8, IF = 1 << 9, DF = 1 << 10, NT = 1 << 14, RF = 1 << 16, VM = 1 << 17, AC = 1 << 18;
    /** More entries than any guest lists (256 vectors, repeats allowed): a list without its terminator ends here. */
    private static final int MAX_ENTRIES = 4096;
    private static final int PFEC_USER = 4;

    private final CpuState s;
    private final Bus bus;
    private final GuestView guest;
    private final PvCallbacks cb;
    private final boolean wide;
    private final int entrySize;

    TrapTable(CpuState s, Bus bus, GuestView guest, PvCallbacks cb, boolean wide) {
        this.s = s; this.bus = bus; this.guest = guest; this.cb = cb; this.wide = wide;
        this.entrySize = wide ? 16 : 8;
    }

    long set(long traps) {
        byte[] t = new byte[256 * entrySize];
        byte[] old = cb.trapTable;
        if (traps != 0 && old != null && old.length == t.length) System.arraycopy(old, 0, t, 0, t.length);
        long rc = 0;
        if (traps != 0) {
            for (int n = 0; n < MAX_ENTRIES; n++) {
                long at = traps + (long) n * entrySize;
                long head = guest.read(at, 4);
                long address = guest.read(at + (wide ? 8 : 4), wide ? 8 : 4);
                if (guest.faulted()) { rc = -Errno.EFAULT; break; }
                if (address == 0) break;
                if (wide && (address << 16 >> 16) != address) { rc = -Errno.EINVAL; break; }
                int off = (int) (head & 0xFF) * entrySize;
                put(t, off, 4, head);
                put(t, off + (wide ? 8 : 4), wide ? 8 : 4, address);
            }
        }
        install(t);
        return rc;
    }

    /** Makes {@code table} (in trap_ctxt's layout) the vCPU's: the bounce path is on while any handler is set. */
    void install(byte[] table) {
        cb.trapTable = table;
        boolean any = cb.modes.rings;  // in Xen's ring model every exception comes here, handler or not
        for (int v = 0; v < 256 && table != null && table.length >= 256 * entrySize && !any; v++) any = address(table, v) != 0;
        s.guestTraps = any ? this : null;
    }

    private long address(byte[] t, int vector) {
        int off = vector * entrySize;
        return wide ? get(t, off + 8, 8) : get(t, off + 4, 4);
    }

    /** Xen's privileged-instruction emulation, tried on a #GP(0) in the ring model. */
    PrivilegedOps privileged;

    @Override
    public org.polyvisor.spi.VcpuExit takeExit() { return privileged == null ? null : privileged.takeExit(); }

    @Override
    public long enter(int vector, int errorCode, boolean hasError, int source, long returnIp) {
        if (cb.modes.rings) return enterRing(vector, errorCode, hasError, source, returnIp);
        byte[] t = cb.trapTable;
        if (t == null) return ExceptionEntry.NO_HANDLER;
        int off = vector * entrySize;
        long handler = address(t, vector);
        int flags = t[off + 1] & 0xFF;
        int cpl = s.cpl();
        if (source == ExceptionEntry.SOFTWARE && (handler == 0 || cpl > (flags & 3))) return Vectors.fault(Vectors.GP, (vector << 3) | 2);
        if (handler == 0) return ExceptionEntry.NO_HANDLER;
        boolean fromUser = cpl == 3;
        long rflags = s.flags.value();
        long mask = (rflags & IF) == 0 ? 1 : 0;
        int kernelCs = wide ? X86BootProtocol.KERNEL_CS : (int) get(t, off + 2, 2);
        if (kernelCs == 0) kernelCs = X86BootProtocol.KERNEL_CS;
        long newSp;
        if (wide) {
            long a = (fromUser ? cb.kernelSp : s.r[CpuState.RSP]) & ~15L;
            a = push8(a, s.seg[CpuState.SS] & 0xFFFFL);
            a = push8(a, s.r[CpuState.RSP]);
            a = push8(a, rflags);
            a = push8(a, (s.seg[CpuState.CS] & 0xFFFFL) | mask << 32);
            a = push8(a, returnIp);
            if (hasError) a = push8(a, errorCode & 0xFFFF_FFFFL);
            a = push8(a, s.r[11]);
            newSp = push8(a, s.r[CpuState.RCX]);
        } else {
            long base = fromUser ? 0 : s.segBase[CpuState.SS];
            long a = fromUser ? cb.kernelSp & 0xFFFF_FFFFL : s.r[CpuState.RSP] & 0xFFFF_FFFFL;
            if (fromUser) {
                a = push4(base, a, s.seg[CpuState.SS]);
                a = push4(base, a, s.r[CpuState.RSP]);
            }
            a = push4(base, a, rflags);
            a = push4(base, a, (s.seg[CpuState.CS] & 0xFFFFL) | mask << 16);
            a = push4(base, a, returnIp);
            newSp = hasError ? push4(base, a, errorCode) : a;
        }
        if (bus.abort != null) return Vectors.MEMORY;
        if (fromUser) enterKernel(kernelCs);
        s.r[CpuState.RSP] = newSp;
        long clear = TF | NT | RF | VM | AC | ((flags & 4) != 0 ? IF : 0);
        s.flags.load(rflags & ~clear);
        s.rip = handler & s.addressMask;
        return 0;
    }

    /**
     * Xen's ring model (do_general_protection, do_trap, pv_inject_event): a #GP(0) is first offered to
     * {@link PrivilegedOps}; an INT n needs its entry's DPL at or above the guest's ring (kernel mode 1, user mode 3:
     * permit_softint), else #GP(vector &lt;&lt; 3 | 2); a #PF's error code has its user bit set by the guest's mode,
     * not the hardware ring (kernel mode: 0); the bounce is {@link XenBounce}'s.
     */
    private long enterRing(int vector, int errorCode, boolean hasError, int source, long returnIp) {
        if (vector == Vectors.UD && wide && !cb.modes.kernel && source == ExceptionEntry.EXCEPTION && cb.syscallIp != 0
                && isSyscall(returnIp)) return syscallFromUser(returnIp + 2);
        if (vector == Vectors.GP && source == ExceptionEntry.EXCEPTION && errorCode == 0 && privileged != null) {
            int e = privileged.emulate(returnIp);
            if (e == PrivilegedOps.DONE) return 0;
            if (e == PrivilegedOps.PAGE_FAULT) return Vectors.MEMORY;  // the #PF on the bus is raised and bounced instead
        }
        byte[] t = cb.trapTable;
        long handler = t == null ? 0 : address(t, vector);
        int flags = t == null ? 0 : t[vector * entrySize + 1] & 0xFF;
        if (source == ExceptionEntry.SOFTWARE && (handler == 0 || (flags & 3) < (cb.modes.guestKernel(s) ? 1 : 3)))
            return Vectors.fault(Vectors.GP, (vector << 3) | 2);
        if (handler == 0) return ExceptionEntry.NO_HANDLER;
        if (vector == Vectors.PF) {  // pv_inject_event: "re-set error_code.user flag appropriately for the guest"
            errorCode &= ~PFEC_USER;
            if (!cb.modes.guestKernel(s)) errorCode |= PFEC_USER;
            cb.modes.setArchCr2(s.cr2);  // arch_set_cr2: a PV kernel reads CR2 from its vcpu_info
        }
        int cs = wide ? GuestModes.FLAT_RING3_CS64 : (int) get(t, vector * entrySize + 2, 2);
        long r = XenBounce.enter(s, bus, cb.modes, cb, handler, cs, (flags & 4) != 0, hasError ? errorCode & 0xFFFF_FFFFL : -1, returnIp);
        return r == XenBounce.CRASH ? ExceptionEntry.NO_HANDLER : r;
    }

    /**
     * x86_64 SYSCALL in user mode (EFER.SCE is clear in a PV vCPU, so it raised #UD): Xen's switch_to_kernel. As the
     * hardware did on Xen's LSTAR entry, RCX = the return address and R11 = RFLAGS; then the bounce to the syscall
     * callback (TBF_INTERRUPT when it was registered with CALLBACKF_mask_events) saves them with RIP = RCX, and DF
     * is cleared.
     */
    private long syscallFromUser(long next) {
        s.r[CpuState.RCX] = next;
        s.r[11] = s.flags.value() & ~RF;
        long r = XenBounce.enter(s, bus, cb.modes, cb, cb.syscallIp, 0, cb.syscallMasksEvents, -1, next);
        if (r == 0) s.flags.load(s.flags.value() & ~DF);
        return r == XenBounce.CRASH ? ExceptionEntry.NO_HANDLER : r;
    }

    private boolean isSyscall(long ip) {
        long v = bus.read(ip, 2);
        if (bus.abort != null) { bus.abort = null; return false; }
        return v == 0x050F;
    }

    /** From CPL 3 into the kernel: its flat code segment and kernel_ss (Xen's toggle to guest kernel mode). */
    private void enterKernel(int cs) {
        s.seg[CpuState.CS] = cs;
        s.segBase[CpuState.CS] = 0;
        s.segLimit[CpuState.CS] = 0xFFFF_FFFFL;
        s.segAttr[CpuState.CS] = wide ? CpuState.FLAT_CODE64 : CpuState.FLAT_CODE32;
        s.seg[CpuState.SS] = (int) cb.kernelSs & 0xFFFF;
        s.segBase[CpuState.SS] = 0;
        s.segLimit[CpuState.SS] = 0xFFFF_FFFFL;
        s.segAttr[CpuState.SS] = CpuState.FLAT_DATA;
        s.updateMode();
        bus.flushTlb();
    }

    private long push8(long sp, long value) {
        sp -= 8;
        if (bus.abort == null) bus.write(sp, 8, value);
        return sp;
    }

    private long push4(long base, long sp, long value) {
        sp = (sp - 4) & 0xFFFF_FFFFL;
        if (bus.abort == null) bus.write((base + sp) & 0xFFFF_FFFFL, 4, value);
        return sp;
    }

    static long get(byte[] b, int off, int size) {
        long v = 0;
        for (int i = size - 1; i >= 0; i--) v = v << 8 | (b[off + i] & 0xFF);
        return v;
    }

    static void put(byte[] b, int off, int size, long v) {
        for (int i = 0; i < size; i++) b[off + i] = (byte) (v >>> (8 * i));
    }
}
