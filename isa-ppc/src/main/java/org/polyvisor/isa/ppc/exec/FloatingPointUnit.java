package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.trap.Srr1;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * The floating-point unit (Book I chapter 4). Every instruction first checks MSR[FP]: with FP = 0 it raises the
 * floating-point unavailable interrupt (0x800, OEA 6.4.9) and changes nothing.
 * <ul>
 * <li>Loads and stores of single and double precision in the D and X forms with their update variants, and stfiwx.
 * Single-precision loads and stores convert bit-exactly as the architecture's DOUBLE and SINGLE functions do (no
 * rounding, signalling NaNs kept). FP loads and stores to MMIO end the run with a fault.</li>
 * <li>Arithmetic ({@link FpArithmetic}, rounded by {@link FpRounder} in the FPSCR's mode): fadd, fsub, fmul, fdiv,
 * fsqrt, the fused multiply-adds, their single forms, frsp, fctiw(z), fres, frsqrte, fsel. Each sets FPRF, FR, FI
 * and the exception bits with FX, VX and FEX; an invalid operation with VE = 1 or a divide by zero with ZE = 1 leaves
 * FRT and FPRF unchanged.</li>
 * <li>The sign moves, the compares fcmpu/fcmpo into any CR field with FPSCR[FPCC], and the FPSCR moves mffs, mtfsf,
 * mtfsfi, mtfsb0, mtfsb1, mcrfs ({@link Fpscr}). Record forms copy FPSCR[FX, FEX, VX, OX] into CR1.</li>
 * <li>Enabled exceptions: when an instruction signals an exception whose enable bit is set and MSR[FE0] or
 * MSR[FE1] is 1, the program interrupt (0x700) with SRR1 bit 11 follows, SRR0 pointing at the instruction (the
 * 750's precise mode for both FE settings), after FRT and the FPSCR were updated as above. An mtmsr or rfi that
 * unmasks FE0/FE1 while FPSCR[FEX] is set takes it too, SRR0 at the next instruction ({@code SystemUnit}).</li>
 * </ul>
 */
final class FloatingPointUnit {
    private static final long SIGN = 0x8000_0000_0000_0000L;
    private static final long MSR_FE = PpcCpu.MSR_FE0 | PpcCpu.MSR_FE1;
    private final PpcCpu c;
    private final DataBus bus;
    private final FpArithmetic fa = new FpArithmetic();

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
            case MTFSF -> control(i, Fpscr.moveToFields(c.fpscr, (i.word >>> 17) & 0xff, (int) f[i.rb]));
            case MTFSFI -> {
                int bf = i.rt >>> 2;
                yield control(i, Fpscr.moveToFields(c.fpscr, 0x80 >>> bf, ((i.word >>> 12) & 0xf) << (28 - 4 * bf)));
            }
            case MTFSB0 -> control(i, Fpscr.clearBit(c.fpscr, i.rt));
            case MTFSB1 -> control(i, Fpscr.setBit(c.fpscr, i.rt));
            case MCRFS -> {
                int bf = i.rt >>> 2, bfa = i.ra >>> 2;
                int field = (c.fpscr >>> (28 - 4 * bfa)) & 0xf;
                c.cr = (c.cr & ~(0xf000_0000 >>> (4 * bf))) | field << (28 - 4 * bf);
                c.fpscr = Fpscr.clearFieldExceptions(c.fpscr, bfa);
                yield null;
            }
            case STFIWX -> store(i, xForm(i), 4, f[i.rt], false);
            case FSEL -> move(i, FpArithmetic.select(f[i.ra], f[i.mb], f[i.rb]));
            default -> arithmetic(i, f);
        };
    }

    /** The arithmetic instructions: compute with the FPSCR's mode, then write FRT and the FPSCR ({@link #complete}). */
    private VcpuExit arithmetic(Insn i, long[] f) {
        int fpscr = c.fpscr;
        fa.mode = fpscr & Fpscr.RN;
        fa.oe = (fpscr & Fpscr.OE) != 0;
        fa.ue = (fpscr & Fpscr.UE) != 0;
        long a = f[i.ra], b = f[i.rb], fc = f[i.mb];
        boolean single = false, fprf = true;
        switch (i.op) {
            case FADD -> fa.add(a, b, 0, false);
            case FSUB -> fa.add(a, b, SIGN, false);
            case FMUL -> fa.multiply(a, fc, false);
            case FDIV -> fa.divide(a, b, false);
            case FSQRT -> fa.squareRoot(b, false);
            case FMADD -> fa.multiplyAdd(a, fc, b, 0, false, false);
            case FMSUB -> fa.multiplyAdd(a, fc, b, SIGN, false, false);
            case FNMADD -> fa.multiplyAdd(a, fc, b, 0, true, false);
            case FNMSUB -> fa.multiplyAdd(a, fc, b, SIGN, true, false);
            case FADDS -> { fa.add(a, b, 0, true); single = true; }
            case FSUBS -> { fa.add(a, b, SIGN, true); single = true; }
            case FMULS -> { fa.multiply(a, fc, true); single = true; }
            case FDIVS -> { fa.divide(a, b, true); single = true; }
            case FSQRTS -> { fa.squareRoot(b, true); single = true; }
            case FMADDS -> { fa.multiplyAdd(a, fc, b, 0, false, true); single = true; }
            case FMSUBS -> { fa.multiplyAdd(a, fc, b, SIGN, false, true); single = true; }
            case FNMADDS -> { fa.multiplyAdd(a, fc, b, 0, true, true); single = true; }
            case FNMSUBS -> { fa.multiplyAdd(a, fc, b, SIGN, true, true); single = true; }
            case FRSP -> { fa.roundToSingle(b); single = true; }
            // fres: the reciprocal rounded once to single precision (an estimate of at least 12 bits suffices;
            // the exact one is what QEMU gives)
            case FRES -> { fa.divide(FpArithmetic.ONE, b, true); single = true; }
            case FRSQRTE -> reciprocalSquareRoot(b);
            case FCTIW -> { fa.toInteger(b, fa.mode); fprf = false; }
            case FCTIWZ -> { fa.toInteger(b, FpRounder.TOWARD_ZERO); fprf = false; }
            default -> throw new IllegalStateException("not a floating-point op: " + i.op);
        }
        return complete(i, single, fprf);
    }

    /**
     * frsqrte: an estimate of 1/sqrt(FRB); this gives QEMU's, the square root and then the reciprocal, each rounded
     * in double precision. A negative operand is VXSQRT; a zero divides by zero.
     */
    private void reciprocalSquareRoot(long b) {
        fa.squareRoot(b, false);
        if (fa.raised != 0 || FpArithmetic.isNaN(fa.bits)) return;
        boolean inexactRoot = fa.fi;
        fa.divide(FpArithmetic.ONE, fa.bits, false);
        fa.fi |= inexactRoot;
    }

    /**
     * Writes an arithmetic result: FRT and FPRF unless an enabled invalid operation or divide by zero suppresses them,
     * FR and FI (cleared by those two), the signalled exception bits with XX for an inexact result, FX, VX, FEX; then
     * CR1 for a record form and the enabled-exception program interrupt.
     */
    private VcpuExit complete(Insn i, boolean single, boolean fprf) {
        int fpscr = c.fpscr & ~(Fpscr.FR | Fpscr.FI);
        int raised = fa.raised;
        boolean suppressed = ((raised & Fpscr.INVALID) != 0 && (fpscr & Fpscr.VE) != 0)
                || ((raised & Fpscr.ZX) != 0 && (fpscr & Fpscr.ZE) != 0);
        if (!suppressed) {
            c.fpr[i.rt] = fa.bits;
            // fctiw(z) leave FPRF undefined: this keeps it, or sets the QNaN class for VXCVI as QEMU does
            if (fprf || (raised & Fpscr.VXCVI) != 0) {
                long cls = fprf ? fa.bits : FpArithmetic.DEFAULT_NAN;
                fpscr = (fpscr & ~Fpscr.FPRF) | FpArithmetic.resultClass(cls, single) << Fpscr.FPRF_SHIFT;
            }
            if ((raised & (Fpscr.INVALID | Fpscr.ZX)) == 0) {
                if (fa.fr) fpscr |= Fpscr.FR;
                if (fa.fi) {
                    fpscr |= Fpscr.FI;
                    raised |= Fpscr.XX;
                }
            }
        }
        fpscr = Fpscr.raise(fpscr, raised);
        c.fpscr = fpscr;
        record(i);
        if (raised != 0 && (c.msr & MSR_FE) != 0 && Fpscr.enabled(fpscr, raised)) return enabledException(i);
        return null;
    }

    /** An FPSCR move: the new FPSCR, CR1, and the program interrupt if it turned FEX on with MSR[FE0, FE1] set. */
    private VcpuExit control(Insn i, int fpscr) {
        boolean wasEnabled = (c.fpscr & Fpscr.FEX) != 0;
        c.fpscr = fpscr;
        record(i);
        if (!wasEnabled && (fpscr & Fpscr.FEX) != 0 && (c.msr & MSR_FE) != 0) return enabledException(i);
        return null;
    }

    private VcpuExit enabledException(Insn i) { return c.raise(Vectors.PROGRAM, Srr1.PROGRAM_FP, i.word); }

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
