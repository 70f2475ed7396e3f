/* ppc (32-bit, big-endian) PV glue for the C split-driver images: the hypercall (sc 1, op in r3, arguments in
 * r4-r6, result in r3) and the entry: real mode, r3 = start_info. Included by exactly one .c per image. */
#include "xen.h"

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

long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long r3 __asm__("r3") = op;
    register unsigned long r4 __asm__("r4") = a1;
    register unsigned long r5 __asm__("r5") = a2;
    register unsigned long r6 __asm__("r6") = a3;
    __asm__ volatile("sc 1" : "+r"(r3) : "r"(r4), "r"(r5), "r"(r6) : "memory", "cr0");
    return (long) r3;
}
