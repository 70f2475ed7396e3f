package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.decode.Operand.MEM;
import static org.polyvisor.isa.x86.decode.Operand.XMM;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.fpu.SseMath;
import org.polyvisor.isa.x86.trap.Vectors;

/**
 * The SSE and SSE2 instructions (SDM Vol. 2 pages of their names): moves, packed and scalar single/double
 * arithmetic, comparisons and conversions through {@link SseMath}, the 128-bit integer operations, shuffles,
 * unpacks and shifts, LDMXCSR/STMXCSR, FXSAVE/FXRSTOR and the fences. Availability is checked as the hardware
 * does: #UD when CR0.EM = 1 or CR4.OSFXSR = 0, #NM when CR0.TS = 1 (FXSAVE/FXRSTOR: #NM for either of EM, TS);
 * a 16-byte memory operand of a legacy-SSE instruction other than the unaligned moves must be 16-byte aligned
 * (#GP(0)); an unmasked SIMD floating-point exception raises #XM when CR4.OSXMMEXCPT = 1, else #UD, and leaves
 * the destination unchanged. Returns 0 or an exception value ({@link Vectors#fault}, {@link Vectors#MEMORY}).
 */
final class SseInstructions {
    static final long CR4_OSFXSR = 1 << 9, CR4_OSXMMEXCPT = 1 << 10;
    /** MXCSR bits a guest may set (DAZ supported): LDMXCSR/FXRSTOR with others raise #GP(0). */
    static final int MXCSR_MASK = 0xFFFF;

    private final CpuState s;
    private final long[] x;
    private final Bus bus;
    private final SseMath m = new SseMath();
    private final FxImage fx;
    /** The source operand (register or memory), low and high quadword. */
    private long lo, hi;

    SseInstructions(CpuState s, Bus bus) {
        this.s = s; this.x = s.xmm; this.bus = bus; this.fx = new FxImage(s);
    }

    long execute(Insn in, long pc, long next) {
        Op op = in.op;
        switch (op) {
            case FENCE, PREFETCH, CLFLUSH -> { return 0; }  // memory is sequentially consistent here; no caches
            case XSAVE -> { return Vectors.fault(Vectors.UD, 0); }  // CPUID.1:ECX.XSAVE = 0 (and so CR4.OSXSAVE)
            case MOVNTI -> {
                bus.write(Addressing.linear(s, in, next), in.opSize, s.get(in.srcReg, in.opSize));
                return bus.abort != null ? Vectors.MEMORY : 0;
            }
            case FXSAVE, FXRSTOR -> {
                if ((s.cr0 & (X87Instructions.CR0_EM | X87Instructions.CR0_TS)) != 0) return Vectors.fault(Vectors.NM, 0);
                long ea = Addressing.linear(s, in, next);
                if ((ea & 15) != 0) return Vectors.fault(Vectors.GP, 0);
                boolean wide = (in.rex & 8) != 0 && s.longMode;
                return op == Op.FXSAVE ? fx.save(bus, ea, wide) : fx.restore(bus, ea, wide);
            }
            default -> { }
        }
        if ((s.cr0 & X87Instructions.CR0_EM) != 0 || (s.cr4 & CR4_OSFXSR) == 0) return Vectors.fault(Vectors.UD, 0);
        if ((s.cr0 & X87Instructions.CR0_TS) != 0) return Vectors.fault(Vectors.NM, 0);
        m.mode(s.mxcsr);
        int d = in.dstReg;
        switch (op) {
            // ---- moves ----
            case MOVUPS, MOVAPS, MOVDQU, MOVNT -> {
                boolean aligned = op != Op.MOVUPS && op != Op.MOVDQU;
                if (in.dstKind == XMM) {
                    long r = load(in, next, 16, aligned);
                    if (r != 0) return r;
                    return put(d, lo, hi);
                }
                return store(in, next, 16, aligned, x[2 * in.srcReg], x[2 * in.srcReg + 1]);
            }
            case MOVSS, MOVSD_X -> {
                int size = op == Op.MOVSS ? 4 : 8;
                long mask = size == 4 ? 0xFFFF_FFFFL : -1L;
                if (in.dstKind == XMM && in.srcKind == XMM) {  // register to register: only the low element moves
                    long v = x[2 * in.srcReg];
                    return put(d, (x[2 * d] & ~mask) | (v & mask), x[2 * d + 1]);
                }
                if (in.dstKind == XMM) {  // a load clears the rest of the register
                    long r = load(in, next, size, false);
                    return r != 0 ? r : put(d, lo, 0);
                }
                return store(in, next, size, false, x[2 * in.srcReg], 0);
            }
            case MOVLPS, MOVHPS -> {
                boolean high = op == Op.MOVHPS;
                if (in.dstKind == XMM) {
                    long r = load(in, next, 8, false);
                    if (r != 0) return r;
                    return high ? put(d, x[2 * d], lo) : put(d, lo, x[2 * d + 1]);
                }
                return store(in, next, 8, false, x[2 * in.srcReg + (high ? 1 : 0)], 0);
            }
            case MOVHLPS -> { return put(d, x[2 * in.srcReg + 1], x[2 * d + 1]); }
            case MOVLHPS -> { return put(d, x[2 * d], x[2 * in.srcReg]); }
            case MOVD -> {  // 66 0F 6E: from a general register or memory, zero-extended
                long v;
                if (in.srcKind == MEM) {
                    v = bus.read(Addressing.linear(s, in, next), in.opSize);
                    if (bus.abort != null) return Vectors.MEMORY;
                } else {
                    v = s.get(in.srcReg, in.opSize);
                }
                return put(d, v, 0);
            }
            case MOVD_STORE -> {  // 66 0F 7E: the low doubleword (quadword with REX.W) to a register or memory
                long v = x[2 * in.srcReg] & CpuState.mask(in.opSize);
                if (in.dstKind == MEM) return store(in, next, in.opSize, false, v, 0);
                s.set(d, in.opSize, v);
                return 0;
            }
            case MOVQ_LOAD -> {
                long r = load(in, next, 8, false);
                if (r != 0) return r;
                return put(d, lo, 0);
            }
            case MOVQ_STORE -> {
                if (in.dstKind == MEM) return store(in, next, 8, false, x[2 * in.srcReg], 0);
                return put(d, x[2 * in.srcReg], 0);
            }
            case MOVMSKPS, MOVMSKPD, PMOVMSKB -> {
                long a = x[2 * in.srcReg], b = x[2 * in.srcReg + 1];
                long v = op == Op.MOVMSKPD ? (a >>> 63) | (b >>> 63) << 1
                        : op == Op.MOVMSKPS ? (a >>> 31 & 1) | (a >>> 63) << 1 | (b >>> 31 & 1) << 2 | (b >>> 63) << 3
                        : byteSigns(a) | byteSigns(b) << 8;
                s.set(d, in.opSize, v);
                return 0;
            }
            case PEXTRW -> {
                int lane = (int) in.imm & 7;
                s.set(d, in.opSize, (x[2 * in.srcReg + (lane >>> 2)] >>> (16 * (lane & 3))) & 0xFFFF);
                return 0;
            }
            case PINSRW -> {
                long v;
                if (in.srcKind == MEM) {
                    v = bus.read(Addressing.linear(s, in, next), 2);
                    if (bus.abort != null) return Vectors.MEMORY;
                } else {
                    v = s.get(in.srcReg, 4);
                }
                int lane = (int) in.imm & 7, i = 2 * d + (lane >>> 2), sh = 16 * (lane & 3);
                x[i] = (x[i] & ~(0xFFFFL << sh)) | ((v & 0xFFFF) << sh);
                return 0;
            }
            case LDMXCSR -> {
                long v = bus.read(Addressing.linear(s, in, next), 4);
                if (bus.abort != null) return Vectors.MEMORY;
                if ((v & ~MXCSR_MASK) != 0) return Vectors.fault(Vectors.GP, 0);
                s.mxcsr = (int) v;
                return 0;
            }
            case STMXCSR -> {
                bus.write(Addressing.linear(s, in, next), 4, s.mxcsr & 0xFFFF_FFFFL);
                return bus.abort != null ? Vectors.MEMORY : 0;
            }
            default -> { }
        }
        // Everything else reads a source: the whole register or a memory operand of the instruction's size.
        if (op == Op.CVTSI2SS || op == Op.CVTSI2SD) {  // the source is a general register or memory of the operand size
            if (in.srcKind == MEM) {
                lo = bus.read(Addressing.linear(s, in, next), in.opSize);
                if (bus.abort != null) return Vectors.MEMORY;
            } else {
                lo = s.get(in.srcReg, in.opSize);
            }
            hi = 0;
        } else {
            int size = memorySize(op);
            long r = load(in, next, size, size == 16);
            if (r != 0) return r;
        }
        long a0 = x[2 * d], a1 = x[2 * d + 1], b0 = lo, b1 = hi;
        switch (op) {
            case ADDPS, SUBPS, MULPS, DIVPS, MINPS, MAXPS, SQRTPS -> {
                int f = arith(op);
                return result(in, d, packS(f, a0, b0), packS(f, a1, b1));
            }
            case ADDSS, SUBSS, MULSS, DIVSS, MINSS, MAXSS, SQRTSS -> {
                long v = m.arithmetic(arith(op), a0 & 0xFFFF_FFFFL, b0 & 0xFFFF_FFFFL, false);
                return result(in, d, (a0 & ~0xFFFF_FFFFL) | v, a1);
            }
            case ADDPD, SUBPD, MULPD, DIVPD, MINPD, MAXPD, SQRTPD -> {
                int f = arith(op);
                long v0 = m.arithmetic(f, a0, b0, true), v1 = m.arithmetic(f, a1, b1, true);
                return result(in, d, v0, v1);
            }
            case ADDSD, SUBSD, MULSD, DIVSD, MINSD, MAXSD, SQRTSD -> {
                return result(in, d, m.arithmetic(arith(op), a0, b0, true), a1);
            }
            case ANDPS -> { return put(d, a0 & b0, a1 & b1); }
            case ANDNPS -> { return put(d, ~a0 & b0, ~a1 & b1); }
            case ORPS -> { return put(d, a0 | b0, a1 | b1); }
            case XORPS -> { return put(d, a0 ^ b0, a1 ^ b1); }
            case UCOMISS, COMISS, UCOMISD, COMISD -> {
                boolean dbl = op == Op.UCOMISD || op == Op.COMISD;
                long mask = dbl ? -1L : 0xFFFF_FFFFL;
                int c = m.compare(a0 & mask, b0 & mask, dbl, op == Op.COMISS || op == Op.COMISD);
                long fault = flagsFault();
                if (fault != 0) return fault;
                s.flags.setEager(c == 2 ? LazyFlags.ZF | LazyFlags.PF | LazyFlags.CF : c == 0 ? LazyFlags.ZF : c < 0 ? LazyFlags.CF : 0);
                return 0;
            }
            case CMPPS, CMPSS, CMPPD, CMPSD_X -> {
                int pred = (int) in.imm & 7;
                if (op == Op.CMPPD || op == Op.CMPSD_X) {
                    long v0 = cmp(pred, a0, b0, true) ? -1L : 0;
                    long v1 = op == Op.CMPPD ? (cmp(pred, a1, b1, true) ? -1L : 0) : a1;
                    return result(in, d, v0, v1);
                }
                long v0 = cmpLane(pred, a0, b0, 0) | (op == Op.CMPPS ? cmpLane(pred, a0, b0, 32) : a0 & ~0xFFFF_FFFFL);
                long v1 = op == Op.CMPPS ? cmpLane(pred, a1, b1, 0) | cmpLane(pred, a1, b1, 32) : a1;
                return result(in, d, v0, v1);
            }
            case CVTSI2SS, CVTSI2SD -> {
                long v = CpuState.signExtend(lo, in.opSize);
                if (op == Op.CVTSI2SS) return result(in, d, (a0 & ~0xFFFF_FFFFL) | m.fromInteger(v, false), a1);
                return result(in, d, m.fromInteger(v, true), a1);
            }
            case CVTTSS2SI, CVTSS2SI, CVTTSD2SI, CVTSD2SI -> {
                boolean dbl = op == Op.CVTTSD2SI || op == Op.CVTSD2SI;
                long v = m.toInteger(dbl ? b0 : b0 & 0xFFFF_FFFFL, dbl, in.opSize * 8, op == Op.CVTTSS2SI || op == Op.CVTTSD2SI);
                long fault = flagsFault();
                if (fault != 0) return fault;
                s.set(d, in.opSize, v);
                return 0;
            }
            case CVTSS2SD -> { return result(in, d, m.convertFloat(b0 & 0xFFFF_FFFFL, false), a1); }
            case CVTSD2SS -> { return result(in, d, (a0 & ~0xFFFF_FFFFL) | m.convertFloat(b0, true), a1); }
            case CVTPS2PD -> { return result(in, d, m.convertFloat(b0 & 0xFFFF_FFFFL, false), m.convertFloat(b0 >>> 32, false)); }
            case CVTPD2PS -> { return result(in, d, m.convertFloat(b0, true) | m.convertFloat(b1, true) << 32, 0); }
            case CVTDQ2PS -> {
                return result(in, d, m.fromInteger((int) b0, false) | m.fromInteger((int) (b0 >> 32), false) << 32,
                        m.fromInteger((int) b1, false) | m.fromInteger((int) (b1 >> 32), false) << 32);
            }
            case CVTDQ2PD -> { return result(in, d, m.fromInteger((int) b0, true), m.fromInteger((int) (b0 >> 32), true)); }
            case CVTPS2DQ, CVTTPS2DQ -> {
                boolean t = op == Op.CVTTPS2DQ;
                return result(in, d, toInt(b0 & 0xFFFF_FFFFL, false, t) | toInt(b0 >>> 32, false, t) << 32,
                        toInt(b1 & 0xFFFF_FFFFL, false, t) | toInt(b1 >>> 32, false, t) << 32);
            }
            case CVTPD2DQ, CVTTPD2DQ -> {
                boolean t = op == Op.CVTTPD2DQ;
                return result(in, d, toInt(b0, true, t) | toInt(b1, true, t) << 32, 0);
            }
            case UNPCKLPS -> { return put(d, (a0 & 0xFFFF_FFFFL) | b0 << 32, (a0 >>> 32) | (b0 & ~0xFFFF_FFFFL)); }
            case UNPCKHPS -> { return put(d, (a1 & 0xFFFF_FFFFL) | b1 << 32, (a1 >>> 32) | (b1 & ~0xFFFF_FFFFL)); }
            case UNPCKLPD, PUNPCKLQDQ -> { return put(d, a0, b0); }
            case UNPCKHPD, PUNPCKHQDQ -> { return put(d, a1, b1); }
            case SHUFPS -> {
                int i = (int) in.imm;
                return put(d, dword(a0, a1, i & 3) | dword(a0, a1, (i >>> 2) & 3) << 32,
                        dword(b0, b1, (i >>> 4) & 3) | dword(b0, b1, (i >>> 6) & 3) << 32);
            }
            case SHUFPD -> {
                int i = (int) in.imm;
                return put(d, (i & 1) == 0 ? a0 : a1, (i & 2) == 0 ? b0 : b1);
            }
            case PSHUFD -> {
                int i = (int) in.imm;
                return put(d, dword(b0, b1, i & 3) | dword(b0, b1, (i >>> 2) & 3) << 32,
                        dword(b0, b1, (i >>> 4) & 3) | dword(b0, b1, (i >>> 6) & 3) << 32);
            }
            case PSHUFLW -> { return put(d, shuffleWords(b0, (int) in.imm), b1); }
            case PSHUFHW -> { return put(d, b0, shuffleWords(b1, (int) in.imm)); }
            case PUNPCKLBW, PUNPCKLWD, PUNPCKLDQ -> {
                int w = op == Op.PUNPCKLBW ? 8 : op == Op.PUNPCKLWD ? 16 : 32;
                return put(d, interleave(a0, b0, w, 0), interleave(a0, b0, w, 32));
            }
            case PUNPCKHBW, PUNPCKHWD, PUNPCKHDQ -> {
                int w = op == Op.PUNPCKHBW ? 8 : op == Op.PUNPCKHWD ? 16 : 32;
                return put(d, interleave(a1, b1, w, 0), interleave(a1, b1, w, 32));
            }
            case PACKSSWB, PACKUSWB -> {
                boolean u = op == Op.PACKUSWB;
                return put(d, pack16(a0, u) | pack16(a1, u) << 32, pack16(b0, u) | pack16(b1, u) << 32);
            }
            case PACKSSDW -> { return put(d, pack32(a0) | pack32(a1) << 32, pack32(b0) | pack32(b1) << 32); }
            case PSRLW, PSRLD, PSRLQ, PSRAW, PSRAD, PSLLW, PSLLD, PSLLQ -> {
                long count = in.srcKind == XMM || in.srcKind == MEM ? b0 : in.imm & 0xFF;  // the low quadword counts
                if (in.dstKind != XMM) d = in.srcReg;  // the immediate forms: the register is ModRM.rm
                if (in.srcKind != XMM && in.srcKind != MEM) { a0 = x[2 * d]; a1 = x[2 * d + 1]; }
                return put(d, shiftLanes(op, a0, count), shiftLanes(op, a1, count));
            }
            case PSRLDQ, PSLLDQ -> {
                int n = (int) Math.min(in.imm & 0xFF, 16);
                int reg = in.dstKind == XMM ? d : in.srcReg;
                long p0 = x[2 * reg], p1 = x[2 * reg + 1];
                return op == Op.PSRLDQ ? put(reg, shr128Lo(p0, p1, n * 8), shr128Hi(p1, n * 8))
                        : put(reg, shl128Lo(p0, n * 8), shl128Hi(p0, p1, n * 8));
            }
            case PMULUDQ -> { return put(d, (a0 & 0xFFFF_FFFFL) * (b0 & 0xFFFF_FFFFL), (a1 & 0xFFFF_FFFFL) * (b1 & 0xFFFF_FFFFL)); }
            case PMADDWD -> { return put(d, madd(a0, b0), madd(a1, b1)); }
            case PSADBW -> { return put(d, sad(a0, b0), sad(a1, b1)); }
            case PAND -> { return put(d, a0 & b0, a1 & b1); }
            case PANDN -> { return put(d, ~a0 & b0, ~a1 & b1); }
            case POR -> { return put(d, a0 | b0, a1 | b1); }
            case PXOR -> { return put(d, a0 ^ b0, a1 ^ b1); }
            default -> {
                int kind = laneKind(op);
                if (kind < 0) return Vectors.fault(Vectors.UD, 0);
                int w = laneWidth(op);
                return put(d, lanes(kind, w, a0, b0), lanes(kind, w, a1, b1));
            }
        }
    }

    // ---- operands ----

    /** Loads the source into lo/hi: the XMM register, or {@code size} bytes of memory (zero-extended). */
    private long load(Insn in, long next, int size, boolean aligned) {
        if (in.srcKind == XMM) {
            lo = x[2 * in.srcReg];
            hi = x[2 * in.srcReg + 1];
            return 0;
        }
        if (in.srcKind != MEM) { lo = hi = 0; return 0; }
        long ea = Addressing.linear(s, in, next);
        if (aligned && (ea & 15) != 0) return Vectors.fault(Vectors.GP, 0);
        if (size == 16) {  // a 16-byte operand is not alignment-checked (SDM Vol. 2, 2.4, exception types 1 and 4)
            bus.alignmentExempt = true;
            lo = bus.read(ea, 8);
            hi = bus.read(ea + 8, 8);
            bus.alignmentExempt = false;
        } else {
            lo = bus.read(ea, size);
            hi = 0;
        }
        return bus.abort != null ? Vectors.MEMORY : 0;
    }

    private long store(Insn in, long next, int size, boolean aligned, long v0, long v1) {
        if (in.dstKind == XMM) return put(in.dstReg, v0, v1);  // the register forms of the 16-byte stores
        long ea = Addressing.linear(s, in, next);
        if (aligned && (ea & 15) != 0) return Vectors.fault(Vectors.GP, 0);
        if (size == 16) {
            bus.alignmentExempt = true;
            bus.write(ea, 8, v0);
            bus.write(ea + 8, 8, v1);
            bus.alignmentExempt = false;
        } else {
            bus.write(ea, size, v0);
        }
        return bus.abort != null ? Vectors.MEMORY : 0;
    }

    private long put(int reg, long v0, long v1) {
        x[2 * reg] = v0;
        x[2 * reg + 1] = v1;
        return 0;
    }

    /** Writes a floating-point result unless an unmasked exception was raised; the flags go to MXCSR either way. */
    private long result(Insn in, int reg, long v0, long v1) {
        long fault = flagsFault();
        if (fault != 0) return fault;
        return put(reg, v0, v1);
    }

    private long flagsFault() {
        int fl = m.flags & 0x3F;
        s.mxcsr |= fl;
        if ((fl & ~(s.mxcsr >>> 7)) == 0) return 0;
        return (s.cr4 & CR4_OSXMMEXCPT) != 0 ? Vectors.fault(Vectors.XM, 0) : Vectors.fault(Vectors.UD, 0);
    }

    /** The memory operand size of an instruction that reads a source. */
    private static int memorySize(Op op) {
        return switch (op) {
            case ADDSS, SUBSS, MULSS, DIVSS, MINSS, MAXSS, SQRTSS, UCOMISS, COMISS, CMPSS, CVTSS2SD, CVTSS2SI, CVTTSS2SI -> 4;
            case ADDSD, SUBSD, MULSD, DIVSD, MINSD, MAXSD, SQRTSD, UCOMISD, COMISD, CMPSD_X, CVTSD2SS, CVTSD2SI, CVTTSD2SI,
                    CVTPS2PD, CVTDQ2PD -> 8;
            default -> 16;
        };
    }

