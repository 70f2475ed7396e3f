# hvm-sys-modes: from the Multiboot hand-over (32-bit protected mode, paging off) back to real mode and forward
# again: a 16-bit protected-mode segment, CR0.PE cleared, real-mode segment arithmetic (base = selector * 16) and a
# real-mode interrupt through the IVT at 0, CR0.PE set and a far jump to 32-bit code; then segment base and limit
# in protected mode, 32-bit paging with 4 MiB pages (CR4.PSE) and PAE paging with 2 MiB pages, each checked
# through an alias mapping of the image's own data and CR0/CR4 read back.
    .include "sys.inc"
    .set RM_BASE, 0x7000                    # the real-mode piece runs here (copied below 1 MiB)
    .set RM_DATA, 0x6000                    # its results: CR0, the segment read, the interrupt flag, CS
    .set ALIAS, 0x800000                    # VA 8 MiB maps PA 0 in both paging modes

main:
    CHECK_EQ mb_eax, $0x2BADB002, "multiboot: EAX = 0x2badb002 at entry"
    mov %cr0, %eax
    and $0x80000001, %eax
    CHECK_EQ %eax, $1, "multiboot: CR0.PE = 1, CR0.PG = 0"

    # Segments in protected mode: a data segment with base = &seg_area and a 16-byte limit (selector 0x50).
    mov $seg_area, %eax
    movw $0x000F, gdt+0x50                  # limit 15, byte granular
    mov %ax, gdt+0x52
    shr $16, %eax
    mov %al, gdt+0x54
    movb $0x92, gdt+0x55                    # present, DPL 0, read/write data
    movb $0x40, gdt+0x56                    # D/B = 1, G = 0
    mov %ah, gdt+0x57
    movl $0x11223344, seg_area+12
    mov $0x50, %eax
    mov %ax, %fs
    mov %fs:12, %eax
    CHECK_EQ %eax, $0x11223344, "segment base: fs:12 reads seg_area + 12"
    # Segment limits (SDM Vol. 3, 5.3): an access past the limit of DS/ES/FS/GS is #GP(0).
    TRY 1f
    mov %fs:16, %eax
1:  EXPECT 13, 0, "segment limit: fs:16 beyond limit 15 is #GP(0)"
    TRY 1f
    mov %fs:14, %eax
1:  EXPECT 13, 0, "segment limit: a dword at fs:14 crossing the limit is #GP(0)"
    movzbl %fs:15, %eax
    CHECK_EQ %eax, $0x11, "segment limit: the byte at fs:15 (the limit) reads"
    mov $SEL_DATA0, %eax
    mov %ax, %fs

    # Real mode and back.
    mov $rm_start, %esi
    mov $RM_BASE, %edi
    mov $rm_end - rm_start, %ecx
    cld
    rep movsb
    mov %esp, saved_esp
    lidt rm_idt_ptr
    ljmp $SEL_CODE16, $RM_BASE
pm_back:
    mov $SEL_DATA0, %eax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %ax, %fs
    mov %ax, %gs
    mov saved_esp, %esp
    lidt idt_ptr
    mov RM_DATA, %eax
    and $1, %eax
    CHECK_EQ %eax, $0, "real mode: CR0.PE = 0"
    movzwl RM_DATA+12, %eax
    CHECK_EQ %eax, $0, "real mode: CS = 0 after the far jump"
    movzwl RM_DATA+4, %eax
    CHECK_EQ %eax, $0xBEEF, "real mode: DS = 0x0600, ds:0x0010 reads physical 0x6010"
    movzwl RM_DATA+8, %eax
    CHECK_EQ %eax, $0x30, "real mode: INT 0x30 through the IVT at 0 ran its handler"
    mov %cr0, %eax
    and $0x80000001, %eax
    CHECK_EQ %eax, $1, "back in protected mode: CR0.PE = 1"
    mov %cs, %eax
    CHECK_EQ %eax, $SEL_CODE0, "back in protected mode: CS = 0x08"

    # 32-bit paging, 4 MiB pages: 0-4 MiB identity, VA 8 MiB -> PA 0.
    movl $0x83, pd32                        # P RW PS
    movl $0x83, pd32+(ALIAS >> 22)*4
    mov %cr4, %eax
    or $0x10, %eax                          # PSE
    mov %eax, %cr4
    mov $pd32, %eax
    mov %eax, %cr3
    mov %cr0, %eax
    or $0x80000000, %eax
    mov %eax, %cr0
    mov %cr0, %eax
    and $0x80000001, %eax
    CHECK_EQ %eax, $0x80000001, "32-bit paging: CR0.PG = 1 and PE = 1"
    movl $0xCAFE0001, probe
    CHECK_EQ ALIAS+probe, $0xCAFE0001, "32-bit paging: a 4 MiB page at VA 8 MiB aliases PA 0"
    movl $0xCAFE0002, ALIAS+probe
    CHECK_EQ probe, $0xCAFE0002, "32-bit paging: a write through the alias reaches the data"
    TRY 1f
    mov ALIAS+0x400000, %eax
1:  EXPECT 14, 0, "32-bit paging: VA 12 MiB not mapped is #PF"
    CHECK_EQ got_cr2, $ALIAS+0x400000, "32-bit paging: CR2 = 0xc00000"
    mov %cr0, %eax
    and $~0x80000000, %eax
    mov %eax, %cr0

    # PAE paging, 2 MiB pages: PDPT[0] -> pd_pae, 0-4 MiB identity, VA 8 MiB -> PA 0.
    mov $pd_pae, %eax
    or $1, %eax
    mov %eax, pdpt
    movl $0x83, pd_pae
    movl $0x200083, pd_pae+8
    movl $0x83, pd_pae+(ALIAS >> 21)*8
    mov %cr4, %eax
    or $0x20, %eax                          # PAE
    mov %eax, %cr4
    mov $pdpt, %eax
    mov %eax, %cr3
    mov %cr0, %eax
    or $0x80000000, %eax
    mov %eax, %cr0
    mov %cr4, %eax
    and $0x30, %eax
    CHECK_EQ %eax, $0x30, "PAE paging: CR4.PAE and CR4.PSE read back"
    movl $0xCAFE0003, probe
    CHECK_EQ ALIAS+probe, $0xCAFE0003, "PAE paging: a 2 MiB page at VA 8 MiB aliases PA 0"
    TRY 1f
    mov ALIAS+0x200000, %eax
1:  EXPECT 14, 0, "PAE paging: VA 10 MiB not mapped is #PF"
    CHECK_EQ got_cr2, $ALIAS+0x200000, "PAE paging: CR2 = 0xa00000"
    movl $0x80000000, pd_pae+(ALIAS >> 21)*8+4     # NX in a PDE without EFER.NXE: a reserved bit
    invlpg ALIAS                            # the 2 MiB page's base: drops the whole page's translations, the
                                            # 4 KiB one of ALIAS+probe too (SDM Vol. 3 4.10.4.1)
    TRY 1f
    mov ALIAS+probe, %eax
1:  EXPECT 14, 9, "PAE paging: bit 63 without EFER.NXE is reserved, #PF error code 9 (P RSVD)"
    mov %cr0, %eax
    and $~0x80000000, %eax
    mov %eax, %cr0
    jmp finish

# The real-mode piece, copied to RM_BASE: entered in 16-bit protected mode at SEL_CODE16:RM_BASE.
    .code16
rm_start:
    mov $SEL_DATA16, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov %cr0, %eax
    and $~1, %eax
    mov %eax, %cr0
    ljmp $0, $rm_real - rm_start + RM_BASE
rm_real:
    xor %ax, %ax
    mov %ax, %ds
    mov %ax, %es
    mov %ax, %ss
    mov $RM_BASE, %sp
    mov %cr0, %eax
    mov %eax, RM_DATA
    mov %cs, RM_DATA+12
    movw $0xBEEF, 0x6010
    mov $0x0600, %ax
    mov %ax, %ds
    mov 0x0010, %bx
    xor %ax, %ax
    mov %ax, %ds
    mov %bx, RM_DATA+4
    movw $rm_int - rm_start + RM_BASE, 0x30*4
    movw $0, 0x30*4+2
    movw $0, RM_DATA+8
    int $0x30
    mov %cr0, %eax
    or $1, %eax
    mov %eax, %cr0
    ljmpl $SEL_CODE0, $pm_back
rm_int:
    movw $0x30, RM_DATA+8
    iret
rm_end:
    .code32

    .section .rodata
image_name: .asciz "hvm-sys-modes"
    .balign 4
rm_idt_ptr:
    .word 0x3FF
    .long 0

    .bss
    .balign 4096
pd32:       .space 4096
pd_pae:     .space 4096
    .balign 32
pdpt:       .space 32
seg_area:   .space 16
probe:      .long 0
saved_esp:  .long 0
