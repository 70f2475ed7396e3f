// split-back: the polyvisor-echo backend in ia64 assembly (the protocol: images/guests/common/split.h and
// images/README.md, "split"). It finds its frontend in the directory the toolstack wrote
// (/local/domain/<self>/backend/polyvisor-echo/<front>/0), waits for the frontend's ring-ref and event-channel,
// maps the granted ring read-write (GNTTABOP_map_grant_ref), binds the interdomain event channel and answers each
// request with the CRC-32 of its id and words, until the frontend moves to Closing. The ring is little-endian, as
// ia64 is: no byte swapping. Same console lines as the C backend of the other ISAs.
// Entry (images/README.md): physical mode, cpl 0, r28 = start_info. Assembled in gas auto mode (as places stops).

	HYPERCALL_IMM = 0x1000          // break.m 0x1000: op r2, arguments r14-r18, result r8
	HC_CONSOLE_IO = 18
	HC_GRANT_TABLE_OP = 20
	HC_SCHED_OP = 29
	HC_EVENT_CHANNEL_OP = 32
	SCHEDOP_SHUTDOWN = 2
	SCHEDOP_POLL = 3
	EVTCHNOP_BIND_INTERDOMAIN = 0
	EVTCHNOP_CLOSE = 3
	EVTCHNOP_SEND = 4
	GNTTABOP_MAP = 0
	GNTTABOP_UNMAP = 1
	GNTMAP_HOST_MAP = 2
	XS_DIRECTORY = 1
	XS_READ = 2
	XS_WATCH = 4
	XS_WRITE = 11
	XS_WATCH_EVENT = 15
	XS_ERROR = 16
	SI_SHARED_INFO = 40             // 64-bit start_info offsets
	SI_STORE_MFN = 56
	SI_STORE_EVTCHN = 64
	SI_CMDLINE = 128
	XS_REQ_PROD = 2052              // struct xenstore_domain_interface
	XS_RSP_CONS = 2056
	XS_RSP_PROD = 2060
	XS_RSP = 1024

	.text
	.global _start
	.proc _start
_start:
	alloc loc15 = ar.pfs, 0, 16, 3, 0
	movl r12 = stack_top
	mov loc0 = r28                  // loc0 = start_info
	adds r9 = SI_SHARED_INFO, r28
	ld8 loc1 = [r9]                 // loc1 = shared_info
	adds r9 = SI_STORE_MFN, r28
	ld8 r10 = [r9]
	shl loc2 = r10, 12              // loc2 = the xenstore ring page
	adds r9 = SI_STORE_EVTCHN, r28
	ld4 loc3 = [r9]                 // loc3 = the store's port
	movl r9 = store_port
	st4 [r9] = loc3
	movl r9 = ports
	st4 [r9] = loc3                 // ports = { store, ring }: SCHEDOP_poll's list
	movl r9 = xs_ring
	st8 [r9] = loc2
	movl r9 = shared_info
	st8 [r9] = loc1
	adds out0 = SI_CMDLINE + 6, r28 // "domid=<N>" is the command line's first token
	br.call.sptk.many b0 = s_num
	mov loc4 = r8                   // loc4 = our domid

	// "split-back: domain <N> serving polyvisor-echo"
	movl out0 = line
	movl out1 = m_domain
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc4
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_serving
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line

	// Watch our backend directory; the toolstack's frontend directory appears there.
	movl out0 = xs_out
	movl out1 = p_backends
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
find_front:
	movl out0 = xs_out
	movl out1 = p_backends
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_DIRECTORY
	mov out1 = 23                   // "backend/polyvisor-echo" and its NUL
	br.call.sptk.many b0 = xs_req
	movl r9 = reply
	ld1 r10 = [r9]
	cmp.ne p6, p0 = XS_DIRECTORY, r8
	adds r10 = -48, r10
	cmp.ltu p7, p0 = 9, r10         // not a digit
(p6)	br.cond.dpnt.few wait_front
(p7)	br.cond.dpnt.few wait_front
	mov out0 = r9
	br.call.sptk.many b0 = s_num
	mov loc5 = r8                   // loc5 = the frontend's domid
	br.cond.sptk.few found_front
wait_front:
	br.call.sptk.many b0 = xs_wait
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few find_front

found_front:
	// dev = "backend/polyvisor-echo/<front>/0"; read dev/frontend into fpath
	movl out0 = dev
	movl out1 = p_backends
	br.call.sptk.many b0 = s_cat
	mov r9 = 47                     // '/'
	st1 [r8] = r9, 1
	mov out0 = r8
	mov out1 = loc5
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = p_zero
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
read_fpath:
	movl out0 = xs_out
	movl out1 = dev
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = p_frontend
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_READ
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 1, r10
	br.call.sptk.many b0 = xs_req
	cmp.eq p6, p0 = XS_ERROR, r8
(p6)	br.cond.dpnt.few wait_fpath
	br.cond.sptk.few got_fpath
wait_fpath:
	br.call.sptk.many b0 = xs_wait
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few read_fpath
got_fpath:
	movl out0 = fpath
	movl out1 = reply
	br.call.sptk.many b0 = s_cat
	mov out0 = 2                    // XenbusStateInitWait
	br.call.sptk.many b0 = set_state

	// Watch the frontend's state, and wait for Initialised (3).
	movl out0 = xs_out
	movl out1 = fpath
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = p_state
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
wait_init:
	movl out0 = p_state
	br.call.sptk.many b0 = read_front
	cmp.gtu p7, p0 = 3, r8          // state < Initialised, or unreadable (0)
(p7)	br.cond.dpnt.few wait_init_more
	br.cond.sptk.few initialised
wait_init_more:
	br.call.sptk.many b0 = xs_wait
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few wait_init
initialised:
	movl out0 = p_ringref
	br.call.sptk.many b0 = read_front
	mov loc6 = r8                   // loc6 = grant reference
	movl out0 = p_evtchn
	br.call.sptk.many b0 = read_front
	mov loc7 = r8                   // loc7 = the frontend's port

	// GNTTABOP_map_grant_ref(&{ host_addr = ring, flags = host_map, ref, dom = front }, 1)
	movl r9 = map_op
	movl r10 = ring
	st8 [r9] = r10                  // host_addr
	adds r11 = 8, r9
	mov r10 = GNTMAP_HOST_MAP
	st4 [r11] = r10                 // flags
	adds r11 = 12, r9
	st4 [r11] = loc6                // ref
	adds r11 = 16, r9
	st2 [r11] = loc5                // dom
	mov r2 = HC_GRANT_TABLE_OP
	mov r14 = GNTTABOP_MAP
	mov r15 = r9
	mov r16 = 1
	break.m HYPERCALL_IMM
	movl r9 = map_op + 18
	ld2 r10 = [r9]
	sxt2 loc8 = r10                 // loc8 = GNTST status
	movl out0 = line
	movl out1 = m_map
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc6
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_from
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc5
	br.call.sptk.many b0 = s_dec
	cmp.eq p6, p7 = 0, loc8
(p6)	br.cond.sptk.few mapped
	mov out0 = r8
	movl out1 = m_refused
	br.call.sptk.many b0 = s_cat
	mov r9 = 45                     // '-'
	st1 [r8] = r9, 1
	mov out0 = r8
	sub out1 = r0, loc8
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_eperm
	cmp.eq p8, p0 = -8, loc8
(p8)	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line
	mov out0 = 5                    // Closing; Closed once the frontend has seen it (Closing/Closed, or gone)
	br.call.sptk.many b0 = set_state
refused_wait:
	movl out0 = p_state
	br.call.sptk.many b0 = read_front
	adds r9 = -1, r8
	cmp.gtu p6, p0 = 4, r9          // state 1..4: not yet
