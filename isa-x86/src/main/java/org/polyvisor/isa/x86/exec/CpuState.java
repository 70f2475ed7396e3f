package org.polyvisor.isa.x86.exec;

/**
 * The architectural state the interpreter works on: sixteen 64-bit GPRs (IA-32 uses the first eight, zero-extended
 * 32-bit values), the instruction pointer, EFLAGS, the segment selectors with their descriptor caches, the control
 * registers, GDTR/IDTR/LDTR/TR and the system-call MSRs. The instruction pointer is the offset in CS; a linear
 * address is offset + segment base outside 64-bit mode (real mode: selector * 16), in 64-bit mode only FS and GS
 * add theirs. One vCPU moves between real, protected, compatibility and 64-bit mode: {@link #updateMode} derives
 * the mode from CR0.PE, EFER.LMA and the CS/SS caches after every write to them.
 */
public final class CpuState {
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;

    /**
     * The GPRs, and one more register that is always 0 ({@link #ZERO}): the block runner's absent base or index reads
     * it, so that an address needs no test for which registers it has.
     */
    public final long[] r = new long[17];
    /** The register number {@link #r} keeps at 0. */
    public static final int ZERO = 16;
    public long rip;
    public final LazyFlags flags = new LazyFlags();
    public final int[] seg = new int[6];
    /** CR0: PE (bit 0) on for protected/long mode, PG (bit 31) off (paging is not walked yet). */
    public long cr0;
    /** CR2 (the last page-fault address), CR3 (page-directory base), CR4 and EFER (LME, LMA, NXE, SCE). */
    public long cr2, cr3, cr4, efer;
    /** The system-call MSRs: STAR, LSTAR, CSTAR, SFMASK, KERNEL_GS_BASE and SYSENTER_CS/ESP/EIP. */
    public long star, lstar, cstar, sfmask, kernelGsBase, sysenterCs, sysenterEsp, sysenterEip;
    /** The time-stamp counter is the domain's virtual time in nanoseconds plus this offset (WRMSR to IA32_TSC). */
    public long tscOffset;
    /** The domain's virtual clock (set by the vCPU). */
    public org.polyvisor.spi.VirtualClock clock = () -> 0;

    public long tsc() { return clock.nanos() + tscOffset; }

