# dom0: prints its banner, then blocks forever with sched_op(SCHEDOP_block).
    .code64
    .text
    .globl _start
_start:
    lea stack_top(%rip), %rsp
    lea line_buf(%rip), %rbx
    lea banner(%rip), %r8
    call append
    call flush
1:  mov $HYPERVISOR_sched_op, %eax
    mov $SCHEDOP_block, %edi
    xor %esi, %esi
    syscall
    jmp 1b

    .include "pv.inc"

    .section .rodata
banner:
    .asciz "Polyvisor dom0 on x86_64: ready\n"
