/*
 * Floating-point semantics vectors for the ppc backend, recorded under qemu-ppc user mode: for each case the
 * instruction word, the initial f5, f6, f7 (raw doubles), FPSCR and CR, and the final ones as QEMU computes them.
 * Tested instructions use FRT = f5, FRA = f6, FRB = f7. Initial FPSCRs never pair an exception bit with its enable
 * bit, so no case traps. Output, one case per line, hex: insn f5 f6 f7 fpscr cr : f5 f6 f7 fpscr cr
 */
#include <stdint.h>
#include <stdio.h>

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

int main(void) {
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
    return 0;
}
