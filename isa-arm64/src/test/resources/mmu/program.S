// Guest code for the MMU tests (MmuAccessTest, MmuWalkTest): turns the MMU on with TCR_EL1 = x20,
// TTBR0_EL1 = x21, SCTLR_EL1 = x22, TTBR1_EL1 = x25, then runs the action at x24 at EL1 (x23 = 0) or EL0.
// Every action ends in BRK #0 (fetches of the test page find BRK #1 there), so ESR_EL1 tells success (EC 0x3C)
// from an abort. The vectors record ESR_EL1 in x3, FAR_EL1 in x8, ELR_EL1 in x4, then make the Xen hypercall.
        .text
        .org 0
t_start:
        adr     x1, vectors
        msr     vbar_el1, x1
        msr     tcr_el1, x20
        msr     ttbr0_el1, x21
        msr     ttbr1_el1, x25
        msr     sctlr_el1, x22
        isb
        cbz     x23, 1f
        msr     spsr_el1, xzr
        msr     elr_el1, x24
        eret
1:      br      x24
t_read:
        ldr     x0, [x5]
        brk     #0
t_write:
        str     x0, [x5]
        brk     #0
t_fetch:
        br      x5
t_at:
        at      s1e1r, x5
        mrs     x6, par_el1
        at      s1e0w, x5
        mrs     x7, par_el1
        brk     #0
t_tlbi:                         // read, let the test change the PTE, read again, TLBI, read again
        ldr     x0, [x5]
        hvc     #0xea1
        ldr     x1, [x5]
        tlbi    vmalle1
        dsb     ish
        ldr     x2, [x5]
        brk     #0
t_reread:                       // read, stop, read again (another vCPU may broadcast a TLBI meanwhile)
        ldr     x0, [x5]
        hvc     #0xea1
        ldr     x1, [x5]
        brk     #0
t_tlbiis:
        tlbi    vmalle1is
        dsb     ish
        brk     #0

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
        hvc     #0xea1
        b       .
