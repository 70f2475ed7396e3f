package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.FxImage;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.Vcpu;

/**
 * Xen's {@code struct vcpu_guest_context} for x86 PV guests (public/arch-x86/xen.h with xen-x86_32.h or
 * xen-x86_64.h), little-endian. Offsets in bytes, x86_32 / x86_64:
 * <pre>
 *   fpu_ctxt           0 / 0       512, the FXSAVE image (32-bit / 64-bit pointer format)
 *   flags            512 / 512     4 / 8: VGCF_i387_valid 1, in_kernel 4, failsafe_disables_events 8,
 *                                  syscall_disables_events 16, online 32
 *   user_regs        516 / 520     cpu_user_regs, 68 / 200 bytes (below)
 *   trap_ctxt[256]   584 / 720     trap_info {u8 vector, u8 flags, u16 cs, ulong address}: 8 / 16 bytes each
 *   ldt_base        2632 / 4816    ldt_ents 2636 / 4824
 *   gdt_frames[16]  2640 / 4832    gdt_ents 2704 / 4960
 *   kernel_ss       2708 / 4968    kernel_sp 2712 / 4976
 *   ctrlreg[8]      2716 / 4984    debugreg[8] 2748 / 5048
 *   x86_32: event_callback_cs 2780, event_callback_eip 2784, failsafe_callback_cs 2788, failsafe_callback_eip
 *           2792, vm_assist 2796; size 2800
 *   x86_64: event_callback_eip 5112, failsafe_callback_eip 5120, syscall_callback_eip 5128, vm_assist 5136,
 *           fs_base 5144, gs_base_kernel 5152, gs_base_user 5160; size 5168
 * </pre>
 * cpu_user_regs, x86_32: ebx 0, ecx 4, edx 8, esi 12, edi 16, ebp 20, eax 24, error_code (u16) 28, entry_vector
 * (u16) 30, eip 32, cs (u16) 36, saved_upcall_mask (u8) 38, eflags 40, esp 44, ss 48, es 52, ds 56, fs 60, gs 64
 * (selectors u16 in 4-byte slots). x86_64: r15 0, r14 8, r13 16, r12 24, rbp 32, rbx 40, r11 48, r10 56, r9 64,
 * r8 72, rax 80, rcx 88, rdx 96, rsi 104, rdi 112, error_code (u32) 120, entry_vector (u32) 124, rip 128, cs (u16)
 * 136, saved_upcall_mask (u8) 140, rflags 144, rsp 152, ss 160, es 168, ds 176, fs 184, gs 192 (u16 in 8-byte slots).
 * <p>Load: the GPRs, instruction pointer and flags (reserved bits cleared, bit 1 set); the selectors into flat
 * caches (base 0, 4 GiB, the kernel's ring 0 code/data as {@code X86BootProtocol} builds them); the FPU from
 * fpu_ctxt when VGCF_i387_valid, else FNINIT state and MXCSR 0x1F80; CR3 from ctrlreg[3] in Xen's encoding
 * ({@code xen_cr3_to_pfn}: cr3 &gt;&gt; 12 on x86_64, the 32-bit rotation (cr3 &gt;&gt; 12 | cr3 &lt;&lt; 20) on
 * x86_32), CR0.PG and TS from ctrlreg[0], CR4.PSE/PAE/PGE from ctrlreg[4]; on x86_64 the user-mode root from
 * ctrlreg[1] (0 for none; typed as NEW_USER_BASEPTR types it, and refused when it is not the guest's frame or not a
 * valid L4), which user mode then runs on; the GDT at frame gdt_frames[0] with
 * gdt_ents entries, the LDT at ldt_base; the callbacks; on x86_64 FS base, GS base = gs_base_kernel and
 * KERNEL_GS_BASE = gs_base_user; trap_ctxt becomes the vCPU's trap table (exceptions bounce through it, see
 * {@code TrapTable}), kernel_ss/sp its stack for traps from CPL 3; debugreg and vm_assist are kept and stored back.
 * Refused as Xen refuses them (-EINVAL): an LDT base not page-aligned or more than 8192 entries, more than 7168
 * GDT entries (FIRST_RESERVED_GDT_ENTRY), a CR3 frame outside the guest's memory, MXCSR with reserved bits, on
 * x86_64 a non-canonical rip, rsp, kernel_sp, ldt_base, fs/gs base, callback or trap address, on x86_32 a
 * kernel_ss with RPL 0.
 */
public final class XenGuestContext implements GuestContext {
    public static final int VGCF_I387_VALID = 1, VGCF_IN_KERNEL = 4, VGCF_FAILSAFE_DISABLES_EVENTS = 8,
            VGCF_SYSCALL_DISABLES_EVENTS = 16, VGCF_ONLINE = 32;
    public static final XenGuestContext X86_32 = new XenGuestContext(false), X86_64 = new XenGuestContext(true);

    private static final long CR0_TS = 8, CR4_MASK = 0x10 | 0x20 | 0x80, OSFXSR = 1 << 9, OSXMMEXCPT = 1 << 10;
    private static final int MAX_GDT_ENTRIES = 14 * 512, MAX_LDT_ENTRIES = 8192;
    /** cpu_user_regs GPR offsets, indexed by the CpuState register number (RAX..RDI, R8..R15). */
    private static final int[] GPR_32 = {24, 4, 8, 0, -1, 20, 12, 16};  // esp is at 44
    private static final int[] GPR_64 = {80, 88, 96, 40, -1, 32, 104, 112, 72, 64, 56, 48, 24, 16, 8, 0};
    /** Segment slots after ss, by CpuState number (ES CS SS DS FS GS). */
    private static final int[] SEG_32 = {52, 36, 48, 56, 60, 64}, SEG_64 = {168, 136, 160, 176, 184, 192};

    private final boolean wide;
    private final int w, regs, trap, trapSize, ldt, gdt, gdtEnts, kernelSs, ctrl, debug, callbacksAt, size;

    private XenGuestContext(boolean wide) {
        this.wide = wide;
        w = wide ? 8 : 4;
        regs = 512 + w;
        trap = regs + (wide ? 200 : 68);
        trapSize = wide ? 16 : 8;
        ldt = trap + 256 * trapSize;
        gdt = ldt + 2 * w;
        gdtEnts = gdt + 16 * w;
        kernelSs = gdtEnts + w;
        ctrl = kernelSs + 2 * w;
        debug = ctrl + 8 * w;
        callbacksAt = debug + 8 * w;
        size = callbacksAt + (wide ? 7 * 8 : 5 * 4);
    }

    @Override public int size() { return size; }

    @Override
    public String load(byte[] c, Vcpu vcpu) {
        if (!(vcpu instanceof X86Vcpu x) || x.callbacks() == null) return "not an x86 PV vCPU";
        if (c.length < size) return "context of " + c.length + " bytes, " + size + " expected";
        CpuState s = x.state();
        long flags = get(c, 512, w);
        String bad = check(c, x);
        if (bad != null) return bad;
        byte[] fpu = java.util.Arrays.copyOf(c, 512);
        if ((flags & VGCF_I387_VALID) != 0) {
            if (!new FxImage(s).read(fpu, wide, wide ? 16 : 8)) return "fpu_ctxt MXCSR has reserved bits set";
        } else {
            s.fpu.init();
            s.mxcsr = 0x1F80;
            java.util.Arrays.fill(s.xmm, 0);
        }
        int[] gpr = wide ? GPR_64 : GPR_32;
        for (int i = 0; i < gpr.length; i++) if (gpr[i] >= 0) s.r[i] = get(c, regs + gpr[i], w);
        s.r[CpuState.RSP] = get(c, regs + (wide ? 152 : 44), w);
        s.rip = get(c, regs + (wide ? 128 : 32), w);
        s.flags.load((get(c, regs + (wide ? 144 : 40), w) & 0x3F_7FD7L) | 2);
        int[] seg = wide ? SEG_64 : SEG_32;
        s.cr0 = 1;
        s.resetFlat((int) get(c, regs + seg[CpuState.CS], 2), (int) get(c, regs + seg[CpuState.DS], 2));
        for (int i = 0; i < 6; i++) s.seg[i] = (int) get(c, regs + seg[i], 2);
        s.cr0 = 1 | (get(c, ctrl, w) & (CpuState.CR0_PG | CR0_TS));
        s.cr3 = cr3Frame(get(c, ctrl + 3 * w, w)) << 12;
        s.cr4 = OSFXSR | OSXMMEXCPT | (get(c, ctrl + 4 * w, w) & CR4_MASK);
        long gdtEntries = get(c, gdtEnts, w);
        s.gdtBase = get(c, gdt, w) << 12;
        s.gdtLimit = gdtEntries == 0 ? 0 : (int) (gdtEntries * 8 - 1);
        long ldtEntries = get(c, ldt + w, w);
        s.ldtBase = get(c, ldt, w);
        s.ldtLimit = ldtEntries == 0 ? 0 : ldtEntries * 8 - 1;
        PvCallbacks cb = x.callbacks();
        if (wide) {
            cb.eventIp = get(c, callbacksAt, 8);
            cb.failsafeIp = get(c, callbacksAt + 8, 8);
            cb.syscallIp = get(c, callbacksAt + 16, 8);
            cb.vmAssist = get(c, callbacksAt + 24, 8);
            s.segBase[CpuState.FS] = get(c, callbacksAt + 32, 8);
            s.segBase[CpuState.GS] = get(c, callbacksAt + 40, 8);
            s.kernelGsBase = get(c, callbacksAt + 48, 8);
        } else {
            cb.eventCs = get(c, callbacksAt, 4) & 0xFFFF;
            cb.eventIp = get(c, callbacksAt + 4, 4);
            cb.failsafeCs = get(c, callbacksAt + 8, 4) & 0xFFFF;
            cb.failsafeIp = get(c, callbacksAt + 12, 4);
            cb.vmAssist = get(c, callbacksAt + 16, 4);
        }
        cb.failsafeMasksEvents = (flags & VGCF_FAILSAFE_DISABLES_EVENTS) != 0;
        cb.syscallMasksEvents = (flags & VGCF_SYSCALL_DISABLES_EVENTS) != 0;
        cb.trapTable = java.util.Arrays.copyOfRange(c, trap, ldt);
        if (x.pv() != null) x.pv().trapTableLoaded();
        cb.kernelSs = get(c, kernelSs, w);
        cb.kernelSp = get(c, kernelSs + w, w);
        cb.ldtEntries = ldtEntries;
        cb.gdtEntries = gdtEntries;
        long[] frames = new long[16], dr = new long[8];
        for (int i = 0; i < 16; i++) frames[i] = get(c, gdt + i * w, w);
        for (int i = 0; i < 8; i++) dr[i] = get(c, debug + i * w, w);
        cb.gdtFrames = frames;
        cb.debugRegisters = dr;
        if (wide && x.pv() != null) {  // ctrlreg[1]: the user-mode root (guest_table_user), typed as NEW_USER_BASEPTR does
            long user = cr3Frame(get(c, ctrl + w, w));
            if (x.pv().loadUserBase(user) != 0) return "ctrlreg[1] frame 0x" + Long.toHexString(user) + " is not a valid L4 table";
        }
        x.stateReplaced();
        return null;
    }

    /** The reasons Xen's arch_set_info_guest refuses a PV context, or null. */
    private String check(byte[] c, X86Vcpu x) {
        long ldtBase = get(c, ldt, w), ldtEntries = get(c, ldt + w, w);
        if ((ldtBase & 0xFFF) != 0) return "ldt_base 0x" + Long.toHexString(ldtBase) + " not page-aligned";
        if (ldtEntries > MAX_LDT_ENTRIES) return "ldt_ents " + ldtEntries + " above " + MAX_LDT_ENTRIES;
        long gdtEntries = get(c, gdtEnts, w);
        if (gdtEntries > MAX_GDT_ENTRIES) return "gdt_ents " + gdtEntries + " above " + MAX_GDT_ENTRIES;
        long pfn = cr3Frame(get(c, ctrl + 3 * w, w));
        if (pfn != 0 && x.memory().page(pfn) == null) return "ctrlreg[3] frame 0x" + Long.toHexString(pfn) + " is not the guest's";
        long user = wide ? cr3Frame(get(c, ctrl + w, w)) : 0;
        if (user != 0 && x.memory().page(user) == null) return "ctrlreg[1] frame 0x" + Long.toHexString(user) + " is not the guest's";
        if (!wide) {
            if ((get(c, kernelSs, 4) & 3) == 0) return "kernel_ss 0x" + Long.toHexString(get(c, kernelSs, 4)) + " has RPL 0";
            return null;
        }
        long[] addresses = {get(c, regs + 128, 8), get(c, regs + 152, 8), get(c, kernelSs + 8, 8), ldtBase,
            get(c, callbacksAt + 32, 8), get(c, callbacksAt + 40, 8), get(c, callbacksAt + 48, 8),
            get(c, callbacksAt, 8), get(c, callbacksAt + 8, 8), get(c, callbacksAt + 16, 8)};
        String[] names = {"rip", "rsp", "kernel_sp", "ldt_base", "fs_base", "gs_base_kernel", "gs_base_user",
            "event_callback_eip", "failsafe_callback_eip", "syscall_callback_eip"};
        for (int i = 0; i < names.length; i++)
            if (!canonical(addresses[i])) return names[i] + " 0x" + Long.toHexString(addresses[i]) + " is not canonical";
        for (int v = 0; v < 256; v++) {
            long a = get(c, trap + v * 16 + 8, 8);
            if (!canonical(a)) return "trap_ctxt[" + v + "].address 0x" + Long.toHexString(a) + " is not canonical";
        }
        return null;
    }

    @Override
    public byte[] store(Vcpu vcpu) {
        byte[] c = new byte[size];
        if (!(vcpu instanceof X86Vcpu x) || x.callbacks() == null) return c;
        CpuState s = x.state();
        PvCallbacks cb = x.callbacks();
        byte[] fpu = new byte[512];
        new FxImage(s).write(fpu, wide, wide ? 16 : 8);
        System.arraycopy(fpu, 0, c, 0, 512);
        long flags = VGCF_I387_VALID | VGCF_IN_KERNEL | VGCF_ONLINE
                | (cb.failsafeMasksEvents ? VGCF_FAILSAFE_DISABLES_EVENTS : 0) | (cb.syscallMasksEvents ? VGCF_SYSCALL_DISABLES_EVENTS : 0);
        put(c, 512, w, flags);
        int[] gpr = wide ? GPR_64 : GPR_32;
        for (int i = 0; i < gpr.length; i++) if (gpr[i] >= 0) put(c, regs + gpr[i], w, s.r[i]);
        put(c, regs + (wide ? 152 : 44), w, s.r[CpuState.RSP]);
        put(c, regs + (wide ? 128 : 32), w, s.rip);
        put(c, regs + (wide ? 144 : 40), w, s.flags.value());
        int[] seg = wide ? SEG_64 : SEG_32;
        for (int i = 0; i < 6; i++) put(c, regs + seg[i], 2, s.seg[i]);
        byte[] traps = cb.trapTable;
        if (traps != null) System.arraycopy(traps, 0, c, trap, traps.length);
        put(c, ldt, w, s.ldtBase);
        put(c, ldt + w, w, cb.ldtEntries);
        long[] frames = cb.gdtFrames;
        for (int i = 0; i < 16; i++) put(c, gdt + i * w, w, frames[i]);
        put(c, gdtEnts, w, cb.gdtEntries);
        put(c, kernelSs, w, cb.kernelSs);
        put(c, kernelSs + w, w, cb.kernelSp);
        put(c, ctrl, w, s.cr0);
        put(c, ctrl + 2 * w, w, s.cr2);
        put(c, ctrl + 3 * w, w, pfnToCr3(s.cr3 >>> 12));
        if (wide && x.pv() != null) put(c, ctrl + w, w, pfnToCr3(x.pv().userBase()));
        put(c, ctrl + 4 * w, w, s.cr4);
        long[] dr = cb.debugRegisters;
        for (int i = 0; i < 8; i++) put(c, debug + i * w, w, dr[i]);
        if (wide) {
            put(c, callbacksAt, 8, cb.eventIp);
            put(c, callbacksAt + 8, 8, cb.failsafeIp);
            put(c, callbacksAt + 16, 8, cb.syscallIp);
            put(c, callbacksAt + 24, 8, cb.vmAssist);
            put(c, callbacksAt + 32, 8, s.segBase[CpuState.FS]);
            put(c, callbacksAt + 40, 8, s.segBase[CpuState.GS]);
            put(c, callbacksAt + 48, 8, s.kernelGsBase);
        } else {
            put(c, callbacksAt, 4, cb.eventCs);
            put(c, callbacksAt + 4, 4, cb.eventIp);
            put(c, callbacksAt + 8, 4, cb.failsafeCs);
            put(c, callbacksAt + 12, 4, cb.failsafeIp);
            put(c, callbacksAt + 16, 4, cb.vmAssist);
        }
        return c;
    }

    /** xen_cr3_to_pfn: cr3 &gt;&gt; 12 on x86_64; on x86_32 (PAE, frames above 4 GiB) the 32-bit rotate right by 12. */
    public long cr3Frame(long cr3) {
        if (wide) return cr3 >>> 12;
        long v = cr3 & 0xFFFF_FFFFL;
        return ((v >>> 12) | (v << 20)) & 0xFFFF_FFFFL;
    }

    /** xen_pfn_to_cr3, the inverse of {@link #cr3Frame}. */
    public long pfnToCr3(long pfn) {
        if (wide) return pfn << 12;
        long v = pfn & 0xFFFF_FFFFL;
        return ((v << 12) | (v >>> 20)) & 0xFFFF_FFFFL;
    }

    private static boolean canonical(long a) { return (a << 16 >> 16) == a; }

    private static long get(byte[] b, int at, int n) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = (v << 8) | (b[at + i] & 0xFF);
        return v;
    }

    private static void put(byte[] b, int at, int n, long v) {
        for (int i = 0; i < n; i++) b[at + i] = (byte) (v >>> (8 * i));
    }
}
