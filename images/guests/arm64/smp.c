/* smp: a 4-vCPU PV guest on arm64. vCPU 0 brings vCPUs 1-3 up with VCPUOP_initialise (Xen on ARM's
 * struct vcpu_guest_context, public/arch-arm.h) and VCPUOP_up; all four contend on an LDAXR/STXR spin lock and an
 * LSE LDADD counter; event upcalls (EVTCHNOP_bind_ipi + EVTCHNOP_send) arrive as an IRQ exception through each vCPU's
 * VBAR_EL1 vector table, whose handler clears evtchn_upcall_pending and scans pending_sel/evtchn_pending. Only vCPU 0
 * prints: PASS/FAIL lines, a summary, then it powers off. EL1h with the MMU off throughout, as the PV entry leaves it. */
#include "xen.h"

#define __HYPERVISOR_xen_version 17
#define __HYPERVISOR_vcpu_op 24
#define VCPUOP_initialise 0
#define VCPUOP_up 1
#define VCPUOP_down 2
#define VCPUOP_is_up 3
#define EVTCHNOP_bind_ipi 7
#define EINVAL 22
#define EEXIST 17

#define NCPUS 4
#define ROUNDS 1500
#define PATIENCE 400000
#define STACK 8192
#define PSR_EL1H_DAIF 0x3c5ul       /* EL1h with D, A, I and F masked */

/* Xen on ARM's struct vcpu_guest_core_regs and vcpu_guest_context (XEN_DOMCTL_INTERFACE_VERSION >= 0x14). */
struct vcpu_guest_core_regs {
    uint64_t x[31];
    uint64_t pc64;
    uint64_t cpsr;
    uint64_t spsr_el1;
    uint32_t spsr_fiq, spsr_irq, spsr_und, spsr_abt;
    uint64_t sp_el0;
    uint64_t sp_el1, elr_el1;
};
struct vcpu_guest_context {
    uint32_t flags;
    struct vcpu_guest_core_regs user_regs;
    uint64_t sctlr;
    uint64_t ttbcr, ttbr0, ttbr1;
};
_Static_assert(sizeof(struct vcpu_guest_core_regs) == 312, "vcpu_guest_core_regs: 312 bytes");
_Static_assert(sizeof(struct vcpu_guest_context) == 352, "vcpu_guest_context: 352 bytes");
_Static_assert(__builtin_offsetof(struct vcpu_guest_context, user_regs) == 8, "user_regs at 8");
_Static_assert(__builtin_offsetof(struct vcpu_guest_context, sctlr) == 320, "sctlr at 320");

/* vcpu_info in shared_info (64-bit layout, 64 bytes a slot): upcall_pending, upcall_mask, pending_sel at 8. */
struct vcpu_info { volatile uint8_t upcall_pending, upcall_mask; uint8_t pad[6]; volatile uint64_t pending_sel; };

struct percpu {
    volatile uint32_t entries;      /* IRQ exceptions taken */
    volatile uint32_t events;       /* ports found pending and cleared by the handler */
    volatile uint32_t last_port;
    volatile uint64_t elr;          /* where the last upcall interrupted */
    volatile uint64_t started_x0, started_x1, started_sp;
};

static struct pv_info pv;
static struct percpu per[NCPUS];
static uint32_t port[NCPUS];
static volatile uint32_t lock_word, counter, atomic_counter, arrived, finished, unexpected;
static struct vcpu_guest_context ctx;
static unsigned passed, failed;
char smp_stack[NCPUS][STACK] __attribute__((aligned(16)));

void guest_main(void *start_info);
void secondary_main(uint64_t cpu, uint64_t magic);
void upcall_handler(uint64_t *elr);
void unexpected_exception(void);
extern char vectors[], after_daifclr[];

__asm__(".section .text.start, \"ax\"\n"
        ".globl _start\n"
        "_start:\n"
        "    adrp x1, smp_stack\n"
        "    add  x1, x1, :lo12:smp_stack\n"
        "    add  x1, x1, #" "8192" "\n"
        "    mov  sp, x1\n"
        "    bl   guest_main\n"
        "1:  b    1b\n"
        ".text\n"
        /* VBAR_EL1's table: 16 entries of 128 bytes. IRQ from the current EL with SP_ELx (0x280) is the upcall; every
         * other entry is unexpected here. */
        ".balign 2048\n"
        ".globl vectors\n"
        "vectors:\n"
        "    .rept 5\n"
        "    b    bad_vector\n"
        "    .balign 128\n"
        "    .endr\n"
        "    b    irq_entry\n"               /* 0x280 */
        "    .balign 128\n"
        "    .rept 10\n"
        "    b    bad_vector\n"
        "    .balign 128\n"
        "    .endr\n"
        "bad_vector:\n"
        "    bl   unexpected_exception\n"
        "2:  b    2b\n"
        /* Saves the caller-saved registers, ELR_EL1 and SPSR_EL1 on the interrupted stack (AArch64 has no red zone),
         * calls upcall_handler(&saved ELR), restores, ERET. */
        "irq_entry:\n"
        "    sub  sp, sp, #192\n"
        "    stp  x0, x1, [sp, #0]\n"
        "    stp  x2, x3, [sp, #16]\n"
        "    stp  x4, x5, [sp, #32]\n"
        "    stp  x6, x7, [sp, #48]\n"
        "    stp  x8, x9, [sp, #64]\n"
        "    stp  x10, x11, [sp, #80]\n"
        "    stp  x12, x13, [sp, #96]\n"
        "    stp  x14, x15, [sp, #112]\n"
        "    stp  x16, x17, [sp, #128]\n"
        "    stp  x18, x29, [sp, #144]\n"
        "    mrs  x0, elr_el1\n"
        "    mrs  x1, spsr_el1\n"
        "    stp  x30, x0, [sp, #160]\n"
        "    str  x1, [sp, #176]\n"
        "    add  x0, sp, #168\n"
        "    bl   upcall_handler\n"
        "    ldr  x1, [sp, #176]\n"
        "    ldp  x30, x0, [sp, #160]\n"
        "    msr  spsr_el1, x1\n"
        "    msr  elr_el1, x0\n"
        "    ldp  x18, x29, [sp, #144]\n"
        "    ldp  x16, x17, [sp, #128]\n"
        "    ldp  x14, x15, [sp, #112]\n"
        "    ldp  x12, x13, [sp, #96]\n"
        "    ldp  x10, x11, [sp, #80]\n"
        "    ldp  x8, x9, [sp, #64]\n"
        "    ldp  x6, x7, [sp, #48]\n"
        "    ldp  x4, x5, [sp, #32]\n"
        "    ldp  x2, x3, [sp, #16]\n"
        "    ldp  x0, x1, [sp, #0]\n"
        "    add  sp, sp, #192\n"
        "    eret\n");

long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3) {
    register unsigned long x16 __asm__("x16") = op;
    register unsigned long x0 __asm__("x0") = a1;
    register unsigned long x1 __asm__("x1") = a2;
    register unsigned long x2 __asm__("x2") = a3;
    __asm__ volatile("hvc #0xea1" : "+r"(x0) : "r"(x16), "r"(x1), "r"(x2) : "memory");
    return (long) x0;
}

static uint64_t cpu_id(void) { uint64_t v; __asm__ volatile("mrs %0, tpidr_el1" : "=r"(v)); return v; }

static void install_vectors(uint64_t cpu) {
    __asm__ volatile("msr tpidr_el1, %0\n msr vbar_el1, %1\n isb" : : "r"(cpu), "r"(vectors) : "memory");
}

static void irqs_on(void) { __asm__ volatile("msr daifclr, #2" ::: "memory"); }

static void irqs_off(void) { __asm__ volatile("msr daifset, #2" ::: "memory"); }

static struct vcpu_info *vcpu_info(uint64_t cpu) { return (struct vcpu_info *) (pv.shared_info + 64 * cpu); }

static volatile uint64_t *evtchn_word(int mask, uint64_t w) {
    return (volatile uint64_t *) (pv.shared_info + (mask ? 2560 : 2048)) + w;
}

static void yield(void) { xen_hypercall(__HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0); }

/* LSE: atomically clears bits of a doubleword (LDCLRAL); returns its old value. */
static uint64_t fetch_and_clear(volatile uint64_t *w, uint64_t bits) {
    uint64_t old;
    __asm__ volatile(".arch_extension lse\n ldclral %1, %0, [%2]" : "=r"(old) : "r"(bits), "r"(w) : "memory");
    return old;
}

/* LSE: atomic add (STADDL). */
static void atomic_add(volatile uint32_t *w, uint32_t n) {
    __asm__ volatile(".arch_extension lse\n staddl %w0, [%1]" : : "r"(n), "r"(w) : "memory");
}

/* The upcall, as Xen guests take it: clear upcall_pending first, then take pending_sel, then each word's pending
 * and unmasked ports. */
void upcall_handler(uint64_t *elr) {
    uint64_t cpu = cpu_id();
    struct percpu *p = &per[cpu];
    struct vcpu_info *vi = vcpu_info(cpu);
    p->entries++;
    p->elr = *elr;
    vi->upcall_pending = 0;
    __asm__ volatile("dmb ish" ::: "memory");
    uint64_t sel = fetch_and_clear(&vi->pending_sel, ~0ul);
    while (sel) {
        uint64_t w = 63 - __builtin_clzl(sel);
        sel &= ~(1ul << w);
        uint64_t ready = *evtchn_word(0, w) & ~*evtchn_word(1, w);
        while (ready) {
            uint64_t b = 63 - __builtin_clzl(ready);
            ready &= ~(1ul << b);
            fetch_and_clear(evtchn_word(0, w), 1ul << b);
            p->last_port = w * 64 + b;
            p->events++;
        }
    }
}

void unexpected_exception(void) {
    atomic_add(&unexpected, 1);
    if (cpu_id() != 0) for (;;) yield();
    con_str("FAIL unexpected exception\n");
    pv_poweroff();
}

/* An exclusives spin lock: LDAXR/STXR, with WFE-free yielding so that a preempted holder gets its pCPU back. */
static void spin_lock(volatile uint32_t *l) {
    uint32_t busy;
    for (unsigned tries = 0;; tries++) {
        __asm__ volatile("   ldaxr  %w0, [%1]\n"
                         "   cbnz   %w0, 1f\n"
                         "   stxr   %w0, %w2, [%1]\n"
                         "   b      2f\n"
                         "1: clrex\n"
                         "2:\n"
                         : "=&r"(busy) : "r"(l), "r"(1) : "memory");
        if (!busy) return;
        if (tries % 256 == 255) yield();
    }
}

static void spin_unlock(volatile uint32_t *l) { __asm__ volatile("stlr wzr, [%0]" : : "r"(l) : "memory"); }

static void contend(void) {
    for (int i = 0; i < ROUNDS; i++) {
        spin_lock(&lock_word);
        counter = counter + 1;
        spin_unlock(&lock_word);
        atomic_add(&atomic_counter, 1);
    }
}

void secondary_main(uint64_t cpu, uint64_t magic) {
    uint64_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    per[cpu].started_x0 = cpu;
    per[cpu].started_x1 = magic;
    per[cpu].started_sp = sp;
    install_vectors(cpu);
    vcpu_info(cpu)->upcall_mask = 0;             /* Xen starts every vCPU with upcalls masked */
    irqs_on();
    atomic_add(&arrived, 1);
    while (arrived < NCPUS) yield();
    contend();
    atomic_add(&finished, 1);
    for (int i = 0; i < PATIENCE && per[cpu].events == 0; i++) yield();
    xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_down, cpu, 0);
    for (;;) yield();
}

static void check(int ok, const char *what) {
    con_str(ok ? "PASS " : "FAIL ");
    con_str(what);
    con_str("\n");
    if (ok) passed++;
    else failed++;
}

static long initialise(uint64_t cpu) {
    return xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_initialise, cpu, (unsigned long) &ctx);
}

static int wait_until(volatile uint32_t *v, uint32_t at_least) {
    for (int i = 0; i < PATIENCE && *v < at_least; i++) yield();
    return *v >= at_least;
}

void guest_main(void *start_info) {
    pv_init(&pv, start_info);
    con_str("arm64 pv smp: 4 vCPUs, an LDAXR/STXR lock, LSE atomics, event upcalls as IRQs\n");
    install_vectors(0);

    int bound = 1;
    for (uint32_t cpu = 0; cpu < NCPUS; cpu++) {
        struct { uint32_t vcpu, port; } ipi = { cpu, 0 };
        bound &= xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi, (unsigned long) &ipi, 0) == 0;
        port[cpu] = ipi.port;
    }
    check(bound, "EVTCHNOP_bind_ipi: a port for each vCPU");

    ctx.user_regs.pc64 = (uint64_t) secondary_main;
    ctx.user_regs.cpsr = 0x1d3;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses an AArch32 cpsr (SVC): -EINVAL");
    ctx.user_regs.cpsr = 0x3c9;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses cpsr EL2h: -EINVAL");
    ctx.user_regs.cpsr = PSR_EL1H_DAIF;
    ctx.user_regs.spsr_el1 = 0x10;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses an AArch32 spsr_el1: -EINVAL");
    ctx.user_regs.spsr_el1 = 0;

    int up = 1;
    for (uint64_t cpu = 1; cpu < NCPUS; cpu++) {
        ctx.flags = 1;                           /* VGCF_online */
        ctx.user_regs.pc64 = (uint64_t) secondary_main;
        ctx.user_regs.cpsr = PSR_EL1H_DAIF;
        ctx.user_regs.sp_el1 = (uint64_t) &smp_stack[cpu][STACK];
        ctx.user_regs.x[0] = cpu;
        ctx.user_regs.x[1] = 0xC0FFEE00 + cpu;
        ctx.sctlr = 0x30d00800;                  /* RES1 bits; MMU and caches off, as on vCPU 0 */
        up &= initialise(cpu) == 0;
        up &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_up, cpu, 0) == 0;
        up &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) == 1;
    }
    check(up, "vCPUs 1-3: VCPUOP_initialise, VCPUOP_up, VCPUOP_is_up = 1");
    check(initialise(2) == -EEXIST, "VCPUOP_initialise of a vCPU already initialised: -EEXIST");

    vcpu_info(0)->upcall_mask = 0;
    irqs_on();
    atomic_add(&arrived, 1);
    int all_arrived = wait_until(&arrived, NCPUS);
    contend();
    atomic_add(&finished, 1);
    int all_finished = all_arrived && wait_until(&finished, NCPUS);
    int started = 1;
    for (uint64_t cpu = 1; cpu < NCPUS; cpu++) {
        started &= per[cpu].started_x0 == cpu && per[cpu].started_x1 == 0xC0FFEE00 + cpu
                && per[cpu].started_sp > (uint64_t) &smp_stack[cpu][STACK - 256]
                && per[cpu].started_sp <= (uint64_t) &smp_stack[cpu][STACK];   /* below it: secondary_main's frame */
    }
    check(started, "each secondary started at its context's pc64 with its x0, x1 and on its sp_el1 stack");
    check(all_finished && counter == NCPUS * ROUNDS, "no increment lost under the LDAXR/STXR lock (4 x 1500)");
    check(all_finished && atomic_counter == NCPUS * ROUNDS, "LSE STADDL atomic add: 6000");

    int ipis = 1;
    for (uint32_t cpu = 1; cpu < NCPUS; cpu++) {
        evtchn_send(port[cpu]);
        ipis &= wait_until(&per[cpu].events, 1) && per[cpu].last_port == port[cpu] && per[cpu].entries >= 1
                && vcpu_info(cpu)->upcall_pending == 0;
    }
    check(ipis, "vCPUs 1-3 took their IPI at VBAR_EL1 + 0x280 and cleared upcall_pending");

    /* PSTATE.I = 1: the upcall waits; DAIFClr #2 takes it before the next instruction. */
    struct percpu *me = &per[0];
    uint32_t entries = me->entries;
    irqs_off();
    evtchn_send(port[0]);
    check(me->entries == entries && vcpu_info(0)->upcall_pending == 1, "PSTATE.I = 1: the upcall waits, upcall_pending = 1");
    __asm__ volatile("msr daifclr, #2\n"
                     ".globl after_daifclr\n"
                     "after_daifclr: nop\n" ::: "memory");
    check(me->entries == entries + 1 && me->elr == (uint64_t) after_daifclr && me->last_port == port[0],
          "DAIFClr #2: taken as an IRQ before the next instruction (ELR_EL1 = after it)");
    check(vcpu_info(0)->upcall_pending == 0, "the handler cleared upcall_pending");

    /* evtchn_upcall_mask = 1: no upcall; unmasked, the next hypercall's return delivers it. */
    vcpu_info(0)->upcall_mask = 1;
    evtchn_send(port[0]);
    int masked = me->entries == entries + 1;
    vcpu_info(0)->upcall_mask = 0;
    xen_hypercall(__HYPERVISOR_xen_version, 0, 0, 0);
    check(masked && me->entries == entries + 2 && me->last_port == port[0],
          "upcall_mask = 1 holds it back; unmasked, the next hypercall return delivers it");

    int down = 1;
    for (uint64_t cpu = 1; cpu < NCPUS; cpu++) {
        int i = 0;
        while (i++ < PATIENCE && xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) != 0) yield();
        down &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) == 0;
    }
    check(down, "vCPUs 1-3 went down with VCPUOP_down: VCPUOP_is_up = 0");
    check(unexpected == 0, "no unexpected exception on any vCPU");

    con_str("summary: ");
    con_dec(passed);
    con_str(" passed, ");
    con_dec(failed);
    con_str(" failed\n");
    pv_poweroff();
}
