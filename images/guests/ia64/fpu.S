// fpu: self-checking floating-point image (SDM rev 2.3 vol 1 chapter 5, vol 3). Integer division by frcpa and
// Newton-Raphson in sf1 (64-bit precision, 17-bit exponents) as compilers emit it, signed and unsigned, over a
// table of edge cases; the remainder by xma.l; double division by the same refinement ending in one rounding
// in sf0; fused multiply-add against separate rounding; fcvt rounding; NaN compares; the inexact flag in
// ar.fpsr; ldfe/stfe and stf.spill/ldf.fill of NaTVal; fclass. Prints PASS/FAIL lines and a summary, powers off.
	.include "xen.inc"
	.include "check.inc"


	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = stack_top

	// signed 64-bit division over the table: r20 counts wrong quotients
	movl r21 = sdiv_table
	mov r22 = SDIV_COUNT
	mov r20 = 0
sdiv_loop:
	ld8 r14 = [r21], 8
	ld8 r15 = [r21], 8
	ld8 r23 = [r21], 8
	br.call.sptk.many b0 = divs
	cmp.ne p6, p0 = r8, r23
(p6)	adds r20 = 1, r20
	adds r22 = -1, r22
	cmp.ne p7, p0 = 0, r22
(p7)	br.cond.sptk.few sdiv_loop
	CHECK_EQ r20, r0, "signed 64-bit division: frcpa + Newton-Raphson in sf1, 12 quotients"

	movl r21 = udiv_table
	mov r22 = UDIV_COUNT
	mov r20 = 0
udiv_loop:
	ld8 r14 = [r21], 8
	ld8 r15 = [r21], 8
	ld8 r23 = [r21], 8
	br.call.sptk.many b0 = divu
	cmp.ne p6, p0 = r8, r23
(p6)	adds r20 = 1, r20
	adds r22 = -1, r22
	cmp.ne p7, p0 = 0, r22
(p7)	br.cond.sptk.few udiv_loop
	CHECK_EQ r20, r0, "unsigned 64-bit division (fcvt.xuf, fcvt.fxu.trunc), 6 quotients"

	// remainder: a - (a / b) * b with xma.l
	movl r14 = 999999999999999999
	movl r15 = 1000000007
	br.call.sptk.many b0 = divs
	setf.sig f6 = r8
	setf.sig f7 = r15
	xma.l f8 = f6, f7, f0
	getf.sig r9 = f8
	sub r9 = r14, r9
	movl r10 = 999999999999999999 % 1000000007
	CHECK_EQ r9, r10, "remainder by xma.l"

	// xma.hu / xma.h: the high halves of 2^64-1 squared, unsigned and signed
	mov r9 = -1
	setf.sig f6 = r9
	xmpy.hu f8 = f6, f6
	xmpy.h f9 = f6, f6
	getf.sig r4 = f8
	getf.sig r5 = f9
	adds r9 = -2, r0
	CHECK_EQ r4, r9, "xmpy.hu: high half of (2^64-1)^2"
	CHECK_EQ r5, r0, "xmpy.h: high half of (-1)^2"

	// double division with one final rounding in sf0
	movl r21 = ddiv_table
	mov r22 = DDIV_COUNT
	mov r20 = 0
ddiv_loop:
	ld8 r14 = [r21], 8
	ld8 r15 = [r21], 8
	ld8 r23 = [r21], 8
	br.call.sptk.many b0 = divd
	cmp.ne p6, p0 = r8, r23
(p6)	adds r20 = 1, r20
	adds r22 = -1, r22
	cmp.ne p7, p0 = 0, r22
(p7)	br.cond.sptk.few ddiv_loop
	CHECK_EQ r20, r0, "double division 1/3, 2/3, 10/7, 355/113 correctly rounded"

	// 0.1 + 0.2 in double, and the inexact flag it leaves in sf0
	fclrf.s0
	movl r9 = 0x3fb999999999999a
	movl r10 = 0x3fc999999999999a
	setf.d f6 = r9
	setf.d f7 = r10
	fadd.d.s0 f8 = f6, f7
	getf.d r11 = f8
	movl r9 = 0x3fd3333333333334
	CHECK_EQ r11, r9, "fadd.d: 0.1 + 0.2 = 0x3fd3333333333334"
	mov r9 = ar.fpsr
	extr.u r10 = r9, 6 + 7, 6
	mov r11 = 32
	CHECK_EQ r10, r11, "ar.fpsr.sf0.flags: inexact only"

	// fused: (1 + 2^-30)^2 - (1 + 2^-29) = 2^-60 exactly; rounded product first gives 0
	movl r9 = 0x3ff0000000400000
	movl r10 = 0x3ff0000000800000
	setf.d f6 = r9
	setf.d f7 = r10
	fms.d.s0 f8 = f6, f6, f7
	fmpy.d.s0 f9 = f6, f6
	fsub.d.s0 f9 = f9, f7
	getf.d r11 = f8
	getf.d r13 = f9
	movl r9 = 0x3c30000000000000
	CHECK_EQ r11, r9, "fms.d is fused: one rounding"
	CHECK_EQ r13, r0, "fmpy.d then fsub.d: two roundings"

	// fcvt: round to nearest even and truncation
	movl r9 = 0x4004000000000000    // 2.5
	movl r10 = 0xc004000000000000   // -2.5
	movl r11 = 0x400c000000000000   // 3.5
	setf.d f6 = r9
	setf.d f7 = r10
	setf.d f9 = r11
	fcvt.fx.s0 f10 = f6
	fcvt.fx.trunc.s0 f11 = f7
	fcvt.fx.s0 f13 = f9
	getf.sig r4 = f10
	getf.sig r5 = f11
	getf.sig r6 = f13
	mov r7 = 2
	CHECK_EQ r4, r7, "fcvt.fx: 2.5 -> 2 (nearest even)"
	adds r7 = -2, r0
	CHECK_EQ r5, r7, "fcvt.fx.trunc: -2.5 -> -2"
	mov r7 = 4
	CHECK_EQ r6, r7, "fcvt.fx: 3.5 -> 4"
	// fcvt.xf of -7 and back through fcvt.fx
	adds r9 = -7, r0
	setf.sig f6 = r9
	fcvt.xf f7 = f6
	fcvt.fx.s0 f8 = f7
	getf.sig r10 = f8
	CHECK_EQ r10, r9, "fcvt.xf / fcvt.fx round trip of -7"

	// NaN compares unordered and unequal
	movl r9 = 0x7ff8000000000000
	setf.d f6 = r9
	fcmp.unord.s1 p6, p7 = f6, f6
	mov r10 = 0
(p6)	mov r10 = 1
	fcmp.eq.s1 p8, p9 = f6, f6
(p8)	mov r10 = 0
	mov r11 = 1
	CHECK_EQ r10, r11, "fcmp: NaN is unordered and not equal to itself"

	// fclass: +1.0 is a positive normal, not a NaN
	fclass.m p6, p7 = f1, 0x011
	fclass.m p8, p9 = f1, 0x0c3
	mov r10 = 0
(p6)	adds r10 = 1, r10
(p9)	adds r10 = 1, r10
	mov r11 = 2
	CHECK_EQ r10, r11, "fclass.m: f1 is +normal, not NaN"

	// ldfe / stfe keep every bit of a double-extended value (pi to 64 bits)
	movl r9 = fp_buf
	movl r10 = 0xc90fdaa22168c235
	st8 [r9] = r10
	adds r11 = 8, r9
	mov r10 = 0x4000
	st2 [r11] = r10
	ldfe f6 = [r9]
	adds r11 = 16, r9
	stfe [r11] = f6
	ld8 r4 = [r11]
	adds r11 = 24, r9
	ld2 r5 = [r11]
	movl r10 = 0xc90fdaa22168c235
	CHECK_EQ r4, r10, "stfe: significand of pi"
	mov r10 = 0x4000
	CHECK_EQ r5, r10, "stfe: sign and exponent of pi"

	// NaTVal: ldfd.s from no memory defers; stf.spill / ldf.fill keep it; chk.s sees it
	movl r9 = 0x7ffffffff000
	ldfd.s f6 = [r9]
	movl r11 = fp_buf
	stf.spill [r11] = f6
	ldf.fill f7 = [r11]
	mov r10 = 0
	chk.s f7, natval_recovery
	br.cond.sptk.few natval_done
natval_recovery:
	mov r10 = 1
natval_done:
	mov r11 = 1
	CHECK_EQ r10, r11, "ldfd.s defers to NaTVal; stf.spill/ldf.fill keep it; chk.s recovers"
	getf.sig r13 = f7
	tnat.nz p6, p0 = r13
	mov r10 = 0
(p6)	mov r10 = 1
	CHECK_EQ r10, r11, "getf of NaTVal gives a NaT register"

	FINISH
	.endp _start

// divs(r14 a, r15 b) -> r8 = a / b, signed, truncated (the compilers' inline sequence for 64-bit division)
	.proc divs
divs:
	setf.sig f8 = r14
	setf.sig f9 = r15
	fcvt.xf f8 = f8
	fcvt.xf f9 = f9
	frcpa.s1 f10, p6 = f8, f9
(p6)	fmpy.s1 f11 = f8, f10           // q0 = a * y0
(p6)	fnma.s1 f12 = f9, f10, f1       // e0 = 1 - b * y0
(p6)	fma.s1 f11 = f12, f11, f11      // q1 = q0 + e0 * q0
(p6)	fmpy.s1 f13 = f12, f12          // e1 = e0 * e0
(p6)	fma.s1 f10 = f12, f10, f10      // y1 = y0 + e0 * y0
(p6)	fma.s1 f11 = f13, f11, f11      // q2 = q1 + e1 * q1
(p6)	fma.s1 f10 = f13, f10, f10      // y2 = y1 + e1 * y1
(p6)	fnma.s1 f12 = f9, f11, f8       // r2 = a - b * q2
(p6)	fma.s1 f10 = f12, f10, f11      // q3 = q2 + r2 * y2
	fcvt.fx.trunc.s1 f10 = f10
	getf.sig r8 = f10
	br.ret.sptk.many b0
	.endp divs

// divu(r14 a, r15 b) -> r8 = a / b, unsigned
	.proc divu
divu:
	setf.sig f8 = r14
	setf.sig f9 = r15
	fcvt.xuf.s1 f8 = f8
	fcvt.xuf.s1 f9 = f9
	frcpa.s1 f10, p6 = f8, f9
(p6)	fmpy.s1 f11 = f8, f10
(p6)	fnma.s1 f12 = f9, f10, f1
(p6)	fma.s1 f11 = f12, f11, f11
(p6)	fmpy.s1 f13 = f12, f12
(p6)	fma.s1 f10 = f12, f10, f10
(p6)	fma.s1 f11 = f13, f11, f11
(p6)	fma.s1 f10 = f13, f10, f10
(p6)	fnma.s1 f12 = f9, f11, f8
(p6)	fma.s1 f10 = f12, f10, f11
	fcvt.fxu.trunc.s1 f10 = f10
	getf.sig r8 = f10
	br.ret.sptk.many b0
	.endp divu

// divd(r14 a, r15 b: doubles) -> r8 = a / b correctly rounded: refinement in sf1, the last step in sf0 (double)
	.proc divd
divd:
	setf.d f8 = r14
	setf.d f9 = r15
	frcpa.s0 f10, p6 = f8, f9       // y0 (or the IEEE quotient, p6 = 0)
(p6)	fnma.s1 f11 = f9, f10, f1       // e0 = 1 - b * y0
(p6)	fmpy.s1 f12 = f8, f10           // q0 = a * y0
(p6)	fmpy.s1 f13 = f11, f11          // e1 = e0^2
(p6)	fma.s1 f12 = f11, f12, f12      // q1 = q0 + e0 * q0
(p6)	fma.s1 f10 = f11, f10, f10      // y1 = y0 + e0 * y0
(p6)	fmpy.s1 f14 = f13, f13          // e2 = e1^2
(p6)	fma.s1 f12 = f13, f12, f12      // q2 = q1 + e1 * q1
(p6)	fma.s1 f10 = f13, f10, f10      // y2 = y1 + e1 * y1
(p6)	fma.d.s1 f12 = f14, f12, f12    // q3 = q2 + e2 * q2, to double precision
(p6)	fma.s1 f10 = f14, f10, f10      // y3 = y2 + e2 * y2
(p6)	fnma.s1 f15 = f9, f12, f8       // r = a - b * q3, exact
(p6)	fma.d.s0 f10 = f15, f10, f12    // q = q3 + r * y3, the one rounding to double
	getf.d r8 = f10
	br.ret.sptk.many b0
	.endp divd

	.section .rodata
	.align 8
	SDIV_COUNT = 12
sdiv_table:
	data8 0x64, 0x7, 0xe
	data8 0xffffffffffffff9c, 0x7, 0xfffffffffffffff2
	data8 0x64, 0xfffffffffffffff9, 0xfffffffffffffff2
	data8 0xffffffffffffff9c, 0xfffffffffffffff9, 0xe
	data8 0x7fffffffffffffff, 0x3, 0x2aaaaaaaaaaaaaaa
	data8 0x8000000000000000, 0x7, 0xedb6db6db6db6db7
	data8 0x7048860ddf79, 0x1, 0x7048860ddf79
	data8 0x1, 0x75bcd15, 0x0
	data8 0x123456789abcdef, 0xfedcba98, 0x1249249
	data8 0x8000000000000001, 0xffffffffffffffff, 0x7fffffffffffffff
	data8 0xde0b6b3a763ffff, 0x3b9aca07, 0x3b9ac9f9
	data8 0x6, 0x6, 0x1
	UDIV_COUNT = 6
udiv_table:
	data8 0xffffffffffffffff, 0x3, 0x5555555555555555
	data8 0xffffffffffffffff, 0xffffffffffffffff, 0x1
	data8 0x8000000000000000, 0x8000000000000001, 0x0
	data8 0xfedcba9876543210, 0x10, 0xfedcba987654321
	data8 0xab54a98ceb1f0ad2, 0x181cd, 0x71aff5205543
	data8 0x5, 0x9, 0x0
	DDIV_COUNT = 4
ddiv_table:
	data8 0x3ff0000000000000, 0x4008000000000000, 0x3fd5555555555555
	data8 0x4000000000000000, 0x4008000000000000, 0x3fe5555555555555
	data8 0x4024000000000000, 0x401c000000000000, 0x3ff6db6db6db6db7
	data8 0x4076300000000000, 0x405c400000000000, 0x400921fb78121fb8

	.bss
	.align 16
fp_buf:
	.skip 64

	.include "pv.inc"
	.include "selftest.inc"
