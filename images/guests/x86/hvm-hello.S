# hvm-hello: a Multiboot kernel for the PC board (type = "hvm"). It checks what the boot loader handed over
# (EAX = 0x2BADB002, the info structure's flags, a memory map whose usable RAM reaches above 1 MiB), prints
# through COM1 (a 16550A at 0x3F8, polling LSR.THRE before each byte) and powers off through the PIIX4 PM1a control
# register (outw 0x2000 to port 0x604). On the way it finds Xen through CPUID leaf 0x40000000, installs the
# hypercall page through the MSR leaf 0x40000002 names and calls xen_version through it (vmcall). A failed check prints FAIL and ends through isa-debug-exit (port 0xF4).
    .set MB_MAGIC, 0x1BADB002
    .set MB_FLAGS, 0x00000003              # align modules, memory information
    .set COM1, 0x3F8
    .code32
    .text
    .globl _start
    .balign 4
multiboot_header:
    .long MB_MAGIC
    .long MB_FLAGS
    .long -(MB_MAGIC + MB_FLAGS)

_start:
    mov $stack_top, %esp
    mov %eax, %esi
    call uart_init
    mov $hello, %eax
    call puts
    cmp $0x2BADB002, %esi
    jne fail
    mov $ok_magic, %eax
    call puts
    testl $0x41, (%ebx)                    # flags: mem_* (bit 0) and mmap_* (bit 6)
    jz fail
    cmpl $639, 4(%ebx)                     # mem_lower: 639 KiB below the EBDA
    jne fail
    mov $ok_mem, %eax
    call puts
    # Walk the memory map: some type-1 entry must start at 1 MiB.
    mov 48(%ebx), %ecx                     # mmap_addr
    mov 44(%ebx), %edx
    add %ecx, %edx                         # end of the map
1:  cmp %edx, %ecx
    jae fail
    cmpl $1, 20(%ecx)                      # type
    jne 2f
    cmpl $0x100000, 4(%ecx)                # base_addr (low half)
    je 3f
2:  add (%ecx), %ecx
    add $4, %ecx                           # size does not count itself
    jmp 1b
3:  mov $ok_mmap, %eax
    call puts
    # Xen's HVM interface: the CPUID signature, the hypercall page from the MSR leaf 0x40000002 names, xen_version.
    mov $0x40000000, %eax
    cpuid
    cmp $0x566e6558, %ebx                  # "XenV"
    jne fail
    cmp $0x65584d4d, %ecx                  # "MMXe"
    jne fail
    cmp $0x4d4d566e, %edx                  # "nVMM"
    jne fail
    mov $0x40000002, %eax
    cpuid
    mov %ebx, %ecx                         # the hypercall-page MSR
    mov $hypercall_page, %eax
    xor %edx, %edx
    wrmsr
    xor %ebx, %ebx                         # XENVER_version
    xor %ecx, %ecx
    call hypercall_page + 17 * 32          # __HYPERVISOR_xen_version
    cmp $0x00040013, %eax
    jne fail
    mov $ok_xen, %eax
    call puts
    mov $bye, %eax
    call puts
    mov $0x604, %dx
    mov $0x2000, %ax                       # SLP_EN: power off
    outw %ax, %dx
    hlt

fail:
    mov $failed, %eax
    call puts
    mov $1, %al
    outb %al, $0xF4                        # isa-debug-exit: exit code 3
    hlt

    .include "uart.inc"
    uart_routines %eax, %edx, %esi, %eax

    .section .rodata
hello:    .asciz "Hello from an x86 HVM guest (Multiboot on the PC board)\n"
ok_magic: .asciz "PASS multiboot magic in eax\n"
ok_mem:   .asciz "PASS mem_lower 639 KiB\n"
ok_mmap:  .asciz "PASS memory map has RAM at 1 MiB\n"
ok_xen:   .asciz "PASS Xen 4.19 through the hypercall page (CPUID 0x40000000: XenVMMXenVMM)\n"
bye:      .asciz "hvm-hello: all checks passed\n"
failed:   .asciz "FAIL\n"

    .bss
    .balign 4096
hypercall_page:
    .space 4096
    .balign 16
    .space 4096
stack_top:
