package org.polyvisor.isa.x86.exec;

/**
 * The architectural state the interpreter works on: sixteen 64-bit GPRs (IA-32 uses the first eight, zero-extended
 * 32-bit values), the instruction pointer, EFLAGS, the segment selectors with their descriptor caches, the control
 * registers, GDTR/IDTR/LDTR/TR and the system-call MSRs. Of the segment bases only FS and GS take part in
 * addressing (the flat model of protected and long mode).
 */
public final class CpuState {
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;

    public final long[] r = new long[16];
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
    /** Descriptor caches of the six segment registers: base, limit and the access byte with the flags nibble. */
    public final long[] segBase = new long[6];
    public final long[] segLimit = new long[6];
    public final int[] segAttr = new int[6];
    /** GDTR and IDTR. An IDTR limit of 0 means the guest installed no IDT (see {@link #idtInstalled}). */
    public long gdtBase, idtBase;
    public int gdtLimit, idtLimit;
    /** LDTR and TR: the selector and its descriptor's base and limit. */
    public int ldtr, tr;
    public long ldtBase, trBase, ldtLimit, trLimit;
    /** Set by STI (from IF = 0) and MOV/POP SS: external interrupts wait until the next instruction retired. */
    public boolean interruptShadow;
    public final boolean longMode;
    /** Masks addresses, the instruction pointer and the stack pointer to the mode's width. */
    public final long addressMask;

    public CpuState(boolean longMode) {
        this.longMode = longMode;
        this.addressMask = longMode ? -1L : 0xFFFF_FFFFL;
        this.efer = longMode ? 0x500 : 0;  // LME | LMA: the x86_64 vCPU runs in IA-32e mode from its first instruction
    }

    /** True when {@code va} is canonical (bits 63:47 all equal); always true outside long mode. */
    public boolean canonical(long va) { return !longMode || (va << 16 >> 16) == va; }

    /**
     * True once the guest loaded an IDT with a non-zero limit (LIDT). Before that a synchronous exception the
     * guest cannot take ends the vCPU with a Fault exit (the walking-skeleton policy the crash images rely on).
     */
    public boolean idtInstalled() { return idtLimit != 0; }

    /** Current privilege level: the RPL bits of CS. */
    public int cpl() { return seg[CS] & 3; }

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
