// split-front: the polyvisor-echo frontend in ia64 assembly (the protocol: images/guests/common/split.h and
// images/README.md, "split"; the C frontend of the other ISAs is images/guests/common/split-front.c, and this one
// prints the same console lines). It waits for the toolstack's backend-id and backend nodes in its device
// directory (device/polyvisor-echo/0), grants its ring page to the backend (grant_entry_v1 ref 8 of the table
// GNTTABOP_setup_table gives it), offers an event channel (EVTCHNOP_alloc_unbound), publishes ring-ref,
// event-channel and state Initialised, waits for the backend to be Connected, then keeps the ring full with 1000
// requests (id, 1 + id % 6 payload words from a xorshift32 sequence seeded with id * 0x9E3779B1 + 1) and checks
// every response's CRC-32 against the one it computed when it sent the request; the digest is the CRC-32 register
// over every response's CRC. Then Closing; once the backend is Closed (or gone) it ends the grant and powers off.
// The ring is little-endian, as ia64 is. Command line, as the C frontend's: requests=<N> (default 1000),
// timeout=<ms> (system time since boot by which the toolstack's nodes must be there and the backend connected,
// default 20000), grant=ro (grant the page read-only: a backend must refuse it).
// Entry (images/README.md): physical mode, cpl 0, r28 = start_info. Assembled in gas auto mode (as places stops).

	.include "xen.inc"
	.include "split-abi.inc"
	GRANT_REF = 8                   // SPLIT_GRANT_REF: the first reference after Xen's reserved ones
	REQUESTS = 1000                 // SPLIT_DEFAULT_REQUESTS
	DEFAULT_TIMEOUT_MS = 20000      // SPLIT_DEFAULT_TIMEOUT_MS

	.text
	.global _start
	.proc _start
_start:
	alloc loc19 = ar.pfs, 0, 20, 4, 0
	split_entry
	movl r9 = start_info
	st8 [r9] = loc0
	movl out0 = k_requests
	mov out1 = REQUESTS
	br.call.sptk.many b0 = cmd_num
	mov loc7 = r8                   // loc7 = n
	movl out0 = k_timeout
	movl out1 = DEFAULT_TIMEOUT_MS
	br.call.sptk.many b0 = cmd_num
	movl r9 = timeout_ms
	st8 [r9] = r8
	shl r10 = r8, 19                // deadline = ms * 1000000 ns = ms << 19 + << 18 + << 17 + << 16 + << 14 + << 9 + << 6
	shl r11 = r8, 18
	add r10 = r10, r11
	shl r11 = r8, 17
	add r10 = r10, r11
	shl r11 = r8, 16
	add r10 = r10, r11
	shl r11 = r8, 14
	add r10 = r10, r11
	shl r11 = r8, 9
	add r10 = r10, r11
	shl r11 = r8, 6
	add r10 = r10, r11
	movl r9 = deadline
	st8 [r9] = r10
	movl out0 = k_readonly
	br.call.sptk.many b0 = cmd_find
	movl r9 = readonly
	st8 [r9] = r8                   // nonzero: grant=ro

	// "split-front: domain <N>, 1000 requests"
	movl out0 = line
	movl out1 = m_domain
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc4
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_comma
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc7
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_requests
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line

	// Watch the device directory; wait for the toolstack's backend-id and backend nodes.
	movl out0 = dev
	movl out1 = p_dev
	br.call.sptk.many b0 = s_cat
	movl out0 = xs_out
	movl out1 = dev
	br.call.sptk.many b0 = s_cat
	adds out0 = 1, r8
	movl out1 = t_front
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_WATCH
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 1, r10
	br.call.sptk.many b0 = xs_req
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
find_back:
	movl out0 = dev
	movl out1 = p_backend_id
	br.call.sptk.many b0 = read_num
	cmp.eq p6, p0 = -1, r8
	mov loc5 = r8                   // loc5 = the backend's domid
(p6)	br.cond.dpnt.few wait_back
	movl out0 = dev
	movl out1 = p_backend
	br.call.sptk.many b0 = read_str
	cmp.eq p6, p0 = XS_ERROR, r8
(p6)	br.cond.dpnt.few wait_back
	movl out0 = bpath
	movl out1 = reply
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few grant
wait_back:
	br.call.sptk.many b0 = xs_wait_deadline
	cmp.eq p6, p0 = 0, r8
	movl out0 = m_nodevice
(p6)	br.cond.dpnt.few finish
	br.cond.sptk.few find_back

grant:
	// GNTTABOP_setup_table(&{ dom = DOMID_SELF, nr_frames = 1, status, frame_list }, 1)
	movl r9 = setup_op
	mov r10 = DOMID_SELF
	st2 [r9] = r10
	adds r11 = 4, r9
	mov r10 = 1
	st4 [r11] = r10                 // nr_frames
	adds r11 = 8, r9
	st2 [r11] = r0                  // status
	adds r11 = 16, r9
	movl r10 = grant_frames
	st8 [r11] = r10                 // frame_list
	mov r2 = HC_GRANT_TABLE_OP
	mov r14 = GNTTABOP_SETUP_TABLE
	mov r15 = r9
	mov r16 = 1
	break.m HYPERCALL_IMM
	movl r9 = setup_op + 8
	ld2 r10 = [r9]
	cmp.ne p6, p0 = 0, r10
	movl out0 = m_nosetup
(p6)	br.cond.dpnt.few finish
	// grant_entry_v1 ref 8: domid and frame first, then flags = permit_access (read-write)
	movl r9 = grant_frames
	ld8 r10 = [r9]
	shl r10 = r10, 12
	adds loc13 = GRANT_REF * 8, r10 // loc13 = our grant entry
	adds r11 = 2, loc13
	st2 [r11] = loc5                // domid
	adds r11 = 4, loc13
	movl r14 = ring
	shr.u r14 = r14, 12
	st4 [r11] = r14                 // frame
	movl r9 = readonly
	ld8 r10 = [r9]
	cmp.ne p6, p0 = 0, r10
	mov r14 = GTF_PERMIT_ACCESS
(p6)	mov r14 = GTF_PERMIT_ACCESS | GTF_READONLY
	mf
	st2.rel [loc13] = r14           // flags
	// EVTCHNOP_alloc_unbound(&{ dom = DOMID_SELF, remote_dom = back, port })
	movl r9 = alloc_op
	mov r10 = DOMID_SELF
	st2 [r9] = r10
	adds r11 = 2, r9
	st2 [r11] = loc5
	adds r11 = 4, r9
	st4 [r11] = r0
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_ALLOC_UNBOUND
	mov r15 = r9
	break.m HYPERCALL_IMM
	cmp.lt p6, p0 = r8, r0
	movl out0 = m_noport
(p6)	br.cond.dpnt.few finish
	movl r9 = alloc_op + 4
	ld4 loc6 = [r9]                 // loc6 = our port
	movl r9 = ring_port
	st4 [r9] = loc6
	movl out0 = p_ringref
	mov out1 = GRANT_REF
	br.call.sptk.many b0 = xs_write_num
	movl out0 = p_evtchn
	mov out1 = loc6
	br.call.sptk.many b0 = xs_write_num
	mov out0 = 3                    // XenbusStateInitialised
	br.call.sptk.many b0 = set_state

	// "split-front: granted ref 8[ read-only] and port <P> to domain <B>"
	movl out0 = line
	movl out1 = m_granted
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = m_readonly
	movl r9 = readonly
	ld8 r10 = [r9]
	cmp.eq p6, p0 = 0, r10
(p6)	movl out1 = m_none
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = m_andport
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc6
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_to
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc5
	br.call.sptk.many b0 = s_dec
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line

	// Watch the backend's state; wait for Connected (4).
	movl out0 = xs_out
	movl out1 = bpath
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = p_state
	br.call.sptk.many b0 = s_cat
	adds out0 = 1, r8
	movl out1 = t_back
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_WATCH
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 1, r10
	br.call.sptk.many b0 = xs_req
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
wait_connect:
	movl out0 = bpath
	movl out1 = p_state
	br.call.sptk.many b0 = read_num
	cmp.eq p6, p0 = -1, r8
	cmp.gtu p7, p0 = 4, r8          // below Connected
(p6)	br.cond.dpnt.few wait_connect_more
(p7)	br.cond.dpnt.few wait_connect_more
	cmp.ne p6, p0 = 4, r8
	movl out0 = m_noconnect
(p6)	br.cond.dpnt.few finish
	br.cond.sptk.few connected
wait_connect_more:
	br.call.sptk.many b0 = xs_wait_deadline
	cmp.ne p6, p0 = 0, r8
(p6)	br.cond.sptk.few wait_connect
	// "split-front: backend domain <B> did not connect within <ms> ms of boot: giving up"
	movl out0 = line
	movl out1 = m_backdomain
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc5
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_within
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl r9 = timeout_ms
	ld8 out1 = [r9]
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_givingup
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few close_off
connected:
	mov out0 = 4                    // XenbusStateConnected
	br.call.sptk.many b0 = set_state

	// The exchange. loc8 = sent, loc9 = done, loc10 = bad, loc11 = digest, loc12 = the ring, loc14 = the seed of
	// request `sent` (sent * 0x9E3779B1 + 1, 32 bits), loc15 = sent % 6, loc16 = pushed, loc17 = rsp_prod.
	mov loc8 = 0
	mov loc9 = 0
	mov loc10 = 0
	mov loc11 = 0
	movl loc12 = ring
	mov loc14 = 1
	mov loc15 = 0
exchange:
	cmp.leu p6, p0 = loc7, loc9     // done >= n
(p6)	br.cond.dpnt.few verdict
	mov loc16 = 0
fill:
	cmp.leu p6, p0 = loc7, loc8     // sent >= n
(p6)	br.cond.dpnt.few filled
	sub r9 = loc8, loc9
	cmp.leu p6, p0 = 64, r9         // the ring is full
(p6)	br.cond.dpnt.few filled
	and r10 = 63, loc8
	shl r10 = r10, 5
	add r10 = r10, loc12
	adds out0 = 64, r10
	mov out1 = loc8
	mov out2 = loc14
	adds out3 = 1, loc15
	br.call.sptk.many b0 = request
	movl r9 = expect
	and r10 = 63, loc8
	shladd r9 = r10, 2, r9
	st4 [r9] = r8                   // the CRC the answer must carry
	adds loc8 = 1, loc8
	movl r9 = 0x9e3779b1
	add loc14 = loc14, r9
	zxt4 loc14 = loc14
	adds loc15 = 1, loc15
	cmp.eq p6, p0 = 6, loc15
(p6)	mov loc15 = 0
	mov loc16 = 1
	br.cond.sptk.few fill
filled:
	cmp.eq p6, p0 = 0, loc16
(p6)	br.cond.dpnt.few check
	mf
	st4.rel [loc12] = loc8          // req_prod
	mf
	mov out0 = loc6
	br.call.sptk.many b0 = send
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
check:
	adds r9 = 8, loc12
	ld4.acq loc17 = [r9]            // rsp_prod
	cmp.ne p6, p0 = loc17, loc9
(p6)	br.cond.sptk.few responses
	mov out0 = loc6
	br.call.sptk.many b0 = evt_clear
	adds r9 = 8, loc12
	ld4.acq r10 = [r9]
	cmp.ne p6, p0 = r10, loc9
(p6)	br.cond.dpnt.few exchange
	br.call.sptk.many b0 = poll_ring
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few exchange
responses:
	and r10 = 63, loc9
	shl r10 = r10, 5
	add r10 = r10, loc12
	adds r10 = 64, r10
	ld4 r14 = [r10]                 // id
	adds r11 = 4, r10
	ld4 r15 = [r11]                 // status
	adds r11 = 8, r10
	ld4 loc18 = [r11]               // crc
	movl r9 = expect
	and r11 = 63, loc9
	shladd r9 = r11, 2, r9
	ld4 r16 = [r9]
	mov r17 = 0
	cmp.ne p6, p0 = r14, loc9
	cmp.ne p7, p0 = 0, r15
	cmp.ne p8, p0 = r16, loc18
(p6)	mov r17 = 1
(p7)	mov r17 = 1
(p8)	mov r17 = 1
	add loc10 = loc10, r17
	mov out0 = loc11
	mov out1 = loc18
	br.call.sptk.many b0 = crc_word
	mov loc11 = r8
	adds loc9 = 1, loc9
	cmp.ne p6, p0 = loc9, loc17
(p6)	br.cond.sptk.few responses
	br.cond.sptk.few exchange

verdict:
	// "split-front: <done> responses, <done - bad> correct, digest 0x<digest>: PASS" (or FAIL)
	movl out0 = line
	movl out1 = m_front
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc9
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_responses
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	sub out1 = loc9, loc10
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_digest
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc11
	br.call.sptk.many b0 = s_hex
	mov out0 = r8
	cmp.eq p6, p7 = 0, loc10
(p6)	movl out1 = m_pass
(p7)	movl out1 = m_fail
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line

	// Closing; the backend unmaps and says Closed (or powers off, its nodes gone); then the grant ends.
	mov out0 = 5                    // XenbusStateClosing
	br.call.sptk.many b0 = set_state
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
wait_closed:
	movl out0 = bpath
	movl out1 = p_state
	br.call.sptk.many b0 = read_num
	cmp.eq p6, p0 = -1, r8
	cmp.eq p7, p0 = 6, r8           // Closed
(p6)	br.cond.dpnt.few closed
(p7)	br.cond.dpnt.few closed
	br.call.sptk.many b0 = xs_wait
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few wait_closed
closed:
	ld2.acq r9 = [loc13]
	and r9 = GTF_READING_WRITING, r9
	st2.rel [loc13] = r0            // the grant ends
	mf
	cmp.eq p6, p7 = 0, r9
	movl out0 = line
(p6)	movl out1 = m_unmapped
(p7)	movl out1 = m_stillmapped
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few close_off

finish:
	// "split-front: <why>", then Closed and power-off (out0 = why)
	mov loc18 = out0
	movl out0 = line
	movl out1 = m_front
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc18
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
close_off:
	mov out0 = 6                    // XenbusStateClosed
	br.call.sptk.many b0 = set_state
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
poweroff:
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_SHUTDOWN
	movl r15 = shutdown_reason
	break.m HYPERCALL_IMM
	br.cond.sptk.few poweroff
	.endp _start

// request(slot in0, id in1, seed in2, nr_words in3) -> r8: writes request id into the slot (id, nr_words, six words:
// the first nr_words of the xorshift32 sequence after seed, then zeros) and returns the CRC-32 its answer must
// carry (of id and those words, little-endian bytes).
	.proc request
request:
	alloc loc0 = ar.pfs, 4, 6, 2, 0
	mov loc1 = b0
	st4 [in0] = in1                 // id
	adds r9 = 4, in0
	st4 [r9] = in3                  // nr_words
	movl out0 = 0xffffffff
	mov out1 = in1
	br.call.sptk.many b0 = crc_word
	mov loc2 = r8                   // the CRC register
	mov loc3 = in2                  // x
	mov loc4 = 0                    // k
	adds loc5 = 8, in0              // the words
request_word:
	shl r9 = loc3, 13               // x ^= x << 13; x ^= x >> 17; x ^= x << 5 (32 bits)
	xor loc3 = loc3, r9
	zxt4 loc3 = loc3
	shr.u r9 = loc3, 17
	xor loc3 = loc3, r9
	shl r9 = loc3, 5
	xor loc3 = loc3, r9
	zxt4 loc3 = loc3
	cmp.leu p6, p0 = in3, loc4      // k >= nr_words: a zero word
(p6)	br.cond.dpnt.few request_zero
	st4 [loc5] = loc3
	mov out0 = loc2
	mov out1 = loc3
	br.call.sptk.many b0 = crc_word
	mov loc2 = r8
	br.cond.sptk.few request_next
request_zero:
	st4 [loc5] = r0
request_next:
	adds loc5 = 4, loc5
	adds loc4 = 1, loc4
	cmp.gtu p6, p0 = 6, loc4
(p6)	br.cond.sptk.few request_word
	movl r9 = 0xffffffff
	xor r8 = loc2, r9
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp request

// xs_write_num(name in0, value in1): XS_WRITE dev + name = the value in decimal.
	.proc xs_write_num
xs_write_num:
	alloc loc0 = ar.pfs, 2, 2, 2, 0
	mov loc1 = b0
	movl out0 = xs_out
	movl out1 = dev
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = in0
	br.call.sptk.many b0 = s_cat
	adds out0 = 1, r8
	mov out1 = in1
	br.call.sptk.many b0 = s_dec
	mov out0 = XS_WRITE
	movl r9 = xs_out
	sub out1 = r8, r9               // the path, its NUL and the digits (no NUL)
	br.call.sptk.many b0 = xs_req
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp xs_write_num

// read_str(base in0, name in1) -> r8: XS_READ base + name; the reply's type (XS_ERROR when there is no such node),
// the value in reply.
	.proc read_str
