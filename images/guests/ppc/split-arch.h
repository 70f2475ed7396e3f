/* ppc (32-bit, big-endian) entry of the C split-driver images: real mode, r3 = start_info; the hypercall is
 * pv-glue.h's. Included by exactly one .c per image. */
#include "pv-glue.h"

char split_stack[16384] __attribute__((aligned(16)));

void guest_main(void *start_info);

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    lis   1, (split_stack + 16384 - 16)@ha\n"
        "    addi  1, 1, (split_stack + 16384 - 16)@l\n"
        "    li    0, 0\n"
        "    stw   0, 0(1)\n"
        "    bl    guest_main\n"
        "1:  b     1b\n");
