package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Shift;

/** The Arm ARM's shared integer pseudocode (AddWithCarry, ShiftReg, ExtendReg, bitfield moves) on primitives. */
final class Alu {
    private Alu() { }

    static final long W_MASK = 0xFFFF_FFFFL;

    static long truncate(long value, boolean sf) { return sf ? value : value & W_MASK; }

    /** AddWithCarry(); sets NZCV when {@code setFlags}. The result is truncated to the operation's width. */
    static long addWithCarry(Arm64State s, long a, long b, boolean carry, boolean sf, boolean setFlags) {
        long cin = carry ? 1 : 0;
        if (sf) {
            long r = a + b + cin;
            if (setFlags) {
                s.n = r < 0;
                s.z = r == 0;
                int cmp = Long.compareUnsigned(r, a);
                s.c = cmp < 0 || (carry && cmp == 0);
                s.v = ((a ^ r) & (b ^ r)) < 0;
            }
            return r;
        }
        long wide = (a & W_MASK) + (b & W_MASK) + cin;
        int r = (int) wide;
        if (setFlags) {
            s.n = r < 0;
            s.z = r == 0;
            s.c = (wide >>> 32) != 0;
            s.v = (((int) a ^ r) & ((int) b ^ r)) < 0;
        }
        return r & W_MASK;
    }

    /** ShiftReg(): amount is below the operation's width. */
    static long shift(long value, int type, int amount, boolean sf) {
        if (sf) {
            return switch (type) {
                case Shift.LSL -> value << amount;
                case Shift.LSR -> value >>> amount;
                case Shift.ASR -> value >> amount;
                default -> Long.rotateRight(value, amount);
            };
        }
        int w = (int) value;
        int r = switch (type) {
            case Shift.LSL -> w << amount;
            case Shift.LSR -> w >>> amount;
            case Shift.ASR -> w >> amount;
            default -> Integer.rotateRight(w, amount);
        };
        return r & W_MASK;
    }

    /** ExtendReg(): extends the low byte/half/word/doubleword, then shifts left by {@code amount} (0-4). */
    static long extend(long value, int option, int amount) {
        long v = switch (option) {
            case Shift.UXTB -> value & 0xFF;
            case Shift.UXTH -> value & 0xFFFF;
            case Shift.UXTW -> value & W_MASK;
            case Shift.SXTB -> (byte) value;
            case Shift.SXTH -> (short) value;
            case Shift.SXTW -> (int) value;
            default -> value;
        };
        return v << amount;
    }

    static long ones(int n) { return n >= 64 ? -1L : (1L << n) - 1; }

    static long ror(long value, int amount, int width) {
        if (amount == 0) return value;
        return ((value >>> amount) | (value << (width - amount))) & ones(width);
    }

    /**
     * SBFM/BFM/UBFM: the pseudocode with DecodeBitMasks(immediate = FALSE) written out for N = sf, where the
     * element size is the register size.
     */
    static long bitfield(long dst, long src, int immr, int imms, boolean sf, boolean inZero, boolean extend) {
        int width = sf ? 64 : 32;
        long wmask = ror(ones(imms + 1), immr, width);
        long tmask = ones(((imms - immr) & (width - 1)) + 1);
        long base = inZero ? 0 : dst;
        long bot = (base & ~wmask) | (ror(src & ones(width), immr, width) & wmask);
        long top = extend ? ((src >>> imms) & 1) != 0 ? -1L : 0 : base;
        return ((top & ~tmask) | (bot & tmask)) & ones(width);
    }

    /** EXTR: bits lsb.. of the concatenation Rn:Rm. */
    static long extract(long hi, long lo, int lsb, boolean sf) {
        if (sf) return lsb == 0 ? lo : (lo >>> lsb) | (hi << (64 - lsb));
        long concat = (hi << 32) | (lo & W_MASK);
        return (concat >>> lsb) & W_MASK;
    }
}
