package org.polyvisor.isa.ppc.decode;

import java.util.ArrayList;
import java.util.List;

import static org.polyvisor.isa.ppc.decode.Op.*;
import static org.polyvisor.isa.ppc.decode.Validity.*;

/**
 * The encoding table: every pattern this backend decodes, written once, in the field names of the Power ISA
 * (primary opcode in bits 0-5, extended opcode in bits 21-30 or 22-30, OE bit 21, Rc bit 31; bit 0 is the MSB).
 * {@link DecodeTable} builds its lookup structure from this list.
 */
public final class PpcPatterns {
    private PpcPatterns() { }

    private static final int PRIMARY = 0xfc00_0000;
    /** X/XL-form: primary + 10-bit extended opcode + Rc. */
    private static final int X = PRIMARY | 0x7fe;
    /** XO-form: primary + 9-bit extended opcode (OE and Rc left free). */
    private static final int XO = PRIMARY | 0x3fe;
    private static final int RC = 1, OE = 0x400, RB = 0xf800;
    /** A form: extended opcode in bits 26-30, and the FRA, FRB, FRC fields (reserved where an instruction has none). */
    private static final int A = PRIMARY | 0x3e, FRA = 0x001f_0000, FRB_FIELD = 0xf800, FRC = 0x7c0;

    private static int op(int primary) { return primary << 26; }

    private static int x(int primary, int extended) { return op(primary) | extended << 1; }

    /** All patterns, in match order within each primary and extended opcode. */
    public static List<Pattern> all() {
        List<Pattern> t = new ArrayList<>();
        // D-form trap, arithmetic and logical immediates
        d(t, TWI, 3); d(t, MULLI, 7); d(t, SUBFIC, 8); d(t, ADDIC, 12); d(t, ADDIC_RC, 13); d(t, ADDI, 14); d(t, ADDIS, 15);
        d(t, ORI, 24); d(t, ORIS, 25); d(t, XORI, 26); d(t, XORIS, 27); d(t, ANDI_RC, 28); d(t, ANDIS_RC, 29);
        // compare immediate: bit 9 is reserved
        t.add(new Pattern(CMPLI, PRIMARY | 0x40_0000, op(10), ANY));
        t.add(new Pattern(CMPI, PRIMARY | 0x40_0000, op(11), ANY));
        // D-form loads and stores
        d(t, LWZ, 32); d(t, LWZU, 33, LOAD_UPDATE); d(t, LBZ, 34); d(t, LBZU, 35, LOAD_UPDATE);
        d(t, STW, 36); d(t, STWU, 37, STORE_UPDATE); d(t, STB, 38); d(t, STBU, 39, STORE_UPDATE);
        d(t, LHZ, 40); d(t, LHZU, 41, LOAD_UPDATE); d(t, LHA, 42); d(t, LHAU, 43, LOAD_UPDATE);
        d(t, STH, 44); d(t, STHU, 45, STORE_UPDATE); d(t, LMW, 46, LOAD_MULTIPLE); d(t, STMW, 47);
        // M-form rotates (Rc in bit 31 is free)
        t.add(new Pattern(RLWIMI, PRIMARY, op(20), ANY));
        t.add(new Pattern(RLWINM, PRIMARY, op(21), ANY));
        t.add(new Pattern(RLWNM, PRIMARY, op(23), ANY));
        // branches and system call
        t.add(new Pattern(BC, PRIMARY, op(16), ANY));
        t.add(new Pattern(SC, 0xffff_f01f, 0x4400_0002, ANY));
        t.add(new Pattern(B, PRIMARY, op(18), ANY));
        // primary 19: XL-form
        t.add(new Pattern(MCRF_OP, 0xfc63_ffff, x(19, 0), ANY));
        // bclr/bcctr: bits 16-18 reserved, BH (bits 19-20) is a prediction hint
        t.add(new Pattern(BCLR, 0xfc00_e7fe, x(19, 16), ANY));
        t.add(new Pattern(BCCTR, 0xfc00_e7fe, x(19, 528), ANY));
        crLogical(t, CRNOR, 33); crLogical(t, CRANDC, 129); crLogical(t, CRXOR, 193); crLogical(t, CRNAND, 225);
        crLogical(t, CRAND, 257); crLogical(t, CREQV, 289); crLogical(t, CRORC, 417); crLogical(t, CROR, 449);
        t.add(new Pattern(ISYNC, 0xffff_ffff, x(19, 150), ANY));
        t.add(new Pattern(RFI, 0xffff_ffff, x(19, 50), ANY));
        // primary 31: XO-form arithmetic
        xo(t, SUBFC, 8, 0); xo(t, ADDC, 10, 0); xo(t, SUBF, 40, 0); xo(t, NEG, 104, RB);
        xo(t, SUBFE, 136, 0); xo(t, ADDE, 138, 0); xo(t, SUBFZE, 200, RB); xo(t, ADDZE, 202, RB);
        xo(t, SUBFME, 232, RB); xo(t, ADDME, 234, RB); xo(t, MULLW, 235, 0); xo(t, ADD, 266, 0);
        xo(t, DIVWU, 459, 0); xo(t, DIVW, 491, 0);
        xo(t, MULHWU, 11, OE); xo(t, MULHW, 75, OE);
        t.add(new Pattern(TW, X | RC, x(31, 4), ANY));
        // primary 31: X-form logical, shifts, extends (RS in bits 6-10, RA in 11-15)
        xr(t, SLW, 24, 0); xr(t, CNTLZW, 26, RB); xr(t, AND, 28, 0); xr(t, ANDC, 60, 0); xr(t, NOR, 124, 0);
        xr(t, EQV, 284, 0); xr(t, XOR, 316, 0); xr(t, ORC, 412, 0); xr(t, OR, 444, 0); xr(t, NAND, 476, 0);
        xr(t, SRW, 536, 0); xr(t, SRAW, 792, 0); xr(t, SRAWI, 824, 0); xr(t, EXTSH, 922, RB); xr(t, EXTSB, 954, RB);
        // compares: bit 9 and bit 31 are reserved
        t.add(new Pattern(CMP, PRIMARY | 0x40_07ff, x(31, 0), ANY));
        t.add(new Pattern(CMPL, PRIMARY | 0x40_07ff, x(31, 32), ANY));
        // X-form indexed loads and stores (bit 31 reserved)
        xl(t, LWZX, 23, ANY); xl(t, LWZUX, 55, LOAD_UPDATE); xl(t, LBZX, 87, ANY); xl(t, LBZUX, 119, LOAD_UPDATE);
        xl(t, STWX, 151, ANY); xl(t, STWUX, 183, STORE_UPDATE); xl(t, STBX, 215, ANY); xl(t, STBUX, 247, STORE_UPDATE);
        xl(t, LHZX, 279, ANY); xl(t, LHZUX, 311, LOAD_UPDATE); xl(t, LHAX, 343, ANY); xl(t, LHAUX, 375, LOAD_UPDATE);
        xl(t, STHX, 407, ANY); xl(t, STHUX, 439, STORE_UPDATE);
        xl(t, LWBRX, 534, ANY); xl(t, STWBRX, 662, ANY); xl(t, LHBRX, 790, ANY); xl(t, STHBRX, 918, ANY);
        // lwarx (its EH hint in bit 31 is free); stwcx. always has Rc = 1
        t.add(new Pattern(LWARX, X, x(31, 20), ANY));
        t.add(new Pattern(STWCX_RC, X | RC, x(31, 150) | 1, ANY));
        // cache block operations: bits 6-10 reserved (dcbf's L field must be 0 here)
        cache(t, DCBST, 54); cache(t, DCBF, 86); cache(t, DCBI, 470); cache(t, ICBI, 982); cache(t, DCBZ, 1014);
        // machine state register: mfmsr has RA = RB = 0; mtmsr has its L bit (bit 15) free
        t.add(new Pattern(MFMSR, 0xfc1f_ffff, x(31, 83), ANY));
        t.add(new Pattern(MTMSR, 0xfc1e_ffff, x(31, 146), ANY));
        // condition register and special purpose register moves
        t.add(new Pattern(MFCR, 0xfc1f_ffff, x(31, 19), ANY));
        t.add(new Pattern(MCRXR, 0xfc7f_ffff, x(31, 512), ANY));
        // load/store string
        xl(t, LSWX, 533, LOAD_STRING_INDEXED); xl(t, LSWI, 597, ANY); xl(t, STSWX, 661, ANY); xl(t, STSWI, 725, ANY);
        // mtcrf: bits 11 and 20 are reserved (FXM in 12-19)
        t.add(new Pattern(MTCRF, 0xfc10_0fff, x(31, 144), ANY));
        t.add(new Pattern(MFSPR, X | RC, x(31, 339), ANY));
        t.add(new Pattern(MTSPR, X | RC, x(31, 467), ANY));
        // storage synchronisation: sync with L = 0 (hwsync) or 1 (lwsync)
        t.add(new Pattern(SYNC, 0xffdf_ffff, x(31, 598), ANY));
        t.add(new Pattern(EIEIO, 0xffff_ffff, x(31, 854), ANY));
        // time base: the TBR field (swapped like an SPR) must be 268 or 269
        t.add(new Pattern(MFTB, 0xfc1f_ffff, x(31, 371) | 12 << 16 | 8 << 11, ANY));
        t.add(new Pattern(MFTB, 0xfc1f_ffff, x(31, 371) | 13 << 16 | 8 << 11, ANY));
        // segment registers: SR in bits 12-15 (bit 11 reserved), or EA bits 0-3 from RB; TLB management
        t.add(new Pattern(MTSR, X | RC | 0x0010_f800, x(31, 210), ANY));
        t.add(new Pattern(MFSR, X | RC | 0x0010_f800, x(31, 595), ANY));
        t.add(new Pattern(MTSRIN, X | RC | 0x001f_0000, x(31, 242), ANY));
        t.add(new Pattern(MFSRIN, X | RC | 0x001f_0000, x(31, 659), ANY));
        t.add(new Pattern(TLBIE, X | RC | 0x001f_0000, x(31, 306), ANY));
        t.add(new Pattern(TLBSYNC, 0xffff_ffff, x(31, 566), ANY));
        // floating-point loads and stores: update forms with RA = 0 are invalid (RA = FRT is fine: different files)
        d(t, LFS, 48); d(t, LFSU, 49, STORE_UPDATE); d(t, LFD, 50); d(t, LFDU, 51, STORE_UPDATE);
        d(t, STFS, 52); d(t, STFSU, 53, STORE_UPDATE); d(t, STFD, 54); d(t, STFDU, 55, STORE_UPDATE);
        xl(t, LFSX, 535, ANY); xl(t, LFSUX, 567, STORE_UPDATE); xl(t, LFDX, 599, ANY); xl(t, LFDUX, 631, STORE_UPDATE);
        xl(t, STFSX, 663, ANY); xl(t, STFSUX, 695, STORE_UPDATE); xl(t, STFDX, 727, ANY); xl(t, STFDUX, 759, STORE_UPDATE);
        // primary 63 moves: RA (bits 11-15) reserved, Rc free
        fpMove(t, FNEG, 40); fpMove(t, FMR, 72); fpMove(t, FNABS, 136); fpMove(t, FABS, 264);
        // compares: bits 9-10 and 31 reserved; mffs: RA, RB reserved; mtfsf: bits 6 (L) and 15 (W) reserved
        t.add(new Pattern(FCMPU, X | RC | 0x0060_0000, x(63, 0), ANY));
        t.add(new Pattern(FCMPO, X | RC | 0x0060_0000, x(63, 32), ANY));
        t.add(new Pattern(MFFS, X | 0x001f_f800, x(63, 583), ANY));
        t.add(new Pattern(MTFSF, X | 0x0201_0000, x(63, 711), ANY));
        // FPSCR bit and field moves: mtfsfi with W (bit 15) and bits 9-15, 20 reserved; mcrfs like mcrf
        t.add(new Pattern(MTFSFI, X | 0x007f_0800, x(63, 134), ANY));
        t.add(new Pattern(MTFSB0, X | 0x001f_f800, x(63, 70), ANY));
        t.add(new Pattern(MTFSB1, X | 0x001f_f800, x(63, 38), ANY));
        t.add(new Pattern(MCRFS, X | RC | 0x0063_f800, x(63, 64), ANY));
        xl(t, STFIWX, 983, ANY);
        // rounding and conversion: RA reserved
        fpMove(t, FRSP, 12); fpMove(t, FCTIW, 14); fpMove(t, FCTIWZ, 15);
        // A-form arithmetic: 5-bit extended opcode in bits 26-30; unused operand fields reserved
        arith(t, FDIV, 63, 18, FRC); arith(t, FSUB, 63, 20, FRC); arith(t, FADD, 63, 21, FRC);
        arith(t, FSQRT, 63, 22, FRA | FRC); arith(t, FSEL, 63, 23, 0); arith(t, FMUL, 63, 25, FRB_FIELD);
        arith(t, FRSQRTE, 63, 26, FRA | FRC);
        arith(t, FMSUB, 63, 28, 0); arith(t, FMADD, 63, 29, 0); arith(t, FNMSUB, 63, 30, 0); arith(t, FNMADD, 63, 31, 0);
        arith(t, FDIVS, 59, 18, FRC); arith(t, FSUBS, 59, 20, FRC); arith(t, FADDS, 59, 21, FRC);
        arith(t, FSQRTS, 59, 22, FRA | FRC); arith(t, FRES, 59, 24, FRA | FRC); arith(t, FMULS, 59, 25, FRB_FIELD);
        arith(t, FMSUBS, 59, 28, 0); arith(t, FMADDS, 59, 29, 0); arith(t, FNMSUBS, 59, 30, 0); arith(t, FNMADDS, 59, 31, 0);
        altivec(t);
        return t;
    }

