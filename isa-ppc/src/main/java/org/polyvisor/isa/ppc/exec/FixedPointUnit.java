package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;

import static org.polyvisor.isa.ppc.exec.PpcCpu.carryOut32;
import static org.polyvisor.isa.ppc.exec.PpcCpu.overflow32;

/**
 * Fixed-point arithmetic, logical and compare instructions (Book I 3.3.9 - 3.3.13), computed on 64-bit GPRs
 * with the 32-bit-mode rules for CR0, CA and OV.
 */
final class FixedPointUnit {
    private FixedPointUnit() { }

    static void execute(PpcCpu c, Insn i) {
        long[] r = c.gpr;
        switch (i.op) {
            case ADDI -> r[i.rt] = (i.ra == 0 ? 0 : r[i.ra]) + i.simm;
            case ADDIS -> r[i.rt] = (i.ra == 0 ? 0 : r[i.ra]) + (i.simm << 16);
            case ADDIC -> r[i.rt] = addCarrying(c, r[i.ra], i.simm, 0);
            case ADDIC_RC -> c.recordCr0(r[i.rt] = addCarrying(c, r[i.ra], i.simm, 0));
            case SUBFIC -> r[i.rt] = addCarrying(c, ~r[i.ra], i.simm, 1);
            case MULLI -> r[i.rt] = r[i.ra] * i.simm;
            case ANDI_RC -> c.recordCr0(r[i.ra] = r[i.rt] & i.uimm);
            case ANDIS_RC -> c.recordCr0(r[i.ra] = r[i.rt] & (i.uimm << 16));
            case ORI -> r[i.ra] = r[i.rt] | i.uimm;
            case ORIS -> r[i.ra] = r[i.rt] | (i.uimm << 16);
            case XORI -> r[i.ra] = r[i.rt] ^ i.uimm;
            case XORIS -> r[i.ra] = r[i.rt] ^ (i.uimm << 16);
            case ADD -> arith(c, i, r[i.ra], r[i.rb], 0, false);
            case ADDC -> arith(c, i, r[i.ra], r[i.rb], 0, true);
            case ADDE -> arith(c, i, r[i.ra], r[i.rb], c.carry() ? 1 : 0, true);
            case SUBF -> arith(c, i, ~r[i.ra], r[i.rb], 1, false);
            case SUBFC -> arith(c, i, ~r[i.ra], r[i.rb], 1, true);
            case SUBFE -> arith(c, i, ~r[i.ra], r[i.rb], c.carry() ? 1 : 0, true);
            case ADDZE -> arith(c, i, r[i.ra], 0, c.carry() ? 1 : 0, true);
            case ADDME -> arith(c, i, r[i.ra], -1, c.carry() ? 1 : 0, true);
            case SUBFZE -> arith(c, i, ~r[i.ra], 0, c.carry() ? 1 : 0, true);
            case SUBFME -> arith(c, i, ~r[i.ra], -1, c.carry() ? 1 : 0, true);
            case NEG -> arith(c, i, ~r[i.ra], 0, 1, false);
            case MULLW -> {
                long p = (long) (int) r[i.ra] * (int) r[i.rb];
                finish(c, i, p, p != (int) p);
            }
            case MULHW -> finish(c, i, ((long) (int) r[i.ra] * (int) r[i.rb]) >> 32, false);
            case MULHWU -> finish(c, i, ((r[i.ra] & 0xffff_ffffL) * (r[i.rb] & 0xffff_ffffL)) >>> 32, false);
            case DIVW -> {
                int a = (int) r[i.ra], b = (int) r[i.rb];
                boolean undefined = b == 0 || (a == Integer.MIN_VALUE && b == -1);
                // The quotient is undefined on overflow (Book I 3.3.9); like qemu-ppc (conformance/qemu), RT gets RA.
                finish(c, i, undefined ? a : a / b, undefined);
            }
            case DIVWU -> {
                int a = (int) r[i.ra], b = (int) r[i.rb];
                // Division by zero leaves RT undefined; like qemu-ppc, RT gets RA.
                finish(c, i, Integer.toUnsignedLong(b == 0 ? a : Integer.divideUnsigned(a, b)), b == 0);
            }
            case AND -> logical(c, i, r[i.rt] & r[i.rb]);
            case ANDC -> logical(c, i, r[i.rt] & ~r[i.rb]);
            case OR -> logical(c, i, r[i.rt] | r[i.rb]);
            case ORC -> logical(c, i, r[i.rt] | ~r[i.rb]);
            case XOR -> logical(c, i, r[i.rt] ^ r[i.rb]);
            case NAND -> logical(c, i, ~(r[i.rt] & r[i.rb]));
            case NOR -> logical(c, i, ~(r[i.rt] | r[i.rb]));
            case EQV -> logical(c, i, ~(r[i.rt] ^ r[i.rb]));
            case EXTSB -> logical(c, i, (byte) r[i.rt]);
            case EXTSH -> logical(c, i, (short) r[i.rt]);
            case CNTLZW -> logical(c, i, Integer.numberOfLeadingZeros((int) r[i.rt]));
            case CMPI -> c.setCrField(i.rt >>> 2, wide(i) ? Long.compare(r[i.ra], i.simm) : Integer.compare((int) r[i.ra], (int) i.simm));
            case CMPLI -> c.setCrField(i.rt >>> 2, wide(i) ? Long.compareUnsigned(r[i.ra], i.uimm) : Integer.compareUnsigned((int) r[i.ra], (int) i.uimm));
            case CMP -> c.setCrField(i.rt >>> 2, wide(i) ? Long.compare(r[i.ra], r[i.rb]) : Integer.compare((int) r[i.ra], (int) r[i.rb]));
            case CMPL -> c.setCrField(i.rt >>> 2, wide(i) ? Long.compareUnsigned(r[i.ra], r[i.rb]) : Integer.compareUnsigned((int) r[i.ra], (int) r[i.rb]));
            default -> throw new IllegalStateException("not a fixed-point op: " + i.op);
        }
    }

    /** The L bit of the compares: 1 compares doublewords (cmpd), 0 words (cmpw). */
    private static boolean wide(Insn i) { return (i.rt & 1) != 0; }

    private static long addCarrying(PpcCpu c, long a, long b, long cin) {
        c.setCarry(carryOut32(a, b, cin));
        return a + b + cin;
    }

    /** XO-form sum {@code a + b + cin} into RT, with CA if the instruction sets it, OV if OE, CR0 if Rc. */
    private static void arith(PpcCpu c, Insn i, long a, long b, long cin, boolean setsCarry) {
        long result = a + b + cin;
        if (setsCarry) c.setCarry(carryOut32(a, b, cin));
        finish(c, i, result, overflow32(a, b, result));
    }

    private static void finish(PpcCpu c, Insn i, long result, boolean overflow) {
        c.gpr[i.rt] = result;
        if (i.oe) c.setOverflow(overflow);
        if (i.rc) c.recordCr0(result);
    }

    private static void logical(PpcCpu c, Insn i, long result) {
        c.gpr[i.ra] = result;
        if (i.rc) c.recordCr0(result);
    }
}
