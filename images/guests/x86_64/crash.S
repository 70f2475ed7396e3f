# crash: prints its greeting, then executes an undefined instruction (ud2): the domain must crash.
    .code64
    .text
    .globl _start
_start:
    lea stack_top(%rip), %rsp
    mov %rsi, %r12
    lea line_buf(%rip), %rbx
    lea greeting(%rip), %r8
    call append
    call append_domid
    movb $10, (%rbx)
    inc %rbx
    call flush
    lea warning(%rip), %r8
    call append
    call flush
    ud2
    jmp power_off

    .include "pv.inc"

    .section .rodata
greeting:
    .asciz "Hello from x86_64 domain "
warning:
    .asciz "about to execute an undefined instruction\n"
