# dom0: prints its banner, then blocks in the hypervisor forever (classic PowerPC has no halt instruction).
    .include "pv.inc"

    .text
    .globl _start
_start:
    pv_entry
    say banner, banner_len
1:  li r3, HYPERVISOR_sched_op
    li r4, SCHEDOP_block
    sc 1
    b 1b

    .include "console.inc"

    .section .rodata
banner:
    .ascii "Polyvisor dom0 on ppc: ready\n"
    .set banner_len, . - banner