    /** AltiVec: X-form loads and stores in primary 31; VA (6-bit), VX (11-bit) and VC (10-bit + Rc) forms in primary 4. */
    private static void altivec(List<Pattern> t) {
        xl(t, LVSL, 6, ANY); xl(t, LVEBX, 7, ANY); xl(t, LVSR, 38, ANY); xl(t, LVEHX, 39, ANY); xl(t, LVEWX, 71, ANY);
        xl(t, LVX, 103, ANY); xl(t, STVEBX, 135, ANY); xl(t, STVEHX, 167, ANY); xl(t, STVEWX, 199, ANY);
        xl(t, STVX, 231, ANY); xl(t, LVXL, 359, ANY); xl(t, STVXL, 487, ANY);
        va(t, VMLADDUHM, 34, 0); va(t, VSEL, 42, 0); va(t, VPERM, 43, 0); va(t, VSLDOI, 44, 0x400);
        Op[] vx = {VADDUBM, VADDUHM, VADDUWM, VSUBUBM, VSUBUHM, VSUBUWM, VADDCUW, VSUBCUW,
            VADDUBS, VADDUHS, VADDUWS, VADDSBS, VADDSHS, VADDSWS, VSUBUBS, VSUBUHS, VSUBUWS, VSUBSBS, VSUBSHS, VSUBSWS,
            VMAXUB, VMAXUH, VMAXUW, VMAXSB, VMAXSH, VMAXSW, VMINUB, VMINUH, VMINUW, VMINSB, VMINSH, VMINSW,
            VAVGUB, VAVGUH, VAVGUW, VAVGSB, VAVGSH, VAVGSW, VAND, VANDC, VOR, VXOR, VNOR,
            VRLB, VRLH, VRLW, VSLB, VSLH, VSLW, VSRB, VSRH, VSRW, VSRAB, VSRAH, VSRAW, VSL, VSR, VSLO, VSRO,
            VMRGHB, VMRGHH, VMRGHW, VMRGLB, VMRGLH, VMRGLW, VPKUHUM, VPKUWUM};
        int[] xo = {0, 64, 128, 1024, 1088, 1152, 384, 1408,
            512, 576, 640, 768, 832, 896, 1536, 1600, 1664, 1792, 1856, 1920,
            2, 66, 130, 258, 322, 386, 514, 578, 642, 770, 834, 898,
            1026, 1090, 1154, 1282, 1346, 1410, 1028, 1092, 1156, 1220, 1284,
            4, 68, 132, 260, 324, 388, 516, 580, 644, 772, 836, 900, 452, 708, 1036, 1100,
            12, 76, 140, 268, 332, 396, 14, 78};
        for (int k = 0; k < vx.length; k++) vxForm(t, vx[k], xo[k], 0);
        // splats: the UIMM field's unused high bits are reserved; the immediate splats have VRB reserved
        vxForm(t, VSPLTB, 524, 0x10_0000); vxForm(t, VSPLTH, 588, 0x18_0000); vxForm(t, VSPLTW, 652, 0x1c_0000);
        vxForm(t, VSPLTISB, 780, RB); vxForm(t, VSPLTISH, 844, RB); vxForm(t, VSPLTISW, 908, RB);
        vxForm(t, VUPKHSB, 526, FRA); vxForm(t, VUPKHSH, 590, FRA); vxForm(t, VUPKLSB, 654, FRA); vxForm(t, VUPKLSH, 718, FRA);
        vxForm(t, MFVSCR, 1540, FRA | RB); vxForm(t, MTVSCR, 1604, 0x03ff_0000);
        Op[] mul = {VMULEUB, VMULOUB, VMULESB, VMULOSB, VMULEUH, VMULOUH, VMULESH, VMULOSH,
            VPKUHUS, VPKUWUS, VPKSHUS, VPKSWUS, VPKSHSS, VPKSWSS, VADDFP, VSUBFP, VMAXFP, VMINFP,
            VCFUX, VCFSX, VCTUXS, VCTSXS};
        int[] mxo = {520, 8, 776, 264, 584, 72, 840, 328, 142, 206, 270, 334, 398, 462, 10, 74, 1034, 1098,
            778, 842, 906, 970};
        for (int k = 0; k < mul.length; k++) vxForm(t, mul[k], mxo[k], 0);
        vxForm(t, VREFP, 266, FRA); vxForm(t, VRSQRTEFP, 330, FRA); vxForm(t, VRFIN, 522, FRA);
        vxForm(t, VRFIZ, 586, FRA); vxForm(t, VRFIP, 650, FRA); vxForm(t, VRFIM, 714, FRA);
        va(t, VMSUMUBM, 36, 0); va(t, VMSUMMBM, 37, 0); va(t, VMSUMUHM, 38, 0); va(t, VMSUMUHS, 39, 0);
        va(t, VMSUMSHM, 40, 0); va(t, VMSUMSHS, 41, 0); va(t, VMADDFP, 46, 0); va(t, VNMSUBFP, 47, 0);
        Op[] vc = {VCMPEQUB, VCMPEQUH, VCMPEQUW, VCMPGTUB, VCMPGTUH, VCMPGTUW, VCMPGTSB, VCMPGTSH, VCMPGTSW,
            VCMPEQFP, VCMPGEFP, VCMPGTFP, VCMPBFP};
        int[] cxo = {6, 70, 134, 518, 582, 646, 774, 838, 902, 198, 454, 710, 966};
        for (int k = 0; k < vc.length; k++) t.add(new Pattern(vc[k], PRIMARY | 0x3ff, op(4) | cxo[k], ANY));
    }

