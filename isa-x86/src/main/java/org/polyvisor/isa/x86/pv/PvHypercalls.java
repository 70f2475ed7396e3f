package org.polyvisor.isa.x86.pv;

import java.util.concurrent.atomic.AtomicBoolean;
import org.polyvisor.isa.x86.exec.Bus;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Vcpu;

/**
 * The x86 PV hypercalls that act on a vCPU's own architectural state ({@link Vcpu#archHypercall}: the kernel sends
 * every number it has no handler for here, directly or from a multicall), by Xen's numbers, one class per family:
 * <pre>
 *   0 set_trap_table      {@link TrapTable}            14 update_va_mapping              {@link PvMmu}
 *   1 mmu_update          {@link PvMmu}                21 vm_assist                      {@link PvCpuOps}
 *   2 set_gdt             {@link PvDescriptors}        22 update_va_mapping_otherdomain  {@link PvMmu}
 *   3 stack_switch        {@link PvCpuOps}             23 iret                           {@link PvCpuOps}
 *   4 set_callbacks       {@link PvCallbacks}          25 set_segment_base               {@link PvCpuOps}
 *   5 fpu_taskswitch      {@link PvCpuOps}             26 mmuext_op                      {@link PvMmu}
 *   8 set_debugreg        {@code PvDebugRegisters}     30 callback_op                    {@link PvCallbacks}
 *   9 get_debugreg        {@code PvDebugRegisters}     33 physdev_op                     {@link PvCpuOps}
 *  10 update_descriptor   {@link PvDescriptors}
 * </pre>
 * Any other number is {@link Vcpu#NOT_ARCH}. Arguments are cut to the guest's word size; on x86_32 the 64-bit values
 * of update_va_mapping and update_descriptor come as low/high pairs. Guest pointers are guest-virtual, read through
 * the vCPU's MMU ({@link GuestView}); a bad one is -EFAULT. Never throws for guest input.
 */
public final class PvHypercalls {
    private final CpuState s;
    private final boolean wide;
    private final GuestView guest;
    private final Bus bus;
    private final PvCallbacks callbacks;
    private final PageTypes types;
    private final TrapTable traps;
    private final PvMmu mmu;
    private final PvDescriptors descriptors;
    private final PvCpuOps cpu;
    private final PvDebugRegisters debug;
    private final AtomicBoolean flushRequest;

    public PvHypercalls(CpuState s, Bus bus, GuestMemory memory, PvCallbacks callbacks, boolean wide, int vcpu) {
        this.s = s;
        this.wide = wide;
        this.bus = bus;
        this.callbacks = callbacks;
        this.guest = new GuestView(bus);
        this.types = PageTypes.of(memory, wide);
        this.traps = new TrapTable(s, bus, guest, callbacks, wide);
        this.mmu = new PvMmu(s, bus, guest, types, types.shootdown, wide, vcpu);
        this.descriptors = new PvDescriptors(s, guest, types, callbacks, wide);
        this.cpu = new PvCpuOps(s, bus, guest, callbacks, wide);
        this.debug = new PvDebugRegisters(callbacks, wide);
        this.flushRequest = types.shootdown.register(vcpu);
        this.memory = memory;
        this.vcpu = vcpu;
        callbacks.modes.cpuNumber(vcpu);
        GuestModes modes = callbacks.modes;
        modes.memory = memory;
        mmu.modes = modes;
        mmu.descriptors = descriptors;
        traps.privileged = new PrivilegedOps(s, bus, modes, mmu);
    }

    private final GuestMemory memory;
    private final int vcpu;

    /** How a PV kernel's HLT ({@link PrivilegedOps}, SCHEDOP_block) makes this vCPU's pending event upcall taken. */
    public void upcallBy(Runnable raiseEventUpcall) { traps.privileged.raiseUpcall = raiseEventUpcall; }

    /**
     * Boot of a Xen PV kernel ({@link GuestModes#xenKernel}): Xen's ring model from the first instruction. The
     * kernel's flat selectors, every exception through the trap table (and Xen's privileged-instruction emulation),
     * the vcpu_info in the shared_info page start_info names (x86_64 offset 40, x86_32 36; slot {@code vcpu}, 64
     * bytes each), CPUID faulting with the PV view, and the bootstrap page tables Xen's builder makes
     * ({@link BootstrapPageTables}: paging on, start_info's pt_base, nr_pt_frames and mfn_list, the boot stack),
     * mapping pseudo-physical frame 0 at {@code virtBase} (the VIRT_BASE note).
     */
    public void enterRings(long startInfo, long virtBase) {
        GuestModes modes = callbacks.modes;
        modes.enterKernel(s, bus);
        s.pvGdt = this::guestGdtEntry;
        s.pvGdtAccessed = this::guestGdtEntryAccessed;
        s.pvLdtAccessed = descriptors::ldtEntryAccessed;
        if (wide) types.userPages = true;
        long shared = 0;
        try {
            shared = memory.read(startInfo + (wide ? 40 : 36), wide ? 8 : 4);
        } catch (org.polyvisor.spi.GuestMemoryFault e) {
            // no start_info there: the events' mask is then not followed
        }
        modes.defaultVcpuInfo(shared, vcpu);
        types.sharedInfo = shared;
        types.rings = true;
        s.platform = new PvCpuidView(new org.polyvisor.isa.x86.exec.Cpuid(wide, vcpu));
        BootstrapPageTables.Built built = BootstrapPageTables.build(memory, types, startInfo, virtBase, wide);
        if (built != null && mmu.newBaseptr(built.root()) == 0) s.r[CpuState.RSP] = built.stackTop();
        traps.install(callbacks.trapTable);
        bus.flushTlb();
    }

    /**
     * The guest's GDT entry at byte {@code offset}, read from the frame set_gdt (or a loaded context's gdt_frames)
     * named for it, as Xen's own mapping of those frames shows it; 0 (not present) when there is no such frame.
     */
    private long guestGdtEntry(long offset) {
        long[] frames = callbacks.gdtFrames;
        int i = (int) (offset >>> 12);
        var page = i < frames.length ? memory.page(frames[i]) : null;
        return page == null ? 0 : page.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, offset & 0xFF8);
    }

    /**
     * Sets the accessed bit of the guest's GDT entry at byte {@code offset} in the frame set_gdt named for it: Xen maps
     * those frames writable in its per-vCPU GDT area (pv_set_gdt: __PAGE_HYPERVISOR_RW) and check_descriptor leaves
     * the bit as the guest wrote it, so a selector load that finds it clear has the processor set it in the frame.
     */
    private void guestGdtEntryAccessed(long offset) {
        long[] frames = callbacks.gdtFrames;
        int i = (int) (offset >>> 12);
        var page = i < frames.length ? memory.page(frames[i]) : null;
        if (page == null) return;
        long at = (offset & 0xFF8) + 5;
        page.set(java.lang.foreign.ValueLayout.JAVA_BYTE, at, (byte) (page.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at) | 1));
    }

    /** The domain's page types (for tests and the context). */
    public PageTypes pageTypes() { return types; }

    /** The user-mode root table of NEW_USER_BASEPTR (a frame number; 0 for none). */
    public long userBase() { return mmu.userBase(); }

    /** A loaded vcpu_guest_context's ctrlreg[1] (x86_64): the user root, checked as NEW_USER_BASEPTR; 0 or Xen's error. */
    public long loadUserBase(long frame) { return mmu.userBaseFromContext(frame); }

    /** After a loaded vcpu_guest_context replaced {@link PvCallbacks#trapTable}: bounce through it. */
    public void trapTableLoaded() {
        GuestModes m = callbacks.modes;
        if (types.rings && !m.rings) {  // a vCPU of a Xen PV kernel started by VCPUOP_initialise
            m.rings = true;
            m.kernel = true;
            s.xenGdt = m.xenGdt();
            s.pvGdt = this::guestGdtEntry;
            s.pvGdtAccessed = this::guestGdtEntryAccessed;
            s.pvLdtAccessed = descriptors::ldtEntryAccessed;
            m.defaultVcpuInfo(types.sharedInfo, vcpu);
            if ((s.cr0 & CpuState.CR0_PG) != 0) m.kernelRoot = s.cr3 >>> 12;
            s.platform = new PvCpuidView(new org.polyvisor.isa.x86.exec.Cpuid(wide, vcpu));
            for (int i = 0; i < 6; i++) m.load(s, bus, i, s.seg[i]);  // the context's selectors with their descriptors
        }
        traps.install(callbacks.trapTable);
    }

    /** True (once) when another vCPU asked this one to flush its TLB; the vCPU flushes before running on. */
    public boolean takeFlushRequest() { return flushRequest.get() && flushRequest.getAndSet(false); }

    public long call(long op, long[] args) {
        if (op < 0 || op > 63) return Vcpu.NOT_ARCH;
        long m = wide ? -1L : 0xFFFF_FFFFL;
        long a0 = arg(args, 0) & m, a1 = arg(args, 1) & m, a2 = arg(args, 2) & m, a3 = arg(args, 3) & m;
        return switch ((int) op) {
            case TrapTable.SET_TRAP_TABLE -> traps.set(a0);
            case PvMmu.MMU_UPDATE -> mmu.mmuUpdate(a0, a1, a2, a3);
            case PvDescriptors.SET_GDT -> descriptors.setGdt(a0, a1);
            case PvCpuOps.STACK_SWITCH -> cpu.stackSwitch(a0, a1);
            case PvCallbacks.SET_CALLBACKS, PvCallbacks.CALLBACK_OP -> callbacks.call(op, new long[] {a0, a1, a2, a3}, bus);
            case PvCpuOps.FPU_TASKSWITCH -> cpu.fpuTaskswitch(a0);
            case PvDescriptors.UPDATE_DESCRIPTOR -> wide ? descriptors.updateDescriptor(a0, a1)
                    : descriptors.updateDescriptor(a0 | a1 << 32, a2 | a3 << 32);
            case PvMmu.UPDATE_VA_MAPPING -> wide ? mmu.updateVaMapping(a0, a1, a2) : mmu.updateVaMapping(a0, a1 | a2 << 32, a3);
            case PvMmu.UPDATE_VA_MAPPING_OTHERDOMAIN -> wide ? mmu.updateVaMappingOtherdomain(a0, a1, a2, a3)
                    : mmu.updateVaMappingOtherdomain(a0, a1 | a2 << 32, a3, arg(args, 4) & m);
            case PvCpuOps.VM_ASSIST -> cpu.vmAssist(a0, a1);
            case PvCpuOps.IRET -> cpu.iret();
            case PvCpuOps.SET_SEGMENT_BASE -> cpu.setSegmentBase(a0, a1);
            case PvMmu.MMUEXT_OP -> mmu.mmuextOp(a0, a1, a2, a3);
            case PvCpuOps.PHYSDEV_OP -> cpu.physdevOp(a0, a1);
            case PvDebugRegisters.SET_DEBUGREG -> debug.set(a0, a1);
            case PvDebugRegisters.GET_DEBUGREG -> debug.get(a0);
            default -> Vcpu.NOT_ARCH;
        };
    }

    private static long arg(long[] args, int n) { return args != null && n < args.length ? args[n] : 0; }
}
