# RealModeTest row "real -> protected with a 16-bit CS (D = 0) -> real", loaded at 0000:7C00.
# Build: as --32 -o p.o pm16.S && objcopy -O binary -j .text p.o p.bin
        .code16
start:
        lgdtl   (gdtr - start + 0x7C00)
        mov     %cr0, %eax
        or      $1, %al
        mov     %eax, %cr0
        ljmp    $0x08, $(pm16 - start + 0x7C00)
pm16:
        mov     $0x10, %ax
        mov     %ax, %ds
        movw    $0x4242, 0x30
        mov     %cr0, %eax
        and     $0xFE, %al
        mov     %eax, %cr0
        ljmp    $0x0000, $(real - start + 0x7C00)
real:
        xor     %ax, %ax
        mov     %ax, %ds
        movw    $0x4343, 0x30
        hlt
        .p2align 3
gdt:
        .quad   0
        .quad   0x00009A000000FFFF
        .quad   0x000092010000FFFF
gdtr:
        .word   23
        .long   gdt - start + 0x7C00
