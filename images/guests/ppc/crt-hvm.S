# The runtime of the ppc HVM C images (hvm.h): the ePAPR entry hvm_start (device tree and magic kept, a stack,
# main), secondary CPUs released through their spin tables, and exception handlers that record what they saw:
# DSI (DAR, DSISR; skips the access), ISI (SRR0, SRR1; returns to LR), decrementer (counts, re-arms), system call
# (from problem state: r3 += 1, or r0 = 99 back to supervisor), program (counts, skips). Handlers touch r3-r4 only
# after saving them in SPRG0/SPRG1, and CR through SPRG2.
    .set STACK_SIZE, 8192
    .set MSR_ME, 0x1000
    .set MSR_PR, 0x4000

    .macro la32 reg, sym
    lis \reg, \sym@ha
    addi \reg, \reg, \sym@l
    .endm

    .text
    .globl hvm_start
hvm_start:
    la32 r9, hvm_dtb
    stw r3, 0(r9)
    la32 r9, hvm_magic
    stw r6, 0(r9)
    la32 r1, hvm_stacks + STACK_SIZE
    li r0, 0
    stwu r0, -16(r1)
    bl main
    bl hvm_finish

# A released secondary: r3 = its number (from the spin table).
hvm_secondary:
    la32 r1, hvm_stacks + STACK_SIZE
    addi r4, r3, 0
    mulli r4, r4, STACK_SIZE
    add r1, r1, r4
    li r0, 0
    stwu r0, -16(r1)
    bl hvm_secondary_main
    b .

# The default for images that release no CPU.
    .weak hvm_secondary_main
hvm_secondary_main:
    b .

# hvm_release(r3 = cpu): r3 and entry_addr into its spin table (the low word of entry_addr last).
    .globl hvm_release
hvm_release:
    lis r4, 0xf000
    ori r4, r4, 0x2000
    slwi r5, r3, 5
    add r4, r4, r5
    li r0, 0
    stw r0, 8(r4)
    stw r3, 12(r4)
    stw r0, 0(r4)
    la32 r5, hvm_secondary
    stw r5, 4(r4)
    blr

# hvm_install_vectors: "ba handler" at 0x300, 0x400, 0x700, 0x900, 0xC00.
    .globl hvm_install_vectors
hvm_install_vectors:
    la32 r5, vector_table
    li r6, 5
    mtctr r6
1:  lwz r7, 0(r5)                       # vector
    lwz r3, 4(r5)                       # handler
    rlwinm r3, r3, 0, 6, 29
    oris r3, r3, 0x4800
    ori r3, r3, 2
    stw r3, 0(r7)
    dcbst 0, r7
    sync
    icbi 0, r7
    addi r5, r5, 8
    bdnz 1b
    isync
    blr

# hvm_user(r3 = fn): rfi into fn with MSR[PR] = 1; system call 99 comes back here.
    .globl hvm_user
hvm_user:
    mflr r0
    stwu r1, -32(r1)
    stw r0, 36(r1)
    stw r31, 28(r1)
    la32 r4, saved_sp
    stw r1, 0(r4)
    mtsrr0 r3
    li r4, MSR_PR | MSR_ME
    mtsrr1 r4
    la32 r1, hvm_user_stack + STACK_SIZE - 16
    rfi
user_returned:
    la32 r4, saved_sp
    lwz r1, 0(r4)
    lwz r31, 28(r1)
    lwz r0, 36(r1)
    addi r1, r1, 32
    mtlr r0
    blr

dsi:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, hvm_dsi
    mfspr r4, 19
    stw r4, 0(r3)
    mfspr r4, 18
    stw r4, 4(r3)
    b count_and_skip

isi:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, hvm_isi
    mfsrr0 r4
    stw r4, 0(r3)
    mfsrr1 r4
    stw r4, 4(r3)
    lwz r4, 8(r3)
    addi r4, r4, 1
    stw r4, 8(r3)
    mflr r4
    mtsrr0 r4
    b restore

program:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, hvm_program
    mfsrr1 r4
    stw r4, 4(r3)
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
    mfsrr0 r4
    addi r4, r4, 4
    mtsrr0 r4
    b restore

# count in word 2 of the record at r3, skip the instruction
count_and_skip:
    lwz r4, 8(r3)
    addi r4, r4, 1
    stw r4, 8(r3)
    mfsrr0 r4
    addi r4, r4, 4
    mtsrr0 r4
restore:
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

decrementer:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, hvm_dec_count
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
    la32 r3, hvm_dec_reload
    lwz r4, 0(r3)
    mtdec r4
    b restore

# from problem state: counted, SRR1 kept; r0 = 99 returns to hvm_user's caller, otherwise r3 += 1
syscall:
    mtsprg 1, r4
    mfcr r4
    mtsprg 2, r4
    mtsprg 0, r3
    la32 r3, hvm_sc
    mfsrr1 r4
    stw r4, 4(r3)
    andi. r4, r4, MSR_PR
    beq 1f
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
1:  mfsprg r4, 2
    mtcr r4
    mfsprg r3, 0
    cmpwi r0, 99
    beq 2f
    addi r3, r3, 1
    mfsprg r4, 1
    rfi
2:  la32 r4, user_returned
    mtsrr0 r4
    li r4, MSR_ME
    mtsrr1 r4
    mfsprg r4, 1
    rfi

    .section .rodata
    .align 2
vector_table:
    .long 0x300, dsi, 0x400, isi, 0x700, program, 0x900, decrementer, 0xc00, syscall

    .data
    .align 2
    .globl hvm_dtb, hvm_magic, hvm_dsi, hvm_isi, hvm_dec_count, hvm_dec_reload, hvm_sc, hvm_program
hvm_dtb:
    .long 0
hvm_magic:
    .long 0
hvm_dsi:
    .long 0, 0, 0
hvm_isi:
    .long 0, 0, 0
hvm_dec_count:
    .long 0
hvm_dec_reload:
    .long 0x7fffffff
hvm_sc:
    .long 0, 0
hvm_program:
    .long 0, 0
saved_sp:
    .long 0

    .bss
    .align 4
hvm_stacks:
    .space STACK_SIZE * 8
hvm_user_stack:
    .space STACK_SIZE
    .section .note.GNU-stack,"",@progbits
