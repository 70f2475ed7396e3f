# hvm-apic: the APIC path of the x86 PC board. The 8259As are initialised and fully masked; the I/O APIC's
# redirection entry for pin 2 (where the PIT's IRQ 0 is wired) sends vector 0x30 to local APIC 0, which the
# kernel enables through its spurious-interrupt vector register; five PIT ticks arrive there while halted, each
# ended with an EOI at 0xFEE000B0. Then the local APIC goes to x2APIC mode (IA32_APIC_BASE.EXTD), sends itself
# vector 0x31 through the SELF IPI MSR (0x83F) and ends it with a write to the EOI MSR (0x80B).
# Every check prints PASS or FAIL; the end is a power-off (port 0x604) or, after a failure, isa-debug-exit.
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003
    .set COM1, 0x3F8
    .set LAPIC, 0xFEE00000
    .set IOAPIC, 0xFEC00000
    .set TICKS, 5
    .code32
    .text
    .globl _start
    .balign 4
    .long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

_start:
    mov $stack_top, %esp
    lgdt gdt_ptr
    ljmp $0x08, $1f
1:  mov $0x10, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    call uart_init
    mov $hello, %eax
    call puts

    xor %ecx, %ecx                         # IDT: 256 gates, all failing except 0x30, 0x31 and 0xff (spurious)
1:  mov $exception, %eax
    cmp $0x30, %ecx
    jne 2f
    mov $timer, %eax
2:  cmp $0x31, %ecx
    jne 3f
    mov $self_ipi, %eax
3:  cmp $0xFF, %ecx
    jne 4f
    mov $spurious, %eax
4:  call set_gate
    inc %ecx
    cmp $0x100, %ecx
    jb 1b
    lidt idt_ptr

    mov $0x11, %al                         # 8259As: initialised, then every line masked
    outb %al, $0x20
    outb %al, $0xA0
    mov $0x20, %al
    outb %al, $0x21
    mov $0x28, %al
    outb %al, $0xA1
    mov $0x04, %al
    outb %al, $0x21
    mov $0x02, %al
    outb %al, $0xA1
    mov $0x01, %al
    outb %al, $0x21
    outb %al, $0xA1
    mov $0xFF, %al
    outb %al, $0x21
    outb %al, $0xA1

    movl $0x01, IOAPIC                     # IOAPIC version register
    movl IOAPIC + 0x10, %eax
    cmp $0x00170011, %eax                  # an 82093AA: version 0x11, 24 entries
    je 1f
    cmp $0x00170020, %eax                  # QEMU's I/O APIC: version 0x20, 24 entries
    jne fail
1:  mov $ok_ioapic, %eax
    call puts
    movl $0x1FF, LAPIC + 0xF0              # SVR: software enable, spurious vector 0xff
    movl $0x14, IOAPIC                     # redirection entry 2, low: vector 0x30, fixed, physical, edge, unmasked
    movl $0x30, IOAPIC + 0x10
    movl $0x15, IOAPIC                     # high: destination APIC 0
    movl $0, IOAPIC + 0x10

    mov $0x34, %al                         # PIT counter 0: 100 Hz rate generator
    outb %al, $0x43
    mov $11932 & 0xFF, %al
    outb %al, $0x40
    mov $11932 >> 8, %al
    outb %al, $0x40
    sti
1:  hlt
    cmpl $TICKS, ticks
    jb 1b
    cli
    movl $0x14, IOAPIC
    movl $0x10030, IOAPIC + 0x10           # mask the entry again
    mov $ok_ticks, %eax
    call puts

    mov $1, %eax                           # x2APIC only where CPUID.1:ECX[21] says so (QEMU 7.2's TCG has none)
    cpuid
    bt $21, %ecx
    jc 2f
    mov $skip_x2apic, %eax
    call puts
    jmp 3f
2:  mov $0x1B, %ecx                        # IA32_APIC_BASE: EXTD
    rdmsr
    or $0x400, %eax
    wrmsr
    mov $0x802, %ecx                       # x2APIC ID
    rdmsr
    test %eax, %eax
    jnz fail
    sti
    mov $0x83F, %ecx                       # SELF IPI, vector 0x31
    mov $0x31, %eax
    xor %edx, %edx
    wrmsr
    nop
    cli
    cmpl $1, self_ipis
    jne fail
    mov $ok_x2apic, %eax
    call puts

3:  mov $bye, %eax
    call puts
    mov $0x604, %dx
    mov $0x2000, %ax
    outw %ax, %dx
    hlt

fail:
    cli
    mov $failed, %eax
    call puts
    mov $1, %al
    outb %al, $0xF4
    hlt

set_gate:
    mov %eax, %edx
    and $0xFFFF, %eax
    or $0x00080000, %eax
    mov %eax, idt(,%ecx,8)
    and $0xFFFF0000, %edx
    or $0x8E00, %edx
    mov %edx, idt+4(,%ecx,8)
    ret

timer:
    incl ticks
    movl $0, LAPIC + 0xB0                  # EOI
    iret

self_ipi:
    push %eax
    push %ecx
    push %edx
    incl self_ipis
    mov $0x80B, %ecx                       # x2APIC EOI
    xor %eax, %eax
    xor %edx, %edx
    wrmsr
    pop %edx
    pop %ecx
    pop %eax
    iret

spurious:
    iret

exception:
    jmp fail

    .include "uart.inc"
    uart_routines %eax, %edx, %esi, %eax

    .section .rodata
    .balign 8
gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF
    .quad 0x00CF92000000FFFF
gdt_ptr:
    .word gdt_ptr - gdt - 1
    .long gdt
    .balign 4
idt_ptr:
    .word 0x100 * 8 - 1
    .long idt
hello:     .asciz "hvm-apic: PIT ticks through the I/O APIC to the local APIC\n"
ok_ioapic: .asciz "PASS I/O APIC version 0x11 (QEMU: 0x20) with 24 redirection entries\n"
ok_ticks:  .asciz "PASS 5 timer interrupts on vector 0x30 (I/O APIC pin 2, 8259As masked)\n"
ok_x2apic: .asciz "PASS x2APIC mode: ID 0, SELF IPI vector 0x31, EOI through MSR 0x80b\n"
skip_x2apic: .asciz "SKIP x2APIC mode: CPUID.1:ECX.x2APIC is clear\n"
bye:       .asciz "hvm-apic: all checks passed\n"
failed:    .asciz "FAIL\n"

    .bss
    .balign 8
idt:       .space 0x100 * 8
ticks:     .long 0
self_ipis: .long 0
    .balign 16
    .space 4096
stack_top:
