// crash: prints its greeting, then executes an undefined instruction (a bundle of reserved template 0x1f).
// The domain must crash with a message naming ia64, the bundle address and the reason.
	.include "xen.inc"

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0   // outputs r32-r34 for the calls below
	movl r12 = stack_top
	mov r32 = r28
	br.call.sptk.many b0 = greet
	movl r32 = msg_about
	mov r33 = msg_about_len
	br.call.sptk.many b0 = write
	.align 16
	.global undefined_bundle
undefined_bundle:                       // template 0x1f is reserved: an illegal-operation fault
	.byte 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff
hang:
	br.cond.sptk.few hang
	.endp _start

	.section .rodata
msg_about:
	.ascii "about to execute an undefined instruction\n"
	msg_about_len = . - msg_about

	.include "pv.inc"
