package org.polyvisor.isa.x86.pv;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.XenElfNotes;

/**
 * Xen's ring model of a PV vCPU, for kernels that are Xen PV kernels (their ELF carries Xen's GUEST_OS, XEN_VERSION
 * "xen-3.0" and LOADER "generic" notes, without which Xen's domain builder refuses a PV kernel). Polyvisor's own
 * minimal cross-ISA PV images carry no such notes and keep the flat CPL 0 ABI (images/README.md); the choice is made
 * once, at boot ({@link #xenKernel}), and {@link #rings} stays false for them.
 *
 * <p>With rings on:
 * <ul>
 * <li>x86_64: the kernel runs at CPL 3 in long mode with Xen's flat selectors FLAT_RING3_CS64 0xe033 and
 *     FLAT_RING3_SS64 0xe02b (FLAT_RING3_DS64 is the null selector), like its user space; {@link #kernel} is Xen's
 *     TF_kernel_mode, and {@link #toggle} (toggle_guest_mode) switches between the kernel root table (NEW_BASEPTR) and
 *     the user one (NEW_USER_BASEPTR) and swaps the GS bases, as on every iret to user mode and every syscall, trap
 *     or event from it.</li>
 * <li>x86_32 PAE: the kernel runs at ring 1 with FLAT_RING1_CS 0xe019 and FLAT_RING1_DS 0xe021; user space at ring 3.</li>
 * <li>Xen's reserved GDT entries start at FIRST_RESERVED_GDT_ENTRY (FIRST_RESERVED_GDT_PAGE 14 * 512 = 7168); the
 *     flat selectors above index them ({@link #reserved}: Xen's gdt_table for x86_64, compat_gdt_table for x86_32).
 *     With the ring model on, the vCPU's descriptor lookups see them too ({@link CpuState#xenGdt}), so the guest's
 *     own MOV/POP Sreg, far transfers and IRET load them with the processor's checks, as on Xen, where they sit
 *     in the GDT the processor uses.</li>
 * <li>The event mask is Xen's: vcpu_info.evtchn_upcall_mask (the vCPU's slot of shared_info, whose address the
 *     domain builder put in start_info, or where VCPUOP_register_vcpu_info moved it: {@link #moveVcpuInfo}), shown
 *     to the guest as EFLAGS.IF in bounce frames; the hardware IF stays 1.</li>
 * <li>The I/O privilege is virtual ({@link #iopl}, Xen's v->arch.pv.iopl from physdev_op set_iopl); the hardware
 *     IOPL stays 0, so IN/OUT/CLI/STI trap and {@link PrivilegedOps} decides.</li>
 * </ul>
 * Not thread-safe except the volatile fields: the vCPU's own thread changes it.
 */
public final class GuestModes {
    public static final int FIRST_RESERVED_GDT_ENTRY = 14 * 512;
    /** public/arch-x86/xen-x86_64.h. */
    public static final int FLAT_RING3_CS32 = 0xe023, FLAT_RING3_CS64 = 0xe033, FLAT_RING3_SS64 = 0xe02b, FLAT_RING3_DS64 = 0;
    /** public/arch-x86/xen-x86_32.h. */
    public static final int FLAT_RING1_CS = 0xe019, FLAT_RING1_DS = 0xe021, FLAT_RING3_CS = 0xe02b, FLAT_RING3_DS = 0xe033;
    /** Xen's host CR0 as a PV guest reads it (PE, MP, ET, NE, WP, AM, PG); TS is the guest's own (fpu_taskswitch). */
    public static final long HOST_CR0 = 0x8005_0033L;
    static final long CR0_TS = 8;

