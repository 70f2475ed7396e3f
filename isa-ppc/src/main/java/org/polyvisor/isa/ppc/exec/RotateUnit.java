package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;

/**
 * Rotate and shift instructions (Book I 3.3.14): the 32-bit rotate works on the low word doubled into 64 bits
 * (ROTL32), masked with MASK(MB+32, ME+32), exactly as the 64-bit architecture defines the word forms.
 */
final class RotateUnit {
    private RotateUnit() { }

    static void execute(PpcCpu c, Insn i) {
        long[] r = c.gpr;
        long rs = r[i.rt];
        long result;
        switch (i.op) {
            case RLWINM -> result = rotl32(rs, i.rb) & i.mask;
            case RLWNM -> result = rotl32(rs, (int) r[i.rb] & 31) & i.mask;
            case RLWIMI -> result = (rotl32(rs, i.rb) & i.mask) | (r[i.ra] & ~i.mask);
            case SLW -> {
                int n = (int) r[i.rb] & 63;
                result = n < 32 ? (rs << n) & 0xffff_ffffL : 0;
            }
            case SRW -> {
                int n = (int) r[i.rb] & 63;
                result = n < 32 ? (rs & 0xffff_ffffL) >>> n : 0;
            }
            case SRAW -> result = shiftRightAlgebraic(c, rs, (int) r[i.rb] & 63);
            case SRAWI -> result = shiftRightAlgebraic(c, rs, i.rb);
            default -> throw new IllegalStateException("not a rotate op: " + i.op);
        }
        r[i.ra] = result;
        if (i.rc) c.recordCr0(result);
    }

    /** ROTL32: the low word rotated left, copied into both halves of the doubleword. */
    private static long rotl32(long rs, int n) {
        long w = Integer.rotateLeft((int) rs, n) & 0xffff_ffffL;
        return w << 32 | w;
    }

    /** sraw/srawi: the sign-extended low word shifted right; CA is set when a negative value loses one bits. */
    private static long shiftRightAlgebraic(PpcCpu c, long rs, int n) {
        int w = (int) rs;
        if (n >= 32) {
            c.setCarry(w < 0);
            return w < 0 ? -1 : 0;
        }
        c.setCarry(w < 0 && (w & ((1 << n) - 1)) != 0);
        return w >> n;
    }
}
