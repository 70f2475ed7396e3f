// hvm-image: a raw arm64 Image (Linux Documentation/arch/arm64/booting.rst), self-checking the boot protocol's
// promises as the loader keeps them: x0 = the device tree (FDT magic, 8-byte aligned, clear of the image), x1-x3 = 0,
// EL1h with DAIF masked and the MMU off, the image at a 2 MiB boundary plus its header's text_offset (where it is
// linked, hvm-image.ld), and the image_size bytes past the file (bss) zeroed. Prints over the PL011 at 0x09000000
// and powers off with PSCI SYSTEM_OFF over HVC. Boots the same under qemu-system-aarch64 -M virt -kernel.
    .equ UART, 0x09000000
    .equ PSCI_SYSTEM_OFF, 0x84000008
    .equ FDT_MAGIC, 0xd00dfeed
    .equ TWO_MIB, 0x200000
    .equ PROBE_BYTES, 4096

    .section .head.text, "ax"
    .global _start
_start:                                  // the 64-byte Image header; code0 is the entry
    b       primary                      // code0
    .word   0                            // code1
    .quad   __text_offset                // text_offset
    .quad   __image_size                 // image_size: file and bss
    .quad   0xa                          // flags: little-endian (bit 0 clear), 4K pages (bits 1-2 = 1), anywhere (bit 3)
    .quad   0, 0, 0                      // res2-res4
    .ascii  "ARM\x64"                    // magic
    .word   0                            // res5: no PE header

    .text
primary:
    mov     x19, x0                      // the boot registers, before anything uses them
    mov     x22, x1
    mov     x23, x2
    mov     x24, x3
    adrp    x1, stack_top
    add     x1, x1, :lo12:stack_top
    mov     sp, x1
    adr     x1, vectors
    msr     vbar_el1, x1
    mov     w20, #0                      // failures
    adr     x0, s_hello
    bl      puts

    // 1. x0 = the device tree: big-endian FDT magic, 8-byte aligned
    ldr     w1, [x19]
    rev     w1, w1
    ldr     w2, =FDT_MAGIC
    cmp     w1, w2
    and     x3, x19, #7
    ccmp    x3, #0, #0, eq
    adr     x0, s_fdt
    bl      report

    // 2. x1, x2 and x3 are zero
    orr     x1, x22, x23
    orr     x1, x1, x24
    cmp     x1, #0
    adr     x0, s_zero
    bl      report

    // 3. EL1 with SP_EL1 (EL1h), D, A, I and F masked, SCTLR_EL1.M = 0
    mrs     x1, CurrentEL
    cmp     x1, #(1 << 2)
    mrs     x1, SPSel
    ccmp    x1, #1, #0, eq
    mrs     x1, DAIF
    mov     x2, #0x3c0
    ccmp    x1, x2, #0, eq
    mrs     x1, sctlr_el1
    and     x1, x1, #1
    ccmp    x1, #0, #0, eq
    adr     x0, s_state
    bl      report

    // 4. running where linked, which is a 2 MiB boundary plus the header's text_offset
    adr     x1, _start
    ldr     x2, =_start
    cmp     x1, x2
    ldr     x3, [x1, #8]                 // text_offset from our own header
    and     x4, x1, #(TWO_MIB - 1)
    ccmp    x4, x3, #0, eq
    adr     x0, s_place
    bl      report

    // 5. image_size reserved: the bss probe (past the file, never written) reads zero; the device tree lies outside
    adrp    x1, probe
    add     x1, x1, :lo12:probe
    add     x2, x1, #PROBE_BYTES
    mov     x3, #0
1:  ldr     x4, [x1], #8
    orr     x3, x3, x4
    cmp     x1, x2
    b.lo    1b
    ldr     w5, [x19, #4]                // FDT totalsize, big-endian
    rev     w5, w5
    add     x5, x19, x5                  // end of the device tree
    adr     x6, _start
    adrp    x7, _end
    add     x7, x7, :lo12:_end
    cmp     x19, x7                      // the tree starts at or after the image's end,
    b.hs    2f
    cmp     x5, x6                       // or ends at or before its start
    b.ls    2f
    mov     x3, #1                       // overlaps the image
2:  cmp     x3, #0
    adr     x0, s_bss
    bl      report

    cbnz    w20, 3f
    adr     x0, s_all
    bl      puts
    b       4f
3:  adr     x0, s_some
    bl      puts
4:  ldr     x0, =PSCI_SYSTEM_OFF
    hvc     #0
5:  b       5b

    .include "report.inc"               // report and puts (w20 counts failures; s_pass, s_fail, UART here)

unexpected:
    adr     x0, s_unexpected
    bl      puts
    ldr     x0, =PSCI_SYSTEM_OFF
    hvc     #0
1:  b       1b

    .balign 2048
vectors:                                 // every exception is unexpected here
    .rept 16
    b       unexpected
    .balign 128
    .endr

    .section .rodata
s_hello:    .asciz "Hello from a raw arm64 Image (Linux boot protocol on the virt board)\n"
s_pass:     .asciz "PASS "
s_fail:     .asciz "FAIL "
s_fdt:      .asciz "x0 is the device tree (FDT magic, 8-byte aligned)\n"
s_zero:     .asciz "x1, x2 and x3 are zero\n"
s_state:    .asciz "entered at EL1h with DAIF masked and the MMU off\n"
s_place:    .asciz "loaded at a 2 MiB boundary plus text_offset, where it was linked\n"
s_bss:      .asciz "image_size reserved: bss zeroed, device tree outside the image\n"
s_all:      .asciz "hvm-image: all checks passed\n"
s_some:     .asciz "hvm-image: some checks FAILED\n"
s_unexpected: .asciz "FAIL unexpected exception\n"

    .bss
    .balign 16
probe:      .space PROBE_BYTES           // read by check 5 only
    .space 8192
stack_top:
