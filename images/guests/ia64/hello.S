// hello: the walking skeleton's ia64 guest. Prints "Hello from ia64 domain <N>" (N from start_info's
// cmd_line "domid=<N>"), then the checksum of checksum_table over 10,000 iterations, then powers off.
// Entry (images/README.md): physical mode, cpl 0, r28 = start_info. Calls use br.call/br.ret with alloc frames.
	.include "xen.inc"

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0   // a frame of three outputs (r32-r34) for the calls below
	movl r12 = stack_top
	mov r32 = r28
	br.call.sptk.many b0 = greet

	// sum = sum * 31 + table[i & 63] + i, for i in 0 .. 9999, modulo 2^32
	mov r20 = 0                     // sum
	mov r21 = 0                     // i
	movl r22 = checksum_table
	movl r27 = 10000
checksum_loop:
	and r23 = 63, r21
	shl r26 = r20, 5
	shladd r24 = r23, 2, r22
	sub r26 = r26, r20
	ld4 r25 = [r24]
	add r26 = r26, r21
	add r26 = r26, r25
	adds r21 = 1, r21
	zxt4 r20 = r26
	cmp.ltu p6, p7 = r21, r27
(p6)	br.cond.sptk.few checksum_loop

	movl r32 = msg_sum
	movl r33 = line_buf
	mov r34 = msg_sum_len
	br.call.sptk.many b0 = copy
	mov r32 = r20
	mov r33 = r8
	br.call.sptk.many b0 = hex32    // r8 = end of the digits
	mov r10 = 10
	st1 [r8] = r10, 1
	movl r32 = line_buf
	sub r33 = r8, r32
	br.call.sptk.many b0 = write

	// sched_op(SCHEDOP_shutdown, &{ reason = poweroff })
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_SHUTDOWN
	movl r15 = shutdown_reason
	break.m HYPERCALL_IMM
hang:
	br.cond.sptk.few hang
	.endp _start

	.section .rodata
msg_sum:
	.ascii "checksum 0x"
	msg_sum_len = . - msg_sum

	.data
	.align 8
	.global checksum_table
checksum_table:                         // table[k] = (k + 1) * 0x9E3779B1 mod 2^32
	.set k, 1
	.rept 64
	.long (k * 0x9E3779B1) & 0xffffffff
	.set k, k + 1
	.endr
	.align 4
shutdown_reason:
	.long SHUTDOWN_POWEROFF

	.include "pv.inc"
