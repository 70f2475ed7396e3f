# smp: a self-checking x86 (32-bit) PV guest with four vCPUs (images/README.md, x86 PV ABI).
# vCPU 0 brings vCPUs 1..3 up with VCPUOP_initialise (Xen's 2800-byte x86_32 struct vcpu_guest_context) and
# VCPUOP_up; all four add 1 to a shared counter 1000 times with LOCK XADD; then vCPU 0 registers an event callback
# with callback_op(CALLBACKOP_register, {cs, eip}), binds an IPI port to itself (EVTCHNOP_bind_ipi), unmasks
# upcalls, sends itself the event (EVTCHNOP_send) and checks that the callback ran with the port pending. Prints
# PASS/FAIL lines and a summary, then powers off.
    .set HYPERVISOR_sched_op_yield, 0
    .set HYPERVISOR_vcpu_op, 24
    .set HYPERVISOR_callback_op, 30
    .set HYPERVISOR_event_channel_op, 32
    .set VCPUOP_initialise, 0
    .set VCPUOP_up, 1
    .set CALLBACKOP_register, 0
    .set EVTCHNOP_send, 4
    .set EVTCHNOP_bind_ipi, 7
    .set CTX_SIZE, 2800                   # sizeof(struct vcpu_guest_context) on x86_32
    .set CTX_FLAGS, 512
    .set CTX_EBX, 516                     # user_regs at 516
    .set CTX_EIP, 516 + 32
    .set CTX_CS, 516 + 36
    .set CTX_ESP, 516 + 44
    .set CTX_SS, 516 + 48
    .set CTX_ES, 516 + 52
    .set CTX_DS, 516 + 56
    .set CTX_KERNEL_SS, 2708
    .set VGCF_in_kernel, 4
    .set SI_SHARED_INFO, 36               # start_info.shared_info
    .set EVTCHN_PENDING, 2048             # shared_info.evtchn_pending[] after the 32 vcpu_info slots
    .set ROUNDS, 1000

    .text
    .globl _start
_start:
    mov $stack_top, %esp
    mov SI_SHARED_INFO(%esi), %eax        # esi = start_info (Xen's x86_32 PV ABI)
    mov %eax, shared_info
    lgdt gdt_desc                         # flat 0x08 code / 0x10 data, for IRET out of the event callback
    mov $line_buf, %edi
    mov $banner, %esi
    call append
    call flush

    # kernel_ss with RPL 0 is refused with -EINVAL (Xen's 32-bit PV kernel runs in ring 1).
    mov $3, %eax
    call fill_context
    movl $0x10, CTX_KERNEL_SS(%ebp)
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %ebx
    mov $3, %ecx
    mov %ebp, %edx
    int $0x82
    cmp $-22, %eax
    mov $t_badctx, %esi
    call check

    # vCPUs 1..3: initialise, then up.
    movl $1, vcpu
1:  mov vcpu, %eax
    call fill_context
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %ebx
    mov vcpu, %ecx
    mov %ebp, %edx
    int $0x82
    or %eax, init_results
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_up, %ebx
    mov vcpu, %ecx
    xor %edx, %edx
    int $0x82
    or %eax, up_results
    incl vcpu
    cmpl $4, vcpu
    jb 1b
    cmpl $0, init_results
    mov $t_init, %esi
    call check
    cmpl $0, up_results
    mov $t_up, %esi
    call check

    # A second VCPUOP_initialise of vCPU 1 is -EEXIST.
    mov $1, %eax
    call fill_context
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %ebx
    mov $1, %ecx
    mov %ebp, %edx
    int $0x82
    cmp $-17, %eax
    mov $t_again, %esi
    call check

    call count
    movl $100000, wait_left               # wait (yielding) until the four vCPUs are done
2:  cmpl $4, done
    je 3f
    call yield
    decl wait_left
    jne 2b
3:  cmpl $4, done
    mov $t_done, %esi
    call check
    cmpl $4 * ROUNDS, counter
    mov $t_counter, %esi
    call check

    # The event callback: register, bind an IPI port, unmask, send.
    movl $event_callback, cb_register + 8
    mov $HYPERVISOR_callback_op, %eax
    mov $CALLBACKOP_register, %ebx
    mov $cb_register, %ecx
    int $0x82
    test %eax, %eax
    mov $t_register, %esi
    call check
    mov $HYPERVISOR_event_channel_op, %eax
    mov $EVTCHNOP_bind_ipi, %ebx
    mov $bind_ipi, %ecx
    int $0x82
    test %eax, %eax
    mov $t_bind, %esi
    call check
    mov shared_info, %eax
    movb $0, 1(%eax)                      # vcpu_info[0].evtchn_upcall_mask = 0
    sti
    mov $HYPERVISOR_event_channel_op, %eax
    mov $EVTCHNOP_send, %ebx
    mov $bind_ipi + 4, %ecx               # struct evtchn_send { port }: the port bind_ipi returned
    int $0x82
    mov %eax, send_result
    movl $1000, wait_left
4:  cmpl $0, events
    jne 5f
    call yield
    decl wait_left
    jne 4b
5:  cli
    cmpl $0, send_result
    mov $t_send, %esi
    call check
    cmpl $1, events
    mov $t_event, %esi
    call check

    # Summary.
    mov $summary, %esi
    call append
    mov $all_passed, %esi
    cmpl $0, failures
    je 6f
    mov $some_failed, %esi
6:  call append
    movb $10, (%edi)
    inc %edi
    call flush
    jmp power_off

# check: appends "PASS " or "FAIL " (ZF from the caller's compare) and the text at esi, then flushes.
check:
    push %esi
    mov $pass, %esi
    je 1f
    incl failures
    mov $fail, %esi
1:  call append
    pop %esi
    call append
    movb $10, (%edi)
    inc %edi
    jmp flush

# yield: sched_op(SCHEDOP_yield). Clobbers eax, ebx, ecx.
yield:
    mov $HYPERVISOR_sched_op_yield, %eax
    xor %ebx, %ebx
    xor %ecx, %ecx
    int $0x82
    ret

# fill_context: zeroes ctx_buf and fills it for vCPU eax (ebx = its id, its own stack, entry secondary); ebp = it.
fill_context:
    push %edi
    push %eax
    mov $ctx_buf, %edi
    mov %edi, %ebp
    mov $CTX_SIZE, %ecx
    xor %eax, %eax
    rep stosb
    pop %eax
    pop %edi
    movl $VGCF_in_kernel, CTX_FLAGS(%ebp)
    mov %eax, CTX_EBX(%ebp)
    movl $secondary, CTX_EIP(%ebp)
    shl $12, %eax
    add $stacks, %eax
    mov %eax, CTX_ESP(%ebp)               # the top of its 4 KiB stack
    movw $0x08, CTX_CS(%ebp)
    movw $0x10, CTX_SS(%ebp)
    movw $0x10, CTX_ES(%ebp)
    movw $0x10, CTX_DS(%ebp)
    movl $0xe021, CTX_KERNEL_SS(%ebp)     # Xen's FLAT_RING1_DS
    ret

# count: adds 1 to counter ROUNDS times with LOCK XADD, then marks this vCPU done. Clobbers eax, ecx.
count:
    mov $ROUNDS, %ecx
1:  mov $1, %eax
    lock xadd %eax, counter
    dec %ecx
    jne 1b
    lock incl done
    ret

# secondary: vCPUs 1..3 enter here (ebx = id) on the stack their context gave; count, then yield forever.
secondary:
    call count
1:  call yield
    jmp 1b

# event_callback: Xen's x86_32 bounce frame (eip, cs, eflags). Clears upcall_pending and pending_sel, takes the
# IPI port's pending bit and counts the event when it was set.
event_callback:
    push %eax
    push %edx
    mov shared_info, %edx
    movb $0, (%edx)                       # vcpu_info[0].evtchn_upcall_pending = 0
    xor %eax, %eax
    xchg %eax, 4(%edx)                    # evtchn_pending_sel
    mov bind_ipi + 4, %eax
    lock btr %eax, EVTCHN_PENDING(%edx)
    jnc 1f
    lock incl events
1:  pop %edx
    pop %eax
    iret

    .include "pv.inc"

    .section .rodata
banner:     .asciz "smp: x86 PV, four vCPUs\n"
pass:       .asciz "PASS "
fail:       .asciz "FAIL "
t_badctx:   .asciz "VCPUOP_initialise with kernel_ss RPL 0 is -EINVAL"
t_init:     .asciz "VCPUOP_initialise of vCPUs 1-3"
t_up:       .asciz "VCPUOP_up of vCPUs 1-3"
t_again:    .asciz "VCPUOP_initialise of vCPU 1 again is -EEXIST"
t_done:     .asciz "four vCPUs counted"
t_counter:  .asciz "LOCK XADD counter is 4000"
t_register: .asciz "callback_op registers the event callback"
t_bind:     .asciz "EVTCHNOP_bind_ipi"
t_send:     .asciz "EVTCHNOP_send"
t_event:    .asciz "event callback ran once with the IPI port pending"
summary:    .asciz "smp: "
all_passed: .asciz "all checks passed"
some_failed: .asciz "some checks FAILED"
    .balign 8
gdt:
    .quad 0
    .quad 0x00cf9a000000ffff              # 0x08: 32-bit code, DPL 0
    .quad 0x00cf92000000ffff              # 0x10: data, DPL 0
gdt_desc:
    .word 3 * 8 - 1
    .long gdt

    .data
    .balign 4
cb_register:                              # struct callback_register { u16 type, flags; {u32 cs, eip} }
    .word 0, 0
    .long 0x08, 0
bind_ipi:                                 # struct evtchn_bind_ipi { u32 vcpu; u32 port (out) }
    .long 0, 0
counter:    .long 0
init_results: .long 0
up_results: .long 0
send_result: .long 0
shared_info: .long 0
vcpu:       .long 0
wait_left:  .long 0
done:       .long 0
events:     .long 0
failures:   .long 0

    .bss
    .balign 4096
stacks:                                   # vCPU n (1..3) has the 4 KiB up to stacks + n * 4096
    .space 3 * 4096
ctx_buf:
    .space CTX_SIZE
