/*
 * Reference vectors for the IA-32 decimal-adjust instructions (DAA, DAS, AAA, AAS, AAM, AAD), taken from the host
 * CPU running this program as a 32-bit process (they do not exist in 64-bit mode). Each line is
 *   <op> <imm> <ax in> <eflags in> <ax out> <eflags out> <defined flags mask>   (hex)
 * where the mask keeps only the flags the SDM defines for the instruction. Regenerate with ./generate.sh.
 */
#include <stdint.h>
#include <stdio.h>

typedef uint32_t u32;

#define ADJ(NAME, MN)                                                                     \
    static u32 NAME(u32 ax, u32 fin, u32 *fo) {                                           \
        u32 f;                                                                            \
        __asm__ volatile("push %[fin]\n\tpopfl\n\t" MN "\n\tpushfl\n\tpop %[f]"           \
                         : "+a"(ax), [f] "=&r"(f) : [fin] "r"(fin) : "cc");               \
        *fo = f; return ax & 0xFFFF;                                                      \
    }
ADJ(daa, "daa") ADJ(das, "das") ADJ(aaa, "aaa") ADJ(aas, "aas")

/* AAM and AAD take their base as an immediate: one function per base used. */
#define BASED(NAME, MN, IMM)                                                              \
    static u32 NAME(u32 ax, u32 fin, u32 *fo) {                                           \
        u32 f;                                                                            \
        __asm__ volatile("push %[fin]\n\tpopfl\n\t" MN " $" #IMM "\n\tpushfl\n\tpop %[f]" \
                         : "+a"(ax), [f] "=&r"(f) : [fin] "r"(fin) : "cc");               \
        *fo = f; return ax & 0xFFFF;                                                      \
    }
BASED(aam10, "aam", 10) BASED(aam16, "aam", 16) BASED(aam7, "aam", 7) BASED(aam1, "aam", 1) BASED(aam255, "aam", 255)
BASED(aad10, "aad", 10) BASED(aad16, "aad", 16) BASED(aad7, "aad", 7) BASED(aad0, "aad", 0) BASED(aad255, "aad", 255)

typedef u32 (*fn)(u32, u32, u32 *);
#define CF 0x1u
#define PF 0x4u
#define AF 0x10u
#define ZF 0x40u
#define SF 0x80u

static void emit(const char *op, int imm, fn f, u32 ax, u32 fin, u32 mask) {
    u32 fo, r = f(ax, fin, &fo);
    printf("%s %x %x %x %x %x %x\n", op, imm, ax, fin, r, fo & 0x8d5u, mask);
}

int main(void) {
    static const u32 ah[] = {0x00, 0x12, 0x7f, 0xff};
    static const u32 flagsIn[] = {0x002, 0x003, 0x012, 0x013, 0x8d6, 0x8d7};
    for (u32 al = 0; al < 256; al++)
        for (unsigned i = 0; i < sizeof flagsIn / sizeof *flagsIn; i++) {
            emit("daa", 0, daa, 0x3400 | al, flagsIn[i], CF | AF | SF | ZF | PF);
            emit("das", 0, das, 0x3400 | al, flagsIn[i], CF | AF | SF | ZF | PF);
            for (unsigned h = 0; h < sizeof ah / sizeof *ah; h++) {
                emit("aaa", 0, aaa, ah[h] << 8 | al, flagsIn[i], CF | AF);
                emit("aas", 0, aas, ah[h] << 8 | al, flagsIn[i], CF | AF);
            }
        }
    static const struct { int imm; fn aam, aad; } bases[] = {
        {10, aam10, aad10}, {16, aam16, aad16}, {7, aam7, aad7}, {1, aam1, 0}, {255, aam255, aad255}, {0, 0, aad0}};
    for (u32 al = 0; al < 256; al++)
        for (unsigned b = 0; b < sizeof bases / sizeof *bases; b++) {
            if (bases[b].aam) emit("aam", bases[b].imm, bases[b].aam, 0x5a00 | al, 0x8d7, SF | ZF | PF);
            if (bases[b].aad) {
                emit("aad", bases[b].imm, bases[b].aad, (al * 7 & 0xff) << 8 | al, 0x002, SF | ZF | PF);
                emit("aad", bases[b].imm, bases[b].aad, al << 8 | (255 - al), 0x8d7, SF | ZF | PF);
            }
        }
    return 0;
}