    // ---- floating point helpers ----

    private static int arith(Op op) {
        return switch (op) {
            case ADDPS, ADDSS, ADDPD, ADDSD -> SseMath.ADD;
            case SUBPS, SUBSS, SUBPD, SUBSD -> SseMath.SUB;
            case MULPS, MULSS, MULPD, MULSD -> SseMath.MUL;
            case DIVPS, DIVSS, DIVPD, DIVSD -> SseMath.DIV;
            case MINPS, MINSS, MINPD, MINSD -> SseMath.MIN;
            case MAXPS, MAXSS, MAXPD, MAXSD -> SseMath.MAX;
            default -> SseMath.SQRT;
        };
    }

    private long packS(int f, long a, long b) {
        return m.arithmetic(f, a & 0xFFFF_FFFFL, b & 0xFFFF_FFFFL, false) | m.arithmetic(f, a >>> 32, b >>> 32, false) << 32;
    }

    /** The compare predicates of CMPPS (imm8 0-7): EQ LT LE UNORD NEQ NLT NLE ORD; LT, LE, NLT, NLE signal on QNaN. */
    private boolean cmp(int pred, long a, long b, boolean dbl) {
        boolean signaling = pred == 1 || pred == 2 || pred == 5 || pred == 6;
        int c = m.compare(a, b, dbl, signaling);
        return switch (pred) {
            case 0 -> c == 0;
            case 1 -> c == -1;
            case 2 -> c == -1 || c == 0;
            case 3 -> c == 2;
            case 4 -> c != 0;
            case 5 -> c != -1;
            case 6 -> c == 1 || c == 2;
            default -> c != 2;
        };
    }

    private long cmpLane(int pred, long a, long b, int shift) {
        return cmp(pred, (a >>> shift) & 0xFFFF_FFFFL, (b >>> shift) & 0xFFFF_FFFFL, false) ? 0xFFFF_FFFFL << shift : 0;
    }

    private long toInt(long v, boolean dbl, boolean truncate) { return m.toInteger(v, dbl, 32, truncate) & 0xFFFF_FFFFL; }

    // ---- integer helpers ----

    static long byteSigns(long v) {
        long r = 0;
        for (int i = 0; i < 8; i++) r |= ((v >>> (8 * i + 7)) & 1) << i;
        return r;
    }

    private static long dword(long q0, long q1, int i) {
        long q = i < 2 ? q0 : q1;
        return (i & 1) == 0 ? q & 0xFFFF_FFFFL : q >>> 32;
    }

    static long shuffleWords(long q, int imm) {
        long r = 0;
        for (int i = 0; i < 4; i++) r |= ((q >>> (16 * ((imm >>> (2 * i)) & 3))) & 0xFFFF) << (16 * i);
        return r;
    }

    /** Interleaves the lanes of width {@code w} of a and b from bit {@code from} of each (32 bits of each). */
    static long interleave(long a, long b, int w, int from) {
        long r = 0, mask = w == 64 ? -1L : (1L << w) - 1;
        int n = 32 / w;
        for (int i = 0; i < n; i++) {
            long ea = (a >>> (from + w * i)) & mask, eb = (b >>> (from + w * i)) & mask;
            r |= ea << (2 * w * i) | eb << (2 * w * i + w);
        }
        return r;
    }

    /** Four signed words to four saturated bytes (signed, or unsigned for PACKUSWB). */
    static long pack16(long q, boolean unsigned) {
        long r = 0;
        for (int i = 0; i < 4; i++) {
            int v = (short) (q >>> (16 * i));
            int c = unsigned ? Math.max(0, Math.min(255, v)) : Math.max(-128, Math.min(127, v));
            r |= (long) (c & 0xFF) << (8 * i);
        }
        return r;
    }

    static long pack32(long q) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            int v = (int) (q >>> (32 * i));
            int c = Math.max(-32768, Math.min(32767, v));
            r |= (long) (c & 0xFFFF) << (16 * i);
        }
        return r;
    }

    static long shiftLanes(Op op, long q, long count) {
        int w = switch (op) {
            case PSRLW, PSRAW, PSLLW -> 16;
            case PSRLD, PSRAD, PSLLD -> 32;
            default -> 64;
        };
        boolean arith = op == Op.PSRAW || op == Op.PSRAD, left = op == Op.PSLLW || op == Op.PSLLD || op == Op.PSLLQ;
        if (Long.compareUnsigned(count, w - 1) > 0) {
            if (!arith) return 0;
            count = w - 1;
        }
        int c = (int) count;
        if (w == 64) return left ? q << c : q >>> c;
        long mask = (1L << w) - 1, r = 0;
        for (int i = 0; i < 64 / w; i++) {
            long lane = (q >>> (w * i)) & mask;
            long v = left ? lane << c : arith ? (lane << (64 - w) >> (64 - w)) >> c : lane >>> c;
            r |= (v & mask) << (w * i);
        }
        return r;
    }

    private static long shr128Lo(long p0, long p1, int n) {
        if (n == 0) return p0;
        if (n >= 128) return 0;
        if (n >= 64) return n == 64 ? p1 : p1 >>> (n - 64);
        return (p0 >>> n) | (p1 << (64 - n));
    }

    private static long shr128Hi(long p1, int n) { return n >= 64 ? 0 : p1 >>> n; }

    private static long shl128Lo(long p0, int n) { return n >= 64 ? 0 : p0 << n; }

    private static long shl128Hi(long p0, long p1, int n) {
        if (n == 0) return p1;
        if (n >= 128) return 0;
        if (n >= 64) return n == 64 ? p0 : p0 << (n - 64);
        return (p1 << n) | (p0 >>> (64 - n));
    }

    static long madd(long a, long b) {
        long r = 0;
        for (int i = 0; i < 2; i++) {
            int s0 = (short) (a >>> (32 * i)) * (short) (b >>> (32 * i));
            int s1 = (short) (a >>> (32 * i + 16)) * (short) (b >>> (32 * i + 16));
            r |= ((s0 + s1) & 0xFFFF_FFFFL) << (32 * i);
        }
        return r;
    }

    static long sad(long a, long b) {
        long sum = 0;
        for (int i = 0; i < 8; i++) sum += Math.abs((int) ((a >>> (8 * i)) & 0xFF) - (int) ((b >>> (8 * i)) & 0xFF));
        return sum;
    }

    private static final int ADD = 0, SUB = 1, ADDUS = 2, SUBUS = 3, ADDS = 4, SUBS = 5, EQ = 6, GT = 7, MINU = 8,
            MAXU = 9, MINS = 10, MAXS = 11, AVG = 12, MULLO = 13, MULHI = 14, MULHIU = 15;

    static int laneKind(Op op) {
        return switch (op) {
            case PADDB, PADDW, PADDD, PADDQ -> ADD;
            case PSUBB, PSUBW, PSUBD, PSUBQ -> SUB;
            case PADDUSB, PADDUSW -> ADDUS;
            case PSUBUSB, PSUBUSW -> SUBUS;
            case PADDSB, PADDSW -> ADDS;
            case PSUBSB, PSUBSW -> SUBS;
            case PCMPEQB, PCMPEQW, PCMPEQD -> EQ;
            case PCMPGTB, PCMPGTW, PCMPGTD -> GT;
            case PMINUB -> MINU;
            case PMAXUB -> MAXU;
            case PMINSW -> MINS;
            case PMAXSW -> MAXS;
            case PAVGB, PAVGW -> AVG;
            case PMULLW -> MULLO;
            case PMULHW -> MULHI;
            case PMULHUW -> MULHIU;
            default -> -1;
        };
    }

    static int laneWidth(Op op) {
        return switch (op) {
            case PADDB, PSUBB, PADDUSB, PSUBUSB, PADDSB, PSUBSB, PCMPEQB, PCMPGTB, PMINUB, PMAXUB, PAVGB -> 8;
            case PADDD, PSUBD, PCMPEQD, PCMPGTD -> 32;
            case PADDQ, PSUBQ -> 64;
            default -> 16;
        };
    }

    /** A lane-wise operation on the lanes of width {@code w} of one quadword of each operand. */
    static long lanes(int kind, int w, long a, long b) {
        if (w == 64) return kind == ADD ? a + b : a - b;
        long mask = (1L << w) - 1, r = 0;
        int sh = 64 - w;
        long max = (1L << (w - 1)) - 1, min = -(1L << (w - 1));
        for (int i = 0; i < 64 / w; i++) {
            long ua = (a >>> (w * i)) & mask, ub = (b >>> (w * i)) & mask;
            long sa = ua << sh >> sh, sb = ub << sh >> sh;
            long v = switch (kind) {
                case ADD -> ua + ub;
                case SUB -> ua - ub;
                case ADDUS -> Math.min(mask, ua + ub);
                case SUBUS -> Math.max(0, ua - ub);
                case ADDS -> Math.max(min, Math.min(max, sa + sb));
                case SUBS -> Math.max(min, Math.min(max, sa - sb));
                case EQ -> ua == ub ? mask : 0;
                case GT -> sa > sb ? mask : 0;
                case MINU -> Math.min(ua, ub);
                case MAXU -> Math.max(ua, ub);
                case MINS -> Math.min(sa, sb);
                case MAXS -> Math.max(sa, sb);
                case AVG -> (ua + ub + 1) >>> 1;
                case MULLO -> sa * sb;
                case MULHI -> (sa * sb) >> w;
                default -> (ua * ub) >>> w;
            };
            r |= (v & mask) << (w * i);
        }
        return r;
    }
}
