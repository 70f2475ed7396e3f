// dom0-build-arm64: an ia64 dom0 that builds an arm64 domU, arm64/hello.elf, through hypercalls alone
// (builder.inc), naming the new domain's ISA with Polyvisor's createdomain extension (CDF_POLYVISOR_ISA and the ELF
// machine EM_AARCH64, ELFCLASS64). arm64/hello.elf is embedded as committed (.incbin).

	DOMU_FLAGS = 1 << 31            // CDF_POLYVISOR_ISA
	DOMU_ELF_MACHINE = 183          // EM_AARCH64
	DOMU_ELF_CLASS = 2              // ELFCLASS64
	DOMU_RAM_GFN = 0x40000          // arm64 RAM starts at 0x40000000
	CTX_SIZE = 352                  // Xen on ARM's vcpu_guest_context (isa-arm64's ArmGuestContext)
	CTX_ENTRY = 256                 // user_regs.pc64
	CTX_START_INFO = 8              // user_regs.x0
	CTX_OTHER = 264                 // user_regs.cpsr: EL1h, D/A/I/F masked
	CTX_OTHER_VALUE = 0x3c5

	.include "builder.inc"

	.section .rodata
	.align 8
image:
	.incbin "arm64/hello.elf"
