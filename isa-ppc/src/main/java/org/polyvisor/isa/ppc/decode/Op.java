package org.polyvisor.isa.ppc.decode;

import static org.polyvisor.isa.ppc.decode.Form.*;
import static org.polyvisor.isa.ppc.decode.Unit.*;

/**
 * The instructions this backend knows, named after the Power ISA (Book I and III), each with its assembler
 * mnemonic, operand form and executing unit. XO-form arithmetic carries its OE and Rc variants in one constant:
 * the decoded instruction says which of them is set.
 */
public enum Op {
    // D-form arithmetic and logical (Book I 3.3.9, 3.3.13)
    ADDI("addi", RT_RA_SI, FIXED_POINT), ADDIS("addis", RT_RA_SIH, FIXED_POINT),
    ADDIC("addic", RT_RA_SI, FIXED_POINT), ADDIC_RC("addic.", RT_RA_SI, FIXED_POINT),
    SUBFIC("subfic", RT_RA_SI, FIXED_POINT), MULLI("mulli", RT_RA_SI, FIXED_POINT),
    ANDI_RC("andi.", RA_RS_UI, FIXED_POINT), ANDIS_RC("andis.", RA_RS_UI, FIXED_POINT),
    ORI("ori", RA_RS_UI, FIXED_POINT), ORIS("oris", RA_RS_UI, FIXED_POINT),
    XORI("xori", RA_RS_UI, FIXED_POINT), XORIS("xoris", RA_RS_UI, FIXED_POINT),
    // XO-form arithmetic
    ADD("add", RT_RA_RB, FIXED_POINT), ADDC("addc", RT_RA_RB, FIXED_POINT), ADDE("adde", RT_RA_RB, FIXED_POINT),
    SUBF("subf", RT_RA_RB, FIXED_POINT), SUBFC("subfc", RT_RA_RB, FIXED_POINT), SUBFE("subfe", RT_RA_RB, FIXED_POINT),
    ADDZE("addze", RT_RA, FIXED_POINT), ADDME("addme", RT_RA, FIXED_POINT),
    SUBFZE("subfze", RT_RA, FIXED_POINT), SUBFME("subfme", RT_RA, FIXED_POINT), NEG("neg", RT_RA, FIXED_POINT),
    MULLW("mullw", RT_RA_RB, FIXED_POINT), MULHW("mulhw", RT_RA_RB, FIXED_POINT), MULHWU("mulhwu", RT_RA_RB, FIXED_POINT),
    DIVW("divw", RT_RA_RB, FIXED_POINT), DIVWU("divwu", RT_RA_RB, FIXED_POINT),
    // X-form logical, extend, count
    AND("and", RA_RS_RB, FIXED_POINT), ANDC("andc", RA_RS_RB, FIXED_POINT), OR("or", RA_RS_RB, FIXED_POINT),
    ORC("orc", RA_RS_RB, FIXED_POINT), XOR("xor", RA_RS_RB, FIXED_POINT), NAND("nand", RA_RS_RB, FIXED_POINT),
    NOR("nor", RA_RS_RB, FIXED_POINT), EQV("eqv", RA_RS_RB, FIXED_POINT),
    EXTSB("extsb", RA_RS, FIXED_POINT), EXTSH("extsh", RA_RS, FIXED_POINT), CNTLZW("cntlzw", RA_RS, FIXED_POINT),
    // compares
    CMPI("cmpi", CMP_IMM, FIXED_POINT), CMPLI("cmpli", CMP_IMM, FIXED_POINT),
    CMP("cmp", CMP_REG, FIXED_POINT), CMPL("cmpl", CMP_REG, FIXED_POINT),
    // rotate and shift (Book I 3.3.14)
    RLWINM("rlwinm", ROTATE_IMM, ROTATE), RLWIMI("rlwimi", ROTATE_IMM, ROTATE), RLWNM("rlwnm", ROTATE_REG, ROTATE),
    SLW("slw", RA_RS_RB, ROTATE), SRW("srw", RA_RS_RB, ROTATE), SRAW("sraw", RA_RS_RB, ROTATE),
    SRAWI("srawi", RA_RS_SH, ROTATE),
    // loads and stores (Book I 3.3.2 - 3.3.6)
    LBZ("lbz", RT_D_RA, LOAD_STORE), LBZU("lbzu", RT_D_RA, LOAD_STORE),
    LBZX("lbzx", RT_RA_RB, LOAD_STORE), LBZUX("lbzux", RT_RA_RB, LOAD_STORE),
    LHZ("lhz", RT_D_RA, LOAD_STORE), LHZU("lhzu", RT_D_RA, LOAD_STORE),
    LHZX("lhzx", RT_RA_RB, LOAD_STORE), LHZUX("lhzux", RT_RA_RB, LOAD_STORE),
    LHA("lha", RT_D_RA, LOAD_STORE), LHAU("lhau", RT_D_RA, LOAD_STORE),
    LHAX("lhax", RT_RA_RB, LOAD_STORE), LHAUX("lhaux", RT_RA_RB, LOAD_STORE),
    LWZ("lwz", RT_D_RA, LOAD_STORE), LWZU("lwzu", RT_D_RA, LOAD_STORE),
    LWZX("lwzx", RT_RA_RB, LOAD_STORE), LWZUX("lwzux", RT_RA_RB, LOAD_STORE),
    STB("stb", RT_D_RA, LOAD_STORE), STBU("stbu", RT_D_RA, LOAD_STORE),
    STBX("stbx", RT_RA_RB, LOAD_STORE), STBUX("stbux", RT_RA_RB, LOAD_STORE),
    STH("sth", RT_D_RA, LOAD_STORE), STHU("sthu", RT_D_RA, LOAD_STORE),
    STHX("sthx", RT_RA_RB, LOAD_STORE), STHUX("sthux", RT_RA_RB, LOAD_STORE),
    STW("stw", RT_D_RA, LOAD_STORE), STWU("stwu", RT_D_RA, LOAD_STORE),
    STWX("stwx", RT_RA_RB, LOAD_STORE), STWUX("stwux", RT_RA_RB, LOAD_STORE),
    LMW("lmw", RT_D_RA, LOAD_STORE), STMW("stmw", RT_D_RA, LOAD_STORE),
    // load/store string (Book I 3.3.7): NB bytes (0 means 32) or XER[25-31] bytes through consecutive registers
    LSWI("lswi", STRING_IMM, LOAD_STORE), LSWX("lswx", RT_RA_RB, LOAD_STORE),
    STSWI("stswi", STRING_IMM, LOAD_STORE), STSWX("stswx", RT_RA_RB, LOAD_STORE),
    LHBRX("lhbrx", RT_RA_RB, LOAD_STORE), LWBRX("lwbrx", RT_RA_RB, LOAD_STORE),
    STHBRX("sthbrx", RT_RA_RB, LOAD_STORE), STWBRX("stwbrx", RT_RA_RB, LOAD_STORE),
    // load and reserve, store conditional (Book II 4.4.2)
    LWARX("lwarx", RT_RA_RB, LOAD_STORE), STWCX_RC("stwcx.", RT_RA_RB, LOAD_STORE),
    // cache management (Book II 3.2, Book III): dcbz writes storage, the others only manage caches
    DCBZ("dcbz", RA0_RB, LOAD_STORE), DCBST("dcbst", RA0_RB, SYSTEM), DCBF("dcbf", RA0_RB, SYSTEM),
    ICBI("icbi", RA0_RB, LOAD_STORE), DCBI("dcbi", RA0_RB, SYSTEM),
    // branches (Book I 2.4)
    B("b", Form.BRANCH, Unit.BRANCH), BC("bc", BRANCH_COND, Unit.BRANCH),
    BCLR("bclr", BRANCH_COND_REG, Unit.BRANCH), BCCTR("bcctr", BRANCH_COND_REG, Unit.BRANCH),
    // condition register (Book I 2.5)
    CRAND("crand", CR_LOGICAL, CONDITION), CRANDC("crandc", CR_LOGICAL, CONDITION),
    CREQV("creqv", CR_LOGICAL, CONDITION), CRNAND("crnand", CR_LOGICAL, CONDITION),
    CRNOR("crnor", CR_LOGICAL, CONDITION), CROR("cror", CR_LOGICAL, CONDITION),
    CRORC("crorc", CR_LOGICAL, CONDITION), CRXOR("crxor", CR_LOGICAL, CONDITION),
    MCRF_OP("mcrf", Form.MCRF, CONDITION), MFCR("mfcr", RT, CONDITION), MTCRF("mtcrf", Form.MTCRF, CONDITION),
    MCRXR("mcrxr", Form.MCRXR, CONDITION),
    // fixed-point trap (Book I 3.3.11): a program interrupt when the comparison holds
    TW("tw", Form.TRAP, SYSTEM), TWI("twi", TRAP_IMM, SYSTEM),
    // special purpose registers, storage control, system call
    MFSPR("mfspr", Form.MFSPR, SYSTEM), MTSPR("mtspr", Form.MTSPR, SYSTEM),
    SYNC("sync", Form.SYNC, SYSTEM), ISYNC("isync", NONE, SYSTEM), EIEIO("eieio", NONE, SYSTEM),
    SC("sc", Form.SC, SYSTEM),
    // machine state (Book III)
    MFMSR("mfmsr", RT, SYSTEM), MTMSR("mtmsr", Form.MTMSR, SYSTEM), RFI("rfi", NONE, SYSTEM),
    // time base (Book II 5.2): mftb with TBR 268 (TBL) or 269 (TBU)
    MFTB("mftb", Form.MFTB, SYSTEM),
    // segment registers and TLB management (OEA 7.5, 7.6.3; privileged)
    MTSR("mtsr", Form.MTSR, SYSTEM), MFSR("mfsr", Form.MFSR, SYSTEM),
    MTSRIN("mtsrin", RT_RB, SYSTEM), MFSRIN("mfsrin", RT_RB, SYSTEM),
    TLBIE("tlbie", RB_RS, SYSTEM), TLBSYNC("tlbsync", NONE, SYSTEM),
    // floating-point loads and stores (Book I 4.6.2, 4.6.3): single converts to and from the register's double format
    LFS("lfs", FRT_D_RA, FLOATING_POINT), LFSU("lfsu", FRT_D_RA, FLOATING_POINT),
    LFSX("lfsx", FRT_RA_RB, FLOATING_POINT), LFSUX("lfsux", FRT_RA_RB, FLOATING_POINT),
    LFD("lfd", FRT_D_RA, FLOATING_POINT), LFDU("lfdu", FRT_D_RA, FLOATING_POINT),
    LFDX("lfdx", FRT_RA_RB, FLOATING_POINT), LFDUX("lfdux", FRT_RA_RB, FLOATING_POINT),
    STFS("stfs", FRT_D_RA, FLOATING_POINT), STFSU("stfsu", FRT_D_RA, FLOATING_POINT),
    STFSX("stfsx", FRT_RA_RB, FLOATING_POINT), STFSUX("stfsux", FRT_RA_RB, FLOATING_POINT),
    STFD("stfd", FRT_D_RA, FLOATING_POINT), STFDU("stfdu", FRT_D_RA, FLOATING_POINT),
    STFDX("stfdx", FRT_RA_RB, FLOATING_POINT), STFDUX("stfdux", FRT_RA_RB, FLOATING_POINT),
    // floating-point moves (Book I 4.6.4): bit operations on the sign, no FPSCR change
    FMR("fmr", FRT_FRB, FLOATING_POINT), FNEG("fneg", FRT_FRB, FLOATING_POINT),
    FABS("fabs", FRT_FRB, FLOATING_POINT), FNABS("fnabs", FRT_FRB, FLOATING_POINT),
    // floating-point compare (Book I 4.6.8) into CR field BF and FPSCR[FPCC]; FPSCR moves (4.6.10)
    FCMPU("fcmpu", FCMP, FLOATING_POINT), FCMPO("fcmpo", FCMP, FLOATING_POINT),
    MFFS("mffs", FRT, FLOATING_POINT), MTFSF("mtfsf", Form.MTFSF, FLOATING_POINT),
    MTFSFI("mtfsfi", Form.MTFSFI, FLOATING_POINT), MTFSB0("mtfsb0", Form.MTFSB, FLOATING_POINT),
    MTFSB1("mtfsb1", Form.MTFSB, FLOATING_POINT), MCRFS("mcrfs", Form.MCRF, FLOATING_POINT),
    STFIWX("stfiwx", FRT_RA_RB, FLOATING_POINT),
    // floating-point arithmetic (Book I 4.6.5 - 4.6.7), A form: FRT, FRA, FRB, FRC; single forms in primary 59
    FADD("fadd", FRT_FRA_FRB, FLOATING_POINT), FSUB("fsub", FRT_FRA_FRB, FLOATING_POINT),
    FMUL("fmul", FRT_FRA_FRC, FLOATING_POINT), FDIV("fdiv", FRT_FRA_FRB, FLOATING_POINT),
    FSQRT("fsqrt", FRT_FRB, FLOATING_POINT), FSEL("fsel", FRT_FRA_FRC_FRB, FLOATING_POINT),
    FRSQRTE("frsqrte", FRT_FRB, FLOATING_POINT),
    FMADD("fmadd", FRT_FRA_FRC_FRB, FLOATING_POINT), FMSUB("fmsub", FRT_FRA_FRC_FRB, FLOATING_POINT),
    FNMADD("fnmadd", FRT_FRA_FRC_FRB, FLOATING_POINT), FNMSUB("fnmsub", FRT_FRA_FRC_FRB, FLOATING_POINT),
    FADDS("fadds", FRT_FRA_FRB, FLOATING_POINT), FSUBS("fsubs", FRT_FRA_FRB, FLOATING_POINT),
    FMULS("fmuls", FRT_FRA_FRC, FLOATING_POINT), FDIVS("fdivs", FRT_FRA_FRB, FLOATING_POINT),
    FSQRTS("fsqrts", FRT_FRB, FLOATING_POINT), FRES("fres", FRT_FRB, FLOATING_POINT),
    FMADDS("fmadds", FRT_FRA_FRC_FRB, FLOATING_POINT), FMSUBS("fmsubs", FRT_FRA_FRC_FRB, FLOATING_POINT),
    FNMADDS("fnmadds", FRT_FRA_FRC_FRB, FLOATING_POINT), FNMSUBS("fnmsubs", FRT_FRA_FRC_FRB, FLOATING_POINT),
    // rounding and conversion (Book I 4.6.6)
    FRSP("frsp", FRT_FRB, FLOATING_POINT), FCTIW("fctiw", FRT_FRB, FLOATING_POINT),
    FCTIWZ("fctiwz", FRT_FRB, FLOATING_POINT),
    // AltiVec (the 7400's vector unit, AltiVec PEM / Power ISA Book I chapter 6): loads, stores, permutes
    LVX("lvx", VRT_RA_RB, VECTOR), LVXL("lvxl", VRT_RA_RB, VECTOR), STVX("stvx", VRT_RA_RB, VECTOR),
    STVXL("stvxl", VRT_RA_RB, VECTOR), LVEBX("lvebx", VRT_RA_RB, VECTOR), LVEHX("lvehx", VRT_RA_RB, VECTOR),
    LVEWX("lvewx", VRT_RA_RB, VECTOR), STVEBX("stvebx", VRT_RA_RB, VECTOR), STVEHX("stvehx", VRT_RA_RB, VECTOR),
    STVEWX("stvewx", VRT_RA_RB, VECTOR), LVSL("lvsl", VRT_RA_RB, VECTOR), LVSR("lvsr", VRT_RA_RB, VECTOR),
    VPERM("vperm", VRT_VRA_VRB_VRC, VECTOR), VSEL("vsel", VRT_VRA_VRB_VRC, VECTOR),
    VSLDOI("vsldoi", Form.VSLDOI, VECTOR), VMLADDUHM("vmladduhm", VRT_VRA_VRB_VRC, VECTOR),
    VSPLTB("vspltb", VSPLT, VECTOR), VSPLTH("vsplth", VSPLT, VECTOR), VSPLTW("vspltw", VSPLT, VECTOR),
    VSPLTISB("vspltisb", VSPLTIS, VECTOR), VSPLTISH("vspltish", VSPLTIS, VECTOR), VSPLTISW("vspltisw", VSPLTIS, VECTOR),
    VMRGHB("vmrghb", VRT_VRA_VRB, VECTOR), VMRGHH("vmrghh", VRT_VRA_VRB, VECTOR), VMRGHW("vmrghw", VRT_VRA_VRB, VECTOR),
    VMRGLB("vmrglb", VRT_VRA_VRB, VECTOR), VMRGLH("vmrglh", VRT_VRA_VRB, VECTOR), VMRGLW("vmrglw", VRT_VRA_VRB, VECTOR),
    VPKUHUM("vpkuhum", VRT_VRA_VRB, VECTOR), VPKUWUM("vpkuwum", VRT_VRA_VRB, VECTOR),
    VUPKHSB("vupkhsb", VRT_VRB, VECTOR), VUPKHSH("vupkhsh", VRT_VRB, VECTOR),
    VUPKLSB("vupklsb", VRT_VRB, VECTOR), VUPKLSH("vupklsh", VRT_VRB, VECTOR),
    // AltiVec integer arithmetic: modulo, carry-out and saturating (VSCR[SAT]) forms, per byte, halfword, word
    VADDUBM("vaddubm", VRT_VRA_VRB, VECTOR), VADDUHM("vadduhm", VRT_VRA_VRB, VECTOR), VADDUWM("vadduwm", VRT_VRA_VRB, VECTOR),
    VSUBUBM("vsububm", VRT_VRA_VRB, VECTOR), VSUBUHM("vsubuhm", VRT_VRA_VRB, VECTOR), VSUBUWM("vsubuwm", VRT_VRA_VRB, VECTOR),
    VADDCUW("vaddcuw", VRT_VRA_VRB, VECTOR), VSUBCUW("vsubcuw", VRT_VRA_VRB, VECTOR),
    VADDUBS("vaddubs", VRT_VRA_VRB, VECTOR), VADDUHS("vadduhs", VRT_VRA_VRB, VECTOR), VADDUWS("vadduws", VRT_VRA_VRB, VECTOR),
    VADDSBS("vaddsbs", VRT_VRA_VRB, VECTOR), VADDSHS("vaddshs", VRT_VRA_VRB, VECTOR), VADDSWS("vaddsws", VRT_VRA_VRB, VECTOR),
    VSUBUBS("vsububs", VRT_VRA_VRB, VECTOR), VSUBUHS("vsubuhs", VRT_VRA_VRB, VECTOR), VSUBUWS("vsubuws", VRT_VRA_VRB, VECTOR),
    VSUBSBS("vsubsbs", VRT_VRA_VRB, VECTOR), VSUBSHS("vsubshs", VRT_VRA_VRB, VECTOR), VSUBSWS("vsubsws", VRT_VRA_VRB, VECTOR),
    VMAXUB("vmaxub", VRT_VRA_VRB, VECTOR), VMAXUH("vmaxuh", VRT_VRA_VRB, VECTOR), VMAXUW("vmaxuw", VRT_VRA_VRB, VECTOR),
    VMAXSB("vmaxsb", VRT_VRA_VRB, VECTOR), VMAXSH("vmaxsh", VRT_VRA_VRB, VECTOR), VMAXSW("vmaxsw", VRT_VRA_VRB, VECTOR),
    VMINUB("vminub", VRT_VRA_VRB, VECTOR), VMINUH("vminuh", VRT_VRA_VRB, VECTOR), VMINUW("vminuw", VRT_VRA_VRB, VECTOR),
    VMINSB("vminsb", VRT_VRA_VRB, VECTOR), VMINSH("vminsh", VRT_VRA_VRB, VECTOR), VMINSW("vminsw", VRT_VRA_VRB, VECTOR),
    VAVGUB("vavgub", VRT_VRA_VRB, VECTOR), VAVGUH("vavguh", VRT_VRA_VRB, VECTOR), VAVGUW("vavguw", VRT_VRA_VRB, VECTOR),
    VAVGSB("vavgsb", VRT_VRA_VRB, VECTOR), VAVGSH("vavgsh", VRT_VRA_VRB, VECTOR), VAVGSW("vavgsw", VRT_VRA_VRB, VECTOR),
    // AltiVec logical, rotates and shifts (element-wise, and the whole register by bits or octets)
    VAND("vand", VRT_VRA_VRB, VECTOR), VANDC("vandc", VRT_VRA_VRB, VECTOR), VOR("vor", VRT_VRA_VRB, VECTOR),
    VXOR("vxor", VRT_VRA_VRB, VECTOR), VNOR("vnor", VRT_VRA_VRB, VECTOR),
    VRLB("vrlb", VRT_VRA_VRB, VECTOR), VRLH("vrlh", VRT_VRA_VRB, VECTOR), VRLW("vrlw", VRT_VRA_VRB, VECTOR),
    VSLB("vslb", VRT_VRA_VRB, VECTOR), VSLH("vslh", VRT_VRA_VRB, VECTOR), VSLW("vslw", VRT_VRA_VRB, VECTOR),
    VSRB("vsrb", VRT_VRA_VRB, VECTOR), VSRH("vsrh", VRT_VRA_VRB, VECTOR), VSRW("vsrw", VRT_VRA_VRB, VECTOR),
    VSRAB("vsrab", VRT_VRA_VRB, VECTOR), VSRAH("vsrah", VRT_VRA_VRB, VECTOR), VSRAW("vsraw", VRT_VRA_VRB, VECTOR),
    VSL("vsl", VRT_VRA_VRB, VECTOR), VSR("vsr", VRT_VRA_VRB, VECTOR),
    VSLO("vslo", VRT_VRA_VRB, VECTOR), VSRO("vsro", VRT_VRA_VRB, VECTOR),
    // AltiVec compares (record forms set CR6: all true / none true) and the VSCR moves
    VCMPEQUB("vcmpequb", VRT_VRA_VRB, VECTOR), VCMPEQUH("vcmpequh", VRT_VRA_VRB, VECTOR),
    VCMPEQUW("vcmpequw", VRT_VRA_VRB, VECTOR), VCMPGTUB("vcmpgtub", VRT_VRA_VRB, VECTOR),
    VCMPGTUH("vcmpgtuh", VRT_VRA_VRB, VECTOR), VCMPGTUW("vcmpgtuw", VRT_VRA_VRB, VECTOR),
    VCMPGTSB("vcmpgtsb", VRT_VRA_VRB, VECTOR), VCMPGTSH("vcmpgtsh", VRT_VRA_VRB, VECTOR),
    VCMPGTSW("vcmpgtsw", VRT_VRA_VRB, VECTOR),
    MFVSCR("mfvscr", VRT_ONLY, VECTOR), MTVSCR("mtvscr", VRB_ONLY, VECTOR),
    // AltiVec multiplies: even/odd element products, multiply-sums (modulo and saturating); saturating packs
    VMULEUB("vmuleub", VRT_VRA_VRB, VECTOR), VMULOUB("vmuloub", VRT_VRA_VRB, VECTOR),
    VMULESB("vmulesb", VRT_VRA_VRB, VECTOR), VMULOSB("vmulosb", VRT_VRA_VRB, VECTOR),
    VMULEUH("vmuleuh", VRT_VRA_VRB, VECTOR), VMULOUH("vmulouh", VRT_VRA_VRB, VECTOR),
    VMULESH("vmulesh", VRT_VRA_VRB, VECTOR), VMULOSH("vmulosh", VRT_VRA_VRB, VECTOR),
    VMSUMUBM("vmsumubm", VRT_VRA_VRB_VRC, VECTOR), VMSUMMBM("vmsummbm", VRT_VRA_VRB_VRC, VECTOR),
    VMSUMUHM("vmsumuhm", VRT_VRA_VRB_VRC, VECTOR), VMSUMUHS("vmsumuhs", VRT_VRA_VRB_VRC, VECTOR),
    VMSUMSHM("vmsumshm", VRT_VRA_VRB_VRC, VECTOR), VMSUMSHS("vmsumshs", VRT_VRA_VRB_VRC, VECTOR),
    VPKUHUS("vpkuhus", VRT_VRA_VRB, VECTOR), VPKUWUS("vpkuwus", VRT_VRA_VRB, VECTOR),
    VPKSHUS("vpkshus", VRT_VRA_VRB, VECTOR), VPKSWUS("vpkswus", VRT_VRA_VRB, VECTOR),
    VPKSHSS("vpkshss", VRT_VRA_VRB, VECTOR), VPKSWSS("vpkswss", VRT_VRA_VRB, VECTOR),
    // AltiVec single-precision floating point (round to nearest, VSCR[NJ] flushes denormals)
    VADDFP("vaddfp", VRT_VRA_VRB, VECTOR), VSUBFP("vsubfp", VRT_VRA_VRB, VECTOR),
    VMADDFP("vmaddfp", VRT_VRA_VRC_VRB, VECTOR), VNMSUBFP("vnmsubfp", VRT_VRA_VRC_VRB, VECTOR),
    VMAXFP("vmaxfp", VRT_VRA_VRB, VECTOR), VMINFP("vminfp", VRT_VRA_VRB, VECTOR),
    VREFP("vrefp", VRT_VRB, VECTOR), VRSQRTEFP("vrsqrtefp", VRT_VRB, VECTOR),
    VRFIN("vrfin", VRT_VRB, VECTOR), VRFIZ("vrfiz", VRT_VRB, VECTOR), VRFIP("vrfip", VRT_VRB, VECTOR),
    VRFIM("vrfim", VRT_VRB, VECTOR), VCFUX("vcfux", VSPLT, VECTOR), VCFSX("vcfsx", VSPLT, VECTOR),
    VCTUXS("vctuxs", VSPLT, VECTOR), VCTSXS("vctsxs", VSPLT, VECTOR),
    VCMPEQFP("vcmpeqfp", VRT_VRA_VRB, VECTOR), VCMPGEFP("vcmpgefp", VRT_VRA_VRB, VECTOR),
    VCMPGTFP("vcmpgtfp", VRT_VRA_VRB, VECTOR), VCMPBFP("vcmpbfp", VRT_VRA_VRB, VECTOR);

    private final String mnemonic;
    private final Form form;
    private final Unit unit;

    Op(String mnemonic, Form form, Unit unit) {
        this.mnemonic = mnemonic;
        this.form = form;
        this.unit = unit;
    }

    /** The base mnemonic, without OE/Rc/LK/AA suffixes. */
    public String mnemonic() { return mnemonic; }

    public Form form() { return form; }

    public Unit unit() { return unit; }
}
