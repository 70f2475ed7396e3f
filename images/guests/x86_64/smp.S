# smp: a self-checking x86_64 PV guest with four vCPUs (images/README.md, x86_64 PV ABI).
# vCPU 0 brings vCPUs 1..3 up with VCPUOP_initialise (Xen's 5168-byte struct vcpu_guest_context) and VCPUOP_up;
# all four add 1 to a shared counter 1000 times with LOCK XADD; then vCPU 0 registers an event callback with
# callback_op(CALLBACKOP_register), binds an IPI port to itself (EVTCHNOP_bind_ipi), unmasks upcalls, sends itself
# the event (EVTCHNOP_send) and checks that the callback ran with the port pending. Prints PASS/FAIL lines and a
# summary, then powers off.
    .code64
    .set HYPERVISOR_sched_op_yield, 0
    .set HYPERVISOR_vcpu_op, 24
    .set HYPERVISOR_callback_op, 30
    .set HYPERVISOR_event_channel_op, 32
    .set VCPUOP_initialise, 0
    .set VCPUOP_up, 1
    .set CALLBACKOP_register, 0
    .set EVTCHNOP_send, 4
    .set EVTCHNOP_bind_ipi, 7
    .set CTX_SIZE, 5168                   # sizeof(struct vcpu_guest_context) on x86_64
    .set CTX_FLAGS, 512
    .set CTX_RDI, 520 + 112               # user_regs at 520
    .set CTX_RIP, 520 + 128
    .set CTX_CS, 520 + 136
    .set CTX_RSP, 520 + 152
    .set CTX_SS, 520 + 160
    .set CTX_ES, 520 + 168
    .set CTX_DS, 520 + 176
    .set CTX_KERNEL_SS, 4968
    .set VGCF_in_kernel, 4
    .set SI_SHARED_INFO, 40               # start_info.shared_info
    .set EVTCHN_PENDING, 2048             # shared_info.evtchn_pending[] after the 32 vcpu_info slots
    .set ROUNDS, 1000

    .text
    .globl _start
_start:
    lea stack_top(%rip), %rsp
    mov %rsi, %r12                        # start_info
    mov SI_SHARED_INFO(%r12), %rax
    mov %rax, shared_info(%rip)
    lgdt gdt_desc(%rip)                   # flat 0x08 code / 0x10 data, for IRETQ out of the event callback
    lea line_buf(%rip), %rbx
    lea banner(%rip), %r8
    call append
    call flush

    # A context with a non-canonical rip is refused with -EINVAL (Xen's arch_set_info_guest).
    mov $3, %edi
    call fill_context
    movabs $0x0000800000000000, %rax
    mov %rax, CTX_RIP(%r13)
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %edi
    mov $3, %esi
    mov %r13, %rdx
    syscall
    cmp $-22, %rax
    lea t_badctx(%rip), %r8
    call check

    # vCPUs 1..3: initialise, then up.
    mov $1, %r14d
1:  mov %r14d, %edi
    call fill_context
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %edi
    mov %r14d, %esi
    mov %r13, %rdx
    syscall
    or %rax, init_results(%rip)
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_up, %edi
    mov %r14d, %esi
    xor %edx, %edx
    syscall
    or %rax, up_results(%rip)
    inc %r14d
    cmp $4, %r14d
    jb 1b
    cmpq $0, init_results(%rip)
    lea t_init(%rip), %r8
    call check
    cmpq $0, up_results(%rip)
    lea t_up(%rip), %r8
    call check

    # A second VCPUOP_initialise of vCPU 1 is -EEXIST.
    mov $1, %edi
    call fill_context
    mov $HYPERVISOR_vcpu_op, %eax
    mov $VCPUOP_initialise, %edi
    mov $1, %esi
    mov %r13, %rdx
    syscall
    cmp $-17, %rax
    lea t_again(%rip), %r8
    call check

    call count
    mov $100000, %r14d                    # wait (yielding) until the four vCPUs are done
2:  cmpl $4, done(%rip)
    je 3f
    mov $HYPERVISOR_sched_op_yield, %eax
    xor %edi, %edi
    xor %esi, %esi
    syscall
    dec %r14d
    jne 2b
3:  cmpl $4, done(%rip)
    lea t_done(%rip), %r8
    call check
    cmpq $4 * ROUNDS, counter(%rip)
    lea t_counter(%rip), %r8
    call check

    # The event callback: register, bind an IPI port, unmask, send.
    lea cb_register(%rip), %rsi
    lea event_callback(%rip), %rax
    mov %rax, 8(%rsi)
    mov $HYPERVISOR_callback_op, %eax
    mov $CALLBACKOP_register, %edi
    syscall
    test %rax, %rax
    lea t_register(%rip), %r8
    call check
    mov $HYPERVISOR_event_channel_op, %eax
    mov $EVTCHNOP_bind_ipi, %edi
    lea bind_ipi(%rip), %rsi
    syscall
    test %rax, %rax
    lea t_bind(%rip), %r8
    call check
    mov shared_info(%rip), %rax
    movb $0, 1(%rax)                      # vcpu_info[0].evtchn_upcall_mask = 0
    sti
    mov $HYPERVISOR_event_channel_op, %eax
    mov $EVTCHNOP_send, %edi
    lea bind_ipi + 4(%rip), %rsi          # struct evtchn_send { port }: the port bind_ipi returned
    syscall
    mov %rax, send_result(%rip)
    mov $1000, %r14d
4:  cmpl $0, events(%rip)
    jne 5f
    mov $HYPERVISOR_sched_op_yield, %eax
    xor %edi, %edi
    xor %esi, %esi
    syscall
    dec %r14d
    jne 4b
5:  cli
    cmpq $0, send_result(%rip)
    lea t_send(%rip), %r8
    call check
    cmpl $1, events(%rip)
    lea t_event(%rip), %r8
    call check

    # Summary.
    lea summary(%rip), %r8
    call append
    cmpl $0, failures(%rip)
    jne 6f
    lea all_passed(%rip), %r8
    call append
    jmp 7f
6:  lea some_failed(%rip), %r8
    call append
7:  movb $10, (%rbx)
    inc %rbx
    call flush
    jmp power_off

# check: appends "PASS " or "FAIL " (ZF from the caller's compare) and the text at r8, then flushes.
check:
    push %r8
    lea pass(%rip), %r8
    je 1f
    incl failures(%rip)
    lea fail(%rip), %r8
1:  call append
    pop %r8
    call append
    movb $10, (%rbx)
    inc %rbx
    jmp flush

# fill_context: zeroes ctx_buf and fills it for vCPU edi (rdi = its id, its own stack, entry secondary); r13 = it.
fill_context:
    lea ctx_buf(%rip), %r13
    push %rdi
    mov %r13, %rdi
    mov $CTX_SIZE, %ecx
    xor %eax, %eax
    rep stosb
    pop %rdi
    movq $VGCF_in_kernel, CTX_FLAGS(%r13)
    mov %rdi, CTX_RDI(%r13)
    lea secondary(%rip), %rax
    mov %rax, CTX_RIP(%r13)
    mov %rdi, %rax
    shl $12, %rax
    lea stacks(%rip), %rcx
    add %rcx, %rax
    mov %rax, CTX_RSP(%r13)               # the top of its 4 KiB stack
    movw $0x08, CTX_CS(%r13)
    movw $0x10, CTX_SS(%r13)
    movw $0x10, CTX_ES(%r13)
    movw $0x10, CTX_DS(%r13)
    movq $0x10, CTX_KERNEL_SS(%r13)
    ret

# count: adds 1 to counter ROUNDS times with LOCK XADD, then marks this vCPU done.
count:
    mov $ROUNDS, %ecx
1:  mov $1, %eax
    lock xadd %rax, counter(%rip)
    dec %ecx
    jne 1b
    lock incl done(%rip)
    ret

# secondary: vCPUs 1..3 enter here (rdi = id) on the stack their context gave; count, then yield forever.
secondary:
    call count
1:  mov $HYPERVISOR_sched_op_yield, %eax
    xor %edi, %edi
    xor %esi, %esi
    syscall
    jmp 1b

# event_callback: Xen's x86_64 bounce frame: rcx, r11, then rip, cs, rflags, rsp, ss. Clears upcall_pending and
# pending_sel, takes the IPI port's pending bit and counts the event when it was set.
event_callback:
    push %rax
    push %rdx
    mov shared_info(%rip), %rdx
    movb $0, (%rdx)                       # vcpu_info[0].evtchn_upcall_pending = 0
    xor %eax, %eax
    xchg %rax, 8(%rdx)                    # evtchn_pending_sel
    mov bind_ipi + 4(%rip), %eax
    lock btr %rax, EVTCHN_PENDING(%rdx)
    jnc 1f
    lock incl events(%rip)
1:  pop %rdx
    pop %rax
    pop %rcx
    pop %r11
    iretq

    .include "pv.inc"

    .section .rodata
banner:     .asciz "smp: x86_64 PV, four vCPUs\n"
pass:       .asciz "PASS "
fail:       .asciz "FAIL "
t_badctx:   .asciz "VCPUOP_initialise with a non-canonical rip is -EINVAL"
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
    .quad 0x00af9a000000ffff              # 0x08: 64-bit code, DPL 0
    .quad 0x00cf92000000ffff              # 0x10: data, DPL 0
gdt_desc:
    .word 3 * 8 - 1
    .quad gdt

    .data
    .balign 8
cb_register:                              # struct callback_register { u16 type, flags; u64 address }
    .word 0, 0
    .long 0
    .quad 0
bind_ipi:                                 # struct evtchn_bind_ipi { u32 vcpu; u32 port (out) }
    .long 0, 0
counter:    .quad 0
init_results: .quad 0
up_results: .quad 0
send_result: .quad 0
shared_info: .quad 0
done:       .long 0
events:     .long 0
failures:   .long 0

    .bss
    .balign 4096
stacks:                                   # vCPU n (1..3) has the 4 KiB up to stacks + n * 4096
    .space 3 * 4096
ctx_buf:
    .space CTX_SIZE
