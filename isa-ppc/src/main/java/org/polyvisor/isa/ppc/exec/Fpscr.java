package org.polyvisor.isa.ppc.exec;

/**
 * The FPSCR's bits (Book I 4.2.2; bit 0 is the MSB of the 32-bit register) and its summary rules: FX is set when an
 * exception bit changes from 0 to 1, VX is the OR of the invalid-operation bits, FEX the OR of the exception bits
 * whose enable bit is set. Neither VX nor FEX can be written directly.
 */
final class Fpscr {
    private Fpscr() { }

    static final int FX = 0x8000_0000, FEX = 0x4000_0000, VX = 0x2000_0000, OX = 0x1000_0000, UX = 0x0800_0000,
            ZX = 0x0400_0000, XX = 0x0200_0000, VXSNAN = 0x0100_0000, VXISI = 0x0080_0000, VXIDI = 0x0040_0000,
            VXZDZ = 0x0020_0000, VXIMZ = 0x0010_0000, VXVC = 0x0008_0000, FR = 0x0004_0000, FI = 0x0002_0000,
            VXSOFT = 0x0000_0400, VXSQRT = 0x0000_0200, VXCVI = 0x0000_0100;
    /** FPRF (bits 15-19): the class bit C and the condition code FPCC (FL, FG, FE, FU). */
    static final int FPRF = 0x0001_f000, FPRF_SHIFT = 12;
    static final int FPCC = 0x0000_f000, FPCC_SHIFT = 12;
    /** VXSNAN, VXISI, VXIDI, VXZDZ, VXIMZ, VXVC, VXSOFT, VXSQRT, VXCVI: the bits VX summarises. */
    static final int INVALID = 0x01f8_0700;
    /** Every exception bit: a change of one of them from 0 to 1 sets FX. */
    static final int EXCEPTIONS = OX | UX | ZX | XX | INVALID;
    /** Bit 20: reserved, always 0 (as QEMU keeps it). */
    static final int RESERVED = 0x800;
    static final int VE = 0x80, OE = 0x40, UE = 0x20, ZE = 0x10, XE = 0x08, NI = 0x04, RN = 0x03;

    /** Sets the exception bits {@code bits}, FX if one of them was 0, and the summaries. */
    static int raise(int fpscr, int bits) {
        if ((fpscr & bits) != bits) fpscr |= FX;
        return summarise(fpscr | bits);
    }

    /** Recomputes VX and FEX from the other bits. */
    static int summarise(int fpscr) {
        int f = fpscr & ~(VX | FEX);
        if ((f & INVALID) != 0) f |= VX;
        return enabled(f, f) ? f | FEX : f;
    }

    /** Whether one of the exception bits in {@code exceptions} has its enable bit set in {@code fpscr}. */
    static boolean enabled(int fpscr, int exceptions) {
        return ((exceptions & INVALID) != 0 && (fpscr & VE) != 0) || ((exceptions & OX) != 0 && (fpscr & OE) != 0)
                || ((exceptions & UX) != 0 && (fpscr & UE) != 0) || ((exceptions & ZX) != 0 && (fpscr & ZE) != 0)
                || ((exceptions & XX) != 0 && (fpscr & XE) != 0);
    }

    /** mtfsf: the 4-bit fields selected by FLM (bit 7 of FLM is field 0) from {@code value}; then the summaries. */
    static int moveToFields(int fpscr, int flm, int value) {
        int mask = 0;
        for (int field = 0; field < 8; field++) {
            if ((flm & (0x80 >>> field)) != 0) mask |= 0xf000_0000 >>> (4 * field);
        }
        mask &= ~(VX | FEX | RESERVED);
        return summarise((fpscr & ~mask) | (value & mask));
    }

    /**
     * mtfsb1: sets bit {@code bt} (0 is FX); FEX, VX and the reserved bit 20 cannot be set this way. Setting an exception bit that was 0
     * also sets FX, as for an exception an instruction signals.
     */
    static int setBit(int fpscr, int bt) {
        int m = 0x8000_0000 >>> bt;
        if ((m & (FEX | VX | RESERVED)) != 0) return fpscr;
        if ((m & EXCEPTIONS) != 0) return raise(fpscr, m);
        return summarise(fpscr | m);
    }

    /** mtfsb0: clears bit {@code bt}; FEX, VX and bit 20 cannot be cleared this way (they follow their sources). */
    static int clearBit(int fpscr, int bt) {
        int m = 0x8000_0000 >>> bt;
        if ((m & (FEX | VX | RESERVED)) != 0) return fpscr;
        return summarise(fpscr & ~m);
    }

    /**
     * mcrfs: the value of field {@code bfa} for the CR, and the FPSCR with the exception bits of that field cleared
     * (FX, OX, UX, ZX, XX and the VX causes; FEX and VX follow).
     */
    static int clearFieldExceptions(int fpscr, int bfa) {
        int field = 0xf000_0000 >>> (4 * bfa);
        return summarise(fpscr & ~(field & (FX | EXCEPTIONS)));
    }
}
