# spin: a guest that never stops and never calls the hypervisor; only destroy ends it.
    .code32
    .text
    .globl _start
_start:
1:  addl $1, %eax
    jmp 1b
