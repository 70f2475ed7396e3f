// rse: self-checking register stack engine image (SDM rev 2.3 vol 2 part I chapter 6). A call chain 200 frames
// deep, 5 stacked registers each, overflows the 96 physical stacked registers: allocs spill the oldest frames
// (mandatory spills), returns fill them back. Frame 150 holds a NaT register (ld8.s from no memory) that must
// come back as NaT through its NaT collection. The deepest frame runs flushrs and the image reads the backing
// store: every frame's registers at their addresses (6.5.2, figure 6-5), the NaT bit in its collection.
	.include "xen.inc"
	.include "check.inc"
	DEPTH = 200
	NAT_AT = 150
	SIG = 0x5a5a000000000000

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top
	mov ar.rsc = 0                  // enforced lazy mode: ar.bspstore may be written
	movl r9 = rbs_area + 0x100      // the backing store starts mid collection group
	mov ar.bspstore = r9
	mov r4 = r9                     // r4: where the backing store starts
	mov r5 = 0                      // r5: frames whose registers came back wrong
	mov r7 = 0                      // r7: NaT bits that came back
	mov r32 = DEPTH
	br.call.sptk.many b0 = f
	mov r6 = ar.bsp                 // r6: ar.bsp back in this frame

	CHECK_EQ r5, r0, "200-frame call chain: every frame's registers intact after spills and fills"
	mov r9 = 1
	CHECK_EQ r7, r9, "a NaT register spilled and filled keeps its NaT bit (ar.rnat collections)"
	CHECK_EQ r6, r4, "ar.bsp back at the start of the backing store after the returns"

	movl r20 = deep_vals
	ld8 r21 = [r20], 8              // ar.bsp after flushrs
	ld8 r22 = [r20], 8              // ar.bspstore after flushrs
	ld8 r23 = [r20]                 // ar.rnat after flushrs
	CHECK_EQ r21, r22, "flushrs: ar.bspstore = ar.bsp"
	mov r9 = r4                     // expected ar.bsp: 5 * DEPTH registers above the start, collections skipped
	movl r10 = 5 * DEPTH
	br.call.sptk.many b0 = skip
	mov r21 = r8
	movl r20 = deep_vals
	ld8 r22 = [r20]
	CHECK_EQ r21, r22, "ar.bsp in the deepest frame = start + 1000 registers + every NaT collection slot"

	// the backing store image: frame k (n = DEPTH - k) at skip(start, 5k): n, b0, SIG + n, r35, ar.pfs
	mov r24 = r4                    // address
	mov r25 = DEPTH                 // n
	mov r26 = 0                     // words that differ
image_loop:
	CALL next_word
	cmp.ne p6, p0 = r8, r25
(p6)	adds r26 = 1, r26
	CALL next_word                  // b0
	CALL next_word                  // SIG + n
	movl r9 = SIG
	add r9 = r9, r25
	cmp.ne p6, p0 = r8, r9
(p6)	adds r26 = 1, r26
	CALL next_word                  // r35
	CALL next_word                  // ar.pfs
	adds r25 = -1, r25
	cmp.ne p7, p0 = 0, r25
(p7)	br.cond.sptk.few image_loop
	CHECK_EQ r26, r0, "backing store image: 200 frames of 5 registers in order, collections skipped"

	// frame NAT_AT's r35 is register 5 * (DEPTH - NAT_AT) + 3: its NaT bit is in the collection of its group
	mov r9 = r4
	movl r10 = 5 * (DEPTH - NAT_AT) + 3
	br.call.sptk.many b0 = skip
	mov r27 = r8                    // its address
	mov r9 = 0x1f8
	or r28 = r9, r27                // the collection slot of its group
	movl r20 = deep_vals
	ld8 r29 = [r20]                 // ar.bsp after flushrs
	adds r20 = 16, r20
	ld8 r30 = [r20]                 // ar.rnat after flushrs
	cmp.ltu p6, p7 = r28, r29
(p6)	ld8 r30 = [r28]                 // the collection was stored below ar.bsp
	extr.u r31 = r27, 3, 6
	shr.u r30 = r30, r31
	and r30 = 1, r30
	mov r9 = 1
	CHECK_EQ r30, r9, "the NaT register's bit is set in its NaT collection"
	FINISH
	.endp _start

// next_word(r24 address) -> r8 = the register stored there, r24 = the next one (collection slots skipped)
	.proc next_word
next_word:
	extr.u r9 = r24, 3, 6
	cmp.eq p6, p0 = 63, r9
(p6)	adds r24 = 8, r24
	ld8 r8 = [r24], 8
	br.ret.sptk.many b0
	.endp next_word

// skip(r9 address, r10 count) -> r8 = the address r10 registers above, stepping over collection slots (6.5.2)
	.proc skip
skip:
	cmp.eq p6, p0 = 0, r10
(p6)	br.cond.dpnt.few skip_done
	adds r9 = 8, r9
	extr.u r11 = r9, 3, 6
	cmp.eq p7, p0 = 63, r11
(p7)	adds r9 = 8, r9
	adds r10 = -1, r10
	br.cond.sptk.few skip
skip_done:
	mov r8 = r9
	br.ret.sptk.many b0
	.endp skip

// f(n r32): locals r33 = b0, r34 = SIG + n, r35 = n (NaT in frame NAT_AT), r36 = ar.pfs; out r37 = n - 1
	.proc f
f:
	alloc r36 = ar.pfs, 1, 4, 1, 0
	mov r33 = b0
	movl r34 = SIG
	add r34 = r34, r32
	mov r35 = r32
	mov r9 = NAT_AT
	cmp.eq p6, p0 = r9, r32
	movl r9 = 0x7ffffffff000        // no memory there: ld8.s defers
(p6)	ld8.s r35 = [r9]
	cmp.eq p7, p0 = 0, r32
(p7)	br.cond.spnt.few deepest
	adds r37 = -1, r32
	br.call.sptk.many b0 = f
f_back:
	movl r9 = SIG
	add r9 = r9, r32
	cmp.ne p8, p0 = r9, r34
(p8)	adds r5 = 1, r5
	mov r9 = NAT_AT
	cmp.eq p6, p9 = r9, r32
	tnat.nz p10, p0 = r35
	mov r10 = 0
(p10)	mov r10 = 1                     // r10: r35 is NaT
(p6)	add r7 = r7, r10                // frame NAT_AT: its NaT came back
(p9)	add r5 = r5, r10                // an ordinary frame: r35 = n, no NaT
(p9)	cmp.ne.unc p13, p0 = r35, r32
(p13)	adds r5 = 1, r5
	mov b0 = r33
	mov ar.pfs = r36
	br.ret.sptk.many b0
deepest:
	flushrs
	movl r9 = deep_vals
	mov r10 = ar.bsp
	st8 [r9] = r10, 8
	mov r10 = ar.bspstore
	st8 [r9] = r10, 8
	mov r10 = ar.rnat
	st8 [r9] = r10
	br.cond.sptk.few f_back
	.endp f

	.bss
	.align 512
rbs_area:
	.skip 16384
	.align 8
deep_vals:
	.skip 24

	.include "pv.inc"
	.include "selftest.inc"
