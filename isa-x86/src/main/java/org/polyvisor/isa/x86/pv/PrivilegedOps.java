package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.VcpuExit;

/**
 * Xen's {@code pv_emulate_privileged_op} (xen/arch/x86/pv/emul-priv-op.c) for a vCPU in Xen's ring model: a #GP
 * with error code 0 from the guest is first offered here, and only what this does not emulate is bounced to the
 * guest's trap table. The instructions Xen's {@code priv_op_validate} admits, with its rules:
 * <ul>
 * <li>IN/OUT (E4-E7, EC-EF, with 66): allowed under the virtual IOPL ({@link GuestModes#ioplOk}: kernel mode is
 *     ring 1, user mode ring 3; physdev_op set_iopl sets it), else bounced. The domain owns no I/O ports
 *     ({@code admin_io_okay} fails), so as in Xen a read gives all ones and a write is dropped.</li>
 * <li>INS/OUTS (6C-6F, with 66, 67, REP and segment overrides): under the virtual IOPL as IN/OUT, with their memory
 *     operand ({@link #string}), else bounced.</li>
 * <li>CLI/STI (FA, FB): under the virtual IOPL they do nothing (Xen leaves {@code evtchn_upcall_mask} alone: "too
 *     dangerous to allow ... Fast &amp; loose will do"), else bounced. Events are masked with vcpu_info only.</li>
 * <li>Kernel mode only (user mode is ring 3 to the emulator, so these are bounced):
 *   <ul>
 *   <li>MOV from CR0: Xen's host CR0 ({@link GuestModes#HOST_CR0}) with TS as fpu_taskswitch left it; CR2: the
 *       guest's; CR3: the kernel root table NEW_BASEPTR (or this) set, as {@code xen_pfn_to_cr3} (x86_64: frame
 *       &lt;&lt; 12) or {@code compat_pfn_to_cr3} (x86_32: frame &lt;&lt; 12 | frame &gt;&gt; 20), 0 before any; CR4: the
 *       PV view (PAE, OSFXSR, OSXMMEXCPT, plus the guest's TSD).</li>
 *   <li>MOV to CR0: only TS may differ from what a read gives (fpu_taskswitch), else bounced; CR2: stored; CR3:
 *       NEW_BASEPTR of the frame (validated as a root table; refused: bounced); CR4: keeps the guest-controlled bit
 *       (TSD) and ignores the rest. Other control registers are bounced.</li>
 *   <li>CLTS: CR0.TS cleared. WBINVD: nothing (a domain without cache-flush rights; Xen ignores it).</li>
 *   <li>HLT: SCHEDOP_block (the "HLT as block"; Xen's own list bounces it, and a Linux PV kernel never
 *       executes it): event delivery enabled, then the vCPU blocks until an event is pending for it
 *       ({@link #block}).</li>
 *   <li>RDMSR/WRMSR (x86_64): FS_BASE 0xC0000100, GS_BASE 0xC0000101 (the kernel's), SHADOW_GS_BASE 0xC0000102 (the
 *       user's); a non-canonical write is bounced. EFER: reads the PV view (x86_32 without LME, LMA, SCE), a write
 *       of anything but that value is bounced. Every other MSR, and these on x86_32, are bounced (Xen no longer
 *       lets a PV guest read unknown MSRs).</li>
 *   </ul></li>
 * </ul>
 * Everything else (INVLPG, LGDT, MOV DR, ...) is not in priv_op_validate and is bounced as the #GP
 * it is. CPUID does not get here: Xen runs PV guests with CPUID faulting, so the vCPU answers every CPUID with the PV
 * view directly ({@link PvCpuidView}).
 */
final class PrivilegedOps {
    static final int MSR_EFER = 0xC000_0080, MSR_FS_BASE = 0xC000_0100, MSR_GS_BASE = 0xC000_0101, MSR_SHADOW_GS_BASE = 0xC000_0102;
    private static final long CR4_TSD = 4, CR4_PAE = 1 << 5, CR4_OSFXSR = 1 << 9, CR4_OSXMMEXCPT = 1 << 10;
    private static final long EFER_SCE = 1, EFER_LME = 1 << 8, EFER_LMA = 1 << 10, EFER_NXE = 1 << 11, EFLAGS_DF = 1 << 10;
    /** Xen's PFEC_write_access. */
    private static final int PFEC_WRITE = 2;

    private final CpuState s;
    private final Bus bus;
    private final GuestModes modes;
    private final PvMmu mmu;
    private final boolean wide;

    PrivilegedOps(CpuState s, Bus bus, GuestModes modes, PvMmu mmu) {
        this.s = s; this.bus = bus; this.modes = modes; this.mmu = mmu; this.wide = modes.wide();
    }

    /** {@link #emulate}'s answers: done (RIP past it or, for a REP with count left, at it), bounce the #GP, or the
     *  #PF of a faulting INS/OUTS operand on the bus ({@code bus.abort}, with Xen's error code and address). */
    static final int DONE = 1, BOUNCE = 0, PAGE_FAULT = -1;

    /** Emulates the instruction at {@code pc}: {@link #DONE}, {@link #BOUNCE} or {@link #PAGE_FAULT}. */
    int emulate(long pc) {
        return emulateOrBounce(pc) ? DONE : pageFault ? PAGE_FAULT : BOUNCE;
    }

    /** Set by {@link #string} when an operand access page-faulted (Xen injects that #PF instead of the #GP). */
    private boolean pageFault;

    private boolean emulateOrBounce(long pc) {
        pageFault = false;
        long linear = s.longMode ? pc : (pc + s.segBase[CpuState.CS]) & 0xFFFF_FFFFL;
        int n = 0, opSize = 4, rex = 0, seg = CpuState.DS;
        boolean rep = false, addr67 = false;
        int b;
        while (true) {
            b = fetch(linear + n);
            if (b < 0 || n > 14) return false;
            if (b == 0x66) opSize = 2;
            else if (b == 0x67) addr67 = true;
            else if (b == 0xF2 || b == 0xF3) rep = true;
            else if (b == 0x26 || b == 0x2E || b == 0x36 || b == 0x3E || b == 0x64 || b == 0x65) seg = segmentOf(b);
            else if (s.longMode && (b & 0xF0) == 0x40) { rex = b; n++; b = fetch(linear + n); break; }
            else break;
            n++;
        }
        if (b < 0) return false;
        n++;
        boolean kernel = modes.guestKernel(s);
        int len;
        switch (b) {
            case 0xE4, 0xE5, 0xE6, 0xE7, 0xEC, 0xED, 0xEE, 0xEF -> {
                if (!modes.ioplOk(s)) return false;
                int size = (b & 1) == 0 ? 1 : opSize;
                if ((b & 2) == 0) s.set(CpuState.RAX, size, -1L);  // IN: no device the domain may reach
                len = n + (b < 0xE8 ? 1 : 0);
            }
            case 0xFA, 0xFB -> {
                if (!modes.ioplOk(s)) return false;
                len = n;
            }
            case 0x6C, 0x6D, 0x6E, 0x6F -> {
                if (!modes.ioplOk(s)) return false;
                int done = string(b, (b & 1) == 0 ? 1 : opSize, rep, addr67, seg, kernel);
                if (done < 0) return false;
                len = done == 0 ? 0 : n;  // 0: a REP with count left runs again (Xen's partial rep completion)
            }
            case 0xF4 -> {
                if (!kernel) return false;
                len = n;
                block();
            }
            case 0x0F -> {
                if (!kernel) return false;
                int op = fetch(linear + n);
                if (op < 0) return false;
                n++;
                switch (op) {
                    case 0x06 -> { s.cr0 &= ~GuestModes.CR0_TS; len = n; }
                    case 0x09 -> len = n;
                    case 0x20, 0x22 -> {
                        int modrm = fetch(linear + n);
                        if (modrm < 0) return false;
                        int cr = (modrm >>> 3 & 7) | ((rex & 4) << 1), reg = (modrm & 7) | ((rex & 1) << 3);
                        if (!(op == 0x20 ? readCr(cr, reg) : writeCr(cr, reg))) return false;
                        len = n + 1;
                    }
                    case 0x30 -> { if (!wrmsr()) return false; len = n; }
                    case 0x32 -> { if (!rdmsr()) return false; len = n; }
                    default -> { return false; }
                }
            }
            default -> { return false; }
        }
        s.rip = (pc + len) & s.ipMask;
        return true;
    }

    /** A segment-override prefix's register. */
    private static int segmentOf(int prefix) {
        return switch (prefix) {
            case 0x26 -> CpuState.ES;
            case 0x2E -> CpuState.CS;
            case 0x36 -> CpuState.SS;
            case 0x64 -> CpuState.FS;
            case 0x65 -> CpuState.GS;
            default -> CpuState.DS;
        };
    }

    /** At most this many REP iterations per emulation; the instruction then runs (traps) again for the rest. */
    static final int REP_CHUNK = 1024;

    /**
     * INS (6C/6D) and OUTS (6E/6F) under the virtual IOPL, as Xen's emulator runs them for a PV guest with no ports
     * of its own: INS stores all ones at ES:rDI, OUTS reads DS:rSI (or the override) and drops it; the index moves by
     * the size, backwards with DF; with REP rCX counts down, in chunks of {@link #REP_CHUNK}. The address size is the
     * mode's (64 or 32 bits), halved by 67. Accesses go through the guest's tables with the current mode's rights
     * (kernel mode as supervisor). Returns 1 when the instruction completed, 0 when a REP has iterations left (RIP
     * stays), -1 when an access faulted. A page fault is then left on the bus as Xen's rep_ins/rep_outs inject it
     * (x86_emul_pagefault): error code PFEC_write_access for INS and 0 for OUTS (never the present bit; the guest's
     * mode sets the user bit when it is bounced), the address the first byte not copied, the iterations before it
     * done; any other failure (no RAM there, a non-canonical address) bounces the #GP.
     */
    private int string(int op, int size, boolean rep, boolean addr67, int seg, boolean kernel) {
        boolean in = op <= 0x6D;
        int index = in ? CpuState.RDI : CpuState.RSI;
        long mask = s.longMode ? (addr67 ? 0xFFFF_FFFFL : -1L) : (addr67 ? 0xFFFF : 0xFFFF_FFFFL);
        long keep = s.longMode ? 0 : ~mask;   // a 32-bit result zero-extends in 64-bit mode; 16 bits keep the rest
        int sreg = in ? CpuState.ES : seg;
        long base = s.longMode ? (sreg == CpuState.FS || sreg == CpuState.GS ? s.segBase[sreg] : 0) : s.segBase[sreg];
        long step = (s.flags.value() & EFLAGS_DF) != 0 ? -size : size;
        long count = rep ? s.r[CpuState.RCX] & mask : 1;
        boolean outer = bus.implicitSupervisor;
        bus.implicitSupervisor = kernel;
        try {
            for (int i = 0; i < REP_CHUNK && count != 0; i++) {
                long at = base + (s.r[index] & mask);
                if (!s.longMode) at &= 0xFFFF_FFFFL;
                if (in) bus.write(at, size, -1L); else bus.read(at, size);
                if (bus.abort == Bus.PAGE_FAULT && bus.after == null) {
                    bus.faultCode = in ? PFEC_WRITE : 0;
                    pageFault = true;
                    return -1;
                }
                if (bus.abort != null || bus.after != null) { bus.abort = null; bus.after = null; return -1; }
                s.r[index] = (s.r[index] & keep) | ((s.r[index] + step) & mask);
                count--;
                if (rep) s.r[CpuState.RCX] = (s.r[CpuState.RCX] & keep) | count;
            }
        } finally {
            bus.implicitSupervisor = outer;
        }
        return count == 0 ? 1 : 0;
    }

    /** The exit an emulated instruction leaves with (HLT: {@link VcpuExit#HALT}), taken by {@link #takeExit}. */
    private VcpuExit exit;
    /** Makes the vCPU's event upcall pending (its {@code raiseEventUpcall}); set by the vCPU. */
    Runnable raiseUpcall = () -> { };

    VcpuExit takeExit() {
        VcpuExit e = exit;
        exit = null;
        return e;
    }

    /**
     * HLT in kernel mode as SCHEDOP_block (Xen's do_block): event delivery is enabled (vcpu_info's
     * evtchn_upcall_mask cleared), then with an event already pending the vCPU goes on at once and takes its upcall,
     * else it leaves with {@link VcpuExit#HALT}: the kernel blocks it until an event is pending for it (a timer's
     * VIRQ_TIMER, an event channel send), and it resumes after the HLT.
     */
    private void block() {
        modes.setUpcallMask(0);
        if (modes.upcallPending()) raiseUpcall.run();
        else exit = VcpuExit.HALT;
    }

    private int fetch(long va) {
        long v = bus.read(va, 1);
        if (bus.abort != null) { bus.abort = null; return -1; }
        return (int) v & 0xFF;
    }

    private boolean readCr(int cr, int reg) {
        long v;
        switch (cr) {
            case 0 -> v = cr0View();
            case 2 -> v = s.cr2;
            case 3 -> {
                long f = modes.kernelRoot;
                v = f < 0 ? 0 : wide ? f << 12 : ((f << 12) | (f >>> 20)) & 0xFFFF_FFFFL;
            }
            case 4 -> v = cr4View();
            default -> { return false; }
        }
        s.set(reg, wide ? 8 : 4, v);
        return true;
    }

    private long cr0View() { return GuestModes.HOST_CR0 | (s.cr0 & GuestModes.CR0_TS); }

    private long cr4View() { return CR4_PAE | CR4_OSFXSR | CR4_OSXMMEXCPT | modes.guestCr4; }

    private boolean writeCr(int cr, int reg) {
        long v = s.r[reg] & (wide ? -1L : 0xFFFF_FFFFL);
        switch (cr) {
            case 0 -> {
                if (((v ^ cr0View()) & ~GuestModes.CR0_TS) != 0) return false;  // "unmodifiable CR0 flags"
                s.cr0 = (v & GuestModes.CR0_TS) != 0 ? s.cr0 | GuestModes.CR0_TS : s.cr0 & ~GuestModes.CR0_TS;
            }
            case 2 -> s.cr2 = v;
            case 3 -> {
                long frame = wide ? v >>> 12 : ((v >>> 12) | (v << 20)) & 0xFFFF_FFFFL;
                return mmu.newBaseptr(frame) == 0;
            }
            case 4 -> modes.guestCr4 = v & CR4_TSD;
            default -> { return false; }
        }
        return true;
    }

    private boolean rdmsr() {
        int msr = (int) s.r[CpuState.RCX];
        long v;
        switch (msr) {
            case MSR_FS_BASE -> { if (!wide) return false; v = s.segBase[CpuState.FS]; }
            case MSR_GS_BASE -> { if (!wide) return false; v = s.segBase[CpuState.GS]; }
            case MSR_SHADOW_GS_BASE -> { if (!wide) return false; v = s.kernelGsBase; }
            case MSR_EFER -> v = eferView();
            default -> { return false; }
        }
        s.set(CpuState.RAX, 4, v);
        s.set(CpuState.RDX, 4, v >>> 32);
        return true;
    }

    private long eferView() {
        long v = EFER_NXE | (wide ? EFER_SCE | EFER_LME | EFER_LMA : 0);
        return v;
    }

    private boolean wrmsr() {
        int msr = (int) s.r[CpuState.RCX];
        long v = (s.r[CpuState.RDX] & 0xFFFF_FFFFL) << 32 | (s.r[CpuState.RAX] & 0xFFFF_FFFFL);
        boolean canonical = (v << 16 >> 16) == v;
        switch (msr) {
            case MSR_FS_BASE -> { if (!wide || !canonical) return false; s.segBase[CpuState.FS] = v; }
            case MSR_GS_BASE -> { if (!wide || !canonical) return false; s.segBase[CpuState.GS] = v; }
            case MSR_SHADOW_GS_BASE -> { if (!wide || !canonical) return false; s.kernelGsBase = v; }
            case MSR_EFER -> { if (v != eferView()) return false; }
            default -> { return false; }
        }
        return true;
    }
}
