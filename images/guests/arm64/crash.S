// crash: greets, says what it is about to do, then executes a permanently undefined instruction (UDF).
    .include "guest.inc"

    .section .text.start
    .global _start
_start:
    guest_entry
    bl      put_greeting
    adr     x0, s_about
    bl      put_str
    bl      flush
    udf     #0xdead
    b       poweroff

    .section .rodata
s_about:        .asciz "about to execute an undefined instruction\n"
