# hvm-sys-rings: ring 3 entered with IRET, back to ring 0 through a DPL 3 interrupt gate (the stack switch to
# TSS.SS0:ESP0 and the frame it leaves checked), ring 1 through an interrupt gate to DPL 1 code (TSS.SS1:ESP1),
# then SYSENTER from ring 3 (IA32_SYSENTER_CS/ESP/EIP) and SYSEXIT back (CS = SYSENTER_CS + 16, SS = + 24, RPL 3),
# then call gates (GDT 0x50): LCALL from ring 3 to ring 0 with the stack switch and two parameters copied, LRET $8
# back (ES nulled), LJMP through a gate to ring 3 code, and the gate's #GP/#NP checks; then task switches with
# 32-bit TSSs: LCALL to a TSS (back link, NT, busy bits) and the called task's IRET back, and the double fault
# through a task gate in the IDT (error code 0 on the handler task's stack, the interrupted task resumed by IRET).
    .include "sys.inc"
    .set USER_MARK, 0x5A5A1234
    .set SEL_GATE3, 0x53                    # the call gate at GDT 0x50, RPL 3
    .set SEL_TSS2, 0x50                     # then a second TSS in the same slot

main:
    # Ring 3 through IRET: CPL 3 code records its selectors, INT 0x80 comes back.
    mov $u_selectors, %eax
    call to_ring3
    CHECK_EQ u_cs, $SEL_CODE3, "iret to ring 3: CS = 0x1b"
    CHECK_EQ u_ss, $SEL_DATA3, "iret to ring 3: SS = 0x23"
    CHECK_EQ u_esp_before, $user_stack_top, "iret to ring 3: ESP from the frame"
    # The gate's frame on TSS.ESP0's stack: EIP, CS, EFLAGS, ESP, SS.
    CHECK_EQ ring3_frame, $kstack_top-20, "int 0x80 from ring 3: stack switched to TSS.SS0:ESP0"
    mov ring3_frame, %ebx
    CHECK_EQ 4(%ebx), $SEL_CODE3, "int 0x80 from ring 3: saved CS = 0x1b"
    CHECK_EQ 12(%ebx), $user_stack_top-4, "int 0x80 from ring 3: saved ESP = the user's"
    CHECK_EQ 16(%ebx), $SEL_DATA3, "int 0x80 from ring 3: saved SS = 0x23"
    mov 8(%ebx), %eax
    and $0x200, %eax
    CHECK_EQ %eax, $0, "int 0x80 from ring 3: saved EFLAGS.IF = 0"
    CHECK_EQ u_marker, $USER_MARK, "ring-3 code ran to its INT 0x80"
    mov %ss, %eax
    CHECK_EQ %eax, $SEL_DATA0, "back at ring 0: SS = 0x10"

    # Ring 1 through a DPL 3 interrupt gate to DPL 1 code: TSS.SS1:ESP1, IRET back to ring 3.
    mov $u_ring1, %eax
    call to_ring3
    CHECK_EQ ring1_cs, $SEL_CODE1, "int 0x82 from ring 3: CS = 0x49 (CPL 1)"
    CHECK_EQ ring1_ss, $SEL_DATA1, "int 0x82 from ring 3: SS = TSS.SS1 = 0x59"
    CHECK_EQ u_cs, $SEL_CODE3, "iret from ring 1: back in ring 3, CS = 0x1b"

    # SYSENTER / SYSEXIT.
    mov $0x174, %ecx
    xor %edx, %edx
    mov $SEL_CODE0, %eax
    wrmsr
    mov $0x175, %ecx
    mov $sysenter_stack_top, %eax
    wrmsr
    mov $0x176, %ecx
    mov $sysenter_entry, %eax
    wrmsr
    mov $0x174, %ecx
    rdmsr
    CHECK_EQ %eax, $SEL_CODE0, "IA32_SYSENTER_CS reads back 0x08"
    mov $u_sysenter, %eax
    call to_ring3
    CHECK_EQ k_cs, $SEL_CODE0, "sysenter: CS = SYSENTER_CS = 0x08"
    CHECK_EQ k_ss, $SEL_DATA0, "sysenter: SS = SYSENTER_CS + 8 = 0x10"
    CHECK_EQ k_esp, $sysenter_stack_top, "sysenter: ESP = IA32_SYSENTER_ESP"
    CHECK_EQ k_eflags_if, $0, "sysenter: EFLAGS.IF clear"
    CHECK_EQ u_cs, $SEL_CODE3, "sysexit: CS = SYSENTER_CS + 16 | 3 = 0x1b"
    CHECK_EQ u_ss, $SEL_DATA3, "sysexit: SS = SYSENTER_CS + 24 | 3 = 0x23"
    CHECK_EQ u_esp_after, $user_stack_top-64, "sysexit: ESP = ECX"
    CHECK_EQ u_marker, $USER_MARK+1, "sysexit: EIP = EDX, ring-3 code resumed"

    # SYSENTER with IA32_SYSENTER_CS = 0 is #GP(0).
    mov $0x174, %ecx
    xor %edx, %edx
    xor %eax, %eax
    wrmsr
    mov $u_sysenter_gp, %eax
    call to_ring3
    EXPECT 13, 0, "sysenter with IA32_SYSENTER_CS = 0: #GP(0)"

    # A DPL 3 call gate to ring 0 copying 2 doublewords: the frame on TSS.SS0:ESP0 is EIP, CS, the parameters,
    # ESP, SS; LRET $8 returns to ring 3 past the parameters on both stacks and nulls ES (DPL 0 data).
    mov $gate_entry, %eax
    mov $0xEC02, %ecx
    mov $SEL_CODE0, %edx
    call set_call_gate
    mov $u_gate_call, %eax
    call to_ring3
    CHECK_EQ k_cs, $SEL_CODE0, "lcall through a call gate from ring 3: CS = 0x08"
    CHECK_EQ k_ss, $SEL_DATA0, "lcall through a call gate: SS = TSS.SS0 = 0x10"
    CHECK_EQ k_esp, $kstack_top-24, "lcall through a call gate: ESP = TSS.ESP0 - 24"
    CHECK_EQ k_frame+0, $u_gate_back, "call gate frame: return EIP"
    CHECK_EQ k_frame+4, $SEL_CODE3, "call gate frame: caller's CS = 0x1b"
    CHECK_EQ k_frame+8, $0x22222222, "call gate frame: first parameter copied"
    CHECK_EQ k_frame+12, $0x11111111, "call gate frame: second parameter copied"
    CHECK_EQ k_frame+16, $user_stack_top-8, "call gate frame: caller's ESP"
    CHECK_EQ k_frame+20, $SEL_DATA3, "call gate frame: caller's SS = 0x23"
    CHECK_EQ u_cs, $SEL_CODE3, "lret \$8 to ring 3: CS = 0x1b"
    CHECK_EQ u_esp_after, $user_stack_top, "lret \$8 to ring 3: ESP past the parameters"
    CHECK_EQ u_es, $0, "lret \$8 to ring 3: ES (DPL 0 data) nulled"

    # LJMP through a DPL 3 gate to ring 3 code: no privilege change.
    mov $u_gate_jumped, %eax
    mov $0xEC00, %ecx
    mov $SEL_CODE3, %edx
    call set_call_gate
    movl $0, u_cs
    mov $u_gate_jmp, %eax
    call to_ring3
    CHECK_EQ u_cs, $SEL_CODE3, "ljmp through a call gate to ring 3 code: CS = 0x1b"

    # The gate's checks: DPL < CPL, not present, and JMP to a more privileged level.
    mov $gate_entry, %eax
    mov $0x8C00, %ecx
    mov $SEL_CODE0, %edx
    call set_call_gate
    mov $u_gate_fault, %eax
    call to_ring3
    EXPECT 13, 0x50, "lcall through a DPL 0 call gate from ring 3: #GP(gate)"
    mov $gate_entry, %eax
    mov $0x6C00, %ecx
    mov $SEL_CODE0, %edx
    call set_call_gate
    mov $u_gate_fault, %eax
    call to_ring3
    EXPECT 11, 0x50, "lcall through a call gate that is not present: #NP(gate)"
    mov $gate_entry, %eax
    mov $0xEC00, %ecx
    mov $SEL_CODE0, %edx
    call set_call_gate
    mov $u_gate_jmp_fault, %eax
    call to_ring3
    EXPECT 13, 0x08, "ljmp through a call gate to ring 0 code: #GP(code selector)"

    # LCALL to a TSS: the new task sees TR, the back link and NT; its IRET returns and frees it.
    call setup_task2
    movl $task2_call, tss2 + 0x20
    lcall $SEL_TSS2, $0
task_back:
    clts                                    # a task switch sets CR0.TS
    str %eax
    CHECK_EQ %eax, $SEL_TSS, "iret from the called task: TR back to 0x28"
    CHECK_EQ t_tr, $SEL_TSS2, "lcall to a TSS: TR = 0x50 in the new task"
    CHECK_EQ t_link, $SEL_TSS, "lcall to a TSS: back link = 0x28"
    CHECK_EQ t_nt, $0x4000, "lcall to a TSS: EFLAGS.NT set in the new task"
    CHECK_EQ t_busy, $0x8B, "lcall to a TSS: the caller's TSS stays busy"
    CHECK_EQ tss + 0x20, $task_back, "lcall to a TSS: the caller's TSS holds the return EIP"
    movzbl gdt + SEL_TSS2 + 5, %eax
    CHECK_EQ %eax, $0x89, "iret from the called task: its TSS is available again"
    pushf
    pop %eax
    and $0x4000, %eax
    CHECK_EQ %eax, $0, "back in the caller: NT clear"

    # #DF through a task gate: #DE with gate 0 and gate 11 not present (#NP while delivering #NP).
    call setup_task2
    movl $0xFFFF, t_err
    movl $task2_double_fault, tss2 + 0x20
    andb $0x7F, idt + 0 * 8 + 5
    andb $0x7F, idt + 11 * 8 + 5
    movl $SEL_TSS2 << 16, idt + 8 * 8
    movl $0x8500, idt + 8 * 8 + 4           # present task gate, DPL 0
    mov $1, %eax
    xor %edx, %edx
    xor %ecx, %ecx
double_fault_at:
    div %ecx
double_fault_resume:
    clts
    .irp v, 0, 8, 11
    mov $\v, %ecx
    mov exc_table + 4 * \v, %eax
    mov $0x8E00, %ebx
    call set_gate
    .endr
    CHECK_EQ t_err, $0, "#DF through a task gate: error code 0 on the handler task's stack"
    CHECK_EQ t_tr, $SEL_TSS2, "#DF through a task gate: the handler runs as task 0x50"
    CHECK_EQ t_eip, $double_fault_at, "#DF through a task gate: the interrupted task's TSS holds the faulting EIP"
    str %eax
    CHECK_EQ %eax, $SEL_TSS, "#DF handler task's iret: the interrupted task resumed"
    jmp finish

# setup_task2: a 32-bit TSS at GDT 0x50 (available, limit 103) for a ring-0 task on task2_stack_top; the caller
# sets its EIP.
setup_task2:
    mov $tss2, %eax
    movw $103, gdt + SEL_TSS2
    mov %ax, gdt + SEL_TSS2 + 2
    shr $16, %eax
    mov %al, gdt + SEL_TSS2 + 4
    movb $0x89, gdt + SEL_TSS2 + 5
    movb $0, gdt + SEL_TSS2 + 6
    mov %ah, gdt + SEL_TSS2 + 7
    movl $2, tss2 + 0x24                    # EFLAGS
    movl $task2_stack_top, tss2 + 0x38      # ESP
    movl $SEL_DATA0, tss2 + 0x48            # ES
    movl $SEL_CODE0, tss2 + 0x4C            # CS
    movl $SEL_DATA0, tss2 + 0x50            # SS
    movl $SEL_DATA0, tss2 + 0x54            # DS
    movl $0, tss2 + 0x58                    # FS
    movl $0, tss2 + 0x5C                    # GS
    movl $0, tss2 + 0x60                    # LDT
    ret

task2_call:                                 # the called task: records what it sees, IRET returns (NT)
    str %eax
    mov %eax, t_tr
    movzwl tss2, %eax
    mov %eax, t_link
    pushf
    pop %eax
    and $0x4000, %eax
    mov %eax, t_nt
    movzbl gdt + SEL_TSS + 5, %eax
    mov %eax, t_busy
    iret

task2_double_fault:                         # the #DF task: error code, then resume the other task elsewhere
    pop %eax
    mov %eax, t_err
    str %eax
    mov %eax, t_tr
    mov tss + 0x20, %eax
    mov %eax, t_eip
    movl $double_fault_resume, tss + 0x20
    iret

# set_call_gate(eax = entry, ecx = access byte << 8 | parameter count, edx = code selector): GDT 0x50.
set_call_gate:
    mov %ax, gdt+0x50
    mov %dx, gdt+0x52
    mov %cx, gdt+0x54
    shr $16, %eax
    mov %ax, gdt+0x56
    ret

gate_entry:                                 # CPL 0, through the call gate from ring 3
    mov %cs, %eax
    mov %eax, k_cs
    mov %ss, %eax
    mov %eax, k_ss
    mov %esp, k_esp
    mov $6, %ecx
    mov %esp, %esi
    mov $k_frame, %edi
    cld
    rep movsl
    mov $SEL_DATA0, %eax
    mov %eax, %es
    lret $8

sysenter_entry:                             # CPL 0, from ring 3's sysenter
    mov %cs, %eax
    mov %eax, k_cs
    mov %ss, %eax
    mov %eax, k_ss
    mov %esp, k_esp
    pushf
    pop %eax
    and $0x200, %eax
    mov %eax, k_eflags_if
    sysexit                                 # EIP = EDX, ESP = ECX

# Ring-3 code.
u_selectors:
    mov %esp, u_esp_before
    mov %cs, %eax
    mov %eax, u_cs
    mov %ss, %eax
    mov %eax, u_ss
    movl $USER_MARK, u_marker
    push $0
    int $0x80
u_ring1:
    movl $0, u_cs
    int $0x82
    mov %cs, %eax
    mov %eax, u_cs
    int $0x80
u_sysenter:
    movl $0, u_cs
    mov $user_stack_top-64, %ecx
    mov $1f, %edx
    sysenter
1:  mov %esp, u_esp_after
    mov %cs, %eax
    mov %eax, u_cs
    mov %ss, %eax
    mov %eax, u_ss
    incl u_marker
    int $0x80
u_gate_call:
    push $0x11111111
    push $0x22222222
    lcall $SEL_GATE3, $0
u_gate_back:
    mov %esp, u_esp_after
    mov %cs, %eax
    mov %eax, u_cs
    mov %es, %eax
    mov %eax, u_es
    int $0x80
u_gate_jmp:
    ljmp $SEL_GATE3, $0
u_gate_jumped:
    mov %cs, %eax
    mov %eax, u_cs
    int $0x80
u_gate_fault:
    mov $1f, %eax
    call try
    lcall $SEL_GATE3, $0
1:  int $0x80
u_gate_jmp_fault:
    mov $1f, %eax
    call try
    ljmp $SEL_GATE3, $0
1:  int $0x80
u_sysenter_gp:
    mov $1f, %eax
    call try
    sysenter
1:  int $0x80

    .section .rodata
image_name: .asciz "hvm-sys-rings"

    .bss
    .balign 4
u_cs:       .long 0
u_ss:       .long 0
u_esp_before: .long 0
u_esp_after: .long 0
u_marker:   .long 0
k_cs:       .long 0
k_ss:       .long 0
k_esp:      .long 0
k_eflags_if: .long 0
u_es:       .long 0
k_frame:    .space 24
t_tr:       .long 0
t_link:     .long 0
t_nt:       .long 0
t_busy:     .long 0
t_err:      .long 0
t_eip:      .long 0
    .balign 8
tss2:       .space 104
    .balign 16
    .space 1024
task2_stack_top:
    .balign 16
    .space 1024
sysenter_stack_top:
