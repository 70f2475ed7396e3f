# hello: greets with its domain id, runs the checksum loop of images/README.md and powers off.
    .include "pv.inc"

    .text
    .globl _start
_start:
    pv_entry
    bl say_hello

    # sum = sum * 31 + table[i & 63] + i, for i = 0 .. 9999
    la32 r9, checksum_table
    li r3, 0
    li r7, 0
    li r8, 10000
    mtctr r8
1:  rlwinm r10, r7, 2, 24, 29           # (i & 63) * 4
    lwzx r11, r9, r10
    slwi r12, r3, 5
    subf r3, r3, r12                    # sum * 31 = (sum << 5) - sum
    add r3, r3, r11
    add r3, r3, r7
    addi r7, r7, 1
    bdnz 1b

    # "checksum 0x" then eight lowercase hex digits of r3 and a newline, built in line_buffer
    la32 r4, checksum_prefix
    la32 r5, line_buffer
    li r6, checksum_prefix_len
    mtctr r6
2:  lbz r8, 0(r4)
    stb r8, 0(r5)
    addi r4, r4, 1
    addi r5, r5, 1
    bdnz 2b
    la32 r6, hex_digits
    li r7, 8
3:  rotlwi r3, r3, 4                    # next nibble, most significant first
    clrlwi r10, r3, 28
    lbzx r8, r6, r10
    stb r8, 0(r5)
    addi r5, r5, 1
    addi r7, r7, -1
    cmpwi r7, 0
    bgt 3b
    li r8, '\n'
    stb r8, 0(r5)
    la32 r4, line_buffer
    li r5, checksum_prefix_len + 9
    bl console_write
    b power_off

    .include "console.inc"

    .section .rodata
checksum_prefix:
    .ascii "checksum 0x"
    .set checksum_prefix_len, . - checksum_prefix
hex_digits:
    .ascii "0123456789abcdef"

    .balign 4
    .globl checksum_table
checksum_table:
    .include "checksum_table.inc"
