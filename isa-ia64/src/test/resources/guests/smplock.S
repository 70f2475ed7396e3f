// Four vCPUs share a spinlock (cmpxchg4.acq to take it, xchg4 to drop it) around a plain ld8/add/st8 counter,
// and bump a second counter with fetchadd8.acq, r9 times each (SDM rev 2.3 vol 3 cmpxchg, xchg, fetchadd).
// r2 = lock, r10 = counter under the lock, r11 = fetchadd counter; ends with break 0x1000.
	.text
	.explicit
	.global _start
_start:
	mov r3 = 1
	mov ar.ccv = r0 ;;
loop:
	cmpxchg4.acq r4 = [r2], r3, ar.ccv ;;
	cmp.ne p6, p0 = 0, r4
(p6)	br.cond.spnt.few loop ;;
	ld8 r5 = [r10] ;;
	adds r5 = 1, r5 ;;
	st8 [r10] = r5 ;;
	xchg4 r6 = [r2], r0 ;;
	fetchadd8.acq r7 = [r11], 1
	adds r9 = -1, r9 ;;
	cmp.ne p7, p0 = 0, r9
(p7)	br.cond.sptk.few loop ;;
	break.m 0x1000 ;;
