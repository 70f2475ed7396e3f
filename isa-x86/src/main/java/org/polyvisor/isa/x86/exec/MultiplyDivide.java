package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.exec.CpuState.mask;
import static org.polyvisor.isa.x86.exec.CpuState.signExtend;

import org.polyvisor.isa.x86.decode.Insn;

/** MUL, one-operand IMUL, DIV and IDIV on rDX:rAX (AX for bytes), including the 128-bit forms of long mode. */
final class MultiplyDivide {
    private MultiplyDivide() { }

    /** MUL and one-operand IMUL: rDX:rAX (AX for bytes) = rAX * {@code b}; CF = OF = the high half is significant. */
    static void multiply(CpuState s, int size, boolean signed, long b) {
        long a = s.get(CpuState.RAX, size);
        long lo, hi;
        boolean wide;
        if (size == 8) {
            lo = a * b;
            hi = signed ? Math.multiplyHigh(a, b) : Math.unsignedMultiplyHigh(a, b);
            wide = signed ? hi != (lo >> 63) : hi != 0;
        } else {
            long p = signed ? signExtend(a, size) * signExtend(b, size) : a * b;
            lo = p & mask(size);
            hi = (p >> (8 * size)) & mask(size);
            wide = signed ? signExtend(lo, size) != p : hi != 0;
        }
        if (size == 1) s.set(CpuState.RAX, 2, (hi << 8) | lo);
        else {
            s.set(CpuState.RAX, size, lo);
            s.set(CpuState.RDX, size, hi);
        }
        s.flags.setEager(Interpreter.szp(lo, size) | (wide ? LazyFlags.CF | LazyFlags.OF : 0));
    }

    /** DIV and IDIV of rDX:rAX (AX for bytes) by {@code d}; false means #DE (zero divisor or a quotient that does not fit). */
    static boolean divide(CpuState s, int size, boolean signed, long d) {
        if (d == 0) return false;
        long hiIn = size == 1 ? s.get(Insn.AH, 1) : s.get(CpuState.RDX, size);
        long loIn = s.get(CpuState.RAX, size == 1 ? 1 : size);
        long q, rem;
        if (size < 8) {
            long dividend = (hiIn << (8 * size)) | loIn;
            if (signed) {
                dividend = signExtend(dividend, 2 * size);
                long sd = signExtend(d, size);
                q = dividend / sd;
                rem = dividend % sd;
                if (q != signExtend(q, size) || (size == 4 && dividend == Long.MIN_VALUE && sd == -1)) return false;
            } else {
                q = Long.divideUnsigned(dividend, d);
                rem = Long.remainderUnsigned(dividend, d);
                if ((q & ~mask(size)) != 0) return false;
            }
        } else {
            boolean negative = signed && hiIn < 0, dNegative = signed && d < 0;
            long hi = hiIn, lo = loIn, dm = dNegative ? -d : d;
            if (negative) { hi = ~hi + (lo == 0 ? 1 : 0); lo = -lo; }
            if (Long.compareUnsigned(hi, dm) >= 0) return false;
            for (int i = 0; i < 64; i++) {  // 128-by-64 restoring division, one quotient bit a step
                boolean carry = hi < 0;
                hi = (hi << 1) | (lo >>> 63);
                lo <<= 1;
                if (carry || Long.compareUnsigned(hi, dm) >= 0) { hi -= dm; lo |= 1; }
            }
            q = lo;
            rem = hi;
            if (signed) {
                boolean qNegative = negative != dNegative;
                if (qNegative ? Long.compareUnsigned(q, Long.MIN_VALUE) > 0 : q < 0) return false;
                if (qNegative) q = -q;
                if (negative) rem = -rem;
            }
        }
        if (size == 1) s.set(CpuState.RAX, 2, ((rem & 0xFF) << 8) | (q & 0xFF));
        else {
            s.set(CpuState.RAX, size, q);
            s.set(CpuState.RDX, size, rem);
        }
        return true;
    }
}