read_str:
	alloc loc0 = ar.pfs, 2, 2, 2, 0
	mov loc1 = b0
	movl out0 = xs_out
	mov out1 = in0
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = in1
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_READ
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 1, r10
	br.call.sptk.many b0 = xs_req
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp read_str

// read_num(base in0, name in1) -> r8: the number in base + name, or -1 when it cannot be read.
	.proc read_num
read_num:
	alloc loc0 = ar.pfs, 2, 2, 2, 0
	mov loc1 = b0
	mov out0 = in0
	mov out1 = in1
	br.call.sptk.many b0 = read_str
	cmp.eq p6, p0 = XS_ERROR, r8
	mov r8 = -1
(p6)	br.cond.dpnt.few read_num_done
	movl out0 = reply
	br.call.sptk.many b0 = s_num
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
read_num_done:
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp read_num

// poll_ring(): SCHEDOP_poll on the ring's port alone, no timeout.
	.proc poll_ring
poll_ring:
	alloc loc0 = ar.pfs, 0, 1, 0, 0
	movl r9 = poll_op
	movl r10 = ring_port
	st8 [r9] = r10
	adds r10 = 8, r9
	mov r11 = 1
	st4 [r10] = r11
	adds r10 = 16, r9
	st8 [r10] = r0
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_POLL
	mov r15 = r9
	break.m HYPERCALL_IMM
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp poll_ring

// xs_wait_deadline() -> r8: 1 once the store has signalled (a watch event is unread), 0 when the system time passes
// the deadline first (SCHEDOP_poll on the store's port with that timeout; a deadline of 0 waits for ever).
	.proc xs_wait_deadline
xs_wait_deadline:
	alloc loc0 = ar.pfs, 0, 2, 1, 0
	mov loc1 = b0
wait_more:
	br.call.sptk.many b0 = xs_unread
	cmp.ne p6, p0 = 0, r8
(p6)	br.cond.dpnt.few wait_event
	movl r9 = store_port
	ld4 out0 = [r9]
	br.call.sptk.many b0 = evt_clear
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = xs_unread
	cmp.ne p6, p0 = 0, r8
(p6)	br.cond.dpnt.few wait_event
	movl r9 = poll_op
	movl r10 = ports
	st8 [r9] = r10
	adds r10 = 8, r9
	mov r11 = 1
	st4 [r10] = r11
	adds r10 = 16, r9
	movl r11 = deadline
	ld8 r11 = [r11]
	st8 [r10] = r11
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_POLL
	mov r15 = r9
	break.m HYPERCALL_IMM
	movl r9 = store_port            // pending after the poll: an event; not pending: the timeout
	ld4 r10 = [r9]
	movl r9 = shared_info
	ld8 r9 = [r9]
	extr.u r11 = r10, 6, 10
	shladd r9 = r11, 3, r9
	adds r9 = 2048, r9
	ld8 r14 = [r9]
	and r11 = 63, r10
	shr.u r14 = r14, r11
	tbit.nz p6, p0 = r14, 0
(p6)	br.cond.sptk.few wait_more
	mov r8 = 0
	br.cond.sptk.few wait_done
wait_event:
	mov r8 = 1
wait_done:
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp xs_wait_deadline

// cmd_find(key in0) -> r8: where the value after key (e.g. "timeout=") starts in the command line, or 0.
	.proc cmd_find
cmd_find:
	alloc loc0 = ar.pfs, 1, 1, 0, 0
	movl r9 = start_info
	ld8 r9 = [r9]
	adds r9 = SI_CMDLINE, r9
find_at:
	ld1 r10 = [r9]
	cmp.eq p6, p0 = 0, r10
(p6)	br.cond.dpnt.few find_none
	mov r11 = r9
	mov r14 = in0
find_char:
	ld1 r15 = [r14], 1
	cmp.eq p7, p0 = 0, r15
(p7)	br.cond.dpnt.few find_found
	ld1 r16 = [r11], 1
	cmp.ne p8, p0 = r15, r16
(p8)	br.cond.sptk.few find_next
	br.cond.sptk.few find_char
find_next:
	adds r9 = 1, r9
	br.cond.sptk.few find_at
find_found:
	mov r8 = r11
	br.cond.sptk.few find_done
find_none:
	mov r8 = 0
find_done:
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp cmd_find

// cmd_num(key in0, default in1) -> r8: the decimal number after key in the command line, or the default.
	.proc cmd_num
cmd_num:
	alloc loc0 = ar.pfs, 2, 2, 1, 0
	mov loc1 = b0
	mov out0 = in0
	br.call.sptk.many b0 = cmd_find
	cmp.eq p6, p0 = 0, r8
	mov out0 = r8
(p6)	br.cond.dpnt.few cmd_default
	br.call.sptk.many b0 = s_num
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few cmd_done
cmd_default:
	mov r8 = in1
cmd_done:
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp cmd_num

// s_hex(dst in0, value in1) -> r8: "0x" and the value's low 32 bits as 8 lowercase hex digits, and a NUL; r8
// points at the NUL.
	.proc s_hex
s_hex:
	alloc loc0 = ar.pfs, 2, 1, 0, 0
	mov r9 = 48                     // '0'
	st1 [in0] = r9, 1
	mov r9 = 120                    // 'x'
	st1 [in0] = r9, 1
	mov r10 = 28
	movl r11 = hexdigits
hex_digit:
	shr.u r9 = in1, r10
	and r9 = 15, r9
	add r14 = r11, r9
	ld1 r15 = [r14]
	st1 [in0] = r15, 1
	adds r10 = -4, r10
	cmp.lt p7, p6 = r10, r0
(p6)	br.cond.sptk.few hex_digit
	st1 [in0] = r0
	mov r8 = in0
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp s_hex

	.include "split.inc"

	.section .rodata
hexdigits:	.ascii "0123456789abcdef"
m_domain:	.asciz "split-front: domain "
m_comma:	.asciz ", "
m_requests:	.asciz " requests"
m_granted:	.asciz "split-front: granted ref 8"
m_readonly:	.asciz " read-only"
m_none:		.asciz ""
m_andport:	.asciz " and port "
m_backdomain:	.asciz "split-front: backend domain "
m_within:	.asciz " did not connect within "
m_givingup:	.asciz " ms of boot: giving up"
m_nodevice:	.asciz "no device: the toolstack wrote no device/polyvisor-echo/0 node"
k_requests:	.asciz "requests="
k_timeout:	.asciz "timeout="
k_readonly:	.asciz "grant=ro"
m_to:		.asciz " to domain "
m_front:	.asciz "split-front: "
m_responses:	.asciz " responses, "
m_digest:	.asciz " correct, digest "
m_pass:		.asciz ": PASS"
m_fail:		.asciz ": FAIL"
m_unmapped:	.asciz "split-front: backend closed and unmapped the ring, grant ended"
m_stillmapped:	.asciz "split-front: backend closed, but still maps the ring"
m_nosetup:	.asciz "GNTTABOP_setup_table failed"
m_noport:	.asciz "EVTCHNOP_alloc_unbound failed"
m_noconnect:	.asciz "the backend closed the device without connecting"
p_dev:		.asciz "device/polyvisor-echo/0"
p_backend_id:	.asciz "/backend-id"
p_backend:	.asciz "/backend"
p_state:	.asciz "/state"
p_ringref:	.asciz "/ring-ref"
p_evtchn:	.asciz "/event-channel"
t_back:		.asciz "back"
t_front:	.asciz "front"

	.data
	.align 8
shutdown_reason:
	.long 0

	.bss
	.balign 4096
ring:					// the page granted to the backend
	.skip 4096
	.balign 8
xs_ring:	.skip 8
shared_info:	.skip 8
start_info:	.skip 8
timeout_ms:	.skip 8
deadline:	.skip 8			// in ns of system time
readonly:	.skip 8			// nonzero: grant=ro
grant_frames:	.skip 8			// GNTTABOP_setup_table's frame_list
setup_op:	.skip 24		// struct gnttab_setup_table
alloc_op:	.skip 8			// struct evtchn_alloc_unbound
poll_op:	.skip 24		// struct sched_poll
send_op:	.skip 8
ports:		.skip 8			// { store port }: xs_wait's list
ring_port:	.skip 4
store_port:	.skip 4
xs_id:		.skip 4
	.balign 8
xs_rhdr:	.skip 16
xs_hdr:		.skip 16		// followed at once by xs_out: one buffer for the ring copy
xs_out:		.skip 256
reply:		.skip 512
line:		.skip 256
dev:		.skip 64
bpath:		.skip 128
expect:		.skip 256		// the CRC each of the 64 slots' answer must carry
	.balign 16
	.skip 16384
stack_top:
