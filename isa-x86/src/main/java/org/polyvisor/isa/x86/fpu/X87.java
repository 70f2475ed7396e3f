package org.polyvisor.isa.x86.fpu;

/**
 * The x87 FPU's architectural state (SDM Vol. 1, 8.1): eight 80-bit data registers R0-R7 used as a stack whose top
 * is the status word's TOP field (ST(i) is R[(TOP + i) mod 8]), the control word, the status word, a tag per
 * register (here only "empty" is stored: valid, zero and special are derived from the contents, as the full tag
 * word FNSTENV writes is), and the last instruction and data pointers with the last opcode.
 */
public final class X87 {
    /** Status word bits. */
    public static final int SW_IE = 1, SW_DE = 2, SW_ZE = 4, SW_OE = 8, SW_UE = 0x10, SW_PE = 0x20, SW_SF = 0x40,
            SW_ES = 0x80, SW_C0 = 0x100, SW_C1 = 0x200, SW_C2 = 0x400, SW_C3 = 0x4000, SW_B = 0x8000;
    public static final int SW_CONDITION = SW_C0 | SW_C1 | SW_C2 | SW_C3;
    /** The control word FNINIT leaves: all exceptions masked, 64-bit precision, round to nearest. */
    public static final int FNINIT_CW = 0x037F;
    /** Full tag values (FNSTENV): valid, zero, special (NaN, infinity, denormal, unsupported), empty. */
    public static final int TAG_VALID = 0, TAG_ZERO = 1, TAG_SPECIAL = 2, TAG_EMPTY = 3;

    /** The registers by physical number: sign and exponent, and the 64-bit significand. */
    public final int[] se = new int[8];
    public final long[] mant = new long[8];
    /** One bit per physical register: set when it is empty. */
    public int emptyMask = 0xFF;
    /** The control word (bits 6 and 13-15 read as the hardware keeps them: bit 6 reads as 1). */
    public int cw = FNINIT_CW;
    /** The status word without TOP (bits 13:11), which lives in {@link #top}. */
    public int sw;
    public int top;
    /** The last non-control instruction: its linear address (FIP), code selector, opcode (11 bits), data address and selector. */
    public long fip, fdp;
    public int fcs, fds, fop;

    /** FNINIT: the control word 037F, status 0, every register empty, the pointers cleared (contents stay). */
    public void init() {
        cw = FNINIT_CW;
        sw = 0;
        top = 0;
        emptyMask = 0xFF;
        fip = fdp = 0;
        fcs = fds = fop = 0;
    }

    /** The processor's RESET state (SDM Vol. 3, Table 9-1): control word 0040, every register +0 and tagged zero. */
    public void reset() {
        init();
        cw = 0x0040;
        emptyMask = 0;
        java.util.Arrays.fill(se, 0);
        java.util.Arrays.fill(mant, 0);
    }

    public int physical(int i) { return (top + i) & 7; }

    public boolean isEmpty(int i) { return (emptyMask & (1 << physical(i))) != 0; }

    /** The status word with TOP in bits 13:11. */
    public int statusWord() { return (sw & ~0x3800) | (top << 11); }

    /** Loads the status word (TOP included), as FLDENV and FXRSTOR do; ES and B follow the unmasked exceptions. */
    public void loadStatusWord(int v) {
        top = (v >>> 11) & 7;
        sw = v & ~0x3800 & 0xFFFF;
        updateSummary();
    }

    /** ES (and B, which mirrors it) is set while an exception flag is set whose mask bit is clear. */
    public void updateSummary() {
        boolean pending = (sw & ~cw & 0x3F) != 0;
        sw = pending ? sw | SW_ES | SW_B : sw & ~(SW_ES | SW_B);
    }

    /** Rounding control (FCW bits 11:10). */
    public int rc() { return (cw >>> 10) & 3; }

    /** Significand bits that precision control (FCW bits 9:8) asks of FADD/FSUB/FMUL/FDIV/FSQRT. */
    public int precision() { return Float80.precision((cw >>> 8) & 3); }

    /** The full tag of physical register {@code r}, from its contents. */
    public int tag(int r) {
        if ((emptyMask & (1 << r)) != 0) return TAG_EMPTY;
        int k = Float80.kind(se[r], mant[r]);
        if (k == Float80.ZERO) return TAG_ZERO;
        if (k == Float80.FINITE && (se[r] & 0x7FFF) != 0) return TAG_VALID;
        return TAG_SPECIAL;
    }

    /** The full tag word (two bits per physical register), as FNSTENV and FNSAVE store it. */
    public int tagWord() {
        int w = 0;
        for (int r = 0; r < 8; r++) w |= tag(r) << (2 * r);
        return w;
    }

    /** FLDENV: every register tagged 11 becomes empty; any other tag makes it non-empty. */
    public void loadTagWord(int w) {
        emptyMask = 0;
        for (int r = 0; r < 8; r++) if (((w >>> (2 * r)) & 3) == TAG_EMPTY) emptyMask |= 1 << r;
    }

    /** The abridged tag byte of FXSAVE: bit r set when physical register r is not empty. */
    public int abridgedTag() { return ~emptyMask & 0xFF; }

    public void loadAbridgedTag(int b) { emptyMask = ~b & 0xFF; }
}
