# hvm-hello: the ppc HVM board's ePAPR boot: r3 points at a device tree (magic 0xd00dfeed, 64 KiB aligned, inside
# RAM), r6 holds the ePAPR magic, the CPU is in real mode with MSR = 0 and the OpenPIC says who it is.
    .include "hvm.inc"

    .text
    .globl _start
_start:
    hvm_entry
    print "Hello from the ppc hvm board\n"
    lwz r5, 0(r31)
    li32 r6, 0xd00dfeed
    xor r3, r5, r6
    cntlzw r3, r3
    srwi r3, r3, 5
    check "r3 points at a device tree"
    clrlwi r3, r31, 16
    cntlzw r3, r3
    srwi r3, r3, 5
    check "the device tree is 64 KiB aligned"
    li32 r6, EPAPR_MAGIC
    xor r3, r30, r6
    cntlzw r3, r3
    srwi r3, r3, 5
    check "r6 holds the ePAPR magic"
    mfmsr r5
    cntlzw r3, r5
    srwi r3, r3, 5
    check "MSR = 0 at entry"
    li32 r4, OPENPIC + 0x1000
    lwz r5, 0(r4)
    rlwinm r5, r5, 24, 27, 31            # FRR0 NCPU - 1
    cntlzw r3, r5
    srwi r3, r3, 5
    check "the OpenPIC reports one CPU"
    li32 r4, OPENPIC + 0x20090
    lwz r5, 0(r4)
    cntlzw r3, r5
    srwi r3, r3, 5
    check "WHOAMI is CPU 0"
    mfspr r5, 287
    srwi r5, r5, 16
    xori r3, r5, 0x000c
    cntlzw r3, r3
    srwi r3, r3, 5
    check "PVR says 7400"
    b finish

    .bss
    .align 4
stack:
    .space STACK_SIZE
stack_top:
