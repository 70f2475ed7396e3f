/*
 * Reference vectors for the MMX packed-integer instructions, taken from the host CPU: each line is
 *     <op> <encoding> <a> <b> <result>   (hex)
 * for "op %mm1,%mm0" with MM0 = a and MM1 = b, and MM0 after it. <encoding> is the instruction's bytes
 * (0F xx C1), which the replay (testing/MmxVectors.java) runs between MOVQ loads and a MOVQ store. The shifts take
 * their count from MM1 (counts past the lane width included). Regenerate with ./generate.sh.
 */
#include <stdint.h>
#include <stdio.h>

typedef uint64_t u64;

#define OP(NAME, BYTE)                                                                          \
    static u64 NAME(u64 a, u64 b) {                                                             \
        __asm__ volatile("movq %[a],%%mm0\n\tmovq %[b],%%mm1\n\t" #NAME " %%mm1,%%mm0\n\t"      \
                         "movq %%mm0,%[a]\n\temms" : [a] "+m"(a) : [b] "m"(b) : "mm0", "mm1"); \
        return a;                                                                               \
    }
#define OPS(X) X(punpcklbw, 0x60) X(punpcklwd, 0x61) X(punpckldq, 0x62) X(packsswb, 0x63) X(pcmpgtb, 0x64)          \
    X(pcmpgtw, 0x65) X(pcmpgtd, 0x66) X(packuswb, 0x67) X(punpckhbw, 0x68) X(punpckhwd, 0x69) X(punpckhdq, 0x6a)    \
    X(packssdw, 0x6b) X(pcmpeqb, 0x74) X(pcmpeqw, 0x75) X(pcmpeqd, 0x76) X(psrlw, 0xd1) X(psrld, 0xd2)             \
    X(psrlq, 0xd3) X(paddq, 0xd4) X(pmullw, 0xd5) X(psubusb, 0xd8) X(psubusw, 0xd9) X(pminub, 0xda) X(pand, 0xdb)   \
    X(paddusb, 0xdc) X(paddusw, 0xdd) X(pmaxub, 0xde) X(pandn, 0xdf) X(pavgb, 0xe0) X(psraw, 0xe1) X(psrad, 0xe2)   \
    X(pavgw, 0xe3) X(pmulhuw, 0xe4) X(pmulhw, 0xe5) X(psubsb, 0xe8) X(psubsw, 0xe9) X(pminsw, 0xea) X(por, 0xeb)    \
    X(paddsb, 0xec) X(paddsw, 0xed) X(pmaxsw, 0xee) X(pxor, 0xef) X(psllw, 0xf1) X(pslld, 0xf2) X(psllq, 0xf3)      \
    X(pmuludq, 0xf4) X(pmaddwd, 0xf5) X(psadbw, 0xf6) X(psubb, 0xf8) X(psubw, 0xf9) X(psubd, 0xfa) X(psubq, 0xfb)   \
    X(paddb, 0xfc) X(paddw, 0xfd) X(paddd, 0xfe)
OPS(OP)

struct op { const char *name; int byte; u64 (*f)(u64, u64); };
#define ENTRY(NAME, BYTE) {#NAME, BYTE, NAME},
static const struct op ops[] = { OPS(ENTRY) };

static u64 state = 0xBB67AE8584CAA73Bull;
static u64 next(void) { state ^= state << 13; state ^= state >> 7; state ^= state << 17; return state; }

static const u64 edges[] = {0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000ull,
                            0x7f7f7f7f7f7f7f7full, 0x8080808080808080ull, 0x7fff80007fff8000ull, ~0ull,
                            0x00ff00ff00ff00ffull, 0x8000000000000000ull};
#define NEDGES (sizeof edges / sizeof edges[0])

int main(void) {
    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        int shift = ops[o].name[1] == 's' && (ops[o].name[2] == 'l' || ops[o].name[2] == 'r');
        for (int i = 0; i < 48; i++) {
            u64 a = i < 16 ? edges[i] : next(), b = i < 16 ? edges[(i * 5 + 3) % NEDGES] : next();
            if (i >= 16 && i < 24) b = edges[i % NEDGES];
            if (shift) b = i < 40 ? (u64) i * 2 % 70 : next() % 128;  /* counts across and past every lane width */
            printf("%s 0f%02xc1 %llx %llx %llx\n", ops[o].name, ops[o].byte, (unsigned long long) a,
                   (unsigned long long) b, (unsigned long long) ops[o].f(a, b));
        }
    }
    return 0;
}
