package org.polyvisor.isa.ppc.decode;

/**
 * How an instruction's operands are laid out and printed, one constant per operand shape of the Power ISA
 * instruction forms (D, X, XO, M, XL, XFX, I, B, SC). The decoder extracts every field for every word; the form
 * tells the disassembler which of them are operands.
 */
public enum Form {
    /** RT,RA,SI: addi, addic, subfic, mulli. */
    RT_RA_SI,
    /** RT,RA,SI with RA = 0 meaning 0: addis. */
    RT_RA_SIH,
    /** RA,RS,UI: andi., ori, xoris... */
    RA_RS_UI,
    /** TO,RA,RB: tw. */
    TRAP,
    /** TO,RA,SI: twi. */
    TRAP_IMM,
    /** BF,L,RA,SI / UI: cmpi, cmpli. */
    CMP_IMM,
    /** BF,L,RA,RB: cmp, cmpl. */
    CMP_REG,
    /** RT,D(RA): loads and stores of the D form. */
    RT_D_RA,
    /** RT,RA,RB: XO arithmetic, indexed loads and stores. */
    RT_RA_RB,
    /** RT,RA: neg, addze, addme, subfze, subfme. */
    RT_RA,
    /** RA,RS,RB: X-form logical ops and shifts. */
    RA_RS_RB,
    /** RA,RS: extsb, extsh, cntlzw. */
    RA_RS,
    /** RA,RS,SH: srawi. */
    RA_RS_SH,
    /** RA,RS,SH,MB,ME: rlwinm, rlwimi. */
    ROTATE_IMM,
    /** RA,RS,RB,MB,ME: rlwnm. */
    ROTATE_REG,
    /** BT,BA,BB: CR logical operations. */
    CR_LOGICAL,
    /** BF,BFA: mcrf. */
    MCRF,
    /** RT,SPR: mfspr. */
    MFSPR,
    /** SPR,RS: mtspr. */
    MTSPR,
    /** RA|0,RB: cache block operations (dcbz, dcbf, icbi...). */
    RA0_RB,
    /** BF: mcrxr. */
    MCRXR,
    /** RT,RA,NB: lswi, stswi (NB = 0 prints as 32). */
    STRING_IMM,
    /** RT: mftb (TBR 268) and mftbu (TBR 269). */
    MFTB,
    /** SR,RS: mtsr. */
    MTSR,
    /** RT,SR: mfsr. */
    MFSR,
    /** RT,RB: mtsrin, mfsrin. */
    RT_RB,
    /** RB,RS: tlbie (RS is 0 on the 750; objdump prints it). */
    RB_RS,
    /** RS[,L]: mtmsr. */
    MTMSR,
    /** RT: mfcr, mfmsr. */
    RT,
    /** FXM,RS: mtcrf. */
    MTCRF,
    /** No operands: isync, eieio. */
    NONE,
    /** L: sync with its L field (hwsync, lwsync). */
    SYNC,
    /** LEV: sc. */
    SC,
    /** LI, AA, LK: b. */
    BRANCH,
    /** BO,BI,BD, AA, LK: bc. */
    BRANCH_COND,
    /** BO,BI, LK: bclr, bcctr. */
    BRANCH_COND_REG,
    /** FRT,D(RA): floating-point loads and stores of the D form. */
    FRT_D_RA,
    /** FRT,RA,RB: indexed floating-point loads and stores. */
    FRT_RA_RB,
    /** FRT,FRB (with Rc): fmr, fneg, fabs, fnabs. */
    FRT_FRB,
    /** BF,FRA,FRB: fcmpu, fcmpo. */
    FCMP,
    /** FRT (with Rc): mffs. */
    FRT,
    /** FLM,FRB (with Rc): mtfsf. */
    MTFSF,
    /** BF,U (with Rc): mtfsfi. */
    MTFSFI,
    /** BT (with Rc): mtfsb0, mtfsb1. */
    MTFSB,
    /** FRT,FRA,FRB (with Rc): fadd, fsub, fdiv and single forms. */
    FRT_FRA_FRB,
    /** FRT,FRA,FRC (with Rc): fmul, fmuls. */
    FRT_FRA_FRC,
    /** FRT,FRA,FRC,FRB (with Rc): the multiply-adds and fsel. */
    FRT_FRA_FRC_FRB,
    /** VRT,RA|0,RB: AltiVec loads, stores, lvsl, lvsr. */
    VRT_RA_RB,
    /** VRT,VRA,VRB: AltiVec VX-form and VC-form (with Rc in bit 21) operations. */
    VRT_VRA_VRB,
    /** VRT,VRA,VRB,VRC: AltiVec VA-form operations. */
    VRT_VRA_VRB_VRC,
    /** VRT,VRA,VRC,VRB: vmaddfp, vnmsubfp. */
    VRT_VRA_VRC_VRB,
    /** VRT,VRA,VRB,SHB: vsldoi. */
    VSLDOI,
    /** VRT,VRB,UIMM: vspltb, vsplth, vspltw; the conversions' scale. */
    VSPLT,
    /** VRT,SIMM: vspltisb, vspltish, vspltisw. */
    VSPLTIS,
    /** VRT,VRB: the unpacks. */
    VRT_VRB,
    /** VRT: mfvscr. */
    VRT_ONLY,
    /** VRB: mtvscr. */
    VRB_ONLY
}
