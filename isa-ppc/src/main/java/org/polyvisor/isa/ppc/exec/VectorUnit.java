package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * The AltiVec unit of the 7400 (AltiVec Technology Programming Environments Manual, chapters 4-6): the 32 vector
 * registers are pairs of longs in {@link PpcCpu#vr} (element 0, the most significant byte, first). With
 * MSR[VEC] = 0 every instruction raises the vector unavailable interrupt (0xF20) and changes nothing.
 * <ul>
 * <li>Loads and stores: lvx/stvx (and the LRU hint forms lvxl/stvxl) on the quadword at EA & ~15; the element forms
 * move the byte, halfword or word at EA (aligned down) to or from its element slot, leaving the other elements of
 * VRT as they were; lvsl/lvsr build the permute control vectors from EA & 15.</li>
 * <li>Permutes, merges, splats, packs (modulo and saturating) and unpacks; modulo, carry-out and saturating integer
 * arithmetic (setting VSCR[SAT]), even/odd multiplies and multiply-sums, max, min, average, logical operations,
 * element rotates and shifts, whole-register shifts; the integer compares, whose record forms set CR6 to 0b1000
 * (all elements true), 0b0010 (none true) or 0; mfvscr/mtvscr.</li>
 * <li>Single-precision floating point ({@link VectorFloat}): add, subtract, the fused multiply-adds, max, min, the
 * estimates, rounding to integral values, the scaled conversions, and the compares (vcmpbfp's record form sets
 * CR6 bit 2 when every element is within its bounds).</li>
 * </ul>
 * The result is built in {@link Lanes} and written to VRT at the end, so VRT may be any source register; data
 * movement is {@link VectorPermute}'s, integer arithmetic {@link VectorInteger}'s. Nothing allocates.
 */
final class VectorUnit {
    /** VSCR bits: non-Java mode (bit 15) and saturation (bit 31). */
    static final int VSCR_NJ = 0x0001_0000, VSCR_SAT = 1;

    private final PpcCpu c;
    private final DataBus bus;
    private final Lanes lanes;
    private final VectorPermute permute;
    private final VectorInteger integer;
    private final VectorFloat fp = new VectorFloat();

    VectorUnit(PpcCpu c, DataBus bus) {
        this.c = c;
        this.bus = bus;
        this.lanes = new Lanes(c.vr);
        this.permute = new VectorPermute(lanes);
        this.integer = new VectorInteger(lanes);
    }

    VcpuExit execute(Insn i) {
        if ((c.msr & PpcCpu.MSR_VEC) == 0) return c.raise(Vectors.VECTOR_UNAVAILABLE, 0, i.word);
        switch (i.op) {
            case LVX, LVXL -> { return loadQuad(i); }
            case STVX, STVXL -> { return storeQuad(i); }
            case LVEBX -> { return loadElement(i, 1); }
            case LVEHX -> { return loadElement(i, 2); }
            case LVEWX -> { return loadElement(i, 4); }
            case STVEBX -> { return storeElement(i, 1); }
            case STVEHX -> { return storeElement(i, 2); }
            case STVEWX -> { return storeElement(i, 4); }
            case LVSL, LVSR -> shiftControl(i);
            case MFVSCR -> { lanes.hi = 0; lanes.lo = c.vscr & 0xffff_ffffL; }
            case MTVSCR -> {
                // the reserved bits read back as written, as QEMU keeps them; only NJ and SAT have a meaning
                c.vscr = (int) c.vr[2 * i.rb + 1];
                return null;
            }
            case VAND -> logic(lanes.h(i.ra) & lanes.h(i.rb), lanes.l(i.ra) & lanes.l(i.rb));
            case VANDC -> logic(lanes.h(i.ra) & ~lanes.h(i.rb), lanes.l(i.ra) & ~lanes.l(i.rb));
            case VOR -> logic(lanes.h(i.ra) | lanes.h(i.rb), lanes.l(i.ra) | lanes.l(i.rb));
            case VXOR -> logic(lanes.h(i.ra) ^ lanes.h(i.rb), lanes.l(i.ra) ^ lanes.l(i.rb));
            case VNOR -> logic(~(lanes.h(i.ra) | lanes.h(i.rb)), ~(lanes.l(i.ra) | lanes.l(i.rb)));
            case VSEL -> logic((lanes.h(i.rb) & lanes.h(i.mb)) | (lanes.h(i.ra) & ~lanes.h(i.mb)),
                    (lanes.l(i.rb) & lanes.l(i.mb)) | (lanes.l(i.ra) & ~lanes.l(i.mb)));
            case VPERM -> permute.permute(i);
            case VSLDOI -> permute.shiftDouble(i);
            case VSPLTB -> permute.splat(1, lanes.element(i.rb, 1, i.ra & 15));
            case VSPLTH -> permute.splat(2, lanes.element(i.rb, 2, i.ra & 7));
            case VSPLTW -> permute.splat(4, lanes.element(i.rb, 4, i.ra & 3));
            case VSPLTISB -> permute.splat(1, (i.ra << 27) >> 27);
            case VSPLTISH -> permute.splat(2, (i.ra << 27) >> 27);
            case VSPLTISW -> permute.splat(4, (i.ra << 27) >> 27);
            case VMRGHB -> permute.merge(i, 1, 0);
            case VMRGHH -> permute.merge(i, 2, 0);
            case VMRGHW -> permute.merge(i, 4, 0);
            case VMRGLB -> permute.merge(i, 1, 8);
            case VMRGLH -> permute.merge(i, 2, 8);
            case VMRGLW -> permute.merge(i, 4, 8);
            case VPKUHUM -> permute.pack(i, 2);
            case VPKUWUM -> permute.pack(i, 4);
            case VUPKHSB -> permute.unpack(i, 1, 0);
            case VUPKHSH -> permute.unpack(i, 2, 0);
            case VUPKLSB -> permute.unpack(i, 1, 8);
            case VUPKLSH -> permute.unpack(i, 2, 8);
            case VSL, VSR -> permute.shiftBits(i);
            case VSLO, VSRO -> permute.shiftOctets(i);
            case VMLADDUHM -> integer.multiplyLowAdd(i);
            case VCMPEQUB, VCMPEQUH, VCMPEQUW, VCMPGTUB, VCMPGTUH, VCMPGTUW, VCMPGTSB, VCMPGTSH, VCMPGTSW -> {
                integer.compare(i);
                if (i.oe) c.cr = (c.cr & ~0xf0) | integer.cr6 << 4;
            }
            case VMULEUB, VMULOUB, VMULESB, VMULOSB, VMULEUH, VMULOUH, VMULESH, VMULOSH -> integer.multiply(i);
            case VMSUMUBM, VMSUMMBM, VMSUMUHM, VMSUMUHS, VMSUMSHM, VMSUMSHS -> saturating(i);
            case VPKUHUS, VPKUWUS, VPKSHUS, VPKSWUS, VPKSHSS, VPKSWSS -> saturating(i);
            case VADDFP, VSUBFP, VMADDFP, VNMSUBFP, VMAXFP, VMINFP, VREFP, VRSQRTEFP, VRFIN, VRFIZ, VRFIP, VRFIM,
                 VCFUX, VCFSX, VCTUXS, VCTSXS, VCMPEQFP, VCMPGEFP, VCMPGTFP, VCMPBFP -> floatingPoint(i);
            default -> saturating(i);
        }
        c.vr[2 * i.rt] = lanes.hi;
        c.vr[2 * i.rt + 1] = lanes.lo;
        return null;
    }

    private void logic(long high, long low) {
        lanes.hi = high;
        lanes.lo = low;
    }

    /** The integer operations that may saturate (and the modulo ones that share their path): VSCR[SAT] after. */
    private void saturating(Insn i) {
        switch (i.op) {
            case VMSUMUBM, VMSUMMBM, VMSUMUHM, VMSUMUHS, VMSUMSHM, VMSUMSHS -> integer.multiplySum(i);
            case VPKUHUS, VPKUWUS, VPKSHUS, VPKSWUS, VPKSHSS, VPKSWSS -> integer.packSaturate(i);
            default -> integer.elementwise(i);
        }
        if (integer.saturated) c.vscr |= VSCR_SAT;
    }

    // ---------------------------------------------------------------------------------------------- storage

    private long ea(Insn i) { return c.ea((i.ra == 0 ? 0 : c.gpr[i.ra]) + c.gpr[i.rb]); }

    private VcpuExit loadQuad(Insn i) {
        long ea = ea(i) & ~15L;
        long w0 = bus.load(ea, 4), w1 = bus.exit == null ? bus.load(ea + 4, 4) : 0;
        long w2 = bus.exit == null ? bus.load(ea + 8, 4) : 0, w3 = bus.exit == null ? bus.load(ea + 12, 4) : 0;
        if (bus.exit != null) return failed("lvx", ea);
        c.vr[2 * i.rt] = w0 << 32 | w1;
        c.vr[2 * i.rt + 1] = w2 << 32 | w3;
        return null;
    }

    private VcpuExit storeQuad(Insn i) {
        long ea = ea(i) & ~15L;
        long high = c.vr[2 * i.rt], low = c.vr[2 * i.rt + 1];
        bus.store(ea, 4, high >>> 32);
        if (bus.exit == null) bus.store(ea + 4, 4, high);
        if (bus.exit == null) bus.store(ea + 8, 4, low >>> 32);
        if (bus.exit == null) bus.store(ea + 12, 4, low);
        return bus.exit != null ? failed("stvx", ea) : null;
    }

    private VcpuExit loadElement(Insn i, int size) {
        long ea = ea(i) & -size;
        long v = bus.load(ea, size);
        if (bus.exit != null) return failed("lve", ea);
        lanes.hi = c.vr[2 * i.rt];
        lanes.lo = c.vr[2 * i.rt + 1];
        lanes.put(size, (int) (ea & 15) / size, v);
        c.vr[2 * i.rt] = lanes.hi;
        c.vr[2 * i.rt + 1] = lanes.lo;
        return null;
    }

    private VcpuExit storeElement(Insn i, int size) {
        long ea = ea(i) & -size;
        bus.store(ea, size, lanes.element(i.rt, size, (int) (ea & 15) / size));
        return bus.exit != null ? failed("stve", ea) : null;
    }

    private VcpuExit failed(String what, long ea) {
        VcpuExit e = bus.exit;
        bus.exit = null;
        return e instanceof VcpuExit.Mmio
                ? new VcpuExit.Fault(what + " to MMIO at 0x" + Long.toHexString(ea) + " is not supported", 0)
                : e;
    }

    /** lvsl: bytes sh, sh+1, ..., sh+15; lvsr: 16-sh, ..., 31-sh (sh = EA & 15). */
    private void shiftControl(Insn i) {
        int sh = (int) ea(i) & 15;
        int first = i.op == Op.LVSL ? sh : 16 - sh;
        lanes.hi = 0;
        lanes.lo = 0;
        for (int e = 0; e < 16; e++) lanes.put(1, e, first + e);
    }

    // ---------------------------------------------------------------------------------------------- floating point

    private void floatingPoint(Insn i) {
        VectorFloat f = fp;
        f.nonJava = (c.vscr & VSCR_NJ) != 0;
        f.saturated = false;
        lanes.hi = 0;
        lanes.lo = 0;
        int trues = 0, inBounds = 0;
        for (int e = 0; e < 4; e++) {
            int a = (int) lanes.element(i.ra, 4, e), b = (int) lanes.element(i.rb, 4, e), fc = (int) lanes.element(i.mb, 4, e);
            int uimm = i.ra;
            int r = switch (i.op) {
                case VADDFP -> f.add(a, b);
                case VSUBFP -> f.subtract(a, b);
                case VMADDFP -> f.multiplyAdd(a, fc, b, false);
                case VNMSUBFP -> f.multiplyAdd(a, fc, b, true);
                case VMAXFP -> f.maxMin(a, b, true);
                case VMINFP -> f.maxMin(a, b, false);
                case VREFP -> f.reciprocal(b, false);
                case VRSQRTEFP -> f.reciprocal(b, true);
                case VRFIN -> f.roundToIntegral(b, 0);
                case VRFIZ -> f.roundToIntegral(b, 1);
                case VRFIP -> f.roundToIntegral(b, 2);
                case VRFIM -> f.roundToIntegral(b, 3);
                case VCFUX -> f.fromInteger(b, uimm, false);
                case VCFSX -> f.fromInteger(b, uimm, true);
                case VCTUXS -> f.toInteger(b, uimm, false);
                case VCTSXS -> f.toInteger(b, uimm, true);
                case VCMPBFP -> f.bounds(a, b);
                case VCMPEQFP -> f.compare(a, b, 0) ? -1 : 0;
                case VCMPGEFP -> f.compare(a, b, 1) ? -1 : 0;
                default -> f.compare(a, b, 2) ? -1 : 0;
            };
            if (r == -1) trues++;
            if (r == 0) inBounds++;
            lanes.put(4, e, r);
        }
        if (f.saturated) c.vscr |= VSCR_SAT;
        if (i.oe && (i.word & 0x3f) == 6) {
            int field = i.op == Op.VCMPBFP ? (inBounds == 4 ? 2 : 0) : trues == 4 ? 8 : trues == 0 ? 2 : 0;
            c.cr = (c.cr & ~0xf0) | field << 4;
        }
    }

    /** Set by {@link #saturate} when an element was clamped. */
    private boolean saturated;

}
