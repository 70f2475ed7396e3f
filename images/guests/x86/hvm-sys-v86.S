# hvm-sys-v86: virtual-8086 mode without VME (SDM Vol. 3, ch. 20). 16-bit code copied to 1000:0000 is entered by
# IRETD at CPL 0 with VM set in the popped EFLAGS (ESP, SS, ES, DS, FS, GS popped too) and runs at CPL 3 with
# paragraph segments; it leaves through interrupt gates to DPL 0 code, whose frame adds ES, DS, FS and GS to the
# ring-3 frame and whose data segments are null. Checked: the segments as paragraphs; CLI, STI, PUSHF, POPF, INT n
# and IRET #GP(0) at IOPL 0 and allowed at IOPL 3; INT3 not IOPL-sensitive (its gate's DPL decides); LAR #UD;
# a ring-0 monitor that emulates CLI/STI and IRETDs back into virtual-8086 mode; port I/O decided by the TSS
# I/O bitmap alone (the code prints a line on COM1 through ports the bitmap allows, then OUT to a denied port is
# #GP(0) even at IOPL 3); an exception whose gate leads to DPL 3 code is #GP(selector, EXT).
    .include "sys.inc"
    .set V86_CS, 0x1000                     # the 16-bit code is copied to 0x10000
    .set V86_SS, 0x2000
    .set V86_SP, 0x1000
    .set V86_DS, 0x3000                     # data at 0x30000
    .set V86_ES, 0x4000
    .set V86_FS, 0x5000
    .set V86_GS, 0x6000
    .set VM, 0x20000
    .set IOPL3, 0x3000
    .set SEL_TSS2, 0x50                     # a TSS with an I/O bitmap
    .set BITMAP_BYTES, 128                  # ports 0-0x3FF, then the 0xFF byte the SDM asks for

# V86_RUN entry, eflags, vec, err, ip, "text": runs the 16-bit code at entry with eflags (VM added) until it
# leaves virtual-8086 mode, then checks vector << 24 | error code << 12 | saved IP.
    .macro V86_RUN entry, eflags, vec, err, ip, text
    .pushsection .rodata
.Lv\@: .asciz "\text"
    .popsection
    mov $\entry - v86_blob, %eax
    mov $\eflags, %ebx
    call run_v86
    mov v_frame, %eax
    shl $12, %eax
    or v_frame+4, %eax
    shl $12, %eax
    or v_frame+8, %eax
    mov $(\vec << 24) | (\err << 12) | (\ip - v86_blob), %edx
    mov $.Lv\@, %esi
    call check
    .endm

main:
    mov $v86_blob, %esi
    mov $V86_CS << 4, %edi
    mov $v86_end - v86_blob, %ecx
    cld
    rep movsb
    mov $6, %ecx
    mov $v86_ud, %eax
    mov $0x8E00, %ebx
    call set_gate
    mov $13, %ecx
    mov $v86_gp, %eax
    mov $0x8E00, %ebx
    call set_gate
    mov $0x80, %ecx
    mov $v86_int80, %eax
    mov $0xEE00, %ebx
    call set_gate

    # In and out: HLT at CPL 3 is #GP(0); the frame and the handler's segments.
    V86_RUN v_basic, 0, 13, 0, v_basic_hlt, "hlt in virtual-8086 mode: #GP(0) at the hlt"
    CHECK_EQ v_frame+12, $V86_CS, "saved CS = 0x1000"
    mov v_frame+16, %eax
    and $VM, %eax
    CHECK_EQ %eax, $VM, "saved EFLAGS.VM = 1"
    CHECK_EQ v_frame+20, $V86_SP, "saved ESP = 0x1000"
    CHECK_EQ v_frame+24, $V86_SS, "saved SS = 0x2000"
    CHECK_EQ v_frame+28, $V86_ES, "saved ES = 0x4000"
    CHECK_EQ v_frame+32, $V86_DS, "saved DS = 0x3000"
    CHECK_EQ v_frame+36, $V86_FS, "saved FS = 0x5000"
    CHECK_EQ v_frame+40, $V86_GS, "saved GS = 0x6000"
    CHECK_EQ v_entry_ds, $0, "handler entered with DS = 0"
    CHECK_EQ v_entry_gs, $0, "handler entered with GS = 0"
    CHECK_EQ v_entry_cs, $SEL_CODE0, "handler runs at CS = 0x08"
    mov v_entry_flags, %eax
    and $VM, %eax
    CHECK_EQ %eax, $0, "handler runs with EFLAGS.VM = 0"
    movzwl V86_DS << 4, %eax
    CHECK_EQ %eax, $V86_CS, "mov %cs in virtual-8086 mode: 0x1000"
    movzwl (V86_DS << 4) + 2, %eax
    CHECK_EQ %eax, $V86_SS, "mov %ss: 0x2000"
    movzwl (V86_DS << 4) + 4, %eax
    CHECK_EQ %eax, $V86_DS, "mov %ds: 0x3000, stores at DS * 16 + offset"
    movzwl (V86_DS << 4) + 8, %eax
    CHECK_EQ %eax, $0x1234, "push and pop on SS:SP"
    movzwl (V86_SS << 4) + V86_SP - 2, %eax
    CHECK_EQ %eax, $0x1234, "the push wrote SS * 16 + SP - 2"
    movzwl (V86_ES << 4) + 0x10, %eax
    CHECK_EQ %eax, $0x5678, "an ES override stores at ES * 16 + offset"

    # IOPL 0: the IOPL-sensitive instructions fault; INT3 goes by its gate's DPL (0 here); LAR is #UD.
    V86_RUN v_cli, 0, 13, 0, v_cli, "cli at IOPL 0: #GP(0)"
    V86_RUN v_sti, 0, 13, 0, v_sti, "sti at IOPL 0: #GP(0)"
    V86_RUN v_pushf, 0, 13, 0, v_pushf, "pushf at IOPL 0: #GP(0)"
    V86_RUN v_popf, 0, 13, 0, v_popf, "popf at IOPL 0: #GP(0)"
    V86_RUN v_int, 0, 13, 0, v_int, "int $0x21 at IOPL 0: #GP(0)"
    V86_RUN v_iret, 0, 13, 0, v_iret, "iret at IOPL 0: #GP(0)"
    V86_RUN v_int3, 0, 13, 0x1A, v_int3, "int3 through a DPL 0 gate: #GP(0x1a), not IOPL-sensitive"
    V86_RUN v_lar, 0, 6, 0, v_lar, "lar: #UD"

    # IOPL 3: CLI, STI and PUSHF run (the pushed FLAGS show IOPL 3), INT $0x80 goes through its DPL 3 gate,
    # INT $0x81 through a DPL 0 gate is #GP(vector * 8 + 2).
    V86_RUN v_iopl3, IOPL3, 0x80, 0, v_iopl3_end, "cli, sti, pushf at IOPL 3, then int $0x80 through its DPL 3 gate"
    movzwl (V86_DS << 4) + 12, %eax
    CHECK_EQ %eax, $0x3002, "pushf at IOPL 3: FLAGS with IOPL 3, IF clear"
    V86_RUN v_int81, IOPL3, 13, 0x40A, v_int81, "int $0x81 at IOPL 3 through a DPL 0 gate: #GP(0x40a)"

    # A monitor at ring 0 emulates CLI and STI (a virtual IF) and IRETDs back into virtual-8086 mode.
    movl $1, monitor_on
    movl $1, virtual_if
    V86_RUN v_monitor, 0, 13, 0, v_monitor_hlt, "monitor: cli, sti, cli emulated, then the hlt leaves"
    movl $0, monitor_on
    CHECK_EQ emulated, $3, "monitor: three IOPL-sensitive instructions emulated"
    CHECK_EQ virtual_if, $0, "monitor: the virtual IF after cli, sti, cli"
    movzwl (V86_DS << 4) + 14, %eax
    CHECK_EQ %eax, $0x4321, "iretd from the monitor resumed virtual-8086 mode"

    # Port I/O goes by the I/O bitmap of the TSS, whatever IOPL is: a second TSS allows COM1 (0x3F8-0x3FF) only.
    mov $tss2 + 104, %edi
    mov $BITMAP_BYTES + 1, %ecx
    mov $0xFF, %al
    rep stosb
    movb $0, tss2 + 104 + (COM1 >> 3)
    movl $kstack_top, tss2 + 4
    movl $SEL_DATA0, tss2 + 8
    movw $104, tss2 + 102
    mov $tss2, %eax
    movw $104 + BITMAP_BYTES, gdt + SEL_TSS2
    mov %ax, gdt + SEL_TSS2 + 2
    shr $16, %eax
    mov %al, gdt + SEL_TSS2 + 4
    movb $0x89, gdt + SEL_TSS2 + 5
    movb $0, gdt + SEL_TSS2 + 6
    mov %ah, gdt + SEL_TSS2 + 7
    mov $SEL_TSS2, %ax
    ltr %ax
    V86_RUN v_ports, 0, 13, 0, v_port80, "COM1 output at IOPL 0 (the line above), then out to port 0x80: #GP(0)"
    V86_RUN v_port80, IOPL3, 13, 0, v_port80, "out to port 0x80 at IOPL 3: #GP(0), the bitmap decides"

    # The handler of an exception from virtual-8086 mode must be DPL 0 code: a gate to DPL 3 code is #GP(sel, EXT).
    movw $SEL_CODE3, idt + 6 * 8 + 2
    V86_RUN v_ud2, 0, 13, 0x19, v_ud2, "ud2 with #UD's gate leading to DPL 3 code: #GP(0x19)"
    movw $SEL_CODE0, idt + 6 * 8 + 2
    jmp finish

# run_v86(eax = IP, ebx = EFLAGS): IRETD into virtual-8086 mode at V86_CS:IP with the segments above; returns
# when the code leaves it (v86_common), with the frame in v_frame.
run_v86:
    mov %esp, v86_ring0_esp
    push $V86_GS
    push $V86_FS
    push $V86_DS
    push $V86_ES
    push $V86_SS
    push $V86_SP
    or $VM | 2, %ebx
    push %ebx
    push $V86_CS
    push %eax
    iret

# Gates 6, 13 and 0x80. A fault at CPL 0 (VM clear in the frame) goes to sys.inc's handler.
v86_ud:
    testl $VM, %ss:8(%esp)
    jz exc_6
    push $0
    push $6
    jmp v86_common
v86_int80:
    push $0
    push $0x80
    jmp v86_common
v86_gp:                                     # error code, EIP, CS, EFLAGS, ...
    testl $VM, %ss:12(%esp)
    jz exc_13
    cmpl $0, %ss:monitor_on
    je 3f
    push %eax
    push %ebx
    movzwl %ss:16(%esp), %eax               # CS * 16 + IP: the faulting opcode (DS is null here)
    shl $4, %eax
    add %ss:12(%esp), %eax
    movzbl %ss:(%eax), %ebx
    cmp $0xFA, %bl
    je 1f
    cmp $0xFB, %bl
    jne 2f
    movl $1, %ss:virtual_if
    jmp 4f
1:  movl $0, %ss:virtual_if
4:  incl %ss:12(%esp)                       # past the one-byte instruction
    incl %ss:emulated
    pop %ebx
    pop %eax
    add $4, %esp
    iret                                    # back into virtual-8086 mode
2:  pop %ebx
    pop %eax
3:  push $13
# v86_common: vector, error code, EIP, CS, EFLAGS, ESP, SS, ES, DS, FS, GS on the stack (TSS.SS0:ESP0).
v86_common:
    push %eax
    mov %ds, %eax
    mov %eax, %ss:v_entry_ds
    mov %gs, %eax
    mov %eax, %ss:v_entry_gs
    mov %cs, %eax
    mov %eax, %ss:v_entry_cs
    pushf
    pop %eax
    mov %eax, %ss:v_entry_flags
    pop %eax
    mov $SEL_DATA0, %eax
    mov %eax, %ds
    mov %eax, %es
    mov %esp, %esi
    mov $v_frame, %edi
    mov $11, %ecx
    cld
    rep movsl
    mov v86_ring0_esp, %esp
    ret

# The 16-bit code, copied to V86_CS:0 (offsets from v86_blob).
    .code16
v86_blob:
v_basic:
    mov %cs, %ax
    mov %ax, 0
    mov %ss, %ax
    mov %ax, 2
    mov %ds, %ax
    mov %ax, 4
    push $0x1234
    pop %bx
    mov %bx, 8
    mov $0x5678, %ax
    mov %ax, %es:0x10
v_basic_hlt:
    hlt
v_cli:
    cli
v_sti:
    sti
v_pushf:
    pushf
v_popf:
    popf
v_int:
    int $0x21
v_iret:
    iret
v_int3:
    int3
v_lar:
    lar %ax, %ax
v_iopl3:
    cli
    sti
    cli
    pushf
    pop %ax
    mov %ax, 12
    int $0x80
v_iopl3_end:
v_int81:
    int $0x81
v_monitor:
    cli
    sti
    cli
    movw $0x4321, 14
v_monitor_hlt:
    hlt
v_ports:
    push %cs
    pop %ds
    mov $v86_text - v86_blob, %si
1:  lodsb
    test %al, %al
    jz v_port80
    mov %al, %bl
    mov $COM1 + 5, %dx
2:  in %dx, %al
    test $0x20, %al
    jz 2b
    mov $COM1, %dx
    mov %bl, %al
    out %al, %dx
    jmp 1b
v_port80:
    out %al, $0x80
v_ud2:
    ud2
v86_text:
    .asciz "virtual-8086 mode: this line went out through COM1, which the TSS I/O bitmap allows\n"
v86_end:
    .code32

    .section .rodata
image_name: .asciz "hvm-sys-v86"

    .bss
    .balign 4
v86_ring0_esp: .long 0
v_frame:    .space 44
v_entry_ds: .long 0
v_entry_gs: .long 0
v_entry_cs: .long 0
v_entry_flags: .long 0
monitor_on: .long 0
virtual_if: .long 0
emulated:   .long 0
    .balign 8
tss2:       .space 104 + BITMAP_BYTES + 1
