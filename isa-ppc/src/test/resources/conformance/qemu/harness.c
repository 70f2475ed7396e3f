/*
 * Semantics vectors for the ppc backend, recorded under qemu-ppc user mode: for each case, the instruction word,
 * the initial r5, r6, r7, XER and CR, and the final r5, r6, r7, XER and CR as QEMU computes them. The tested
 * instructions always use RT/RS = r5, RA = r6, RB = r7 (and CR fields as encoded). Build and run: generate.sh.
 * Output, one case per line, hex: insn r5 r6 r7 xer cr : r5 r6 r7 xer cr
 */
#include <stdint.h>
#include <stdio.h>

struct state { uint32_t r5, r6, r7, xer, cr; };
extern void run_case(struct state *s);
extern uint32_t slot[];

static const uint32_t VALUES[] = {
    0x00000000, 0x00000001, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0xfffffffe, 0x12345678,
    0x0000ffff, 0xffff0000, 0x00008000, 0xedcba987,
};
#define NV (sizeof VALUES / sizeof VALUES[0])
static const uint32_t XERS[] = { 0x00000000, 0x20000000, 0x80000000, 0xe0000000 };

static void patch(uint32_t insn) {
    slot[0] = insn;
    __asm__ volatile("dcbst 0,%0; sync; icbi 0,%0; isync" : : "r"(slot) : "memory");
}

static void one(uint32_t insn, uint32_t r5, uint32_t r6, uint32_t r7, uint32_t xer, uint32_t cr) {
    struct state s = { r5, r6, r7, xer, cr };
    patch(insn);
    run_case(&s);
    printf("%08x %08x %08x %08x %08x %08x : %08x %08x %08x %08x %08x\n", insn, r5, r6, r7, xer, cr,
           s.r5, s.r6, s.r7, s.xer, s.cr);
}

#define RT (5u << 21)
#define RA (6u << 16)
#define RB (7u << 11)
static uint32_t x31(uint32_t xo) { return 31u << 26 | xo << 1; }

int main(void) {
    /* XO-form arithmetic with every OE/Rc variant, all value pairs, CA/SO in and out */
    static const uint32_t XO3[] = { 8, 10, 40, 136, 138, 266, 235, 459, 491, 11, 75 }; /* subfc addc subf subfe adde add mullw divwu divw mulhwu mulhw */
    for (unsigned k = 0; k < sizeof XO3 / 4; k++)
        for (uint32_t v = 0; v < 4; v++) {
            if ((XO3[k] == 11 || XO3[k] == 75) && (v & 2)) continue;   /* mulhw/mulhwu have no OE */
            uint32_t insn = x31(XO3[k]) | RT | RA | RB | (v & 2 ? 0x400 : 0) | (v & 1);
            for (unsigned a = 0; a < NV; a++)
                for (unsigned b = 0; b < NV; b++)
                    one(insn, 0x5a5a5a5a, VALUES[a], VALUES[b], XERS[(a + b + v) & 3], 0x12345678);
        }
    static const uint32_t XO2[] = { 104, 200, 202, 232, 234 }; /* neg subfze addze subfme addme */
    for (unsigned k = 0; k < sizeof XO2 / 4; k++)
        for (uint32_t v = 0; v < 4; v++)
            for (unsigned a = 0; a < NV; a++)
                for (unsigned x = 0; x < 4; x++)
                    one(x31(XO2[k]) | RT | RA | (v & 2 ? 0x400 : 0) | (v & 1), 0x5a5a5a5a, VALUES[a], 0, XERS[x], 0);
    /* D-form arithmetic immediates: addi addis addic addic. subfic mulli */
    static const uint32_t DOPS[] = { 14, 15, 12, 13, 8, 7 };
    static const int16_t IMMS[] = { 0, 1, -1, 0x7fff, -0x8000, 0x1234, -2 };
    for (unsigned k = 0; k < 6; k++)
        for (unsigned i = 0; i < 7; i++)
            for (unsigned a = 0; a < NV; a++)
                one(DOPS[k] << 26 | RT | RA | (uint16_t) IMMS[i], 0x5a5a5a5a, VALUES[a], 0, XERS[(a + i) & 3], 0);
    /* rotates: every MB x ME, with several SH, record form on odd SH */
    static const uint32_t SHS[] = { 0, 1, 13, 31 };
    for (uint32_t mb = 0; mb < 32; mb++)
        for (uint32_t me = 0; me < 32; me++)
            for (unsigned s = 0; s < 4; s++) {
                uint32_t f = RT >> 5 << 5 | 0; (void) f;
                uint32_t sh = SHS[s], rc = s & 1;
                /* rlwinm ra=r6, rs=r5 */
                one(21u << 26 | 5u << 21 | 6u << 16 | sh << 11 | mb << 6 | me << 1 | rc,
                    0x8badf00d, 0x5a5a5a5a, 0, 0x80000000, 0);
                if (s < 2) /* rlwimi: inserts into r6 */
                    one(20u << 26 | 5u << 21 | 6u << 16 | sh << 11 | mb << 6 | me << 1 | rc,
                        0x8badf00d, 0x13579bdf, 0, 0, 0);
                if (s == 2) /* rlwnm: shift from r7, whose upper bits are ignored */
                    one(23u << 26 | 5u << 21 | 6u << 16 | 7u << 11 | mb << 6 | me << 1 | (mb & 1),
                        0x8badf00d, 0, 0xffffffe0u | ((mb * 7 + me) & 31), 0, 0);
            }
    /* shifts with every amount 0-63, logical, extends, count (record forms) */
    static const uint32_t SHIFT[] = { 24, 536, 792 }; /* slw srw sraw */
    for (unsigned k = 0; k < 3; k++)
        for (uint32_t n = 0; n < 64; n++)
            for (unsigned a = 0; a < NV; a += 2)
                one(x31(SHIFT[k]) | 5u << 21 | 6u << 16 | 7u << 11 | (n & 1), VALUES[a] ^ 0x0f0f0000, 0, n, 0, 0);
    for (uint32_t n = 0; n < 32; n++)
        for (unsigned a = 0; a < NV; a++)
            one(x31(824) | 5u << 21 | 6u << 16 | n << 11 | (a & 1), VALUES[a], 0, 0, 0, 0); /* srawi */
    static const uint32_t LOGIC[] = { 28, 60, 124, 284, 316, 412, 444, 476, 26, 922, 954 }; /* and andc nor eqv xor orc or nand cntlzw extsh extsb */
    for (unsigned k = 0; k < sizeof LOGIC / 4; k++)
        for (unsigned a = 0; a < NV; a++)
            for (unsigned b = 0; b < NV; b += 3)
                one(x31(LOGIC[k]) | 5u << 21 | 6u << 16 | (k < 8 ? 7u << 11 : 0) | (b & 1), VALUES[a], 0, VALUES[b], XERS[b & 3], 0);
    /* compares into every CR field, signed and unsigned, register and immediate */
    for (uint32_t bf = 0; bf < 8; bf++)
        for (unsigned a = 0; a < NV; a++)
            for (unsigned b = 0; b < NV; b += 2) {
                one(x31(0) | bf << 23 | RA | RB, 0, VALUES[a], VALUES[b], XERS[a & 3], 0xffffffff);
                one(x31(32) | bf << 23 | RA | RB, 0, VALUES[a], VALUES[b], XERS[b & 3], 0);
                one(11u << 26 | bf << 23 | RA | (VALUES[b] & 0xffff), 0, VALUES[a], 0, 0, 0x0f0f0f0f);
                one(10u << 26 | bf << 23 | RA | (VALUES[b] & 0xffff), 0, VALUES[a], 0, 0x80000000, 0);
            }
    /* mcrxr into every CR field, every XER[0-3] pattern */
    for (uint32_t bf = 0; bf < 8; bf++)
        for (uint32_t x = 0; x < 16; x++)
            one(x31(512) | bf << 23, 0, 0, 0, x << 28 | 0x15, 0x9abcdef0);
    return 0;
}
