/*
 * Reference vectors for the string instructions MOVS, STOS, LODS, CMPS and SCAS, taken from the host CPU (an x86_64
 * machine): every operand size, without a repeat prefix, with REP/REPE and with REPNE, both directions (DF), counts
 * 0..15, on two 256-byte buffers filled from a seed by xorshift64 (bytes 0..2, so that compares stop early). Each
 * line is   <op> <size> <rep> <df> <rcx> <rax> <flags in> <seed> | <rcx out> <rsi out> <rdi out> <rax out>
 * <flags out> <destination hash>   (hex but size, rep, df), where rsi/rdi are offsets into the source and
 * destination buffers (both start at offset 0x80) and the hash is FNV-1a 64 of the destination buffer.
 * Regenerate with ./generate.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t u64;
static uint8_t src[256], dst[256];

#define STR(NAME, INSN)                                                                                   \
    static void NAME(u64 *c, u64 *s, u64 *d, u64 *a, u64 fin, u64 *fo) {                                  \
        u64 f, rc = *c, rs = *s, rd = *d, ra = *a;                                                        \
        __asm__ volatile("push %[fin]\n\tpopfq\n\t" INSN "\n\tpushfq\n\tpop %[f]\n\tcld"                  \
                         : "+c"(rc), "+S"(rs), "+D"(rd), "+a"(ra), [f] "=&r"(f) : [fin] "r"(fin) : "cc", "memory"); \
        *c = rc; *s = rs; *d = rd; *a = ra; *fo = f;                                                      \
    }
#define SIZES(NAME, MN) STR(NAME##_0_1, MN "b") STR(NAME##_0_2, MN "w") STR(NAME##_0_4, MN "l") STR(NAME##_0_8, MN "q") \
    STR(NAME##_1_1, "rep " MN "b") STR(NAME##_1_2, "rep " MN "w") STR(NAME##_1_4, "rep " MN "l") STR(NAME##_1_8, "rep " MN "q") \
    STR(NAME##_2_1, "repne " MN "b") STR(NAME##_2_2, "repne " MN "w") STR(NAME##_2_4, "repne " MN "l") STR(NAME##_2_8, "repne " MN "q")
SIZES(movs, "movs") SIZES(stos, "stos") SIZES(lods, "lods") SIZES(cmps, "cmps") SIZES(scas, "scas")

typedef void (*fn)(u64 *, u64 *, u64 *, u64 *, u64, u64 *);
#define TABLE(NAME) {{NAME##_0_1, NAME##_0_2, NAME##_0_4, NAME##_0_8}, {NAME##_1_1, NAME##_1_2, NAME##_1_4, NAME##_1_8}, \
    {NAME##_2_1, NAME##_2_2, NAME##_2_4, NAME##_2_8}}
static const struct { const char *name; fn f[3][4]; int compares; } ops[] = {
    {"movs", TABLE(movs), 0}, {"stos", TABLE(stos), 0}, {"lods", TABLE(lods), 0}, {"cmps", TABLE(cmps), 1}, {"scas", TABLE(scas), 1}};

static u64 xs;
static u64 next(void) { xs ^= xs << 13; xs ^= xs >> 7; xs ^= xs << 17; return xs; }

static u64 fnv(const uint8_t *p, int n) {
    u64 h = 0xcbf29ce484222325ull;
    for (int i = 0; i < n; i++) { h ^= p[i]; h *= 0x100000001b3ull; }
    return h;
}

int main(void) {
    static const u64 counts[] = {0, 1, 2, 3, 7, 15};
    static const int sizes[] = {1, 2, 4, 8};
    u64 seed = 0x9E3779B97F4A7C15ull;
    for (unsigned o = 0; o < sizeof ops / sizeof *ops; o++)
        for (int rep = 0; rep < 3; rep++) {
            if (rep == 2 && !ops[o].compares) continue;  /* REPNE is REP for the non-compares: not generated */
            for (int z = 0; z < 4; z++)
                for (int df = 0; df < 2; df++)
                    for (unsigned c = 0; c < sizeof counts / sizeof *counts; c++)
                        for (int k = 0; k < 4; k++) {
                            seed = seed * 6364136223846793005ull + 1442695040888963407ull;
                            xs = seed | 1;
                            for (int i = 0; i < 256; i++) { src[i] = next() % 3; dst[i] = next() % 3; }
                            u64 rax = 0;
                            for (int i = 0; i < 8; i++) rax |= (next() % 3) << (8 * i);
                            u64 fin = 0x202 | (df ? 0x400 : 0) | (next() & 0x8d5);
                            u64 rc = counts[c], rs = (u64) (src + 0x80), rd = (u64) (dst + 0x80), ra = rax, fo;
                            ops[o].f[rep][z](&rc, &rs, &rd, &ra, fin, &fo);
                            printf("%s %d %d %d %llx %llx %llx %llx | %llx %llx %llx %llx %llx %llx\n", ops[o].name, sizes[z],
                                   rep, df, (unsigned long long) counts[c], (unsigned long long) rax, (unsigned long long) fin,
                                   (unsigned long long) (seed | 1), (unsigned long long) rc,
                                   (unsigned long long) (rs - (u64) src), (unsigned long long) (rd - (u64) dst),
                                   (unsigned long long) ra, (unsigned long long) (fo & 0xfd5), (unsigned long long) fnv(dst, 256));
                        }
        }
    return 0;
}