(p6)	br.cond.dpnt.few refused_more
	mov out0 = 6
	br.call.sptk.many b0 = set_state
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few poweroff
refused_more:
	br.call.sptk.many b0 = xs_wait
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few refused_wait
mapped:
	mov out0 = r8
	movl out1 = m_mapped
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line

	// EVTCHNOP_bind_interdomain(&{ remote_dom = front, remote_port })
	movl r9 = bind_op
	st2 [r9] = loc5
	adds r10 = 4, r9
	st4 [r10] = loc7
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_BIND_INTERDOMAIN
	mov r15 = r9
	break.m HYPERCALL_IMM
	adds r10 = 8, r9
	ld4 loc9 = [r10]                // loc9 = our end of the channel
	movl r9 = ports + 4
	st4 [r9] = loc9                 // ports = { store, ring }
	mov out0 = 4                    // Connected
	br.call.sptk.many b0 = set_state

	// Serve: loc10 = req_cons, loc11 = served
	mov loc10 = 0
	mov loc11 = 0
	movl loc12 = ring
serve:
	ld4.acq r9 = [loc12]            // req_prod
	cmp.eq p6, p0 = r9, loc10
(p6)	br.cond.dpnt.few idle
answer_next:
	and r10 = 63, loc10
	shl r10 = r10, 5
	add r10 = r10, loc12
	adds out0 = 64, r10
	br.call.sptk.many b0 = answer
	adds loc10 = 1, loc10
	adds loc11 = 1, loc11
	zxt4 loc10 = loc10
	ld4.acq r9 = [loc12]
	cmp.ne p6, p0 = r9, loc10
(p6)	br.cond.sptk.few answer_next
	mf
	adds r9 = 8, loc12
	st4.rel [r9] = loc10            // rsp_prod
	mf
	mov out0 = loc9
	br.call.sptk.many b0 = send
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few serve
idle:
	// A watch event in the store's ring: has the frontend moved to Closing?
	br.call.sptk.many b0 = xs_unread
	cmp.eq p6, p0 = 0, r8
(p6)	br.cond.sptk.few idle_clear
	movl out0 = p_state
	br.call.sptk.many b0 = read_front
	cmp.leu p7, p0 = 5, r8          // Closing or Closed
(p7)	br.cond.dpnt.few closing
idle_clear:
	mov out0 = loc9
	br.call.sptk.many b0 = evt_clear
	mov out0 = loc3
	br.call.sptk.many b0 = evt_clear
	ld4.acq r9 = [loc12]
	cmp.ne p6, p0 = r9, loc10
(p6)	br.cond.dpnt.few serve
	br.call.sptk.many b0 = xs_unread
	cmp.ne p6, p0 = 0, r8
(p6)	br.cond.dpnt.few idle
	mov out0 = 2
	br.call.sptk.many b0 = poll
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few serve

closing:
	// GNTTABOP_unmap_grant_ref(&{ host_addr, dev_bus_addr = 0, handle }, 1); EVTCHNOP_close
	movl r9 = unmap_op
	st8 [r9] = loc12
	movl r10 = map_op + 20
	ld4 r11 = [r10]
	adds r10 = 16, r9
	st4 [r10] = r11
	mov r2 = HC_GRANT_TABLE_OP
	mov r14 = GNTTABOP_UNMAP
	mov r15 = r9
	mov r16 = 1
	break.m HYPERCALL_IMM
	movl r9 = bind_op
	st4 [r9] = loc9
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_CLOSE
	mov r15 = r9
	break.m HYPERCALL_IMM
	movl out0 = line
	movl out1 = m_served
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc11
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_malformed
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = loc5
	br.call.sptk.many b0 = s_dec
	mov out0 = r8
	movl out1 = m_closed
	br.call.sptk.many b0 = s_cat
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = con_line
	mov out0 = 6
	br.call.sptk.many b0 = set_state
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
poweroff:
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_SHUTDOWN
	movl r15 = shutdown_reason
	break.m HYPERCALL_IMM
	br.cond.sptk.few poweroff
	.endp _start

// answer(slot in0): the response in place of the request: status 0 and the CRC-32 of id and words
// (status 1 for a request of no or too many words).
	.proc answer
answer:
	alloc loc0 = ar.pfs, 1, 5, 2, 0
	mov loc1 = b0
	ld4 loc2 = [in0]                // id
	adds r9 = 4, in0
	ld4 loc3 = [r9]                 // nr_words
	adds r10 = -1, loc3
	cmp.leu p6, p7 = 6, r10         // nr_words - 1 >= 6 (unsigned): malformed
(p6)	mov r11 = 1
(p6)	st4 [r9] = r11
(p6)	br.cond.dpnt.few answer_done
	movl out0 = 0xffffffff
	mov out1 = loc2
	br.call.sptk.many b0 = crc_word
	adds loc4 = 8, in0              // the words
answer_word:
	mov out0 = r8
	ld4 out1 = [loc4], 4
	br.call.sptk.many b0 = crc_word
	adds loc3 = -1, loc3
	cmp.ne p6, p0 = 0, loc3
(p6)	br.cond.sptk.few answer_word
	movl r10 = 0xffffffff
	xor r8 = r8, r10
	adds r9 = 4, in0
	st4 [r9] = r0                   // status OK
	adds r9 = 8, in0
	st4 [r9] = r8                   // crc
answer_done:
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp answer

// crc_word(crc in0, word in1) -> r8: the CRC-32 register (reflected, 0xEDB88320) after the word's 4 bytes, low first.
	.proc crc_word
crc_word:
	alloc loc0 = ar.pfs, 2, 2, 0, 0
	movl r10 = 0xedb88320
	zxt4 r8 = in0
	mov loc1 = 32
	mov r11 = 0
crc_byte:
	and r9 = 7, r11
	cmp.ne p6, p0 = 0, r9
	extr.u r9 = in1, 0, 8           // at each byte boundary: crc ^= next byte
(p6)	br.cond.sptk.few crc_bit
	xor r8 = r8, r9
	shr.u in1 = in1, 8
crc_bit:
	and r9 = 1, r8
	sub r9 = r0, r9                 // all ones if the low bit is set
	shr.u r8 = r8, 1
	and r9 = r9, r10
	xor r8 = r8, r9
	adds r11 = 1, r11
	adds loc1 = -1, loc1
	cmp.ne p6, p0 = 0, loc1
(p6)	br.cond.sptk.few crc_byte
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp crc_word

// read_front(name in0) -> r8: the number in fpath + name, or 0 when it cannot be read.
	.proc read_front
read_front:
	alloc loc0 = ar.pfs, 1, 2, 2, 0
	mov loc1 = b0
	movl out0 = xs_out
	movl out1 = fpath
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	mov out1 = in0
	br.call.sptk.many b0 = s_cat
	mov out0 = XS_READ
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 1, r10
	br.call.sptk.many b0 = xs_req
	cmp.eq p6, p0 = XS_ERROR, r8
	mov r8 = 0
(p6)	br.cond.dpnt.few read_front_done
	movl out0 = reply
	br.call.sptk.many b0 = s_num
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
read_front_done:
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp read_front

// set_state(state in0): XS_WRITE dev/state = the digit.
	.proc set_state
set_state:
	alloc loc0 = ar.pfs, 1, 2, 2, 0
	mov loc1 = b0
	movl out0 = xs_out
	movl out1 = dev
	br.call.sptk.many b0 = s_cat
	mov out0 = r8
	movl out1 = p_state
	br.call.sptk.many b0 = s_cat
	adds r9 = 48, in0               // "/state" NUL, then the digit (no NUL)
	adds r10 = 1, r8
	st1 [r10] = r9
	mov out0 = XS_WRITE
	movl r9 = xs_out
	sub r10 = r8, r9
	adds out1 = 2, r10
	br.call.sptk.many b0 = xs_req
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp set_state

// xs_req(type in0, len in1): sends the request in xs_out; returns the reply's type in r8, its payload in reply
// (NUL-terminated, at most 511 bytes kept). Watch events met on the way are skipped.
	.proc xs_req
xs_req:
	alloc loc0 = ar.pfs, 2, 7, 1, 0
	mov loc1 = b0
	movl r9 = xs_ring
	ld8 loc2 = [r9]
	movl r9 = xs_hdr
	st4 [r9] = in0, 4               // type
	movl r10 = xs_id
	ld4 loc3 = [r10]
	adds loc3 = 1, loc3
	st4 [r10] = loc3
	st4 [r9] = loc3, 4              // req_id
	st4 [r9] = r0, 4                // tx_id
	st4 [r9] = in1                  // len
	adds loc4 = XS_REQ_PROD, loc2
	ld4 loc5 = [loc4]               // req_prod
	movl r9 = xs_hdr
	mov r10 = 16
	adds r11 = 16, in1
xs_put:                             // header then payload: xs_hdr and xs_out are contiguous
	ld1 r14 = [r9], 1
	extr.u r15 = loc5, 0, 10        // index mod 1024
	add r15 = r15, loc2
	st1 [r15] = r14
	adds loc5 = 1, loc5
	adds r11 = -1, r11
	cmp.ne p6, p0 = 0, r11
(p6)	br.cond.sptk.few xs_put
	zxt4 loc5 = loc5
	mf
	st4.rel [loc4] = loc5
	movl r9 = store_port
	ld4 out0 = [r9]
	br.call.sptk.many b0 = send
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
xs_get:
	adds r9 = XS_RSP_CONS, loc2
	ld4 loc6 = [r9]
	adds r10 = XS_RSP_PROD, loc2
	ld4.acq r10 = [r10]
	sub r11 = r10, loc6
	zxt4 r11 = r11                  // bytes waiting
	cmp.gtu p6, p0 = 16, r11
(p6)	br.cond.dpnt.few xs_block
	mov r8 = 0                      // read the header: type, req_id, tx_id, len (4 x 4 bytes, little-endian)
	mov r14 = 0
	movl r20 = xs_rhdr
xs_hdr_byte:
	add r15 = loc6, r14
	extr.u r15 = r15, 0, 10
	add r15 = r15, loc2
	adds r15 = XS_RSP, r15
	ld1 r16 = [r15]
	add r17 = r20, r14
	st1 [r17] = r16
	adds r14 = 1, r14
	cmp.gtu p6, p0 = 16, r14
(p6)	br.cond.sptk.few xs_hdr_byte
	ld4 r18 = [r20]                 // type
	adds r20 = 12, r20
	ld4 r19 = [r20]                 // len
	adds r21 = 16, r19
	cmp.gtu p6, p0 = r21, r11
(p6)	br.cond.dpnt.few xs_block       // not all of it yet
	movl r22 = reply
	mov r14 = 0
xs_payload:
	cmp.eq p6, p0 = r14, r19
(p6)	br.cond.dpnt.few xs_payload_done
	add r15 = loc6, r14
	adds r15 = 16, r15
	extr.u r15 = r15, 0, 10
	add r15 = r15, loc2
	adds r15 = XS_RSP, r15
	ld1 r16 = [r15]
	mov r23 = 511
	cmp.gtu p7, p0 = r23, r14
(p7)	add r17 = r22, r14
(p7)	st1 [r17] = r16
	adds r14 = 1, r14
	br.cond.sptk.few xs_payload
xs_payload_done:
	mov r23 = 511
	cmp.gtu p7, p8 = r23, r19
(p7)	add r17 = r22, r19
(p8)	adds r17 = 511, r22
	st1 [r17] = r0
	add r15 = loc6, r21
	zxt4 r15 = r15
	mf
	adds r9 = XS_RSP_CONS, loc2
	st4.rel [r9] = r15
	cmp.eq p6, p0 = XS_WATCH_EVENT, r18
(p6)	br.cond.dpnt.few xs_get
	mov r8 = r18
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
xs_block:
	movl r9 = store_port
	ld4 out0 = [r9]
	br.call.sptk.many b0 = evt_clear
	adds r9 = XS_RSP_CONS, loc2
	ld4 r9 = [r9]
	adds r10 = XS_RSP_PROD, loc2
	ld4.acq r10 = [r10]
	sub r11 = r10, r9
	zxt4 r11 = r11
	cmp.gtu p6, p0 = 16, r11        // still not a header: wait for the store's signal
	mov out0 = 1
(p6)	br.call.sptk.many b0 = poll
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.cond.sptk.few xs_get
	.endp xs_req

// xs_unread() -> r8: bytes in the store's response ring not read yet (watch events).
	.proc xs_unread
xs_unread:
	movl r9 = xs_ring
	ld8 r9 = [r9]
	adds r10 = XS_RSP_CONS, r9
	adds r11 = XS_RSP_PROD, r9
	ld4 r10 = [r10]
	ld4.acq r11 = [r11]
	sub r8 = r11, r10
	zxt4 r8 = r8
	br.ret.sptk.many b0
	.endp xs_unread

// xs_wait(): until the store signals (a watch event): clear its pending bit, then poll if nothing is unread.
	.proc xs_wait
xs_wait:
	alloc loc0 = ar.pfs, 0, 2, 1, 0
	mov loc1 = b0
	movl r9 = store_port
	ld4 out0 = [r9]
	br.call.sptk.many b0 = evt_clear
	nop.m 0                         // a br.call must end its bundle: the return resumes at the next one
	br.call.sptk.many b0 = xs_unread
	cmp.eq p6, p0 = 0, r8
	mov out0 = 1
(p6)	br.call.sptk.many b0 = poll
	mov b0 = loc1
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp xs_wait

// poll(n in0): SCHEDOP_poll on the first n of ports = { store, ring }, no timeout.
	.proc poll
poll:
	alloc loc0 = ar.pfs, 1, 1, 0, 0
	movl r9 = poll_op
	movl r10 = ports
	st8 [r9] = r10
	adds r10 = 8, r9
	st4 [r10] = in0
	adds r10 = 16, r9
	st8 [r10] = r0
	mov r2 = HC_SCHED_OP
	mov r14 = SCHEDOP_POLL
	mov r15 = r9
	break.m HYPERCALL_IMM
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp poll

// send(port in0): EVTCHNOP_send.
	.proc send
send:
	alloc loc0 = ar.pfs, 1, 1, 0, 0
	movl r9 = send_op
	st4 [r9] = in0
	mov r2 = HC_EVENT_CHANNEL_OP
	mov r14 = EVTCHNOP_SEND
	mov r15 = r9
	break.m HYPERCALL_IMM
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp send

// evt_clear(port in0): clears the port's bit in shared_info's evtchn_pending[] (64-bit words at 2048) with
// cmpxchg8, as the hypervisor sets other bits of the same word concurrently.
	.proc evt_clear
evt_clear:
	alloc loc0 = ar.pfs, 1, 1, 0, 0
	movl r9 = shared_info
	ld8 r9 = [r9]
	extr.u r10 = in0, 6, 10         // word index
	shladd r9 = r10, 3, r9
	adds r9 = 2048, r9
	and r11 = 63, in0
	mov r14 = 1
	shl r14 = r14, r11              // the bit
evt_retry:
	ld8 r15 = [r9]
	andcm r16 = r15, r14
	mov ar.ccv = r15
	cmpxchg8.acq r17 = [r9], r16, ar.ccv
	cmp.ne p6, p0 = r17, r15
(p6)	br.cond.dpnt.few evt_retry
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp evt_clear

// con_line(): writes line (NUL-terminated) with console_io, then a newline.
	.proc con_line
con_line:
	alloc loc0 = ar.pfs, 0, 1, 0, 0
	movl r9 = line
	mov r10 = r9
con_len:
	ld1 r11 = [r10], 1
	cmp.ne p6, p0 = 0, r11
(p6)	br.cond.sptk.few con_len
	adds r10 = -1, r10
	mov r11 = 10
	st1 [r10] = r11, 1
	mov r2 = HC_CONSOLE_IO
	mov r14 = 0
	sub r15 = r10, r9
	mov r16 = r9
	break.m HYPERCALL_IMM
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp con_line

// s_cat(dst in0, src in1) -> r8: copies src and its NUL; r8 points at the NUL written.
	.proc s_cat
s_cat:
	alloc loc0 = ar.pfs, 2, 1, 0, 0
cat_loop:
	ld1 r9 = [in1], 1
	st1 [in0] = r9
	cmp.eq p6, p0 = 0, r9
(p6)	br.cond.dpnt.few cat_done
	adds in0 = 1, in0
	br.cond.sptk.few cat_loop
cat_done:
	mov r8 = in0
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp s_cat

// s_dec(dst in0, value in1) -> r8: the value in decimal and a NUL; r8 points at the NUL. Repeated subtraction
// of powers of ten (ia64 has no integer divide).
	.proc s_dec
s_dec:
	alloc loc0 = ar.pfs, 2, 2, 0, 0
	movl r9 = powers
	mov loc1 = 0                    // a digit was written
	mov r11 = 10
dec_power:
	ld8 r10 = [r9], 8
	mov r14 = 48
dec_sub:
	cmp.gtu p6, p0 = r10, in1
(p6)	br.cond.sptk.few dec_digit
	sub in1 = in1, r10
	adds r14 = 1, r14
	br.cond.sptk.few dec_sub
dec_digit:
	cmp.ne p7, p0 = 48, r14
(p7)	mov loc1 = 1
	cmp.eq p8, p0 = 1, r11          // the units digit is always written
(p8)	mov loc1 = 1
	cmp.ne p9, p0 = 0, loc1
(p9)	st1 [in0] = r14, 1
	adds r11 = -1, r11
	cmp.ne p6, p0 = 0, r11
(p6)	br.cond.sptk.few dec_power
	st1 [in0] = r0
	mov r8 = in0
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp s_dec

// s_num(src in0) -> r8: the decimal number at src (up to the first non-digit).
	.proc s_num
s_num:
	alloc loc0 = ar.pfs, 1, 1, 0, 0
	mov r8 = 0
num_loop:
	ld1 r9 = [in0], 1
	adds r9 = -48, r9
	cmp.ltu p6, p0 = 9, r9
(p6)	br.cond.dpnt.few num_done
	shladd r10 = r8, 2, r8          // r8 * 5
	shladd r8 = r10, 1, r9          // * 2 + digit
	br.cond.sptk.few num_loop
num_done:
	mov ar.pfs = loc0
	br.ret.sptk.many b0
	.endp s_num

	.section .rodata
	.align 8
powers:
	.quad 1000000000, 100000000, 10000000, 1000000, 100000, 10000, 1000, 100, 10, 1
m_domain:	.asciz "split-back: domain "
m_serving:	.asciz " serving polyvisor-echo"
m_map:		.asciz "split-back: GNTTABOP_map_grant_ref of ref "
m_from:		.asciz " from domain "
m_mapped:	.asciz ": mapped read-write"
m_refused:	.asciz " refused: status "
m_eperm:	.asciz " (GNTST_permission_denied)"
m_served:	.asciz "split-back: served "
m_malformed:	.asciz " requests (0 malformed) for domain "
m_closed:	.asciz ", unmapped, closed"
p_backends:	.asciz "backend/polyvisor-echo"
p_zero:		.asciz "/0"
p_frontend:	.asciz "/frontend"
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
ring:					// replaced by the frontend's page while mapped
	.skip 4096
	.balign 8
xs_ring:	.skip 8
shared_info:	.skip 8
map_op:		.skip 32		// struct gnttab_map_grant_ref
unmap_op:	.skip 24		// struct gnttab_unmap_grant_ref
poll_op:	.skip 24		// struct sched_poll
bind_op:	.skip 16		// struct evtchn_bind_interdomain (and evtchn_close)
send_op:	.skip 8
ports:		.skip 8			// { store port, ring port }
store_port:	.skip 4
xs_id:		.skip 4
xs_rhdr:	.skip 16
xs_hdr:		.skip 16		// followed at once by xs_out: one buffer for the ring copy
xs_out:		.skip 256
reply:		.skip 512
line:		.skip 256
dev:		.skip 64
fpath:		.skip 128
	.balign 16
	.skip 16384
stack_top:
