// hvm-hello: the arm64 virt board's boot state and devices, self-checking. Entered at EL1 per the Linux arm64
// boot protocol with the device tree's address in x0; prints over the PL011 at 0x09000000 and powers off with
// PSCI SYSTEM_OFF. Checks: the FDT magic at x0, PSCI_VERSION 0.2 or later, a virtual timer interrupt (PPI 14, INTID 27)
// through the GICv2, and vCPU 1 brought up by PSCI CPU_ON, writing a flag and leaving with CPU_OFF.
    .equ UART, 0x09000000
    .equ GICD, 0x08000000
    .equ GICC, 0x08010000
    .equ PSCI_VERSION, 0x84000000
    .equ PSCI_CPU_OFF, 0x84000002
    .equ PSCI_CPU_ON, 0xc4000003
    .equ PSCI_AFFINITY_INFO, 0xc4000004
    .equ PSCI_SYSTEM_OFF, 0x84000008

    .section .text.start
    .global _start
_start:
    mov     x19, x0                      // the device tree
    adrp    x1, stack_top
    add     x1, x1, :lo12:stack_top
    mov     sp, x1
    mov     w20, #0                      // failures
    adr     x0, s_hello
    bl      puts

    // 1. FDT magic, big-endian 0xd00dfeed at x0
    ldr     w1, [x19]
    rev     w1, w1
    ldr     w2, =0xd00dfeed
    adr     x0, s_fdt
    cmp     w1, w2
    bl      report

    // 2. PSCI_VERSION is 0.2 or later (QEMU's virt says 1.1): bit 31 clear (not an error), major.minor >= 0.2
    ldr     x0, =PSCI_VERSION
    hvc     #0
    mov     w1, #0
    tbnz    w0, #31, 1f
    cmp     w0, #2
    cset    w1, hs
1:  cmp     w1, #1
    adr     x0, s_psci
    bl      report

    // 3. virtual timer interrupt through the GIC
    adr     x1, vectors
    msr     vbar_el1, x1
    ldr     x1, =GICD
    mov     w2, #1
    str     w2, [x1]                     // GICD_CTLR: enable
    mov     w2, #(1 << 27)
    str     w2, [x1, #0x100]             // GICD_ISENABLER0: INTID 27
    ldr     x1, =GICC
    mov     w2, #0xf0
    str     w2, [x1, #4]                 // GICC_PMR
    mov     w2, #1
    str     w2, [x1]                     // GICC_CTLR: enable
    mov     x2, #1000
    msr     cntv_tval_el0, x2
    mov     x2, #1
    msr     cntv_ctl_el0, x2             // ENABLE, IMASK clear
    msr     daifclr, #2
    ldr     x3, =100000
1:  ldr     w4, irq_seen
    cbnz    w4, 2f
    wfi
    subs    x3, x3, #1
    b.ne    1b
2:  msr     daifset, #2
    ldr     w4, irq_intid
    cmp     w4, #27
    adr     x0, s_timer
    bl      report

    // 4. PSCI CPU_ON of vCPU 1 (MPIDR 1), which sets a flag and leaves with CPU_OFF
    ldr     x0, =PSCI_CPU_ON
    mov     x1, #1
    adr     x2, secondary
    mov     x3, #0x5a
    hvc     #0
    mov     x21, x0
    ldr     x3, =1000000
3:  ldr     w4, cpu1_flag
    cbnz    w4, 4f
    subs    x3, x3, #1
    b.ne    3b
4:  mov     w5, #0x5a
    cmp     x21, #0
    ccmp    w4, w5, #0, eq
    adr     x0, s_cpuon
    bl      report

    cbnz    w20, 5f
    adr     x0, s_all
    bl      puts
    b       6f
5:  adr     x0, s_some
    bl      puts
6:  ldr     x0, =PSCI_SYSTEM_OFF
    hvc     #0
7:  b       7b

    .include "report.inc"               // report and puts (w20 counts failures; s_pass, s_fail, UART here)

secondary:                               // x0 = context id (0x5a)
    adr     x1, cpu1_flag
    str     w0, [x1]
    ldr     x0, =PSCI_CPU_OFF
    hvc     #0
1:  b       1b

irq:
    ldr     x1, =GICC
    ldr     w2, [x1, #0xc]               // GICC_IAR
    adr     x3, irq_intid
    str     w2, [x3]
    msr     cntv_ctl_el0, xzr            // the level source goes away
    str     w2, [x1, #0x10]              // GICC_EOIR
    mov     w4, #1
    adr     x3, irq_seen
    str     w4, [x3]
    eret

unexpected:
    adr     x0, s_unexpected
    bl      puts
    ldr     x0, =PSCI_SYSTEM_OFF
    hvc     #0
1:  b       1b

    .balign 2048
vectors:
    .rept 4                              // current EL with SP0
    b       unexpected
    .balign 128
    .endr
    b       unexpected                   // current EL with SPx: synchronous
    .balign 128
    b       irq                          // IRQ
    .balign 128
    .rept 2
    b       unexpected
    .balign 128
    .endr
    .rept 8                              // lower EL
    b       unexpected
    .balign 128
    .endr

    .section .rodata
s_hello:    .asciz "Hello from an arm64 HVM guest (Linux boot protocol on the virt board)\n"
s_pass:     .asciz "PASS "
s_fail:     .asciz "FAIL "
s_fdt:      .asciz "device tree magic at x0\n"
s_psci:     .asciz "PSCI_VERSION is 0.2 or later\n"
s_timer:    .asciz "virtual timer IRQ 27 through the GICv2\n"
s_cpuon:    .asciz "PSCI CPU_ON started vCPU 1 with its context id\n"
s_all:      .asciz "hvm-hello: all checks passed\n"
s_some:     .asciz "hvm-hello: some checks FAILED\n"
s_unexpected: .asciz "FAIL unexpected exception\n"

    .data
    .balign 8
irq_seen:   .word 0
irq_intid:  .word 0
cpu1_flag:  .word 0
    .bss
    .balign 16
    .space 8192
stack_top:
