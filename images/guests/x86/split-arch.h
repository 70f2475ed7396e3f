/* x86 (i686) PV glue for the C split-driver images: Xen's 32-bit PV hypercall (int $0x82, op in eax, arguments in
 * ebx, ecx, edx, result in eax) and the entry: paging off, esi = start_info. Included by exactly one .c per image. */
#include "xen.h"

char split_stack[16384] __attribute__((aligned(16)));

void guest_main(void *start_info);

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    movl $split_stack + 16384, %esp\n"
        "    pushl %esi\n"
        "    call guest_main\n"
        "1:  jmp 1b\n");

long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    long r;
    __asm__ volatile("int $0x82" : "=a"(r) : "a"(op), "b"(a1), "c"(a2), "d"(a3) : "memory");
    return r;
}
