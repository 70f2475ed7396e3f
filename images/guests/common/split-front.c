/* The polyvisor-echo frontend: grants its ring page to the backend, offers it an event channel, publishes both
 * in XenStore and sends N requests, checking every response's CRC. Command line: backend=<id> is not needed (the
 * toolstack writes backend-id), requests=<N> (default 1000), timeout=<ms> (system time since boot by which the
 * backend must have connected, default 20000), grant=ro (grant the page read-only: a backend must refuse it). */
#include "split.h"

#define DEV "device/polyvisor-echo/0"

static char ring[4096] __attribute__((aligned(4096)));
static unsigned long grant_frames[1];

static void state(int s) { xs_write_number(DEV "/state", (unsigned long) s); }

static void __attribute__((noreturn)) close_and_off(void) {
    state(XenbusStateClosed);
    pv_poweroff();
}

static void __attribute__((noreturn)) finish(const char *why) {
    con_str("split-front: ");
    con_str(why);
    con_str("\n");
    close_and_off();
}

/* The payload words of request `id`: a xorshift32 sequence seeded from the id. */
static uint32_t payload(uint32_t id, int k) {
    uint32_t x = id * 0x9E3779B1u + 1;
    for (int i = 0; i <= k; i++) { x ^= x << 13; x ^= x >> 17; x ^= x << 5; }
    return x;
}

static uint32_t words_of(uint32_t id) { return 1 + id % SPLIT_MAX_WORDS; }

static uint32_t expected_crc(uint32_t id) {
    uint32_t c = split_crc32(0xFFFFFFFFu, id);
    for (uint32_t k = 0; k < words_of(id); k++) c = split_crc32(c, payload(id, (int) k));
    return ~c;
}

void split_front(void *start_info) {
    struct pv_info pv;
    pv_init(&pv, start_info);
    xs_init(&pv);
    unsigned long n = pv_cmdline_number(&pv, "requests", SPLIT_DEFAULT_REQUESTS);
    uint64_t deadline = (uint64_t) pv_cmdline_number(&pv, "timeout", SPLIT_DEFAULT_TIMEOUT_MS) * 1000000u;
    int readonly = pv_cmdline_has(&pv, "grant=ro");
    con_str("split-front: domain ");
    con_dec(pv.domid);
    con_str(", ");
    con_dec(n);
    con_str(" requests\n");

    /* The toolstack's nodes: which domain is the backend, and where its directory is. */
    unsigned long back;
    char bpath[96], node[128];
    xs_watch(DEV, "front");
    while (xs_read_number(DEV "/backend-id", &back) < 0 || xs_read(DEV "/backend", bpath, sizeof bpath) < 0)
        if (!xs_wait(deadline, 0)) finish("no device: the toolstack wrote no " DEV " node");

    /* Grant the ring page (grant_entry_v1: frame and domid first, flags last) and offer an event channel. */
    struct gnttab_setup_table setup = { DOMID_SELF, 1, 0, grant_frames };
    xen_hypercall(__HYPERVISOR_grant_table_op, GNTTABOP_setup_table, (unsigned long) &setup, 1);
    if (setup.status != 0) finish("GNTTABOP_setup_table failed");
    volatile struct grant_entry_v1 *gnt = (volatile struct grant_entry_v1 *) (grant_frames[0] << 12);
    gnt[SPLIT_GRANT_REF].domid = (domid_t) back;
    gnt[SPLIT_GRANT_REF].frame = (uint32_t) ((unsigned long) ring >> 12);
    xen_mb();
    gnt[SPLIT_GRANT_REF].flags = GTF_permit_access | (readonly ? GTF_readonly : 0);
    struct evtchn_alloc_unbound alloc = { DOMID_SELF, (domid_t) back, 0 };
    long rc = xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_alloc_unbound, (unsigned long) &alloc, 0);
    if (rc < 0) finish("EVTCHNOP_alloc_unbound failed");
    uint32_t port = alloc.port;
    xs_write_number(DEV "/ring-ref", SPLIT_GRANT_REF);
    xs_write_number(DEV "/event-channel", port);
    state(XenbusStateInitialised);
    con_str("split-front: granted ref 8");
    con_str(readonly ? " read-only" : "");
    con_str(" and port ");
    con_dec(port);
    con_str(" to domain ");
    con_dec(back);
    con_str("\n");

    /* Wait for the backend to connect. */
    char *tail = str_copy(node, bpath);
    str_copy(tail, "/state");
    xs_watch(node, "back");
    unsigned long bstate = 0;
    for (;;) {
        if (xs_read_number(node, &bstate) == 0 && bstate >= XenbusStateConnected) break;
        if (!xs_wait(deadline, 0)) {
            con_str("split-front: backend domain ");
            con_dec(back);
            con_str(" did not connect within ");
            con_dec(pv_cmdline_number(&pv, "timeout", SPLIT_DEFAULT_TIMEOUT_MS));
            con_str(" ms of boot: giving up\n");
            close_and_off();
        }
    }
    if (bstate != XenbusStateConnected) finish("the backend closed the device without connecting");
    state(XenbusStateConnected);

    /* The exchange: keep the ring full, check every response in order. */
    uint32_t sent = 0, done = 0, bad = 0, digest = 0;
    while (done < n) {
        uint32_t pushed = 0;
        while (sent < n && sent - done < SPLIT_RING_SLOTS) {
            unsigned at = RING_SLOT(sent);
            le32_store(ring, at, sent);
            le32_store(ring, at + 4, words_of(sent));
            for (uint32_t k = 0; k < SPLIT_MAX_WORDS; k++) le32_store(ring, at + 8 + 4 * k, k < words_of(sent) ? payload(sent, (int) k) : 0);
            sent++;
            pushed++;
        }
        if (pushed) {
            xen_mb();
            le32_store(ring, RING_REQ_PROD, sent);
            xen_mb();
            evtchn_send(port);
        }
        uint32_t prod = le32_load(ring, RING_RSP_PROD);
        xen_mb();
        if (prod == done) {
            evtchn_clear(&pv, port);
            if (le32_load(ring, RING_RSP_PROD) == done) sched_poll(&pv, &port, 1, 0);
            continue;
        }
        for (; done != prod; done++) {
            unsigned at = RING_SLOT(done);
            uint32_t id = le32_load(ring, at), status = le32_load(ring, at + 4), crc = le32_load(ring, at + 8);
            if (id != done || status != 0 || crc != expected_crc(done)) {
                if (bad++ < 3) {
                    con_str("split-front: response ");
                    con_dec(done);
                    con_str(" wrong: id ");
                    con_dec(id);
                    con_str(" status ");
                    con_dec(status);
                    con_str(" crc ");
                    con_hex(crc);
                    con_str("\n");
                }
            }
            digest = split_crc32(digest, crc);
        }
    }
    con_str("split-front: ");
    con_dec(done);
    con_str(" responses, ");
    con_dec(done - bad);
    con_str(" correct, digest ");
    con_hex(digest);
    con_str(bad ? ": FAIL\n" : ": PASS\n");

    /* Close: the backend unmaps and says Closed; then the grant can be ended. */
    state(XenbusStateClosing);
    /* Closed, or its node gone: a backend that powered off right after saying Closed is destroyed with its nodes. */
    while (xs_read_number(node, &bstate) == 0 && bstate != XenbusStateClosed) xs_wait(0, 0);
    int mapped = (gnt[SPLIT_GRANT_REF].flags & (GTF_reading | GTF_writing)) != 0;
    gnt[SPLIT_GRANT_REF].flags = 0;
    xen_mb();
    con_str(mapped ? "split-front: backend closed, but still maps the ring\n" : "split-front: backend closed and unmapped the ring, grant ended\n");
    state(XenbusStateClosed);
    pv_poweroff();
}
