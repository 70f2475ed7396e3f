# hvm-sys-rings: ring 3 entered with IRET, back to ring 0 through a DPL 3 interrupt gate (the stack switch to
# TSS.SS0:ESP0 and the frame it leaves checked), ring 1 through an interrupt gate to DPL 1 code (TSS.SS1:ESP1),
# then SYSENTER from ring 3 (IA32_SYSENTER_CS/ESP/EIP) and SYSEXIT back (CS = SYSENTER_CS + 16, SS = + 24, RPL 3),
# then call gates (GDT 0x50): LCALL from ring 3 to ring 0 with the stack switch and two parameters copied, LRET $8
# back (ES nulled), LJMP through a gate to ring 3 code, and the gate's #GP/#NP checks.
    .include "sys.inc"
    .set USER_MARK, 0x5A5A1234
    .set SEL_GATE3, 0x53                    # the call gate at GDT 0x50, RPL 3

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
    jmp finish

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
    .balign 16
    .space 1024
sysenter_stack_top:
