# hvm-sys-long: from the Multiboot hand-over (32-bit protected mode, paging off) to long mode step by step, checking
# each: CR4.PAE, EFER.LME with LMA still 0, CR0.PG making LMA 1 in compatibility mode (a 32-bit code segment: byte
# 0x40 is INC EAX there, a REX prefix in 64-bit mode), a far jump to the 64-bit code segment, 2 MiB and 1 GiB pages,
# canonical-address checks (#GP(0) for data, #SS(0) for the stack, taken on IST1), exceptions through a 64-bit IDT, ring 3 through
# IRETQ and back through an interrupt gate (TSS.RSP0), SYSCALL/SYSRET (STAR, LSTAR, FMASK),
# #DE, #BP, NX (EFER.NXE), FS/GS base MSRs and SWAPGS, INT n through a DPL 0 gate from ring 3, a 16-byte call gate
# (LCALL from ring 3 to ring 0: RSP0, a null SS, four quadwords pushed; LRETQ back; #GP for a typed upper half).
# Prints PASS/FAIL per check and a summary; powers off (port 0x604) only when all pass, else isa-debug-exit.
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003
    .set COM1, 0x3F8
    .set SEL_CODE64, 0x08
    .set SEL_DATA, 0x10
    .set SEL_CODE32, 0x18                   # also STAR's SYSRET base: SS = 0x20 | 3, 64-bit CS = 0x28 | 3
    .set SEL_DATA3, 0x23
    .set SEL_CODE64_3, 0x2B
    .set SEL_TSS, 0x30
    .set EFER, 0xC0000080
    .set NO_EXC, 0xFF
    .text
    .code32
    .globl _start
    .balign 4
    .long MB_MAGIC, MB_FLAGS, -(MB_MAGIC + MB_FLAGS)

_start:
    mov $stack_top, %esp
    mov %eax, r_mb_eax
    lgdt gdt_ptr
    ljmp $SEL_CODE32, $1f
1:  mov $SEL_DATA, %eax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %cr0, %eax
    mov %eax, r_cr0_entry
    # Page tables: PML4[0] -> pdpt; pdpt[0] -> pd (2 MiB pages over 1 GiB); pdpt[1] = a 1 GiB page of PA 0.
    mov $pdpt, %eax
    or $7, %eax                             # P RW US: ring 3 runs in the same flat space
    mov %eax, pml4
    mov $pd, %eax
    or $7, %eax
    mov %eax, pdpt
    movl $0x83, pdpt+8                      # P RW PS: VA 1 GiB -> PA 0
    xor %ecx, %ecx
2:  mov %ecx, %eax
    shl $21, %eax
    or $0x87, %eax
    mov %eax, pd(,%ecx,8)
    inc %ecx
    cmp $512, %ecx
    jb 2b
    mov %cr4, %eax
    or $0x20, %eax                          # PAE
    mov %eax, %cr4
    mov $pml4, %eax
    mov %eax, %cr3
    mov $EFER, %ecx
    rdmsr
    or $0x100, %eax                         # LME
    wrmsr
    rdmsr
    mov %eax, r_efer_lme
    mov %cr0, %eax
    or $0x80000000, %eax                    # PG: IA-32e mode, compatibility mode while CS is 32-bit
    mov %eax, %cr0
    mov $EFER, %ecx
    rdmsr
    mov %eax, r_efer_lma
    xor %eax, %eax
    .byte 0x40                              # INC EAX in compatibility mode
    nop
    mov %eax, r_compat_inc
    mov %cs, %eax
    mov %eax, r_compat_cs
    ljmp $SEL_CODE64, $long_mode

    .code64
long_mode:
    mov $SEL_DATA, %eax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $stack_top, %rsp
    call uart_init
    lea image_name(%rip), %rdi
    call puts
    lea banner(%rip), %rdi
    call puts
    call setup_idt_tss

    mov r_mb_eax(%rip), %eax
    mov $0x2BADB002, %edx
    lea t_mb(%rip), %rsi
    call check
    mov r_cr0_entry(%rip), %eax
    and $0x80000001, %eax
    mov $1, %edx
    lea t_cr0(%rip), %rsi
    call check
    mov r_efer_lme(%rip), %eax
    and $0x500, %eax
    mov $0x100, %edx
    lea t_lme(%rip), %rsi
    call check
    mov r_efer_lma(%rip), %eax
    and $0x500, %eax
    mov $0x500, %edx
    lea t_lma(%rip), %rsi
    call check
    mov r_compat_cs(%rip), %eax
    mov $SEL_CODE32, %edx
    lea t_compat_cs(%rip), %rsi
    call check
    mov r_compat_inc(%rip), %eax
    mov $1, %edx
    lea t_compat_inc(%rip), %rsi
    call check
    xor %eax, %eax
    .byte 0x40                              # a REX prefix in 64-bit mode
    nop
    xor %edx, %edx
    lea t_rex(%rip), %rsi
    call check
    mov %cs, %eax
    mov $SEL_CODE64, %edx
    lea t_cs64(%rip), %rsi
    call check
    movabs $0x123456789ABCDEF0, %rax
    mov %rax, %rbx
    shr $32, %rbx
    mov %ebx, %eax
    mov $0x12345678, %edx
    lea t_reg64(%rip), %rsi
    call check

    # A 1 GiB page: VA 1 GiB + x reads PA x.
    movl $0xCAFE0001, probe(%rip)
    mov $0x40000000 + probe, %rbx
    mov (%rbx), %eax
    mov $0xCAFE0001, %edx
    lea t_1g(%rip), %rsi
    call check

    # Canonical addresses: bits 63:47 must all equal bit 47.
    lea 1f(%rip), %rax
    call try
    movabs $0x0000800000000000, %rbx
    mov (%rbx), %rax
1:  mov $13, %edx
    xor %ebx, %ebx
    lea t_gp_canon(%rip), %rsi
    call check_exc
    lea 1f(%rip), %rax
    call try
    movabs $0xFFFF7FFFFFFFF000, %rbx
    movq $0, (%rbx)
1:  mov $13, %edx
    xor %ebx, %ebx
    lea t_gp_canon2(%rip), %rsi
    call check_exc
    # PUSH with a non-canonical RSP: #SS(0) (SDM, PUSH, 64-bit mode exceptions), taken on IST1
    mov %rsp, %r12
    lea 1f(%rip), %rax
    call try
    movabs $0x0000800000000010, %rsp
    push %rax
1:  mov %r12, %rsp
    mov $12, %edx
    xor %ebx, %ebx
    lea t_ss_canon(%rip), %rsi
    call check_exc
    lea 1f(%rip), %rax
    call try
    movabs $0xFFFF800000000000, %rbx
    mov %rbx, %rax                          # canonical (bit 47 = 1 and above): no #GP from the check itself
1:  mov $NO_EXC, %edx
    xor %ebx, %ebx
    lea t_canon_ok(%rip), %rsi
    call check_exc
    lea 1f(%rip), %rax
    call try
    ud2
1:  mov $6, %edx
    xor %ebx, %ebx
    lea t_ud(%rip), %rsi
    call check_exc
    lea 1f(%rip), %rax
    call try
    mov $0x80000000, %rbx                   # 2 GiB: not mapped
    mov (%rbx), %rax
1:  mov $14, %edx
    xor %ebx, %ebx
    lea t_pf(%rip), %rsi
    call check_exc
    mov got_cr2(%rip), %rax
    mov $0x80000000, %rdx
    lea t_cr2(%rip), %rsi
    call check

    # #DE, #BP (a trap: RIP after int3).
    lea 1f(%rip), %rax
    call try
    xor %ecx, %ecx
    mov $1, %eax
    xor %edx, %edx
    div %ecx
1:  xor %edx, %edx
    xor %ebx, %ebx
    lea t_de(%rip), %rsi
    call check_exc
    xor %eax, %eax
    call try
    int3
2:  mov $3, %edx
    xor %ebx, %ebx
    lea t_bp(%rip), %rsi
    call check_exc
    mov got_rip(%rip), %rax
    lea 2b(%rip), %rdx
    lea t_bp_rip(%rip), %rsi
    call check

    # NX with EFER.NXE: pd[511] maps VA 0x3fe00000 -> PA 0 with NX; a fetch there is #PF with I (0x11).
    mov $EFER, %ecx
    rdmsr
    or $0x800, %eax
    wrmsr
    movl $0x83, pd+511*8(%rip)
    movl $0x80000000, pd+511*8+4(%rip)
    lea 1f(%rip), %rax
    call try
    lea ret_byte(%rip), %rax
    add $0x3FE00000, %rax
    mov %rax, %r12
    call *%rax
1:  mov $14, %edx
    mov $0x11, %ebx
    lea t_nx(%rip), %rsi
    call check_exc
    mov got_cr2(%rip), %rax
    mov %r12, %rdx
    lea t_nx_cr2(%rip), %rsi
    call check
    mov (%r12), %al
    movzbl %al, %eax
    mov $0xC3, %edx
    lea t_nx_read(%rip), %rsi
    call check

    # FS base, GS base and SWAPGS with IA32_KERNEL_GS_BASE.
    movq $0x600DF00D, probe(%rip)
    mov $0xC0000100, %ecx                   # IA32_FS_BASE
    lea probe(%rip), %rax
    mov %rax, %rdx
    shr $32, %rdx
    wrmsr
    mov %fs:0, %rax
    mov $0x600DF00D, %edx
    lea t_fs(%rip), %rsi
    call check
    mov $0xC0000101, %ecx                   # IA32_GS_BASE = 0x1000
    mov $0x1000, %eax
    xor %edx, %edx
    wrmsr
    mov $0xC0000102, %ecx                   # IA32_KERNEL_GS_BASE = &probe
    lea probe(%rip), %rax
    mov %rax, %rdx
    shr $32, %rdx
    wrmsr
    swapgs
    mov %gs:0, %rax
    mov $0x600DF00D, %edx
    lea t_swapgs(%rip), %rsi
    call check
    mov $0xC0000102, %ecx
    rdmsr
    mov $0x1000, %edx
    lea t_swapgs2(%rip), %rsi
    call check

    # Ring 3 through IRETQ, back with INT 0x80 (stack switch to TSS.RSP0).
    lea u_plain(%rip), %rax
    call to_ring3
    mov u_cs(%rip), %rax
    mov $SEL_CODE64_3, %edx
    lea t_r3_cs(%rip), %rsi
    call check
    mov ring3_frame(%rip), %rax
    lea kstack_top-40(%rip), %rdx
    lea t_r3_stack(%rip), %rsi
    call check
    mov ring3_frame(%rip), %rbx
    mov 32(%rbx), %rax
    mov $SEL_DATA3, %edx
    lea t_r3_ss(%rip), %rsi
    call check

    lea u_int81(%rip), %rax
    call to_ring3
    mov $13, %edx
    mov $0x40A, %ebx
    lea t_int81(%rip), %rsi
    call check_exc

    # A 16-byte call gate at GDT 0x40 (DPL 3) to ring 0 64-bit code: LCALL from ring 3 takes RSP0 with SS null
    # (RPL 0) and pushes SS, RSP, CS and RIP as quadwords, no parameters; LRETQ returns to ring 3.
    lgdt gdt_gate_ptr(%rip)
    lea gdt(%rip), %rbx
    lea gate64_entry(%rip), %rax
    mov %ax, 0x40(%rbx)
    movw $SEL_CODE64, 0x42(%rbx)
    movw $0xEC00, 0x44(%rbx)
    shr $16, %rax
    mov %ax, 0x46(%rbx)
    shr $16, %rax
    mov %eax, 0x48(%rbx)
    movl $0, 0x4C(%rbx)
    lea u_gate(%rip), %rax
    call to_ring3
    mov k_cs(%rip), %rax
    mov $SEL_CODE64, %edx
    lea t_cg_cs(%rip), %rsi
    call check
    mov k_ss(%rip), %rax
    xor %edx, %edx
    lea t_cg_ss(%rip), %rsi
    call check
    mov k_rsp(%rip), %rax
    lea kstack_top-32(%rip), %rdx
    lea t_cg_rsp(%rip), %rsi
    call check
    mov k_frame(%rip), %rax
    lea u_gate_back(%rip), %rdx
    lea t_cg_rip(%rip), %rsi
    call check
    mov k_frame+8(%rip), %rax
    mov $SEL_CODE64_3, %edx
    lea t_cg_ucs(%rip), %rsi
    call check
    mov k_frame+16(%rip), %rax
    lea user_stack_top(%rip), %rdx
    lea t_cg_ursp(%rip), %rsi
    call check
    mov k_frame+24(%rip), %rax
    mov $SEL_DATA3, %edx
    lea t_cg_uss(%rip), %rsi
    call check
    mov u_cs(%rip), %rax
    mov $SEL_CODE64_3, %edx
    lea t_cg_back(%rip), %rsi
    call check
    mov u_rsp(%rip), %rax
    lea user_stack_top(%rip), %rdx
    lea t_cg_back_rsp(%rip), %rsi
    call check
    lea gdt(%rip), %rbx
    movb $0x0C, 0x4D(%rbx)                  # a type in the upper half
    lea u_gate_fault(%rip), %rax
    call to_ring3
    mov $13, %edx
    mov $0x40, %ebx
    lea t_cg_upper(%rip), %rsi
    call check_exc
    lea gdt(%rip), %rbx
    movb $0, 0x4D(%rbx)
    lgdt gdt_ptr(%rip)                      # the GDT as before
    mov $SEL_DATA, %eax                     # LRETQ to ring 3 nulled DS and ES (DPL 0 data): the selectors as before
    mov %eax, %ds
    mov %eax, %es

    # SYSCALL / SYSRET.
    mov $EFER, %ecx
    rdmsr
    or $1, %eax                             # SCE
    wrmsr
    mov $0xC0000081, %ecx                   # STAR
    xor %eax, %eax
    mov $(SEL_CODE32 << 16) | SEL_CODE64, %edx
    wrmsr
    mov $0xC0000082, %ecx                   # LSTAR
    lea syscall_entry(%rip), %rax
    mov %rax, %rdx
    shr $32, %rdx
    wrmsr
    mov $0xC0000084, %ecx                   # FMASK: IF, TF, DF, AC
    mov $0x40700, %eax
    xor %edx, %edx
    wrmsr
    lea u_syscall(%rip), %rax
    call to_ring3
    mov k_cs(%rip), %rax
    mov $SEL_CODE64, %edx
    lea t_sc_cs(%rip), %rsi
    call check
    mov k_ss(%rip), %rax
    mov $SEL_DATA, %edx
    lea t_sc_ss(%rip), %rsi
    call check
    mov k_rcx(%rip), %rax
    lea u_after_syscall(%rip), %rdx
    lea t_sc_rcx(%rip), %rsi
    call check
    mov k_r11(%rip), %rax
    and $0x400, %rax
    mov $0x400, %edx
    lea t_sc_r11(%rip), %rsi
    call check
    mov k_rflags(%rip), %rax
    and $0x400, %rax
    xor %edx, %edx
    lea t_sc_fmask(%rip), %rsi
    call check
    mov u_cs(%rip), %rax
    mov $SEL_CODE64_3, %edx
    lea t_sr_cs(%rip), %rsi
    call check
    mov u_ss(%rip), %rax
    mov $SEL_DATA3, %edx
    lea t_sr_ss(%rip), %rsi
    call check
    mov u_df(%rip), %rax
    mov $0x400, %edx
    lea t_sr_flags(%rip), %rsi
    call check
    # SYSRET to a non-canonical RCX: #GP(0) taken at CPL 0 (Intel's SYSRET page; AMD CPUs fault at CPL 3).
    lea 1f(%rip), %rax
    call try
    movabs $0x0000800000000000, %rcx
    mov $0x2, %r11d
    sysretq
1:  mov $13, %edx
    xor %ebx, %ebx
    lea t_sr_canon(%rip), %rsi
    call check_exc
    mov got_cs(%rip), %rax
    mov $SEL_CODE64, %edx
    lea t_sr_canon_cs(%rip), %rsi
    call check
    jmp finish

syscall_entry:                              # CPL 0, RSP still the user's
    mov %cs, %eax
    mov %rax, k_cs(%rip)
    mov %ss, %eax
    mov %rax, k_ss(%rip)
    mov %rcx, k_rcx(%rip)
    mov %r11, k_r11(%rip)
    pushfq
    pop %rax
    mov %rax, k_rflags(%rip)
    sysretq

gate64_entry:                               # CPL 0, through the call gate
    mov %cs, %eax
    mov %rax, k_cs(%rip)
    mov %ss, %eax
    mov %rax, k_ss(%rip)
    mov %rsp, k_rsp(%rip)
    mov (%rsp), %rax
    mov %rax, k_frame(%rip)
    mov 8(%rsp), %rax
    mov %rax, k_frame+8(%rip)
    mov 16(%rsp), %rax
    mov %rax, k_frame+16(%rip)
    mov 24(%rsp), %rax
    mov %rax, k_frame+24(%rip)
    lretq

# Ring-3 code.
u_gate:
    lcall *gate_ptr(%rip)
u_gate_back:
    mov %cs, %eax
    mov %rax, u_cs(%rip)
    mov %rsp, u_rsp(%rip)
    int $0x80
u_gate_fault:
    lea 1f(%rip), %rax
    call try
    lcall *gate_ptr(%rip)
1:  int $0x80
u_plain:
    mov %cs, %eax
    mov %rax, u_cs(%rip)
    int $0x80
u_int81:
    lea 1f(%rip), %rax
    call try
    int $0x81
1:  int $0x80
u_syscall:
    std                                     # DF = 1: FMASK clears it for the kernel, SYSRET restores it
    syscall
u_after_syscall:
    pushfq
    pop %rax
    and $0x400, %eax
    mov %rax, u_df(%rip)
    cld
    mov %cs, %eax
    mov %rax, u_cs(%rip)
    mov %ss, %eax
    mov %rax, u_ss(%rip)
    int $0x80

# to_ring3(rax = entry): IRETQ to CPL 3 (IF = 0); the code comes back with INT 0x80 and to_ring3 returns.
to_ring3:
    mov %rsp, ring0_rsp(%rip)
    push $SEL_DATA3
    lea user_stack_top(%rip), %rcx
    push %rcx
    pushq $0x2
    push $SEL_CODE64_3
    push %rax
    iretq
ring3_return:
    mov %rsp, ring3_frame(%rip)
    mov ring0_rsp(%rip), %rsp
    ret

setup_idt_tss:
    xor %ecx, %ecx
1:  lea exc_table(%rip), %rax
    mov (%rax,%rcx,8), %rax
    mov $0x8E00, %ebx
    call set_gate
    inc %ecx
    cmp $32, %ecx
    jb 1b
    mov $0x80, %ecx
    lea ring3_return(%rip), %rax
    mov $0xEE00, %ebx
    call set_gate
    mov $0x81, %ecx                         # a DPL 0 gate: INT 0x81 from ring 3 is #GP(0x81 * 8 + 2)
    lea exc_common(%rip), %rax
    mov $0x8E00, %ebx
    call set_gate
    lidt idt_ptr(%rip)
    movb $1, idt+8*16+4(%rip)               # #DF, #SS, #GP on IST1: the faulting RSP may be non-canonical
    movb $1, idt+12*16+4(%rip)
    movb $1, idt+13*16+4(%rip)
    lea kstack_top(%rip), %rax
    mov %rax, tss+4(%rip)                   # RSP0
    lea ist_stack_top(%rip), %rax
    mov %rax, tss+0x24(%rip)                # IST1
    movw $104, tss+102(%rip)
    lea tss(%rip), %rax
    lea gdt(%rip), %rbx
    movw $103, 0x30(%rbx)
    mov %ax, 0x32(%rbx)
    shr $16, %rax
    mov %al, 0x34(%rbx)
    movb $0x89, 0x35(%rbx)
    movb $0, 0x36(%rbx)
    mov %ah, 0x37(%rbx)
    shr $16, %rax
    mov %eax, 0x38(%rbx)
    movl $0, 0x3C(%rbx)
    mov $SEL_TSS, %ax
    ltr %ax
    ret

# set_gate(ecx = vector, rax = handler, ebx = type word): selector 0x08, IST 0.
set_gate:
    lea idt(%rip), %rdx
    mov %ecx, %esi
    shl $4, %esi
    add %rsi, %rdx
    mov %ax, (%rdx)
    movw $SEL_CODE64, 2(%rdx)
    mov %bx, 4(%rdx)
    mov %rax, %rsi
    shr $16, %rsi
    mov %si, 6(%rdx)
    shr $16, %rsi
    mov %esi, 8(%rdx)
    movl $0, 12(%rdx)
    ret

    .irp v, 0,1,2,3,4,5,6,7,9,15,16,18,19,20,21,22,23,24,25,26,27,28,29,30,31
exc_\v: pushq $0
    pushq $\v
    jmp exc_common
    .endr
    .irp v, 8,10,11,12,13,14,17
exc_\v: pushq $\v
    jmp exc_common
    .endr

# Stack: vector, error code, RIP, CS, RFLAGS, RSP, SS. Records them and CR2, returns with IRETQ to `resume`.
exc_common:
    push %rax
    mov 8(%rsp), %rax
    mov %rax, got_vec(%rip)
    mov 16(%rsp), %rax
    mov %rax, got_err(%rip)
    mov 24(%rsp), %rax
    mov %rax, got_rip(%rip)
    mov 32(%rsp), %rax
    mov %rax, got_cs(%rip)
    mov %cr2, %rax
    mov %rax, got_cr2(%rip)
    mov resume(%rip), %rax
    test %rax, %rax
    jz 1f
    mov 32(%rsp), %rax                      # a fault at another privilege level than try's caller cannot resume
    xor resume_cs(%rip), %rax               # there (QEMU's SYSRET to a non-canonical RCX faults at CPL 3): stop
    test $3, %al
    jnz wrong_level
    mov resume(%rip), %rax
    mov %rax, 24(%rsp)
1:  pop %rax
    add $16, %rsp
    iretq
wrong_level:
    mov 32(%rsp), %rax
    mov resume_cs(%rip), %rdx
    lea t_level(%rip), %rsi
    call check
    jmp finish

# try(rax = resume address)
try:
    movq $NO_EXC, got_vec(%rip)
    movq $0, got_err(%rip)
    mov %rax, resume(%rip)
    push %rax
    mov %cs, %eax
    mov %rax, resume_cs(%rip)
    pop %rax
    ret

# check_exc(edx = vector, ebx = error code, rsi = name)
check_exc:
    mov got_vec(%rip), %rax
    shl $16, %rax
    or got_err(%rip), %rax
    shl $16, %rdx
    or %rbx, %rdx
    jmp check

# check(rax = actual, rdx = expected, rsi = name)
check:
    push %rax
    push %rdx
    incl checks(%rip)
    cmp %rdx, %rax
    jne 1f
    lea pass_text(%rip), %rdi
    call puts
    mov %rsi, %rdi
    call puts
    lea nl_text(%rip), %rdi
    call puts
    add $16, %rsp
    ret
1:  incl failures(%rip)
    lea fail_text(%rip), %rdi
    call puts
    mov %rsi, %rdi
    call puts
    lea got_text(%rip), %rdi
    call puts
    mov 8(%rsp), %rax
    call puthex
    lea want_text(%rip), %rdi
    call puts
    mov (%rsp), %rax
    call puthex
    lea nl_text(%rip), %rdi
    call puts
    add $16, %rsp
    ret

finish:
    cli
    lea image_name(%rip), %rdi
    call puts
    lea sum1_text(%rip), %rdi
    call puts
    mov checks(%rip), %eax
    call putdec
    lea sum2_text(%rip), %rdi
    call puts
    mov failures(%rip), %eax
    call putdec
    lea sum3_text(%rip), %rdi
    call puts
    cmpl $0, failures(%rip)
    jne 1f
    mov $0x604, %dx
    mov $0x2000, %ax
    outw %ax, %dx
    hlt
1:  mov $1, %al
    outb %al, $0xF4
    hlt

    .include "x86/uart.inc"
    uart_routines %rax, %rdx, %rdi, %rdi

# puthex(rax): 16 hex digits
puthex:
    push %rcx
    push %rbx
    mov %rax, %rbx
    mov $16, %ecx
1:  rol $4, %rbx
    mov %ebx, %eax
    and $0xF, %eax
    lea hex_digits(%rip), %rdx
    movb (%rdx,%rax), %al
    call putc
    dec %ecx
    jnz 1b
    pop %rbx
    pop %rcx
    ret

# putdec(eax)
putdec:
    push %rbx
    push %rcx
    push %rdx
    mov $10, %ebx
    xor %ecx, %ecx
1:  xor %edx, %edx
    div %ebx
    push %rdx
    inc %ecx
    test %eax, %eax
    jnz 1b
2:  pop %rax
    add $'0', %al
    call putc
    dec %ecx
    jnz 2b
    pop %rdx
    pop %rcx
    pop %rbx
    ret

ret_byte:
    ret

    .section .rodata
    .balign 8
exc_table:
    .quad exc_0, exc_1, exc_2, exc_3, exc_4, exc_5, exc_6, exc_7, exc_8, exc_9, exc_10, exc_11, exc_12, exc_13
    .quad exc_14, exc_15, exc_16, exc_17, exc_18, exc_19, exc_20, exc_21, exc_22, exc_23, exc_24, exc_25, exc_26
    .quad exc_27, exc_28, exc_29, exc_30, exc_31
idt_ptr:
    .word 0x82 * 16 - 1
    .quad idt
hex_digits: .ascii "0123456789abcdef"
image_name: .asciz "hvm-sys-long"
banner:     .asciz ": self-checking system image\n"
pass_text:  .asciz "PASS "
fail_text:  .asciz "FAIL "
got_text:   .asciz ": got "
want_text:  .asciz " want "
nl_text:    .asciz "\n"
sum1_text:  .asciz ": "
sum2_text:  .asciz " checks, "
sum3_text:  .asciz " failed\n"
t_mb:       .asciz "multiboot: EAX = 0x2badb002 at entry"
t_cr0:      .asciz "multiboot: CR0.PE = 1, CR0.PG = 0"
t_lme:      .asciz "EFER.LME = 1 with paging off: LMA = 0"
t_lma:      .asciz "CR0.PG with EFER.LME: EFER.LMA = 1"
t_compat_cs: .asciz "compatibility mode: CS = 0x18 (a 32-bit code segment)"
t_compat_inc: .asciz "compatibility mode: byte 0x40 is INC EAX"
t_rex:      .asciz "64-bit mode: byte 0x40 is a REX prefix"
t_cs64:     .asciz "64-bit mode: CS = 0x08 (L = 1)"
t_reg64:    .asciz "64-bit mode: 64-bit registers (movabs, shr 32)"
t_1g:       .asciz "1 GiB page: VA 1 GiB + x reads PA x"
t_gp_canon: .asciz "load from 0x0000800000000000 (non-canonical): #GP(0)"
t_gp_canon2: .asciz "store to 0xffff7ffffffff000 (non-canonical): #GP(0)"
t_ss_canon: .asciz "push with RSP 0x0000800000000010 (non-canonical): #SS(0)"
t_canon_ok: .asciz "0xffff800000000000 is canonical: no exception"
t_ud:       .asciz "ud2 in 64-bit mode: #UD through the 64-bit IDT"
t_pf:       .asciz "load from unmapped 0x80000000: #PF error code 0"
t_cr2:      .asciz "#PF: CR2 = 0x80000000"
t_de:       .asciz "div by zero: #DE"
t_bp:       .asciz "int3: #BP"
t_bp_rip:   .asciz "#BP: saved RIP after int3"
t_nx:       .asciz "fetch from an NX 2 MiB page (EFER.NXE): #PF error code 0x11 (P I)"
t_nx_cr2:   .asciz "NX #PF: CR2 = the fetched address"
t_nx_read:  .asciz "NX page: a read of the same address completes"
t_fs:       .asciz "IA32_FS_BASE: fs:0 reads the data at the base"
t_swapgs:   .asciz "swapgs: GS base = IA32_KERNEL_GS_BASE"
t_swapgs2:  .asciz "swapgs: IA32_KERNEL_GS_BASE = the old GS base"
t_int81:    .asciz "int 0x81 from ring 3 through a DPL 0 gate: #GP(0x40a)"
t_level:    .asciz "the fault came at the privilege level of the code that expected it (saved CS)"
t_cg_cs:    .asciz "lcall through a 64-bit call gate from ring 3: CS = 0x08"
t_cg_ss:    .asciz "64-bit call gate: SS = null (RPL 0)"
t_cg_rsp:   .asciz "64-bit call gate: RSP = TSS.RSP0 - 32"
t_cg_rip:   .asciz "64-bit call gate frame: return RIP"
t_cg_ucs:   .asciz "64-bit call gate frame: caller's CS = 0x2b"
t_cg_ursp:  .asciz "64-bit call gate frame: caller's RSP"
t_cg_uss:   .asciz "64-bit call gate frame: caller's SS = 0x23"
t_cg_back:  .asciz "lretq to ring 3: CS = 0x2b"
t_cg_back_rsp: .asciz "lretq to ring 3: RSP restored"
t_cg_upper: .asciz "64-bit call gate whose upper half has a type: #GP(0x40)"
t_r3_cs:    .asciz "iretq to ring 3: CS = 0x2b"
t_r3_stack: .asciz "int 0x80 from ring 3: frame on TSS.RSP0's stack"
t_r3_ss:    .asciz "int 0x80 from ring 3: saved SS = 0x23"
t_sc_cs:    .asciz "syscall: CS = STAR[47:32] = 0x08"
t_sc_ss:    .asciz "syscall: SS = STAR[47:32] + 8 = 0x10"
t_sc_rcx:   .asciz "syscall: RCX = the return RIP"
t_sc_r11:   .asciz "syscall: R11 = RFLAGS (DF = 1)"
t_sc_fmask: .asciz "syscall: RFLAGS masked by FMASK (DF = 0)"
t_sr_cs:    .asciz "sysretq: CS = STAR[63:48] + 16 | 3 = 0x2b"
t_sr_ss:    .asciz "sysretq: SS = STAR[63:48] + 8 | 3 = 0x23"
t_sr_canon: .asciz "sysretq to non-canonical RCX 0x0000800000000000: #GP(0)"
t_sr_canon_cs: .asciz "sysretq #GP: taken at CPL 0 (saved CS = 0x08)"
t_sr_flags: .asciz "sysretq: RFLAGS = R11 (DF = 1 again)"

    .data
    .balign 8
gdt:
    .quad 0
    .quad 0x00AF9A000000FFFF                # 0x08: 64-bit code, DPL 0
    .quad 0x00CF92000000FFFF                # 0x10: data, DPL 0
    .quad 0x00CF9A000000FFFF                # 0x18: 32-bit code, DPL 0 (compatibility mode)
    .quad 0x00CFF2000000FFFF                # 0x20: data, DPL 3
    .quad 0x00AFFA000000FFFF                # 0x28: 64-bit code, DPL 3
    .quad 0, 0                              # 0x30: 64-bit TSS (filled in)
gdt_end:
    .quad 0, 0                              # 0x40: the 64-bit call gate, inside the limit only while it is checked
gdt_ptr:
    .word gdt_end - gdt - 1
    .quad gdt
gdt_gate_ptr:
    .word gdt_end - gdt + 15
    .quad gdt
gate_ptr:   .long 0                         # a far pointer: the offset (a gate ignores it), then the selector
    .word 0x43

    .bss
    .balign 4096
pml4:       .space 4096
pdpt:       .space 4096
pd:         .space 4096
idt:        .space 0x82 * 16
tss:        .space 104
    .balign 8
r_mb_eax:   .quad 0
r_cr0_entry: .quad 0
r_efer_lme: .quad 0
r_efer_lma: .quad 0
r_compat_inc: .quad 0
r_compat_cs: .quad 0
probe:      .quad 0
got_vec:    .quad 0
got_err:    .quad 0
got_rip:    .quad 0
got_cr2:    .quad 0
got_cs:     .quad 0
resume:     .quad 0
resume_cs:  .quad 0
ring0_rsp:  .quad 0
ring3_frame: .quad 0
u_cs:       .quad 0
u_ss:       .quad 0
u_df:       .quad 0
k_cs:       .quad 0
k_ss:       .quad 0
k_rcx:      .quad 0
k_r11:      .quad 0
k_rflags:   .quad 0
k_rsp:      .quad 0
k_frame:    .space 32
u_rsp:      .quad 0
checks:     .long 0
failures:   .long 0
    .balign 16
    .space 8192
stack_top:
    .space 4096
kstack_top:
    .space 4096
user_stack_top:
    .space 4096
ist_stack_top:
