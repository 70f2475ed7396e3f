package org.polyvisor.isa.ia64.fp;

/**
 * Exact floating-point arithmetic on register-format values (SDM rev 2.3 vol 1 5.1 "Data Types and Formats", 5.2
 * "Floating-point Status Register", 5.4 "Floating-point Exception Fault/Trap" and vol 3 for each instruction).
 * One instance per vCPU: {@link #controls} selects the computation model from a status field (sf0-sf3) and the
 * instruction's precision completer, an operation leaves its result in {@link #se} / {@link #sig} and the IEEE
 * exceptions it signalled in {@link #flags} (bits v, d, z, o, u, i in the order of FPSR.traps and sfN.flags).
 * <p>A value is {@code se} (bit 17 the sign, bits 16-0 the biased exponent) and {@code sig} (64 bits, the integer
 * bit in bit 63). Exponent 0x1FFFF holds infinities (significand 1.000...) and NaNs (bit 62 = quiet); exponent
 * 0x1FFFE with significand 0 and sign 0 is NaTVal; exponent 0 holds zero and the double-extended denormals, at
 * the scale of exponent 0xC001 (table 5-2). Products and sums are formed exactly in a 192-bit accumulator and
 * rounded once (fma is fused), with tininess detected after rounding (5.4.3).
 * Allocation-free: operands and the accumulator are fields.
 */
public final class FpArith {
    /** Exception bits of {@link #flags}: the order of FPSR.traps (vd dd zd od ud id) and of sfN.flags (v d z o u i). */
    public static final int V = 1, D = 2, Z = 4, O = 8, U = 16, I = 32;
    public static final int FAULTS = V | D | Z, TRAPS = O | U | I;
    public static final int BIAS = 0xFFFF, EXP_SPECIAL = 0x1FFFF, EXP_NATVAL = 0x1FFFE, EXP_INTEGER = 0x1003E;
    public static final int SIGN = 1 << 17, EXP_MASK = 0x1FFFF;
    public static final long INTEGER_BIT = 1L << 63, QUIET = 1L << 62;
    /** Rounding control values (sfN.rc). */
    public static final int RN = 0, RM = 1, RP = 2, RZ = 3;
    /** Precision completers: none (sfN.pc decides), .s, .d, and the fixed 64-bit / 17-bit model of fcvt, frcpa and friends. */
    public static final int PC_DYNAMIC = 0, PC_SINGLE = 1, PC_DOUBLE = 2, PC_EXTENDED = 3;
    /** Operand classes. */
    public static final int ZERO = 0, FINITE = 1, INF = 2, QNAN = 3, SNAN = 4, NATVAL = 5, UNSUPPORTED = 6;
    /** QNaN indefinite, the result of a masked invalid operation (table 5-2). */
    public static final int INDEFINITE_SE = SIGN | EXP_SPECIAL;
    public static final long INDEFINITE_SIG = 0xC000_0000_0000_0000L;

    // ---- the computation model ----
    private int precision = 64, emin = -65534, emax = 65535, rc;
    private boolean ftz;
    /** Exceptions whose traps are enabled (FPSR.traps bit clear and sfN.td clear). */
    public int enabled;

    // ---- the result ----
    public int se;
    public long sig;
    public int flags;
    /** ISR.fpa: the delivered magnitude is larger than the exact one (5.4.1.3). */
    public boolean fpa;

    // ---- unpacked operands 0..2 ----
    private final int[] cls = new int[3];
    private final int[] exp = new int[3];
    private final long[] man = new long[3];
    private final boolean[] neg = new boolean[3];
    private final boolean[] denormal = new boolean[3];

    // ---- the accumulator: value = (w2:w1:w0) * 2^lsb ----
    private long w2, w1, w0, t2, t1, t0;
    private int lsb;
    private boolean accNeg;
    // roundAt results
    private long rKept;
    private boolean rInexact, rUp;

    /**
     * Selects the computation model (vol 1 table 5-6): status field {@code sf} of {@code fpsr} and the precision
     * completer {@code pc}. Clears {@link #flags}.
     */
    public void controls(long fpsr, int sf, int pc) {
        flags = 0;
        fpa = false;
        if (fpsr == lastFpsr && sf == lastSf && pc == lastPc) return; // the same model as last time (the usual case)
        lastFpsr = fpsr;
        lastSf = sf;
        lastPc = pc;
        int f = FpStatus.field(fpsr, sf);
        ftz = (f & FpStatus.FTZ) != 0;
        boolean wre = (f & FpStatus.WRE) != 0;
        int spc = f >>> 2 & 3;
        rc = f >>> 4 & 3;
        enabled = (f & FpStatus.TD) != 0 ? 0 : (int) (~fpsr & 0x3f);
        switch (pc) {
            case PC_SINGLE -> { precision = 24; range(wre ? 17 : 8); }
            case PC_DOUBLE -> { precision = 53; range(wre ? 17 : 11); }
            case PC_DYNAMIC -> { precision = spc == 0 ? 24 : spc == 2 ? 53 : 64; range(wre ? 17 : 15); }
            default -> { precision = 64; range(17); }
        }
    }

    private long lastFpsr = -1;
    private int lastSf = -1, lastPc = -1;

    private void range(int bits) {
        emax = (1 << (bits - 1)) - 1;
        emin = 1 - emax;
    }

    // ---- classification ----

    /** The class of a register value (table 5-2). */
    public static int classOf(int se, long sig) {
        int e = se & EXP_MASK;
        if (e == EXP_SPECIAL) return sig >= 0 ? UNSUPPORTED : (sig << 1) == 0 ? INF : (sig & QUIET) != 0 ? QNAN : SNAN;
        if (sig == 0) return e == EXP_NATVAL && (se & SIGN) == 0 ? NATVAL : ZERO;
        return FINITE;
    }

    public static boolean isNatVal(int se, long sig) { return se == EXP_NATVAL && sig == 0; }

    private void unpack(int i, int se, long sig) {
        int e = se & EXP_MASK;
        neg[i] = (se & SIGN) != 0;
        denormal[i] = false;
        man[i] = sig;
        cls[i] = classOf(se, sig);
        if (cls[i] != FINITE) return;
        int x = (e == 0 ? 0xC001 : e) - BIAS;
        if (sig > 0) {
            int lz = Long.numberOfLeadingZeros(sig);
            sig <<= lz;
            x -= lz;
            denormal[i] = true;
        }
        if (e == 0) denormal[i] = true;
        exp[i] = x;
        man[i] = sig;
    }

    private void indefinite() {
        flags |= V;
        se = INDEFINITE_SE;
        sig = INDEFINITE_SIG;
    }

    private void quietNan(int i, int seOf) {
        se = seOf;
        sig = man[i] | QUIET;
    }

    private void infinity(boolean negative) {
        se = (negative ? SIGN : 0) | EXP_SPECIAL;
        sig = INTEGER_BIT;
    }

    private void zero(boolean negative) {
        se = negative ? SIGN : 0;
        sig = 0;
    }

    // ---- fma / fms / fnma (vol 3 fma, fms, fnma; vol 1 5.3) ----

    /**
     * {@code (-1)^negProduct * a * b + (-1)^negAddend * c} rounded once; {@code hasAddend} false when the
     * instruction names f0 as its addend (the addition is then skipped, so a -0 product stays -0). NaTVal operands
     * are the caller's. NaN operands: the first of b (f4), c (f2), a (f3) comes out quieted.
     */
    public void fma(int seA, long sigA, int seB, long sigB, int seC, long sigC, boolean hasAddend, boolean negProduct, boolean negAddend) {
        unpack(0, seA, sigA);
        unpack(1, seB, sigB);
        if (hasAddend) unpack(2, seC, sigC);
        else { cls[2] = ZERO; denormal[2] = false; neg[2] = false; }
        int c0 = cls[0], c1 = cls[1], c2 = cls[2];
        if (c0 == UNSUPPORTED || c1 == UNSUPPORTED || c2 == UNSUPPORTED) { indefinite(); return; }
        if (c0 == SNAN || c1 == SNAN || c2 == SNAN) flags |= V;
        if (c1 == QNAN || c1 == SNAN) { quietNan(1, seB); return; }
        if (c2 == QNAN || c2 == SNAN) { quietNan(2, seC); return; }
        if (c0 == QNAN || c0 == SNAN) { quietNan(0, seA); return; }
        if ((c0 == INF && c1 == ZERO) || (c0 == ZERO && c1 == INF)) { indefinite(); return; }
        if (denormal[0] || denormal[1] || denormal[2]) flags |= D;
        boolean pNeg = neg[0] ^ neg[1] ^ negProduct;
        boolean cNeg = neg[2] ^ negAddend;
        if (c0 == INF || c1 == INF) {
            if (c2 == INF && cNeg != pNeg) indefinite();
            else infinity(pNeg);
            return;
        }
        if (c2 == INF) { infinity(cNeg); return; }
        boolean pZero = c0 == ZERO || c1 == ZERO;
        if (pZero && c2 == ZERO) {
            zero(!hasAddend ? pNeg : pNeg == cNeg ? pNeg : rc == RM);
            return;
        }
        if (pZero) {
            addendOnly(cNeg);
        } else {
            long hi = Math.unsignedMultiplyHigh(man[0], man[1]), lo = man[0] * man[1];
            w0 = lo << 62;
            w1 = lo >>> 2 | hi << 62;
            w2 = hi >>> 2;
            lsb = exp[0] + exp[1] - 126 - 62;
            accNeg = pNeg;
            if (c2 != ZERO && !add(man[2], exp[2], cNeg)) return;
        }
        round();
    }

    /** The accumulator holds c alone (a zero product plus c: c rounded to the destination). */
    private void addendOnly(boolean negative) {
        w2 = man[2] >>> 2;
        w1 = man[2] << 62;
        w0 = 0;
        lsb = exp[2] - 63 - 126;
        accNeg = negative;
    }

    /** Adds {@code m * 2^(e-63)} with sign {@code negative} to the accumulator; false when the sum is an exact zero (result set). */
    private boolean add(long m, int e, boolean negative) {
        long b2 = m >>> 2, b1 = m << 62, b0 = 0;
        int bl = e - 63 - 126;
        long a2 = w2, a1 = w1, a0 = w0;
        if (lsb >= bl) {
            shiftRightJam(b2, b1, b0, (long) lsb - bl);
            b2 = t2; b1 = t1; b0 = t0;
        } else {
            shiftRightJam(a2, a1, a0, (long) bl - lsb);
            a2 = t2; a1 = t1; a0 = t0;
            lsb = bl;
        }
        if (negative == accNeg) {
            long s0 = a0 + b0;
            long c0 = Long.compareUnsigned(s0, a0) < 0 ? 1 : 0;
            long s1a = a1 + b1;
            long c1 = Long.compareUnsigned(s1a, a1) < 0 ? 1 : 0;
            long s1 = s1a + c0;
            if (Long.compareUnsigned(s1, s1a) < 0) c1++;
            w0 = s0; w1 = s1; w2 = a2 + b2 + c1;
            return true;
        }
        int cmp = compare3(a2, a1, a0, b2, b1, b0);
        if (cmp == 0) {
            zero(rc == RM);
            return false;
        }
        if (cmp < 0) {
            long x2 = a2, x1 = a1, x0 = a0;
            a2 = b2; a1 = b1; a0 = b0;
            b2 = x2; b1 = x1; b0 = x0;
            accNeg = negative;
        }
        long d0 = a0 - b0;
        long br0 = Long.compareUnsigned(a0, b0) < 0 ? 1 : 0;
        long d1a = a1 - b1;
        long br1 = Long.compareUnsigned(a1, b1) < 0 ? 1 : 0;
        long d1 = d1a - br0;
        if (Long.compareUnsigned(d1a, br0) < 0) br1++;
        w0 = d0; w1 = d1; w2 = a2 - b2 - br1;
        return true;
    }

    private static int compare3(long a2, long a1, long a0, long b2, long b1, long b0) {
        if (a2 != b2) return Long.compareUnsigned(a2, b2);
        if (a1 != b1) return Long.compareUnsigned(a1, b1);
        return Long.compareUnsigned(a0, b0);
    }

    /** (x2:x1:x0) >> d into t2:t1:t0, or-ing the bits shifted out into bit 0 (the sticky "jam"). */
    private void shiftRightJam(long x2, long x1, long x0, long d) {
        if (d == 0) { t2 = x2; t1 = x1; t0 = x0; return; }
        if (d >= 192) { t2 = 0; t1 = 0; t0 = (x2 | x1 | x0) != 0 ? 1 : 0; return; }
        boolean sticky = false;
        int n = (int) d;
        while (n >= 64) { sticky |= x0 != 0; x0 = x1; x1 = x2; x2 = 0; n -= 64; }
        if (n > 0) {
            sticky |= (x0 << (64 - n)) != 0;
            x0 = x0 >>> n | x1 << (64 - n);
            x1 = x1 >>> n | x2 << (64 - n);
            x2 >>>= n;
        }
        t2 = x2; t1 = x1; t0 = x0 | (sticky ? 1 : 0);
    }

    private long word(int k) { return k == 0 ? w0 : k == 1 ? w1 : w2; }

    private int leading() {
        if (w2 != 0) return 191 - Long.numberOfLeadingZeros(w2);
        if (w1 != 0) return 127 - Long.numberOfLeadingZeros(w1);
        return 63 - Long.numberOfLeadingZeros(w0);
    }

    /** The 64 accumulator bits whose top is at position {@code top} (positions below 0 read as 0). */
    private long window(int top) {
        int low = top - 63;
        if (low < 0) return w0 << -low;
        int k = low >>> 6, off = low & 63;
        long v = word(k) >>> off;
        if (off != 0 && k < 2) v |= word(k + 1) << (64 - off);
        return v;
    }

    private boolean bit(int pos) {
        return pos >= 0 && (word(pos >>> 6) >>> (pos & 63) & 1) != 0;
    }

    /** Any accumulator bit below position {@code pos}. */
    private boolean anyBelow(int pos) {
        if (pos <= 0) return false;
        if (pos >= 192) return (w0 | w1 | w2) != 0;
        int k = pos >>> 6, off = pos & 63;
        if (off != 0 && (word(k) & ((1L << off) - 1)) != 0) return true;
        for (int j = 0; j < k; j++) if (word(j) != 0) return true;
        return false;
    }

    /** Keeps {@code count} bits from position {@code top} down (count may be 0 or negative), rounded by rc. */
    private void roundAt(int top, int count) {
        long kept;
        boolean round, sticky;
        if (count >= 64) {
            kept = window(top);
            round = bit(top - 64);
            sticky = anyBelow(top - 64);
        } else if (count >= 1) {
            long win = window(top);
            kept = win >>> (64 - count);
            long rest = win << count;
            round = rest < 0;
            sticky = (rest << 1) != 0 || anyBelow(top - 63);
        } else {
            kept = 0;
            round = count == 0;
            sticky = count == 0 ? anyBelow(top) : true;
        }
        boolean up = switch (rc) {
            case RN -> round && (sticky || (kept & 1) != 0);
            case RM -> accNeg && (round || sticky);
            case RP -> !accNeg && (round || sticky);
            default -> false;
        };
        rKept = up ? kept + 1 : kept;
        rInexact = round || sticky;
        rUp = up;
    }

    /** Rounds the accumulator (non-zero) into the current model and encodes it (5.4.3; table 5-6). */
    private void round() {
        int top = leading();
        int e = top + lsb;
        roundAt(top, precision);
        long kept = rKept;
        int er = e;
        if (precision == 64 ? kept == 0 && rUp : kept == 1L << precision) {
            kept = precision == 64 ? INTEGER_BIT : kept >>> 1;
            er++;
        }
        boolean inexact = rInexact;
        if (er > emax) { overflow(er, kept, inexact); return; }
        if (er < emin) {
            if ((enabled & U) != 0) {
                // Trap enabled: the result rounded with an unbounded exponent, in the 17-bit register range.
                flags |= U | (inexact ? I : 0);
                fpa = rUp;
                encode(er, kept);
                return;
            }
            if (ftz) {
                flags |= U | I;
                zero(accNeg);
                return;
            }
            roundAt(top, precision - (emin - e));
            if (rInexact) flags |= U | I;
            fpa = rUp;
            long s = rKept << (64 - precision);
            if (s == 0) { zero(accNeg); return; }
            se = (accNeg ? SIGN : 0) | (s < 0 || emin != -16382 ? emin + BIAS : 0);
            sig = s;
            return;
        }
        if (inexact) flags |= I;
        fpa = rUp;
        encode(er, kept);
    }

