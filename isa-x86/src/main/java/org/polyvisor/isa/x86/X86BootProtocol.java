package org.polyvisor.isa.x86;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.pv.BootstrapPageTables;
import org.polyvisor.isa.x86.pv.GuestModes;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.BootProtocol;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.XenElfNotes;

/**
 * First state of an x86 vCPU.
 * <ul>
 * <li>PV: flat protected mode (IA-32) or long mode (x86_64) at CPL 0: CS = 0x08 and DS = ES = SS = FS = GS = 0x10
 *     with base 0 and a 4 GiB limit, CR0.PE = 1 and CR0.PG = 0 (virtual = physical until the guest turns
 *     paging on), CR4.OSFXSR and CR4.OSXMMEXCPT set (SSE enabled, as Xen runs PV guests), the x87 and MXCSR in
 *     their FNINIT/default state, EFLAGS = 0x2 (interrupts masked), the instruction pointer at the ELF entry and
 *     the start_info address in eSI/rSI (Xen's x86 PV ABI). A kernel with the XEN_ELFNOTE_HYPERCALL_PAGE note gets
 *     Xen's hypercall page there ({@link org.polyvisor.isa.x86.pv.PvHypercallPage}).</li>
 * <li>PV, a Xen PV kernel (its ELF has Xen's GUEST_OS, XEN_VERSION "xen-3.0" and LOADER "generic" notes,
 *     {@link GuestModes#xenKernel}): Xen's ring model instead of CPL 0: x86_64 at CPL 3 with CS 0xe033 and SS 0xe02b,
 *     x86_32 PAE at ring 1 with CS 0xe019 and the data segments 0xe021; EFLAGS = 0x202 (Xen's builder sets IF;
 *     events are masked with vcpu_info); the entry of the ENTRY note when present, else the ELF's.
 *     The bootstrap page tables Xen's builder makes are loaded (paging on), mapping pseudo-physical frame 0 at the
 *     VIRT_BASE note's address (0 when absent); rSI is start_info's virtual address there and rSP the virtual top of
 *     the boot stack after the tables ({@link BootstrapPageTables}); the P2M list is in the pages the domain builder
 *     left before start_info ({@link #p2mBytes}).</li>
 * <li>HVM: the architectural reset state of the SDM (Vol. 3, 9.1.1): real mode, CS = 0xF000 (base 0xFFFF0000),
 *     IP = 0xFFF0, CR0 = 0x60000010, EDX = 0x600, EFLAGS = 0x2. The interpreter executes it: the first
 *     instruction is fetched at linear 0xFFFFFFF0.</li>
 * </ul>
 */
public final class X86BootProtocol implements BootProtocol {
    public static final int KERNEL_CS = 0x08, KERNEL_DS = 0x10;
    private static final long OSFXSR = 1 << 9, OSXMMEXCPT = 1 << 10;
    private final boolean wide;

    /** {@code wide}: x86_64 (the P2M list's entries are 8 bytes; 4 for x86_32 PAE). */
    public X86BootProtocol(boolean wide) { this.wide = wide; }

    /** A Xen PV kernel's P2M list: nr_pages entries of the guest's word, page-rounded, before start_info. */
    @Override
    public long p2mBytes(XenElfNotes notes, long nrPages) {
        return GuestModes.xenKernel(notes) ? BootstrapPageTables.p2mBytes(nrPages, wide) : 0;
    }

    @Override
    public void boot(Vcpu vcpu, BootInfo info) {
        CpuState s = ((X86Vcpu) vcpu).state();
        if (info.type() == GuestType.PV) {
            java.util.Arrays.fill(s.r, 0);
            s.flags.load(0x2);
            s.cr0 = 0x1;
            s.resetFlat(KERNEL_CS, KERNEL_DS);
            s.cr4 = OSFXSR | OSXMMEXCPT;
            s.fpu.init();
            s.mxcsr = 0x1F80;
            s.rip = info.entry() & s.addressMask;
            s.r[CpuState.RSI] = info.startInfo() & s.addressMask;
            org.polyvisor.isa.x86.pv.PvHypercallPage.install(((X86Vcpu) vcpu).memory(), info.xenNotes(), s.longModeCapable);
            if (GuestModes.xenKernel(info.xenNotes()) && ((X86Vcpu) vcpu).pv() != null) {
                // Xen's builder: frame pfn of the kernel's area is at virt_base + (pfn << 12), start_info included.
                long virtBase = info.xenNotes().number(XenElfNotes.VIRT_BASE).orElse(0) & s.addressMask;
                s.flags.load(0x202);  // Xen's builder: IF set; events are masked by vcpu_info instead
                s.rip = info.xenNotes().number(XenElfNotes.ENTRY).orElse(info.entry()) & s.addressMask;
                s.r[CpuState.RSI] = (virtBase + info.startInfo()) & s.addressMask;
                ((X86Vcpu) vcpu).pv().enterRings(info.startInfo(), virtBase);
            }
        } else {
            s.resetReal();
        }
    }
}
