# hvm-hello (x86_64): a Multiboot kernel on the PC board that goes from the 32-bit protected mode Multiboot leaves
# it in to 64-bit mode itself (identity-mapped 4 GiB with 2 MiB pages, CR4.PAE, EFER.LME, CR0.PG, a far jump to a
# 64-bit code segment), then takes five local APIC timer interrupts (periodic, vector 0x40, EOI at 0xFEE000B0)
# through a 64-bit IDT while halted, and prints over COM1 (polling LSR.THRE). Ends with a power-off (PM1a_CNT at
# port 0x604) or, after a failed check, isa-debug-exit (port 0xF4).
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003
    .set COM1, 0x3F8
    .set LAPIC, 0xFEE00000
    .set TICKS, 5
    .text
    .code32
    .globl _start
    .balign 4
    .long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

_start:
    mov $stack_top, %esp
    cmp $0x2BADB002, %eax
    jne fail32
    # Page tables: PML4[0] -> PDPT, PDPT[0..3] -> four page directories of 2 MiB pages covering 4 GiB.
    mov $pdpt, %eax
    or $3, %eax
    mov %eax, pml4
    xor %ecx, %ecx
1:  mov %ecx, %eax
    shl $12, %eax
    add $pd, %eax
    or $3, %eax
    mov %eax, pdpt(,%ecx,8)
    inc %ecx
    cmp $4, %ecx
    jb 1b
    xor %ecx, %ecx                         # 2048 entries: page n maps n * 2 MiB
2:  mov %ecx, %eax
    shl $21, %eax
    or $0x83, %eax                         # present, writable, PS
    mov %ecx, %edx
    shr $11, %edx                          # bits 32+ of the address
    mov %eax, pd(,%ecx,8)
    mov %edx, pd+4(,%ecx,8)
    inc %ecx
    cmp $2048, %ecx
    jb 2b
    lgdt gdt_ptr
    mov %cr4, %eax
    or $0x20, %eax                         # PAE
    mov %eax, %cr4
    mov $pml4, %eax
    mov %eax, %cr3
    mov $0xC0000080, %ecx                  # EFER.LME
    rdmsr
    or $0x100, %eax
    wrmsr
    mov %cr0, %eax
    or $0x80000000, %eax                   # PG: IA-32e mode, compatibility until CS.L
    mov %eax, %cr0
    ljmp $0x08, $long_mode

fail32:
    mov $1, %al
    outb %al, $0xF4
    hlt

    .code64
long_mode:
    mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $stack_top, %rsp
    call uart_init
    lea hello(%rip), %rdi
    call puts
    mov $0xC0000080, %ecx
    rdmsr
    test $0x400, %eax                      # EFER.LMA
    jz fail
    lea ok_long(%rip), %rdi
    call puts

    # IDT: every vector fails the test except 0x40, the timer.
    xor %ecx, %ecx
1:  lea exception(%rip), %rax
    cmp $0x40, %ecx
    jne 2f
    lea timer(%rip), %rax
2:  call set_gate
    inc %ecx
    cmp $0x41, %ecx
    jb 1b
    lidt idt_ptr(%rip)

    # The 8259As stay masked; the local APIC: software enable, divide by 1, periodic vector 0x40, 1 ms.
    mov $0xFF, %al
    outb %al, $0x21
    outb %al, $0xA1
    mov $LAPIC, %rbx
    movl $0x1FF, 0xF0(%rbx)
    movl 0x30(%rbx), %eax
    and $0xFF, %eax
    cmp $0x14, %eax
    jne fail
    lea ok_version(%rip), %rdi
    call puts
    movl $0xB, 0x3E0(%rbx)
    movl $0x20040, 0x320(%rbx)
    movl $1000000, 0x380(%rbx)
    sti
3:  hlt
    cmpl $TICKS, ticks(%rip)
    jb 3b
    cli
    movl $0x10000, 0x320(%rbx)             # mask the timer
    lea ok_timer(%rip), %rdi
    call puts
    lea bye(%rip), %rdi
    call puts
    mov $0x604, %dx
    mov $0x2000, %ax
    outw %ax, %dx
    hlt

fail:
    cli
    lea failed(%rip), %rdi
    call puts
    mov $1, %al
    outb %al, $0xF4
    hlt

# set_gate(ecx = vector, rax = handler): a 64-bit interrupt gate, selector 0x08, IST 0.
set_gate:
    lea idt(%rip), %rdx
    mov %ecx, %esi
    shl $4, %esi
    add %rsi, %rdx
    mov %ax, (%rdx)
    movw $0x08, 2(%rdx)
    movw $0x8E00, 4(%rdx)
    mov %rax, %rsi
    shr $16, %rsi
    mov %si, 6(%rdx)
    shr $16, %rsi
    mov %esi, 8(%rdx)
    movl $0, 12(%rdx)
    ret

timer:
    incl ticks(%rip)
    push %rax
    mov $LAPIC, %rax
    movl $0, 0xB0(%rax)                    # EOI
    pop %rax
    iretq

exception:
    jmp fail

    .include "x86/uart.inc"
    uart_routines %rax, %rdx, %rdi, %rdi

    .section .rodata
    .balign 8
gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF               # 0x08: 64-bit code
    .quad 0x00CF92000000FFFF               # 0x10: data
gdt_ptr:
    .word gdt_ptr - gdt - 1
    .quad gdt
    .balign 8
idt_ptr:
    .word 0x41 * 16 - 1
    .quad idt
hello:      .asciz "Hello from an x86_64 HVM guest (Multiboot, then long mode by itself)\n"
ok_long:    .asciz "PASS EFER.LMA: 64-bit mode with identity-mapped 4 GiB\n"
ok_version: .asciz "PASS local APIC version 0x14 at 0xfee00000\n"
ok_timer:   .asciz "PASS 5 periodic local APIC timer interrupts on vector 0x40\n"
bye:        .asciz "hvm-hello: all checks passed\n"
failed:     .asciz "FAIL\n"

    .bss
    .balign 4096
pml4:       .space 4096
pdpt:       .space 4096
pd:         .space 4 * 4096
idt:        .space 0x41 * 16
ticks:      .long 0
    .balign 16
    .space 8192
stack_top:
