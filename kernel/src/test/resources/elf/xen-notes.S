/* A PV/PVH x86_64 kernel's Xen ELF notes (public/elfnote.h), as Linux's xen-head.S writes them. */
#define ELFNOTE(type, desc...) \
	.pushsection .note.Xen, "a", @note; .balign 4; .long 2f - 1f; .long 4f - 3f; .long type; \
	1: .asciz "Xen"; 2: .balign 4; 3: desc; 4: .balign 4; .popsection

	.text
	.globl _start
_start:	hlt
	jmp _start

	ELFNOTE(6, .asciz "linux")                      /* GUEST_OS */
	ELFNOTE(5, .asciz "xen-3.0")                    /* XEN_VERSION */
	ELFNOTE(3, .quad 0xffffffff80000000)            /* VIRT_BASE */
	ELFNOTE(1, .quad _start)                        /* ENTRY */
	ELFNOTE(10, .asciz "!writable_page_tables")     /* FEATURES */
	ELFNOTE(18, .long 0x100000)                     /* PHYS32_ENTRY */
	ELFNOTE(8, .asciz "generic")                    /* LOADER */
