// spin: a guest that never stops and never calls the hypervisor; only destroy ends it.
    .text
    .globl _start
    .proc _start
_start:
1:  adds r14 = 1, r14
    br.sptk.few 1b
    .endp _start