    private void encode(int e, long kept) {
        int biased = e + BIAS;
        if (biased <= 0 || biased >= EXP_NATVAL) biased = Math.floorMod(biased, 0x20000); // trap-enabled wrap
        se = (accNeg ? SIGN : 0) | biased;
        sig = kept << (64 - precision);
    }

    private void overflow(int er, long kept, boolean inexact) {
        if ((enabled & O) != 0) {
            flags |= O | (inexact ? I : 0);
            fpa = rUp;
            encode(er, kept);
            return;
        }
        flags |= O | I;
        boolean toInfinity = rc == RN || (rc == RP && !accNeg) || (rc == RM && accNeg);
        if (toInfinity) {
            infinity(accNeg);
            fpa = true;
        } else {
            se = (accNeg ? SIGN : 0) | (emax + BIAS);
            sig = precision == 64 ? -1L : ((1L << precision) - 1) << (64 - precision);
        }
    }

    // ---- conversions (vol 3 fcvt.fx, fcvt.fxu, fcvt.xf) ----

    /** fcvt.fx / fcvt.fxu (.trunc): to a 64-bit integer in the significand, exponent 0x1003E; invalid gives 2^63. */
    public void toInteger(int seA, long sigA, boolean unsigned, boolean trunc) {
        unpack(0, seA, sigA);
        se = EXP_INTEGER;
        int k = cls[0];
        if (k != FINITE && k != ZERO) { flags |= V; sig = INTEGER_BIT; return; }
        if (denormal[0]) flags |= D;
        if (k == ZERO) { sig = 0; return; }
        int e = exp[0];
        long m = man[0];
        boolean negative = neg[0];
        if (e >= 64) { flags |= V; sig = INTEGER_BIT; return; }
        long ip;
        boolean round, sticky;
        if (e == 63) { ip = m; round = false; sticky = false; }
        else if (e >= 0) { ip = m >>> (63 - e); long frac = m << (e + 1); round = frac < 0; sticky = (frac << 1) != 0; }
        else if (e == -1) { ip = 0; round = true; sticky = (m << 1) != 0; }
        else { ip = 0; round = false; sticky = true; }
        int mode = trunc ? RZ : rc;
        boolean up = switch (mode) {
            case RN -> round && (sticky || (ip & 1) != 0);
            case RM -> negative && (round || sticky);
            case RP -> !negative && (round || sticky);
            default -> false;
        };
        boolean wrapped = up && ip == -1L;
        if (up) ip++;
        boolean valid;
        if (unsigned) valid = !wrapped && (!negative || ip == 0);
        else valid = !wrapped && (negative ? Long.compareUnsigned(ip, INTEGER_BIT) <= 0 : ip >= 0);
        if (!valid) { flags |= V; sig = INTEGER_BIT; return; }
        if (round || sticky) flags |= I;
        fpa = up;
        sig = negative ? -ip : ip;
    }

    /** fcvt.xf: the significand as a signed 64-bit integer, exactly (64 bits of precision always suffice). */
    public void fromSignedInteger(long v) {
        if (v == 0) { zero(false); return; }
        boolean negative = v < 0;
        long m = negative ? -v : v;
        int lz = Long.numberOfLeadingZeros(m);
        se = (negative ? SIGN : 0) | (EXP_INTEGER - lz);
        sig = m << lz;
    }

    // ---- comparison (vol 3 fcmp, fmin, fmax) ----

    /** Unordered result of {@link #compare}. */
    public static final int UNORDERED = 2;

    /**
     * Compares a with b: -1, 0, 1 or {@link #UNORDERED}. Signals V for a signalling NaN, and for any NaN when
     * {@code signalling} (the lt / le relations and fmin/fmax); D for denormal operands.
     */
    public int compare(int seA, long sigA, int seB, long sigB, boolean signalling) {
        unpack(0, seA, sigA);
        unpack(1, seB, sigB);
        int a = cls[0], b = cls[1];
        if (a == UNSUPPORTED || b == UNSUPPORTED) { flags |= V; return UNORDERED; }
        boolean nanA = a == QNAN || a == SNAN, nanB = b == QNAN || b == SNAN;
        if (nanA || nanB) {
            if (signalling || a == SNAN || b == SNAN) flags |= V;
            return UNORDERED;
        }
        if (denormal[0] || denormal[1]) flags |= D;
        return orderOf(0, 1);
    }

    private int orderOf(int i, int j) {
        if (cls[i] == ZERO && cls[j] == ZERO) return 0;
        int sa = cls[i] == ZERO ? 0 : neg[i] ? -1 : 1, sb = cls[j] == ZERO ? 0 : neg[j] ? -1 : 1;
        if (sa != sb) return Integer.compare(sa, sb);
        int mag = magnitude(i, j);
        return sa < 0 ? -mag : mag;
    }

    /** |operand i| against |operand j| for non-NaN operands. */
    private int magnitude(int i, int j) {
        int ci = cls[i], cj = cls[j];
        if (ci == INF || cj == INF) return ci == cj ? 0 : ci == INF ? 1 : -1;
        if (ci == ZERO || cj == ZERO) return ci == cj ? 0 : ci == ZERO ? -1 : 1;
        if (exp[i] != exp[j]) return Integer.compare(exp[i], exp[j]);
        return Long.compareUnsigned(man[i], man[j]);
    }

    /** |a| against |b| after {@link #compare} returned an ordered result. */
    public int compareMagnitudes() {
        return magnitude(0, 1);
    }

    // ---- approximations (vol 3 frcpa, frsqrta) ----

    /**
     * frcpa: approximates 1/b (result in se/sig) and returns the predicate: true when the software sequence is to
     * refine it. Special operands produce the IEEE quotient a/b and false. Returns false with {@link #flags}
     * holding the software-assist request ({@code -1}) when the exponents are beyond what the sequences cover.
     */
    public boolean reciprocal(int seA, long sigA, int seB, long sigB) {
        unpack(0, seA, sigA);
        unpack(1, seB, sigB);
        int a = cls[0], b = cls[1];
        if (a == UNSUPPORTED || b == UNSUPPORTED) { indefinite(); return false; }
        if (a == SNAN || b == SNAN) flags |= V;
        if (a == QNAN || a == SNAN) { quietNan(0, seA); return false; }
        if (b == QNAN || b == SNAN) { quietNan(1, seB); return false; }
        if ((a == INF && b == INF) || (a == ZERO && b == ZERO)) { indefinite(); return false; }
        if (denormal[0] || denormal[1]) flags |= D;
        boolean q = neg[0] ^ neg[1];
        if (a == INF) { infinity(q); return false; }
        if (b == INF) { zero(q); return false; }
        if (b == ZERO) { flags |= Z; infinity(q); return false; }
        if (a == ZERO) { zero(q); return false; }
        int eb = exp[1];
        int ea = exp[0];
        if (ea - eb >= emaxRegister() - 2 || ea - eb <= eminRegister() + 2 || eb >= emaxRegister() - 2
                || eb <= eminRegister() + 2 || ea <= eminRegister() + 63) {
            flags |= SOFTWARE_ASSIST;
            return false;
        }
        se = (neg[1] ? SIGN : 0) | (-eb - 1 + BIAS);
        sig = ApproximationTables.reciprocal(man[1]);
        return true;
    }

    /** Flag bit for a software-assist request (ISR.code swa): not an IEEE exception. */
    public static final int SOFTWARE_ASSIST = 64;

    private static int emaxRegister() { return 65535; }

    private static int eminRegister() { return -65534; }

    /** frsqrta: approximates 1/sqrt(b); true when the software sequence is to refine it. */
    public boolean reciprocalSqrt(int seB, long sigB) {
        unpack(1, seB, sigB);
        int b = cls[1];
        if (b == UNSUPPORTED) { indefinite(); return false; }
        if (b == SNAN) flags |= V;
        if (b == QNAN || b == SNAN) { quietNan(1, seB); return false; }
        if (denormal[1]) flags |= D;
        if (b == ZERO) { flags |= Z; infinity(neg[1]); return false; }
        if (neg[1]) { indefinite(); return false; }
        if (b == INF) { zero(false); return false; }
        int k = Math.floorDiv(exp[1], 2);
        int odd = exp[1] - 2 * k;
        se = -k - 1 + BIAS;
        sig = ApproximationTables.reciprocalSqrt(man[1], odd);
        return true;
    }
}