    /**
     * Xen's gdt_table (x86_64) and compat_gdt_table (x86_32) from entry 7168 on (0xe000-0xe03f), raw descriptors with
     * the accessed bit set: 0xe008 ring 0 code64, 0xe010 ring 0 data, then x86_64: 0xe018 reserved, 0xe023 ring 3
     * code32, 0xe02b ring 3 data, 0xe033 ring 3 code64; x86_32: 0xe019 ring 1 code, 0xe021 ring 1 data, 0xe02b ring 3
     * code, 0xe033 ring 3 data; 0xe038 ring 0 code32; 0xe040 and 0xe050 (Xen's TSS and LDT descriptors, DPL 0 system
     * descriptors no guest instruction can use) empty here; 0xe060 Xen's per-CPU entry (PER_CPU_GDT_ENTRY 7180,
     * {@link #PER_CPU_DESCRIPTOR}), its limit the CPU's number. The rest of Xen's pages reads as empty entries here.
     */
    static final long[] XEN_GDT_64 = {0, 0x00af9b000000ffffL, 0x00cf93000000ffffL, 0, 0x00cffb000000ffffL,
            0x00cff3000000ffffL, 0x00affb000000ffffL, 0x00cf9b000000ffffL, 0, 0, 0, 0, 0};
    static final long[] XEN_GDT_32 = {0, 0x00af9b000000ffffL, 0x00cf93000000ffffL, 0x00cfbb000000ffffL,
            0x00cfb3000000ffffL, 0x00cffb000000ffffL, 0x00cff3000000ffffL, 0x00cf9b000000ffffL, 0, 0, 0, 0, 0};
    /** Xen's per-CPU GDT entry: index 7180 (selector 0xe060). */
    public static final int PER_CPU_GDT_ENTRY = FIRST_RESERVED_GDT_ENTRY + 12;
    /**
     * Its descriptor with limit 0: present read-only accessed data, DPL 0. Xen gives each CPU's copy the CPU's number
     * as limit and reads it with LSL itself (do_double_fault); at DPL 0 no PV guest (ring 1 or 3) can: LAR, LSL and
     * VERR answer ZF = 0 and a segment load #GPs, as on Xen. Linux's CPU number (vDSO getcpu) is in its own GDT
     * entry (GDT_ENTRY_PER_CPU), written with update_descriptor. Polyvisor's vCPUs run on no numbered physical CPU:
     * the limit is the vCPU's id.
     */
    public static final long PER_CPU_DESCRIPTOR = 0x0000910000000000L;

    private final boolean wide;
    /** Xen's ring model is on (a Xen PV kernel); false: Polyvisor's flat CPL 0 ABI. */
    public volatile boolean rings;
    /** x86_64: Xen's TF_kernel_mode. */
    public volatile boolean kernel = true;
    /** Xen's virtual IOPL (0-3), from physdev_op set_iopl. */
    public volatile int iopl;
    /** The root tables of NEW_BASEPTR (kernel) and NEW_USER_BASEPTR (user), frame numbers; -1 / 0 for none. */
    public volatile long kernelRoot = -1, userRoot;
    /** Guest-physical address of this vCPU's vcpu_info, or -1 when unknown (events then count as unmasked). */
    public volatile long vcpuInfo = -1;
    /** Set once VCPUOP_register_vcpu_info moved the vcpu_info: the shared_info slot no longer applies. */
    private volatile boolean vcpuInfoRegistered;

    /** VCPUOP_register_vcpu_info moved this vCPU's vcpu_info to guest-physical {@code address}. */
    public void moveVcpuInfo(long address) {
        vcpuInfo = address;
        vcpuInfoRegistered = true;
    }

    /** The vcpu_info in shared_info's slot {@code vcpu} (legacy slots 0-31), unless one was registered. */
    void defaultVcpuInfo(long sharedInfo, int vcpu) {
        if (!vcpuInfoRegistered) vcpuInfo = sharedInfo != 0 && vcpu < 32 ? sharedInfo + 64L * vcpu : -1;
    }
    /** The guest-controlled CR4 bits (PV_CR4_GUEST_MASK filtered by the CPUID policy: TSD). */
    public volatile long guestCr4;

    /** This vCPU's copy of Xen's reserved entries (the per-CPU entry differs between vCPUs). */
    private final long[] xenGdt;

    public GuestModes(boolean wide) {
        this.wide = wide;
        this.xenGdt = (wide ? XEN_GDT_64 : XEN_GDT_32).clone();
        cpuNumber(0);
    }

    /** The number in the per-CPU entry's limit (the vCPU's id; Xen's NR_CPUS stays below 65536). */
    public void cpuNumber(int cpu) {
        xenGdt[PER_CPU_GDT_ENTRY - FIRST_RESERVED_GDT_ENTRY] = PER_CPU_DESCRIPTOR | (cpu & 0xFFFF);
    }

    public boolean wide() { return wide; }

    /** True for a kernel Xen would boot as PV: GUEST_OS, XEN_VERSION "xen-3.0" and LOADER "generic". */
    public static boolean xenKernel(XenElfNotes notes) {
        return notes.text(XenElfNotes.GUEST_OS).isPresent()
                && notes.text(XenElfNotes.XEN_VERSION).filter("xen-3.0"::equals).isPresent()
                && notes.text(XenElfNotes.LOADER).filter("generic"::equals).isPresent();
    }

    /** The guest's kernel privilege level as Xen reports it (GUEST_KERNEL_RPL): 3 on x86_64, 1 on x86_32. */
    public int kernelRpl() { return wide ? 3 : 1; }

    /** Whether the vCPU runs the guest kernel (x86_64: TF_kernel_mode; x86_32: CPL 1). */
    public boolean guestKernel(CpuState s) { return wide ? kernel : (s.seg[CpuState.CS] & 3) == 1; }

    /** Xen's iopl_ok: kernel mode counts as ring 1, user mode as ring 3. */
    public boolean ioplOk(CpuState s) { return iopl >= (guestKernel(s) ? 1 : 3); }

    /** Xen's reserved GDT entries for this guest's width (gdt_table or compat_gdt_table), from entry 7168 on. */
    public long[] xenGdt() { return xenGdt; }

    /** The attributes of reserved selector {@code sel} (index at or past 7168), or 0 when it is not one of Xen's. */
    public int reserved(int sel) {
        int i = (sel >>> 3) - FIRST_RESERVED_GDT_ENTRY;
        long[] t = xenGdt;
        if ((sel & 4) != 0 || i < 0 || i >= t.length || t[i] == 0) return 0;
        int attr = (int) (t[i] >>> 40) & 0xF0FF;
        int dpl = attr >>> 5 & 3;
        return (sel & 3) == dpl ? attr : 0;  // a selector of Xen's must carry its descriptor's ring
    }

    /**
     * Loads segment {@code sreg} with {@code sel} as the hardware would from Xen's GDT or the guest's: a reserved
     * flat selector, the null selector (data segments only), or a present code/data descriptor of the guest's GDT
     * or LDT whose DPL equals the RPL. Returns false (nothing loaded) for anything else.
     */
    public boolean load(CpuState s, Bus bus, int sreg, int sel) {
        sel &= 0xFFFF;
        int attr = reserved(sel);
        long base = 0, limit = 0xFFFF_FFFFL;
        if (attr == 0) {
            if ((sel & 0xFFFC) == 0) {
                if (sreg == CpuState.CS || (sreg == CpuState.SS && !wide)) return false;
                attr = 0;
            } else {
                boolean local = (sel & 4) != 0;
                long tableLimit = local ? (s.ldtr == 0 ? -1 : s.ldtLimit) : s.gdtLimit;
                if ((sel & 0xFFF8) + 7 > tableLimit) return false;
                long raw;
                if (!local && s.pvGdt != null) raw = s.pvGdt.applyAsLong(sel & 0xFFF8);  // the set_gdt frames
                else {
                    long at = (local ? s.ldtBase : s.gdtBase) + (sel & 0xFFF8);
                    boolean outer = bus.implicitSupervisor;
                    bus.implicitSupervisor = true;
                    raw = bus.read(at, 8);
                    bus.implicitSupervisor = outer;
                    if (bus.abort != null) { bus.abort = null; return false; }
                }
                long hi = raw >>> 32;
                boolean present = (hi & 0x8000) != 0, codeOrData = (hi & 0x1000) != 0, code = (hi & 0x800) != 0;
                int dpl = (int) (hi >>> 13) & 3;
                if (!present || !codeOrData || dpl != (sel & 3)) return false;
                if (sreg == CpuState.CS ? !code : sreg == CpuState.SS && (code || (hi & 0x200) == 0)) return false;
                var accessed = local ? s.pvLdtAccessed : s.pvGdtAccessed;
                if ((hi & 0x100) == 0 && accessed != null) {  // the processor's write, through Xen's mapping
                    accessed.accept(sel & 0xFFF8);
                    hi |= 0x100;
                }
                attr = (int) (hi >>> 8) & 0xF0FF;
                base = (raw >>> 16 & 0xFF_FFFFL) | (hi >>> 24 & 0xFF) << 24;
                limit = (raw & 0xFFFF) | (hi & 0xF_0000L);
                if ((hi & 0x80_0000L) != 0) limit = limit << 12 | 0xFFF;
            }
        }
        s.seg[sreg] = sel;
        s.segBase[sreg] = base;
        s.segLimit[sreg] = limit;
        s.segAttr[sreg] = attr;
        if (sreg == CpuState.CS || sreg == CpuState.SS) s.updateMode();
        return true;
    }

