# spin: a guest that never stops and never calls the hypervisor; only destroy ends it.
    .code64
    .text
    .globl _start
_start:
1:  addq $1, %rax
    jmp 1b