    /** CR8: the task-priority register of long mode (bits 3:0). */
    public long cr8;
    /** An HVM board's controllers (the local APIC's MSRs, CPUID's APIC bits), or null: set by {@link X86Vcpu#attach}. */
    public LocalInterrupts platform;
    /** Descriptor caches of the six segment registers: base, limit and the access byte with the flags nibble. */
    public final long[] segBase = new long[6];
    public final long[] segLimit = new long[6];
    public final int[] segAttr = new int[6];
    /** GDTR and IDTR. An IDTR limit of 0 means the guest installed no IDT (see {@link #idtInstalled}). */
    public long gdtBase, idtBase;
    public int gdtLimit, idtLimit;
    /**
     * A Xen PV vCPU in Xen's ring model: the descriptors of Xen's reserved GDT entries from index 7168 on
     * (org.polyvisor.isa.x86.pv.GuestModes), which every descriptor lookup of a GDT selector at or past 7168 reads
     * instead of the guest's table; null otherwise.
     */
    public long[] xenGdt;
    /**
     * With {@link #xenGdt}: the guest's own GDT entries as Xen sees them, through the frames set_gdt named (Xen maps
     * them in its own area, so they need no mapping of the guest's): entry byte offset to raw descriptor, 0 for none.
     */
    public java.util.function.LongUnaryOperator pvGdt;
    /** With {@link #pvGdt}: sets the accessed bit of the guest's GDT entry at this byte offset in its frame. */
    public java.util.function.LongConsumer pvGdtAccessed;
    /** Xen PV: sets the accessed bit of the LDT entry at this byte offset in the frame SET_LDT took for it. */
    public java.util.function.LongConsumer pvLdtAccessed;
    /** LDTR and TR: the selector and its descriptor's base and limit. */
    public int ldtr, tr;
    public long ldtBase, trBase, ldtLimit, trLimit;
    /** True while TR holds a 16-bit TSS (type 1 or 3): its stack slots are SP/SS word pairs from offset 2. */
    public boolean tss16;
    /** Set by STI (from IF = 0) and MOV/POP SS: external interrupts wait until the next instruction retired. */
    public boolean interruptShadow;
    /** True for a vCPU model with IA-32e mode (the x86_64 backend): EFER.LME may be set. */
    public final boolean longModeCapable;
    /** The x87 FPU (FNINIT state at creation: a PV vCPU starts as Xen leaves it). */
    public final org.polyvisor.isa.x86.fpu.X87 fpu = new org.polyvisor.isa.x86.fpu.X87();
    /** XMM0-XMM15 as (low, high) quadword pairs: XMMn is xmm[2n] | xmm[2n + 1] << 64. */
    public final long[] xmm = new long[32];
    /** MXCSR; 0x1F80 (every exception masked, round to nearest) at creation and RESET. */
    public int mxcsr = 0x1F80;
    /**
     * The current mode, derived by {@link #updateMode} from CR0.PE, EFER.LMA and the CS descriptor cache (SDM Vol. 3,
     * 2.2 and 9.8): {@code longMode} is 64-bit mode (IA-32e with CS.L = 1); {@code codeSize} is the default operand
     * and address size in bytes (2 in real mode and 16-bit code segments, 4 with CS.D = 1 or compatibility mode
     * code, 8 in 64-bit mode); {@code addressMask} masks linear addresses and pointers to the mode's width,
     * {@code ipMask} the instruction pointer, {@code stackSize} is the width of the stack pointer (SS.B).
     */
    public boolean longMode;
    /**
     * Virtual-8086 mode (SDM Vol. 3, ch. 20): EFLAGS.VM = 1 in protected mode outside IA-32e mode. CPL 3, 16-bit
     * code and stack, segments as in real mode (base = selector * 16). Derived by {@link #updateMode}.
     */
    public boolean v86;
    /**
     * A debug-register breakpoint is enabled in DR7 ({@link DebugRegisters}): the run loop hands every instruction
     * to the interpreter, which checks instruction breakpoints before and data breakpoints after each one.
     */
    public boolean breakpoints;
    public int codeSize, stackSize;
    public long addressMask, ipMask;

    public static final long CR0_PE = 1, CR0_PG = 1L << 31, EFER_LME = 1L << 8, EFER_LMA = 1L << 10;
    /** The flags nibble of a cached descriptor's attributes: L (64-bit code) and D/B (32-bit default). */
    public static final int ATTR_L = 0x2000, ATTR_DB = 0x4000;
    /** Attributes of the flat caches: 64-bit code, 32-bit code, writable data (present, DPL 0, G = 1). */
    public static final int FLAT_CODE64 = 0xA09B, FLAT_CODE32 = 0xC09B, FLAT_DATA = 0xC093;

    public CpuState(boolean longModeCapable) {
        this.longModeCapable = longModeCapable;
        resetFlat(0x08, 0x10);
    }

    /**
     * Flat protected mode (IA-32 model) or 64-bit mode (x86_64 model: EFER.LME|LMA, CR0.PE|PG is left to the boot
     * protocol) at CPL 0: every segment base 0 with a 4 GiB limit, CS {@code cs} and the data segments {@code ds}.
     */
    public void resetFlat(int cs, int ds) {
        efer = longModeCapable ? EFER_LME | EFER_LMA : 0;  // the x86_64 vCPU runs in IA-32e mode from its first instruction
        cr0 |= CR0_PE;
        for (int i = 0; i < 6; i++) {
            seg[i] = i == CS ? cs : ds;
            segBase[i] = 0;
            segLimit[i] = 0xFFFF_FFFFL;
            segAttr[i] = i == CS ? (longModeCapable ? FLAT_CODE64 : FLAT_CODE32) : FLAT_DATA;
        }
        updateMode();
    }

    /**
     * The architectural RESET/INIT state (SDM Vol. 3, Table 9-1): real mode, CS = F000 with base FFFF0000, IP = FFF0,
     * the other segments 0 with base 0, every limit FFFF, CR0 = 60000010, EFER = 0, the IVT at 0 (IDTR limit 3FF),
     * EDX = 0x600 (the family/model/stepping signature), EFLAGS = 2.
     */
    public void resetReal() {
        java.util.Arrays.fill(r, 0);
        r[RDX] = 0x600;
        flags.load(0x2);
        cr0 = 0x6000_0010L;
        cr2 = cr3 = cr4 = efer = 0;
        for (int i = 0; i < 6; i++) {
            seg[i] = 0;
            segBase[i] = 0;
            segLimit[i] = 0xFFFF;
            segAttr[i] = i == CS ? 0x9B : 0x93;
        }
        seg[CS] = 0xF000;
        segBase[CS] = 0xFFFF_0000L;
        gdtBase = idtBase = 0;
        gdtLimit = idtLimit = 0xFFFF;
        idtLimit = 0x3FF;
        ldtr = tr = 0;
        rip = 0xFFF0;
        fpu.reset();
        java.util.Arrays.fill(xmm, 0);
        mxcsr = 0x1F80;
        updateMode();
    }

    /** True in real-address mode (CR0.PE = 0). */
    public boolean realMode() { return (cr0 & CR0_PE) == 0; }

    /** True in IA-32e mode (EFER.LMA = 1): 64-bit or compatibility mode. */
    public boolean ia32e() { return (efer & EFER_LMA) != 0; }

    /** True where segment registers hold paragraphs (base = selector * 16): real mode and virtual-8086 mode. */
    public boolean paragraphSegments() { return realMode() || v86; }

    /** Recomputes the mode fields after a write to CR0, EFER, CS, SS or EFLAGS.VM. */
    public void updateMode() {
        int attr = segAttr[CS];
        longMode = ia32e() && !realMode() && (attr & ATTR_L) != 0;
        v86 = !realMode() && !ia32e() && flags.vm();
        boolean descriptors = !realMode() && !v86;
        codeSize = longMode ? 8 : descriptors && (attr & ATTR_DB) != 0 ? 4 : 2;
        addressMask = longMode ? -1L : 0xFFFF_FFFFL;
        ipMask = longMode ? -1L : codeSize == 4 ? 0xFFFF_FFFFL : 0xFFFF;
        stackSize = longMode ? 8 : descriptors && (segAttr[SS] & ATTR_DB) != 0 ? 4 : 2;
    }

    /** The mask of the stack pointer: 16 bits, 32 bits (SS.B = 1) or 64 bits. */
    public long stackMask() { return mask(stackSize); }

    /** Real mode (and virtual-8086) segment load: the selector, base = selector * 16, limit and attributes kept. */
    public void loadReal(int sreg, int sel) {
        seg[sreg] = sel & 0xFFFF;
        segBase[sreg] = (long) (sel & 0xFFFF) << 4;
    }

    /** The base a memory operand through segment {@code sreg} adds: none in 64-bit mode except FS and GS. */
    public long base(int sreg) { return longMode && sreg < FS ? 0 : segBase[sreg]; }

    /**
     * What {@link #linear} returns for an access outside its segment's limit: an address no access outside long mode
     * can have (bit 63 set), which {@link Bus} turns into #GP(0), or #SS(0) with {@link #STACK_LIMIT_BIT}. Small
     * offsets added to it (the later parts of a multi-part operand) keep both marks.
     */
    public static final long LIMIT_FAULT = 0xC000_0000_0000_0000L, STACK_LIMIT_BIT = 1L << 40;

    /**
     * The linear address of a {@code size}-byte access at {@code offset} in segment {@code sreg} outside 64-bit mode
     * (offset plus base, 32 bits), or {@link #LIMIT_FAULT} (with {@link #STACK_LIMIT_BIT} for SS) when it lies
     * outside the segment's limit.
     */
    public long linear(int sreg, long offset, int size) {
        if (outsideLimit(sreg, offset, size)) return sreg == SS ? LIMIT_FAULT | STACK_LIMIT_BIT : LIMIT_FAULT;
        return (offset + segBase[sreg]) & 0xFFFF_FFFFL;
    }

