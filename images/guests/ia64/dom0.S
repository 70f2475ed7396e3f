// dom0: prints the banner, then blocks forever (SCHEDOP_block in a loop).
	.include "xen.inc"

	.text
	.global _start
	.proc _start
_start:
	movl r16 = msg_banner
	mov r15 = msg_banner_len
	mov r14 = CONSOLEIO_WRITE
	mov r2 = HC_CONSOLE_IO
	break.m HYPERCALL_IMM
block:
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_BLOCK
	break.m HYPERCALL_IMM
	br.cond.sptk.few block
	.endp _start

	.section .rodata
msg_banner:
	.ascii "Polyvisor dom0 on ia64: ready\n"
	msg_banner_len = . - msg_banner
