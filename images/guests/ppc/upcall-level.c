/* upcall-level: Xen's event upcall is a level (evtchn_upcall_pending set and evtchn_upcall_mask clear), not a latch.
 * One PV vCPU on 32-bit PowerPC takes upcalls as the external interrupt at 0x500 (as smp.c). It makes the upcall
 * pending while MSR[EE] = 0, then takes the event itself (clears upcall_pending, pending_sel and the port) or masks
 * upcalls, and checks that turning EE on does not enter the handler with a stale upcall; unmasked again with the
 * event still pending, the next hypercall's return delivers it. Real mode throughout. */
#include "pv-glue.h"

#define __HYPERVISOR_xen_version 17
#define EVTCHNOP_bind_ipi 7
#define MSR_EE 0x8000

/* vcpu_info in shared_info (32-bit layout): upcall_pending, upcall_mask, pad, pending_sel at 4. */
struct vcpu_info { volatile uint8_t upcall_pending, upcall_mask; uint16_t pad; volatile uint32_t pending_sel; };

static struct pv_info pv;
static volatile uint32_t entries, events, last_port;
static uint32_t port;
static unsigned passed, failed;
char upcall_stack[8192] __attribute__((aligned(16)));

void guest_main(void *start_info);
void upcall_handler(void);
extern char ext_entry[];

__asm__(".text\n"
        ".globl _start\n"
        "_start:\n"
        "    lis   1, (upcall_stack + 8192 - 16)@ha\n"
        "    addi  1, 1, (upcall_stack + 8192 - 16)@l\n"
        "    bl    guest_main\n"
        "1:  b     1b\n"
        /* the external interrupt (0x500) enters at ext_entry: pv-glue.h */
        PV_EXTERNAL_ENTRY);

static struct vcpu_info *vcpu0(void) { return (struct vcpu_info *) pv.shared_info; }

static volatile uint32_t *pending_word(uint32_t w) { return (volatile uint32_t *) (pv.shared_info + 2048) + w; }

/* The handler as Xen guests write it: clear upcall_pending, then pending_sel, then each pending port. */
void upcall_handler(void) {
    struct vcpu_info *vi = vcpu0();
    entries++;
    vi->upcall_pending = 0;
    __asm__ volatile("sync" ::: "memory");
    uint32_t sel = vi->pending_sel;
    vi->pending_sel = 0;
    while (sel) {
        uint32_t w = 31 - __builtin_clz(sel);
        sel &= ~(1u << w);
        uint32_t ready = *pending_word(w);
        *pending_word(w) = 0;
        while (ready) {
            uint32_t b = 31 - __builtin_clz(ready);
            ready &= ~(1u << b);
            last_port = w * 32 + b;
            events++;
        }
    }
}

static void check(int ok, const char *what) {
    con_str(ok ? "PASS " : "FAIL ");
    con_str(what);
    con_str("\n");
    if (ok) passed++;
    else failed++;
}

/* Runs a few hundred instructions with EE as it is: time for a pending external interrupt to be taken. */
static void settle(void) {
    for (volatile int i = 0; i < 200; i++) { }
}

void guest_main(void *start_info) {
    pv_init(&pv, start_info);
    con_str("ppc pv upcall-level: the event upcall is a level, not a latch\n");
    /* 0x500: "ba ext_entry" (an absolute branch: the image lives below 32 MiB) */
    volatile uint32_t *vector = (volatile uint32_t *) 0x500;
    *vector = 0x48000002u | ((uint32_t) ext_entry & 0x03fffffcu);
    __asm__ volatile("dcbst 0, %0\n sync\n icbi 0, %0\n isync" : : "r"(vector) : "memory");

    struct { uint32_t vcpu, port; } ipi = { 0, 0 };
    check(xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_ipi, (unsigned long) &ipi, 0) == 0,
          "EVTCHNOP_bind_ipi: a port for vCPU 0");
    port = ipi.port;
    vcpu0()->upcall_mask = 0;

    /* 1. Pending while EE = 0, then taken by hand: no upcall when EE comes on. */
    set_msr(msr() & ~MSR_EE);
    evtchn_send(port);
    check(entries == 0 && vcpu0()->upcall_pending == 1, "MSR[EE] = 0: the upcall waits with upcall_pending = 1");
    vcpu0()->upcall_pending = 0;
    vcpu0()->pending_sel = 0;
    *pending_word(port / 32) &= ~(1u << (port % 32));
    set_msr(msr() | MSR_EE);
    settle();
    check(entries == 0, "upcall_pending cleared by the guest: MSR[EE] = 1 takes no stale upcall");

    /* 2. Pending while EE = 0, then masked: no upcall when EE comes on; unmasked, the next hypercall delivers it. */
    set_msr(msr() & ~MSR_EE);
    evtchn_send(port);
    vcpu0()->upcall_mask = 1;
    set_msr(msr() | MSR_EE);
    settle();
    check(entries == 0 && vcpu0()->upcall_pending == 1, "upcall_mask = 1 after the send: MSR[EE] = 1 takes no upcall");
    vcpu0()->upcall_mask = 0;
    xen_hypercall(__HYPERVISOR_xen_version, 0, 0, 0);
    check(entries == 1 && events == 1 && last_port == port && vcpu0()->upcall_pending == 0,
          "unmasked: the next hypercall's return delivers it, once");

    /* 3. An ordinary upcall still arrives at once. */
    evtchn_send(port);
    check(entries == 2 && events == 2, "EE = 1 and unmasked: the send's upcall is taken at once");

    con_str("summary: ");
    con_dec(passed);
    con_str(" passed, ");
    con_dec(failed);
    con_str(" failed\n");
    pv_poweroff();
}
