package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.fpu.X87.SW_C0;
import static org.polyvisor.isa.x86.fpu.X87.SW_C1;
import static org.polyvisor.isa.x86.fpu.X87.SW_C2;
import static org.polyvisor.isa.x86.fpu.X87.SW_C3;
import static org.polyvisor.isa.x86.fpu.X87.SW_CONDITION;
import static org.polyvisor.isa.x86.fpu.X87.SW_SF;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.fpu.Float80;
import org.polyvisor.isa.x86.fpu.X87;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * The x87 instructions (escape opcodes D8-DF and FWAIT; SDM Vol. 2 pages of their names, Vol. 1 chapter 8):
 * loads and stores of single, double, extended, integer and BCD operands, arithmetic, comparisons, constants,
 * FXCH/FCMOVcc/FFREE, the control instructions and the environment. Results come from {@link Float80}, exactly.
 * Each returns 0 or an exception value ({@link Vectors#fault}, {@link Vectors#MEMORY}): #NM when CR0.EM or CR0.TS
 * is set, #MF before a waiting instruction while an unmasked exception is pending (whatever CR0.NE says), #UD
 * for the encodings that do not exist. FPREM and FPREM1 are exact; the transcendental instructions (F2XM1, FYL2X,
 * FYL2XP1, FPTAN, FPATAN, FSIN, FCOS, FSINCOS) are a documented approximation: their operands are rounded to
 * double and the result is the double that {@link StrictMath} computes (53 significant bits where the hardware
 * gives 64), with PE set.
 * <p>Masked exceptions give the SDM's masked responses (the real indefinite, the integer indefinite, infinity);
 * an unmasked invalid-operation, denormal or divide-by-zero exception leaves the destination and the stack
 * unchanged; unmasked overflow and underflow store the masked response (the SDM's exponent-bias adjustment is
 * not applied).
 */
final class X87Instructions {
    static final long CR0_MP = 2, CR0_EM = 4, CR0_TS = 8;
    private static final int IE = Float80.IE, DE = Float80.DE, ZE = Float80.ZE;

    private final CpuState s;
    private final X87 x;
    private final Float80 f = new Float80();
    private final Bus bus;

    X87Instructions(CpuState s, Bus bus) { this.s = s; this.x = s.fpu; this.bus = bus; }

    /** FWAIT: #NM when CR0.MP and CR0.TS are both set, #MF when an unmasked exception is pending. */
    long fwait() {
        if ((s.cr0 & (CR0_MP | CR0_TS)) == (CR0_MP | CR0_TS)) return Vectors.fault(Vectors.NM, 0);
        return (x.sw & X87.SW_ES) != 0 ? Vectors.fault(Vectors.MF, 0) : 0;
    }

    /** Executes the escape instruction {@code in} at {@code pc}; {@code next} is the address after it. */
    long execute(Insn in, long pc, long next) {
        if ((s.cr0 & (CR0_EM | CR0_TS)) != 0) return Vectors.fault(Vectors.NM, 0);
        int esc = in.opcode & 7, modrm = in.modrm, reg = (modrm >>> 3) & 7;
        boolean memory = modrm < 0xC0;
        if (!noWait(esc, reg, modrm, memory) && (x.sw & X87.SW_ES) != 0) return Vectors.fault(Vectors.MF, 0);
        long r;
        if (memory) {
            long offset = Addressing.offset(s, in, next), ea = Addressing.linear(s, in, next);
            r = memoryForm(in, esc, reg, ea);
            if (r == 0 && !control(esc, reg)) {
                x.fdp = offset;
                x.fds = s.seg[in.segment >= 0 ? in.segment : in.base == CpuState.RSP || in.base == CpuState.RBP ? CpuState.SS : CpuState.DS];
            }
        } else {
            r = registerForm(esc, reg, modrm & 7, modrm);
        }
        if (r == 0 && !(memory && control(esc, reg)) && !(esc == 3 && (modrm == 0xE2 || modrm == 0xE3)) && !(esc == 7 && modrm == 0xE0)) {
            x.fip = pc;
            x.fcs = s.seg[CpuState.CS];
            x.fop = (esc << 8) | modrm;
        }
        return r;
    }

    /** FNINIT, FNCLEX, FNSTENV, FNSAVE, FNSTSW, FNSTCW (and FLDCW, FLDENV, FRSTOR) do not wait for pending exceptions. */
    private static boolean noWait(int esc, int reg, int modrm, boolean memory) {
        if (memory) return (esc == 1 && reg >= 4) || (esc == 5 && (reg == 4 || reg == 6 || reg == 7));
        return (esc == 3 && (modrm == 0xE2 || modrm == 0xE3)) || (esc == 7 && modrm == 0xE0);
    }

    /** The control instructions keep the last instruction and data pointers as they were. */
    private static boolean control(int esc, int reg) {
        return (esc == 1 && reg >= 4) || (esc == 5 && reg >= 4);
    }

    private static long undefined() { return Vectors.fault(Vectors.UD, 0); }

    // ---- stack and flags ----

    /** Raises the flags of an operation (C1 follows the rounding direction) and ES/B; true when the result may be written. */
    private boolean raise(int flags) {
        x.sw = (x.sw & ~SW_C1) | (flags & 0x3F) | ((flags & Float80.ROUNDED_UP) != 0 ? SW_C1 : 0);
        x.updateSummary();
        return (flags & ~x.cw & (IE | DE | ZE)) == 0;
    }

    /** A stack underflow (reading an empty register): IE and SF with C1 = 0; true when IE is masked. */
    private boolean underflow() {
        x.sw = (x.sw & ~SW_C1) | IE | SW_SF;
        x.updateSummary();
        return (x.cw & IE) != 0;
    }

    /** A stack overflow (pushing onto a full stack): IE and SF with C1 = 1; true when IE is masked. */
    private boolean overflow() {
        x.sw |= IE | SW_SF | SW_C1;
        x.updateSummary();
        return (x.cw & IE) != 0;
    }

    private void write(int i, int se, long m) {
        int p = x.physical(i);
        x.se[p] = se;
        x.mant[p] = m;
        x.emptyMask &= ~(1 << p);
    }

    private void pop() {
        x.emptyMask |= 1 << x.top;
        x.top = (x.top + 1) & 7;
    }

    /** Pushes (se, m); on a full stack the masked response pushes the real indefinite. */
    private void push(int se, long m, int flags) {
        int p = (x.top - 1) & 7;
        if ((x.emptyMask & (1 << p)) == 0) {
            if (!overflow()) return;
            se = Float80.INDEFINITE_SE;
            m = Float80.INDEFINITE_MANT;
        } else if (!raise(flags)) {
            return;
        }
        x.top = p;
        write(0, se, m);
    }

    private int se(int i) { return x.se[x.physical(i)]; }

    private long mant(int i) { return x.mant[x.physical(i)]; }

    // ---- memory forms ----

    private long memoryForm(Insn in, int esc, int reg, long ea) {
        switch (esc) {
            case 0, 2, 4, 6 -> {  // arithmetic with m32fp, m32int, m64fp, m16int
                int loaded = loadOperand(esc, ea);
                if (loaded < 0) return Vectors.MEMORY;
                return arithmetic(reg, 0, f.se, f.mant, loaded, false);
            }
            case 1 -> {
                return switch (reg) {
                    case 0 -> {
                        long v = bus.read(ea, 4);
                        if (bus.abort != null) yield Vectors.MEMORY;
                        int flags = f.fromFloat((int) v);
                        push(f.se, f.mant, flags);
                        yield 0;
                    }
                    case 2, 3 -> storeReal(ea, 4, reg == 3);
                    case 4 -> loadEnvironment(ea, in.opSize);
                    case 5 -> {
                        long v = bus.read(ea, 2);
                        if (bus.abort != null) yield Vectors.MEMORY;
                        loadControlWord((int) v);
                        yield 0;
                    }
                    case 6 -> {
                        if (!storeEnvironment(ea, in.opSize)) yield Vectors.MEMORY;
                        x.cw |= 0x3F;  // FNSTENV masks every exception after storing
                        x.updateSummary();
                        yield 0;
                    }
                    case 7 -> { bus.write(ea, 2, x.cw); yield bus.abort != null ? Vectors.MEMORY : 0; }
                    default -> undefined();
                };
            }
            case 3 -> {
                return switch (reg) {
                    case 0 -> loadInteger(ea, 4);
                    case 1 -> storeInteger(ea, 4, true, Float80.RC_ZERO);
                    case 2, 3 -> storeInteger(ea, 4, reg == 3, x.rc());
                    case 5 -> {
                        long m = bus.read(ea, 8), e = bus.read(ea + 8, 2);
                        if (bus.abort != null) yield Vectors.MEMORY;
                        push((int) e, m, 0);
                        yield 0;
                    }
                    case 7 -> storeExtended(ea);
                    default -> undefined();
                };
            }
            case 5 -> {
                return switch (reg) {
                    case 0 -> {
                        long v = bus.read(ea, 8);
                        if (bus.abort != null) yield Vectors.MEMORY;
                        int flags = f.fromDouble(v);
                        push(f.se, f.mant, flags);
                        yield 0;
                    }
                    case 1 -> storeInteger(ea, 8, true, Float80.RC_ZERO);
                    case 2, 3 -> storeReal(ea, 8, reg == 3);
                    case 4 -> restoreState(ea, in.opSize);
                    case 6 -> {
                        if (!saveState(ea, in.opSize)) yield Vectors.MEMORY;
                        x.init();
                        yield 0;
                    }
                    case 7 -> { bus.write(ea, 2, x.statusWord()); yield bus.abort != null ? Vectors.MEMORY : 0; }
                    default -> undefined();
                };
            }
            default -> {  // DF
                return switch (reg) {
                    case 0 -> loadInteger(ea, 2);
                    case 1 -> storeInteger(ea, 2, true, Float80.RC_ZERO);
                    case 2, 3 -> storeInteger(ea, 2, reg == 3, x.rc());
                    case 4 -> loadBcd(ea);
                    case 5 -> loadInteger(ea, 8);
                    case 6 -> storeBcd(ea);
                    default -> storeInteger(ea, 8, true, x.rc());
                };
            }
        }
    }

    /** FLDCW: bit 6 reads as 1 and the reserved bits 13-15 as 0, as on current processors. */
    private void loadControlWord(int v) {
        x.cw = (v & 0x1F3F) | 0x40;
        x.updateSummary();
    }

    /** Reads the memory operand of an arithmetic form into f (as an extended value); its flags, or -1 on a fault. */
    private int loadOperand(int esc, long ea) {
        switch (esc) {
            case 0 -> {
                long v = bus.read(ea, 4);
                return bus.abort != null ? -1 : f.fromFloat((int) v);
            }
            case 4 -> {
                long v = bus.read(ea, 8);
                return bus.abort != null ? -1 : f.fromDouble(v);
            }
            case 2 -> {
                long v = bus.read(ea, 4);
                if (bus.abort != null) return -1;
                f.fromInteger((int) v);
                return 0;
            }
            default -> {
                long v = bus.read(ea, 2);
                if (bus.abort != null) return -1;
                f.fromInteger((short) v);
                return 0;
            }
        }
    }

    private long loadInteger(long ea, int size) {
        long v = bus.read(ea, size);
        if (bus.abort != null) return Vectors.MEMORY;
        f.fromInteger(CpuState.signExtend(v, size));
        push(f.se, f.mant, 0);
        return 0;
    }

    /** FST/FSTP m32fp or m64fp: rounded under the rounding control (precision control does not apply). */
    private long storeReal(long ea, int size, boolean pop) {
        long v;
        int flags;
        if (x.isEmpty(0)) {
            if (!underflow()) return 0;
            v = size == 4 ? 0xFFC0_0000L : 0xFFF8_0000_0000_0000L;
            flags = 0;
        } else {
            flags = size == 4 ? f.toFloat(se(0), mant(0), x.rc()) : f.toDouble(se(0), mant(0), x.rc());
            v = f.bits;
            if (!raise(flags)) return 0;
        }
        bus.write(ea, size, v);
        if (bus.abort != null) return Vectors.MEMORY;
        if (pop) pop();
        return 0;
    }

    private long storeExtended(long ea) {
        int e;
        long m;
        if (x.isEmpty(0)) {
            if (!underflow()) return 0;
            e = Float80.INDEFINITE_SE;
            m = Float80.INDEFINITE_MANT;
        } else {
            e = se(0);
            m = mant(0);
        }
        bus.write(ea, 8, m);
        bus.write(ea + 8, 2, e);
        if (bus.abort != null) return Vectors.MEMORY;
        pop();
        return 0;
    }

    /** FIST/FISTP/FISTTP: the integer indefinite on an invalid operation (masked). */
    private long storeInteger(long ea, int size, boolean pop, int rc) {
        long v;
        if (x.isEmpty(0)) {
            if (!underflow()) return 0;
            v = 1L << (size * 8 - 1);
        } else {
            int flags = f.toInteger(se(0), mant(0), size * 8, rc);
            v = f.bits;
            if (!raise(flags)) return 0;
        }
        bus.write(ea, size, v);
        if (bus.abort != null) return Vectors.MEMORY;
        if (pop) pop();
        return 0;
    }

    /** FBLD: 18 packed BCD digits and a sign byte, as an integer (digits above 9 are not checked: undefined). */
    private long loadBcd(long ea) {
        long lo = bus.read(ea, 8), hi = bus.read(ea + 8, 2);
        if (bus.abort != null) return Vectors.MEMORY;
        long v = 0;
        for (int i = 8; i >= 0; i--) {
            int b = (int) ((i == 8 ? hi : lo >>> (8 * i)) & 0xFF);
            v = v * 100 + ((b >>> 4) & 0xF) * 10 + (b & 0xF);
        }
        f.fromInteger(v);
        int se = f.se | ((hi & 0x8000) != 0 ? 0x8000 : 0);
        push(se, f.mant, 0);
        return 0;
    }

    /** FBSTP: rounds ST(0) to an integer and stores it as packed BCD; out of range: the BCD indefinite. */
    private long storeBcd(long ea) {
        long lo, hi;
        if (x.isEmpty(0)) {
            if (!underflow()) return 0;
            lo = 0xC000_0000_0000_0000L;
            hi = 0xFFFF;
        } else {
            int flags = f.toInteger(se(0), mant(0), 64, x.rc());
            long v = f.bits;
            boolean neg = (se(0) & 0x8000) != 0;
            long mag = Math.abs(v);
            if ((flags & IE) != 0 || mag > 999_999_999_999_999_999L || v == Long.MIN_VALUE) {
                flags = (flags & ~(Float80.PE | Float80.ROUNDED_UP)) | IE;
                lo = 0xC000_0000_0000_0000L;
                hi = 0xFFFF;
            } else {
                lo = 0;
                for (int i = 0; i < 8; i++) {
                    long two = mag % 100;
                    mag /= 100;
                    lo |= ((two / 10) << 4 | (two % 10)) << (8 * i);
                }
                long two = mag % 100;
                hi = ((two / 10) << 4 | (two % 10)) | (neg ? 0x8000 : 0);
            }
            if (!raise(flags)) return 0;
        }
        bus.write(ea, 8, lo);
        bus.write(ea + 8, 2, hi);
        if (bus.abort != null) return Vectors.MEMORY;
        pop();
        return 0;
    }

    // ---- environment (protected-mode formats, SDM Vol. 1, Figures 8-9 and 8-10) ----

    /** FNSTENV: 28 bytes (32-bit operand size) or 14 bytes (16-bit). */
    private boolean storeEnvironment(long ea, int opSize) {
        if (opSize == 2) {
            int[] w = {x.cw, x.statusWord(), x.tagWord(), (int) x.fip, x.fcs, (int) x.fdp, x.fds};
            for (int i = 0; i < 7; i++) bus.write(ea + 2L * i, 2, w[i] & 0xFFFF);
        } else {
            bus.write(ea, 4, 0xFFFF_0000L | x.cw);
            bus.write(ea + 4, 4, 0xFFFF_0000L | x.statusWord());
            bus.write(ea + 8, 4, 0xFFFF_0000L | x.tagWord());
            bus.write(ea + 12, 4, x.fip & 0xFFFF_FFFFL);
            bus.write(ea + 16, 4, (x.fcs & 0xFFFF) | ((long) (x.fop & 0x7FF) << 16));
            bus.write(ea + 20, 4, x.fdp & 0xFFFF_FFFFL);
            bus.write(ea + 24, 4, 0xFFFF_0000L | (x.fds & 0xFFFF));
        }
        return bus.abort == null;
    }

    private long loadEnvironment(long ea, int opSize) {
        int step = opSize == 2 ? 2 : 4;
        long cw = bus.read(ea, 2), sw = bus.read(ea + step, 2), tw = bus.read(ea + 2L * step, 2);
        long fip = bus.read(ea + 3L * step, step), cs = bus.read(ea + 4L * step, 4);
        long fdp = bus.read(ea + 5L * step, step), ds = bus.read(ea + 6L * step, 2);
        if (bus.abort != null) return Vectors.MEMORY;
        x.cw = ((int) cw & 0x1F3F) | 0x40;
        x.loadTagWord((int) tw);
        x.loadStatusWord((int) sw);
        x.fip = fip;
        x.fcs = (int) cs & 0xFFFF;
        x.fop = opSize == 2 ? 0 : (int) (cs >>> 16) & 0x7FF;
        x.fdp = fdp;
        x.fds = (int) ds;
        return 0;
    }

    /** FNSAVE: the environment, then the eight registers in stack order (ST(0) first), 10 bytes each. */
    private boolean saveState(long ea, int opSize) {
        if (!storeEnvironment(ea, opSize)) return false;
        long at = ea + (opSize == 2 ? 14 : 28);
        for (int i = 0; i < 8; i++, at += 10) {
            bus.write(at, 8, mant(i));
            bus.write(at + 8, 2, se(i));
        }
        return bus.abort == null;
    }

    /** The registers FRSTOR reads before it changes anything. */
    private final long[] savedMant = new long[8];
    private final int[] savedSe = new int[8];

    private long restoreState(long ea, int opSize) {
        long at = ea + (opSize == 2 ? 14 : 28);
        long[] m = savedMant;
        int[] e = savedSe;
        for (int i = 0; i < 8; i++, at += 10) {
            m[i] = bus.read(at, 8);
            e[i] = (int) bus.read(at + 8, 2);
        }
        if (bus.abort != null) return Vectors.MEMORY;
        long r = loadEnvironment(ea, opSize);
        if (r != 0) return r;
        for (int i = 0; i < 8; i++) {
            int p = x.physical(i);
            x.se[p] = e[i];
            x.mant[p] = m[i];
        }
        return 0;
    }

    // ---- arithmetic ----

    /**
     * The eight arithmetic operations by ModRM.reg of a = ST(0) and b = the operand (bSe, bM, with the flags of its
     * load): /0 a + b, /1 a * b, /2 and /3 compare, /4 a - b, /5 b - a, /6 a / b, /7 b / a, into ST({@code dst}).
     * The same reg gives the same operation in the DC/DE register forms, where the destination is ST(i): the SDM's
     * "FSUBR ST(i), ST(0)" (DC E0+i) computes ST(0) - ST(i) just as "FSUB ST(0), ST(i)" (D8 E0+i) does.
     */
    private long arithmetic(int reg, int dst, int bSe, long bM, int loadFlags, boolean popAfter) {
        if (x.isEmpty(0)) {
            if (reg == 2 || reg == 3) {
                if (underflow()) setCondition(SW_C3 | SW_C2 | SW_C0);
                if (reg == 3) pop();
                return 0;
            }
            if (underflow()) {
                write(dst, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                if (popAfter) pop();
            }
            return 0;
        }
        int aSe = se(0);
        long aM = mant(0);
        if (reg == 2 || reg == 3) {
            compareWith(aSe, aM, bSe, bM, loadFlags, true);
            if (reg == 3) pop();
            return 0;
        }
        int p = x.precision(), rc = x.rc();
        int flags = switch (reg) {
            case 0 -> f.add(aSe, aM, bSe, bM, false, p, rc);
            case 1 -> f.mul(aSe, aM, bSe, bM, p, rc);
            case 4 -> f.add(aSe, aM, bSe, bM, true, p, rc);
            case 5 -> f.add(bSe, bM, aSe, aM, true, p, rc);
            case 6 -> f.div(aSe, aM, bSe, bM, p, rc);
            default -> f.div(bSe, bM, aSe, aM, p, rc);
        };
        if (!raise(flags | loadFlags)) return 0;
        write(dst, f.se, f.mant);
        if (popAfter) pop();
        return 0;
    }

    private void setCondition(int bits) { x.sw = (x.sw & ~SW_CONDITION) | bits; }

    /** FCOM-style comparison of a with b: C3 C2 C0, IE for NaNs (any with {@code signalAll}, else only SNaNs). */
    private void compareWith(int aSe, long aM, int bSe, long bM, int loadFlags, boolean signalAll) {
        int c = Float80.compare(aSe, aM, bSe, bM);
        int flags = loadFlags | (Float80.isDenormal(aSe, aM) || Float80.isDenormal(bSe, bM) ? DE : 0);
        if (c == Float80.UNORDERED && (signalAll || Float80.isSignaling(aSe, aM) || Float80.isSignaling(bSe, bM)
                || Float80.kind(aSe, aM) == Float80.UNSUPPORTED || Float80.kind(bSe, bM) == Float80.UNSUPPORTED)) flags |= IE;
        if (!raise(flags)) return;
        setCondition(c == Float80.GREATER ? 0 : c == Float80.LESS ? SW_C0 : c == Float80.EQUAL ? SW_C3 : SW_C3 | SW_C2 | SW_C0);
    }

    /** FCOMI/FUCOMI(P): ZF, PF, CF as the comparison says; OF, SF and AF cleared. */
    private long compareToEflags(int i, boolean signalAll, boolean popAfter) {
        long fl;
        if (x.isEmpty(0) || x.isEmpty(i)) {
            if (!underflow()) return 0;
            fl = LazyFlags.ZF | LazyFlags.PF | LazyFlags.CF;
        } else {
            int aSe = se(0), bSe = se(i);
            long aM = mant(0), bM = mant(i);
            int c = Float80.compare(aSe, aM, bSe, bM);
            int flags = Float80.isDenormal(aSe, aM) || Float80.isDenormal(bSe, bM) ? DE : 0;
            if (c == Float80.UNORDERED && (signalAll || Float80.isSignaling(aSe, aM) || Float80.isSignaling(bSe, bM)
                    || Float80.kind(aSe, aM) == Float80.UNSUPPORTED || Float80.kind(bSe, bM) == Float80.UNSUPPORTED)) flags |= IE;
            if (!raise(flags)) return 0;
            fl = c == Float80.GREATER ? 0 : c == Float80.LESS ? LazyFlags.CF : c == Float80.EQUAL ? LazyFlags.ZF
                    : LazyFlags.ZF | LazyFlags.PF | LazyFlags.CF;
        }
        s.flags.setEager(fl);
        if (popAfter) pop();
        return 0;
    }

    // ---- register forms ----

    private long registerForm(int esc, int reg, int i, int modrm) {
        switch (esc) {
            case 0 -> { return registerArithmetic(reg, i, 0, false); }
            case 4 -> {
                if (reg == 2 || reg == 3) return registerArithmetic(reg, i, 0, false);  // FCOM2, FCOMP3 aliases
                return registerArithmetic(reg, i, i, false);
            }
            case 6 -> {
                if (reg == 3) return modrm == 0xD9 ? fcompp(true) : undefined();
                if (reg == 2) return registerArithmetic(3, i, 0, false);  // FCOMP5 alias
                return registerArithmetic(reg, i, i, true);
            }
            case 1 -> { return d9Register(reg, i, modrm); }
            case 2 -> {
                if (reg <= 3) return fcmov(i, condition(reg), true);
                return modrm == 0xE9 ? fcompp(false) : undefined();
            }
            case 3 -> {
                if (reg <= 3) return fcmov(i, condition(reg), false);
                if (reg == 5) return compareToEflags(i, false, false);
                if (reg == 6) return compareToEflags(i, true, false);
                if (reg == 4) {
                    switch (modrm) {
                        case 0xE0, 0xE1, 0xE4 -> { return 0; }  // FENI, FDISI, FSETPM: no-ops since the 287
                        case 0xE2 -> { x.sw &= ~(0x3F | SW_SF | X87.SW_ES | X87.SW_B); return 0; }  // FNCLEX
                        case 0xE3 -> { x.init(); return 0; }
                        default -> { return undefined(); }
                    }
                }
                return undefined();
            }
            case 5 -> {
                switch (reg) {
                    case 0 -> { x.emptyMask |= 1 << x.physical(i); return 0; }  // FFREE
                    case 1 -> { return fxch(i); }  // FXCH4 alias
                    case 2, 3 -> { return fstRegister(i, reg == 3); }
                    case 4, 5 -> { return fucom(i, reg == 5); }
                    default -> { return undefined(); }
                }
            }
            default -> {  // DF
                switch (reg) {
                    case 0 -> { x.emptyMask |= 1 << x.physical(i); pop(); return 0; }  // FFREEP
                    case 1 -> { return fxch(i); }  // FXCH7 alias
                    case 2, 3 -> { return fstRegister(i, true); }  // FSTP8, FSTP9 aliases
                    case 4 -> {
                        if (modrm != 0xE0) return undefined();
                        s.set(CpuState.RAX, 2, x.statusWord());  // FNSTSW AX
                        return 0;
                    }
                    case 5 -> { return compareToEflags(i, false, true); }
                    case 6 -> { return compareToEflags(i, true, true); }
                    default -> { return undefined(); }
                }
            }
        }
    }

    /** FADD/FMUL/FCOM/FCOMP/FSUB/FSUBR/FDIV/FDIVR with ST(i): into ST({@code dst}). */
    private long registerArithmetic(int reg, int i, int dst, boolean pop) {
        if (x.isEmpty(i)) {
            if (reg == 2 || reg == 3) {
                if (underflow()) setCondition(SW_C3 | SW_C2 | SW_C0);
                if (reg == 3) pop();
                return 0;
            }
            if (underflow()) {
                write(dst, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                if (pop) pop();
            }
            return 0;
        }
        return arithmetic(reg, dst, se(i), mant(i), 0, pop);
    }

    private long fcompp(boolean signalAll) {
        if (x.isEmpty(0) || x.isEmpty(1)) {
            if (underflow()) setCondition(SW_C3 | SW_C2 | SW_C0);
        } else {
            compareWith(se(0), mant(0), se(1), mant(1), 0, signalAll);
        }
        pop();
        pop();
        return 0;
    }

    private long fucom(int i, boolean pop) {
        if (x.isEmpty(0) || x.isEmpty(i)) {
            if (underflow()) setCondition(SW_C3 | SW_C2 | SW_C0);
        } else {
            compareWith(se(0), mant(0), se(i), mant(i), 0, false);
        }
        if (pop) pop();
        return 0;
    }

    private long fxch(int i) {
        if (x.isEmpty(0) || x.isEmpty(i)) {
            if (!underflow()) return 0;
            if (x.isEmpty(0)) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            if (x.isEmpty(i)) write(i, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
        }
        int a = x.physical(0), b = x.physical(i);
        int te = x.se[a];
        long tm = x.mant[a];
        x.se[a] = x.se[b];
        x.mant[a] = x.mant[b];
        x.se[b] = te;
        x.mant[b] = tm;
        x.sw &= ~SW_C1;
        return 0;
    }

    private long fstRegister(int i, boolean pop) {
        if (x.isEmpty(0)) {
            if (!underflow()) return 0;
            write(i, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
        } else {
            write(i, se(0), mant(0));
            x.sw &= ~SW_C1;
        }
        if (pop) pop();
        return 0;
    }

    /** Condition of FCMOVcc by ModRM.reg: B, E, BE, U (DA) and their negations (DB). */
    private boolean condition(int reg) {
        LazyFlags fl = s.flags;
        return switch (reg) {
            case 0 -> fl.cf();
            case 1 -> fl.zf();
            case 2 -> fl.cf() || fl.zf();
            default -> fl.pf();
        };
    }

    private long fcmov(int i, boolean cond, boolean ifTrue) {
        if (x.isEmpty(0) || x.isEmpty(i)) {
            if (!underflow()) return 0;
            write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            return 0;
        }
        if (cond == ifTrue) write(0, se(i), mant(i));
        x.sw &= ~SW_C1;
        return 0;
    }

    /** The 80-bit constants, with the rounding-direction variants the hardware gives (down/zero: one ulp less). */
    private static final long L2T = 0xD49A_784B_CD1B_8AFEL, L2E = 0xB8AA_3B29_5C17_F0BCL, PI = 0xC90F_DAA2_2168_C235L,
            LG2 = 0x9A20_9A84_FBCF_F799L, LN2 = 0xB172_17F7_D1CF_79ACL;

    private long d9Register(int reg, int i, int modrm) {
        switch (reg) {
            case 0 -> {  // FLD ST(i)
                if (x.isEmpty(i)) {
                    if (underflow()) push(Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT, 0);
                    return 0;
                }
                push(se(i), mant(i), 0);
                return 0;
            }
            case 1 -> { return fxch(i); }
            case 2 -> { return modrm == 0xD0 ? 0 : undefined(); }  // FNOP
            case 3 -> { return fstRegister(i, true); }  // FSTP1 alias
            default -> { }
        }
        int rc = x.rc();
        boolean down = rc == Float80.RC_DOWN || rc == Float80.RC_ZERO;
        switch (modrm) {
            case 0xE0, 0xE1 -> {  // FCHS, FABS
                if (x.isEmpty(0)) {
                    if (underflow()) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                    return 0;
                }
                write(0, modrm == 0xE0 ? se(0) ^ 0x8000 : se(0) & 0x7FFF, mant(0));
                x.sw &= ~SW_C1;
                return 0;
            }
            case 0xE4 -> {  // FTST
                if (x.isEmpty(0)) { if (underflow()) setCondition(SW_C3 | SW_C2 | SW_C0); return 0; }
                compareWith(se(0), mant(0), 0, 0, 0, true);
                return 0;
            }
            case 0xE5 -> { fxam(); return 0; }
            case 0xE8 -> { return constant(Float80.BIAS, 1L << 63); }
            case 0xE9 -> { return constant(Float80.BIAS + 1, rc == Float80.RC_UP ? L2T + 1 : L2T); }
            case 0xEA -> { return constant(Float80.BIAS, down ? L2E - 1 : L2E); }
            case 0xEB -> { return constant(Float80.BIAS + 1, down ? PI - 1 : PI); }
            case 0xEC -> { return constant(Float80.BIAS - 2, down ? LG2 - 1 : LG2); }
            case 0xED -> { return constant(Float80.BIAS - 1, down ? LN2 - 1 : LN2); }
            case 0xEE -> { return constant(0, 0); }
            case 0xF4 -> { return fxtract(); }
            case 0xF6 -> { x.top = (x.top - 1) & 7; x.sw &= ~SW_C1; return 0; }  // FDECSTP
            case 0xF7 -> { x.top = (x.top + 1) & 7; x.sw &= ~SW_C1; return 0; }  // FINCSTP
            case 0xFA -> {  // FSQRT
                if (x.isEmpty(0)) { if (underflow()) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT); return 0; }
                int flags = f.sqrt(se(0), mant(0), x.precision(), rc);
                if (raise(flags)) write(0, f.se, f.mant);
                return 0;
            }
            case 0xFC -> {  // FRNDINT
                if (x.isEmpty(0)) { if (underflow()) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT); return 0; }
                int flags = f.roundToIntegral(se(0), mant(0), rc);
                if (raise(flags)) write(0, f.se, f.mant);
                return 0;
            }
            case 0xFD -> { return fscale(); }
            case 0xF8, 0xF5 -> { return fprem(modrm == 0xF5); }
            default -> { return transcendental(modrm); }
        }
    }

    private long constant(int se, long m) {
        push(se, m, 0);
        return 0;
    }

    /** FXAM: C3 C2 C0 say the class of ST(0) (empty included), C1 its sign. */
    private void fxam() {
        int p = x.physical(0);
        int c1 = (x.se[p] & 0x8000) != 0 ? SW_C1 : 0;
        int bits;
        if (x.isEmpty(0)) bits = SW_C3 | SW_C0;
        else {
            int k = Float80.kind(x.se[p], x.mant[p]);
            bits = switch (k) {
                case Float80.ZERO -> SW_C3;
                case Float80.INF -> SW_C2 | SW_C0;
                case Float80.NAN -> SW_C0;
                case Float80.UNSUPPORTED -> 0;
                default -> (x.se[p] & 0x7FFF) == 0 ? SW_C3 | SW_C2 : SW_C2;
            };
        }
        x.sw = (x.sw & ~SW_CONDITION) | bits | c1;
    }

    /** FSCALE: ST(0) * 2^trunc(ST(1)). */
    private long fscale() {
        if (x.isEmpty(0) || x.isEmpty(1)) {
            if (underflow()) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            return 0;
        }
        int aSe = se(0), bSe = se(1);
        long aM = mant(0), bM = mant(1);
        int ka = Float80.kind(aSe, aM), kb = Float80.kind(bSe, bM);
        int flags;
        if (ka == Float80.NAN || kb == Float80.NAN || ka == Float80.UNSUPPORTED || kb == Float80.UNSUPPORTED) {
            flags = f.add(aSe, aM, bSe, bM, false, 64, x.rc());  // the NaN rules of any two-operand operation
        } else if (kb == Float80.INF) {
            boolean bNeg = (bSe & 0x8000) != 0;
            if ((ka == Float80.ZERO && !bNeg) || (ka == Float80.INF && bNeg)) {
                f.se = Float80.INDEFINITE_SE;
                f.mant = Float80.INDEFINITE_MANT;
                flags = IE;
            } else {
                f.se = ka == Float80.ZERO || ka == Float80.INF ? aSe : bNeg ? aSe & 0x8000 : (aSe & 0x8000) | 0x7FFF;
                f.mant = ka == Float80.ZERO ? aM : bNeg && ka != Float80.INF ? 0 : 1L << 63;
                flags = 0;
            }
        } else {
            int flagsB = f.toInteger(bSe, bM, 64, Float80.RC_ZERO);
            long n = (flagsB & IE) != 0 ? ((bSe & 0x8000) != 0 ? Long.MIN_VALUE : Long.MAX_VALUE) : f.bits;
            int k = (int) Math.max(-0x20000, Math.min(0x20000, n));
            flags = f.scale(aSe, aM, k, x.rc());
            if (Float80.isDenormal(bSe, bM)) flags |= DE;
        }
        if (raise(flags)) write(0, f.se, f.mant);
        return 0;
    }

    /** FPREM/FPREM1: ST(0) becomes its (partial) remainder by ST(1); C2 says partial, C0 C3 C1 the quotient's low bits. */
    private long fprem(boolean nearest) {
        if (x.isEmpty(0) || x.isEmpty(1)) {
            if (underflow()) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            return 0;
        }
        int flags = f.remainder(se(0), mant(0), se(1), mant(1), nearest);
        if (!raise(flags)) return 0;
        write(0, f.se, f.mant);
        int q = f.quotientBits;
        int cond = q < 0 ? SW_C2 : ((q & 4) != 0 ? SW_C0 : 0) | ((q & 2) != 0 ? SW_C3 : 0) | ((q & 1) != 0 ? SW_C1 : 0);
        x.sw = (x.sw & ~SW_CONDITION) | cond;
        return 0;
    }

    /** The register as a double (rounded to nearest), and back: the approximation of the transcendental instructions. */
    private double toDouble(int i) {
        f.toDouble(se(i), mant(i), Float80.RC_NEAREST);
        return Double.longBitsToDouble(f.bits);
    }

    private void writeDouble(int i, double v) {
        if (Double.isNaN(v)) { write(i, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT); return; }
        f.fromDouble(Double.doubleToRawLongBits(v));
        write(i, f.se, f.mant);
    }

    /** F2XM1, FYL2X, FPTAN, FPATAN, FYL2XP1, FSINCOS, FSIN, FCOS (the approximation the class comment describes). */
    private long transcendental(int modrm) {
        boolean two = modrm == 0xF1 || modrm == 0xF3 || modrm == 0xF9;  // the ST(1)-op-ST(0) forms, which pop
        boolean pushes = modrm == 0xF2 || modrm == 0xFB;
        if (modrm != 0xF0 && !two && !pushes && modrm != 0xFE && modrm != 0xFF) return undefined();
        if (x.isEmpty(0) || (two && x.isEmpty(1))) {
            if (underflow()) {
                write(two ? 1 : 0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                if (two) pop();
                else if (pushes) push(Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT, 0);
            }
            return 0;
        }
        if (pushes && !x.isEmpty(7)) {
            if (overflow()) {
                write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                x.top = (x.top - 1) & 7;
                write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            }
            return 0;
        }
        int k0 = Float80.kind(se(0), mant(0)), k1 = two ? Float80.kind(se(1), mant(1)) : Float80.FINITE;
        if (k0 >= Float80.NAN || k1 >= Float80.NAN) {  // NaNs and unsupported formats: the rules of any operation
            int flags = two ? f.add(se(1), mant(1), se(0), mant(0), false, 64, Float80.RC_NEAREST)
                    : f.add(se(0), mant(0), se(0), mant(0), false, 64, Float80.RC_NEAREST);
            if (!raise(flags)) return 0;
            write(two ? 1 : 0, f.se, f.mant);
            if (two) pop();
            else if (pushes) push(f.se, f.mant, 0);
            return 0;
        }
        boolean trig = modrm == 0xF2 || modrm == 0xFB || modrm == 0xFE || modrm == 0xFF;
        if (trig && (k0 == Float80.INF)) { if (raise(IE)) write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT); return 0; }
        if (trig && (se(0) & 0x7FFF) - Float80.BIAS >= 63) { x.sw |= SW_C2; return 0; }  // out of range: unchanged
        double a = toDouble(0), b = two ? toDouble(1) : 0;
        int flags = Float80.PE;
        switch (modrm) {
            case 0xF0 -> writeDouble(0, StrictMath.expm1(a * 0.6931471805599453));
            case 0xF1, 0xF9 -> {
                double arg = modrm == 0xF9 ? a + 1 : a;
                if (arg < 0 || (arg == 0 && b == 0) || (Double.isInfinite(arg) && b == 0) || (arg == 1 && Double.isInfinite(b))) flags |= IE;
                else if (arg == 0) flags |= ZE;
                double v = (modrm == 0xF9 ? StrictMath.log1p(a) : StrictMath.log(a)) / 0.6931471805599453 * b;
                if (!raise(flags)) return 0;
                writeDouble(1, (flags & IE) != 0 ? Double.NaN : v);
                pop();
                x.sw &= ~SW_C2;
                return 0;
            }
            case 0xF3 -> writeDouble(1, StrictMath.atan2(b, a));
            case 0xF2 -> writeDouble(0, StrictMath.tan(a));
            case 0xFB -> writeDouble(0, StrictMath.sin(a));
            case 0xFE -> writeDouble(0, StrictMath.sin(a));
            default -> writeDouble(0, StrictMath.cos(a));
        }
        raise(flags);
        x.sw &= ~SW_C2;
        if (modrm == 0xF3) pop();
        if (modrm == 0xF2) push(Float80.BIAS, 1L << 63, 0);
        if (modrm == 0xFB) push(0, 0, 0);
        if (modrm == 0xFB) { writeDouble(0, StrictMath.cos(a)); }
        return 0;
    }

    /** FXTRACT: ST(0) becomes its exponent, then its significand (with exponent 0) is pushed. */
    private long fxtract() {
        if (!x.isEmpty(7)) {  // no room for the significand: both results are the real indefinite
            if (overflow()) {
                write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                x.top = (x.top - 1) & 7;
                write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
            }
            return 0;
        }
        if (x.isEmpty(0)) {
            if (underflow()) {
                write(0, Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT);
                push(Float80.INDEFINITE_SE, Float80.INDEFINITE_MANT, 0);
            }
            return 0;
        }
        int aSe = se(0);
        long aM = mant(0);
        int k = Float80.kind(aSe, aM);
        if (k == Float80.ZERO) {
            if (!raise(ZE)) return 0;
            write(0, 0xFFFF, 1L << 63);  // -infinity
            push(aSe, 0, 0);
            return 0;
        }
        if (k == Float80.INF) {
            write(0, 0x7FFF, 1L << 63);
            push(aSe, aM, 0);
            return 0;
        }
        if (k != Float80.FINITE) {
            int flags = f.add(aSe, aM, aSe, aM, false, 64, x.rc());
            if (!raise(flags)) return 0;
            write(0, f.se, f.mant);
            push(f.se, f.mant, 0);
            return 0;
        }
        int flags = Float80.isDenormal(aSe, aM) ? DE : 0;
        if (!raise(flags)) return 0;
        int z = Long.numberOfLeadingZeros(aM);
        int e = (aSe & 0x7FFF) == 0 ? Float80.EMIN - z : (aSe & 0x7FFF) - Float80.BIAS;
        f.fromInteger(e);
        write(0, f.se, f.mant);
        push((aSe & 0x8000) | Float80.BIAS, aM << z, 0);
        return 0;
    }
}
