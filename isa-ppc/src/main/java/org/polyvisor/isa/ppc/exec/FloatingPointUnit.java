package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * The floating-point unit, first part (Book I chapter 4): loads and stores of single and double precision in the
 * D and X forms with their update variants, and the sign moves fmr, fneg, fabs, fnabs. Every instruction first
 * checks MSR[FP]: with FP = 0 it raises the floating-point unavailable interrupt (0x800, OEA 6.4.9) and changes
 * nothing. Single-precision loads and stores convert bit-exactly as the architecture's DOUBLE and SINGLE
 * functions do (no rounding, signalling NaNs kept). FP loads and stores to MMIO end the run with a fault. Also the
 * compares fcmpu/fcmpo into any CR field with FPSCR[FPCC], and mffs/mtfsf ({@link Fpscr}).
 */
final class FloatingPointUnit {
    private static final long SIGN = 0x8000_0000_0000_0000L;
    private final PpcCpu c;
    private final DataBus bus;

    FloatingPointUnit(PpcCpu c, DataBus bus) {
        this.c = c;
        this.bus = bus;
    }

    VcpuExit execute(Insn i) {
        if ((c.msr & PpcCpu.MSR_FP) == 0) return c.raise(Vectors.FP_UNAVAILABLE, 0, i.word);
        long[] f = c.fpr;
        return switch (i.op) {
            case LFS -> loadSingle(i, dForm(i), false);
            case LFSU -> loadSingle(i, dUpdate(i), true);
            case LFSX -> loadSingle(i, xForm(i), false);
            case LFSUX -> loadSingle(i, xUpdate(i), true);
            case LFD -> loadDouble(i, dForm(i), false);
            case LFDU -> loadDouble(i, dUpdate(i), true);
            case LFDX -> loadDouble(i, xForm(i), false);
            case LFDUX -> loadDouble(i, xUpdate(i), true);
            case STFS -> store(i, dForm(i), 4, single(f[i.rt]), false);
            case STFSU -> store(i, dUpdate(i), 4, single(f[i.rt]), true);
            case STFSX -> store(i, xForm(i), 4, single(f[i.rt]), false);
            case STFSUX -> store(i, xUpdate(i), 4, single(f[i.rt]), true);
            case STFD -> store(i, dForm(i), 8, f[i.rt], false);
            case STFDU -> store(i, dUpdate(i), 8, f[i.rt], true);
            case STFDX -> store(i, xForm(i), 8, f[i.rt], false);
            case STFDUX -> store(i, xUpdate(i), 8, f[i.rt], true);
            case FMR -> move(i, f[i.rb]);
            case FNEG -> move(i, f[i.rb] ^ SIGN);
            case FABS -> move(i, f[i.rb] & ~SIGN);
            case FNABS -> move(i, f[i.rb] | SIGN);
            case FCMPU -> compare(i, false);
            case FCMPO -> compare(i, true);
            case MFFS -> move(i, c.fpscr & 0xffff_ffffL);
            case MTFSF -> {
                c.fpscr = Fpscr.moveToFields(c.fpscr, (i.word >>> 17) & 0xff, (int) f[i.rb]);
                yield record(i);
            }
            default -> throw new IllegalStateException("not a floating-point op: " + i.op);
        };
    }

    private long dForm(Insn i) { return c.ea((i.ra == 0 ? 0 : c.gpr[i.ra]) + i.simm); }

    private long dUpdate(Insn i) { return c.ea(c.gpr[i.ra] + i.simm); }

    private long xForm(Insn i) { return c.ea((i.ra == 0 ? 0 : c.gpr[i.ra]) + c.gpr[i.rb]); }

    private long xUpdate(Insn i) { return c.ea(c.gpr[i.ra] + c.gpr[i.rb]); }

    /** The move results (mffs too: FPSCR zero-extended, as QEMU gives the undefined high word). */
    private VcpuExit move(Insn i, long bits) {
        c.fpr[i.rt] = bits;
        return record(i);
    }

    /** With Rc = 1, CR1 takes FPSCR[FX, FEX, VX, OX] (Book I 4.6.4). */
    private VcpuExit record(Insn i) {
        if (i.rc) c.cr = (c.cr & 0xf0ff_ffff) | ((c.fpscr >>> 28) << 24);
        return null;
    }

    /**
     * fcmpu/fcmpo (Book I 4.6.8): FL, FG, FE or FU into CR field BF and FPSCR[FPCC]. A signalling NaN sets VXSNAN;
     * fcmpo also sets VXVC for any NaN (as QEMU does, whatever VE says).
     */
    private VcpuExit compare(Insn i, boolean ordered) {
        long a = c.fpr[i.ra], b = c.fpr[i.rb];
        double x = Double.longBitsToDouble(a), y = Double.longBitsToDouble(b);
        boolean unordered = Double.isNaN(x) || Double.isNaN(y);
        int code = unordered ? 1 : x < y ? 8 : x > y ? 4 : 2;
        int fpscr = (c.fpscr & ~Fpscr.FPCC) | code << Fpscr.FPCC_SHIFT;
        int bf = i.rt >>> 2;
        c.cr = (c.cr & ~(0xf000_0000 >>> (4 * bf))) | (code << (28 - 4 * bf));
        if (unordered) {
            boolean signalling = signalling(a) || signalling(b);
            int bits = (signalling ? Fpscr.VXSNAN : 0) | (ordered ? Fpscr.VXVC : 0);
            if (bits != 0) fpscr = Fpscr.raise(fpscr, bits);
        }
        c.fpscr = fpscr;
        return null;
    }

    /** A signalling NaN: exponent all ones, fraction not zero, and its most significant fraction bit 0. */
    private static boolean signalling(long bits) {
        return (bits & 0x7ff0_0000_0000_0000L) == 0x7ff0_0000_0000_0000L && (bits & 0x000f_ffff_ffff_ffffL) != 0
                && (bits & 0x0008_0000_0000_0000L) == 0;
    }

    private VcpuExit loadSingle(Insn i, long ea, boolean update) {
        long w = bus.load(ea, 4);
        if (bus.exit != null) return failed("lfs", ea);
        c.fpr[i.rt] = toDouble((int) w);
        if (update) c.gpr[i.ra] = ea;
        return null;
    }

    private VcpuExit loadDouble(Insn i, long ea, boolean update) {
        long hi = bus.load(ea, 4);
        if (bus.exit != null) return failed("lfd", ea);
        long lo = bus.load(c.ea(ea + 4), 4);
        if (bus.exit != null) return failed("lfd", ea);
        c.fpr[i.rt] = hi << 32 | lo;
        if (update) c.gpr[i.ra] = ea;
        return null;
    }

    /** A doubleword store is two word stores, high word first; a fault in the second leaves the first written. */
    private VcpuExit store(Insn i, long ea, int size, long value, boolean update) {
        if (size == 8) {
            bus.store(ea, 4, value >>> 32);
            if (bus.exit != null) return failed("stfd", ea);
            bus.store(c.ea(ea + 4), 4, value);
        } else {
            bus.store(ea, 4, value);
        }
        if (bus.exit != null) return failed(size == 8 ? "stfd" : "stfs", ea);
        if (update) c.gpr[i.ra] = ea;
        return null;
    }

    private VcpuExit failed(String what, long ea) {
        VcpuExit e = bus.exit;
        bus.exit = null;
        return e instanceof VcpuExit.Mmio
                ? new VcpuExit.Fault(what + " to MMIO at 0x" + Long.toHexString(ea) + " is not supported", 0)
                : e;
    }

    /**
     * DOUBLE(WORD) of Book I 4.6.2: a normal, zero, infinity or NaN single maps bit for bit (exponent widened by
     * repeating or complementing WORD bit 1); a denormal single is normalised, which Java's widening does exactly.
     */
    static long toDouble(int word) {
        int exponent = (word >>> 23) & 0xff;
        if (exponent == 0 && (word & 0x7f_ffff) != 0) return Double.doubleToRawLongBits(Float.intBitsToFloat(word));
        long w = word & 0xffff_ffffL;
        boolean bit1 = (word & 0x4000_0000) != 0;
        boolean normal = exponent != 0 && exponent != 0xff;
        long widened = (normal ? !bit1 : bit1) ? 7L : 0L;
        return (w & 0xc000_0000L) << 32 | widened << 59 | (w & 0x3fff_ffffL) << 29;
    }

    /**
     * SINGLE(FRS) of Book I 4.6.3: exponents above 896 (and zero, infinity, NaN) keep sign, exponent bits 1 and
     * 5-11 and the top 23 fraction bits, truncating; exponents 874-896 are denormalised by shifting (truncating).
     */
    static long single(long frs) {
        int exponent = (int) (frs >>> 52) & 0x7ff;
        if (exponent > 896 || (frs & ~SIGN) == 0) {
            return (frs >>> 32 & 0xc000_0000L) | (frs >>> 29 & 0x3fff_ffffL);
        }
        long mantissa = (1L << 52) | (frs & 0xf_ffff_ffff_ffffL);
        int shift = 897 - exponent;
        long fraction = shift >= 64 ? 0 : mantissa >>> shift;
        return (frs >>> 32 & 0x8000_0000L) | (fraction >>> 29 & 0x7f_ffffL);
    }
}
