// hello: greets, runs the checksum loop of images/README.md over checksum_table, prints it, powers off.
    .include "guest.inc"

    .section .text.start
    .global _start
_start:
    guest_entry
    bl      put_greeting

    adrp    x1, checksum_table
    add     x1, x1, :lo12:checksum_table
    mov     w2, #0                       // sum
    mov     w3, #0                       // i
    mov     w5, #10000
1:  and     w4, w3, #63
    ldr     w6, [x1, w4, uxtw #2]        // table[i & 63]
    lsl     w7, w2, #5
    sub     w2, w7, w2                   // sum * 31
    add     w2, w2, w6
    add     w2, w2, w3
    add     w3, w3, #1
    cmp     w3, w5
    b.lo    1b

    mov     w23, w2
    adr     x0, s_checksum
    bl      put_str
    mov     w0, w23
    bl      put_hex32
    mov     w0, #'\n'
    bl      put_char
    bl      flush
    b       poweroff

    .section .rodata
s_checksum:     .asciz "checksum 0x"
    .balign 4
    .global checksum_table
checksum_table:                          // table[k] = (k + 1) * 0x9E3779B1 mod 2^32
    .set k, 1
    .rept 64
    .word (k * 0x9E3779B1) & 0xFFFFFFFF
    .set k, k + 1
    .endr
