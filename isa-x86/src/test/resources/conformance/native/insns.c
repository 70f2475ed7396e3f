/*
 * Reference vectors for BSF, BSR, BSWAP, XADD, CMPXCHG, MOVBE (load and store), CRC32 and XLAT, taken from the host
 * CPU (an x86_64 machine with MOVBE and SSE4.2): each line is
 *     <op> <size> <a> <b> <c> <flags in> <rax> <rbx> <rcx> <flags out>   (hex but size)
 * for the instruction run with RAX = a, RBX = b, RCX = c and the arithmetic flags "flags in", and the registers and
 * flags (CF, PF, AF, ZF, SF, OF, undefined ones included) after it. The operands, at <size> bytes:
 *   bsf, bsr      bsf %ebx,%eax            bswap   bswap %eax (4, 8)
 *   xadd          xadd %ebx,%eax           cmpxchg cmpxchg %ebx,%ecx (accumulator %eax)
 *   movbe         movbe (%rsi),%eax with the operand b in memory; movbes: movbe %eax,(%rsi), the stored
 *                 value read back into the <rbx> column
 *   crc32         crc32{b,w,l,q} %bl/%bx/%ebx/%rbx,%eax (%rax for q): <size> is the source's
 *   xlat          xlat with RBX at a 256-byte table whose byte at AL is b (b is that byte)
 * Regenerate with ./generate.sh.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef uint64_t u64;
#define ARITH 0x8d5u

struct regs { u64 a, b, c, f; };

#define RUN(NAME, TEXT)                                                                                    \
    static void NAME(struct regs *r, void *mem) {                                                          \
        u64 a = r->a, b = r->b, c = r->c, f = r->f;                                                        \
        __asm__ volatile("push %[f]\n\tpopfq\n\t" TEXT "\n\tpushfq\n\tpop %[f]"                            \
                         : "+a"(a), "+b"(b), "+c"(c), [f] "+r"(f) : "S"(mem) : "cc", "memory");           \
        r->a = a; r->b = b; r->c = c; r->f = f;                                                            \
    }
#define W3(NAME, T2, T4, T8) RUN(NAME##2, T2) RUN(NAME##4, T4) RUN(NAME##8, T8)
#define W4(NAME, T1, T2, T4, T8) RUN(NAME##1, T1) W3(NAME, T2, T4, T8)

W3(bsf, "bsf %%bx,%%ax", "bsf %%ebx,%%eax", "bsf %%rbx,%%rax")
W3(bsr, "bsr %%bx,%%ax", "bsr %%ebx,%%eax", "bsr %%rbx,%%rax")
RUN(bswap4, "bswap %%eax") RUN(bswap8, "bswap %%rax")
W4(xadd, "xadd %%bl,%%al", "xadd %%bx,%%ax", "xadd %%ebx,%%eax", "xadd %%rbx,%%rax")
W4(cmpxchg, "cmpxchg %%bl,%%cl", "cmpxchg %%bx,%%cx", "cmpxchg %%ebx,%%ecx", "cmpxchg %%rbx,%%rcx")
W3(movbe, "movbe (%%rsi),%%ax", "movbe (%%rsi),%%eax", "movbe (%%rsi),%%rax")
W3(movbes, "movbe %%ax,(%%rsi)", "movbe %%eax,(%%rsi)", "movbe %%rax,(%%rsi)")
W4(crc32, "crc32b %%bl,%%eax", "crc32w %%bx,%%eax", "crc32l %%ebx,%%eax", "crc32q %%rbx,%%rax")
RUN(xlat1, "mov %%rsi,%%rbx\n\txlat")

typedef void (*fn)(struct regs *, void *);
struct op { const char *name; fn f[4]; };  /* f by size 1, 2, 4, 8 */
static const struct op ops[] = {
    {"bsf", {0, bsf2, bsf4, bsf8}}, {"bsr", {0, bsr2, bsr4, bsr8}}, {"bswap", {0, 0, bswap4, bswap8}},
    {"xadd", {xadd1, xadd2, xadd4, xadd8}}, {"cmpxchg", {cmpxchg1, cmpxchg2, cmpxchg4, cmpxchg8}},
    {"movbe", {0, movbe2, movbe4, movbe8}}, {"movbes", {0, movbes2, movbes4, movbes8}},
    {"crc32", {crc321, crc322, crc324, crc328}}, {"xlat", {xlat1, 0, 0, 0}},
};

static u64 state = 0x6A09E667F3BCC909ull;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static const u64 edges[] = {0, 1, 2, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000ull,
                            0xffffffffull, 0x7fffffffffffffffull, 0x8000000000000000ull, ~0ull, 0x5555555555555555ull};
#define NEDGES (sizeof edges / sizeof edges[0])

int main(void) {
    static const int sizes[4] = {1, 2, 4, 8};
    static unsigned char mem[256];
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        for (int s = 0; s < 4; s++) {
            if (!ops[o].f[s]) continue;
            for (int i = 0; i < 120; i++) {
                struct regs r;
                r.a = i < 32 ? edges[i % NEDGES] : next();
                r.b = i < 32 ? edges[(i * 7 + 3) % NEDGES] : next();
                if (i >= 32 && i < 96) r.b >>= next() % 64;       /* every bit position for BSF/BSR */
                if (i % 5 == 1) r.b = 0;                            /* BSF/BSR of zero: the destination stays */
                r.c = next();
                if (i % 2 == 0) r.c = r.a;                          /* CMPXCHG: equal half the time */
                if (i % 8 == 3) r.c = r.a ^ (1ull << (next() % (8 * sizes[s])));  /* and differing by one bit */
                r.f = (next() & ARITH) | 2;
                u64 a = r.a, b = r.b, c = r.c, fin = r.f;
                for (int k = 0; k < 256; k++) mem[k] = (unsigned char) next();
                memcpy(mem, &b, 8);                                 /* MOVBE's operand */
                if (ops[o].f[s] == xlat1) b = mem[a & 0xff];
                ops[o].f[s](&r, mem);
                u64 rb = r.b;
                if (ops[o].f[s] == movbes2 || ops[o].f[s] == movbes4 || ops[o].f[s] == movbes8) {
                    rb = 0;
                    memcpy(&rb, mem, sizes[s]);
                }
                if (ops[o].f[s] == xlat1) rb = b;                   /* RBX held the table's address */
                printf("%s %d %llx %llx %llx %llx %llx %llx %llx %llx\n", ops[o].name, sizes[s], (unsigned long long) a,
                       (unsigned long long) b, (unsigned long long) c, (unsigned long long) fin, (unsigned long long) r.a,
                       (unsigned long long) rb, (unsigned long long) r.c, (unsigned long long) (r.f & ARITH));
            }
        }
    }
    return 0;
}
