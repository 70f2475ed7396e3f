// speculation: self-checking control and data speculation (SDM rev 2.3 vol 1 4.4.4 "Control Speculation",
// 4.4.5 "Data Speculation"; vol 3 ld.s, chk.s, ld.a, ld.c, chk.a, ldf.s, st8.spill, ld8.fill). A load hoisted
// above its guard defers its fault as a NaT bit, computation propagates it, chk.s branches to recovery code that
// redoes the load; ld.a / ld.c see through a store to the same address and ignore others; the FP registers
// defer with NaTVal; st8.spill / ld8.fill keep a NaT through ar.unat.
	.include "xen.inc"
	.include "check.inc"
	NOWHERE = 0x7ffffffff000        // no memory: loads there fault

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top

	// a speculative load from nowhere: NaT, propagated by add; chk.s recovers with a real load
	movl r20 = NOWHERE
	ld8.s r21 = [r20]
	adds r22 = 1, r21               // the NaT goes along
	tnat.nz p6, p0 = r22
	mov r4 = 0
(p6)	mov r4 = 1
	mov r5 = 0                      // recovery runs
	chk.s r22, recover1
back1:
	mov r9 = 1
	CHECK_EQ r4, r9, "ld8.s from no memory defers: NaT, propagated through add"
	mov r9 = 1
	CHECK_EQ r5, r9, "chk.s branches to the recovery code"
	movl r9 = 0x1235
	CHECK_EQ r6, r9, "the recovery's real load gives the value"

	// a speculative load that succeeds: no NaT, chk.s falls through
	movl r20 = value
	ld8.s r21 = [r20]
	mov r5 = 0
	chk.s.i r21, recover2
back2:
	CHECK_EQ r5, r0, "ld8.s from memory: no NaT, chk.s falls through"
	movl r9 = 0x1234
	CHECK_EQ r21, r9, "... with the value"

	// data speculation: ld.a, then a store to the same address, then ld.c.clr reloads
	movl r20 = value
	ld8.a r21 = [r20]
	movl r9 = 0x7777
	st8 [r20] = r9                  // invalidates the ALAT entry
	ld8.c.clr r21 = [r20]
	mov r4 = r21
	movl r9 = 0x7777
	CHECK_EQ r4, r9, "ld8.c.clr after an aliasing store reloads"
	// ld.a then a store elsewhere: chk.a.clr finds the entry and does not branch
	movl r20 = value
	movl r22 = other
	ld8.a r21 = [r20]
	st8 [r22] = r0
	mov r5 = 0
	chk.a.clr r21, recover3
back3:
	CHECK_EQ r5, r0, "chk.a.clr after a store elsewhere: no recovery"
	// invala drops every entry: chk.a.nc now branches
	ld8.a r21 = [r20]
	invala
	mov r5 = 0
	chk.a.nc r21, recover4
back4:
	mov r9 = 1
	CHECK_EQ r5, r9, "after invala chk.a.nc branches to recovery"

	// FP: ldfd.s from nowhere gives NaTVal, fma propagates it, chk.s on the FR recovers
	movl r20 = NOWHERE
	ldfd.s f6 = [r20]
	fma.s1 f7 = f6, f1, f0
	mov r5 = 0
	chk.s f7, recover5
back5:
	mov r9 = 1
	CHECK_EQ r5, r9, "ldfd.s defers to NaTVal, fma propagates it, chk.s f7 recovers"

	// st8.spill / ld8.fill carry the NaT bit through ar.unat
	movl r20 = NOWHERE
	ld8.s r21 = [r20]
	movl r22 = spill_slot
	mov ar.unat = r0
	st8.spill [r22] = r21
	mov r23 = ar.unat
	ld8.fill r24 = [r22]
	tnat.nz p6, p0 = r24
	mov r4 = 0
(p6)	mov r4 = 1
	extr.u r5 = r22, 3, 6           // the ar.unat bit of the slot
	shr.u r23 = r23, r5
	and r23 = 1, r23
	mov r9 = 1
	CHECK_EQ r23, r9, "st8.spill of a NaT register sets its ar.unat bit"
	mov r9 = 1
	CHECK_EQ r4, r9, "ld8.fill brings the NaT back"
	FINISH

recover1:
	mov r5 = 1
	movl r20 = value
	ld8 r21 = [r20]
	adds r6 = 1, r21
	br.cond.sptk.few back1
recover2:
	mov r5 = 1
	br.cond.sptk.few back2
recover3:
	mov r5 = 1
	br.cond.sptk.few back3
recover4:
	mov r5 = 1
	br.cond.sptk.few back4
recover5:
	mov r5 = 1
	br.cond.sptk.few back5
	.endp _start

	.data
	.align 8
value:
	data8 0x1234
other:
	data8 0x9999
spill_slot:
	data8 0

	.include "pv.inc"
	.include "selftest.inc"
