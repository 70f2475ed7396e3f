package org.polyvisor.isa.x86.exec;

/**
 * The architectural state the interpreter works on: sixteen 64-bit GPRs (IA-32 uses the first eight, zero-extended
 * 32-bit values), the instruction pointer, EFLAGS and the segment selectors. Segment bases are flat (0).
 */
public final class CpuState {
    public static final int ES = 0, CS = 1, SS = 2, DS = 3, FS = 4, GS = 5;
    public static final int RAX = 0, RCX = 1, RDX = 2, RBX = 3, RSP = 4, RBP = 5, RSI = 6, RDI = 7;

    public final long[] r = new long[16];
    public long rip;
    public final LazyFlags flags = new LazyFlags();
    public final int[] seg = new int[6];
    /** CR0: PE (bit 0) on for protected/long mode, PG (bit 31) off in this skeleton. */
    public long cr0;
    public final boolean longMode;
    /** Masks addresses, the instruction pointer and the stack pointer to the mode's width. */
    public final long addressMask;

    public CpuState(boolean longMode) {
        this.longMode = longMode;
        this.addressMask = longMode ? -1L : 0xFFFF_FFFFL;
    }

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
