/* A XenStore client over the domain's ring page (io/xs_wire.h): one request at a time, its reply matched by
 * req_id; watch events that arrive meanwhile are counted, not lost. The store's event channel is polled when the
 * ring has nothing to read. */
#include "xen.h"

#define XSTORE_RING_SIZE 1024
#define MASK(i) ((i) & (XSTORE_RING_SIZE - 1))

static const struct pv_info *pv;
static struct xenstore_domain_interface *ring;
static uint32_t req_id;
static int events;
char xs_error[16];

static char reply[4096 + 1];

void xs_init(const struct pv_info *info) {
    pv = info;
    ring = info->store;
}

static void put(const void *data, uint32_t len) {
    const char *p = data;
    while (len) {
        uint32_t prod = ring->req_prod;
        xen_mb();
        if (prod - ring->req_cons >= XSTORE_RING_SIZE) {        /* full: the daemon answers on our signal */
            evtchn_send(pv->store_evtchn);
            continue;
        }
        ring->req[MASK(prod)] = *p++;
        len--;
        xen_mb();
        ring->req_prod = prod + 1;
    }
}

/* Reads one whole message if the ring holds it: header into *h, payload into reply. */
static int take(struct xsd_sockmsg *h) {
    uint32_t cons = ring->rsp_cons, prod = ring->rsp_prod;
    xen_mb();
    if (prod - cons < sizeof *h) return 0;
    char *hp = (char *) h;
    for (uint32_t i = 0; i < sizeof *h; i++) hp[i] = ring->rsp[MASK(cons + i)];
    if (h->len > 4096 || prod - cons < sizeof *h + h->len) return 0;
    for (uint32_t i = 0; i < h->len; i++) reply[i] = ring->rsp[MASK(cons + sizeof *h + i)];
    reply[h->len] = 0;
    xen_mb();
    ring->rsp_cons = cons + sizeof *h + h->len;
    return 1;
}

/* Drains the response ring; returns 1 when the reply to `want` was read (into reply, header into *h). */
static int drain(uint32_t want, struct xsd_sockmsg *h) {
    while (take(h)) {
        if (h->type == XS_WATCH_EVENT) { events++; continue; }
        if (h->req_id == want) return 1;
    }
    return 0;
}

/* Sends a request of `parts` NUL-terminated strings (the last one's NUL left out when `last_nul` is 0). */
static int request(uint32_t type, const char *a, const char *b, int last_nul, struct xsd_sockmsg *h) {
    struct xsd_sockmsg m;
    uint32_t la = (uint32_t) str_len(a) + 1, lb = b ? (uint32_t) str_len(b) + (last_nul ? 1 : 0) : 0;
    m.type = type;
    m.req_id = ++req_id;
    m.tx_id = 0;
    m.len = la + lb;
    put(&m, sizeof m);
    put(a, la);
    if (b) put(b, lb);
    evtchn_send(pv->store_evtchn);
    uint32_t port = pv->store_evtchn;
    while (!drain(m.req_id, h)) {
        evtchn_clear(pv, port);
        if (drain(m.req_id, h)) break;
        sched_poll(pv, &port, 1, 0);
    }
    if (h->type == XS_ERROR) {
        int i = 0;
        for (; i < (int) sizeof xs_error - 1 && reply[i]; i++) xs_error[i] = reply[i];
        xs_error[i] = 0;
        return -1;
    }
    return (int) h->len;
}

int xs_read(const char *path, char *buf, int cap) {
    struct xsd_sockmsg h;
    int n = request(XS_READ, path, 0, 0, &h);
    if (n < 0) return -1;
    if (n >= cap) n = cap - 1;
    for (int i = 0; i < n; i++) buf[i] = reply[i];
    buf[n] = 0;
    return n;
}

int xs_read_number(const char *path, unsigned long *out) {
    char b[24];
    int ok;
    if (xs_read(path, b, sizeof b) < 0) return -1;
    *out = str_number(b, &ok);
    return ok ? 0 : -1;
}

int xs_write(const char *path, const char *value) {
    struct xsd_sockmsg h;
    return request(XS_WRITE, path, value, 0, &h) < 0 ? -1 : 0;
}

int xs_write_number(const char *path, unsigned long value) {
    char b[24], t[24];
    int n = 0, i = 0;
    do { t[n++] = (char) ('0' + value % 10); value /= 10; } while (value);
    while (n) b[i++] = t[--n];
    b[i] = 0;
    return xs_write(path, b);
}

int xs_watch(const char *path, const char *token) {
    struct xsd_sockmsg h;
    return request(XS_WATCH, path, token, 1, &h) < 0 ? -1 : 0;
}

int xs_directory(const char *path, char *buf, int cap) {
    struct xsd_sockmsg h;
    int n = request(XS_DIRECTORY, path, 0, 0, &h);
    if (n < 0) return -1;
    if (n > cap) n = cap;
    for (int i = 0; i < n; i++) buf[i] = reply[i];
    return n;
}

int xs_events(void) {
    struct xsd_sockmsg h;
    drain(0, &h);                  /* req_id 0 is never ours: this only collects events */
    int e = events;
    events = 0;
    return e > 0;
}

int xs_wait(uint64_t deadline, uint32_t extra_port) {
    uint32_t ports[2] = { pv->store_evtchn, extra_port };
    unsigned n = extra_port ? 2 : 1;
    for (;;) {
        if (xs_events()) return 1;
        if (extra_port && evtchn_pending(pv, extra_port)) return 2;
        evtchn_clear(pv, pv->store_evtchn);
        if (xs_events()) return 1;
        if (!sched_poll(pv, ports, n, deadline)) return 0;
    }
}
