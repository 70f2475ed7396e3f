/* arm64 PV glue for the C split-driver images: Xen's hypercall (hvc #0xEA1, op in x16, arguments in x0-x2, result
 * in x0) and the entry: EL1, MMU off, x0 = start_info. Included by exactly one .c per image. */
#include "xen.h"

char split_stack[16384] __attribute__((aligned(16)));

void guest_main(void *start_info);

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    adrp x1, split_stack\n"
        "    add  x1, x1, :lo12:split_stack\n"
        "    add  x1, x1, #16384\n"
        "    mov  sp, x1\n"
        "    bl   guest_main\n"
        "1:  b    1b\n"
        ".text\n");

long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long x16 __asm__("x16") = op;
    register unsigned long x0 __asm__("x0") = a1;
    register unsigned long x1 __asm__("x1") = a2;
    register unsigned long x2 __asm__("x2") = a3;
    __asm__ volatile("hvc #0xea1" : "+r"(x0) : "r"(x16), "r"(x1), "r"(x2) : "memory");
    return (long) x0;
}