    private static void va(List<Pattern> t, Op o, int extended, int reservedZero) {
        t.add(new Pattern(o, PRIMARY | 0x3f | reservedZero, op(4) | extended, ANY));
    }

    private static void vxForm(List<Pattern> t, Op o, int extended, int reservedZero) {
        t.add(new Pattern(o, PRIMARY | 0x7ff | reservedZero, op(4) | extended, ANY));
    }

    private static void d(List<Pattern> t, Op o, int primary) { d(t, o, primary, ANY); }

    private static void d(List<Pattern> t, Op o, int primary, Validity v) { t.add(new Pattern(o, PRIMARY, op(primary), v)); }

    private static void xo(List<Pattern> t, Op o, int extended, int reservedZero) {
        t.add(new Pattern(o, XO | reservedZero, x(31, extended), ANY));
    }

    private static void xr(List<Pattern> t, Op o, int extended, int reservedZero) {
        t.add(new Pattern(o, X | reservedZero, x(31, extended), ANY));
    }

    private static void xl(List<Pattern> t, Op o, int extended, Validity v) {
        t.add(new Pattern(o, X | RC, x(31, extended), v));
    }

    private static void cache(List<Pattern> t, Op o, int extended) {
        t.add(new Pattern(o, X | RC | 0x03e0_0000, x(31, extended), ANY));
    }

    private static void fpMove(List<Pattern> t, Op o, int extended) {
        t.add(new Pattern(o, X | 0x001f_0000, x(63, extended), ANY));
    }

    private static void arith(List<Pattern> t, Op o, int primary, int extended, int reservedZero) {
        t.add(new Pattern(o, A | reservedZero, op(primary) | extended << 1, ANY));
    }

    private static void crLogical(List<Pattern> t, Op o, int extended) {
        t.add(new Pattern(o, X | RC, x(19, extended), ANY));
    }

}
