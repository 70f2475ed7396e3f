# crash: greets, says what it is about to do, then executes an undefined instruction; the domain must crash.
    .include "pv.inc"

    .text
    .globl _start
_start:
    pv_entry
    bl say_hello
    say crash_message, crash_message_len
    .globl undefined_instruction
undefined_instruction:
    .long 0x00000000                    # primary opcode 0 is not a PowerPC instruction
    b power_off

    .include "console.inc"

    .section .rodata
crash_message:
    .ascii "about to execute an undefined instruction\n"
    .set crash_message_len, . - crash_message
