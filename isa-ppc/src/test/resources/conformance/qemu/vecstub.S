# run_vec_case(struct vecstate *s): loads VSCR (through v0), CR and r4, then v5, v6, v7 from *s (16-byte aligned),
# runs the one instruction patched into `vecslot`, stores v5, v6, v7, the VSCR (mfvscr) and CR back, and clears
# the VSCR. v0 and v5-v7 are volatile in the AltiVec ABI; CR2-CR4 are not: CR is saved in r8.
    .section .smc,"awx",@progbits
    .align 2
    .globl run_vec_case
    .globl vecslot
run_vec_case:
    mfcr 8
    li 9, 48
    lvx 0, 3, 9
    mtvscr 0
    lwz 0, 64(3)
    mtcr 0
    lwz 4, 68(3)
    li 9, 0
    lvx 5, 3, 9
    li 9, 16
    lvx 6, 3, 9
    li 9, 32
    lvx 7, 3, 9
vecslot:
    nop
    li 9, 0
    stvx 5, 3, 9
    li 9, 16
    stvx 6, 3, 9
    li 9, 32
    stvx 7, 3, 9
    mfvscr 0
    li 9, 48
    stvx 0, 3, 9
    mfcr 0
    stw 0, 64(3)
    vxor 0, 0, 0
    mtvscr 0
    mtcr 8
    blr
    .section .note.GNU-stack,"",@progbits