    /** Boot: the kernel's flat selectors (x86_64 CS 0xe033, SS 0xe02b, the rest null; x86_32 CS 0xe019, the rest 0xe021). */
    public void enterKernel(CpuState s, Bus bus) {
        rings = true;
        kernel = true;
        s.xenGdt = xenGdt();
        for (int i = 0; i < 6; i++) {
            int sel = i == CpuState.CS ? (wide ? FLAT_RING3_CS64 : FLAT_RING1_CS)
                    : wide ? (i == CpuState.SS ? FLAT_RING3_SS64 : FLAT_RING3_DS64) : FLAT_RING1_DS;
            load(s, bus, i, sel);
        }
    }

    /**
     * x86_64 toggle_guest_mode: SWAPGS, TF_kernel_mode flipped, CR3 = the root of the new mode (the kernel's when no
     * user root exists: Xen refuses to enter user mode without one before calling this).
     */
    public void toggle(CpuState s, Bus bus) {
        long t = s.segBase[CpuState.GS];
        s.segBase[CpuState.GS] = s.kernelGsBase;
        s.kernelGsBase = t;
        kernel = !kernel;
        long root = kernel ? kernelRoot : userRoot;
        if (root > 0) s.cr3 = root << 12;  // none yet (paging still off): CR3 stays
        bus.flushTlb();
    }

    /** The domain's memory, where the vcpu_info lives (set with the vCPU's PV state). */
    volatile GuestMemory memory;

    /** vcpu_info.evtchn_upcall_mask (offset 1), 0 when the vcpu_info is not known. */
    public int upcallMask() { return infoByte(1); }

    /** Sets vcpu_info.evtchn_upcall_mask (nothing when the vcpu_info is not known). */
    public void setUpcallMask(int mask) {
        MemorySegment p = infoPage();
        if (p != null) p.set(ValueLayout.JAVA_BYTE, (vcpuInfo & 0xFFF) + 1, (byte) mask);
    }

    /** vcpu_info.evtchn_upcall_pending (offset 0). */
    public boolean upcallPending() { return infoByte(0) != 0; }

    /**
     * vcpu_info.arch.cr2 (x86_64 offset 16, x86_32 8), which Xen's pv_inject_event writes with every #PF it bounces
     * (arch_set_cr2); nothing when the vcpu_info is not known.
     */
    public void setArchCr2(long cr2) {
        MemorySegment p = infoPage();
        int at = (int) (vcpuInfo & 0xFFF) + (wide ? 16 : 8);
        if (p == null || at + (wide ? 8 : 4) > 4096) return;
        if (wide) p.set(ValueLayout.JAVA_LONG_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), at, cr2);
        else p.set(ValueLayout.JAVA_INT_UNALIGNED.withOrder(java.nio.ByteOrder.LITTLE_ENDIAN), at, (int) cr2);
    }

    private int infoByte(int off) {
        MemorySegment p = infoPage();
        return p == null ? 0 : p.get(ValueLayout.JAVA_BYTE, (vcpuInfo & 0xFFF) + off) & 0xFF;
    }

    private MemorySegment infoPage() {
        long at = vcpuInfo;
        GuestMemory m = memory;
        return at < 0 || m == null || (at & 0xFFF) > 0xFFE ? null : m.page(at >>> 12);
    }
}
