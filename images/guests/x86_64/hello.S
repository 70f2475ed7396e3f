# hello: prints "Hello from x86_64 domain <N>" and the checksum of checksum_table (images/README.md), powers off.
    .code64
    .text
    .globl _start
_start:
    lea stack_top(%rip), %rsp
    mov %rsi, %r12                        # start_info (Xen's PV ABI: rsi at entry)
    lea line_buf(%rip), %rbx
    lea greeting(%rip), %r8
    call append
    call append_domid
    movb $10, (%rbx)
    inc %rbx
    call flush

    # sum = sum * 31 + table[i & 63] + i, for i in 0 .. 9999 (sum * 31 as (sum << 5) - sum)
    lea checksum_table(%rip), %r9
    xor %eax, %eax                        # sum
    xor %r10d, %r10d                      # i
1:  mov %r10, %rdx
    and $63, %edx
    mov (%r9,%rdx,4), %edx
    mov %eax, %ebp
    shl $5, %eax
    sub %ebp, %eax
    add %edx, %eax
    add %r10d, %eax
    inc %r10
    cmp $10000, %r10
    jb 1b

    mov %eax, %ebp
    lea checksum_text(%rip), %r8
    call append
    lea hex_digits(%rip), %r9
    mov $8, %r13d                         # eight hex digits, most significant first
2:  rol $4, %ebp
    mov %ebp, %eax
    and $15, %eax
    movzbl (%r9,%rax,1), %eax
    mov %al, (%rbx)
    inc %rbx
    dec %r13d
    jne 2b
    movb $10, (%rbx)
    inc %rbx
    call flush
    jmp power_off

    .include "pv.inc"

    .section .rodata
greeting:
    .asciz "Hello from x86_64 domain "
checksum_text:
    .asciz "checksum 0x"
hex_digits:
    .ascii "0123456789abcdef"

    .data
    .balign 4
    .globl checksum_table
checksum_table:
    .include "checksum_table.inc"
