// bench-sort: the benchmark workload of images/bench-native/workload.c, written in ia64 assembly (there is no
// ia64 C compiler), instruction for instruction the same algorithm, so it prints the same checksum as every
// other ISA's build: per round an LCG fill of words[0..n), heapsort, the descent count, n/4 binary searches and
// a table-driven CRC-32; 32-bit arithmetic throughout (zxt4 after additions, xma.l for products).
// Entry (images/README.md): physical mode (PSR = 0), cpl 0, r28 = start_info. Translation goes on first
// (SDM rev 2.3 vol 2 part I, 4.1): rr0 = rid 0 with a preferred page size of 256 MiB, one translation register
// on each side (itr.i / itr.d, slot 0) mapping region 0 virtual 0 .. 256 MiB to physical 0 with a 256 MiB page
// (pl 0, ar = RWX, write-back), then rfi into PSR.it, dt, rt and ic. Arguments from start_info.cmd_line as in
// workload.c ("words=<n> rounds=<r>"). Output: "bench words=<n> rounds=<r>\nchecksum 0x<8 hex digits>\n".
// Calls are leaf routines reached with br.call b6 and using static registers only.
	HYPERCALL_IMM    = 0x1000
	HC_CONSOLE_IO    = 18
	HC_SCHED_OP      = 29
	CONSOLEIO_WRITE  = 0
	SCHEDOP_SHUTDOWN = 2
	START_INFO_CMDLINE = 128
	MAX_WORDS        = 1 << 20
	DEFAULT_WORDS    = 1 << 18
	DEFAULT_ROUNDS   = 1
	PAGE_SHIFT       = 28             // one 256 MiB page
	PTE_RWX          = 0x661          // p, ma 0 (WB), a, d, pl 0, ar 3 (read/write/execute)
	PSR_ON           = (1 << 13) | (1 << 17) | (1 << 27) | (1 << 36)   // ic, dt, rt, it

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	mov r4 = r28                    // start_info, kept in r4
	// --- translation on -------------------------------------------------------------------------------
	rsm 0x6000                      // psr.ic and psr.i off while the TRs are written
	srlz.d
	mov r9 = 0
	mov r10 = PAGE_SHIFT << 2       // rr0: rid 0, ps 28, ve 0
	mov rr[r9] = r10
	srlz.d
	mov cr.itir = r10               // ps 28, key 0
	mov cr.ifa = r0                 // virtual page 0
	movl r10 = PTE_RWX              // physical page 0
	mov r11 = 0
	srlz.d
	itr.d dtr[r11] = r10
	srlz.d
	itr.i itr[r11] = r10
	srlz.i
	mov r9 = psr
	movl r10 = PSR_ON
	or r9 = r9, r10
	mov cr.ipsr = r9
	movl r10 = translated
	mov cr.iip = r10
	mov cr.ifs = r0                 // ifs.v = 0: rfi keeps the current frame
	srlz.d
	rfi
	.endp _start

	.proc main
main:
translated:
	movl r12 = stack_top
	// --- arguments -------------------------------------------------------------------------------------
	movl r8 = DEFAULT_WORDS
	adds r14 = START_INFO_CMDLINE, r4
	movl r15 = key_words
	br.call.sptk.many b6 = parse_arg
	mov r5 = r8
	mov r8 = DEFAULT_ROUNDS
	adds r14 = START_INFO_CMDLINE, r4
	movl r15 = key_rounds
	br.call.sptk.many b6 = parse_arg
	mov r6 = r8
	cmp.eq p6, p0 = 0, r5           // words < 1: 1
(p6)	mov r5 = 1
	movl r9 = MAX_WORDS
	cmp.ltu p6, p0 = r9, r5         // words > MAX_WORDS: MAX_WORDS
(p6)	mov r5 = r9
	// "bench words=<n> rounds=<r>\n"
	movl r17 = line_buf
	movl r14 = s_bench
	br.call.sptk.many b6 = put_str
	mov r14 = r5
	br.call.sptk.many b6 = put_dec
	movl r14 = s_rounds
	br.call.sptk.many b6 = put_str
	mov r14 = r6
	br.call.sptk.many b6 = put_dec
	mov r16 = 10
	st1 [r17] = r16, 1
	br.call.sptk.many b6 = write_line
	// --- the workload --------------------------------------------------------------------------------
	movl r9 = 1664525               // LCG: x = x * 1664525 + 1013904223
	setf.sig f7 = r9
	movl r9 = 1013904223
	setf.sig f9 = r9
	movl r9 = 16777619              // FNV prime
	setf.sig f10 = r9
	movl r9 = 0x9E3779B9            // seed step
	setf.sig f11 = r9
	movl r30 = bench_data
	// CRC-32 table: crc_table[i] = i shifted right 8 times, xor 0xEDB88320 after each shifted-out 1
	movl r16 = crc_table
	mov r17 = 0
	movl r20 = 0xEDB88320
	mov r21 = 256
crc_init:
	mov r18 = r17
	mov r19 = 8
crc_init_bit:
	tbit.nz p6, p0 = r18, 0
	shr.u r18 = r18, 1
(p6)	xor r18 = r18, r20
	adds r19 = -1, r19
	cmp.ne p8, p0 = 0, r19
(p8)	br.cond.sptk.few crc_init_bit
	st4 [r16] = r18, 4
	adds r17 = 1, r17
	cmp.ltu p9, p0 = r17, r21       // i < 256: another entry
(p9)	br.cond.sptk.few crc_init
	movl r7 = 2166136261            // result: FNV basis
	mov r3 = 0                      // round
round:
	cmp.ltu p6, p0 = r3, r6
(p6)	br.cond.sptk.few round_body
	br.cond.sptk.few report
round_body:
	// x = 0x12345678 + round * 0x9E3779B9
	setf.sig f6 = r3
	xma.l f8 = f6, f11, f0
	getf.sig r9 = f8
	movl r14 = 0x12345678
	add r9 = r9, r14
	zxt4 r9 = r9
	// fill: x = lcg(x); a[i] = x ^ (x >> 15)
	mov r16 = r30
	mov r17 = r5
fill:
	setf.sig f6 = r9
	xma.l f8 = f6, f7, f9
	getf.sig r9 = f8
	zxt4 r9 = r9
	shr.u r18 = r9, 15
	xor r18 = r18, r9
	st4 [r16] = r18, 4
	adds r17 = -1, r17
	cmp.ne p6, p0 = 0, r17
(p6)	br.cond.sptk.few fill
	// heapsort: build the heap (for i = n/2; i-- > 0;) sift(i, n)
	// (br.call returns to the bundle after its own: a loop branch goes after an instruction of another unit)
	shr.u r31 = r5, 1
	cmp.eq p6, p0 = 0, r31
(p6)	br.cond.spnt.few heap_built
heap_build:
	adds r31 = -1, r31
	mov r26 = r31
	mov r27 = r5
	br.call.sptk.many b6 = sift
	cmp.ne p6, p0 = 0, r31
(p6)	br.cond.sptk.few heap_build
heap_built:
	adds r29 = -1, r5               // end
heap_extract:
	cmp.eq p6, p0 = 0, r29
(p6)	br.cond.spnt.few sorted
	shladd r17 = r29, 2, r30
	ld4 r16 = [r30]
	ld4 r18 = [r17]
	st4 [r30] = r18
	st4 [r17] = r16
	mov r26 = 0
	mov r27 = r29
	br.call.sptk.many b6 = sift
	adds r29 = -1, r29
	br.cond.sptk.few heap_extract
sorted:
	// descents: a[i-1] > a[i] for i in 1 .. n-1
	mov r10 = 0
	mov r16 = r30
	adds r18 = -1, r5
	ld4 r19 = [r16], 4
descents:
	cmp.eq p6, p0 = 0, r18
(p6)	br.cond.spnt.few descents_done
	ld4 r20 = [r16], 4
	cmp.ltu p7, p0 = r20, r19
(p7)	adds r10 = 1, r10
	mov r19 = r20
	adds r18 = -1, r18
	br.cond.sptk.few descents
descents_done:
	// n/4 lookups: x = lcg(x); index_sum += lower_bound(a, n, x)
	mov r11 = 0
	shr.u r22 = r5, 2
lookup:
	cmp.eq p6, p0 = 0, r22
(p6)	br.cond.spnt.few lookups_done
	setf.sig f6 = r9
	xma.l f8 = f6, f7, f9
	getf.sig r9 = f8
	zxt4 r9 = r9
	mov r23 = 0                     // lo
	mov r25 = r5                    // hi
search:
	cmp.ltu p6, p7 = r23, r25
(p7)	br.cond.spnt.few found
	sub r26 = r25, r23
	shr.u r26 = r26, 1
	add r26 = r23, r26              // mid = lo + (hi - lo) / 2
	shladd r27 = r26, 2, r30
	ld4 r28 = [r27]
	cmp.ltu p8, p9 = r28, r9        // a[mid] < x
(p8)	adds r23 = 1, r26
(p9)	mov r25 = r26
	br.cond.sptk.few search
found:
	add r11 = r11, r23
	zxt4 r11 = r11
	adds r22 = -1, r22
	br.cond.sptk.few lookup
lookups_done:
	// CRC-32 over the words, each least significant byte first
	movl r16 = crc_table
	mov r17 = r30
	mov r18 = r5
	movl r19 = 0xFFFFFFFF
crc:
	ld4 r20 = [r17], 4
	xor r23 = r19, r20
	zxt1 r23 = r23
	shladd r23 = r23, 2, r16
	ld4 r23 = [r23]
	shr.u r19 = r19, 8
	xor r19 = r19, r23
	shr.u r20 = r20, 8
	xor r23 = r19, r20
	zxt1 r23 = r23
	shladd r23 = r23, 2, r16
	ld4 r23 = [r23]
	shr.u r19 = r19, 8
	xor r19 = r19, r23
	shr.u r20 = r20, 8
	xor r23 = r19, r20
	zxt1 r23 = r23
	shladd r23 = r23, 2, r16
	ld4 r23 = [r23]
	shr.u r19 = r19, 8
	xor r19 = r19, r23
	shr.u r20 = r20, 8
	xor r23 = r19, r20
	zxt1 r23 = r23
	shladd r23 = r23, 2, r16
	ld4 r23 = [r23]
	shr.u r19 = r19, 8
	xor r19 = r19, r23
	adds r18 = -1, r18
	cmp.ne p6, p0 = 0, r18
(p6)	br.cond.sptk.few crc
	// value = (crc ^ 0xFFFFFFFF) + descents * 7 + index_sum; result = (result ^ value) * 16777619
	movl r23 = 0xFFFFFFFF
	xor r19 = r19, r23
	shl r23 = r10, 3
	sub r23 = r23, r10
	add r19 = r19, r23
	add r19 = r19, r11
	zxt4 r19 = r19
	xor r7 = r7, r19
	setf.sig f6 = r7
	xma.l f8 = f6, f10, f0
	getf.sig r7 = f8
	zxt4 r7 = r7
	adds r3 = 1, r3
	br.cond.sptk.few round
report:
	// "checksum 0x<8 hex digits>\n", then sched_op(SCHEDOP_shutdown, &{ poweroff })
	movl r17 = line_buf
	movl r14 = s_checksum
	br.call.sptk.many b6 = put_str
	mov r14 = r7
	br.call.sptk.many b6 = put_hex
	mov r16 = 10
	st1 [r17] = r16, 1
	br.call.sptk.many b6 = write_line
power_off:
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_SHUTDOWN
	movl r15 = shutdown_reason
	break.m HYPERCALL_IMM
	br.cond.sptk.few power_off
	.endp main

// sift(root r26, end r27) over a = r30: the heap's sift-down of workload.c. Clobbers r18-r26, p6-p9.
	.proc sift
sift:
	shladd r19 = r26, 2, r30        // &a[root]
	ld4 r20 = [r19]                 // v
sift_loop:
	shl r21 = r26, 1
	adds r21 = 1, r21               // child = 2 * root + 1
	cmp.leu p6, p0 = r27, r21       // child >= end: done
(p6)	br.cond.spnt.few sift_done
	shladd r22 = r21, 2, r30        // &a[child]
	adds r23 = 1, r21
	adds r18 = 4, r22
	ld4 r24 = [r22]
	cmp.ltu p7, p0 = r23, r27       // child + 1 < end
(p7)	ld4 r25 = [r18]
(p7)	cmp.ltu p7, p0 = r24, r25       // and a[child] < a[child + 1]: the right child
(p7)	mov r21 = r23
(p7)	mov r24 = r25
(p7)	mov r22 = r18
	cmp.leu p8, p0 = r24, r20       // a[child] <= v: done
(p8)	br.cond.spnt.few sift_done
	st4 [r19] = r24                 // a[root] = a[child]
	mov r26 = r21
	mov r19 = r22
	br.cond.sptk.few sift_loop
sift_done:
	st4 [r19] = r20
	br.ret.sptk.many b6
	.endp sift

// parse_arg(string r14, key r15, value r8): for each space-separated token "<key>=<digit>...", r8 = its decimal
// value modulo 2^32 (the last such token wins). Clobbers r14, r16-r23, p6-p7.
	.proc parse_arg
parse_arg:
	ld1 r16 = [r14]
	cmp.eq p6, p0 = 0, r16
(p6)	br.ret.sptk.many b6
	cmp.eq p7, p0 = 32, r16
(p7)	adds r14 = 1, r14
(p7)	br.cond.sptk.few parse_arg
	mov r17 = r15
	mov r18 = r14
pa_key:
	ld1 r19 = [r17]
	cmp.eq p6, p0 = 0, r19
(p6)	br.cond.sptk.few pa_key_end
	ld1 r20 = [r18]
	cmp.ne p7, p0 = r19, r20
(p7)	br.cond.sptk.few pa_skip
	adds r17 = 1, r17
	adds r18 = 1, r18
	br.cond.sptk.few pa_key
pa_key_end:
	ld1 r20 = [r18], 1
	cmp.ne p7, p0 = 61, r20         // '='
(p7)	br.cond.sptk.few pa_skip
	ld1 r20 = [r18]
	adds r21 = -48, r20
	cmp.ltu p7, p0 = 9, r21         // not a digit
(p7)	br.cond.sptk.few pa_skip
	mov r22 = 0
pa_digit:
	ld1 r20 = [r18]
	adds r21 = -48, r20
	cmp.ltu p7, p0 = 9, r21
(p7)	br.cond.sptk.few pa_store
	shladd r23 = r22, 2, r22
	shl r23 = r23, 1                // v * 10
	add r22 = r23, r21
	zxt4 r22 = r22
	adds r18 = 1, r18
	br.cond.sptk.few pa_digit
pa_store:
	mov r8 = r22
pa_skip:                                // to the end of the token
	ld1 r16 = [r14]
	cmp.eq p6, p0 = 0, r16
	cmp.eq p7, p0 = 32, r16
(p6)	br.cond.sptk.few parse_arg
(p7)	br.cond.sptk.few parse_arg
	adds r14 = 1, r14
	br.cond.sptk.few pa_skip
	.endp parse_arg

// put_str(string r14, out r17): copies up to the NUL; r17 ends past the copy. Clobbers r14, r16, p6.
	.proc put_str
put_str:
	ld1 r16 = [r14], 1
	cmp.eq p6, p0 = 0, r16
(p6)	br.ret.sptk.many b6
	st1 [r17] = r16, 1
	br.cond.sptk.few put_str
	.endp put_str

// put_dec(value r14, out r17): decimal, no leading zeros. Clobbers r14, r18-r23, p6-p8.
	.proc put_dec
put_dec:
	movl r18 = powers_of_ten
	mov r19 = 9
	mov r20 = 0                     // a digit was written
pd_power:
	ld8 r21 = [r18], 8
	mov r22 = 0
pd_sub:
	cmp.ltu p6, p7 = r14, r21
(p7)	sub r14 = r14, r21
(p7)	adds r22 = 1, r22
(p7)	br.cond.sptk.few pd_sub
	cmp.ne p6, p0 = 0, r22
(p6)	mov r20 = 1
	cmp.ne p7, p0 = 0, r20
	adds r23 = 48, r22
(p7)	st1 [r17] = r23, 1
	adds r19 = -1, r19
	cmp.ne p8, p0 = 0, r19
(p8)	br.cond.sptk.few pd_power
	adds r23 = 48, r14
	st1 [r17] = r23, 1
	br.ret.sptk.many b6
	.endp put_dec

// put_hex(value r14, out r17): 8 lowercase hex digits of the low 32 bits. Clobbers r14, r18-r19, p6-p8.
	.proc put_hex
put_hex:
	mov r19 = 8
ph_loop:
	extr.u r18 = r14, 28, 4
	dep.z r14 = r14, 4, 28
	cmp.ltu p6, p7 = 9, r18
(p6)	adds r18 = 'a' - 10, r18
(p7)	adds r18 = '0', r18
	st1 [r17] = r18, 1
	adds r19 = -1, r19
	cmp.ne p8, p0 = 0, r19
(p8)	br.cond.sptk.few ph_loop
	br.ret.sptk.many b6
	.endp put_hex

// write_line(end r17): console_io(CONSOLEIO_write, r17 - line_buf, line_buf). Clobbers r2, r8, r14-r16.
	.proc write_line
write_line:
	movl r16 = line_buf
	sub r15 = r17, r16
	mov r14 = CONSOLEIO_WRITE
	mov r2 = HC_CONSOLE_IO
	break.m HYPERCALL_IMM
	br.ret.sptk.many b6
	.endp write_line

	.section .rodata
key_words:
	.asciz "words"
key_rounds:
	.asciz "rounds"
s_bench:
	.asciz "bench words="
s_rounds:
	.asciz " rounds="
s_checksum:
	.asciz "checksum 0x"
	.align 8
powers_of_ten:
	data8 1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10

	.data
	.align 4
shutdown_reason:
	.long 0                         // SHUTDOWN_poweroff
	.bss
	.align 16
line_buf:
	.skip 128
	.align 16
	.skip 16384
stack_top:
	.align 16
crc_table:
	.skip 1024
	.align 4096
bench_data:
	.skip MAX_WORDS * 4
