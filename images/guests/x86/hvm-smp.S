# hvm-smp: vCPU 0 starts vCPU 1 with the local APIC's INIT and start-up IPIs, as a PC's BIOS or OS does.
# The start-up code is copied to 0x9000 (start-up vector 0x09), where vCPU 1 begins in real mode at 0900:0000:
# it prints its line over COM1 and sets a flag at 0x9f00; vCPU 0 waits for the flag (bounded), reads its own APIC
# ID (0) at 0xFEE00020 and powers off through port 0x604, or ends through isa-debug-exit after a failed check.
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003
    .set COM1, 0x3F8
    .set LAPIC, 0xFEE00000
    .set TRAMPOLINE, 0x9000
    .set FLAG, 0x9F00
    .code32
    .text
    .globl _start
    .balign 4
    .long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

_start:
    mov $stack_top, %esp
    call uart_init
    mov $hello, %eax
    call puts
    movl LAPIC + 0x20, %eax                # APIC ID in bits 31:24
    shr $24, %eax
    test %eax, %eax
    jnz fail
    mov $ok_id, %eax
    call puts
    movl $0, FLAG
    mov $ap_start, %esi                    # copy the start-up code below 1 MiB
    mov $TRAMPOLINE, %edi
    mov $ap_end - ap_start, %ecx
    rep movsb
    movl $0x01000000, LAPIC + 0x310        # ICR destination: APIC 1
    movl $0x00004500, LAPIC + 0x300        # INIT, assert
    movl $0x01000000, LAPIC + 0x310
    movl $0x00004600 | (TRAMPOLINE >> 12), LAPIC + 0x300   # start-up, vector 0x09
    mov $200000000, %ecx                   # wait, but not forever
1:  cmpl $0x5a5a, FLAG
    je 2f
    pause
    dec %ecx
    jnz 1b
    jmp fail
2:  mov $ok_flag, %eax
    call puts
    mov $bye, %eax
    call puts
    mov $0x604, %dx
    mov $0x2000, %ax
    outw %ax, %dx
    hlt

fail:
    mov $failed, %eax
    call puts
    mov $1, %al
    outb %al, $0xF4
    hlt

    .include "uart.inc"
    uart_routines %eax, %edx, %esi, %eax

# vCPU 1's start-up code, position-independent real-mode code run at 0900:0000.
    .code16
ap_start:
    cli
    mov %cs, %ax
    mov %ax, %ds
    mov $ap_line - ap_start, %si
1:  movb (%si), %cl
    test %cl, %cl
    jz 3f
    mov $COM1 + 5, %dx
2:  inb %dx, %al
    test $0x20, %al
    jz 2b
    mov $COM1, %dx
    mov %cl, %al
    outb %al, %dx
    inc %si
    jmp 1b
3:  xor %ax, %ax
    mov %ax, %ds
    movw $0x5a5a, FLAG
4:  hlt
    jmp 4b
ap_line:
    .asciz "PASS vCPU 1 started by INIT-SIPI in real mode at 0900:0000\n"
ap_end:

    .section .rodata
hello:   .asciz "hvm-smp: vCPU 0 starts vCPU 1 through its local APIC\n"
ok_id:   .asciz "PASS vCPU 0's local APIC ID is 0\n"
ok_flag: .asciz "PASS vCPU 0 saw vCPU 1's flag\n"
bye:     .asciz "hvm-smp: all checks passed\n"
failed:  .asciz "FAIL\n"

    .bss
    .balign 16
    .space 4096
stack_top:
