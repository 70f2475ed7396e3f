/* ppc (32-bit, big-endian) PV glue shared by the C PV images: the hypercall (sc 1: op in r3, arguments in r4-r6,
 * result in r3), MSR access, and PV_EXTERNAL_ENTRY, the assembly of the external interrupt's handler (0x500 branches
 * to ext_entry): it saves the volatile state in a frame below the interrupted r1 (the 32-bit SVR4 ABI has no red
 * zone), calls upcall_handler with r3 = the saved SRR0/SRR1 pair, restores and returns with rfi. Included by
 * exactly one .c per image. */
#include "xen.h"

#define PV_EXTERNAL_ENTRY \
        ".globl ext_entry\n" \
        "ext_entry:\n" \
        "    stwu  1, -96(1)\n" \
        "    stw   0, 8(1)\n" \
        "    stw   3, 12(1)\n  stw 4, 16(1)\n  stw 5, 20(1)\n  stw 6, 24(1)\n  stw 7, 28(1)\n" \
        "    stw   8, 32(1)\n  stw 9, 36(1)\n  stw 10, 40(1)\n stw 11, 44(1)\n stw 12, 48(1)\n" \
        "    mflr  0\n    stw 0, 52(1)\n" \
        "    mfctr 0\n    stw 0, 56(1)\n" \
        "    mfcr  0\n    stw 0, 60(1)\n" \
        "    mfxer 0\n    stw 0, 64(1)\n" \
        "    mfsrr0 0\n   stw 0, 68(1)\n" \
        "    mfsrr1 0\n   stw 0, 72(1)\n" \
        "    addi  3, 1, 68\n" \
        "    bl    upcall_handler\n" \
        "    lwz   0, 72(1)\n  mtsrr1 0\n" \
        "    lwz   0, 68(1)\n  mtsrr0 0\n" \
        "    lwz   0, 64(1)\n  mtxer 0\n" \
        "    lwz   0, 60(1)\n  mtcr 0\n" \
        "    lwz   0, 56(1)\n  mtctr 0\n" \
        "    lwz   0, 52(1)\n  mtlr 0\n" \
        "    lwz   0, 8(1)\n" \
        "    lwz   3, 12(1)\n  lwz 4, 16(1)\n  lwz 5, 20(1)\n  lwz 6, 24(1)\n  lwz 7, 28(1)\n" \
        "    lwz   8, 32(1)\n  lwz 9, 36(1)\n  lwz 10, 40(1)\n lwz 11, 44(1)\n lwz 12, 48(1)\n" \
        "    addi  1, 1, 96\n" \
        "    rfi\n"

long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long r3 __asm__("r3") = op;
    register unsigned long r4 __asm__("r4") = a1;
    register unsigned long r5 __asm__("r5") = a2;
    register unsigned long r6 __asm__("r6") = a3;
    __asm__ volatile("sc 1" : "+r"(r3) : "r"(r4), "r"(r5), "r"(r6) : "memory", "cr0");
    return (long) r3;
}

static inline uint32_t msr(void) { uint32_t v; __asm__ volatile("mfmsr %0" : "=r"(v)); return v; }

static inline void set_msr(uint32_t v) { __asm__ volatile("mtmsr %0\n isync" : : "r"(v) : "memory"); }
