# hvm-pic: PIT interrupts through the 8259A pair to an IDT handler, on the x86 PC board.
# The kernel loads its own GDT and IDT (Multiboot leaves neither), remaps the PICs to vectors 0x20/0x28 (ICW1-ICW4),
# unmasks IRQ 0 only (OCW1), runs the 8254's counter 0 as a 100 Hz rate generator (mode 2, LSB then MSB) and waits
# in HLT for ten ticks; the handler checks through OCW3 that IRQ 0 is in service and ends it with a non-specific
# EOI. It then reads counter 0 back with the counter-latch command, takes one COM1 transmitter-empty interrupt
# (IRQ 4, MCR.OUT2 set) and ends it with a specific EOI, and checks the CMOS RTC's status registers.
# Every check prints PASS or FAIL; the end is a power-off (port 0x604) or, after a failure, isa-debug-exit.
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003
    .set COM1, 0x3F8
    .set TICKS, 10
    .set PIT_COUNT, 11932                  # 1193182 Hz / 100
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
    mov %ax, %fs
    mov %ax, %gs
    call uart_init
    mov $hello, %eax
    call puts

    # IDT: vectors 0-31 fail the test, 0x20-0x2f go to their handlers (spurious for the rest).
    xor %ecx, %ecx
1:  mov $exception, %eax
    cmp $0x20, %ecx
    jb 2f
    mov $unexpected, %eax
    cmp $0x20, %ecx
    jne 3f
    mov $timer, %eax
3:  cmp $0x24, %ecx
    jne 4f
    mov $serial, %eax
4:  cmp $0x27, %ecx
    jne 2f
    mov $spurious, %eax
2:  call set_gate
    inc %ecx
    cmp $0x30, %ecx
    jb 1b
    lidt idt_ptr

    # 8259A pair: ICW1 (edge, cascade, ICW4), ICW2 vector bases, ICW3 wiring, ICW4 8086 mode; OCW1 masks.
    mov $0x11, %al
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
    mov $0xFE, %al                         # IRQ 0 only
    outb %al, $0x21
    mov $0xFF, %al
    outb %al, $0xA1
    inb $0x21, %al
    cmp $0xFE, %al
    jne fail
    mov $ok_imr, %eax
    call puts

    # 8254 counter 0: mode 2, LSB then MSB.
    mov $0x34, %al
    outb %al, $0x43
    mov $PIT_COUNT & 0xFF, %al
    outb %al, $0x40
    mov $PIT_COUNT >> 8, %al
    outb %al, $0x40
    sti
1:  hlt
    cmpl $TICKS, ticks
    jb 1b
    cli
    cmpl $0, isr_bad
    jne fail
    mov $ok_ticks, %eax
    call puts
    mov $ok_isr, %eax
    call puts

    # Counter-latch command for counter 0, then LSB and MSB of the latched count: 1 .. PIT_COUNT.
    xor %al, %al
    outb %al, $0x43
    inb $0x40, %al
    mov %al, %cl
    inb $0x40, %al
    mov %al, %ch
    movzwl %cx, %ecx
    test %ecx, %ecx
    jz fail
    cmp $PIT_COUNT, %ecx
    ja fail
    mov $ok_latch, %eax
    call puts

    # COM1's transmitter-empty interrupt on IRQ 4 (vector 0x24): unmask it, gate it with OUT2, enable IER.ETBEI.
    mov $0xFF, %al
    outb %al, $0x21                        # the PIT is done: mask everything first
    mov $COM1 + 4, %dx
    mov $0x08, %al
    outb %al, %dx                          # MCR.OUT2
    mov $0xEF, %al
    outb %al, $0x21                        # IRQ 4 only
    sti
    mov $COM1 + 1, %dx
    mov $0x02, %al
    outb %al, %dx                          # IER: transmitter holding register empty
1:  hlt
    cmpl $0, serial_irqs
    je 1b
    cli
    cmpl $1, serial_irqs
    jne fail
    mov $ok_serial, %eax
    call puts

    # CMOS RTC: register D reads 0x80 (valid RAM and time), register B 24-hour mode after reset.
    mov $0x0D, %al
    outb %al, $0x70
    inb $0x71, %al
    cmp $0x80, %al
    jne fail
    mov $0x0B, %al
    outb %al, $0x70
    inb $0x71, %al
    test $0x02, %al
    jz fail
    mov $ok_rtc, %eax
    call puts

    cmpl $0, unexpected_irqs
    jne fail
    mov $bye, %eax
    call puts
    mov $0x604, %dx
    mov $0x2000, %ax
    outw %ax, %dx                          # PM1a_CNT.SLP_EN: power off
    hlt

fail:
    cli
    mov $failed, %eax
    call puts
    mov $1, %al
    outb %al, $0xF4                        # isa-debug-exit: exit code 3
    hlt

# set_gate(ecx = vector, eax = handler): a 32-bit interrupt gate, selector 0x08, DPL 0.
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
    push %eax
    mov $0x0B, %al                         # OCW3: read ISR
    outb %al, $0x20
    inb $0x20, %al
    cmp $0x01, %al
    je 1f
    incl isr_bad
1:  mov $0x0A, %al                         # OCW3: back to IRR
    outb %al, $0x20
    incl ticks
    mov $0x20, %al                         # OCW2: non-specific EOI
    outb %al, $0x20
    pop %eax
    iret

serial:
    push %eax
    push %edx
    mov $COM1 + 2, %dx
    inb %dx, %al                           # IIR: 0x02 = THRE, which this read clears
    and $0x0F, %al
    cmp $0x02, %al
    jne 1f
    incl serial_irqs
1:  mov $COM1 + 1, %dx
    xor %al, %al
    outb %al, %dx                          # IER = 0: no more
    mov $0x64, %al                         # OCW2: specific EOI for IRQ 4
    outb %al, $0x20
    pop %edx
    pop %eax
    iret

spurious:                                  # IRQ 7 with nothing in service: no EOI
unexpected:
    incl unexpected_irqs
    iret

exception:
    jmp fail

    .include "uart.inc"
    uart_routines %eax, %edx, %esi, %eax

    .section .rodata
    .balign 8
gdt:
    .quad 0
    .quad 0x00CF9A000000FFFF               # 0x08: flat 32-bit code
    .quad 0x00CF92000000FFFF               # 0x10: flat data
gdt_ptr:
    .word gdt_ptr - gdt - 1
    .long gdt
    .balign 4
idt_ptr:
    .word 0x30 * 8 - 1
    .long idt
hello:      .asciz "hvm-pic: PIT interrupts through the 8259A pair\n"
ok_imr:     .asciz "PASS PIC remapped to 0x20/0x28, IMR reads back 0xfe\n"
ok_ticks:   .asciz "PASS 10 timer interrupts on vector 0x20 (PIT mode 2, 100 Hz)\n"
ok_isr:     .asciz "PASS OCW3 read ISR = 0x01 in the handler, non-specific EOI\n"
ok_latch:   .asciz "PASS counter-latch command reads a count in 1..11932\n"
ok_serial:  .asciz "PASS COM1 THRE interrupt on vector 0x24, specific EOI\n"
ok_rtc:     .asciz "PASS CMOS RTC status D = 0x80, B in 24-hour mode\n"
bye:        .asciz "hvm-pic: all checks passed\n"
failed:     .asciz "FAIL\n"

    .bss
    .balign 8
idt:        .space 0x30 * 8
ticks:      .long 0
isr_bad:    .long 0
serial_irqs: .long 0
unexpected_irqs: .long 0
    .balign 16
    .space 4096
stack_top:
