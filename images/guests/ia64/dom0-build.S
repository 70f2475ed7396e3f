// dom0-build: an ia64 dom0 that builds an ia64 domU, ia64/hello.elf, through hypercalls alone (builder.inc).
// hello.elf is embedded as committed (.incbin): build-images.sh builds in name order, so after a change to hello.S
// run it twice.

	DOMU_FLAGS = 0                  // the caller's ISA
	DOMU_ELF_MACHINE = 0
	DOMU_ELF_CLASS = 0
	DOMU_RAM_GFN = 0                // ia64 PV RAM starts at 0
	CTX_SIZE = 1088                 // isa-ia64's Ia64GuestContext
	CTX_ENTRY = 8                   // ip
	CTX_START_INFO = 104 + 28 * 8   // gr[28]
	CTX_OTHER = 32                  // pr: p0 reads 1
	CTX_OTHER_VALUE = 1

	.include "builder.inc"

	.section .rodata
	.align 8
image:
	.incbin "hello.elf"
