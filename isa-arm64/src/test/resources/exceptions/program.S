// Guest code for ExceptionDeliveryTest: entry points (labels t_*) and a vector table whose every entry records
// its own offset in x9, then ESR_EL1, ELR_EL1, FAR_EL1, SPSR_EL1 and SP in x3, x4, x8, x11, x13, and leaves
// through the Xen hypercall (so the test can look), then ERET. Assembled by generate.sh into program.words (read by GuestProgram).
        .text
        .org 0
t_el0svc:                       // enter EL0 with SP_EL0 = x10, then SVC twice
        adr     x1, vectors
        msr     vbar_el1, x1
        msr     spsr_el1, xzr
        adr     x2, el0code
        msr     elr_el1, x2
        msr     sp_el0, x10
        eret
el0code:
        mov     x12, sp
        svc     #0x42
        mov     x6, #7
        svc     #1
        b       .
t_undef:
        adr     x1, vectors
        msr     vbar_el1, x1
        udf     #0
t_brk_sp0:
        adr     x1, vectors
        msr     vbar_el1, x1
        msr     spsel, #0
        brk     #3
t_load:
        adr     x2, vectors
        msr     vbar_el1, x2
        ldr     x0, [x1]
t_store:
        adr     x2, vectors
        msr     vbar_el1, x2
        str     x0, [x1, #8]
t_branch:
        adr     x2, vectors
        msr     vbar_el1, x2
        br      x1
t_spalign:
        adr     x2, vectors
        msr     vbar_el1, x2
        mrs     x2, sctlr_el1
        orr     x2, x2, #8
        msr     sctlr_el1, x2
        ldr     x0, [sp]
t_irq:
        adr     x2, vectors
        msr     vbar_el1, x2
        msr     daifclr, #3
t_irq_loop:
        add     x7, x7, #1
        b       t_irq_loop
t_timer:
        adr     x2, vectors
        msr     vbar_el1, x2
        mov     x2, #100
        msr     cntv_tval_el0, x2
        mov     x2, #1
        msr     cntv_ctl_el0, x2
        msr     daifclr, #2
t_timer_loop:
        add     x7, x7, #1
        b       t_timer_loop
t_el0mrs:                       // EL0 reads an EL1 register: undefined, taken to EL1 from the lower level
        adr     x1, vectors
        msr     vbar_el1, x1
        msr     spsr_el1, xzr
        adr     x2, el0mrs
        msr     elr_el1, x2
        eret
el0mrs:
        mrs     x0, tpidr_el0
        mrs     x0, sctlr_el1
        b       .

        .balign 2048
vectors:
        .irp    off, 0x000, 0x080, 0x100, 0x180, 0x200, 0x280, 0x300, 0x380, 0x400, 0x480, 0x500, 0x580, 0x600, 0x680, 0x700, 0x780
        .balign 128
        mov     x9, #\off
        b       common
        .endr
common:
        mrs     x3, esr_el1
        mrs     x4, elr_el1
        mrs     x8, far_el1
        mrs     x11, spsr_el1
        mov     x13, sp
        hvc     #0xea1
        eret
