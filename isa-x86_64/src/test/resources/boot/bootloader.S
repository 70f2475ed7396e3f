# A boot-loader-like sequence for ModeSwitchTest: real mode at 0000:7C00 -> protected mode (32-bit CS from the
# GDT) -> PAE paging + EFER.LME -> compatibility mode -> 64-bit mode. Each stage ends in HLT so the test checks
# registers and memory per mode. Build: as --32 -o b.o bootloader.S && objcopy -O binary -j .text b.o b.bin
        .code16
        .text
        .org 0
start:                                  # 0x7C00, CS = 0, real mode
        cli
        xor     %ax, %ax
        mov     %ax, %ds
        mov     %ax, %ss
        mov     $0x7000, %sp
        mov     $0x1000, %ax
        mov     %ax, %es
        movw    $0xBEEF, %es:0x20       # linear 0x10020: ES base = 0x1000 * 16
        movw    $(handler - start + 0x7C00), 0xC0   # IVT vector 0x30: offset ...
        movw    $0, 0xC2                             # ... and segment 0
        mov     $5, %bx
        int     $0x30                   # handler adds 7 and IRETs
        mov     %bx, 0x500
        mov     %sp, 0x502              # 0x7000 again after IRET
        hlt                             # stage 1: real mode
        lgdtl   (gdtr - start + 0x7C00)
        mov     %cr0, %eax
        or      $1, %al
        mov     %eax, %cr0
        ljmp    $0x08, $(prot32 - start + 0x7C00)
handler:
        add     $7, %bx
        iret
        .code32
prot32:
        mov     $0x10, %ax
        mov     %ax, %ds
        mov     %ax, %es
        mov     %ax, %ss
        mov     $0x7000, %esp
        movl    $0x32323232, 0x504
        push    $0x44556677             # a 32-bit push: ESP 0x6FFC
        hlt                             # stage 2: 32-bit protected mode
        movl    $0x21003, 0x20000       # PML4[0] -> PDPT
        movl    $0x22003, 0x21000       # PDPT[0] -> PD (0 - 1 GiB)
        movl    $0x22003, 0x21008       # PDPT[1] -> the same PD (1 - 2 GiB aliases physical 0)
        movl    $0x83, 0x22000          # PD[0]: 2 MiB page at 0, P|RW|PS
        mov     %cr4, %eax
        or      $0x20, %eax             # PAE
        mov     %eax, %cr4
        mov     $0x20000, %eax
        mov     %eax, %cr3
        mov     $0xC0000080, %ecx
        rdmsr
        or      $0x100, %eax            # EFER.LME
        wrmsr
        mov     %cr0, %eax
        or      $0x80000000, %eax       # PG: EFER.LMA = 1, CS.L = 0: compatibility mode
        mov     %eax, %cr0
        rdmsr
        mov     %eax, 0x508             # EFER as seen in compatibility mode (LME|LMA = 0x500)
        hlt                             # stage 3: compatibility mode
        ljmp    $0x18, $(long64 - start + 0x7C00)
        .code64
long64:
        mov     $0x1122334455667788, %rax
        mov     %rax, 0x40000600        # linear 1 GiB + 0x600 -> physical 0x600 through PDPT[1]
        push    %rax                    # a 64-bit push: RSP 0x6FF4
        hlt                             # stage 4: 64-bit mode
        ljmpl   *(farptr - start + 0x7C00)  # to an L = 0 code segment: compatibility mode again
        .code32
compat32:
        mov     $0xC0C0C0C0, %eax
        mov     %eax, 0x50C
        hlt                             # stage 5: compatibility mode, entered from 64-bit code
farptr:
        .long   compat32 - start + 0x7C00
        .word   0x08
        .p2align 3
gdt:
        .quad   0
        .quad   0x00CF9A000000FFFF      # 0x08: 32-bit code, base 0, 4 GiB
        .quad   0x00CF92000000FFFF      # 0x10: data, base 0, 4 GiB
        .quad   0x00AF9A000000FFFF      # 0x18: 64-bit code (L = 1)
gdtr:
        .word   gdtr - gdt - 1
        .long   gdt - start + 0x7C00
