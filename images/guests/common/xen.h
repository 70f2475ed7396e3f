/* Xen's PV interface as the C guests use it: hypercall numbers, sub-ops and structures of Xen's public headers
 * (xen.h, event_channel.h, grant_table.h, sched.h, io/xs_wire.h, io/xenbus.h), in the guest's own word size
 * ("unsigned long" is the guest word: 32 bits on x86 and ppc, 64 on arm64) and byte order.
 * Each ISA provides xen_hypercall() and the entry _start (see <isa>/split-arch.h); everything else is here. */
#ifndef XEN_H
#define XEN_H

typedef unsigned char uint8_t;
typedef unsigned short uint16_t;
typedef unsigned int uint32_t;
typedef unsigned long long uint64_t;
typedef int int32_t;
typedef short int16_t;
typedef unsigned short domid_t;

#define __HYPERVISOR_console_io       18
#define __HYPERVISOR_grant_table_op   20
#define __HYPERVISOR_sched_op         29
#define __HYPERVISOR_event_channel_op 32

#define CONSOLEIO_write 0
#define SCHEDOP_yield 0
#define SCHEDOP_shutdown 2
#define SCHEDOP_poll 3
#define SHUTDOWN_poweroff 0

#define EVTCHNOP_bind_interdomain 0
#define EVTCHNOP_close 3
#define EVTCHNOP_send 4
#define EVTCHNOP_alloc_unbound 6
#define DOMID_SELF 0x7FF0

#define GNTTABOP_map_grant_ref 0
#define GNTTABOP_unmap_grant_ref 1
#define GNTTABOP_setup_table 2
#define GTF_permit_access 1
#define GTF_readonly (1 << 2)
#define GTF_reading (1 << 3)
#define GTF_writing (1 << 4)
#define GNTMAP_host_map (1 << 1)

/* XenbusState (io/xenbus.h) */
#define XenbusStateInitialising 1
#define XenbusStateInitWait 2
#define XenbusStateInitialised 3
#define XenbusStateConnected 4
#define XenbusStateClosing 5
#define XenbusStateClosed 6

/* enum xsd_sockmsg_type (io/xs_wire.h) */
#define XS_DIRECTORY 1
#define XS_READ 2
#define XS_WATCH 4
#define XS_WRITE 11
#define XS_WATCH_EVENT 15
#define XS_ERROR 16

struct evtchn_alloc_unbound { domid_t dom, remote_dom; uint32_t port; };
struct evtchn_bind_interdomain { domid_t remote_dom; uint32_t remote_port; uint32_t local_port; };
struct evtchn_send { uint32_t port; };
struct evtchn_close { uint32_t port; };

struct gnttab_setup_table { domid_t dom; uint32_t nr_frames; int16_t status; unsigned long *frame_list; };
struct grant_entry_v1 { uint16_t flags; domid_t domid; uint32_t frame; };
struct gnttab_map_grant_ref {
    uint64_t host_addr; uint32_t flags; uint32_t ref; domid_t dom; int16_t status; uint32_t handle; uint64_t dev_bus_addr;
} __attribute__((aligned(8)));
struct gnttab_unmap_grant_ref { uint64_t host_addr; uint64_t dev_bus_addr; uint32_t handle; int16_t status; } __attribute__((aligned(8)));

struct sched_shutdown { uint32_t reason; };
struct sched_poll { uint32_t *ports; uint32_t nr_ports; uint64_t timeout; } __attribute__((aligned(8)));

/* struct xsd_sockmsg and struct xenstore_domain_interface */
struct xsd_sockmsg { uint32_t type, req_id, tx_id, len; };
struct xenstore_domain_interface {
    char req[1024];
    char rsp[1024];
    volatile uint32_t req_cons, req_prod, rsp_cons, rsp_prod;
};

/* Per ISA (<isa>/split-arch.h): the hypercall instruction with Xen's registers. */
long xen_hypercall(unsigned long op, unsigned long a1, unsigned long a2, unsigned long a3);

/* The guest's view of start_info and its cmd_line (xen-pv.c). */
struct pv_info {
    unsigned long shared_info;      /* guest-physical */
    struct xenstore_domain_interface *store;
    uint32_t store_evtchn;
    const char *cmdline;
    unsigned domid;
};
void pv_init(struct pv_info *pv, void *start_info);
/* The decimal value of "key=<n>" in the command line, or dflt. */
unsigned long pv_cmdline_number(const struct pv_info *pv, const char *key, unsigned long dflt);
/* Whether the command line holds the token "key=value". */
int pv_cmdline_has(const struct pv_info *pv, const char *token);

void xen_mb(void);
void evtchn_send(uint32_t port);
/* Clears a port's pending bit in shared_info (atomically: the hypervisor sets others' bits meanwhile). */
void evtchn_clear(const struct pv_info *pv, uint32_t port);
int evtchn_pending(const struct pv_info *pv, uint32_t port);
/* SCHEDOP_poll on the ports until one is pending or the absolute system time deadline (ns since boot; 0 = none).
 * Returns 1 if one of the ports is pending, 0 on timeout. */
int sched_poll(const struct pv_info *pv, uint32_t *ports, unsigned n, uint64_t deadline);
void __attribute__((noreturn)) pv_poweroff(void);

/* Console (xen-pv.c): a line buffer written with console_io. */
void con_str(const char *s);
void con_dec(unsigned long v);
void con_hex(uint32_t v);
void con_int(long v);

/* XenStore client (xenstore.c). Paths may be relative to the domain's home (/local/domain/<id>). */
void xs_init(const struct pv_info *pv);
/* Reads a node into buf (NUL-terminated); returns its length, or -1 (the error, e.g. ENOENT, is in xs_error). */
int xs_read(const char *path, char *buf, int cap);
int xs_read_number(const char *path, unsigned long *out);
int xs_write(const char *path, const char *value);
int xs_write_number(const char *path, unsigned long value);
int xs_watch(const char *path, const char *token);
/* XS_DIRECTORY: the children, NUL-separated, into buf; returns the bytes, or -1. */
int xs_directory(const char *path, char *buf, int cap);
/* Waits until a watch event arrives or the deadline passes; returns 1 for an event (taking it, as xs_events does),
 * 0 on timeout. An extra port to wake on may be given: 2 when it is pending (and no event came). */
int xs_wait(uint64_t deadline, uint32_t extra_port);
/* Whether a watch event arrived since the last call (without waiting). */
int xs_events(void);
extern char xs_error[16];

/* Small string helpers (xen-pv.c). */
int str_len(const char *s);
char *str_copy(char *to, const char *from);
unsigned long str_number(const char *s, int *ok);

#endif
