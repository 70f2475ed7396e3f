// hvm-hello: the ia64 HVM board's test guest (isa-ia64 platform.Ia64Board). No hypercalls: prints through the
// 16550 UART at 0xF0000000, takes interval timer interrupts (cr.itv vector 0xef) and the UART's transmitter-empty
// interrupt (vector 0x31) through the External Interrupt vector, cr.ivr and cr.eoi (SDM rev 2.3 vol 2 part I 5.8),
// then powers off through the register at 0xF0001000. Entry: physical mode, cpl 0, r29 = RAM size, r30 = UART.
	.include "check.inc"
	.include "ivt.inc"
	TIMER_VECTOR = 0xef
	UART_VECTOR = 0x31
	DELTA = 10000
	BOUND = 20000000

	.text
	.global _start
	.proc _start
_start:
	alloc r3 = ar.pfs, 0, 0, 3, 0
	movl r12 = hvm_stack_top
	mov r5 = r29                    // r16-r31 are banked: read the hand-over before switching to bank 1
	mov r6 = r30
	bsw.1
	movl r32 = msg_hello
	CALL puts
	mov r9 = 0x100000
	cmp.ltu p6, p0 = r5, r9         // r29: at least 1 MiB of RAM
	mov r4 = 1
(p6)	mov r4 = 0
	movl r9 = 0xf0000000
	cmp.eq p7, p0 = r9, r6          // r30: the UART
(p7)	adds r4 = 1, r4
	mov r9 = 2
	CHECK_EQ r4, r9, "entry state: r29 = RAM size, r30 = UART address"

	movl r9 = ivt
	mov cr.iva = r9
	srlz.i
	mov r9 = TIMER_VECTOR
	mov cr.itv = r9
	mov cr.tpr = r0
	mov r10 = ar.itc
	movl r11 = DELTA
	add r10 = r10, r11
	mov cr.itm = r10
	srlz.d
	movl r21 = ticks
	movl r20 = BOUND
	ssm 0x6000                      // psr.ic, psr.i
	srlz.d
wait_timer:
	ld8 r23 = [r21]
	adds r20 = -1, r20
	cmp.gtu p6, p0 = 3, r23
	cmp.ne.and p6, p0 = 0, r20
(p6)	br.cond.sptk.few wait_timer
	mov r9 = 1 << 16
	mov cr.itv = r9                 // mask the timer
	ld8 r4 = [r21]
	cmp.leu p6, p0 = 3, r4
	mov r4 = 0
(p6)	mov r4 = 1
	mov r9 = 1
	CHECK_EQ r4, r9, "interval timer: 3 interrupts through cr.ivr (vector 0xef)"

	// the UART's THR-empty interrupt: IER.THRI raises its line, the board makes vector 0x31 pending
	movl r21 = uart_irqs
	movl r9 = UART + 1              // IER
	mov r10 = 2                     // THRI
	st1 [r9] = r10
	movl r20 = BOUND
wait_uart:
	ld8 r23 = [r21]
	adds r20 = -1, r20
	cmp.eq p6, p0 = 0, r23
	cmp.ne.and p6, p0 = 0, r20
(p6)	br.cond.sptk.few wait_uart
	rsm 0x4000
	srlz.d
	ld8 r4 = [r21]
	mov r9 = 1
	CHECK_EQ r4, r9, "16550 transmitter-empty interrupt through cr.ivr (vector 0x31)"
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

	.section .rodata
msg_hello:
	.asciz "Hello from ia64 HVM\n"
msg_unexpected:
	.asciz "an unexpected interruption"

	.data
	.align 8
ticks:
	data8 0
uart_irqs:
	data8 0

	.text
	.align 32768
ivt:
	STUBS 0x0000, 0x0400, 0x0800, 0x0c00, 0x1000, 0x1400, 0x1800, 0x1c00, 0x2000, 0x2400, 0x2800, 0x2c00
	VECTOR 0x3000                   // External Interrupt
	mov r19 = pr                    // predicates are not banked: the handler keeps the program's
	mov r16 = cr.ivr
	mov r17 = TIMER_VECTOR
	cmp.eq p6, p7 = r17, r16
(p6)	movl r17 = ticks
(p7)	movl r17 = uart_irqs
	ld8 r18 = [r17]
	adds r18 = 1, r18
	st8 [r17] = r18
	mov r17 = ar.itc
	movl r18 = DELTA
	add r17 = r17, r18
(p6)	mov cr.itm = r17
	movl r17 = UART + 1
(p7)	st1 [r17] = r0                  // IER = 0: the UART drops its line
	mov cr.eoi = r0
	mov pr = r19, -1
	srlz.d
	rfi
	STUBS 0x3400, 0x3800, 0x3c00, 0x4000, 0x4400
	STUBS 0x4800, 0x4c00, 0x5000, 0x5100, 0x5200, 0x5300, 0x5400, 0x5500, 0x5600, 0x5700, 0x5800, 0x5900, 0x5a00
	STUBS 0x5b00, 0x5c00, 0x5d00, 0x5e00, 0x5f00, 0x6000, 0x6100, 0x6200, 0x6300, 0x6400, 0x6500, 0x6600, 0x6700
	STUBS 0x6800, 0x6900, 0x6a00, 0x6b00, 0x6c00, 0x6d00, 0x6e00, 0x6f00, 0x7000, 0x7100, 0x7200, 0x7300, 0x7400
	STUBS 0x7500, 0x7600, 0x7700, 0x7800, 0x7900, 0x7a00, 0x7b00, 0x7c00, 0x7d00, 0x7e00, 0x7f00

	.include "hvm.inc"
