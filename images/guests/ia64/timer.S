// timer: self-checking interval timer image (SDM rev 2.3 vol 2 part I 3.3.4 "Interval Time Counter and Match",
// 5.8 "Interrupts", 5.7 vector 0x3000). cr.itv names vector 0xef, cr.itm = ar.itc + DELTA; with PSR.i = 1 the
// External Interrupt handler acknowledges through cr.ivr, counts, re-arms cr.itm and writes cr.eoi, then rfi
// resumes the interrupted loop. Checks: five ticks arrive, the vector read from cr.ivr, ar.itc advanced by at
// least five periods, the interrupted loop's registers intact, and no delivery while PSR.i = 0.
	.include "xen.inc"
	.include "check.inc"
	.include "ivt.inc"
	TIMER_VECTOR = 0xef
	DELTA = 10000                   // ar.itc units between ticks
	BOUND = 20000000                // iterations before the wait gives up

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top
	bsw.1
	movl r9 = ivt
	mov cr.iva = r9
	srlz.i
	mov r9 = TIMER_VECTOR
	mov cr.itv = r9                 // unmasked (bit 16 clear)
	mov cr.tpr = r0
	mov r4 = ar.itc                 // r4: ar.itc at the start
	movl r10 = DELTA
	add r10 = r4, r10
	mov cr.itm = r10
	srlz.d
	movl r20 = BOUND                // r20 counts down, r22 up: r20 + r22 = BOUND whatever interrupts the loop
	mov r22 = 0
	movl r21 = ticks
	ssm 0x6000                      // psr.ic and psr.i
	srlz.d
wait:
	ld8 r23 = [r21]
	adds r20 = -1, r20
	adds r22 = 1, r22
	cmp.gtu p6, p0 = 5, r23
	cmp.ne.and p6, p0 = 0, r20
(p6)	br.cond.sptk.few wait
	rsm 0x4000                      // psr.i off
	srlz.d
	mov r5 = ar.itc
	ld8 r6 = [r21]                  // ticks now
	// no delivery with PSR.i = 0 (the re-armed timer stays pending)
	movl r24 = 100000
quiet:
	adds r24 = -1, r24
	cmp.ne p7, p0 = 0, r24
(p7)	br.cond.sptk.few quiet
	ld8 r7 = [r21]

	cmp.leu p6, p0 = 5, r6
	mov r8 = 0
(p6)	mov r8 = 1
	mov r9 = 1
	CHECK_EQ r8, r9, "five interval timer interrupts through the External Interrupt vector (0x3000)"
	movl r21 = last_vector
	ld8 r8 = [r21]
	mov r9 = TIMER_VECTOR
	CHECK_EQ r8, r9, "cr.ivr gives the vector cr.itv names (0xef)"
	sub r8 = r5, r4
	movl r9 = 5 * DELTA
	cmp.leu p6, p0 = r9, r8
	mov r8 = 0
(p6)	mov r8 = 1
	mov r9 = 1
	CHECK_EQ r8, r9, "ar.itc advanced by at least five periods"
	add r8 = r20, r22
	movl r9 = BOUND
	CHECK_EQ r8, r9, "the interrupted loop's registers survive every interruption (rfi)"
	CHECK_EQ r6, r7, "no delivery while PSR.i = 0"
	FINISH

unexpected:
	rsm 0x6000
	srlz.d
	bsw.1
	mov r32 = 0
	movl r33 = msg_unexpected
	CALL check
	FINISH
	.endp _start

	.section .rodata
msg_unexpected:
	.asciz "an unexpected interruption"

	.data
	.align 8
ticks:
	data8 0
last_vector:
	data8 0

	.text
	.align 32768
ivt:
	STUBS 0x0000, 0x0400, 0x0800, 0x0c00, 0x1000, 0x1400, 0x1800, 0x1c00, 0x2000, 0x2400, 0x2800, 0x2c00
	VECTOR 0x3000                   // External Interrupt
	mov r16 = cr.ivr                // acknowledge: the vector moves to in-service
	movl r17 = ticks
	ld8 r18 = [r17]
	adds r18 = 1, r18
	st8 [r17] = r18, 8
	st8 [r17] = r16                 // last_vector
	mov r17 = ar.itc
	movl r18 = DELTA
	add r17 = r17, r18
	mov cr.itm = r17                // the next tick
	mov cr.eoi = r0
	srlz.d
	rfi
	STUBS 0x3400, 0x3800, 0x3c00, 0x4000, 0x4400
	STUBS 0x4800, 0x4c00, 0x5000, 0x5100, 0x5200, 0x5300, 0x5400, 0x5500, 0x5600, 0x5700, 0x5800, 0x5900, 0x5a00
	STUBS 0x5b00, 0x5c00, 0x5d00, 0x5e00, 0x5f00, 0x6000, 0x6100, 0x6200, 0x6300, 0x6400, 0x6500, 0x6600, 0x6700
	STUBS 0x6800, 0x6900, 0x6a00, 0x6b00, 0x6c00, 0x6d00, 0x6e00, 0x6f00, 0x7000, 0x7100, 0x7200, 0x7300, 0x7400
	STUBS 0x7500, 0x7600, 0x7700, 0x7800, 0x7900, 0x7a00, 0x7b00, 0x7c00, 0x7d00, 0x7e00, 0x7f00

	.include "pv.inc"
	.include "selftest.inc"
