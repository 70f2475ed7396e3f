# hvm-sys-exceptions: every exception class taken through a 32-bit IDT and returned from with IRET, checking the
# vector, the error code (selector error codes, #PF's P/W/U bits and CR2) and, for traps, the return address.
# #TS comes from INT 0x82 to ring-1 code while TSS.SS1 is a code segment; #DF from #DE with a not-present gate 0;
# INT 0x81 from ring 3 through a DPL 0 gate is #GP with error code 0x81 * 8 + 2.
# #DB from EFLAGS.TF: a trap after the stepped instruction. #AC from a misaligned load at CPL 3 with CR0.AM and
# EFLAGS.AC set.
    .include "sys.inc"

main:
    # #DE: DIV by zero.
    mov $1, %eax
    xor %edx, %edx
    xor %ecx, %ecx
    TRY 1f
    div %ecx
1:  EXPECT 0, 0, "#DE: div by zero, vector 0"

    # #DB: POPF sets EFLAGS.TF; the instruction after it (the nop) is the first stepped one, so the trap returns
    # after the nop (SDM Vol. 3, 17.3.1.4). The handler clears TF in the frame it returns through.
    TRAP_TRY
    pushf
    orl $0x100, (%esp)
    popf
    nop
2:  EXPECT 1, 0, "#DB: single step (EFLAGS.TF), vector 1"
    CHECK_EQ got_eip, $2b, "#DB: return address after the stepped instruction"

    # #BP, #OF: traps, returning after the instruction.
    TRAP_TRY
    int3
3:  EXPECT 3, 0, "#BP: int3, vector 3"
    CHECK_EQ got_eip, $3b, "#BP: return address after int3"
    TRAP_TRY
    mov $0x7FFFFFFF, %eax
    add $1, %eax
    into
4:  EXPECT 4, 0, "#OF: into with OF = 1, vector 4"
    CHECK_EQ got_eip, $4b, "#OF: return address after into"
    xor %eax, %eax
    TRAP_TRY
    into
    EXPECT NO_EXC, 0, "into with OF = 0: no exception"

    # #BR: BOUND with the index outside its bounds.
    TRY 1f                                  # (TRY uses %eax: the index is loaded after it)
    mov $5, %eax
2:  bound %eax, bounds
1:  EXPECT 5, 0, "#BR: bound 5 outside [10, 20], vector 5"
    CHECK_EQ got_eip, $2b, "#BR: a fault, the return address is the bound itself"
    TRAP_TRY
    mov $15, %eax
    bound %eax, bounds
    EXPECT NO_EXC, 0, "bound 15 inside [10, 20]: no exception"
    # #UD.
    TRY 1f
5:  ud2
1:  EXPECT 6, 0, "#UD: ud2, vector 6"
    CHECK_EQ got_eip, $5b, "#UD: return address is the faulting ud2"

    # #NM: an x87 instruction with CR0.TS.
    mov %cr0, %eax
    or $0x08, %eax
    mov %eax, %cr0
    TRY 1f
    fnop
1:  EXPECT 7, 0, "#NM: fnop with CR0.TS, vector 7"
    mov %cr0, %eax                          # (CLTS is missing from the CPU: clear TS with MOV to CR0)
    and $~0x08, %eax
    mov %eax, %cr0
    TRY 1f
    fnop
1:  EXPECT NO_EXC, 0, "fnop with CR0.TS clear: no exception"

    # #DF: #DE delivered through a not-present gate raises #NP, contributory on contributory.
    andb $0x7F, idt+5
    mov $1, %eax
    xor %edx, %edx
    xor %ecx, %ecx
    TRY 1f
    div %ecx
1:  EXPECT 8, 0, "#DF: #DE through a not-present gate, vector 8, error code 0"
    orb $0x80, idt+5

    # #TS: INT 0x82 from ring 3 to ring-1 code while TSS.SS1 names a code segment; then with a good SS1.
    movl $SEL_CODE1, tss+16
    mov $u_callgate, %eax
    call to_ring3
    EXPECT 10, 0x48, "#TS: int 0x82 to ring 1 with TSS.SS1 = code segment 0x49, error code 0x48"
    movl $SEL_DATA1, tss+16
    movl $0, ring1_cs
    mov $u_callgate, %eax
    call to_ring3
    EXPECT NO_EXC, 0, "int 0x82 to ring 1 with TSS.SS1 = 0x59: no exception"
    CHECK_EQ ring1_cs, $SEL_CODE1, "int 0x82: CS = 0x49 (CPL 1) in the ring-1 handler"
    CHECK_EQ ring1_ss, $SEL_DATA1, "int 0x82: SS = TSS.SS1 = 0x59"

    # #NP, #SS, #GP with selector error codes.
    TRY 1f
    mov $SEL_NOTPRESENT, %eax
    mov %ax, %ds
1:  EXPECT 11, SEL_NOTPRESENT, "#NP: mov to DS of a not-present segment, error code 0x40"
    TRY 1f
    mov $SEL_NOTPRESENT, %eax
    mov %ax, %ss
1:  EXPECT 12, SEL_NOTPRESENT, "#SS: mov to SS of a not-present segment, error code 0x40"
    TRY 1f
    mov $SEL_CODE0, %eax
    mov %ax, %ss
1:  EXPECT 13, SEL_CODE0, "#GP: mov to SS of a code segment, error code 0x08"
    TRY 1f
    mov $0xFFF8, %eax
    mov %ax, %ds
1:  EXPECT 13, 0xFFF8, "#GP: mov to DS beyond the GDT limit, error code 0xfff8"
    andb $0x7F, idt+0x81*8+5                # gate 0x81 not present
    TRY 1f
    int $0x81
1:  EXPECT 11, 0x40A, "#NP: int 0x81 through a not-present gate, error code 0x40a (IDT)"
    orb $0x80, idt+0x81*8+5
    TRY 1f
    int $0xF0
1:  EXPECT 13, 0x782, "#GP: int 0xf0 beyond the IDT limit, error code 0x782 (IDT)"
    mov $u_int81, %eax
    call to_ring3
    EXPECT 13, 0x40A, "#GP: int 0x81 from CPL 3 through a DPL 0 gate, error code 0x40a"
    mov $u_cli, %eax
    call to_ring3
    EXPECT 13, 0, "#GP: cli at CPL 3 with IOPL 0, error code 0"
    CHECK_EQ got_cs, $SEL_CODE3, "#GP from ring 3: saved CS = 0x1b"

    # #PF: 4 MiB pages, 0-4 MiB user read/write, 4-8 MiB not present, 8-12 MiB user read-only.
    movl $0x00000087, pd
    movl $0, pd+4
    movl $0x00800085, pd+8
    mov %cr4, %eax
    or $0x10, %eax                          # PSE
    mov %eax, %cr4
    mov $pd, %eax
    mov %eax, %cr3
    mov %cr0, %eax
    or $0x80010000, %eax                    # PG, WP
    mov %eax, %cr0
    TRY 1f
    mov 0x400123, %eax
1:  EXPECT 14, 0, "#PF: supervisor read, not present: error code 0"
    CHECK_EQ got_cr2, $0x400123, "#PF: CR2 = 0x400123"
    TRY 1f
    movl $0, 0x400200
1:  EXPECT 14, 2, "#PF: supervisor write, not present: error code 2 (W)"
    CHECK_EQ got_cr2, $0x400200, "#PF: CR2 = 0x400200"
    TRY 1f
    movl $0, 0x800010
1:  EXPECT 14, 3, "#PF: supervisor write, read-only with CR0.WP: error code 3 (P W)"
    mov $u_read_np, %eax
    call to_ring3
    EXPECT 14, 4, "#PF: user read, not present: error code 4 (U)"
    mov $u_write_ro, %eax
    call to_ring3
    EXPECT 14, 7, "#PF: user write, read-only: error code 7 (P W U)"
    CHECK_EQ got_cr2, $0x800010, "#PF: CR2 = 0x800010"
    mov %cr0, %eax
    and $~0x80010000, %eax
    mov %eax, %cr0

    # #MF: an unmasked x87 zero divide with CR0.NE, reported at the next waiting instruction.
    mov %cr0, %eax
    or $0x20, %eax                          # NE
    and $~0x0C, %eax                        # TS, EM clear
    mov %eax, %cr0
    fninit
    fldcw fpu_cw_zm
    TRY 1f
    fldz
    fld1
    fdiv %st(1), %st
6:  fwait
1:  EXPECT 16, 0, "#MF: unmasked x87 zero divide, vector 16"
    CHECK_EQ got_eip, $6b, "#MF: return address is the waiting fwait"
    fninit

    # #AC: a misaligned 4-byte load at CPL 3 with CR0.AM and EFLAGS.AC set (SDM Vol. 3, 6.15), a fault with error
    # code 0. The ring-3 code sets AC itself (POPF may at CPL 3); the handler clears it in the frame it returns by.
    mov %cr0, %eax
    or $0x40000, %eax                       # AM
    mov %eax, %cr0
    mov $u_misaligned, %eax
    call to_ring3
    EXPECT 17, 0, "#AC: misaligned load at CPL 3 with CR0.AM and EFLAGS.AC, vector 17"
    CHECK_EQ got_eip, $u_misaligned_load, "#AC: a fault, the return address is the load"
    mov %cr0, %eax
    and $~0x40000, %eax
    mov %eax, %cr0
    # #XM: an unmasked SSE zero divide with CR4.OSXMMEXCPT.
    mov %cr4, %eax
    or $0x600, %eax                         # OSFXSR, OSXMMEXCPT
    mov %eax, %cr4
    ldmxcsr mxcsr_zm
    xorps %xmm1, %xmm1
    movss one, %xmm0
    TRY 1f
    divss %xmm1, %xmm0
1:  EXPECT 19, 0, "#XM: unmasked SSE zero divide, vector 19"
    jmp finish

# Ring-3 pieces: each ends with INT 0x80; a fault lands on that INT 0x80 (the handler's `resume`).
u_callgate:
    mov $1f, %eax
    call try
    int $0x82
1:  int $0x80
u_int81:
    mov $1f, %eax
    call try
    int $0x81
1:  int $0x80
u_cli:
    mov $1f, %eax
    call try
    cli
1:  int $0x80
u_read_np:
    mov $1f, %eax
    call try
    mov 0x400124, %eax
1:  int $0x80
u_write_ro:
    mov $1f, %eax
    call try
    movl $0, 0x800010
1:  int $0x80
u_misaligned:
    mov $1f, %eax
    call try
    pushf
    orl $0x40000, (%esp)
    popf
u_misaligned_load:
    mov misaligned+1, %eax
1:  int $0x80

    .section .rodata
image_name: .asciz "hvm-sys-exceptions"
    .balign 4
bounds:     .long 10, 20
one:        .float 1.0
mxcsr_zm:   .long 0x1F80 & ~0x200           # all masked but ZM
fpu_cw_zm:  .word 0x037F & ~0x04            # all masked but ZM
    .balign 8
misaligned: .quad 0

    .bss
    .balign 4096
pd:         .space 4096
