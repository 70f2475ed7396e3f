# hvm-sys-paging: a table-driven walk of page-table entry flags, first with 32-bit paging (P, R/W, U/S), then with PAE
# paging (P, R/W, U/S and NX, EFER.NXE = 1). For every PTE combination, CR0.WP 0 and 1, CPL 0 and 3, and read, write and instruction fetch of the page at TEST_VA, the
# image predicts the outcome with the model below (SDM Vol. 3 4.6 "Access Rights", 4.7 "Page-Fault Exceptions"),
# performs the access and compares:
#   not present                      -> #PF, error code W<<1 | U<<2 | I<<4
#   CPL 3 and U/S = 0                -> #PF, error code 1 | W<<1 | U<<2 | I<<4 (P set: a protection fault)
#   write and R/W = 0 (CPL 3, or WP) -> #PF, same protection error code
#   fetch and NX = 1                 -> #PF, same protection error code (I = 1)
#   (I, bit 4, is reported for fetches only with PAE and EFER.NXE: never under 32-bit paging)
#   otherwise the access completes and sets A, and D for a write; CR2 = TEST_VA on every #PF.
# The directory entries above the PTE allow everything (P, R/W, U/S), and CR4.SMEP/SMAP stay clear.
    .include "sys.inc"
    .set TEST_VA, 0x400000
    .set F_P, 1
    .set F_RW, 2
    .set F_US, 4
    .set F_NX, 8                            # the case's bit for PTE bit 63
    .set OP_READ, 0
    .set OP_WRITE, 1
    .set OP_FETCH, 2
    .set FAULT, 0x100                       # outcome: #PF | error code, or A (0x20) | D (0x40) of the PTE

main:
    # PAE tables: PDPT[0] -> pd; pd[0], pd[1] = 2 MiB user pages over 0-4 MiB; pd[2] -> pt; pt[0] maps TEST_VA.
    mov $pd, %eax
    or $1, %eax
    mov %eax, pdpt
    movl $0x000000E7, pd                    # P RW US A D PS
    movl $0x002000E7, pd+8
    mov $pt, %eax
    or $0x67, %eax                          # P RW US A D
    mov %eax, pd+16
    movb $0xC3, target                      # the page holds a RET for the fetches
    mov $0xC0000080, %ecx
    rdmsr
    or $0x800, %eax                         # EFER.NXE
    wrmsr
    # 32-bit tables: pd32[0] = a 4 MiB user page over 0-4 MiB (CR4.PSE); pd32[1] -> pt32; pt32[0] maps TEST_VA.
    movl $0x000000E7, pd32
    mov $pt32, %eax
    or $0x67, %eax
    mov %eax, pd32+4

    movl $0, c_pae                          # pass 1: 32-bit paging, flags P RW US
    movl $8, c_nflags
    mov %cr4, %eax
    or $0x10, %eax                          # PSE
    mov %eax, %cr4
    mov $pd32, %eax
    call walk
    movl $1, c_pae                          # pass 2: PAE paging, flags P RW US NX
    movl $16, c_nflags
    mov %cr4, %eax
    or $0x20, %eax                          # PAE
    mov %eax, %cr4
    mov $pdpt, %eax
    call walk
    jmp finish

# walk(eax = CR3): paging on, every case of the pass, paging off.
walk:
    mov %eax, %cr3
    mov %cr0, %eax
    or $0x80000000, %eax
    mov %eax, %cr0
    movl $0, c_flags
1:  movl $0, c_wp
2:  movl $0, c_user
3:  movl $0, c_op
4:  call run_case
    incl c_op
    cmpl $3, c_op
    jb 4b
    incl c_user
    cmpl $2, c_user
    jb 3b
    incl c_wp
    cmpl $2, c_wp
    jb 2b
    incl c_flags
    mov c_flags, %eax
    cmp c_nflags, %eax
    jb 1b
    mov %cr0, %eax
    and $~0x80000000, %eax
    mov %eax, %cr0
    ret

# run_case: one access, predicted then observed.
run_case:
    call model
    mov %eax, c_expected
    # The PTE: target's frame with the case's flags, A and D clear; INVLPG drops the old translation.
    mov c_flags, %ebx
    mov $target, %eax
    mov %ebx, %ecx
    and $(F_P | F_RW | F_US), %ecx
    or %ecx, %eax
    cmpl $0, c_pae
    jne 8f
    mov %eax, pt32                          # 32-bit paging: a 4-byte PTE
    jmp 9f
8:  mov %eax, pt
    xor %eax, %eax
    test $F_NX, %ebx
    jz 1f
    mov $0x80000000, %eax
1:  mov %eax, pt+4
9:  invlpg TEST_VA
    mov %cr0, %eax
    and $~0x10000, %eax
    cmpl $0, c_wp
    je 2f
    or $0x10000, %eax
2:  mov %eax, %cr0
    movl $0, got_cr2
    cmpl $0, c_user
    jne 3f
    mov %esp, saved_esp
    call access
    mov saved_esp, %esp
    jmp 4f
3:  mov $u_access, %eax
    call to_ring3
4:  mov %cr0, %eax                          # WP off again: the image's own writes
    and $~0x10000, %eax
    mov %eax, %cr0
    # Observed: FAULT | error code, or the A and D bits the access left in the PTE.
    cmpl $14, got_vec
    jne 5f
    mov got_err, %eax
    or $FAULT, %eax
    cmpl $TEST_VA, got_cr2
    je 6f
    or $0x8000, %eax                        # a wrong CR2 never matches
    jmp 6f
5:  mov pt, %eax
    cmpl $0, c_pae
    jne 7f
    mov pt32, %eax
7:  and $0x60, %eax
    cmpl $NO_EXC, got_vec
    je 6f
    mov got_vec, %eax                       # some other exception: never matches
    shl $16, %eax
6:  mov %eax, c_observed
    jmp report

# model -> eax: the predicted outcome of the current case.
model:
    mov c_flags, %ebx
    xor %eax, %eax                          # the error code's W, U and I bits
    cmpl $OP_WRITE, c_op
    jne 1f
    or $2, %eax
1:  cmpl $0, c_user
    je 2f
    or $4, %eax
2:  cmpl $OP_FETCH, c_op
    jne 3f
    cmpl $0, c_pae
    je 3f
    or $0x10, %eax
3:  test $F_P, %ebx
    jz fault_np
    or $1, %eax                             # present: any fault is a protection fault
    cmpl $0, c_user
    je 4f
    test $F_US, %ebx
    jz fault
4:  cmpl $OP_WRITE, c_op
    jne 5f
    test $F_RW, %ebx
    jnz 5f
    cmpl $0, c_user
    jne fault
    cmpl $0, c_wp
    jne fault
5:  cmpl $OP_FETCH, c_op
    jne 6f
    test $F_NX, %ebx
    jnz fault
6:  mov $0x20, %eax                         # completes: A, and D for a write
    cmpl $OP_WRITE, c_op
    jne 7f
    or $0x40, %eax
7:  ret
fault_np:
fault:
    or $FAULT, %eax
    ret

# access: the case's access at the current CPL; a #PF lands on its RET.
access:
    mov $9f, %eax
    call try
    mov c_op, %eax
    cmp $OP_READ, %eax
    jne 1f
    mov TEST_VA, %eax
    jmp 9f
1:  cmp $OP_WRITE, %eax
    jne 2f
    movb $0xC3, TEST_VA
    jmp 9f
2:  call TEST_VA
9:  ret

u_access:
    call access
    int $0x80

# report: "PASS PAE pte P RW US NX | WP 1, CPL 3, write: #PF 00000007" (or "completes, A D"), with the model's
# prediction after "want" on a FAIL.
report:
    incl checks
    mov c_observed, %eax
    cmp c_expected, %eax
    je 1f
    incl failures
    mov $fail_text, %eax
    jmp 2f
1:  mov $pass_text, %eax
2:  call puts
    mov $t_32, %eax
    cmpl $0, c_pae
    je 8f
    mov $t_pae, %eax
8:  call puts
    mov $t_pte, %eax
    call puts
    mov c_flags, %ebx
    mov $t_p, %eax
    test $F_P, %ebx
    call flag
    mov $t_rw, %eax
    test $F_RW, %ebx
    call flag
    mov $t_us, %eax
    test $F_US, %ebx
    call flag
    cmpl $0, c_pae
    je 9f
    mov $t_nx, %eax
    test $F_NX, %ebx
    call flag
9:
    mov $t_wp, %eax
    call puts
    mov c_wp, %eax
    call putdec
    mov $t_cpl, %eax
    call puts
    mov $0, %eax
    cmpl $0, c_user
    je 3f
    mov $3, %eax
3:  call putdec
    mov c_op, %eax
    mov op_names(,%eax,4), %eax
    call puts
    mov c_observed, %eax
    call outcome
    mov c_observed, %eax
    cmp c_expected, %eax
    je 4f
    mov $want_text, %eax
    call puts
    mov c_expected, %eax
    call outcome
4:  mov $nl_text, %eax
    jmp puts

# flag(eax = name, ZF clear when set): the name or dashes
flag:
    jnz 1f
    mov $t_dash, %eax
1:  jmp puts

# outcome(eax)
outcome:
    push %ebx
    mov %eax, %ebx
    test $FAULT, %ebx
    jz 1f
    mov $t_pf, %eax
    call puts
    mov %ebx, %eax
    and $0xFFFF00FF, %eax
    call puthex
    pop %ebx
    ret
1:  mov $t_done, %eax
    call puts
    mov $t_a, %eax
    test $0x20, %ebx
    call flag
    mov $t_d, %eax
    test $0x40, %ebx
    call flag
    pop %ebx
    ret

    .section .rodata
image_name: .asciz "hvm-sys-paging"
t_32:       .asciz "32-bit "
t_pae:      .asciz "PAE "
t_pte:      .asciz "pte "
t_p:        .asciz "P "
t_rw:       .asciz "RW "
t_us:       .asciz "US "
t_nx:       .asciz "NX "
t_dash:     .asciz "- "
t_wp:       .asciz "| WP "
t_cpl:      .asciz ", CPL "
t_read:     .asciz ", read: "
t_write:    .asciz ", write: "
t_fetch:    .asciz ", fetch: "
t_pf:       .asciz "#PF "
t_done:     .asciz "completes, "
t_a:        .asciz "A "
t_d:        .asciz "D"
    .balign 4
op_names:   .long t_read, t_write, t_fetch

    .bss
    .balign 4096
pd:         .space 4096
pt:         .space 4096
pd32:       .space 4096
pt32:       .space 4096
target:     .space 4096
    .balign 32
pdpt:       .space 32
c_pae:      .long 0
c_nflags:   .long 0
c_flags:    .long 0
c_wp:       .long 0
c_user:     .long 0
c_op:       .long 0
c_expected: .long 0
c_observed: .long 0
saved_esp:  .long 0
