# spin: a guest that never stops and never calls the hypervisor; only destroy ends it.
    .text
    .globl _start
_start:
1:  addi 4, 4, 1
    b 1b
