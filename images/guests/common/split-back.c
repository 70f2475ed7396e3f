/* The polyvisor-echo backend: finds its frontend in the directory the toolstack wrote
 * (/local/domain/<self>/backend/polyvisor-echo/<front>/0), waits for it to publish ring-ref and event-channel, maps
 * the granted ring read-write with GNTTABOP_map_grant_ref, binds the interdomain event channel and answers every
 * request with the CRC-32 of its id and words, until the frontend moves to Closing. */
#include "split.h"

#define BACKENDS "backend/polyvisor-echo"

static char ring[4096] __attribute__((aligned(4096)));     /* replaced by the frontend's page while mapped */
static char dev[64];

static void state(int s) {
    char node[80];
    str_copy(str_copy(node, dev), "/state");
    xs_write_number(node, (unsigned long) s);
}

/* Gives up the device as Xen's backends do: Closing, then Closed once the frontend has seen it (its state is
 * Closing or Closed, or its directory is gone), so the frontend never misses why. */
static void __attribute__((noreturn)) close_and_off(const char *front_state) {
    unsigned long fs;
    state(XenbusStateClosing);
    while (xs_read_number(front_state, &fs) == 0 && fs < XenbusStateClosing) xs_wait(0, 0);
    state(XenbusStateClosed);
    pv_poweroff();
}

static uint32_t answer(uint32_t at) {
    uint32_t id = le32_load(ring, at), words = le32_load(ring, at + 4);
    if (words < 1 || words > SPLIT_MAX_WORDS) {
        le32_store(ring, at + 4, 1);                        /* status 1: malformed */
        return 1;
    }
    uint32_t c = split_crc32(0xFFFFFFFFu, id);
    for (uint32_t k = 0; k < words; k++) c = split_crc32(c, le32_load(ring, at + 8 + 4 * k));
    le32_store(ring, at + 4, 0);
    le32_store(ring, at + 8, ~c);
    return 0;
}

void split_back(void *start_info) {
    struct pv_info pv;
    pv_init(&pv, start_info);
    xs_init(&pv);
    con_str("split-back: domain ");
    con_dec(pv.domid);
    con_str(" serving polyvisor-echo\n");

    /* The toolstack names the frontend by the directory it creates for it. */
    char list[64], fpath[96], node[128];
    unsigned long front;
    int ok;
    xs_watch(BACKENDS, "back");
    for (;;) {
        if (xs_directory(BACKENDS, list, sizeof list) > 0) {
            front = str_number(list, &ok);
            if (ok) break;
        }
        xs_wait(0, 0);
    }
    char *p = str_copy(str_copy(dev, BACKENDS "/"), list);
    str_copy(p, "/0");
    str_copy(str_copy(node, dev), "/frontend");
    while (xs_read(node, fpath, sizeof fpath) < 0) xs_wait(0, 0);
    state(XenbusStateInitWait);

    /* Wait for the frontend's ring-ref and event-channel. */
    char *tail = str_copy(node, fpath);
    str_copy(tail, "/state");
    xs_watch(node, "front");
    unsigned long fstate = 0, ref = 0, remote = 0;
    while (xs_read_number(node, &fstate) < 0 || fstate < XenbusStateInitialised) xs_wait(0, 0);
    str_copy(tail, "/ring-ref");
    xs_read_number(node, &ref);
    str_copy(tail, "/event-channel");
    xs_read_number(node, &remote);

    struct gnttab_map_grant_ref map = { 0 };
    map.host_addr = (unsigned long) ring;
    map.flags = GNTMAP_host_map;
    map.ref = (uint32_t) ref;
    map.dom = (domid_t) front;
    xen_hypercall(__HYPERVISOR_grant_table_op, GNTTABOP_map_grant_ref, (unsigned long) &map, 1);
    con_str("split-back: GNTTABOP_map_grant_ref of ref ");
    con_dec(ref);
    con_str(" from domain ");
    con_dec(front);
    if (map.status != 0) {
        con_str(" refused: status ");
        con_int(map.status);
        con_str(map.status == -8 ? " (GNTST_permission_denied)\n" : "\n");
        str_copy(tail, "/state");
        close_and_off(node);
    }
    con_str(": mapped read-write\n");
    struct evtchn_bind_interdomain bind = { (domid_t) front, (uint32_t) remote, 0 };
    long rc = xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_bind_interdomain, (unsigned long) &bind, 0);
    if (rc < 0) {
        con_str("split-back: EVTCHNOP_bind_interdomain failed: ");
        con_int(rc);
        con_str("\n");
        str_copy(tail, "/state");
        close_and_off(node);
    }
    uint32_t port = bind.local_port;
    state(XenbusStateConnected);

    /* Serve until the frontend closes. */
    uint32_t cons = 0, served = 0, bad = 0;
    int changed = 1;                       /* the frontend's state may have changed: read it */
    str_copy(tail, "/state");
    for (;;) {
        uint32_t prod = le32_load(ring, RING_REQ_PROD);
        xen_mb();
        if (prod != cons) {
            for (; cons != prod; cons++) {
                bad += answer(RING_SLOT(cons));
                served++;
            }
            xen_mb();
            le32_store(ring, RING_RSP_PROD, cons);
            xen_mb();
            evtchn_send(port);
            continue;
        }
        if (xs_events()) changed = 1;
        if (changed) {
            changed = 0;
            if (xs_read_number(node, &fstate) == 0 && fstate >= XenbusStateClosing) break;
        }
        evtchn_clear(&pv, port);
        if (le32_load(ring, RING_REQ_PROD) != cons) continue;
        changed = xs_wait(0, port) == 1;
    }
    struct gnttab_unmap_grant_ref unmap = { (unsigned long) ring, 0, map.handle, 0 };
    xen_hypercall(__HYPERVISOR_grant_table_op, GNTTABOP_unmap_grant_ref, (unsigned long) &unmap, 1);
    struct evtchn_close close = { port };
    xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_close, (unsigned long) &close, 0);
    con_str("split-back: served ");
    con_dec(served);
    con_str(" requests (");
    con_dec(bad);
    con_str(" malformed) for domain ");
    con_dec(front);
    con_str(", unmapped, closed\n");
    state(XenbusStateClosed);
    pv_poweroff();
}