    /**
     * The limit check of SDM Vol. 3, 5.3 (the cached limit already scaled by G): an expand-up segment holds offsets
     * 0 to the limit, an expand-down data segment those above the limit up to FFFFH, or FFFFFFFFH with B = 1. A
     * 4 GiB expand-up segment is not checked, so a flat segment wraps as the block runner's accesses do.
     */
    public boolean outsideLimit(int sreg, long offset, int size) {
        long limit = segLimit[sreg], last = offset + size - 1;
        int attr = segAttr[sreg];
        // A null selector's unusable cache (SDM Vol. 3, 5.4.1): any access through DS, ES, FS or GS faults, outside
        // real and virtual-8086 mode (whose loads never make a segment null; a stale cache from protected mode is
        // usable there). SS is never null outside 64-bit mode, where nothing is checked.
        if ((attr & ATTR_P) == 0) return sreg != SS && !paragraphSegments();
        if ((attr & EXPAND_DOWN_MASK) == EXPAND_DOWN) return offset <= limit || last > ((attr & ATTR_DB) != 0 ? 0xFFFF_FFFFL : 0xFFFF);
        return last > limit && limit != 0xFFFF_FFFFL;
    }

    /** S = 1, code = 0, E = 1 in the access byte: an expand-down data segment. */
    private static final int EXPAND_DOWN_MASK = 0x1C, EXPAND_DOWN = 0x14, ATTR_P = 0x80;

    /**
     * True when CS, SS, DS and ES are flat (base 0, 4 GiB expand-up, not null) or the vCPU is in long mode: the block
     * runner then needs no limit checks (it does not run FS or GS overrides outside long mode).
     */
    public boolean flatSegments() {
        return longMode || flat(CS) && flat(SS) && flat(DS) && flat(ES);
    }

    private boolean flat(int sreg) {
        int attr = segAttr[sreg];
        return (attr & ATTR_P) != 0 && segBase[sreg] == 0 && segLimit[sreg] == 0xFFFF_FFFFL
                && (attr & EXPAND_DOWN_MASK) != EXPAND_DOWN;
    }

    /** True when {@code va} is canonical (bits 63:47 all equal); always true outside long mode. */
    public boolean canonical(long va) { return !longMode || (va << 16 >> 16) == va; }

    /**
     * True once the guest loaded an IDT with a non-zero limit (LIDT). Before that a synchronous exception the
     * guest cannot take ends the vCPU with a Fault exit (the walking-skeleton policy the crash images rely on).
     */
    public boolean idtInstalled() { return idtLimit != 0 || guestTraps != null; }

    /**
     * A PV guest's trap table (Xen's set_trap_table), or null: while set, exceptions and INT n bounce to the guest's
     * registered handlers ({@link ExceptionEntry.GuestTraps}) instead of going through an IDT.
     */
    public ExceptionEntry.GuestTraps guestTraps;

    /**
     * Current privilege level: 0 in real mode, 3 in virtual-8086 mode, else the RPL bits of CS. (Between setting CR0.PE and the far JMP that
     * reloads CS, a real-mode CS selector with non-zero low bits would read as that CPL; boot loaders use 0x0000 or
     * 0x07C0 there.)
     */
    public int cpl() { return (cr0 & CR0_PE) == 0 ? 0 : v86 ? 3 : seg[CS] & 3; }

    public static long mask(int size) { return size == 8 ? -1L : (1L << (size * 8)) - 1; }

    public static long signExtend(long v, int size) {
        int shift = 64 - size * 8;
        return (v << shift) >> shift;
    }

    /** Register {@code reg} (16-19 are AH..BH) read at {@code size} bytes, zero-extended. */
    public long get(int reg, int size) {
        if (reg >= 16) return (r[reg - 16] >>> 8) & 0xFF;
        return size == 8 ? r[reg] : r[reg] & mask(size);
    }

    /** Writes {@code size} bytes of register {@code reg}: 8/16-bit writes merge, 32-bit writes zero-extend. */
    public void set(int reg, int size, long v) {
        if (reg >= 16) {
            int n = reg - 16;
            r[n] = (r[n] & ~0xFF00L) | ((v & 0xFF) << 8);
            return;
        }
        switch (size) {
            case 1 -> r[reg] = (r[reg] & ~0xFFL) | (v & 0xFF);
            case 2 -> r[reg] = (r[reg] & ~0xFFFFL) | (v & 0xFFFF);
            case 4 -> r[reg] = v & 0xFFFF_FFFFL;
            default -> r[reg] = v;
        }
    }
}
