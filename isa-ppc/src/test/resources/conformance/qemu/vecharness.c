/*
 * AltiVec semantics vectors for the ppc backend, recorded under qemu-ppc user mode on QEMU's 7400 model: for each
 * case the instruction word, the initial v5, v6, v7 (16 bytes each, element 0 first), VSCR, CR and r4, and the final
 * v5, v6, v7, VSCR and CR as QEMU computes them. Tested instructions use VRT = v5, VRA = v6, VRB = v7 and, for the
 * VA forms, VRC = v5 (its initial value); lvsl/lvsr use RA = 0 and RB = r4.
 * Output, one case per line, hex: insn v5 v6 v7 vscr cr r4 : v5 v6 v7 vscr cr
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct vecstate { uint8_t v5[16], v6[16], v7[16], vscr[16]; uint32_t cr, r4, pad[2]; } __attribute__((aligned(16)));
extern void run_vec_case(struct vecstate *s);
extern uint32_t vecslot[];

static uint64_t seed = 0x2545f4914f6cdd1dull;
static uint64_t next(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }

static void patch(uint32_t insn) {
    vecslot[0] = insn;
    __asm__ volatile("dcbst 0,%0; sync; icbi 0,%0; isync" : : "r"(vecslot) : "memory");
}

static void hex(const uint8_t *v) { for (int i = 0; i < 16; i++) printf("%02x", v[i]); }

static void one(uint32_t insn, const uint8_t *v5, const uint8_t *v6, const uint8_t *v7, uint32_t vscr, uint32_t cr,
                uint32_t r4) {
    static struct vecstate s;
    memcpy(s.v5, v5, 16); memcpy(s.v6, v6, 16); memcpy(s.v7, v7, 16);
    memset(s.vscr, 0, 16);
    s.vscr[12] = vscr >> 24; s.vscr[13] = vscr >> 16; s.vscr[14] = vscr >> 8; s.vscr[15] = vscr;
    s.cr = cr; s.r4 = r4;
    patch(insn);
    run_vec_case(&s);
    printf("%08x ", insn); hex(v5); putchar(' '); hex(v6); putchar(' '); hex(v7);
    printf(" %08x %08x %08x : ", vscr, cr, r4);
    hex(s.v5); putchar(' '); hex(s.v6); putchar(' '); hex(s.v7);
    printf(" %08x %08x\n", (uint32_t) s.vscr[12] << 24 | s.vscr[13] << 16 | s.vscr[14] << 8 | s.vscr[15], s.cr);
}

/* a vector of kind k: random, edges of each element size (0, 1, 0x7f.., 0x80.., 0xff..), or mostly equal to another */
static void fill(uint8_t *v, unsigned k) {
    static const uint8_t EDGE[] = { 0x00, 0x01, 0x7f, 0x80, 0xff, 0xfe, 0x81, 0x40 };
    for (int i = 0; i < 16; i++) {
        uint64_t r = next();
        switch (k % 4) {
        case 0: v[i] = r; break;
        case 1: v[i] = EDGE[r % 8]; break;
        case 2: v[i] = (i % 4 == 0) ? EDGE[r % 8] : (i % 4 == 3 ? r : EDGE[(r >> 8) % 8]); break;
        default: v[i] = (r % 3) ? 0xff : r; break;
        }
    }
}

/* four floats of kind k: small values, values with a wide exponent spread, specials, or denormals and zeros */
static void ffill(uint8_t *v, unsigned k) {
    static const uint32_t SPECIAL[] = { 0x00000000, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001,
                                        0x7f800001, 0x00000001, 0x807fffff, 0x3f800000, 0xbf800000, 0x7f7fffff,
                                        0x4f000000, 0xcf000000, 0x3f000000, 0x4f800000 };
    for (int i = 0; i < 4; i++) {
        uint64_t r = next();
        uint32_t x;
        switch (k % 4) {
        case 0: x = (uint32_t) (r & 0x807fffff) | (uint32_t) (120 + r % 16) << 23; break;
        case 1: x = (uint32_t) (r & 0x807fffff) | (uint32_t) (r >> 40) % 254 << 23; break;
        case 2: x = SPECIAL[r % 16]; break;
        default: x = (r % 2) ? (uint32_t) (r & 0x807fffff) : SPECIAL[r % 16]; break;
        }
        v[4 * i] = x >> 24; v[4 * i + 1] = x >> 16; v[4 * i + 2] = x >> 8; v[4 * i + 3] = x;
    }
}

static uint32_t vx(uint32_t xo) { return 4u << 26 | 5u << 21 | 6u << 16 | 7u << 11 | xo; }

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    static const uint32_t VX3[] = { 0, 64, 128, 1024, 1088, 1152, 384, 1408, 512, 576, 640, 768, 832, 896, 1536, 1600,
        1664, 1792, 1856, 1920, 2, 66, 130, 258, 322, 386, 514, 578, 642, 770, 834, 898, 1026, 1090, 1154, 1282, 1346,
        1410, 1028, 1092, 1156, 1220, 1284, 4, 68, 132, 260, 324, 388, 516, 580, 644, 772, 836, 900, 452, 708, 1036,
        1100, 12, 76, 140, 268, 332, 396, 14, 78, 520, 8, 776, 264, 584, 72, 840, 328, 142, 206, 270, 334, 398, 462 };
    static const uint32_t VC[] = { 6, 70, 134, 518, 582, 646, 774, 838, 902 };
    uint8_t a[16], b[16], c[16];
    unsigned k = 0;
    for (unsigned o = 0; o < sizeof VX3 / sizeof VX3[0]; o++)
        for (unsigned n = 0; n < 40; n++, k++) {
            fill(a, n); fill(b, n / 4 + n); fill(c, n + 1);
            if (n % 10 == 9) memcpy(b, a, 16);
            /* vsl/vsr want the same shift count in every byte of VRB */
            if (VX3[o] == 452 || VX3[o] == 708) memset(b, b[15], 16);
            one(vx(VX3[o]), c, a, b, n % 3 == 0 ? 1 : 0, 0x12345678, 0);
        }
    for (unsigned o = 0; o < sizeof VC / sizeof VC[0]; o++)
        for (unsigned n = 0; n < 48; n++) {
            fill(a, n); fill(b, n + 2); fill(c, n);
            if (n % 6 == 5) memcpy(b, a, 16);
            if (n % 12 == 7) { memset(a, 0x7f, 16); memset(b, 0x80, 16); }
            one(vx(VC[o]) | (n % 2) << 10, c, a, b, 0, 0x87654321 ^ n, 0);
        }
    /* VA forms: vmladduhm, vsel, vperm, the multiply-sums (VRC = v5), vsldoi with every SHB */
    static const uint32_t VA[] = { 34, 42, 43, 36, 37, 38, 39, 40, 41 };
    for (unsigned o = 0; o < sizeof VA / sizeof VA[0]; o++)
        for (unsigned n = 0; n < 60; n++) {
            fill(a, n); fill(b, n + 3); fill(c, n * 7);
            one(vx(VA[o]) & ~(31u << 6) | 5u << 6, c, a, b, 0, 0, 0);
        }
    for (uint32_t shb = 0; shb < 16; shb++)
        for (unsigned n = 0; n < 4; n++) {
            fill(a, n); fill(b, n + 1); fill(c, n);
            one((vx(44) & ~(31u << 6)) | shb << 6, c, a, b, 0, 0, 0);
        }
    /* splats with every UIMM and SIMM; unpacks; VSCR moves */
    for (uint32_t u = 0; u < 16; u++) {
        fill(a, u); fill(b, u + 1); fill(c, u);
        one(4u << 26 | 5u << 21 | u << 16 | 7u << 11 | 524, c, a, b, 0, 0, 0);
        if (u < 8) one(4u << 26 | 5u << 21 | u << 16 | 7u << 11 | 588, c, a, b, 0, 0, 0);
        if (u < 4) one(4u << 26 | 5u << 21 | u << 16 | 7u << 11 | 652, c, a, b, 0, 0, 0);
    }
    for (uint32_t si = 0; si < 32; si++) {
        fill(c, si);
        one(4u << 26 | 5u << 21 | si << 16 | 780, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | si << 16 | 844, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | si << 16 | 908, c, a, b, 0, 0, 0);
    }
    for (unsigned n = 0; n < 24; n++) {
        fill(b, n); fill(c, n + 1);
        one(4u << 26 | 5u << 21 | 7u << 11 | 526, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | 7u << 11 | 590, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | 7u << 11 | 654, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | 7u << 11 | 718, c, a, b, 0, 0, 0);
        one(4u << 26 | 5u << 21 | 1540, c, a, b, n % 2, 0, 0);
        fill(b, n + 5);
        one(4u << 26 | 7u << 11 | 1604, c, a, b, 0, 0, 0);
    }
    /* single-precision floating point in Java (NJ = 0) and non-Java mode (NJ = 1): arithmetic, fused multiply-add,
       max/min, estimates, rounding, conversions with every fourth scale, compares and their record forms */
    static const uint32_t FX3[] = { 10, 74, 1034, 1098 };
    static const uint32_t FX1[] = { 266, 330, 522, 586, 650, 714 };
    static const uint32_t FCV[] = { 778, 842, 906, 970 };
    static const uint32_t FC[] = { 198, 454, 710, 966 };
    for (unsigned n = 0; n < 64; n++) {
        uint32_t vscr = n % 2 ? 0x00010000 : 0;
        ffill(a, n); ffill(b, n + 1); ffill(c, n + 2);
        if (n % 8 == 3) memcpy(b, a, 16);
        for (unsigned o = 0; o < 4; o++) one(vx(FX3[o]), c, a, b, vscr, 0, 0);
        one(vx(46) & ~(31u << 6) | 5u << 6, c, a, b, vscr, 0, 0);
        one(vx(47) & ~(31u << 6) | 5u << 6, c, a, b, vscr, 0, 0);
        for (unsigned o = 0; o < 6; o++) one(4u << 26 | 5u << 21 | 7u << 11 | FX1[o], c, a, b, vscr, 0, 0);
        for (unsigned o = 0; o < 4; o++) {
            uint32_t uimm = (n * 4 + o * 7) % 32;
            fill(b, n + o);
            if (o < 2) one(4u << 26 | 5u << 21 | uimm << 16 | 7u << 11 | FCV[o], c, a, b, vscr, 0, 0);
            ffill(b, n + o + 5);
            if (o >= 2) one(4u << 26 | 5u << 21 | uimm << 16 | 7u << 11 | FCV[o], c, a, b, vscr, 0, 0);
        }
        ffill(b, n + 1);
        for (unsigned o = 0; o < 4; o++) one(vx(FC[o]) | (n % 3 == 0) << 10, c, a, b, vscr, 0x11111111, 0);
    }
    /* lvsl, lvsr: RA = 0, RB = r4 at every alignment */
    for (uint32_t sh = 0; sh < 32; sh++) {
        fill(c, sh);
        one(31u << 26 | 5u << 21 | 4u << 11 | 6u << 1, c, a, b, 0, 0, 0x1000 + sh * 0x1001);
        one(31u << 26 | 5u << 21 | 4u << 11 | 38u << 1, c, a, b, 0, 0, 0x1000 + sh * 0x1001);
    }
    return 0;
}
