# run_fp_case(struct fpstate *s): loads f5, f6, f7, the FPSCR (through f0 and mtfsf 255) and CR from *s, runs the
# one instruction patched into `fpslot`, stores f5, f6, f7, the FPSCR (mffs) and CR back, and clears the FPSCR.
# f0 and f5-f7 are volatile in the SysV ABI; CR2-CR4 are not: CR is saved in r8.
    .section .smc,"awx",@progbits
    .globl run_fp_case
    .globl fpslot
run_fp_case:
    mfcr 8
    lfd 0, 24(3)
    mtfsf 255, 0
    lwz 0, 32(3)
    mtcr 0
    lfd 5, 0(3)
    lfd 6, 8(3)
    lfd 7, 16(3)
fpslot:
    nop
    stfd 5, 0(3)
    stfd 6, 8(3)
    stfd 7, 16(3)
    mffs 0
    stfd 0, 24(3)
    mfcr 0
    stw 0, 32(3)
    lfd 0, 40(3)
    mtfsf 255, 0
    mtcr 8
    blr
    .section .note.GNU-stack,"",@progbits
