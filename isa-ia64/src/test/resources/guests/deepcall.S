// A call chain r9 frames deep (300 in the usual run) that overflows the 96 physical stacked registers: every alloc past the
// physical file makes the RSE spill (mandatory spills, SDM rev 2.3 vol 2 part I 6.5), the deepest frame runs
// flushrs and reads ar.bsp/ar.bspstore, and every br.ret fills its caller's frame back (6.5.3) and checks it.
// Loaded at 0x1000; the backing store starts at r8. Ends with break 0x1000; r10 counts corrupted frames,
// r20/r21 hold ar.bsp/ar.bspstore after flushrs, r22 ar.bsp back at the top, r23 ar.rnat after flushrs.
	.text
	.explicit
	.global _start
_start:
	mov ar.rsc = 0 ;;
	mov ar.bspstore = r8 ;;
	alloc r3 = ar.pfs, 0, 0, 1, 0
	mov r10 = 0
	mov r32 = r9 ;;
	br.call.sptk.many b0 = f ;;
	mov r22 = ar.bsp
	mov r2 = 0
	;;
	break.m 0x1000 ;;

// f(n): in0 = n (r32), loc0 = b0 (r33), loc1 = ar.pfs (r34), loc2 = signature (r35), out0 (r36)
f:
	alloc r34 = ar.pfs, 1, 3, 1, 0
	movl r35 = 0x5a5a000000000000 ;;
	mov r33 = b0
	add r35 = r35, r32
	cmp.eq p6, p7 = 0, r32 ;;
(p6)	br.cond.spnt.few deepest ;;
	add r36 = -1, r32
	br.call.sptk.many b0 = f ;;
check:
	movl r14 = 0x5a5a000000000000 ;;
	add r14 = r14, r32 ;;
	cmp.ne p8, p0 = r14, r35 ;;
(p8)	add r10 = 1, r10
	mov b0 = r33
	mov ar.pfs = r34 ;;
	br.ret.sptk.many b0 ;;

deepest:
	flushrs ;;
	mov r20 = ar.bsp
	mov r21 = ar.bspstore
	mov r23 = ar.rnat ;;
	br.cond.sptk.few check ;;
