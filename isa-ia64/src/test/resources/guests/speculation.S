// Control speculation with NaT and chk.s recovery (SDM rev 2.3 vol 1 4.4.4): a list walk whose load is hoisted
// above the branch that decides whether the value is used. r8 = list of r9 {pointer, use} pairs; pointers outside
// guest memory make the ld8.s defer (NaT); the NaT flows through an add into r19; when the entry is used, chk.s
// sends it to recovery code, which redoes the work without speculation (a bounds check against r13 instead of the
// faulting load). Entries not used never consume their NaT. Then a NaT in a stacked register survives a call
// whose flushrs spills it into an ar.rnat collection (vol 2 part I 6.5.2), and a NaT survives st8.spill/ld8.fill
// through ar.unat. Ends with break 0x1000. Results: r20 sum of used values (+1 each; 0x1000 for a recovered
// bad pointer), r21 recoveries, r22 skipped entries, r23 = 1 if the stacked NaT came back, r24 ar.rnat seen in
// the callee, r25 = 1 if the filled NaT is recovered, r26 ar.unat after the spill. r15 = backing store, r12 = a
// scratch slot for the spill.
	.text
	.explicit
	.global _start
_start:
	mov ar.rsc = 0 ;;
	mov ar.bspstore = r15 ;;
	alloc r3 = ar.pfs, 0, 4, 0, 0
	mov r20 = 0
	mov r21 = 0
	mov r22 = 0
	mov r23 = 0
	mov r25 = 0 ;;
loop:
	cmp.eq p6, p0 = 0, r9
(p6)	br.cond.spnt.few done ;;
	ld8 r16 = [r8], 8 ;;
	ld8.s r17 = [r16]		// hoisted above the branch below: may defer
	ld8 r18 = [r8], 8 ;;
	add r19 = 1, r17		// the NaT propagates
	cmp.eq p7, p0 = 0, r18
	add r9 = -1, r9
(p7)	br.cond.sptk.few skip ;;
	chk.s.m r19, recover ;;
back:
	add r20 = r20, r19
	br.cond.sptk.few loop ;;
skip:
	add r22 = 1, r22
	br.cond.sptk.few loop ;;
recover:
	add r21 = 1, r21
	mov r19 = 0x1000
	cmp.ltu p8, p0 = r16, r13 ;;
(p8)	ld8 r17 = [r16] ;;
(p8)	add r19 = 1, r17
	br.cond.sptk.few back ;;

done:
	ld8.s r33 = [r14]		// r14: a pointer outside guest memory
	mov r32 = 7 ;;
	br.call.sptk.many b0 = f ;;
	chk.s.i r33, stacked_ok ;;
	br.cond.sptk.few spill ;;
stacked_ok:
	mov r23 = 1 ;;
spill:
	ld8.s r17 = [r14] ;;
	st8.spill [r12] = r17 ;;
	mov r26 = ar.unat
	ld8.fill r27 = [r12] ;;
	chk.s.m r27, filled_ok ;;
	br.cond.sptk.few end ;;
filled_ok:
	mov r25 = 1 ;;
end:
	break.m 0x1000 ;;

// f: flushes the caller's frame (with its NaT) to the backing store and returns, which fills it back.
f:
	alloc r36 = ar.pfs, 0, 5, 0, 0 ;;
	flushrs ;;
	mov r24 = ar.rnat
	mov ar.pfs = r36 ;;
	br.ret.sptk.many b0 ;;
