// Guest code for BlockExecutionTest: block-level execution seen through the Vcpu interface. t_start installs the
// vectors and branches to the test at x24; each test ends in the Xen hypercall. The vectors record ESR_EL1 in x3,
// ELR_EL1 in x4, FAR_EL1 in x8 and the vector offset in x9, then make the hypercall.
        .text
        .org 0
t_start:
        adr     x25, vectors
        msr     vbar_el1, x25
        br      x24
t_smc:                          // one block that overwrites one of its own later instructions with w5
        adr     x6, smc_target
        add     x1, x1, #1
        str     w5, [x6]
        add     x1, x1, #1
smc_target:
        mov     x0, #1
        add     x1, x1, #1
        hvc     #0xea1
t_fault:                        // the load faults (x4 is outside guest memory) in the middle of the block
        add     x1, x1, #1
        add     x2, x2, #1
t_fault_load:
        ldr     x3, [x4]
        add     x6, x6, #1
        add     x7, x7, #1
        hvc     #0xea1
t_straight:                     // eight additions in one block
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        add     x1, x1, #1
        hvc     #0xea1
t_unmask:                       // an IRQ is pending while masked; it is taken right after the MSR that unmasks it
        add     x1, x1, #1
        msr     daifclr, #2
t_after_unmask:
        add     x2, x2, #1
        hvc     #0xea1
t_remap:                        // MMU on; call the code page at x5, point its PTE (at x8) at x7, TLBI, call again
        msr     tcr_el1, x20
        msr     ttbr0_el1, x21
        msr     sctlr_el1, x22
        isb
        blr     x5
        mov     x10, x0
        str     x7, [x8]
        dsb     ishst
        tlbi    vmalle1
        dsb     ish
        isb
        blr     x5
        hvc     #0xea1

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
