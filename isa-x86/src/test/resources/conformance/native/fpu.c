/*
 * Reference vectors for the x87 FPU and SSE/SSE2, taken from the host CPU (an x86_64 machine). Each instruction
 * of the tables below runs once per vector inside a stub built in an executable page:
 *     fxrstor (%rbx); mov 0x400(%rbx),%rax; lea 0x410(%rbx),%rdx; push 0x408(%rbx); popfq;
 *     <instruction>; pushfq; pop 0x408(%rbx); mov %rax,0x400(%rbx); fxsave 0x200(%rbx)
 * so the whole x87/SSE state goes in and comes out through the FXSAVE image; memory operands are (%rdx), a
 * 16-byte buffer. Each line is
 *   <name> <bytes> <fcw> <fsw> <ftw> <mxcsr> <st0> <st1> <xmm0> <xmm1> <rax> <rflags> <mem>
 *          => <fcw> <fsw> <ftw> <mxcsr> <st0> <st1> <st2> <xmm0> <xmm1> <rax> <rflags> <mem>
 * in hex (st: 20 digits, sign+exponent then significand; xmm and mem: 32 digits, most significant byte first).
 * The input stack has TOP = 6 (ST0 = R6, ST1 = R7), the other registers +0. Only masked exceptions occur.
 * Usage: fpu x87 | fpu sse   (see generate.sh; needs gcc on x86_64).
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>

typedef uint64_t u64;
typedef uint32_t u32;
typedef uint16_t u16;
typedef uint8_t u8;

enum kind {
    NONE, F_M32, F_M64, F_M80, F_M16I, F_M32I, F_M64I, F_BCD, F_CW, /* x87: memory operand type */
    S_PS, S_PD, S_INT, S_CVTI, S_MXCSR                                  /* sse: element type */
};

#define X87_LIST(X) \
    X(fadds, "fadds (%rdx)", F_M32) X(fmuls, "fmuls (%rdx)", F_M32) X(fcoms, "fcoms (%rdx)", F_M32) \
    X(fcomps, "fcomps (%rdx)", F_M32) X(fsubs, "fsubs (%rdx)", F_M32) X(fsubrs, "fsubrs (%rdx)", F_M32) \
    X(fdivs, "fdivs (%rdx)", F_M32) X(fdivrs, "fdivrs (%rdx)", F_M32) \
    X(faddl, "faddl (%rdx)", F_M64) X(fmull, "fmull (%rdx)", F_M64) X(fcoml, "fcoml (%rdx)", F_M64) \
    X(fcompl, "fcompl (%rdx)", F_M64) X(fsubl, "fsubl (%rdx)", F_M64) X(fsubrl, "fsubrl (%rdx)", F_M64) \
    X(fdivl, "fdivl (%rdx)", F_M64) X(fdivrl, "fdivrl (%rdx)", F_M64) \
    X(fiaddl, "fiaddl (%rdx)", F_M32I) X(fimull, "fimull (%rdx)", F_M32I) X(ficoml, "ficoml (%rdx)", F_M32I) \
    X(fisubrl, "fisubrl (%rdx)", F_M32I) X(fidivl, "fidivl (%rdx)", F_M32I) \
    X(fiadds, "fiadds (%rdx)", F_M16I) X(fisubs, "fisubs (%rdx)", F_M16I) X(fidivrs, "fidivrs (%rdx)", F_M16I) \
    X(ficomps, "ficomps (%rdx)", F_M16I) \
    X(flds, "flds (%rdx)", F_M32) X(fldl, "fldl (%rdx)", F_M64) X(fldt, "fldt (%rdx)", F_M80) \
    X(filds, "filds (%rdx)", F_M16I) X(fildl, "fildl (%rdx)", F_M32I) X(fildll, "fildll (%rdx)", F_M64I) \
    X(fsts, "fsts (%rdx)", NONE) X(fstps, "fstps (%rdx)", NONE) X(fstl, "fstl (%rdx)", NONE) \
    X(fstpl, "fstpl (%rdx)", NONE) X(fstpt, "fstpt (%rdx)", NONE) X(fists, "fists (%rdx)", NONE) \
    X(fistps, "fistps (%rdx)", NONE) X(fistl, "fistl (%rdx)", NONE) X(fistpl, "fistpl (%rdx)", NONE) \
    X(fistpll, "fistpll (%rdx)", NONE) X(fisttps, "fisttps (%rdx)", NONE) X(fisttpl, "fisttpl (%rdx)", NONE) \
    X(fisttpll, "fisttpll (%rdx)", NONE) X(fbld, "fbld (%rdx)", F_BCD) X(fbstp, "fbstp (%rdx)", NONE) \
    X(fnstcw, "fnstcw (%rdx)", NONE) X(fldcw, "fldcw (%rdx)", F_CW) X(fnstsw_m, "fnstsw (%rdx)", NONE) \
    X(fadd_r, "fadd %st(1),%st", NONE) X(fadd_r2, "fadd %st,%st(1)", NONE) X(faddp, "faddp %st,%st(1)", NONE) \
    X(fmul_r, "fmul %st(1),%st", NONE) X(fmul_r2, "fmul %st,%st(1)", NONE) X(fmulp, "fmulp %st,%st(1)", NONE) \
    X(fsub_r, "fsub %st(1),%st", NONE) X(fsub_r2, "fsub %st,%st(1)", NONE) X(fsubp, "fsubp %st,%st(1)", NONE) \
    X(fsubr_r, "fsubr %st(1),%st", NONE) X(fsubr_r2, "fsubr %st,%st(1)", NONE) X(fsubrp, "fsubrp %st,%st(1)", NONE) \
    X(fdiv_r, "fdiv %st(1),%st", NONE) X(fdiv_r2, "fdiv %st,%st(1)", NONE) X(fdivp, "fdivp %st,%st(1)", NONE) \
    X(fdivr_r, "fdivr %st(1),%st", NONE) X(fdivr_r2, "fdivr %st,%st(1)", NONE) X(fdivrp, "fdivrp %st,%st(1)", NONE) \
    X(fcom_r, "fcom %st(1)", NONE) X(fcomp_r, "fcomp %st(1)", NONE) X(fcompp, "fcompp", NONE) \
    X(fucom, "fucom %st(1)", NONE) X(fucomp, "fucomp %st(1)", NONE) X(fucompp, "fucompp", NONE) \
    X(fcomi, "fcomi %st(1),%st", NONE) X(fcomip, "fcomip %st(1),%st", NONE) X(fucomi, "fucomi %st(1),%st", NONE) \
    X(fucomip, "fucomip %st(1),%st", NONE) X(ftst, "ftst", NONE) X(fxam, "fxam", NONE) X(fchs, "fchs", NONE) \
    X(fabs, "fabs", NONE) X(fsqrt, "fsqrt", NONE) X(frndint, "frndint", NONE) X(fscale, "fscale", NONE) \
    X(fxtract, "fxtract", NONE) X(fxch, "fxch %st(1)", NONE) X(fld_r, "fld %st(1)", NONE) X(fst_r, "fst %st(1)", NONE) \
    X(fstp_r, "fstp %st(1)", NONE) X(ffree, "ffree %st(1)", NONE) X(fcmovb, "fcmovb %st(1),%st", NONE) \
    X(fcmove, "fcmove %st(1),%st", NONE) X(fcmovbe, "fcmovbe %st(1),%st", NONE) X(fcmovu, "fcmovu %st(1),%st", NONE) \
    X(fcmovnb, "fcmovnb %st(1),%st", NONE) X(fcmovne, "fcmovne %st(1),%st", NONE) \
    X(fcmovnbe, "fcmovnbe %st(1),%st", NONE) X(fcmovnu, "fcmovnu %st(1),%st", NONE) X(fld1, "fld1", NONE) \
    X(fldl2t, "fldl2t", NONE) X(fldl2e, "fldl2e", NONE) X(fldpi, "fldpi", NONE) X(fldlg2, "fldlg2", NONE) \
    X(fldln2, "fldln2", NONE) X(fldz, "fldz", NONE) X(fnop, "fnop", NONE) X(fdecstp, "fdecstp", NONE) \
    X(fincstp, "fincstp", NONE) X(fninit, "fninit", NONE) X(fnclex, "fnclex", NONE) X(fnstsw_ax, "fnstsw %ax", NONE) \
    X(fprem, "fprem", NONE) X(fprem1, "fprem1", NONE)

#define ARITH_SSE(X, op) \
    X(op##ps, #op "ps %xmm1,%xmm0", S_PS) X(op##ps_m, #op "ps (%rdx),%xmm0", S_PS) \
    X(op##ss, #op "ss %xmm1,%xmm0", S_PS) X(op##ss_m, #op "ss (%rdx),%xmm0", S_PS) \
    X(op##pd, #op "pd %xmm1,%xmm0", S_PD) X(op##pd_m, #op "pd (%rdx),%xmm0", S_PD) \
    X(op##sd, #op "sd %xmm1,%xmm0", S_PD) X(op##sd_m, #op "sd (%rdx),%xmm0", S_PD)
#define CMP_SSE(X, c) \
    X(cmp##c##ps, "cmp" #c "ps %xmm1,%xmm0", S_PS) X(cmp##c##ss, "cmp" #c "ss %xmm1,%xmm0", S_PS) \
    X(cmp##c##pd, "cmp" #c "pd %xmm1,%xmm0", S_PD) X(cmp##c##sd, "cmp" #c "sd (%rdx),%xmm0", S_PD)
#define INT_SSE(X, op) X(op, #op " %xmm1,%xmm0", S_INT) X(op##_m, #op " (%rdx),%xmm0", S_INT)

#define SSE_LIST(X) \
    ARITH_SSE(X, add) ARITH_SSE(X, sub) ARITH_SSE(X, mul) ARITH_SSE(X, div) ARITH_SSE(X, min) ARITH_SSE(X, max) \
    ARITH_SSE(X, sqrt) \
    CMP_SSE(X, eq) CMP_SSE(X, lt) CMP_SSE(X, le) CMP_SSE(X, unord) CMP_SSE(X, neq) CMP_SSE(X, nlt) CMP_SSE(X, nle) \
    CMP_SSE(X, ord) \
    X(andps, "andps %xmm1,%xmm0", S_INT) X(andnps, "andnps %xmm1,%xmm0", S_INT) X(orps, "orps %xmm1,%xmm0", S_INT) \
    X(xorps, "xorps (%rdx),%xmm0", S_INT) X(andpd, "andpd (%rdx),%xmm0", S_INT) X(andnpd, "andnpd %xmm1,%xmm0", S_INT) \
    X(orpd, "orpd %xmm1,%xmm0", S_INT) X(xorpd, "xorpd %xmm1,%xmm0", S_INT) \
    X(ucomiss, "ucomiss %xmm1,%xmm0", S_PS) X(comiss, "comiss (%rdx),%xmm0", S_PS) \
    X(ucomisd, "ucomisd (%rdx),%xmm0", S_PD) X(comisd, "comisd %xmm1,%xmm0", S_PD) \
    X(cvtsi2ss, "cvtsi2ss %eax,%xmm0", S_CVTI) X(cvtsi2sd, "cvtsi2sd %eax,%xmm0", S_CVTI) \
    X(cvtsi2ssq, "cvtsi2ssq %rax,%xmm0", S_CVTI) X(cvtsi2sdq, "cvtsi2sdq %rax,%xmm0", S_CVTI) \
    X(cvtsi2sdl_m, "cvtsi2sdl (%rdx),%xmm0", S_CVTI) X(cvtsi2ssl_m, "cvtsi2ssl (%rdx),%xmm0", S_CVTI) \
    X(cvttss2si, "cvttss2si %xmm1,%eax", S_PS) X(cvttsd2si, "cvttsd2si %xmm1,%eax", S_PD) \
    X(cvttss2siq, "cvttss2si %xmm1,%rax", S_PS) X(cvttsd2siq, "cvttsd2si %xmm1,%rax", S_PD) \
    X(cvtss2si, "cvtss2si %xmm1,%eax", S_PS) X(cvtsd2si, "cvtsd2si (%rdx),%eax", S_PD) \
    X(cvtsd2siq, "cvtsd2si %xmm1,%rax", S_PD) X(cvttsd2si_m, "cvttsd2si (%rdx),%eax", S_PD) \
    X(cvtss2sd, "cvtss2sd %xmm1,%xmm0", S_PS) X(cvtss2sd_m, "cvtss2sd (%rdx),%xmm0", S_PS) \
    X(cvtsd2ss, "cvtsd2ss %xmm1,%xmm0", S_PD) X(cvtsd2ss_m, "cvtsd2ss (%rdx),%xmm0", S_PD) \
    X(cvtps2pd, "cvtps2pd %xmm1,%xmm0", S_PS) X(cvtpd2ps, "cvtpd2ps %xmm1,%xmm0", S_PD) \
    X(cvtdq2ps, "cvtdq2ps %xmm1,%xmm0", S_INT) X(cvtps2dq, "cvtps2dq %xmm1,%xmm0", S_PS) \
    X(cvttps2dq, "cvttps2dq (%rdx),%xmm0", S_PS) X(cvtdq2pd, "cvtdq2pd %xmm1,%xmm0", S_INT) \
    X(cvtpd2dq, "cvtpd2dq %xmm1,%xmm0", S_PD) X(cvttpd2dq, "cvttpd2dq %xmm1,%xmm0", S_PD) \
    X(movaps, "movaps %xmm1,%xmm0", S_INT) X(movaps_m, "movaps (%rdx),%xmm0", S_INT) \
    X(movaps_s, "movaps %xmm1,(%rdx)", S_INT) X(movups, "movups (%rdx),%xmm0", S_INT) \
    X(movups_s, "movups %xmm1,(%rdx)", S_INT) X(movapd, "movapd %xmm1,%xmm0", S_INT) \
    X(movupd_s, "movupd %xmm1,(%rdx)", S_INT) X(movdqa, "movdqa (%rdx),%xmm0", S_INT) \
    X(movdqa_s, "movdqa %xmm1,(%rdx)", S_INT) X(movdqu, "movdqu %xmm1,%xmm0", S_INT) \
    X(movdqu_s, "movdqu %xmm1,(%rdx)", S_INT) X(movss, "movss %xmm1,%xmm0", S_INT) \
    X(movss_m, "movss (%rdx),%xmm0", S_INT) X(movss_s, "movss %xmm1,(%rdx)", S_INT) \
    X(movsd, "movsd %xmm1,%xmm0", S_INT) X(movsd_m, "movsd (%rdx),%xmm0", S_INT) \
    X(movsd_s, "movsd %xmm1,(%rdx)", S_INT) X(movd_in, "movd %eax,%xmm0", S_INT) \
    X(movd_out, "movd %xmm1,%eax", S_INT) X(movq_in, "movq %rax,%xmm0", S_INT) X(movq_out, "movq %xmm1,%rax", S_INT) \
    X(movq_m, "movq (%rdx),%xmm0", S_INT) X(movq_s, "movq %xmm1,(%rdx)", S_INT) X(movq_r, "movq %xmm1,%xmm0", S_INT) \
    X(movd_m, "movd (%rdx),%xmm0", S_INT) X(movd_s, "movd %xmm1,(%rdx)", S_INT) \
    X(movlpd, "movlpd (%rdx),%xmm0", S_INT) X(movhpd, "movhpd (%rdx),%xmm0", S_INT) \
    X(movlpd_s, "movlpd %xmm1,(%rdx)", S_INT) X(movhpd_s, "movhpd %xmm1,(%rdx)", S_INT) \
    X(movlps, "movlps (%rdx),%xmm0", S_INT) X(movhps, "movhps (%rdx),%xmm0", S_INT) \
    X(movlps_s, "movlps %xmm1,(%rdx)", S_INT) X(movhps_s, "movhps %xmm1,(%rdx)", S_INT) \
    X(movhlps, "movhlps %xmm1,%xmm0", S_INT) X(movlhps, "movlhps %xmm1,%xmm0", S_INT) \
    INT_SSE(X, pxor) INT_SSE(X, por) INT_SSE(X, pand) INT_SSE(X, pandn) \
    INT_SSE(X, paddb) INT_SSE(X, paddw) INT_SSE(X, paddd) INT_SSE(X, paddq) \
    INT_SSE(X, psubb) INT_SSE(X, psubw) INT_SSE(X, psubd) INT_SSE(X, psubq) \
    INT_SSE(X, pcmpeqb) INT_SSE(X, pcmpeqw) INT_SSE(X, pcmpeqd) INT_SSE(X, pcmpgtb) INT_SSE(X, pcmpgtw) \
    INT_SSE(X, pcmpgtd) INT_SSE(X, punpcklbw) INT_SSE(X, punpcklwd) INT_SSE(X, punpckldq) INT_SSE(X, punpcklqdq) \
    INT_SSE(X, punpckhbw) INT_SSE(X, punpckhwd) INT_SSE(X, punpckhdq) INT_SSE(X, punpckhqdq) \
    INT_SSE(X, packsswb) INT_SSE(X, packssdw) INT_SSE(X, packuswb) \
    INT_SSE(X, pminub) INT_SSE(X, pmaxub) INT_SSE(X, pminsw) INT_SSE(X, pmaxsw) INT_SSE(X, pavgb) INT_SSE(X, pavgw) \
    INT_SSE(X, pmullw) INT_SSE(X, pmulhw) INT_SSE(X, pmulhuw) INT_SSE(X, pmuludq) INT_SSE(X, pmaddwd) \
    INT_SSE(X, psadbw) INT_SSE(X, paddusb) INT_SSE(X, paddusw) INT_SSE(X, psubusb) INT_SSE(X, psubusw) \
    INT_SSE(X, paddsb) INT_SSE(X, paddsw) INT_SSE(X, psubsb) INT_SSE(X, psubsw) \
    INT_SSE(X, psllw) INT_SSE(X, pslld) INT_SSE(X, psllq) INT_SSE(X, psrlw) INT_SSE(X, psrld) INT_SSE(X, psrlq) \
    INT_SSE(X, psraw) INT_SSE(X, psrad) \
    INT_SSE(X, unpcklps) INT_SSE(X, unpckhps) INT_SSE(X, unpcklpd) INT_SSE(X, unpckhpd) \
    X(pmovmskb, "pmovmskb %xmm1,%eax", S_INT) X(movmskps, "movmskps %xmm1,%eax", S_INT) \
    X(movmskpd, "movmskpd %xmm1,%eax", S_INT) \
    X(pshufd1, "pshufd $0x1b,%xmm1,%xmm0", S_INT) X(pshufd2, "pshufd $0x4e,(%rdx),%xmm0", S_INT) \
    X(pshuflw, "pshuflw $0x1b,%xmm1,%xmm0", S_INT) X(pshufhw, "pshufhw $0xb1,%xmm1,%xmm0", S_INT) \
    X(shufps1, "shufps $0x1b,%xmm1,%xmm0", S_INT) X(shufps2, "shufps $0xe4,(%rdx),%xmm0", S_INT) \
    X(shufpd1, "shufpd $1,%xmm1,%xmm0", S_INT) X(shufpd2, "shufpd $2,%xmm1,%xmm0", S_INT) \
    X(pslldq1, "pslldq $1,%xmm0", S_INT) X(pslldq5, "pslldq $5,%xmm0", S_INT) X(pslldq8, "pslldq $8,%xmm0", S_INT) \
    X(pslldq17, "pslldq $17,%xmm0", S_INT) X(psrldq3, "psrldq $3,%xmm0", S_INT) X(psrldq8, "psrldq $8,%xmm0", S_INT) \
    X(psrldq15, "psrldq $15,%xmm0", S_INT) \
    X(psllwi, "psllw $3,%xmm0", S_INT) X(psllwi16, "psllw $16,%xmm0", S_INT) X(pslldi, "pslld $7,%xmm0", S_INT) \
    X(psllqi, "psllq $33,%xmm0", S_INT) X(psrlwi, "psrlw $1,%xmm0", S_INT) X(psrldi, "psrld $31,%xmm0", S_INT) \
    X(psrlqi, "psrlq $64,%xmm0", S_INT) X(psrawi, "psraw $4,%xmm0", S_INT) X(psradi, "psrad $40,%xmm0", S_INT) \
    X(pinsrw, "pinsrw $3,%eax,%xmm0", S_INT) X(pextrw, "pextrw $5,%xmm1,%eax", S_INT) \
    X(ldmxcsr, "ldmxcsr (%rdx)", S_MXCSR) X(stmxcsr, "stmxcsr (%rdx)", NONE)

struct insn { const char *name; const u8 *begin, *end; int kind; };
#define EMIT(id, text, kind) \
    extern const u8 id##_b[], id##_e[]; \
    __asm__(".pushsection .rodata\n" #id "_b:\n\t" text "\n" #id "_e:\n\t.popsection\n");
#define ENTRY(id, text, kind) {#id, id##_b, id##_e, kind},
X87_LIST(EMIT)
SSE_LIST(EMIT)
static const struct insn x87[] = {X87_LIST(ENTRY)};
static const struct insn sse[] = {SSE_LIST(ENTRY)};

struct ctx {
    u8 in[512];
    u8 out[512];
    u64 rax, rflags;
    u8 mem[16];
} __attribute__((aligned(64)));

static u64 seed = 0x9E3779B97F4A7C15ull;
static u64 rnd(void) {
    seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17;
    return seed;
}

/* Values with edges: zeros, ones, the extremes of each format, denormals, infinities, NaNs, and random ones. */
static const u32 F32[] = {0, 0x80000000, 0x3f800000, 0xbf800000, 0x3fc00000, 0x40490fdb, 0x3dcccccd, 0x7f7fffff,
                          0x00800000, 0x00000001, 0x007fffff, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fa00000,
                          0xffc00000, 0x4f000000, 0xcf000000, 0x5f000000, 0x46fffe00, 0x3f000000, 0x3fe00000};
static const u64 F64[] = {0, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
                          0x3ff8000000000000ull, 0x400921fb54442d18ull, 0x3fb999999999999aull, 0x7fefffffffffffffull,
                          0x0010000000000000ull, 0x0000000000000001ull, 0x000fffffffffffffull, 0x7ff0000000000000ull,
                          0xfff0000000000000ull, 0x7ff8000000000000ull, 0x7ff4000000000000ull, 0xfff8000000000000ull,
                          0x41e0000000000000ull, 0xc1e0000000000000ull, 0x43e0000000000000ull, 0x3fe0000000000000ull,
                          0x3ff0000000000001ull, 0x4330000000000000ull, 0x3800000000000000ull, 0x47f0000000000000ull};

static u32 f32(void) {
    u64 r = rnd();
    switch (r % 4) {
        case 0: return F32[(r >> 8) % (sizeof F32 / sizeof F32[0])];
        case 1: return (u32) (r >> 16);
        default: { u32 e = 100 + (u32) ((r >> 8) % 56); return (u32) ((r >> 40) & 0x807fffff) | e << 23; }
    }
}

static u64 f64(void) {
    u64 r = rnd();
    switch (r % 4) {
        case 0: return F64[(r >> 8) % (sizeof F64 / sizeof F64[0])];
        case 1: return rnd();
        default: { u64 e = 1000 + (r >> 8) % 48; return (rnd() & 0x800fffffffffffffull) | e << 52; }
    }
}

/* An 80-bit value: (se, significand). */
static void f80(u16 *se, u64 *m) {
    u64 r = rnd();
    switch (r % 8) {
        case 0: { /* a double, exactly */
            u64 d = f64();
            u16 e = (u16) ((d >> 52) & 0x7ff), s = (u16) ((d >> 48) & 0x8000);
            u64 frac = d & 0xfffffffffffffull;
            if (e == 0 && frac == 0) { *se = s; *m = 0; }
            else if (e == 0x7ff) { *se = s | 0x7fff; *m = 0x8000000000000000ull | frac << 11; }
            else if (e == 0) { *se = s | (0x3c01 - 1); *m = frac << 11; int z = __builtin_clzll(*m); *m <<= z; *se = s | (u16) (0x3c01 - z); }
            else { *se = s | (u16) (e - 1023 + 16383); *m = 0x8000000000000000ull | frac << 11; }
            break;
        }
        case 1: { /* specials */
            static const u16 SE[] = {0x0000, 0x8000, 0x7fff, 0xffff, 0x7fff, 0x7fff, 0x0000, 0x0000, 0x7ffe, 0x0001, 0x3fff, 0x4040};
            static const u64 M[] = {0, 0, 0x8000000000000000ull, 0x8000000000000000ull, 0xc000000000000000ull,
                                    0xa000000000000000ull, 0x0000000000000001ull, 0x7fffffffffffffffull,
                                    0xffffffffffffffffull, 0x8000000000000000ull, 0x4000000000000000ull, 0xffffffffffffffffull};
            int i = (int) ((r >> 8) % 12);
            *se = SE[i] | (u16) ((r >> 20) & 0x8000);
            *m = M[i];
            break;
        }
        case 2: /* integers and halves, for the rounding instructions */
            *se = (u16) (16383 + (r >> 8) % 66) | (u16) ((r >> 20) & 0x8000);
            *m = 0x8000000000000000ull | (rnd() >> ((r >> 30) % 64));
            break;
        default: /* random normal values near 1, near the double and extended limits */
            *se = (u16) ((r >> 20) & 0x8000) | (u16) ((r % 3 == 0) ? 16383 - 40 + (r >> 8) % 80
                    : (r % 3 == 1) ? 15360 - 60 + (r >> 8) % 120 : 1 + (r >> 8) % 70);
            *m = rnd() | 0x8000000000000000ull;
            break;
    }
}

static void put16(u8 *p, u16 v) { memcpy(p, &v, 2); }
static void put32(u8 *p, u32 v) { memcpy(p, &v, 4); }
static void put64(u8 *p, u64 v) { memcpy(p, &v, 8); }

static void hex(const u8 *p, int n) { for (int i = n - 1; i >= 0; i--) printf("%02x", p[i]); }

static void st(const u8 *fx, int i) { hex(fx + 32 + 16 * i, 10); }

static void line(const struct insn *in, const struct ctx *c, u64 rax_in, u64 fl_in, const u8 *mem_in) {
    printf("%s ", in->name);
    for (const u8 *p = in->begin; p < in->end; p++) printf("%02x", *p);
    const u8 *a = c->in, *b = c->out;
    printf(" "); hex(a, 2); printf(" "); hex(a + 2, 2); printf(" "); hex(a + 4, 1); printf(" "); hex(a + 24, 4);
    printf(" "); st(a, 0); printf(" "); st(a, 1); printf(" "); hex(a + 160, 16); printf(" "); hex(a + 176, 16);
    printf(" %016llx %016llx ", (unsigned long long) rax_in, (unsigned long long) fl_in); hex(mem_in, 16);
    printf(" => "); hex(b, 2); printf(" "); hex(b + 2, 2); printf(" "); hex(b + 4, 1); printf(" "); hex(b + 24, 4);
    printf(" "); st(b, 0); printf(" "); st(b, 1); printf(" "); st(b, 2); printf(" "); hex(b + 160, 16); printf(" "); hex(b + 176, 16);
    printf(" %016llx %016llx ", (unsigned long long) c->rax, (unsigned long long) c->rflags); hex(c->mem, 16);
    printf("\n");
}

static const u8 PRE[] = {0x53, 0x48, 0x89, 0xfb, 0x0f, 0xae, 0x0b, 0x48, 0x8b, 0x83, 0x00, 0x04, 0x00, 0x00,
                         0x48, 0x8d, 0x93, 0x10, 0x04, 0x00, 0x00, 0xff, 0xb3, 0x08, 0x04, 0x00, 0x00, 0x9d};
static const u8 POST[] = {0x9c, 0x8f, 0x83, 0x08, 0x04, 0x00, 0x00, 0x48, 0x89, 0x83, 0x00, 0x04, 0x00, 0x00,
                          0x0f, 0xae, 0x83, 0x00, 0x02, 0x00, 0x00, 0x5b, 0xc3};

static u64 flags_in(void) { return 0x202 | (rnd() & 0x8d5); }

static void run(u8 *page, const struct insn *in, struct ctx *c) {
    size_t n = (size_t) (in->end - in->begin);
    memcpy(page, PRE, sizeof PRE);
    memcpy(page + sizeof PRE, in->begin, n);
    memcpy(page + sizeof PRE + n, POST, sizeof POST);
    u64 rax = c->rax, fl = c->rflags;
    u8 mem[16];
    memcpy(mem, c->mem, 16);
    ((void (*)(struct ctx *)) page)(c);
    line(in, c, rax, fl, mem);
}

static const u16 FCW[] = {0x037f, 0x037f, 0x037f, 0x077f, 0x0b7f, 0x0f7f, 0x027f, 0x007f, 0x0e7f, 0x0a7f};

static void x87_case(u8 *page, const struct insn *in) {
    struct ctx c;
    memset(&c, 0, sizeof c);
    u16 se0, se1;
    u64 m0, m1;
    f80(&se0, &m0);
    f80(&se1, &m1);
    u64 r = rnd();
    int stack = (int) (r % 16);  /* 0-11: ST0 and ST1 valid; 12: only ST0; 13: empty; 14-15: full */
    u8 tags = stack < 12 ? 0xc0 : stack == 12 ? 0x40 : stack == 13 ? 0x00 : 0xff;
    put16(c.in, FCW[(r >> 8) % (sizeof FCW / sizeof FCW[0])]);
    put16(c.in + 2, 6 << 11);
    c.in[4] = tags;
    put32(c.in + 24, 0x1f80);
    put64(c.in + 32, m0); put16(c.in + 40, se0);
    put64(c.in + 48, m1); put16(c.in + 56, se1);
    c.rflags = flags_in();
    c.rax = rnd();
    for (int i = 0; i < 16; i++) c.mem[i] = (u8) rnd();
    switch (in->kind) {
        case F_M32: put32(c.mem, f32()); break;
        case F_M64: put64(c.mem, f64()); break;
        case F_M80: { u16 se; u64 m; f80(&se, &m); put64(c.mem, m); put16(c.mem + 8, se); break; }
        case F_M16I: { static const u16 V[] = {0, 1, 0xffff, 0x7fff, 0x8000, 3, 10}; put16(c.mem, r & 1 ? (u16) rnd() : V[(r >> 12) % 7]); break; }
        case F_M32I: { static const u32 V[] = {0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 3, 16777217}; put32(c.mem, r & 1 ? (u32) rnd() : V[(r >> 12) % 7]); break; }
        case F_M64I: { static const u64 V[] = {0, 1, ~0ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 9007199254740993ull}; put64(c.mem, r & 1 ? rnd() : V[(r >> 12) % 6]); break; }
        case F_BCD: { for (int i = 0; i < 9; i++) { u8 d = (u8) (rnd() % 100); c.mem[i] = (u8) ((d / 10) << 4 | d % 10); } c.mem[9] = r & 2 ? 0x80 : 0; break; }
        case F_CW: put16(c.mem, (u16) ((rnd() & 0x0f00) | 0x3f | (rnd() & 0x1000))); break;
        default: break;
    }
    run(page, in, &c);
}

static const u32 MXCSR[] = {0x1f80, 0x1f80, 0x1f80, 0x1f80, 0x3f80, 0x5f80, 0x7f80, 0x9f80, 0x1fc0, 0x1f80};

static void sse_case(u8 *page, const struct insn *in) {
    struct ctx c;
    memset(&c, 0, sizeof c);
    u64 r = rnd();
    put16(c.in, 0x037f);
    put32(c.in + 24, MXCSR[(r >> 8) % (sizeof MXCSR / sizeof MXCSR[0])]);
    c.rflags = flags_in();
    u8 *x0 = c.in + 160, *x1 = c.in + 176;
    u8 *slots[3] = {x0, x1, c.mem};
    for (int s = 0; s < 3; s++) {
        for (int i = 0; i < 16; i += 4) {
            switch (in->kind) {
                case S_PS: put32(slots[s] + i, f32()); break;
                case S_PD: if (i % 8 == 0) put64(slots[s] + i, f64()); break;
                default: {
                    u64 v = rnd();
                    u32 w = (u32) v;
                    switch (v >> 60) {
                        case 0: w = 0; break;
                        case 1: w = 0xffffffff; break;
                        case 2: w = 0x80008080; break;
                        case 3: w = 0x7fff7f7f; break;
                        default: break;
                    }
                    put32(slots[s] + i, w);
                }
            }
        }
    }
    c.rax = rnd();
    if (in->kind == S_CVTI) {
        static const u64 V[] = {0, 1, ~0ull, 0x7fffffffffffffffull, 0x8000000000000000ull, 16777217, 0x7fffffff,
                                0x80000000ull, 9007199254740993ull};
        if (r & 1) c.rax = V[(r >> 12) % 9];
        if (r & 2) put64(c.mem, V[(r >> 20) % 9]);
    }
    if (in->kind == S_MXCSR) put32(c.mem, (u32) (rnd() & 0xffbf) | (u32) (r & 0x40 ? 0x40 : 0));
    run(page, in, &c);
}

int main(int argc, char **argv) {
    int sse_mode = argc > 1 && strcmp(argv[1], "sse") == 0;
    u8 *page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) { perror("mmap"); return 1; }
    if (sse_mode) {
        for (size_t i = 0; i < sizeof sse / sizeof sse[0]; i++) for (int k = 0; k < 12; k++) sse_case(page, &sse[i]);
    } else {
        for (size_t i = 0; i < sizeof x87 / sizeof x87[0]; i++) for (int k = 0; k < 24; k++) x87_case(page, &x87[i]);
    }
    return 0;
}
