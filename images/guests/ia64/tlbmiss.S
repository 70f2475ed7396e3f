// tlbmiss: self-checking translation image (SDM rev 2.3 vol 2 part I chapter 4 "Addressing and Protection",
// 5.7 "Interruption Vector Table"). With PSR.dt = 1 and the VHPT walker off, a data access that misses the TLB
// raises an Alternate Data TLB fault (vector 0x1000); the guest's handler reads cr.ifa, builds a PTE mapping the
// page to the physical page of the same offset (any region), inserts it with itc.d and returns with rfi, which
// restarts the load. Checks: the miss count, cr.ifa, that an inserted translation hits, aliasing of region 1 and
// region 0, and that ptc.l purges. The handlers run in register bank 0 (PSR.bn = 0 on interruption), the
// program in bank 1, so r16-r31 of the handlers never disturb it.
	.include "xen.inc"
	.include "check.inc"
	.include "ivt.inc"
	REGION1 = 1 << 61
	PTE_RW = 0x461                  // p, a, d, ma 0 (WB), pl 0, ar 2 (read/write)

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
	movl r9 = REGION1
	mov r10 = 1 << 8 | 12 << 2      // rid 1, 4 KiB pages, ve = 0
	mov rr[r9] = r10
	mov r9 = 0
	mov r10 = 12 << 2               // region 0: rid 0, 4 KiB pages
	mov rr[r9] = r10
	movl r20 = REGION1 + tlb_data   // the alias in region 1
	movl r21 = tlb_data             // the page in region 0
	mov r22 = 12 << 2
	movl r23 = 0x600d
	srlz.d
	ssm 0x22000                     // psr.ic and psr.dt
	srlz.d
	ld8 r4 = [r20]                  // miss 1: the handler maps the alias
	bsw.0
	mov r5 = r24                    // misses so far
	mov r6 = r25                    // cr.ifa the handler saw
	bsw.1
	ld8 r7 = [r20]                  // hits
	st8 [r20] = r23                 // a write through the alias: d = 1, hits
	bsw.0
	mov r27 = r24
	bsw.1
	ld8 r8 = [r21]                  // miss 2: region 0, the same physical page
	ptc.l r20, r22                  // purge the alias
	srlz.d
	ld8 r10 = [r20]                 // miss 3
	bsw.0
	mov r11 = r24
	mov r13 = r27
	bsw.1
	rsm 0x22000
	srlz.d
	movl r20 = results
	st8 [r20] = r4, 8
	st8 [r20] = r5, 8
	st8 [r20] = r6, 8
	st8 [r20] = r7, 8
	st8 [r20] = r8, 8
	st8 [r20] = r10, 8
	st8 [r20] = r11, 8
	st8 [r20] = r13

	movl r20 = results
	ld8 r4 = [r20], 8
	movl r9 = 0x1122334455667788
	CHECK_EQ r4, r9, "a load through an unmapped alias: the handler's itc.d maps it, rfi restarts the load"
	ld8 r4 = [r20], 8
	mov r9 = 1
	CHECK_EQ r4, r9, "one Alternate Data TLB fault (vector 0x1000) for it"
	ld8 r4 = [r20], 8
	movl r9 = REGION1 + tlb_data
	CHECK_EQ r4, r9, "cr.ifa is the faulting address"
	ld8 r4 = [r20], 8
	movl r9 = 0x1122334455667788
	CHECK_EQ r4, r9, "the inserted translation hits"
	ld8 r4 = [r20], 8
	movl r9 = 0x600d
	CHECK_EQ r4, r9, "region 0 and region 1 map the same physical page: the store through the alias shows"
	ld8 r4 = [r20], 8
	movl r9 = 0x600d
	CHECK_EQ r4, r9, "after ptc.l the alias misses again and is mapped again"
	ld8 r4 = [r20], 8
	mov r9 = 3
	CHECK_EQ r4, r9, "three misses in all: alias, region 0, alias after the purge"
	ld8 r4 = [r20]
	mov r9 = 1
	CHECK_EQ r4, r9, "no miss for a hit or a write with the dirty bit set"
	FINISH

unexpected:
	rsm 0x22000
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
	.align 4096
tlb_data:
	data8 0x1122334455667788
	.align 8
results:
	.skip 64

	.text
	.align 32768
ivt:
	STUBS 0x0000, 0x0400, 0x0800, 0x0c00
	VECTOR 0x1000                   // Alternate Data TLB
	mov r16 = cr.ifa
	movl r17 = 0x1ffffffffffff000   // the physical page: region bits and page offset cleared
	and r18 = r16, r17
	mov r19 = PTE_RW
	or r18 = r18, r19
	itc.d r18                       // cr.ifa and cr.itir (ps, rid) as the fault left them
	adds r24 = 1, r24
	mov r25 = r16
	rfi
	STUBS 0x1400, 0x1800, 0x1c00, 0x2000, 0x2400, 0x2800, 0x2c00, 0x3000, 0x3400, 0x3800, 0x3c00, 0x4000, 0x4400
	STUBS 0x4800, 0x4c00, 0x5000, 0x5100, 0x5200, 0x5300, 0x5400, 0x5500, 0x5600, 0x5700, 0x5800, 0x5900, 0x5a00
	STUBS 0x5b00, 0x5c00, 0x5d00, 0x5e00, 0x5f00, 0x6000, 0x6100, 0x6200, 0x6300, 0x6400, 0x6500, 0x6600, 0x6700
	STUBS 0x6800, 0x6900, 0x6a00, 0x6b00, 0x6c00, 0x6d00, 0x6e00, 0x6f00, 0x7000, 0x7100, 0x7200, 0x7300, 0x7400
	STUBS 0x7500, 0x7600, 0x7700, 0x7800, 0x7900, 0x7a00, 0x7b00, 0x7c00, 0x7d00, 0x7e00, 0x7f00

	.include "pv.inc"
	.include "selftest.inc"
