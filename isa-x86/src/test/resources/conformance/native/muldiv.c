/*
 * Reference vectors for MUL, one-operand IMUL, DIV and IDIV, taken from the host CPU (an x86_64 machine):
 *   <op> <size> <rax> <rdx> <src> <flags in> <rax out> <rdx out> <flags out> <defined flags mask>   (hex but size)
 * rAX/rDX are masked to the operand size (for bytes the dividend/product is AX and rdx is unused). Divisions are
 * chosen so that they do not raise #DE. Regenerate with ./generate.sh (needs gcc on x86_64).
 */
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;
#define ARITH 0x8d5u

#define MD(NAME, MN, SFX, MOD)                                                                        \
    static void NAME(u64 *a, u64 *d, u64 b, u64 fin, u64 *fo) {                                       \
        u64 f, ra = *a, rd = *d;                                                                      \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %" MOD "[b]\n\tpushfq\n\tpop %[f]"       \
                         : "+a"(ra), "+d"(rd), [f] "=&r"(f) : [b] "r"(b), [fin] "r"(fin) : "cc");     \
        *a = ra; *d = rd; *fo = f;                                                                    \
    }
#define ALL(NAME, MN) MD(NAME##1, MN, "b", "b") MD(NAME##2, MN, "w", "w") MD(NAME##4, MN, "l", "k") MD(NAME##8, MN, "q", "q")
ALL(mul, "mul") ALL(imul, "imul") ALL(div, "div") ALL(idiv, "idiv")

typedef void (*fn)(u64 *, u64 *, u64, u64, u64 *);
static const struct { const char *name; fn f[4]; } ops[] = {
    {"mul", {mul1, mul2, mul4, mul8}}, {"imul", {imul1, imul2, imul4, imul8}},
    {"div", {div1, div2, div4, div8}}, {"idiv", {idiv1, idiv2, idiv4, idiv8}},
};

static u64 state = 0x2545F4914F6CDD1Dull;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }
static u64 sext(u64 v, int bits) { return bits == 64 ? v : (u64) ((int64_t) (v << (64 - bits)) >> (64 - bits)); }

int main(void) {
    static const int sizes[4] = {1, 2, 4, 8};
    for (int o = 0; o < 4; o++) {
        for (int s = 0; s < 4; s++) {
            int bits = sizes[s] * 8;
            u64 m = bits == 64 ? ~0ull : (1ull << bits) - 1;
            for (int i = 0; i < 40; i++) {
                u64 a = next() & m, d = next() & m, b = next() & m;
                if (i < 8) { a = (i & 1 ? m : m >> 1) ^ (i & 2); b = i & 4 ? m : 2; }
                if (o >= 2 && b == 0) b = 1;
                if (o == 2) {                                    /* DIV: high half below the divisor */
                    if (bits == 8) { a = (a & 0xff) | ((next() % b) << 8); d = 0; }
                    else d = next() % b;
                } else if (o == 3) {                             /* IDIV: a sign-extended dividend cannot overflow */
                    if (i % 3 == 0) a &= m >> 2;
                    u64 hi = (u64) ((int64_t) sext(a, bits) >> 63) & m;
                    if (bits == 8) { a = (a & 0xff) | ((hi & 0xff) << 8); d = 0; } else d = hi;
                    if (sext(b, bits) == (u64) -1) b = 3;
                } else if (bits == 8) d = 0;
                if (bits == 8) a &= 0xffff;
                u64 fin = (next() & ARITH) | 2, ra = a, rd = d, fo;
                ops[o].f[s](&ra, &rd, b, fin, &fo);
                u64 am = bits == 8 ? 0xffff : m;
                printf("%s %d %llx %llx %llx %llx %llx %llx %llx %x\n", ops[o].name, sizes[s], (unsigned long long) a,
                       (unsigned long long) d, (unsigned long long) b, (unsigned long long) fin,
                       (unsigned long long) (ra & am), (unsigned long long) (bits == 8 ? 0 : rd & m),
                       (unsigned long long) (fo & ARITH), o < 2 ? 0x801u : 0u);
            }
        }
    }
    return 0;
}
