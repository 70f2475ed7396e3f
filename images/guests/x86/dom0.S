# dom0: prints its banner, then blocks forever with sched_op(SCHEDOP_block).
    .code32
    .text
    .globl _start
_start:
    mov $stack_top, %esp
    mov $line_buf, %edi
    mov $banner, %esi
    call append
    call flush
1:  mov $HYPERVISOR_sched_op, %eax
    mov $SCHEDOP_block, %ebx
    xor %ecx, %ecx
    int $0x82
    jmp 1b

    .include "pv.inc"

    .section .rodata
banner:
    .asciz "Polyvisor dom0 on x86: ready\n"
