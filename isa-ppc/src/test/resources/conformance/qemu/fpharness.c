/*
 * Floating-point semantics vectors for the ppc backend, recorded under qemu-ppc user mode: for each case the
 * instruction word, the initial f5, f6, f7 (raw doubles), FPSCR and CR, and the final ones as QEMU computes them.
 * Tested instructions use FRT = f5, FRA = f6, FRB = f7. Initial FPSCRs never pair an exception bit with its enable
 * bit, so no case traps. Output, one case per line, hex: insn f5 f6 f7 fpscr cr : f5 f6 f7 fpscr cr
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

struct fpstate { uint64_t f5, f6, f7, fpscr; uint32_t cr, pad; uint64_t zero; };
extern void run_fp_case(struct fpstate *s);
extern uint32_t fpslot[];

static const uint64_t VALUES[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x4000000000000000ull, 0x3fe0000000000000ull, 0x7ff0000000000000ull, 0xfff0000000000000ull,
    0x7ff8000000000000ull, 0xfff8000000000001ull, 0x7ff0000000000001ull, 0xfff4000000000000ull,
    0x0000000000000001ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x3ff0000000000001ull,
};
#define NV (sizeof VALUES / sizeof VALUES[0])
/* clear, FX and VXSNAN already set, FPCC garbage, rounding mode and NI, VXVC, XX; no enable bit (none may trap) */
static const uint32_t FPSCRS[] = { 0x00000000, 0x81000000, 0x0000f000, 0x00000007, 0x00080000, 0x02000000 };
#define NF (sizeof FPSCRS / sizeof FPSCRS[0])

static void patch(uint32_t insn) {
    fpslot[0] = insn;
    __asm__ volatile("dcbst 0,%0; sync; icbi 0,%0; isync" : : "r"(fpslot) : "memory");
}

static void one(uint32_t insn, uint64_t f5, uint64_t f6, uint64_t f7, uint32_t fpscr, uint32_t cr) {
    struct fpstate s = { f5, f6, f7, fpscr, cr, 0, 0 };
    patch(insn);
    run_fp_case(&s);
    printf("%08x %016llx %016llx %016llx %08x %08x : %016llx %016llx %016llx %08x %08x\n", insn,
           (unsigned long long) f5, (unsigned long long) f6, (unsigned long long) f7, fpscr, cr,
           (unsigned long long) s.f5, (unsigned long long) s.f6, (unsigned long long) s.f7, (uint32_t) s.fpscr, s.cr);
}

static uint32_t x63(uint32_t xo) { return 63u << 26 | xo << 1; }

/* ---- arithmetic: every A-form and conversion instruction, double and single, over edge values and random ones */

static const uint64_t EDGES[] = {
    0x0000000000000000ull, 0x8000000000000000ull, 0x3ff0000000000000ull, 0xbff0000000000000ull,
    0x7ff0000000000000ull, 0xfff0000000000000ull, 0x7ff8000000000000ull, 0xfff8000000000001ull,
    0x7ff0000000000001ull, 0xfff4000000000000ull, 0x0000000000000001ull, 0x800fffffffffffffull,
    0x0010000000000000ull, 0x7fefffffffffffffull, 0xffefffffffffffffull, 0x3ff0000000000001ull,
    0x4008000000000000ull, 0x3fd5555555555555ull, 0xc00921fb54442d18ull, 0x7e37e43c8800759cull,
    0x01a56e1fc2f8f359ull, 0x47efffffe0000000ull, 0x47effffff0000000ull, 0x3810000000000000ull,
    0xb6a0000000000000ull, 0x3ff0000010000000ull, 0x3ff0000030000000ull, 0xbff0000004000000ull,
    0x41dfffffffc00000ull, 0xc1e0000000000000ull, 0x41e0000000000000ull, 0x4330000000000001ull,
};
#define NE (sizeof EDGES / sizeof EDGES[0])
/* the four rounding modes, with sticky bits already set; no enable bit, since qemu-ppc's user mode traps enabled
   exceptions (MSR[FE0/FE1] set): the enabled cases are PpcFloatingPointTest's */
static const uint32_t MODES[] = { 0x00000000, 0x00000001, 0x00000002, 0x00000003, 0x02000000, 0x00000001,
                                  0x00000002, 0x02000003, 0x00000000, 0x00000001, 0x9e000002, 0x00000003 };
#define NM (sizeof MODES / sizeof MODES[0])

static uint64_t seed = 0x9e3779b97f4a7c15ull;
static uint64_t next(void) { seed ^= seed << 13; seed ^= seed >> 7; seed ^= seed << 17; return seed; }
/* a random double with a small exponent spread (so sums and products round rather than overflow) */
static uint64_t rnd(int spread) {
    uint64_t r = next();
    uint64_t e = 1023 + (int) (r % (2 * spread + 1)) - spread;
    return (r & 0x8000000000000000ull) | e << 52 | (next() & 0x000fffffffffffffull);
}

static uint32_t a63(uint32_t xo) { return 63u << 26 | 5u << 21 | 6u << 16 | 7u << 11 | 5u << 6 | xo << 1; }
static uint32_t a59(uint32_t xo) { return 59u << 26 | 5u << 21 | 6u << 16 | 7u << 11 | 5u << 6 | xo << 1; }
/* FRB-only forms: FRT = f5, FRB = f7, FRA = FRC = 0 */
static uint32_t b63(uint32_t xo, uint32_t x) { return 63u << 26 | 5u << 21 | 7u << 11 | (x ? xo << 1 : xo << 1); }

static void arithmetic(void) {
    /* A-form with FRA = f6, FRB = f7, FRC = f5; reserved fields cleared per instruction */
    static const uint32_t BINARY[] = { 18, 20, 21 };             /* fdiv fsub fadd (FRC reserved) */
    static const uint32_t FUSED[] = { 28, 29, 30, 31 };           /* fmsub fmadd fnmsub fnmadd */
    uint32_t k = 0;
    for (unsigned a = 0; a < NE; a++)
        for (unsigned b = 0; b < NE; b++, k++) {
            uint32_t mode = MODES[k % NM];
            for (unsigned o = 0; o < 3; o++) {
                uint32_t rc = (k + o) % 5 == 0;
                one((a63(BINARY[o]) & ~(31u << 6)) | rc, 0, EDGES[a], EDGES[b], mode, 0x0f0f0f0f);
                if ((a + b + o) % 2 == 0)
                    one((a59(BINARY[o]) & ~(31u << 6)) | rc, 0, EDGES[a], EDGES[b], MODES[(k + 3) % NM], 0);
            }
            /* fmul: FRA x FRC with FRC = f5 (FRB field reserved) */
            one(a63(25) & ~(31u << 11), EDGES[b], EDGES[a], 0, mode, 0);
            if ((a + b) % 2) one(a59(25) & ~(31u << 11), EDGES[b], EDGES[a], 0, MODES[(k + 5) % NM], 0);
            /* fused: FRA x FRC + FRB over edge pairs with a third edge */
            unsigned c = (a * 7 + b * 3) % NE;
            one(a63(FUSED[k % 4]), EDGES[c], EDGES[a], EDGES[b], mode, 0);
            one(a59(FUSED[(k + 1) % 4]), EDGES[c], EDGES[a], EDGES[b], MODES[(k + 7) % NM], 0);
            /* fsel */
            if (b % 4 == 0) one(a63(23), EDGES[c], EDGES[a], EDGES[b], mode, 0);
        }
    /* unary: fsqrt, fsqrts, frsp, fctiw, fctiwz, fres, frsqrte (FRA, FRC reserved) */
    for (unsigned b = 0; b < NE; b++)
        for (unsigned m = 0; m < NM; m++) {
            uint32_t rc = (b + m) % 7 == 0;
            one(b63(22, 0) | rc, 0x5a5a5a5a5a5a5a5aull, 0, EDGES[b], MODES[m], 0x01234567);
            one((59u << 26 | 5u << 21 | 7u << 11 | 22u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
            one((63u << 26 | 5u << 21 | 7u << 11 | 12u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
            one((63u << 26 | 5u << 21 | 7u << 11 | 14u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
            one((63u << 26 | 5u << 21 | 7u << 11 | 15u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
            if (m % 3 == 0) {
                one((59u << 26 | 5u << 21 | 7u << 11 | 24u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
                one((63u << 26 | 5u << 21 | 7u << 11 | 26u << 1) | rc, 0, 0, EDGES[b], MODES[m], 0);
            }
        }
    /* random operands in every rounding mode: sums, products, quotients, roots, fused forms with cancellation */
    for (unsigned n = 0; n < 600; n++) {
        uint64_t x = rnd(3), y = rnd(3), z = rnd(3);
        uint32_t mode = n % 4;
        one(a63(21) & ~(31u << 6), 0, x, y, mode, 0);
        one(a59(20) & ~(31u << 6), 0, x, y, mode, 0);
        one(a63(25) & ~(31u << 11), z, x, 0, mode, 0);
        one(a59(25) & ~(31u << 11), z, x, 0, mode, 0);
        one(a63(18) & ~(31u << 6), 0, x, y, mode, 0);
        one(a59(18) & ~(31u << 6), 0, x, y, mode, 0);
        one(63u << 26 | 5u << 21 | 7u << 11 | 22u << 1, 0, 0, y & ~0x8000000000000000ull, mode, 0);
        one(63u << 26 | 5u << 21 | 7u << 11 | 12u << 1, 0, 0, y, mode, 0);
        /* fused with an addend close to -(a*c), so the one rounding of the exact result shows */
        double p = *(double *) &x * *(double *) &z;
        uint64_t pb; memcpy(&pb, &p, 8);
        uint64_t near = (pb ^ 0x8000000000000000ull) + (next() % 5) - 2;
        one(a63(FUSED[n % 4]), z, x, near, mode, 0);
        one(a59(FUSED[(n + 1) % 4]), z, x, (n % 3) ? near : y, mode, 0);
        one(a63(29), z, x, y, mode, 0);
    }
    /* products that leave the exponent range: overflow, underflow, denormal results */
    for (unsigned n = 0; n < 200; n++) {
        uint64_t x = rnd(3) + ((uint64_t) (n % 2 ? 520 : -520) << 52), y = rnd(3) + ((uint64_t) (n % 2 ? 505 + n % 20 : -505 - n % 40) << 52);
        one(a63(25) & ~(31u << 11), y, x, 0, MODES[n % NM], 0);
        one(a59(25) & ~(31u << 11), rnd(3) + ((uint64_t) (n % 2 ? 60 : -60) << 52), rnd(3) + ((uint64_t) (n % 2 ? 60 + n % 8 : -64 - n % 32) << 52), 0, MODES[n % NM], 0);
        one(a63(18) & ~(31u << 6), 0, x, y ^ (1ull << 62), MODES[(n + 1) % NM], 0);
    }
    /* the FPSCR bit and field moves: mtfsb0/mtfsb1 on every bit, mtfsfi into every field, mcrfs of every field */
    static const uint32_t START[] = { 0x00000000, 0xbff9f007, 0x9000f000, 0x00000003 };
    for (uint32_t bt = 0; bt < 32; bt++)
        for (unsigned f = 0; f < 4; f++) {
            one(63u << 26 | bt << 21 | 70u << 1 | (f & 1), 0, 0, 0, START[f], 0x11111111);
            /* (setting an enable bit while its exception bit is set would trap under qemu-ppc) */
            one(63u << 26 | bt << 21 | 38u << 1 | (f & 1), 0, 0, 0, bt >= 24 && bt <= 28 ? START[f & 1 ? 3 : 0] : START[f], 0x11111111);
        }
    for (uint32_t bf = 0; bf < 8; bf++)
        for (uint32_t u = 0; u < 16; u++)
            one(63u << 26 | bf << 23 | u << 12 | 134u << 1 | (u & 1), 0, 0, 0, START[bf >= 6 ? 3 * (u & 1) : (bf + u) % 4], 0);
    for (uint32_t bf = 0; bf < 8; bf++)
        for (uint32_t bfa = 0; bfa < 8; bfa++)
            for (unsigned f = 1; f < 3; f++)
                one(63u << 26 | bf << 23 | bfa << 18 | 64u << 1, 0, 0, 0, START[f] | 0x1ff00700, 0x76543210);
}

int main(void) {
    setvbuf(stdout, NULL, _IOLBF, 0);
    /* fcmpu / fcmpo: every value pair, into a spread of CR fields, from several FPSCRs */
    for (uint32_t op = 0; op < 2; op++)
        for (unsigned a = 0; a < NV; a++)
            for (unsigned b = 0; b < NV; b++)
                for (unsigned f = 0; f < 3; f++) {
                    uint32_t bf = (a * 3 + b + f) & 7;
                    one(x63(op ? 32 : 0) | bf << 23 | 6u << 16 | 7u << 11, 0x5a5a5a5a5a5a5a5aull, VALUES[a], VALUES[b],
                        FPSCRS[(a + b + f) % NF], 0x12345678u ^ (a << 8));
                }
    /* mffs and mffs. from every initial FPSCR */
    for (unsigned f = 0; f < NF; f++)
        for (uint32_t rc = 0; rc < 2; rc++)
            one(x63(583) | 5u << 21 | rc, 0x5a5a5a5a5a5a5a5aull, 0, 0, FPSCRS[f], 0xffffffff);
    /* mtfsf with every FLM, record form on odd FLM, several values with no enable bit (so nothing traps) */
    static const uint64_t MOVES[] = { 0xfff80000ffffff07ull, 0x00000000fff80000ull, 0x123456789abcde00ull,
                                      0x0000000000000007ull, 0x0000000060000000ull };
    for (uint32_t flm = 0; flm < 256; flm++)
        for (unsigned m = 0; m < sizeof MOVES / sizeof MOVES[0]; m++)
            one(x63(711) | flm << 17 | 7u << 11 | (flm & 1), 0, 0, MOVES[m], FPSCRS[(flm + m) % NF], 0x0f0f0f0f);
    arithmetic();
    return 0;
}
