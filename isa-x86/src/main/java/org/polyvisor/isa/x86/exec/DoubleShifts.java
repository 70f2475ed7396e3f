package org.polyvisor.isa.x86.exec;

/**
 * SHLD and SHRD (SDM Vol. 2B, "SHLD—Double Precision Shift Left", "SHRD—Double Precision Shift Right"): the
 * destination shifted with bits coming in from the source, for a count already masked (5 bits, 6 with REX.W) and
 * not zero (a zero count changes nothing, not even the flags).
 * <p>
 * Where the SDM leaves things undefined this follows the x86_64 host the conformance vectors come from (an AMD
 * EPYC; conformance/native/bits.c): AF is set; OF is the last bit shifted out XOR the result's sign for SHLD and
 * the result's top two bits XORed for SHRD, for every count (the SDM defines it only for a count of 1, where both
 * give "the sign changed"). A 16-bit double shift by 16 to 31 works on the 48-bit pattern dst:src:src (SHLD) or
 * src:src:dst (SHRD); past 16 it leaves CF clear, and SHLD's OF is then its CF.
 */
final class DoubleShifts {
    private DoubleShifts() { }

    /** The result of SHLD ({@code left}) or SHRD of {@code a} by {@code count} (1..63) with bits from {@code b}. */
    static long result(boolean left, int size, long a, long b, int count) {
        int bits = size * 8;
        if (size == 8) return left ? a << count | b >>> (64 - count) : a >>> count | b << (64 - count);
        long m = (1L << bits) - 1, t = pattern(left, size, a, b);
        return (left ? t >>> (pattern(size) - bits - count) : t >>> count) & m;
    }

    /** EFLAGS' arithmetic bits after SHLD or SHRD, with {@code res} from {@link #result}. */
    static long flags(boolean left, int size, long a, long b, int count, long res) {
        int bits = size * 8;
        long cf;
        if (size == 8) cf = left ? a >>> (64 - count) : a >>> (count - 1);
        else cf = pattern(left, size, a, b) >>> (left ? pattern(size) - count : count - 1);
        cf &= 1;
        if (size == 2 && count > 16) cf = 0;
        long msb = (res >>> (bits - 1)) & 1, of;
        if (left) of = size == 2 && count >= 16 ? cf : msb ^ cf;
        else of = msb ^ ((res >>> (bits - 2)) & 1);
        return Interpreter.szp(res, size) | LazyFlags.AF | (cf != 0 ? LazyFlags.CF : 0) | (of != 0 ? LazyFlags.OF : 0);
    }

    /** Bits in the shifted pattern: dst:src (64 for 32-bit operands) or the 48-bit dst:src:src of 16-bit ones. */
    private static int pattern(int size) { return size == 2 ? 48 : 64; }

    private static long pattern(boolean left, int size, long a, long b) {
        if (size == 2) return left ? a << 32 | b << 16 | b : b << 32 | b << 16 | a;
        return left ? a << 32 | b : b << 32 | a;
    }
}
