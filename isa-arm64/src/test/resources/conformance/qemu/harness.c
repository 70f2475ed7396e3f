/*
 * Semantics vectors for the arm64 interpreter, recorded under qemu-aarch64 user mode (generate.sh builds and runs
 * this). For each case the harness builds a trampoline around one integer instruction in an executable page:
 * load x0-x3 and NZCV from a state block, execute the instruction, store x0-x3 and NZCV back. Instructions are
 * generated over every integer class the interpreter implements, with register fields in x0-x3 (and the zero
 * register where the encoding allows it), operands drawn from flag edge cases (0, 1, sign boundaries of every
 * width, all ones) and random values, and random NZCV. A fixed-seed xorshift makes the output reproducible.
 * Output, one case a line: "insn x0 x1 x2 x3 nzcv -> x0 x1 x2 x3 nzcv" in hex.
 * With a second argument it prints load/store vectors instead: x3 points into a 64-byte window of a buffer at a
 * fixed address (0x40100000), and each side of the line adds the window's bytes in hex.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

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

int main(int argc, char **argv) {
    int per_class = argc > 1 ? atoi(argv[1]) : 900;
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
