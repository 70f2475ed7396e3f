# crash: prints its greeting, then executes an undefined instruction (ud2): the domain must crash.
    .code32
    .text
    .globl _start
_start:
    mov $stack_top, %esp
    mov %esi, %ebx
    mov $line_buf, %edi
    mov $greeting, %esi
    call append
    call append_domid
    movb $10, (%edi)
    inc %edi
    call flush
    mov $warning, %esi
    call append
    call flush
    ud2
    jmp power_off

    .include "pv.inc"

    .section .rodata
greeting:
    .asciz "Hello from x86 domain "
warning:
    .asciz "about to execute an undefined instruction\n"
