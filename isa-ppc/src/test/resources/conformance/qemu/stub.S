# run_case(struct state *s): runs the one instruction patched into `slot` with r5, r6, r7, XER and CR taken from
# *s, and stores them back. The slot lives in a writable and executable section; harness.c patches it and
# synchronises the instruction cache before each case. CR2-CR4 are non-volatile in the SysV ABI: CR is saved in r8.
    .section .smc,"awx",@progbits
    .globl run_case
    .globl slot
run_case:
    mfcr 8
    lwz 0, 12(3)
    mtxer 0
    lwz 0, 16(3)
    mtcr 0
    lwz 5, 0(3)
    lwz 6, 4(3)
    lwz 7, 8(3)
slot:
    nop
    stw 5, 0(3)
    stw 6, 4(3)
    stw 7, 8(3)
    mfxer 0
    stw 0, 12(3)
    mfcr 0
    stw 0, 16(3)
    mtcr 8
    blr
    .section .note.GNU-stack,"",@progbits
