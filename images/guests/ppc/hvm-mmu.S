# hvm-mmu: the 7400's MMU as a guest OS uses it. BATs map the low 16 MiB 1:1 (IBAT0, DBAT0), a 128 KiB block at
# 0x30000000 (DBAT1) and a read-only one (DBAT2); segment 4 and 5 pages come from a 64 KiB hashed page table at
# 0x200000 (primary and secondary PTEGs), with R set by a load and C by a store. Loads and stores to unmapped or
# read-only pages take the DSI (0x300) with DAR and DSISR; fetches from an unmapped page or a no-execute segment
# take the ISI (0x400) with SRR0 and the SRR1 cause bits. Handlers record what they saw and skip the access.
    .include "hvm.inc"
    .set HTAB, 0x200000
    .set SPR_SDR1, 25
    .set SPR_DAR, 19
    .set SPR_DSISR, 18

    .macro translation_on
    li r3, MSR_ME | MSR_IR | MSR_DR
    mtmsr r3
    isync
    .endm
    .macro translation_off
    li r3, MSR_ME
    mtmsr r3
    isync
    .endm

    .text
    .globl _start
_start:
    hvm_entry
    print "ppc hvm mmu: BATs, hashed page table, DSI, ISI\n"
    install 0x300, dsi
    install 0x400, isi
    # BATs: 16 MiB at 0 (instructions and data), 128 KiB 0x30000000 -> 0x400000, read-only 0x31000000 -> 0x420000
    li r3, 0x1fe
    li r4, 2
    mtspr 528, r3
    mtspr 529, r4
    mtspr 536, r3
    mtspr 537, r4
    li32 r3, 0x30000002
    li32 r4, 0x00400002
    mtspr 538, r3
    mtspr 539, r4
    li32 r3, 0x31000002
    li32 r4, 0x00420001
    mtspr 540, r3
    mtspr 541, r4
    # the hashed page table: cleared, SDR1 = HTABORG 0x200000, HTABMASK 0 (64 KiB, 1024 PTEGs)
    li32 r3, HTAB
    li32 r4, 16384
    mtctr r4
    li r5, 0
1:  stw r5, 0(r3)
    addi r3, r3, 4
    bdnz 1b
    li32 r3, HTAB
    mtspr SPR_SDR1, r3
    # segments 4 and 5: Kp = 1, VSID 4; VSID 5 with N = 1 (no-execute)
    li32 r3, 0x20000004
    mtsr 4, r3
    li32 r3, 0x30000005
    mtsr 5, r3
    # PTEs: 0x40000000 -> 0x500000 (primary PTEG 4), 0x40001000 -> 0x501000 (secondary PTEG 0x3fa),
    # 0x40004000 -> 0x504000 read-only (PTEG 0), 0x50000000 -> 0x505000 (PTEG 5)
    li32 r3, HTAB + (4 << 6)
    li32 r4, 0x80000200
    li32 r5, 0x00500002
    stw r4, 0(r3)
    stw r5, 4(r3)
    li32 r3, HTAB + (0x3fa << 6)
    li32 r4, 0x80000240
    li32 r5, 0x00501002
    stw r4, 0(r3)
    stw r5, 4(r3)
    li32 r3, HTAB
    li32 r4, 0x80000200
    li32 r5, 0x00504003
    stw r4, 0(r3)
    stw r5, 4(r3)
    li32 r3, HTAB + (5 << 6)
    li32 r4, 0x80000280
    li32 r5, 0x00505002
    stw r4, 0(r3)
    stw r5, 4(r3)
    # code for the page-table fetch test: "li r3, 77; blr" at 0x500100; "blr" at 0x505000
    li32 r3, 0x500100
    li32 r4, 0x3860004d
    stw r4, 0(r3)
    li32 r4, 0x4e800020
    stw r4, 4(r3)
    li32 r3, 0x505000
    stw r4, 0(r3)
    sync
    isync

    # --- BATs
    translation_on
    li32 r14, 0x30000010
    li32 r15, 0x12345678
    stw r15, 0(r14)
    li32 r14, 0x31000000
    lwz r16, 0(r14)                      # read-only: loads work
    stw r15, 0(r14)                      # ... stores take a DSI
    translation_off
    li32 r14, 0x400010
    lwz r17, 0(r14)
    expect r17, 0x12345678, "DBAT1: a store at 0x30000010 lands at 0x400010"
    bl last_dsi
    expect r18, 0x31000000, "read-only DBAT: the store took a DSI with DAR = 0x31000000"
    expect r19, 0x0a000000, "read-only DBAT: DSISR = protection | store"

    # --- the hashed page table
    translation_on
    li32 r14, 0x40000000
    lwz r20, 0(r14)
    translation_off
    li32 r14, HTAB + (4 << 6) + 4
    lwz r21, 0(r14)
    andi. r21, r21, 0x180
    expect r21, 0x100, "HTAB: a load sets R and leaves C clear"
    translation_on
    li32 r14, 0x40000020
    stw r15, 0(r14)
    li32 r14, 0x40001040
    stw r15, 0(r14)
    li32 r14, 0x40000100
    mtctr r14
    bctrl                               # fetch through the page table: returns 77 in r3
    mr r22, r3
    li32 r14, 0x50000000
    lwz r23, 0(r14)                      # data reads in a no-execute segment work
    translation_off
    li32 r14, HTAB + (4 << 6) + 4
    lwz r21, 0(r14)
    andi. r21, r21, 0x180
    expect r21, 0x180, "HTAB: a store sets C"
    li32 r14, 0x500020
    lwz r17, 0(r14)
    expect r17, 0x12345678, "HTAB primary PTEG: 0x40000020 is 0x500020"
    li32 r14, 0x501040
    lwz r17, 0(r14)
    expect r17, 0x12345678, "HTAB secondary PTEG: 0x40001040 is 0x501040"
    expect r22, 77, "HTAB: instructions fetched through a page-table mapping"
    expect r23, 0x4e800020, "no-execute segment: data reads work"

    # --- DSI
    translation_on
    li32 r14, 0x40002000
    lwz r16, 0(r14)
    translation_off
    bl last_dsi
    expect r18, 0x40002000, "DSI on a load from an unmapped page: DAR"
    expect r19, 0x40000000, "DSI on a load from an unmapped page: DSISR = not found"
    translation_on
    li32 r14, 0x40002ffc
    stw r15, 0(r14)
    translation_off
    bl last_dsi
    expect r18, 0x40002ffc, "DSI on a store to an unmapped page: DAR"
    expect r19, 0x42000000, "DSI on a store to an unmapped page: DSISR = not found | store"
    translation_on
    li32 r14, 0x40004008
    lwz r16, 0(r14)
    stw r15, 0(r14)
    translation_off
    bl last_dsi
    expect r18, 0x40004008, "DSI on a store to a read-only page: DAR"
    expect r19, 0x0a000000, "DSI on a store to a read-only page: DSISR = protection | store"
    la32 r14, dsi_count
    lwz r17, 0(r14)
    expect r17, 4, "four DSIs in all (the read-only load did not fault)"

    # --- ISI
    translation_on
    li32 r14, 0x40003000
    mtctr r14
    bctrl
    translation_off
    bl last_isi
    expect r18, 0x40003000, "ISI on a fetch from an unmapped page: SRR0"
    rlwinm r19, r19, 0, 0, 4
    expect r19, 0x40000000, "ISI on a fetch from an unmapped page: SRR1 = not found"
    translation_on
    li32 r14, 0x50000000
    mtctr r14
    bctrl
    translation_off
    bl last_isi
    expect r18, 0x50000000, "ISI on a fetch from a no-execute segment: SRR0"
    rlwinm r19, r19, 0, 0, 4
    expect r19, 0x10000000, "ISI on a fetch from a no-execute segment: SRR1 = no-execute"
    b finish

# last_dsi / last_isi: r18 = the recorded DAR or SRR0, r19 = DSISR or SRR1.
last_dsi:
    la32 r14, dsi_record
    lwz r18, 0(r14)
    lwz r19, 4(r14)
    blr
last_isi:
    la32 r14, isi_record
    lwz r18, 0(r14)
    lwz r19, 4(r14)
    blr

# 0x300: record DAR and DSISR, count, skip the access.
dsi:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, dsi_record
    mfspr r4, SPR_DAR
    stw r4, 0(r3)
    mfspr r4, SPR_DSISR
    stw r4, 4(r3)
    lwz r4, 8(r3)
    addi r4, r4, 1
    stw r4, 8(r3)
    mfsrr0 r4
    addi r4, r4, 4
    mtsrr0 r4
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

# 0x400: record SRR0 and SRR1, return to the caller (LR) of the branch that fetched nothing.
isi:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, isi_record
    mfsrr0 r4
    stw r4, 0(r3)
    mfsrr1 r4
    stw r4, 4(r3)
    mflr r4
    mtsrr0 r4
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

    .data
dsi_record:
    .long 0, 0
dsi_count:
    .long 0
isi_record:
    .long 0, 0

    .bss
    .align 4
stack:
    .space STACK_SIZE
stack_top:
