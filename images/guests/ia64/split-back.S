// split-back: the polyvisor-echo backend in ia64 assembly (the protocol: images/guests/common/split.h and
// images/README.md, "split"). It finds its frontend in the directory the toolstack wrote
// (/local/domain/<self>/backend/polyvisor-echo/<front>/0), waits for the frontend's ring-ref and event-channel,
// maps the granted ring read-write (GNTTABOP_map_grant_ref), binds the interdomain event channel and answers each
// request with the CRC-32 of its id and words, until the frontend moves to Closing. The ring is little-endian, as
// ia64 is: no byte swapping. Same console lines as the C backend of the other ISAs. The XenStore client, CRC and
// string routines are split.inc's, shared with split-front.S.
// Entry (images/README.md): physical mode, cpl 0, r28 = start_info. Assembled in gas auto mode (as places stops).

	.include "xen.inc"
	.include "split-abi.inc"

	.text
	.global _start
	.proc _start
_start:
	alloc loc15 = ar.pfs, 0, 16, 3, 0
	split_entry

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

	.include "split.inc"

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
