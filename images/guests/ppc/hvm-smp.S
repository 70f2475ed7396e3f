# hvm-smp: 4 vCPUs contend for one lwarx/stwcx. spin lock. CPU 0 releases CPUs 1-3 through their ePAPR spin
# tables (SPIN_TABLE + 32 * cpu: r3 = the CPU number, then entry_addr). Every CPU adds 1 to a plain counter
# ROUNDS times inside the lock, then counts itself done with an atomic add; CPU 0 waits for all four and checks
# that no increment was lost, and that each CPU saw its own number in the OpenPIC's WHOAMI.
    .include "hvm.inc"
    .set CPUS, 4
    .set ROUNDS, 3000

    .text
    .globl _start
_start:
    hvm_entry
    print "ppc hvm smp: 4 CPUs, one spin lock\n"
    li r5, 1
1:  li32 r6, SPIN_TABLE                 # release CPU r5: r3 = r5, then entry_addr (low word last)
    slwi r7, r5, 5
    add r6, r6, r7
    li r0, 0
    stw r0, 8(r6)
    stw r5, 12(r6)
    stw r0, 0(r6)
    la32 r8, secondary
    stw r8, 4(r6)
    addi r5, r5, 1
    cmpwi r5, CPUS
    blt 1b
    li r3, 0
    bl work
    la32 r6, done                       # wait until all CPUs are done
2:  lwz r5, 0(r6)
    cmpwi r5, CPUS
    blt 2b
    isync
    la32 r6, counter
    lwz r5, 0(r6)
    li32 r6, CPUS * ROUNDS
    xor r3, r5, r6
    cntlzw r3, r3
    srwi r3, r3, 5
    check "no increment lost under the lock (4 x 3000)"
    la32 r6, whoami_ok
    lwz r5, 0(r6)
    xori r3, r5, (1 << CPUS) - 1
    cntlzw r3, r3
    srwi r3, r3, 5
    check "each CPU is its own WHOAMI"
    b finish

# A released CPU: r3 = its number; a stack of its own, then the shared work, then it spins.
secondary:
    la32 r1, stacks
    addi r4, r3, 1
    slwi r4, r4, 12
    add r1, r1, r4
    li r0, 0
    stwu r0, -16(r1)
    bl work
    b .

# work(r3 = cpu): checks WHOAMI, ROUNDS locked increments, then done += 1 atomically.
work:
    li32 r4, OPENPIC + 0x20090
    slwi r5, r3, 12
    lwzx r6, r4, r5                     # this CPU's WHOAMI (per-CPU page of the OpenPIC)
    cmpw r6, r3
    bne 2f
    li r7, 1
    slw r7, r7, r3
    la32 r8, whoami_ok
1:  lwarx r9, 0, r8
    or r9, r9, r7
    stwcx. r9, 0, r8
    bne- 1b
2:  li r10, ROUNDS
    mtctr r10
    la32 r8, lock
    la32 r11, counter
    li r12, 1
3:  lwarx r9, 0, r8                     # acquire
    cmpwi r9, 0
    bne- 3b
    stwcx. r12, 0, r8
    bne- 3b
    isync
    lwz r9, 0(r11)                      # the critical section: a plain read-modify-write
    addi r9, r9, 1
    stw r9, 0(r11)
    sync                                # release
    li r9, 0
    stw r9, 0(r8)
    bdnz 3b
    la32 r8, done
4:  lwarx r9, 0, r8
    addi r9, r9, 1
    stwcx. r9, 0, r8
    bne- 4b
    blr

    .data
    .align 5
lock:
    .long 0
    .align 5
counter:
    .long 0
    .align 5
done:
    .long 0
whoami_ok:
    .long 0

    .bss
    .align 4
stack:
    .space STACK_SIZE
stack_top:
stacks:
    .space STACK_SIZE * (CPUS + 1)
