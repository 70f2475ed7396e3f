/* smp: a 4-vCPU PV guest on 32-bit PowerPC. vCPU 0 brings vCPUs 1-3 up with VCPUOP_initialise (Polyvisor's ppc
 * vcpu_guest_context, images/README.md) and VCPUOP_up; all four contend on a lwarx/stwcx. spin lock and an atomic
 * counter; event upcalls (EVTCHNOP_bind_ipi + EVTCHNOP_send) arrive as the external interrupt at 0x500, whose handler
 * clears evtchn_upcall_pending and scans pending_sel/evtchn_pending. Only vCPU 0 prints: PASS/FAIL lines, a summary,
 * then it powers off. Real mode throughout (MSR[IR,DR] = 0), as the PV entry leaves it. */
#include "pv-glue.h"

#define __HYPERVISOR_xen_version 17
#define __HYPERVISOR_vcpu_op 24
#define VCPUOP_initialise 0
#define VCPUOP_up 1
#define VCPUOP_down 2
#define VCPUOP_is_up 3
#define EVTCHNOP_bind_ipi 7
#define EINVAL 22

#define NCPUS 4
#define ROUNDS 1500
#define PATIENCE 400000
#define MSR_EE 0x8000
#define MSR_ME 0x1000

/* Polyvisor's struct vcpu_guest_context for 32-bit ppc (images/README.md), big-endian like the guest. */
struct vcpu_guest_context {
    uint32_t gprs[32];
    uint32_t lr, ctr, srr0, srr1, pc, msr, fpscr, xer, hid0, dar, dsisr, cr;
    uint32_t sdr1;
    uint32_t sr[16];
    uint32_t ibat[4][2], dbat[4][2];
    uint32_t sprg[4];
    uint32_t dec;
    uint64_t fprs[32];
};
_Static_assert(sizeof(struct vcpu_guest_context) == 584, "584 bytes");
_Static_assert(__builtin_offsetof(struct vcpu_guest_context, fprs) == 328, "fprs at 328");

/* vcpu_info in shared_info (32-bit layout): upcall_pending, upcall_mask, pad, pending_sel at 4. */
struct vcpu_info { volatile uint8_t upcall_pending, upcall_mask; uint16_t pad; volatile uint32_t pending_sel; };

struct percpu {
    volatile uint32_t entries;      /* entries at 0x500 */
    volatile uint32_t events;       /* ports found pending and cleared by the handler */
    volatile uint32_t last_port;
    volatile uint32_t srr0, srr1;   /* where the last upcall interrupted, and the MSR then */
    volatile uint32_t handler_msr;  /* the MSR the handler ran with */
    volatile uint32_t started_r3, started_sprg3;
};

static struct pv_info pv;
static struct percpu per[NCPUS];
static uint32_t port[NCPUS];
static volatile uint32_t lock_word, counter, atomic_counter, arrived, finished;
static struct vcpu_guest_context ctx;
static unsigned passed, failed;
char smp_stack[NCPUS][8192] __attribute__((aligned(16)));

void guest_main(void *start_info);
void secondary_main(uint32_t cpu);
void upcall_handler(uint32_t *frame);
extern char ext_entry[], after_mtmsr[];

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    lis   1, (smp_stack + 8192 - 16)@ha\n"
        "    addi  1, 1, (smp_stack + 8192 - 16)@l\n"
        "    bl    guest_main\n"
        "1:  b     1b\n"
        /* the external interrupt (0x500) enters at ext_entry: pv-glue.h */
        PV_EXTERNAL_ENTRY);

static uint32_t sprg3(void) { uint32_t v; __asm__ volatile("mfsprg %0, 3" : "=r"(v)); return v; }

static struct vcpu_info *vcpu_info(uint32_t cpu) { return (struct vcpu_info *) (pv.shared_info + 64 * cpu); }

static volatile uint32_t *evtchn_word(int mask, uint32_t w) {
    return (volatile uint32_t *) (pv.shared_info + (mask ? 2176 : 2048)) + w;
}

static void yield(void) { xen_hypercall(__HYPERVISOR_sched_op, SCHEDOP_yield, 0, 0); }

/* Atomically clears bits of a word; returns its old value. */
static uint32_t fetch_and_clear(volatile uint32_t *w, uint32_t bits) {
    uint32_t old, tmp;
    __asm__ volatile("1: lwarx %0, 0, %2\n"
                     "   andc  %1, %0, %3\n"
                     "   stwcx. %1, 0, %2\n"
                     "   bne-  1b\n"
                     : "=&r"(old), "=&r"(tmp) : "r"(w), "r"(bits) : "cr0", "memory");
    return old;
}

/* The upcall, as Xen guests take it: clear upcall_pending first, then take pending_sel, then each word's pending
 * and unmasked ports. frame[0] and frame[1] are the saved SRR0 and SRR1. */
void upcall_handler(uint32_t *frame) {
    uint32_t cpu = sprg3();
    struct percpu *p = &per[cpu];
    struct vcpu_info *vi = vcpu_info(cpu);
    p->entries++;
    p->srr0 = frame[0];
    p->srr1 = frame[1];
    p->handler_msr = msr();
    vi->upcall_pending = 0;
    __asm__ volatile("sync" ::: "memory");
    uint32_t sel = fetch_and_clear(&vi->pending_sel, ~0u);
    while (sel) {
        uint32_t w = 31 - __builtin_clz(sel);
        sel &= ~(1u << w);
        uint32_t ready = *evtchn_word(0, w) & ~*evtchn_word(1, w);
        while (ready) {
            uint32_t b = 31 - __builtin_clz(ready);
            ready &= ~(1u << b);
            fetch_and_clear(evtchn_word(0, w), 1u << b);
            p->last_port = w * 32 + b;
            p->events++;
        }
    }
}

static void spin_lock(volatile uint32_t *l) {
    uint32_t seen;
    for (unsigned tries = 0;; tries++) {
        __asm__ volatile("   lwarx  %0, 0, %1\n"
                         "   cmpwi  %0, 0\n"
                         "   bne-   1f\n"
                         "   stwcx. %2, 0, %1\n"
                         "   bne-   1f\n"
                         "   isync\n"
                         "   li     %0, 0\n"
                         "   b      2f\n"
                         "1: li     %0, 1\n"
                         "2:\n"
                         : "=&r"(seen) : "r"(l), "r"(1) : "cr0", "memory");
        if (!seen) return;
        if (tries % 256 == 255) yield();         /* the holder may be off its pCPU */
    }
}

static void spin_unlock(volatile uint32_t *l) {
    __asm__ volatile("sync" ::: "memory");
    *l = 0;
}

static void atomic_add(volatile uint32_t *w, uint32_t n) {
    uint32_t t;
    __asm__ volatile("1: lwarx %0, 0, %1\n"
                     "   add   %0, %0, %2\n"
                     "   stwcx. %0, 0, %1\n"
                     "   bne-  1b\n"
                     : "=&r"(t) : "r"(w), "r"(n) : "cr0", "memory");
}

static void contend(void) {
    for (int i = 0; i < ROUNDS; i++) {
        spin_lock(&lock_word);
        counter = counter + 1;
        spin_unlock(&lock_word);
        atomic_add(&atomic_counter, 1);
    }
}

void secondary_main(uint32_t cpu) {
    per[cpu].started_r3 = cpu;
    per[cpu].started_sprg3 = sprg3();
    vcpu_info(cpu)->upcall_mask = 0;             /* Xen starts every vCPU with upcalls masked */
    set_msr(msr() | MSR_EE);
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

static long initialise(uint32_t cpu) {
    return xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_initialise, cpu, (unsigned long) &ctx);
}

static int wait_until(volatile uint32_t *v, uint32_t at_least) {
    for (int i = 0; i < PATIENCE && *v < at_least; i++) yield();
    return *v >= at_least;
}

void guest_main(void *start_info) {
    pv_init(&pv, start_info);
    con_str("ppc pv smp: 4 vCPUs, a lwarx/stwcx. lock, event upcalls at 0x500\n");
    __asm__ volatile("mtsprg 3, %0" : : "r"(0));
    /* 0x500: "ba ext_entry" (an absolute branch: the image lives below 32 MiB) */
    volatile uint32_t *vector = (volatile uint32_t *) 0x500;
    *vector = 0x48000002u | ((uint32_t) ext_entry & 0x03fffffcu);
    __asm__ volatile("dcbst 0, %0\n sync\n icbi 0, %0\n isync" : : "r"(vector) : "memory");

    int bound = 1;
    for (uint32_t cpu = 0; cpu < NCPUS; cpu++) {
        struct { uint32_t vcpu, port; } ipi = { cpu, 0 };
        bound &= xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi, (unsigned long) &ipi, 0) == 0;
        port[cpu] = ipi.port;
    }
    check(bound, "EVTCHNOP_bind_ipi: a port for each vCPU");

    ctx.pc = (uint32_t) secondary_main;
    ctx.msr = 0x80000000u | MSR_ME;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses a context with reserved MSR bits: -EINVAL");
    ctx.msr = 1 | MSR_ME;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses MSR[LE] = 1: -EINVAL");
    ctx.msr = MSR_ME;
    ctx.pc = (uint32_t) secondary_main + 2;
    check(initialise(1) == -EINVAL, "VCPUOP_initialise refuses a pc that is not word aligned: -EINVAL");

    int up = 1;
    for (uint32_t cpu = 1; cpu < NCPUS; cpu++) {
        ctx.pc = (uint32_t) secondary_main;
        ctx.msr = MSR_ME;
        ctx.gprs[1] = (uint32_t) &smp_stack[cpu][8192 - 16];
        ctx.gprs[3] = cpu;
        ctx.sprg[3] = cpu;
        up &= initialise(cpu) == 0;
        up &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_up, cpu, 0) == 0;
        up &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) == 1;
    }
    check(up, "vCPUs 1-3: VCPUOP_initialise, VCPUOP_up, VCPUOP_is_up = 1");
    check(initialise(2) == -17, "VCPUOP_initialise of a vCPU already initialised: -EEXIST");

    vcpu_info(0)->upcall_mask = 0;
    set_msr(msr() | MSR_EE);
    atomic_add(&arrived, 1);
    int all_arrived = wait_until(&arrived, NCPUS);
    contend();
    atomic_add(&finished, 1);
    int all_finished = all_arrived && wait_until(&finished, NCPUS);
    int started = 1;
    for (uint32_t cpu = 1; cpu < NCPUS; cpu++) started &= per[cpu].started_r3 == cpu && per[cpu].started_sprg3 == cpu;
    check(started, "each secondary started at its context's pc with its r1, r3 and SPRG3");
    check(all_finished && counter == NCPUS * ROUNDS, "no increment lost under the lwarx/stwcx. lock (4 x 1500)");
    check(all_finished && atomic_counter == NCPUS * ROUNDS, "lwarx/stwcx. atomic add: 6000");

    int ipis = 1;
    for (uint32_t cpu = 1; cpu < NCPUS; cpu++) {
        evtchn_send(port[cpu]);
        ipis &= wait_until(&per[cpu].events, 1) && per[cpu].last_port == port[cpu] && per[cpu].entries >= 1
                && vcpu_info(cpu)->upcall_pending == 0;
    }
    check(ipis, "vCPUs 1-3 took their IPI at 0x500 and cleared upcall_pending");

    /* EE = 0: the upcall waits; mtmsr EE = 1 takes it before the next instruction. */
    struct percpu *me = &per[0];
    uint32_t entries = me->entries;
    set_msr(msr() & ~MSR_EE);
    evtchn_send(port[0]);
    check(me->entries == entries && vcpu_info(0)->upcall_pending == 1, "MSR[EE] = 0: the upcall waits, upcall_pending = 1");
    __asm__ volatile("mtmsr %0\n"
                     ".globl after_mtmsr\n"
                     "after_mtmsr: nop\n" : : "r"(msr() | MSR_EE) : "memory");
    check(me->entries == entries + 1 && me->srr0 == (uint32_t) after_mtmsr && me->last_port == port[0],
          "mtmsr EE = 1: taken at 0x500 before the next instruction (SRR0 = after mtmsr)");
    check(me->srr1 == msr() && (me->srr1 & MSR_EE) && me->handler_msr == (msr() & (MSR_ME | 0x40)),
          "SRR1 = the MSR at the interrupt (EE = 1); the handler ran with EE = 0 (only ME and IP kept)");
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
    for (uint32_t cpu = 1; cpu < NCPUS; cpu++) {
        int i = 0;
        while (i++ < PATIENCE && xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) != 0) yield();
        down &= xen_hypercall(__HYPERVISOR_vcpu_op, VCPUOP_is_up, cpu, 0) == 0;
    }
    check(down, "vCPUs 1-3 went down with VCPUOP_down: VCPUOP_is_up = 0");

    con_str("summary: ");
    con_dec(passed);
    con_str(" passed, ");
    con_dec(failed);
    con_str(" failed\n");
    pv_poweroff();
}
