/*
 * Reference vectors for the double shifts SHLD/SHRD and for POPCNT and LZCNT, taken from the host CPU (an x86_64
 * machine): each line is   <op> <size> <a> <b> <count> <flags in> <result> <flags out>   (hex but size), for
 * op dst=a, src=b (count in CL; POPCNT and LZCNT read b) at 2, 4 and 8 bytes. The flags are compared whole
 * (CF, PF, AF, ZF, SF, OF), including those the SDM leaves undefined, and so are the 16-bit double shifts by more
 * than 16, whose result the SDM leaves undefined: the vCPU follows this host. Regenerate with ./generate.sh.
 */
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;
#define ARITH 0x8d5u

#define DSHIFT(NAME, MN, SFX, MOD)                                                                            \
    static u64 NAME(u64 a, u64 b, u64 c, u64 fin, u64 *fo) {                                                 \
        u64 f;                                                                                               \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %%cl,%" MOD "[b],%" MOD "[a]\n\tpushfq\n\tpop %[f]" \
                         : [a] "+r"(a), [f] "=&r"(f) : [b] "r"(b), "c"(c), [fin] "r"(fin) : "cc");          \
        *fo = f; return a;                                                                                   \
    }
#define COUNT(NAME, MN, SFX, MOD)                                                                             \
    static u64 NAME(u64 a, u64 b, u64 c, u64 fin, u64 *fo) {                                                 \
        u64 f; (void) c;                                                                                     \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" MN SFX " %" MOD "[b],%" MOD "[a]\n\tpushfq\n\tpop %[f]" \
                         : [a] "+r"(a), [f] "=&r"(f) : [b] "r"(b), [fin] "r"(fin) : "cc");                  \
        *fo = f; return a;                                                                                   \
    }
#define W3(KIND, NAME, MN) KIND(NAME##2, MN, "w", "w") KIND(NAME##4, MN, "l", "k") KIND(NAME##8, MN, "q", "q")

W3(DSHIFT, shld, "shld") W3(DSHIFT, shrd, "shrd") W3(COUNT, popcnt, "popcnt") W3(COUNT, lzcnt, "lzcnt")

typedef u64 (*fn)(u64, u64, u64, u64, u64 *);
struct op { const char *name; fn f[3]; int shift; };
static const struct op ops[] = {
    {"shld", {shld2, shld4, shld8}, 1}, {"shrd", {shrd2, shrd4, shrd8}, 1},
    {"popcnt", {popcnt2, popcnt4, popcnt8}, 0}, {"lzcnt", {lzcnt2, lzcnt4, lzcnt8}, 0},
};

static u64 state = 0x2545F4914F6CDD1Dull;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static const u64 edges[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000ull,
                            0xffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, 0x5555555555555555ull};
#define NEDGES (sizeof edges / sizeof edges[0])

int main(void) {
    static const int sizes[3] = {2, 4, 8};
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        for (int s = 0; s < 3; s++) {
            int bits = sizes[s] * 8;
            u64 m = bits == 64 ? ~0ull : (1ull << bits) - 1;
            int n = ops[o].shift ? 400 : 120;
            for (int i = 0; i < n; i++) {
                u64 a = i < 32 ? edges[i % NEDGES] : next(), b = i < 32 ? edges[(i * 7 + 3) % NEDGES] : next();
                if (!ops[o].shift && i >= 32 && i < 96) b >>= next() % 64;  /* every leading-zero count */
                a &= m; b &= m;
                /* every count 0..bits+7 (16-bit: past 16 too), then random counts with the high CL bits set */
                u64 c = i < bits + 8 ? (u64) i : next() % 256;
                u64 fin = (next() & ARITH) | 2, fout;
                u64 r = ops[o].f[s](a, b, c, fin, &fout) & m;
                printf("%s %d %llx %llx %llx %llx %llx %llx\n", ops[o].name, sizes[s], (unsigned long long) a,
                       (unsigned long long) b, (unsigned long long) (ops[o].shift ? c : 0), (unsigned long long) fin,
                       (unsigned long long) r, (unsigned long long) (fout & ARITH));
            }
        }
    }
    return 0;
}
