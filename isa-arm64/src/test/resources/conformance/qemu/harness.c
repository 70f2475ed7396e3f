/*
 * Semantics vectors for the arm64 interpreter, recorded under qemu-aarch64 user mode (generate.sh builds and runs
 * this). For each case the harness builds a trampoline around one integer instruction in an executable page:
 * load x0-x3 and NZCV from a state block, execute the instruction, store x0-x3 and NZCV back. Instructions are
 * generated over every integer class the interpreter implements, with register fields in x0-x3 (and the zero
 * register where the encoding allows it), operands drawn from flag edge cases (0, 1, sign boundaries of every
 * width, all ones) and random values, and random NZCV. A fixed-seed xorshift makes the output reproducible.
 * Output, one case a line: "insn x0 x1 x2 x3 nzcv -> x0 x1 x2 x3 nzcv" in hex.
 * With the single argument "fp" it prints SIMD&FP vectors (see fp_vectors below); with "fp16" [count per row], the same
 * for the half-precision conversions (ROWS16).
 * With a second argument it prints load/store vectors instead: x3 points into a 64-byte window of a buffer at a
 * fixed address (0x40100000), and each side of the line adds the window's bytes in hex.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <setjmp.h>
#include <signal.h>

typedef struct { uint64_t x[4]; uint64_t nzcv; } state_t;

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }
static unsigned pick(unsigned n) { return (unsigned) (next() % n); }

static const uint64_t EDGES[] = {
    0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull, 0xfffffffffffffffeull, 0xffffffff80000000ull,
    63, 64, 31, 32,
};

static uint64_t operand(void) {
    unsigned k = pick(3);
    if (k == 0) return next();
    if (k == 1) return next() & 0xffffffffull;
    return EDGES[pick(sizeof EDGES / sizeof EDGES[0])];
}

static uint32_t *page;

static void run(uint32_t insn, state_t *s) {
    static const uint32_t head[] = {0xa9bf7bfd, 0xaa0003f0, 0xf9401211, 0xd51b4211, 0xa9400600, 0xa9410e02};
    static const uint32_t tail[] = {0xa9000600, 0xa9010e02, 0xd53b4211, 0xf9001211, 0xa8c17bfd, 0xd65f03c0};
    memcpy(page, head, sizeof head);
    page[6] = insn;
    memcpy(page + 7, tail, sizeof tail);
    __builtin___clear_cache((char *) page, (char *) (page + 13));
    ((void (*)(state_t *)) page)(s);
}

/* DecodeBitMasks' validity (Arm ARM J1): a logical immediate N:immr:imms that is not reserved. */
static int valid_bitmask(unsigned sf, unsigned n, unsigned imms) {
    unsigned combined = (n << 6) | (~imms & 0x3f);
    int len = -1;
    for (int b = 6; b >= 0; b--) if (combined & (1u << b)) { len = b; break; }
    if (len < 1) return 0;
    if (!sf && n) return 0;
    unsigned levels = (1u << len) - 1;
    return (imms & levels) != levels;
}

static uint32_t r(void) { return pick(4); }

static uint32_t generate(unsigned cls) {
    uint32_t sf = pick(2), rd = r(), rn = r(), rm = r(), ra = r();
    switch (cls) {
    case 0: /* ADD/ADDS/SUB/SUBS (immediate) */
        return 0x11000000 | sf << 31 | pick(2) << 30 | pick(2) << 29 | pick(2) << 22 | pick(4096) << 10 | rn << 5 | rd;
    case 1: /* add/sub (shifted register), sometimes CMP/CMN (Rd = ZR) */
        if (pick(4) == 0) rd = 31;
        return 0x0B000000 | sf << 31 | pick(2) << 30 | (rd == 31 ? 1 : pick(2)) << 29 | pick(3) << 22 | rm << 16
            | pick(sf ? 64 : 32) << 10 | rn << 5 | rd;
    case 2: /* logical (shifted register), sometimes TST */
        if (pick(5) == 0) rd = 31;
        return 0x0A000000 | sf << 31 | (rd == 31 ? 3 : pick(4)) << 29 | pick(4) << 22 | pick(2) << 21 | rm << 16
            | pick(sf ? 64 : 32) << 10 | rn << 5 | rd;
    case 3: /* add/sub (extended register) */
        return 0x0B200000 | sf << 31 | pick(2) << 30 | pick(2) << 29 | rm << 16 | pick(8) << 13 | pick(5) << 10
            | rn << 5 | rd;
    case 4: { /* logical (immediate) */
        uint32_t n, immr, imms;
        do { n = sf ? pick(2) : 0; immr = pick(64); imms = pick(64); if (!sf) immr &= 31; }
        while (!valid_bitmask(sf, n, imms));
        return 0x12000000 | sf << 31 | pick(4) << 29 | n << 22 | immr << 16 | imms << 10 | rn << 5 | rd;
    }
    case 5: { /* move wide: MOVN, MOVZ, MOVK */
        static const uint32_t opc[] = {0, 2, 3};
        return 0x12800000 | sf << 31 | opc[pick(3)] << 29 | pick(sf ? 4 : 2) << 21 | pick(65536) << 5 | rd;
    }
    case 6: /* bitfield: SBFM, BFM, UBFM */
        return 0x13000000 | sf << 31 | pick(3) << 29 | sf << 22 | pick(sf ? 64 : 32) << 16 | pick(sf ? 64 : 32) << 10
            | rn << 5 | rd;
    case 7: /* EXTR */
        return 0x13800000 | sf << 31 | sf << 22 | rm << 16 | pick(sf ? 64 : 32) << 10 | rn << 5 | rd;
    case 8: { /* two-source: UDIV, SDIV, LSLV, LSRV, ASRV, RORV */
        static const uint32_t op[] = {2, 3, 8, 9, 10, 11};
        return 0x1AC00000 | sf << 31 | rm << 16 | op[pick(6)] << 10 | rn << 5 | rd;
    }
    case 9: { /* one-source: RBIT, REV16, REV32/REV, REV, CLZ, CLS */
        uint32_t op = pick(6);
        if (op == 3 && !sf) op = 2;
        return 0x5AC00000 | sf << 31 | op << 10 | rn << 5 | rd;
    }
    case 10: { /* three-source: MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH */
        unsigned k = pick(8);
        if (k < 2) return 0x1B000000 | sf << 31 | rm << 16 | k << 15 | ra << 10 | rn << 5 | rd;
        static const uint32_t op31[] = {1, 1, 2, 5, 5, 6};
        static const uint32_t o0[] = {0, 1, 0, 0, 1, 0};
        k -= 2;
        return 0x9B000000 | op31[k] << 21 | rm << 16 | o0[k] << 15 | (op31[k] == 2 || op31[k] == 6 ? 31 : ra) << 10
            | rn << 5 | rd;
    }
    case 11: /* conditional select: CSEL, CSINC, CSINV, CSNEG */
        return 0x1A800000 | sf << 31 | pick(2) << 30 | rm << 16 | pick(16) << 12 | pick(2) << 10 | rn << 5 | rd;
    case 12: { /* conditional compare (register and immediate): CCMN, CCMP */
        uint32_t imm = pick(2);
        return 0x3A400000 | sf << 31 | pick(2) << 30 | (imm ? pick(32) : rm) << 16 | pick(16) << 12
            | imm << 11 | rn << 5 | pick(16);
    }
    case 13: /* add/subtract with carry: ADC, ADCS, SBC, SBCS (and NGC, NGCS with Rn = ZR) */
        if (pick(6) == 0) rn = 31;
        return 0x1A000000 | sf << 31 | pick(4) << 29 | rm << 16 | rn << 5 | rd;
    case 14: { /* CRC32B/H/W/X and CRC32CB/H/W/X: sf = 1 exactly for the X forms */
        uint32_t sz = pick(4);
        return 0x1AC04000 | (sz == 3) << 31 | rm << 16 | pick(2) << 12 | sz << 10 | rn << 5 | rd;
    }
    }
    return 0xd503201f;
}

#define CLASSES 15

/* Loads and stores: the buffer is one page at a fixed address, so the vectors replay at the same addresses. */
#define BUF 0x40100000ull
#define WINDOW 64

static uint32_t generate_memory(unsigned cls, state_t *s) {
    uint32_t rt = pick(3), rt2 = (rt + 1 + pick(2)) % 3, size, opc;
    do { size = pick(4); opc = pick(4); } while ((size == 3 && opc >= 2) || (size == 2 && opc == 3));
    s->x[3] = BUF + 16 + pick(9);                       /* base: in the window, often unaligned */
    switch (cls) {
    case 0: /* unsigned offset, scaled */
        return 0x39000000 | size << 30 | opc << 22 | pick(17 >> size) << 10 | 3 << 5 | rt;
    case 1: /* unscaled (LDUR/STUR and sign-extending forms) */
        return 0x38000000 | size << 30 | opc << 22 | ((pick(33) - 16) & 0x1ff) << 12 | 3 << 5 | rt;
    case 2: /* pre-index */
        return 0x38000C00 | size << 30 | opc << 22 | ((pick(33) - 16) & 0x1ff) << 12 | 3 << 5 | rt;
    case 3: /* post-index */
        return 0x38000400 | size << 30 | opc << 22 | ((pick(33) - 16) & 0x1ff) << 12 | 3 << 5 | rt;
    case 4: { /* register offset: UXTW, LSL, SXTW, SXTX with and without scaling; x2 is the index */
        static const uint32_t option[] = {2, 3, 6, 7};
        uint32_t o = option[pick(4)];
        s->x[2] = (o == 6 || o == 7) && pick(2) ? (uint64_t) -(int64_t) pick(3) : pick(3);
        if (o == 2 || o == 6) s->x[2] |= (uint64_t) pick(2) << 40;   /* the W extends ignore the top half */
        if (rt == 2) rt = 0;
        return 0x38200800 | size << 30 | opc << 22 | 2 << 16 | o << 13 | pick(2) << 12 | 3 << 5 | rt;
    }
    default: { /* LDP, STP (32 and 64 bit) and LDPSW, signed offset */
        uint32_t kind = pick(5), l = pick(2), op = kind == 4 ? 1 : (kind & 2);
        if (op == 1) l = 1;
        return 0x29000000 | op << 30 | l << 22 | ((pick(5) - 2) & 0x7f) << 15 | rt2 << 10 | 3 << 5 | rt;
    }
    }
}

static void print_state(const state_t *s, const uint8_t *window) {
    for (int i = 0; i < 4; i++) printf(" %016llx", (unsigned long long) s->x[i]);
    printf(" %x ", (unsigned) (s->nzcv >> 28));
    for (int i = 0; i < WINDOW; i++) printf("%02x", window[i]);
}

static int memory_vectors(int per_class) {
    uint8_t *buf = mmap((void *) BUF, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
    if (buf != (uint8_t *) BUF) { perror("mmap buffer"); return 1; }
    for (unsigned cls = 0; cls < 6; cls++) {
        for (int k = 0; k < per_class; k++) {
            state_t s;
            for (int i = 0; i < 3; i++) s.x[i] = operand();
            s.nzcv = (uint64_t) pick(16) << 28;
            uint32_t insn = generate_memory(cls, &s);
            for (int i = 0; i < WINDOW; i++) buf[i] = (uint8_t) next();
            printf("%08x", insn);
            print_state(&s, buf);
            printf(" ->");
            run(insn, &s);
            print_state(&s, buf);
            printf("\n");
        }
    }
    return 0;
}


/*
 * SIMD&FP vectors: one instruction drawn inside each row of SimdPatterns.java (ROWS copies its mask/match pairs, register
 * fields limited to 0-3), run between a head that loads x0-x3, NZCV, FPCR, FPSR and q0-q3 from a state block
 * addressed by x16 and a tail that stores them back. FP operands come from the edges of each format (zeros,
 * infinities, quiet and signalling NaNs with payloads, subnormals, the normal limits, ties, integer limits) or
 * random bits; FPCR takes a random rounding mode and sometimes FZ and DN. Encodings QEMU rejects (SIGILL: the
 * reserved field combinations inside a row) are skipped. The first output line, "# head ... tail ...", gives the
 * head and tail words, so the replaying test runs the very same sequence. Then one case a line:
 * "insn x0 x1 x2 x3 nzcv fpcr fpsr v0lo v0hi v1lo v1hi v2lo v2hi v3lo v3hi -> (the same 14 after)", in hex.
 */
typedef struct { uint64_t x[4]; uint64_t nzcv, fpcr, fpsr, pad; uint64_t v[4][2]; } fpstate_t;

__asm__(".section .rodata\n.balign 4\n.globl fp_head, fp_tail, fp_end\n"
        "fp_head:\n"
        "ldr x17, [x16, #32]\n msr nzcv, x17\n ldr x17, [x16, #40]\n msr fpcr, x17\n ldr x17, [x16, #48]\n msr fpsr, x17\n"
        "ldp q0, q1, [x16, #64]\n ldp q2, q3, [x16, #96]\n ldp x0, x1, [x16]\n ldp x2, x3, [x16, #16]\n"
        "fp_tail:\n"
        "stp x0, x1, [x16]\n stp x2, x3, [x16, #16]\n mrs x17, nzcv\n str x17, [x16, #32]\n mrs x17, fpcr\n"
        "str x17, [x16, #40]\n mrs x17, fpsr\n str x17, [x16, #48]\n stp q0, q1, [x16, #64]\n stp q2, q3, [x16, #96]\n"
        "msr fpcr, xzr\n"
        "fp_end:\n.text\n");
extern const uint32_t fp_head[], fp_tail[], fp_end[];

/* fp: 1 a scalar FP row (operands by ftype bit 22), 0 an Advanced SIMD row, 2 a half-precision conversion row. */
typedef struct { uint32_t mask, match; const char *regs; int fp; } row_t;

static const row_t ROWS[] = {
    {0xFFA0FC00u, 0x1E200800u, "dnm", 1},   /* FMUL */
    {0xFFA0FC00u, 0x1E201800u, "dnm", 1},   /* FDIV */
    {0xFFA0FC00u, 0x1E202800u, "dnm", 1},   /* FADD */
    {0xFFA0FC00u, 0x1E203800u, "dnm", 1},   /* FSUB */
    {0xFFA0FC00u, 0x1E204800u, "dnm", 1},   /* FMAX */
    {0xFFA0FC00u, 0x1E205800u, "dnm", 1},   /* FMIN */
    {0xFFA0FC00u, 0x1E206800u, "dnm", 1},   /* FMAXNM */
    {0xFFA0FC00u, 0x1E207800u, "dnm", 1},   /* FMINNM */
    {0xFFA0FC00u, 0x1E208800u, "dnm", 1},   /* FNMUL */
    {0xFFA08000u, 0x1F000000u, "dnma", 1},   /* FMADD */
    {0xFFA08000u, 0x1F008000u, "dnma", 1},   /* FMSUB */
    {0xFFA08000u, 0x1F200000u, "dnma", 1},   /* FNMADD */
    {0xFFA08000u, 0x1F208000u, "dnma", 1},   /* FNMSUB */
    {0xFFBFFC00u, 0x1E204000u, "dn", 1},   /* FMOV_reg */
    {0xFFBFFC00u, 0x1E20C000u, "dn", 1},   /* FABS */
    {0xFFBFFC00u, 0x1E214000u, "dn", 1},   /* FNEG */
    {0xFFBFFC00u, 0x1E21C000u, "dn", 1},   /* FSQRT */
    {0xFFFFFC00u, 0x1E22C000u, "dn", 1},   /* FCVT_prec */
    {0xFFFFFC00u, 0x1E624000u, "dn", 1},   /* FCVT_prec */
    {0xFFBE7C00u, 0x1E244000u, "dn", 1},   /* FRINT */
    {0xFFBFFC00u, 0x1E264000u, "dn", 1},   /* FRINT */
    {0xFFBF7C00u, 0x1E274000u, "dn", 1},   /* FRINT */
    {0xFFA0FC1Fu, 0x1E202000u, "nm", 1},   /* FCMP */
    {0xFFA0FC1Fu, 0x1E202008u, "nm", 1},   /* FCMP */
    {0xFFA0FC1Fu, 0x1E202010u, "nm", 1},   /* FCMP */
    {0xFFA0FC1Fu, 0x1E202018u, "nm", 1},   /* FCMP */
    {0xFFA00C00u, 0x1E200400u, "nm", 1},   /* FCCMP */
    {0xFFA00C00u, 0x1E200C00u, "dnm", 1},   /* FCSEL */
    {0xFFA01FE0u, 0x1E201000u, "d", 1},   /* FMOV_imm */
    {0x7FBEFC00u, 0x1E200000u, "dn", 1},   /* FCVT_int */
    {0x7FBEFC00u, 0x1E240000u, "dn", 1},   /* FCVT_int */
    {0x7FBEFC00u, 0x1E280000u, "dn", 1},   /* FCVT_int */
    {0x7FBEFC00u, 0x1E300000u, "dn", 1},   /* FCVT_int */
    {0x7FBEFC00u, 0x1E380000u, "dn", 1},   /* FCVT_int */
    {0x7FBFFC00u, 0x1E220000u, "dn", 1},   /* SCVTF */
    {0x7FBFFC00u, 0x1E230000u, "dn", 1},   /* UCVTF */
    {0x7FBEFC00u, 0x1E260000u, "dn", 1},   /* FMOV_gen */
    {0xFFFEFC00u, 0x9EAE0000u, "dn", 1},   /* FMOV_gen */
    {0xBFF89C00u, 0x0F000400u, "d", 0},   /* MOVI */
    {0xBFF8DC00u, 0x0F008400u, "d", 0},   /* MOVI */
    {0xBFF8EC00u, 0x0F00C400u, "d", 0},   /* MOVI */
    {0xBFF8FC00u, 0x0F00E400u, "d", 0},   /* MOVI */
    {0xBFF8FC00u, 0x2F00E400u, "d", 0},   /* MOVI */
    {0xBFF89C00u, 0x0F001400u, "d", 0},   /* ORR_vimm */
    {0xBFF8DC00u, 0x0F009400u, "d", 0},   /* ORR_vimm */
    {0xBFF89C00u, 0x2F000400u, "d", 0},   /* MVNI */
    {0xBFF8DC00u, 0x2F008400u, "d", 0},   /* MVNI */
    {0xBFF8EC00u, 0x2F00C400u, "d", 0},   /* MVNI */
    {0xBFF89C00u, 0x2F001400u, "d", 0},   /* BIC_vimm */
    {0xBFF8DC00u, 0x2F009400u, "d", 0},   /* BIC_vimm */
    {0xBFF8FC00u, 0x0F00F400u, "d", 0},   /* FMOV_vimm */
    {0xFFF8FC00u, 0x6F00F400u, "d", 0},   /* FMOV_vimm */
    {0xBFE0FC00u, 0x0E000400u, "dn", 0},   /* DUP_elem */
    {0xBFE0FC00u, 0x0E000C00u, "dn", 0},   /* DUP_gen */
    {0xFFE0FC00u, 0x4E001C00u, "dn", 0},   /* INS_gen */
    {0xBFE0FC00u, 0x0E002C00u, "dn", 0},   /* SMOV */
    {0xBFE0FC00u, 0x0E003C00u, "dn", 0},   /* UMOV */
    {0xFFE08400u, 0x6E000400u, "dn", 0},   /* INS_elem */
    {0xFFE0FC00u, 0x5E000400u, "dn", 0},   /* DUP_scalar */
    {0xBF20FC00u, 0x0E208400u, "dnm", 0},   /* ADD_v */
    {0xBF20FC00u, 0x2E208400u, "dnm", 0},   /* SUB_v */
    {0xBFE0FC00u, 0x0E201C00u, "dnm", 0},   /* AND_v */
    {0xBFE0FC00u, 0x0E601C00u, "dnm", 0},   /* BIC_v */
    {0xBFE0FC00u, 0x0EA01C00u, "dnm", 0},   /* ORR_v */
    {0xBFE0FC00u, 0x0EE01C00u, "dnm", 0},   /* ORN_v */
    {0xBFE0FC00u, 0x2E201C00u, "dnm", 0},   /* EOR_v */
    {0xBFE0FC00u, 0x2E601C00u, "dnm", 0},   /* BSL_v */
    {0xBFE0FC00u, 0x2EA01C00u, "dnm", 0},   /* BIT_v */
    {0xBFE0FC00u, 0x2EE01C00u, "dnm", 0},   /* BIF_v */
    {0xBF20FC00u, 0x0E208C00u, "dnm", 0},   /* CMTST_v */
    {0xBF20FC00u, 0x2E208C00u, "dnm", 0},   /* CMEQ_v */
    {0xBF20FC00u, 0x0E203400u, "dnm", 0},   /* CMGT_v */
    {0xBF20FC00u, 0x2E203400u, "dnm", 0},   /* CMHI_v */
    {0xBF20FC00u, 0x0E203C00u, "dnm", 0},   /* CMGE_v */
    {0xBF20FC00u, 0x2E203C00u, "dnm", 0},   /* CMHS_v */
    {0xBF20FC00u, 0x0E206400u, "dnm", 0},   /* SMAX_v */
    {0xBF20FC00u, 0x2E206400u, "dnm", 0},   /* UMAX_v */
    {0xBF20FC00u, 0x0E206C00u, "dnm", 0},   /* SMIN_v */
    {0xBF20FC00u, 0x2E206C00u, "dnm", 0},   /* UMIN_v */
    {0xBF20FC00u, 0x0E20A400u, "dnm", 0},   /* SMAXP_v */
    {0xBF20FC00u, 0x2E20A400u, "dnm", 0},   /* UMAXP_v */
    {0xBF20FC00u, 0x0E20AC00u, "dnm", 0},   /* SMINP_v */
    {0xBF20FC00u, 0x2E20AC00u, "dnm", 0},   /* UMINP_v */
    {0xBF20FC00u, 0x0E20BC00u, "dnm", 0},   /* ADDP_v */
    {0xBF20FC00u, 0x0E209C00u, "dnm", 0},   /* MUL_v */
    {0xBF3FFC00u, 0x0E200800u, "dn", 0},   /* REV64_v */
    {0xBF3FFC00u, 0x2E200800u, "dn", 0},   /* REV32_v */
    {0xBF3FFC00u, 0x0E201800u, "dn", 0},   /* REV16_v */
    {0xBFFFFC00u, 0x0E205800u, "dn", 0},   /* CNT_v */
    {0xBFFFFC00u, 0x2E205800u, "dn", 0},   /* NOT_v */
    {0xBFFFFC00u, 0x2E605800u, "dn", 0},   /* RBIT_v */
    {0xBF3FFC00u, 0x0E208800u, "dn", 0},   /* CMGT_zero */
    {0xBF3FFC00u, 0x2E208800u, "dn", 0},   /* CMGE_zero */
    {0xBF3FFC00u, 0x0E209800u, "dn", 0},   /* CMEQ_zero */
    {0xBF3FFC00u, 0x2E209800u, "dn", 0},   /* CMLE_zero */
    {0xBF3FFC00u, 0x0E20A800u, "dn", 0},   /* CMLT_zero */
    {0xBF3FFC00u, 0x0E20B800u, "dn", 0},   /* ABS_v */
    {0xBF3FFC00u, 0x2E20B800u, "dn", 0},   /* NEG_v */
    {0xBF3FFC00u, 0x0E212800u, "dn", 0},   /* XTN */
    {0xBF3FFC00u, 0x0E31B800u, "dn", 0},   /* ADDV */
    {0xBF3FFC00u, 0x0E30A800u, "dn", 0},   /* SMAXV */
    {0xBF3FFC00u, 0x2E30A800u, "dn", 0},   /* UMAXV */
    {0xBF3FFC00u, 0x0E31A800u, "dn", 0},   /* SMINV */
    {0xBF3FFC00u, 0x2E31A800u, "dn", 0},   /* UMINV */
    {0xBF3FFC00u, 0x0E303800u, "dn", 0},   /* SADDLV */
    {0xBF3FFC00u, 0x2E303800u, "dn", 0},   /* UADDLV */
    {0xFFFFFC00u, 0x5EF1B800u, "dn", 0},   /* ADDP_scalar */
    {0xBFE08400u, 0x2E000000u, "dnm", 0},   /* EXT_v */
    {0xBFE09C00u, 0x0E000000u, "dnm", 0},   /* TBL */
    {0xBFE09C00u, 0x0E001000u, "dnm", 0},   /* TBX */
    {0xBF20FC00u, 0x0E001800u, "dnm", 0},   /* UZP1 */
    {0xBF20FC00u, 0x0E002800u, "dnm", 0},   /* TRN1 */
    {0xBF20FC00u, 0x0E003800u, "dnm", 0},   /* ZIP1 */
    {0xBF20FC00u, 0x0E005800u, "dnm", 0},   /* UZP2 */
    {0xBF20FC00u, 0x0E006800u, "dnm", 0},   /* TRN2 */
    {0xBF20FC00u, 0x0E007800u, "dnm", 0},   /* ZIP2 */
    {0xBFC0FC00u, 0x0F400400u, "dn", 0},   /* SSHR */
    {0xBFE0FC00u, 0x0F200400u, "dn", 0},   /* SSHR */
    {0xBFF0FC00u, 0x0F100400u, "dn", 0},   /* SSHR */
    {0xBFF8FC00u, 0x0F080400u, "dn", 0},   /* SSHR */
    {0xBFC0FC00u, 0x2F400400u, "dn", 0},   /* USHR */
    {0xBFE0FC00u, 0x2F200400u, "dn", 0},   /* USHR */
    {0xBFF0FC00u, 0x2F100400u, "dn", 0},   /* USHR */
    {0xBFF8FC00u, 0x2F080400u, "dn", 0},   /* USHR */
    {0xBFC0FC00u, 0x0F401400u, "dn", 0},   /* SSRA */
    {0xBFE0FC00u, 0x0F201400u, "dn", 0},   /* SSRA */
    {0xBFF0FC00u, 0x0F101400u, "dn", 0},   /* SSRA */
    {0xBFF8FC00u, 0x0F081400u, "dn", 0},   /* SSRA */
    {0xBFC0FC00u, 0x2F401400u, "dn", 0},   /* USRA */
    {0xBFE0FC00u, 0x2F201400u, "dn", 0},   /* USRA */
    {0xBFF0FC00u, 0x2F101400u, "dn", 0},   /* USRA */
    {0xBFF8FC00u, 0x2F081400u, "dn", 0},   /* USRA */
    {0xBFC0FC00u, 0x0F405400u, "dn", 0},   /* SHL_v */
    {0xBFE0FC00u, 0x0F205400u, "dn", 0},   /* SHL_v */
    {0xBFF0FC00u, 0x0F105400u, "dn", 0},   /* SHL_v */
    {0xBFF8FC00u, 0x0F085400u, "dn", 0},   /* SHL_v */
    {0xBFC0FC00u, 0x0F408400u, "dn", 0},   /* SHRN */
    {0xBFE0FC00u, 0x0F208400u, "dn", 0},   /* SHRN */
    {0xBFF0FC00u, 0x0F108400u, "dn", 0},   /* SHRN */
    {0xBFF8FC00u, 0x0F088400u, "dn", 0},   /* SHRN */
    {0xBFC0FC00u, 0x0F40A400u, "dn", 0},   /* SSHLL */
    {0xBFE0FC00u, 0x0F20A400u, "dn", 0},   /* SSHLL */
    {0xBFF0FC00u, 0x0F10A400u, "dn", 0},   /* SSHLL */
    {0xBFF8FC00u, 0x0F08A400u, "dn", 0},   /* SSHLL */
    {0xBFC0FC00u, 0x2F40A400u, "dn", 0},   /* USHLL */
    {0xBFE0FC00u, 0x2F20A400u, "dn", 0},   /* USHLL */
    {0xBFF0FC00u, 0x2F10A400u, "dn", 0},   /* USHLL */
    {0xBFF8FC00u, 0x2F08A400u, "dn", 0},   /* USHLL */
};

static const uint32_t S_EDGES[] = {
    0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7fd23456, 0x7f800001, 0xff812345, 0x00000001,
    0x807fffff, 0x007fffff, 0x00800000, 0x80800000, 0x7f7fffff, 0xff7fffff, 0x3f800000, 0xbf800000, 0x3f000000,
    0xbf000000, 0x3fc00000, 0x40200000, 0xc0600000, 0x4f000000, 0xcf000000, 0x4effffff, 0x5f000000, 0xdf000000,
    0x5f800000, 0x4f800000, 0x34000000, 0x00400000, 0x0c000000, 0x7e000000, 0x3effffff, 0x3f7fffff, 0x40400000,
};
static const uint64_t D_EDGES[] = {
    0, 0x8000000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull,
    0xfff8000000000001ull, 0x7ff8123456789abcull, 0x7ff0000000000001ull, 0xfff4000000000000ull, 1,
    0x800fffffffffffffull, 0x000fffffffffffffull, 0x0010000000000000ull, 0x8010000000000000ull,
    0x7fefffffffffffffull, 0xffefffffffffffffull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x3fe0000000000000ull, 0xbfe0000000000000ull, 0x3ff8000000000000ull, 0x4004000000000000ull,
    0xc00c000000000000ull, 0x41e0000000000000ull, 0xc1e0000000000000ull, 0x41dfffffffc00000ull,
    0x41dfffffffe00000ull, 0xc1e0000000100000ull, 0x43e0000000000000ull, 0xc3e0000000000000ull,
    0x43f0000000000000ull, 0x41f0000000000000ull, 0x3ca0000000000000ull, 0x0008000000000000ull,
    0x36a0000000000000ull, 0x47efffffe0000000ull, 0x380fffffe0000000ull, 0x3810000000000000ull,
    0x36a0000000000001ull, 0x3fefffffffffffffull, 0x4330000000000000ull, 0x4330000000000001ull,
};

static uint64_t fp_operand(int dbl) {
    unsigned k = pick(8);
    if (dbl) {
        if (k < 4) return D_EDGES[pick(sizeof D_EDGES / sizeof D_EDGES[0])] ^ (pick(6) == 0 ? 0x8000000000000000ull : 0);
        if (k == 4) return next();
        uint64_t e = 0x3f0 + pick(0x20);   /* moderate exponents, so sums and products round often */
        return (uint64_t) pick(2) << 63 | e << 52 | (next() & 0xfffffffffffffull);
    }
    uint64_t hi = next() & 0xffffffff00000000ull;
    if (k < 4) return hi | (S_EDGES[pick(sizeof S_EDGES / sizeof S_EDGES[0])] ^ (pick(6) == 0 ? 0x80000000u : 0));
    if (k == 4) return next();
    uint32_t e = 0x78 + pick(0x10);
    return hi | (uint64_t) pick(2) << 31 | e << 23 | (next() & 0x7fffff);
}

/*
 * Half precision (the "fp16" mode): FCVT between H and S/D, FCVTL/FCVTN, with operands at the edges of the half
 * format (and of single/double values converted to it: the largest half, the rounding ties to infinity and to the
 * smallest subnormal) and FPCR.AHP set in a third of the cases.
 */
static const row_t ROWS16[] = {
    {0xFFFFFC00u, 0x1E23C000u, "dn", 2},   /* FCVT Hd, Sn */
    {0xFFFFFC00u, 0x1E63C000u, "dn", 2},   /* FCVT Hd, Dn */
    {0xFFFFFC00u, 0x1EE24000u, "dn", 2},   /* FCVT Sd, Hn */
    {0xFFFFFC00u, 0x1EE2C000u, "dn", 2},   /* FCVT Dd, Hn */
    {0xBFBFFC00u, 0x0E217800u, "dn", 2},   /* FCVTL, FCVTL2 */
    {0xBFBFFC00u, 0x0E216800u, "dn", 2},   /* FCVTN, FCVTN2 */
};

static const uint16_t H_EDGES[] = {
    0, 0x8000, 0x7c00, 0xfc00, 0x7e00, 0xfe01, 0x7d23, 0x7c01, 0xfc7f, 0x0001, 0x8001, 0x03ff, 0x83ff, 0x0200, 0x0400,
    0x8400, 0x7bff, 0xfbff, 0x3c00, 0xbc00, 0x3555, 0x7fff, 0xffff, 0x7e7f, 0x3800, 0x0401,
};
/* Singles and doubles at the half format's edges: 65504, just below and at the tie to 65536, 65536, the smallest
 * normal, the largest subnormal, the smallest subnormal, the tie below it, 1 plus a half ulp (tie) and beyond. */
static const uint32_t S16_EDGES[] = {
    0x477fe000, 0x477fefff, 0x477ff000, 0x47800000, 0x38800000, 0x387fc000, 0x33800000, 0x33000000, 0x33000001,
    0x337fffff, 0x3f801000, 0x3f803000, 0x3f801001, 0x38000000, 0x387fe000, 0x387ff000, 0xc77ff000, 0x33c00000,
};
static const uint64_t D16_EDGES[] = {
    0x40effc0000000000ull, 0x40effdffffffffffull, 0x40effe0000000000ull, 0x40f0000000000000ull,
    0x3f10000000000000ull, 0x3f0ff80000000000ull, 0x3e70000000000000ull, 0x3e60000000000000ull,
    0x3e60000000000001ull, 0x3ff0020000000000ull, 0x3ff0060000000000ull, 0x3ff0020000000001ull,
    0x3f0ffc0000000000ull, 0x3f0ffe0000000000ull, 0xc0effe0000000000ull, 0x3e78000000000000ull,
};

static uint64_t half_lane(void) {
    return pick(3) == 0 ? H_EDGES[pick(sizeof H_EDGES / sizeof H_EDGES[0])] : (uint16_t) next();
}

static uint64_t single_lane(void) {
    unsigned k = pick(8);
    if (k < 2) return S16_EDGES[pick(sizeof S16_EDGES / sizeof S16_EDGES[0])] ^ (pick(4) == 0 ? 0x80000000u : 0);
    if (k == 2) return S_EDGES[pick(sizeof S_EDGES / sizeof S_EDGES[0])];
    if (k == 3) return (uint32_t) next();
    uint32_t e = 0x64 + pick(0x2e);   /* from below the smallest half subnormal to above the largest half */
    uint32_t frac = (uint32_t) next() & 0x7fffff;
    if (pick(3) == 0) frac = (frac & ~0x1fffu) | (pick(2) ? 0x1000 : 0);   /* exact ties and exact halves */
    return (uint64_t) pick(2) << 31 | e << 23 | frac;
}

static uint64_t double_lane(void) {
    unsigned k = pick(8);
    if (k < 2) return D16_EDGES[pick(sizeof D16_EDGES / sizeof D16_EDGES[0])] ^ (pick(4) == 0 ? 0x8000000000000000ull : 0);
    if (k == 2) return D_EDGES[pick(sizeof D_EDGES / sizeof D_EDGES[0])];
    if (k == 3) return next();
    uint64_t e = 0x3e4 + pick(0x2e), frac = next() & 0xfffffffffffffull;
    if (pick(3) == 0) frac = (frac & ~0x3ffffffffffull) | (pick(2) ? 0x20000000000ull : 0);
    return (uint64_t) pick(2) << 63 | e << 52 | frac;
}

/* A doubleword of lanes of 16, 32 or 64 bits. */
static uint64_t lanes(int bits) {
    uint64_t v = 0;
    for (int at = 0; at < 64; at += bits)
        v |= (bits == 16 ? half_lane() : bits == 32 ? single_lane() : double_lane()) << at;
    return v;
}

/* The source lane width of a half-precision row's instruction. */
static int source_bits(uint32_t insn) {
    if ((insn & 0xff000000u) == 0x1e000000u) { unsigned t = (insn >> 22) & 3; return t == 3 ? 16 : t == 1 ? 64 : 32; }
    int sz = (insn >> 22) & 1;
    return (insn & 0x1000) ? (sz ? 32 : 16) : (sz ? 64 : 32);   /* FCVTL (opcode 10111) widens, FCVTN narrows */
}

static uint64_t simd_operand(void) {
    uint64_t v = next();
    if (pick(3) == 0) for (int b = 0; b < 8; b++) if (pick(4) == 0) v &= ~(0xffull << (8 * b));   /* zero bytes */
    if (pick(8) == 0) v = EDGES[pick(sizeof EDGES / sizeof EDGES[0])];
    return v;
}

static sigjmp_buf fp_jump;
static void on_sigill(int sig) { (void) sig; siglongjmp(fp_jump, 1); }

static void print_fp(const fpstate_t *s) {
    for (int i = 0; i < 4; i++) printf(" %016llx", (unsigned long long) s->x[i]);
    printf(" %x %08x %08x", (unsigned) (s->nzcv >> 28), (unsigned) s->fpcr, (unsigned) s->fpsr);
    for (int i = 0; i < 4; i++) printf(" %016llx %016llx", (unsigned long long) s->v[i][0], (unsigned long long) s->v[i][1]);
}

static int fp_vectors(const row_t *rows, unsigned nrows, int fp_per_row, int simd_per_row) {
    size_t head = fp_tail - fp_head, tail = fp_end - fp_tail;
    static const uint32_t frame[] = {0xa9bf7bfd, 0xaa0003f0};   /* stp x29, x30, [sp, #-16]!; mov x16, x0 */
    static const uint32_t leave[] = {0xa8c17bfd, 0xd65f03c0};   /* ldp x29, x30, [sp], #16; ret */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigill;
    sigaction(SIGILL, &sa, 0);
    printf("# head");
    for (size_t k = 0; k < head; k++) printf(" %08x", fp_head[k]);
    printf(" tail");
    for (size_t k = 0; k < tail; k++) printf(" %08x", fp_tail[k]);
    printf("\n");
    for (unsigned row = 0; row < nrows; row++) {
        int count = rows[row].fp ? fp_per_row : simd_per_row, tries = 0;
        for (int k = 0; k < count && tries < 20 * count; k++, tries++) {   /* a row may be reserved throughout */
            uint32_t insn = rows[row].match | ((uint32_t) next() & ~rows[row].mask);
            for (const char *r = rows[row].regs; *r; r++) {
                int lo = *r == 'd' ? 0 : *r == 'n' ? 5 : *r == 'm' ? 16 : 10;
                insn = (insn & ~(31u << lo)) | pick(4) << lo;
            }
            if ((insn & 0xbfe08c00u) == 0x0e000000u && ((insn >> 5) & 31) + ((insn >> 13) & 3) > 3) { k--; continue; }
            int dbl = (insn >> 22) & 1;
            fpstate_t s;
            for (int i = 0; i < 4; i++) s.x[i] = operand();
            s.nzcv = (uint64_t) pick(16) << 28;
            s.fpcr = (uint64_t) pick(4) << 22 | (pick(4) == 0 ? 1u << 24 : 0) | (pick(4) == 0 ? 1u << 25 : 0);
            if (rows[row].fp == 2 && pick(3) == 0) s.fpcr |= 1u << 26;   /* AHP */
            s.fpsr = pick(4) == 0 ? (next() & 0x9f) : 0;
            s.pad = 0;
            for (int i = 0; i < 4; i++) {
                s.v[i][0] = rows[row].fp == 2 ? lanes(source_bits(insn)) : rows[row].fp ? fp_operand(dbl) : simd_operand();
                s.v[i][1] = rows[row].fp == 2 ? lanes(source_bits(insn)) : simd_operand();
            }
            fpstate_t before = s;
            memcpy(page, frame, sizeof frame);
            memcpy(page + 2, fp_head, 4 * head);
            page[2 + head] = insn;
            memcpy(page + 3 + head, fp_tail, 4 * tail);
            memcpy(page + 3 + head + tail, leave, sizeof leave);
            __builtin___clear_cache((char *) page, (char *) (page + 5 + head + tail));
            if (sigsetjmp(fp_jump, 1)) { __asm__ volatile("msr fpcr, xzr"); k--; continue; }
            ((void (*)(fpstate_t *)) page)(&s);
            printf("%08x", insn);
            print_fp(&before);
            printf(" ->");
            print_fp(&s);
            printf("\n");
        }
    }
    return 0;
}

int main(int argc, char **argv) {
    int per_class = argc > 1 ? atoi(argv[1]) : 900;
    if (argc > 1 && strcmp(argv[1], "fp") == 0) {
        page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return fp_vectors(ROWS, sizeof ROWS / sizeof ROWS[0], argc > 2 ? atoi(argv[2]) : 80, argc > 3 ? atoi(argv[3]) : 24);
    }
    if (argc > 1 && strcmp(argv[1], "fp16") == 0) {
        page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return fp_vectors(ROWS16, sizeof ROWS16 / sizeof ROWS16[0], argc > 2 ? atoi(argv[2]) : 400, 0);
    }
    if (argc > 2) {
        page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        return memory_vectors(atoi(argv[2]));
    }
    page = mmap(0, 4096, PROT_READ | PROT_WRITE | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (page == MAP_FAILED) { perror("mmap"); return 1; }
    for (unsigned cls = 0; cls < CLASSES; cls++) {
        for (int k = 0; k < per_class; k++) {
            uint32_t insn = generate(cls);
            state_t s;
            for (int i = 0; i < 4; i++) s.x[i] = operand();
            s.nzcv = (uint64_t) pick(16) << 28;
            printf("%08x %016llx %016llx %016llx %016llx %x ->", insn, (unsigned long long) s.x[0],
                   (unsigned long long) s.x[1], (unsigned long long) s.x[2], (unsigned long long) s.x[3],
                   (unsigned) (s.nzcv >> 28));
            run(insn, &s);
            printf(" %016llx %016llx %016llx %016llx %x\n", (unsigned long long) s.x[0], (unsigned long long) s.x[1],
                   (unsigned long long) s.x[2], (unsigned long long) s.x[3], (unsigned) (s.nzcv >> 28));
        }
    }
    return 0;
}
