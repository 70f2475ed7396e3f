// dom0: prints its banner, then blocks forever (SCHEDOP_block in a loop: it wakes only for events).
    .include "guest.inc"

    .section .text.start
    .global _start
_start:
    guest_entry
    adr     x0, s_banner
    bl      put_str
    bl      flush
1:  mov     x0, #SCHEDOP_block
    hypercall HYPERVISOR_sched_op
    b       1b

    .section .rodata
s_banner:       .asciz "Polyvisor dom0 on arm64: ready\n"
