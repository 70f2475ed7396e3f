# hvm-interrupts: the ppc HVM board's interrupt paths. The decrementer (0x900) fires on virtual time while
# MSR[EE] = 1; an OpenPIC global timer reaches the CPU as an external interrupt (0x500) whose handler takes the
# vector from IACK and ends it with EOI; code in problem state (MSR[PR] = 1) makes system calls (0xC00) that come
# back with a result, and a privileged instruction there takes the program interrupt (0x700, SRR1 bit 13).
    .include "hvm.inc"
    .set TIMER_VECTOR, 0x42
    .set SPURIOUS, 0xff

    .text
    .globl _start
_start:
    hvm_entry
    print "ppc hvm interrupts: decrementer, OpenPIC timer, system call, privilege\n"
    install 0x900, decrementer
    install 0x500, external
    install 0xc00, syscall
    install 0x700, program

    # --- decrementer: 1000 ticks (40 us), re-armed by the handler; wait for three with EE = 1
    li r3, 1000
    mtdec r3
    li r3, 0
    ori r3, r3, MSR_EE | MSR_ME
    mtmsr r3
    la32 r4, dec_count
    li32 r5, 2000000
    mtctr r5
1:  lwz r6, 0(r4)
    cmpwi r6, 3
    bge 2f
    bdnz 1b
2:  li r3, MSR_ME                       # EE off again
    mtmsr r3
    li32 r3, 0x7fffffff
    mtdec r3
    lwz r6, 0(r4)
    subfic r3, r6, 2
    srwi r3, r3, 31
    check "three decrementer interrupts (0x900) with EE = 1"

    # --- OpenPIC timer 0: vector 0x42, priority 5, to CPU 0, every 2500 ticks; task priority 0
    li32 r4, OPENPIC
    li r5, SPURIOUS
    stw r5, 0x10e0(r4)
    li32 r5, 5 << 16 | TIMER_VECTOR
    stw r5, 0x1120(r4)
    li r5, 1
    stw r5, 0x1130(r4)
    li32 r6, OPENPIC + 0x20080
    li r5, 0
    stw r5, 0(r6)
    li r5, 2500
    stw r5, 0x1110(r4)
    li r3, 0
    ori r3, r3, MSR_EE | MSR_ME
    mtmsr r3
    la32 r7, ext_count
    li32 r5, 4000000
    mtctr r5
3:  lwz r6, 0(r7)
    cmpwi r6, 3
    bge 4f
    bdnz 3b
4:  li r3, MSR_ME
    mtmsr r3
    li32 r5, 0x80000000                 # inhibit the timer
    stw r5, 0x1110(r4)
    lwz r6, 0(r7)
    subfic r3, r6, 2
    srwi r3, r3, 31
    check "three OpenPIC timer interrupts through 0x500, IACK and EOI"
    la32 r7, ext_bad
    lwz r6, 0(r7)
    cntlzw r3, r6
    srwi r3, r3, 5
    check "IACK gave the timer's vector every time"

    # --- problem state: rfi into user code with PR = 1; it calls sc twice, then executes mfmsr
    la32 r3, user
    mtsrr0 r3
    li r3, MSR_PR | MSR_ME
    mtsrr1 r3
    rfi
back_in_supervisor:
    mfmsr r5
    andi. r3, r5, MSR_PR
    cntlzw r3, r3
    srwi r3, r3, 5
    check "the exit system call returned to supervisor state"
    xori r3, r20, 42
    cntlzw r3, r3
    srwi r3, r3, 5
    check "system call from problem state returned 41 + 1"
    la32 r7, sc_from_user
    lwz r6, 0(r7)
    xori r3, r6, 2
    cntlzw r3, r3
    srwi r3, r3, 5
    check "both system calls were taken with SRR1[PR] = 1"
    la32 r7, privileged
    lwz r6, 0(r7)
    xori r3, r6, 1
    cntlzw r3, r3
    srwi r3, r3, 5
    check "mfmsr in problem state took 0x700 with SRR1 bit 13"
    b finish

# Problem state: sc with r0 = 1 (add one to r3), mfmsr (privileged), sc with r0 = 99 (back to supervisor).
user:
    li r3, 41
    li r0, 1
    sc
    mr r20, r3
    mfmsr r21
    li r0, 99
    sc
    b .

# 0x900: count, re-arm while fewer than three.
decrementer:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, dec_count
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
    li r3, 1000
    mtdec r3
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

# 0x500: IACK, count the timer's vector (anything else is a miss), EOI.
external:
    mtsprg 0, r3
    mtsprg 1, r4
    mtsprg 2, r5
    mfcr r5
    mtsprg 3, r5
    li32 r3, OPENPIC + 0x200a0
    lwz r4, 0(r3)
    cmpwi r4, SPURIOUS
    beq 2f
    cmpwi r4, TIMER_VECTOR
    la32 r3, ext_count
    beq 1f
    la32 r3, ext_bad
1:  lwz r5, 0(r3)
    addi r5, r5, 1
    stw r5, 0(r3)
    li32 r3, OPENPIC + 0x200b0
    li r4, 0
    stw r4, 0(r3)
2:  mfsprg r5, 3
    mtcr r5
    mfsprg r5, 2
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

# 0xC00: from problem state only; r0 = 1: r3 += 1 and return; r0 = 99: continue in supervisor state.
syscall:
    mfsrr1 r10
    andi. r10, r10, MSR_PR
    beq 1f
    la32 r11, sc_from_user
    lwz r12, 0(r11)
    addi r12, r12, 1
    stw r12, 0(r11)
1:  cmpwi r0, 99
    beq 2f
    addi r3, r3, 1
    rfi
2:  la32 r10, back_in_supervisor
    mtsrr0 r10
    li r10, MSR_ME
    mtsrr1 r10
    rfi

# 0x700: a privileged instruction in problem state is counted and skipped.
program:
    mfsrr1 r10
    andis. r10, r10, 0x0004              # SRR1 bit 13: privileged
    beq 1f
    la32 r11, privileged
    lwz r12, 0(r11)
    addi r12, r12, 1
    stw r12, 0(r11)
1:  mfsrr0 r10
    addi r10, r10, 4
    mtsrr0 r10
    rfi

    .data
dec_count:
    .long 0
ext_count:
    .long 0
ext_bad:
    .long 0
sc_from_user:
    .long 0
privileged:
    .long 0

    .bss
    .align 4
stack:
    .space STACK_SIZE
stack_top:
