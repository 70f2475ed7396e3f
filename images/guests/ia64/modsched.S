// modsched: self-checking modulo-scheduled loops (SDM rev 2.3 vol 1 4.5 "Software Pipelining and Loop Support",
// vol 3 br.ctop, br.cloop): a three-stage copy loop on rotating general registers and stage predicates p16-p18,
// a three-stage floating-point sum loading into rotating f32 (FR rotation through rrb.fr), the epilogue count
// in ar.ec, a one-iteration loop, and br.cloop.
	.include "xen.inc"
	.include "check.inc"

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top

	// copy 10 words src -> dst with a 3-stage pipeline
	movl r32 = src_words
	movl r33 = dst_words
	mov r34 = 10
	CALL gr_copy
	mov r4 = r8                     // ar.lc after the loop (gr_copy restores ar.lc)
	mov r5 = ar.ec
	movl r20 = src_words
	movl r21 = dst_words
	mov r22 = 10
	mov r6 = 0                      // words that differ
cmp_loop:
	ld8 r23 = [r20], 8
	ld8 r24 = [r21], 8
	cmp.ne p6, p0 = r23, r24
(p6)	adds r6 = 1, r6
	adds r22 = -1, r22
	cmp.ne p7, p0 = 0, r22
(p7)	br.cond.sptk.few cmp_loop
	ld8 r7 = [r21]                  // the word after the copy must be untouched
	CHECK_EQ r6, r0, "br.ctop 3-stage copy: 10 words through rotating r32-r34 and p16-p18"
	CHECK_EQ r4, r0, "ar.lc = 0 after the kernel iterations"
	CHECK_EQ r5, r0, "ar.ec = 0 after the two epilogue stages"
	movl r9 = 0x5555
	CHECK_EQ r7, r9, "the pipeline stores nothing past the last word"

	// one iteration: the prologue runs straight into the epilogue
	movl r32 = src_words + 72
	movl r33 = one_word
	mov r34 = 1
	CALL gr_copy
	movl r9 = one_word
	ld8 r4 = [r9], 8
	ld8 r5 = [r9]
	movl r9 = 0xa0a0a0a0a0a0a0a
	CHECK_EQ r4, r9, "br.ctop with ar.lc = 0: one iteration copies one word"
	movl r9 = 0x5555
	CHECK_EQ r5, r9, "... and nothing more"

	// sum 1.0 .. 10.0 loaded into rotating f32 and added from f34 two stages later
	movl r32 = doubles
	mov r33 = 10
	CALL fp_sum
	mov r4 = r8
	movl r9 = 0x404b800000000000    // 55.0
	CHECK_EQ r4, r9, "br.ctop FP pipeline: ldfd into rotating f32, fadd from f34 (rrb.fr)"

	// br.cloop: 1 + 2 + ... + 100
	mov r4 = 0
	mov r5 = 1
	mov ar.lc = 99
cloop:
	add r4 = r4, r5
	adds r5 = 1, r5
	br.cloop.sptk.few cloop
	mov r9 = 5050
	CHECK_EQ r4, r9, "br.cloop runs ar.lc + 1 times"
	FINISH
	.endp _start

// gr_copy(src r32, dst r33, n r34 > 0) -> r8 = ar.lc after the loop (ar.lc itself is restored): stage 1 (p16) loads into r32, stage 3 (p18) stores r34, the same value
// two rotations later.
	.proc gr_copy
gr_copy:
	alloc r40 = ar.pfs, 3, 7, 0, 8  // r32-r39 rotate; r40 (pfs), r41 (lc) do not
	mov r8 = r32
	mov r9 = r33
	adds r10 = -1, r34
	mov r41 = ar.lc                 // callee-saved
	mov ar.lc = r10
	mov ar.ec = 3
	mov pr.rot = 1 << 16            // p16 = 1, p17-p63 = 0
pipe_loop:
(p16)	ld8 r32 = [r8], 8
(p18)	st8 [r9] = r34, 8
	br.ctop.sptk.few pipe_loop
	mov r8 = ar.lc
	mov ar.lc = r41
	mov ar.pfs = r40
	br.ret.sptk.many b0
	.endp gr_copy

// fp_sum(src r32, n r33 > 0) -> r8 = the sum of n doubles, as a double
	.proc fp_sum
fp_sum:
	alloc r40 = ar.pfs, 2, 7, 0, 8
	mov r8 = r32
	adds r10 = -1, r33
	mov ar.lc = r10
	mov ar.ec = 3
	mov pr.rot = 1 << 16
	mov f8 = f0
sum_loop:
(p16)	ldfd f32 = [r8], 8
(p18)	fadd.d.s0 f8 = f8, f34
	br.ctop.sptk.few sum_loop
	getf.d r8 = f8
	mov ar.pfs = r40
	br.ret.sptk.many b0
	.endp fp_sum

	.data
	.align 8
src_words:
	data8 0x1010101010101010, 0x2020202020202020, 0x3030303030303030, 0x4040404040404040, 0x5050505050505050
	data8 0x6060606060606060, 0x7070707070707070, 0x8080808080808080, 0x9090909090909090, 0xa0a0a0a0a0a0a0a
dst_words:
	data8 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x5555
one_word:
	data8 0, 0x5555
doubles:
	data8 0x3ff0000000000000, 0x4000000000000000, 0x4008000000000000, 0x4010000000000000, 0x4014000000000000
	data8 0x4018000000000000, 0x401c000000000000, 0x4020000000000000, 0x4022000000000000, 0x4024000000000000

	.include "pv.inc"
	.include "selftest.inc"
