// smp: a self-checking ia64 PV guest with four vCPUs (images/README.md, "ia64 PV ABI").
// vCPU 0 brings vCPUs 1..3 up with VCPUOP_initialise (Polyvisor's 1088-byte ia64 struct vcpu_guest_context) and
// VCPUOP_up, after checking that contexts with cpl 3 or a misaligned ar.bspstore are refused (-EINVAL). All four
// vCPUs then add 1 ROUNDS times to a counter with fetchadd8.acq and to a second one inside a cmpxchg8.acq /
// st8.rel spin lock. Then vCPU 0 installs its IVT, binds an IPI port to itself (EVTCHNOP_bind_ipi), unmasks
// upcalls in its vcpu_info and sends itself the event (EVTCHNOP_send) while PSR.i = 0: the upcall stays pending
// until PSR.i = 1, then arrives as an External Interrupt (IVT offset 0x3000) whose cr.ivr vector is 0xe9; the
// handler clears evtchn_upcall_pending and pending_sel, takes the port's evtchn_pending bit with cmpxchg8 and
// counts the event. Prints PASS/FAIL lines and a summary, then powers off.
	.include "xen.inc"
	.include "check.inc"
	.include "ivt.inc"
	HC_VCPU_OP = 24
	HC_EVENT_CHANNEL_OP = 32
	VCPUOP_INITIALISE = 0
	VCPUOP_UP = 1
	EVTCHNOP_SEND = 4
	EVTCHNOP_BIND_IPI = 7
	SI_SHARED_INFO = 40             // start_info.shared_info (64-bit layout)
	EVTCHN_PENDING = 2048           // shared_info.evtchn_pending[], after the 32 64-byte vcpu_info slots
	EVENT_VECTOR = 0xe9             // the vector of the event upcall (images/README.md)
	EINVAL = 22
	EEXIST = 17
	ROUNDS = 1000
	WAIT = 200000                   // yields before vCPU 0 gives up on the others
	// struct vcpu_guest_context (ia64, images/README.md): the offsets this image fills
	CTX_SIZE = 1088
	CTX_IP = 8
	CTX_PSR = 16
	CTX_GR = 104
	CTX_BSP = 376
	CTX_BSPSTORE = 384
	CTX_FPSR = 416
	AREA = 8192                     // per secondary: backing store from the bottom, memory stack from the top

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top
	adds r9 = SI_SHARED_INFO, r28
	ld8 r9 = [r9]
	movl r10 = shared_info
	st8 [r10] = r9
	bsw.1                           // after reading r28: the External Interrupt handler works in bank 0's r16-r31

	// A context with psr.cpl = 3 is refused.
	mov r32 = 3
	CALL fill_context
	movl r9 = ctx + CTX_PSR
	movl r10 = 3 << 32
	st8 [r9] = r10
	mov r15 = 3
	CALL initialise
	mov r4 = r8
	mov r5 = -EINVAL
	CHECK_EQ r4, r5, "VCPUOP_initialise with psr.cpl = 3 is -EINVAL"

	// So is one whose ar.bspstore is not 8-byte aligned.
	mov r32 = 3
	CALL fill_context
	movl r9 = ctx + CTX_BSP
	ld8 r10 = [r9]
	adds r10 = 4, r10
	st8 [r9] = r10, CTX_BSPSTORE - CTX_BSP
	st8 [r9] = r10
	mov r15 = 3
	CALL initialise
	mov r4 = r8
	mov r5 = -EINVAL
	CHECK_EQ r4, r5, "VCPUOP_initialise with a misaligned ar.bspstore is -EINVAL"

	// vCPUs 1..3: initialise, then up. r6 / r7 collect the results.
	mov r4 = 1
	mov r6 = 0
	mov r7 = 0
up_loop:
	mov r32 = r4
	CALL fill_context
	mov r15 = r4
	CALL initialise
	or r6 = r6, r8
	mov r2 = HC_VCPU_OP
	mov r14 = VCPUOP_UP
	mov r15 = r4
	mov r16 = 0
	break.m HYPERCALL_IMM
	or r7 = r7, r8
	adds r4 = 1, r4
	cmp.gtu p6, p0 = 4, r4
(p6)	br.cond.sptk.few up_loop
	CHECK_EQ r6, r0, "VCPUOP_initialise of vCPUs 1-3"
	CHECK_EQ r7, r0, "VCPUOP_up of vCPUs 1-3"

	// A second VCPUOP_initialise of vCPU 1 is -EEXIST.
	mov r32 = 1
	CALL fill_context
	mov r15 = 1
	CALL initialise
	mov r4 = r8
	mov r5 = -EEXIST
	CHECK_EQ r4, r5, "VCPUOP_initialise of vCPU 1 again is -EEXIST"

	CALL count
	movl r4 = WAIT
wait_done:
	movl r9 = done
	ld8 r10 = [r9]
	cmp.eq p6, p0 = 4, r10
(p6)	br.cond.dpnt.few all_done
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_YIELD
	break.m HYPERCALL_IMM
	adds r4 = -1, r4
	cmp.ne p7, p0 = 0, r4
(p7)	br.cond.sptk.few wait_done
all_done:
	movl r9 = done
	ld8 r4 = [r9]
	mov r5 = 4
	CHECK_EQ r4, r5, "four vCPUs counted"
	movl r9 = counter
	ld8 r4 = [r9]
	movl r5 = 4 * ROUNDS
	CHECK_EQ r4, r5, "fetchadd8.acq counter is 4000"
	movl r9 = locked_counter
	ld8 r4 = [r9]
	movl r5 = 4 * ROUNDS
	CHECK_EQ r4, r5, "cmpxchg8.acq lock kept its counter at 4000"

	// The event upcall: IVT, an IPI port bound to vCPU 0, upcalls unmasked, the event sent with PSR.i = 0.
	movl r9 = ivt
	mov cr.iva = r9
	srlz.i
	mov cr.tpr = r0
	srlz.d
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_BIND_IPI
	movl r15 = bind_ipi
	break.m HYPERCALL_IMM
	mov r4 = r8
	CHECK_EQ r4, r0, "EVTCHNOP_bind_ipi"
	movl r9 = shared_info
	ld8 r9 = [r9]
	adds r9 = 1, r9
	st1 [r9] = r0                   // vcpu_info[0].evtchn_upcall_mask = 0
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_SEND
	movl r15 = bind_ipi + 4         // struct evtchn_send { port }: the port bind_ipi returned
	break.m HYPERCALL_IMM
	mov r4 = r8
	CHECK_EQ r4, r0, "EVTCHNOP_send to our own IPI port"
	movl r20 = 10000
quiet:
	adds r20 = -1, r20
	cmp.ne p6, p0 = 0, r20
(p6)	br.cond.sptk.few quiet
	movl r9 = events
	ld8 r4 = [r9]
	CHECK_EQ r4, r0, "no upcall while PSR.i = 0"
	movl r9 = shared_info
	ld8 r9 = [r9]
	ld1 r4 = [r9]
	mov r5 = 1
	CHECK_EQ r4, r5, "evtchn_upcall_pending stays set while the upcall waits"

	movl r20 = 100000
	movl r21 = events
	ssm 0x6000                      // psr.ic and psr.i
	srlz.d
wait_event:
	ld8 r22 = [r21]
	adds r20 = -1, r20
	cmp.eq p6, p0 = 0, r22
	cmp.ne.and p6, p0 = 0, r20
(p6)	br.cond.sptk.few wait_event
	rsm 0x6000
	srlz.d
	ld8 r4 = [r21]
	mov r5 = 1
	CHECK_EQ r4, r5, "the upcall arrived once through vector 0x3000 with the IPI port pending"
	movl r9 = last_vector
	ld8 r4 = [r9]
	mov r5 = EVENT_VECTOR
	CHECK_EQ r4, r5, "cr.ivr gives the event vector 0xe9"
	movl r9 = shared_info
	ld8 r9 = [r9]
	ld1 r4 = [r9]
	CHECK_EQ r4, r0, "the handler cleared evtchn_upcall_pending"
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

// initialise(vCPU r15): vcpu_op(VCPUOP_initialise, r15, ctx); the result in r8.
	.proc initialise
initialise:
	mov r2 = HC_VCPU_OP
	mov r14 = VCPUOP_INITIALISE
	movl r16 = ctx
	break.m HYPERCALL_IMM
	br.ret.sptk.many b0
	.endp initialise

// fill_context(id r32): zeroes ctx, then describes vCPU id's start: ip = secondary, psr = 0 (physical mode, cpl 0,
// interrupts masked), r12 = the top of its memory stack, r13 = id, ar.bsp = ar.bspstore = the bottom of its
// area, ar.fpsr = ours. Its CFM, rr0-7 and cr.iva stay 0.
	.proc fill_context
fill_context:
	alloc r33 = ar.pfs, 1, 3, 0, 0  // in r32; locals r33 (pfs), r34, r35
	movl r34 = ctx
	mov r35 = CTX_SIZE / 8
fill_zero:
	st8 [r34] = r0, 8
	adds r35 = -1, r35
	cmp.ne p6, p0 = 0, r35
(p6)	br.cond.sptk.few fill_zero
	movl r34 = ctx
	movl r9 = secondary
	adds r10 = CTX_IP, r34
	st8 [r10] = r9
	adds r9 = -1, r32
	shl r9 = r9, 13                 // (id - 1) * AREA
	movl r10 = areas
	add r9 = r9, r10                // the area's bottom: the backing store
	adds r10 = CTX_BSP, r34
	st8 [r10] = r9
	adds r10 = CTX_BSPSTORE, r34
	st8 [r10] = r9
	movl r11 = AREA - 16
	add r9 = r9, r11                // the memory stack's top (16 bytes of scratch above sp)
	adds r10 = CTX_GR + 8 * 12, r34
	st8 [r10] = r9
	adds r10 = CTX_GR + 8 * 13, r34
	st8 [r10] = r32
	mov r9 = ar.fpsr
	adds r10 = CTX_FPSR, r34
	st8 [r10] = r9
	mov ar.pfs = r33
	br.ret.sptk.many b0
	.endp fill_context

// count(): adds 1 to counter ROUNDS times with fetchadd8.acq and to locked_counter inside the cmpxchg8 lock,
// then adds 1 to done.
	.proc count
count:
	alloc r36 = ar.pfs, 0, 5, 0, 0  // locals r32 (rounds), r33 (counter), r34 (lock), r35 (locked_counter), r36 (pfs)
	movl r32 = ROUNDS
	movl r33 = counter
	movl r34 = lock
	movl r35 = locked_counter
count_loop:
	fetchadd8.acq r9 = [r33], 1
acquire:
	ld8 r10 = [r34]
	cmp.ne p6, p0 = 0, r10          // held: spin reading until it looks free
(p6)	br.cond.spnt.few acquire
	mov ar.ccv = r0
	mov r10 = 1
	cmpxchg8.acq r11 = [r34], r10, ar.ccv
	cmp.ne p7, p0 = 0, r11          // someone else got it first
(p7)	br.cond.spnt.few acquire
	ld8 r9 = [r35]
	adds r9 = 1, r9
	st8 [r35] = r9
	st8.rel [r34] = r0              // release
	adds r32 = -1, r32
	cmp.ne p8, p0 = 0, r32
(p8)	br.cond.sptk.few count_loop
	movl r9 = done
	fetchadd8.rel r10 = [r9], 1
	mov ar.pfs = r36
	br.ret.sptk.many b0
	.endp count

// secondary: vCPUs 1..3 start here (r13 = id) with the context fill_context gave; count, then yield forever.
	.proc secondary
secondary:
	alloc r3 = ar.pfs, 0, 0, 0, 0
	CALL count
idle:
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_YIELD
	break.m HYPERCALL_IMM
	br.cond.sptk.few idle
	.endp secondary

	.section .rodata
msg_unexpected:
	.asciz "an unexpected interruption"

	.data
	.align 8
shared_info:
	data8 0
counter:
	data8 0
locked_counter:
	data8 0
lock:
	data8 0
done:
	data8 0
events:
	data8 0
last_vector:
	data8 0
bind_ipi:
	data4 0, 0                      // struct evtchn_bind_ipi { vcpu = 0; OUT port; }

	.bss
	.align 16
ctx:
	.skip CTX_SIZE
	.align 16
areas:
	.skip 3 * AREA

	.text
	.align 32768
ivt:
	STUBS 0x0000, 0x0400, 0x0800, 0x0c00, 0x1000, 0x1400, 0x1800, 0x1c00, 0x2000, 0x2400, 0x2800, 0x2c00
	VECTOR 0x3000                   // External Interrupt: the event upcall (bank 0's r16-r31 are free here)
	mov r29 = pr                    // the interrupted code's predicates
	mov r16 = cr.ivr                // acknowledge: the vector moves to in-service
	movl r17 = last_vector
	st8 [r17] = r16
	movl r17 = shared_info
	ld8 r17 = [r17]
	st1 [r17] = r0                  // vcpu_info[0].evtchn_upcall_pending = 0
	adds r18 = 8, r17
	xchg8 r19 = [r18], r0           // take evtchn_pending_sel
	movl r20 = bind_ipi + 4
	ld4 r20 = [r20]                 // the IPI port
	extr.u r21 = r20, 6, 26
	shladd r21 = r21, 3, r17
	adds r21 = EVTCHN_PENDING, r21  // its evtchn_pending word
	and r22 = 63, r20
	mov r23 = 1
	shl r23 = r23, r22              // its bit
take_bit:
	ld8 r24 = [r21]
	mov ar.ccv = r24
	andcm r25 = r24, r23
	cmpxchg8.acq r26 = [r21], r25, ar.ccv
	cmp.ne p6, p0 = r24, r26
(p6)	br.cond.spnt.few take_bit
	and r24 = r24, r23
	cmp.eq p7, p0 = 0, r24
(p7)	br.cond.spnt.few upcall_done
	movl r27 = events
	fetchadd8.rel r28 = [r27], 1
upcall_done:
	mov cr.eoi = r0
	mov pr = r29, -1
	srlz.d
	rfi
	STUBS 0x3400, 0x3800, 0x3c00, 0x4000, 0x4400
	STUBS 0x4800, 0x4c00, 0x5000, 0x5100, 0x5200, 0x5300, 0x5400, 0x5500, 0x5600, 0x5700, 0x5800, 0x5900, 0x5a00
	STUBS 0x5b00, 0x5c00, 0x5d00, 0x5e00, 0x5f00, 0x6000, 0x6100, 0x6200, 0x6300, 0x6400, 0x6500, 0x6600, 0x6700
	STUBS 0x6800, 0x6900, 0x6a00, 0x6b00, 0x6c00, 0x6d00, 0x6e00, 0x6f00, 0x7000, 0x7100, 0x7200, 0x7300, 0x7400
	STUBS 0x7500, 0x7600, 0x7700, 0x7800, 0x7900, 0x7a00, 0x7b00, 0x7c00, 0x7d00, 0x7e00, 0x7f00

	.include "pv.inc"
	.include "selftest.inc"
