# hello: prints "Hello from x86 domain <N>" and the checksum of checksum_table (images/README.md), powers off.
    .code32
    .text
    .globl _start
_start:
    mov $stack_top, %esp
    mov %esi, %ebx                        # start_info (Xen's PV ABI: esi at entry)
    mov $line_buf, %edi
    mov $greeting, %esi
    call append
    call append_domid
    movb $10, (%edi)
    inc %edi
    call flush

    # sum = sum * 31 + table[i & 63] + i, for i in 0 .. 9999 (sum * 31 as (sum << 5) - sum)
    xor %eax, %eax                        # sum
    xor %ecx, %ecx                        # i
1:  mov %ecx, %edx
    and $63, %edx
    mov checksum_table(,%edx,4), %edx
    mov %eax, %ebp
    shl $5, %eax
    sub %ebp, %eax
    add %edx, %eax
    add %ecx, %eax
    inc %ecx
    cmp $10000, %ecx
    jb 1b

    mov %eax, %ebp
    mov $checksum_text, %esi
    call append
    mov $8, %ecx                          # eight hex digits, most significant first
2:  rol $4, %ebp
    mov %ebp, %eax
    and $15, %eax
    movzbl hex_digits(%eax), %eax
    mov %al, (%edi)
    inc %edi
    dec %ecx
    jne 2b
    movb $10, (%edi)
    inc %edi
    call flush
    jmp power_off

    .include "pv.inc"

    .section .rodata
greeting:
    .asciz "Hello from x86 domain "
checksum_text:
    .asciz "checksum 0x"
hex_digits:
    .ascii "0123456789abcdef"

    .data
    .balign 4
    .globl checksum_table
checksum_table:
    .include "checksum_table.inc"
