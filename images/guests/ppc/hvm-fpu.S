# hvm-fpu: the FPU and AltiVec as an OS sees them. FP and vector instructions start disabled (MSR[FP] = 0,
# MSR[VEC] = 0): the first one takes FP unavailable (0x800) or vector unavailable (0xF20), whose handler turns the
# unit on in SRR1 and retries it. Then: a fused multiply-add rounds once, the FPSCR's rounding mode steers fadd,
# fctiwz/stfiwx convert, and with FPSCR[ZE] = 1 and MSR[FE0] = 1 a divide by zero takes the FP enabled program
# interrupt (0x700, SRR1 bit 11) leaving its target unchanged. AltiVec adds, permutes and compares.
    .include "hvm.inc"
    .machine "7400"
    .set MSR_FE0, 0x800
    .set MSR_VEC_HI, 0x0200

    .text
    .globl _start
_start:
    hvm_entry
    print "ppc hvm fpu: lazy FP and AltiVec, rounding, enabled exceptions\n"
    install 0x800, fp_unavailable
    install 0xf20, vec_unavailable
    install 0x700, program
    la32 r14, fdata

    # --- lazy FP: the first lfd faults once, then runs
    lfd f1, 0(r14)                      # 1 + 2^-30
    lfd f2, 8(r14)                      # -(1 + 2^-29)
    fmadd f3, f1, f1, f2                # (1 + 2^-30)^2 - (1 + 2^-29) = 2^-60 exactly (unfused: 0)
    stfd f3, 32(r14)
    la32 r7, fp_unavail_count
    lwz r15, 0(r7)
    expect r15, 1, "FP unavailable (0x800) taken once, the handler enabled MSR[FP]"
    lwz r15, 32(r14)
    expect r15, 0x3c300000, "fmadd rounds once: 2^-60"

    # --- rounding modes: 1 + 2^-60 toward +infinity is the next double after 1; to nearest it is 1
    lfd f4, 16(r14)                     # 1.0
    lfd f5, 24(r14)                     # 2^-60
    mtfsfi 7, 2
    fadd f6, f4, f5
    stfd f6, 32(r14)
    mtfsfi 7, 0
    fadd f7, f4, f5
    stfd f7, 40(r14)
    lwz r15, 36(r14)
    expect r15, 1, "RN = 2 (toward +inf): 1 + 2^-60 rounds up"
    lwz r15, 44(r14)
    expect r15, 0, "RN = 0 (nearest): 1 + 2^-60 rounds to 1"
    mffs f8
    stfd f8, 48(r14)
    lwz r15, 52(r14)
    rlwinm r15, r15, 0, 13, 14          # FR, FI
    expect r15, 0x00020000, "FPSCR after the nearest add: FI set, FR clear"

    # --- conversion: fctiwz(-7.75) = -7, stored by stfiwx
    lfd f9, 56(r14)
    fctiwz f10, f9
    addi r8, r14, 64
    stfiwx f10, 0, r8
    lwz r15, 64(r14)
    expect r15, 0xfffffff9, "fctiwz -7.75 = -7 (stfiwx)"

    # --- enabled exception: ZE = 1, MSR[FE0] = 1, 1/0 takes 0x700 with SRR1 bit 11; FRT keeps its value
    mtfsfi 6, 1
    mfmsr r3
    ori r3, r3, MSR_FE0
    mtmsr r3
    fmr f11, f4
    fdiv f11, f4, f0                    # f0 = +0 (never loaded)
    mfmsr r3
    rlwinm r3, r3, 0, 21, 19            # FE0 off
    mtmsr r3
    la32 r7, fp_enabled_count
    lwz r15, 0(r7)
    expect r15, 1, "1/0 with ZE = 1 and MSR[FE0] = 1 took 0x700 with SRR1 bit 11"
    stfd f11, 32(r14)
    lwz r15, 32(r14)
    expect r15, 0x3ff00000, "the enabled divide by zero left FRT unchanged"
    mffs f8
    stfd f8, 48(r14)
    lwz r15, 52(r14)
    rlwinm r15, r15, 0, 1, 5            # FEX VX OX UX ZX
    expect r15, 0x44000000, "FPSCR: ZX and FEX set"

    # --- lazy AltiVec: vspltisw faults once, then 5 + 5 in every word, a permute and a compare
    vspltisw v1, 5
    vadduwm v2, v1, v1
    addi r8, r14, 80
    stvx v2, 0, r8
    la32 r7, vec_unavail_count
    lwz r15, 0(r7)
    expect r15, 1, "vector unavailable (0xF20) taken once, the handler enabled MSR[VEC]"
    lwz r15, 92(r14)
    expect r15, 10, "vspltisw 5, vadduwm: 10"
    li r8, 3
    lvsl v3, 0, r8                      # 3, 4, ..., 18
    vperm v4, v2, v1, v3                # bytes 3..18 of v2 || v1
    addi r8, r14, 80
    stvx v4, 0, r8
    lwz r15, 92(r14)
    expect r15, 0x0a000000, "lvsl/vperm: bytes 15..18 of v2 || v1"
    vcmpequw. v5, v2, v2
    mfcr r15
    rlwinm r15, r15, 0, 24, 27
    expect r15, 0x80, "vcmpequw. sets CR6 to all true"
    b finish

# 0x800 and 0xF20: turn the unit on in the interrupted MSR and retry the instruction.
fp_unavailable:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, fp_unavail_count
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
    mfsrr1 r3
    ori r3, r3, MSR_FP
    mtsrr1 r3
    mfsprg r4, 1
    mfsprg r3, 0
    rfi
vec_unavailable:
    mtsprg 0, r3
    mtsprg 1, r4
    la32 r3, vec_unavail_count
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
    mfsrr1 r3
    oris r3, r3, MSR_VEC_HI
    mtsrr1 r3
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

# 0x700: an FP enabled exception (SRR1 bit 11) is counted and the instruction skipped. FPSCR[FEX] stays set, so
# the handler returns with MSR[FE0, FE1] = 0: an rfi that unmasked them would take the interrupt again.
program:
    mtsprg 0, r3
    mtsprg 1, r4
    mfsrr1 r3
    andis. r4, r3, 0x0010
    beq 1f
    rlwinm r3, r3, 0, 21, 19            # FE0 off
    rlwinm r3, r3, 0, 24, 22            # FE1 off
    mtsrr1 r3
    la32 r3, fp_enabled_count
    lwz r4, 0(r3)
    addi r4, r4, 1
    stw r4, 0(r3)
1:  mfsrr0 r3
    addi r3, r3, 4
    mtsrr0 r3
    mfsprg r4, 1
    mfsprg r3, 0
    rfi

    .data
    .align 4
fdata:
    .long 0x3ff00000, 0x00400000        # 0: 1 + 2^-30
    .long 0xbff00000, 0x00800000        # 8: -(1 + 2^-29)
    .long 0x3ff00000, 0                 # 16: 1.0
    .long 0x3c300000, 0                 # 24: 2^-60
    .long 0, 0, 0, 0, 0, 0              # 32-55: results
    .long 0xc01f0000, 0                 # 56: -7.75
    .long 0, 0, 0, 0                    # 64-79
    .long 0, 0, 0, 0                    # 80-95: a vector
fp_unavail_count:
    .long 0
vec_unavail_count:
    .long 0
fp_enabled_count:
    .long 0

    .bss
    .align 4
stack:
    .space STACK_SIZE
stack_top:
