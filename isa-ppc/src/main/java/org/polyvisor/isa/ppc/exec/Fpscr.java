package org.polyvisor.isa.ppc.exec;

/**
 * The FPSCR's bits (Book I 4.2.2; bit 0 is the MSB of the 32-bit register) and its summary rules: FX is set when an
 * exception bit changes from 0 to 1, VX is the OR of the invalid-operation bits, FEX the OR of the exception bits
 * whose enable bit is set. Neither VX nor FEX can be written directly.
 */
final class Fpscr {
    private Fpscr() { }

    static final int FX = 0x8000_0000, FEX = 0x4000_0000, VX = 0x2000_0000, OX = 0x1000_0000, UX = 0x0800_0000,
            ZX = 0x0400_0000, XX = 0x0200_0000, VXSNAN = 0x0100_0000, VXVC = 0x0008_0000;
    /** FPRF's condition code FPCC (bits 16-19): FL, FG, FE, FU. */
    static final int FPCC = 0x0000_f000, FPCC_SHIFT = 12;
    /** VXSNAN, VXISI, VXIDI, VXZDZ, VXIMZ, VXVC, VXSOFT, VXSQRT, VXCVI: the bits VX summarises. */
    static final int INVALID = 0x01f8_0700;
    /** Bit 20: reserved, always 0 (as QEMU keeps it). */
    static final int RESERVED = 0x800;
    static final int VE = 0x80, OE = 0x40, UE = 0x20, ZE = 0x10, XE = 0x08;

    /** Sets the exception bits {@code bits}, FX if one of them was 0, and the summaries. */
    static int raise(int fpscr, int bits) {
        if ((fpscr & bits) != bits) fpscr |= FX;
        return summarise(fpscr | bits);
    }

    /** Recomputes VX and FEX from the other bits. */
    static int summarise(int fpscr) {
        int f = fpscr & ~(VX | FEX);
        if ((f & INVALID) != 0) f |= VX;
        boolean enabled = ((f & VX) != 0 && (f & VE) != 0) || ((f & OX) != 0 && (f & OE) != 0)
                || ((f & UX) != 0 && (f & UE) != 0) || ((f & ZX) != 0 && (f & ZE) != 0)
                || ((f & XX) != 0 && (f & XE) != 0);
        return enabled ? f | FEX : f;
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
}
