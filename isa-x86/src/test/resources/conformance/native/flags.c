/*
 * Reference vectors for the x86 ALU, shift and multiply flags, taken from the host CPU (an x86_64 machine):
 * each line is   <op> <size> <a> <b> <flags in> <result> <flags out> <defined flags mask>   (hex but size),
 * for op dst=a, src=b (count in CL for shifts) at 1, 2, 4 and 8 bytes. The mask keeps only the flags the SDM
 * defines for that operation and count. Regenerate with ./generate.sh (needs gcc on x86_64).
 */
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;
#define ARITH 0x8d5u
#define CF 0x1u
#define OF 0x800u

#define BIN(NAME, MN, SFX, MOD)                                                                  \
    static u64 NAME(u64 a, u64 b, u64 fin, u64 *fo) {                                            \
        u64 f;                                                                                   \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %" MOD "[b],%" MOD "[a]\n\tpushfq\n\tpop %[f]" \
                         : [a] "+r"(a), [f] "=&r"(f) : [b] "r"(b), [fin] "r"(fin) : "cc");       \
        *fo = f; return a;                                                                       \
    }
#define SHIFT(NAME, MN, SFX, MOD)                                                                \
    static u64 NAME(u64 a, u64 b, u64 fin, u64 *fo) {                                            \
        u64 f;                                                                                   \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %%cl,%" MOD "[a]\n\tpushfq\n\tpop %[f]" \
                         : [a] "+r"(a), [f] "=&r"(f) : "c"(b), [fin] "r"(fin) : "cc");           \
        *fo = f; return a;                                                                       \
    }
#define UN(NAME, MN, SFX, MOD)                                                                   \
    static u64 NAME(u64 a, u64 b, u64 fin, u64 *fo) {                                            \
        u64 f; (void) b;                                                                         \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %" MOD "[a]\n\tpushfq\n\tpop %[f]" \
                         : [a] "+r"(a), [f] "=&r"(f) : [fin] "r"(fin) : "cc");                   \
        *fo = f; return a;                                                                       \
    }
#define ALL(KIND, NAME, MN) KIND(NAME##1, MN, "b", "b") KIND(NAME##2, MN, "w", "w") KIND(NAME##4, MN, "l", "k") KIND(NAME##8, MN, "q", "q")

ALL(BIN, add, "add") ALL(BIN, adc, "adc") ALL(BIN, sub, "sub") ALL(BIN, sbb, "sbb") ALL(BIN, and, "and")
ALL(BIN, or, "or") ALL(BIN, xor, "xor") ALL(BIN, cmp, "cmp") ALL(BIN, test, "test")
ALL(SHIFT, rcl, "rcl") ALL(SHIFT, rcr, "rcr") ALL(SHIFT, shl, "shl") ALL(SHIFT, shr, "shr") ALL(SHIFT, sar, "sar") ALL(SHIFT, rol, "rol") ALL(SHIFT, ror, "ror")
ALL(UN, inc, "inc") ALL(UN, dec, "dec") ALL(UN, neg, "neg") ALL(UN, not, "not")
BIN(imul2, "imul", "w", "w") BIN(imul4, "imul", "l", "k") BIN(imul8, "imul", "q", "q")
#define W3(KIND, NAME, MN) KIND(NAME##2, MN, "w", "w") KIND(NAME##4, MN, "l", "k") KIND(NAME##8, MN, "q", "q")
W3(BIN, bt, "bt") W3(BIN, bts, "bts") W3(BIN, btr, "btr") W3(BIN, btc, "btc")

typedef u64 (*fn)(u64, u64, u64, u64 *);
struct op { const char *name; fn f[4]; int kind; };  /* kind: 0 arith, 1 logic, 2 shift, 3 rotate, 4 inc/dec, 5 not, 6 imul, 7 bit test */
#define F4(N) {N##1, N##2, N##4, N##8}
static const struct op ops[] = {
    {"add", F4(add), 0}, {"adc", F4(adc), 0}, {"sub", F4(sub), 0}, {"sbb", F4(sbb), 0}, {"cmp", F4(cmp), 0},
    {"and", F4(and), 1}, {"or", F4(or), 1}, {"xor", F4(xor), 1}, {"test", F4(test), 1},
    {"shl", F4(shl), 2}, {"shr", F4(shr), 2}, {"sar", F4(sar), 2}, {"rol", F4(rol), 3}, {"ror", F4(ror), 3},
    {"inc", F4(inc), 4}, {"dec", F4(dec), 4}, {"neg", F4(neg), 0}, {"not", F4(not), 5},
    {"imul", {0, imul2, imul4, imul8}, 6},
    {"rcl", F4(rcl), 3}, {"rcr", F4(rcr), 3},
    {"bt", {0, bt2, bt4, bt8}, 7}, {"bts", {0, bts2, bts4, bts8}, 7}, {"btr", {0, btr2, btr4, btr8}, 7},
    {"btc", {0, btc2, btc4, btc8}, 7},
};

static u64 state = 0x9E3779B97F4A7C15ull;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static const u64 edges[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000ull,
                            0xffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull};

int main(void) {
    static const int sizes[4] = {1, 2, 4, 8};
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        for (int s = 0; s < 4; s++) {
            if (!ops[o].f[s]) continue;
            int bits = sizes[s] * 8;
            u64 m = bits == 64 ? ~0ull : (1ull << bits) - 1;
            for (int i = 0; i < 48; i++) {
                u64 a = i < 15 ? edges[i] : next(), b = i < 15 ? edges[(i * 7 + 3) % 15] : next();
                if (i >= 30) b = edges[i % 15];
                a &= m; b &= m;
                int kind = ops[o].kind;
                if (kind == 2 || kind == 3) b = next() % (bits == 64 ? 72 : 40);
                if (kind == 7 && i % 2) b &= bits - 1;
                u64 fin = (next() & ARITH) | 2, fout;
                u64 r = ops[o].f[s](a, b, fin, &fout) & m;
                u64 mask;
                unsigned count = (unsigned) b & (bits == 64 ? 63 : 31);
                switch (kind) {
                case 0: mask = ARITH; break;
                case 1: mask = ARITH & ~0x10u; break;                          /* AF undefined */
                case 2: mask = count == 0 ? ARITH : count == 1 ? ARITH & ~0x10u : ARITH & ~0x10u & ~OF;
                        if (count > (unsigned) bits && kind == 2) mask &= ~CF;   /* CF undefined past the width */
                        break;
                case 3: mask = count == 0 ? ARITH : count == 1 ? CF | OF : CF; break;
                case 4: mask = ARITH; break;
                case 5: mask = ARITH; break;
                case 7: mask = CF | 0x40u; break;                              /* ZF is left alone */
                default: mask = CF | OF; break;
                }
                printf("%s %d %llx %llx %llx %llx %llx %llx\n", ops[o].name, sizes[s], (unsigned long long) a,
                       (unsigned long long) b, (unsigned long long) fin, (unsigned long long) r,
                       (unsigned long long) (fout & ARITH), (unsigned long long) mask);
            }
        }
    }
    return 0;
}
