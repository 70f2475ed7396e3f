/* start_info, event channels, SCHEDOP_poll, power-off and the console, for the C PV guests. */
#include "xen.h"

#define WORD_BITS (8 * (int) sizeof(unsigned long))

void pv_init(struct pv_info *pv, void *start_info) {
    const char *si = start_info;
    int wide = sizeof(unsigned long) == 8;
    /* start_info_t: magic[32], nr_pages, shared_info, flags (uint32), store_mfn, store_evtchn (uint32), ... */
    pv->shared_info = *(const unsigned long *) (si + (wide ? 40 : 36));
    pv->store = (struct xenstore_domain_interface *) (*(const unsigned long *) (si + (wide ? 56 : 44)) << 12);
    pv->store_evtchn = *(const uint32_t *) (si + (wide ? 64 : 48));
    pv->cmdline = si + (wide ? 128 : 80);
    pv->domid = (unsigned) pv_cmdline_number(pv, "domid", 0);
}

/* Finds "key=" at the start of a space-separated token; returns the value's first character or 0. */
static const char *cmdline_value(const struct pv_info *pv, const char *key) {
    int n = str_len(key);
    for (const char *p = pv->cmdline; *p; p++) {
        if (p != pv->cmdline && p[-1] != ' ') continue;
        int i = 0;
        while (i < n && p[i] == key[i]) i++;
        if (i == n && p[n] == '=') return p + n + 1;
    }
    return 0;
}

unsigned long pv_cmdline_number(const struct pv_info *pv, const char *key, unsigned long dflt) {
    const char *v = cmdline_value(pv, key);
    if (!v) return dflt;
    int ok;
    unsigned long n = str_number(v, &ok);
    return ok ? n : dflt;
}

int pv_cmdline_has(const struct pv_info *pv, const char *token) {
    int n = str_len(token);
    for (const char *p = pv->cmdline; *p; p++) {
        if (p != pv->cmdline && p[-1] != ' ') continue;
        int i = 0;
        while (i < n && p[i] == token[i]) i++;
        if (i == n && (p[n] == ' ' || p[n] == 0)) return 1;
    }
    return 0;
}

void xen_mb(void) { __atomic_thread_fence(__ATOMIC_SEQ_CST); }

void evtchn_send(uint32_t port) {
    struct evtchn_send s = { port };
    xen_hypercall(__HYPERVISOR_event_channel_op, EVTCHNOP_send, (unsigned long) &s, 0);
}

static unsigned long *pending_word(const struct pv_info *pv, uint32_t port) {
    /* shared_info: 32 vcpu_info of 64 bytes, then evtchn_pending[] of guest words */
    return (unsigned long *) (pv->shared_info + 2048) + port / WORD_BITS;
}

void evtchn_clear(const struct pv_info *pv, uint32_t port) {
    __atomic_fetch_and(pending_word(pv, port), ~(1UL << (port % WORD_BITS)), __ATOMIC_SEQ_CST);
}

int evtchn_pending(const struct pv_info *pv, uint32_t port) {
    return (__atomic_load_n(pending_word(pv, port), __ATOMIC_SEQ_CST) >> (port % WORD_BITS)) & 1;
}

int sched_poll(const struct pv_info *pv, uint32_t *ports, unsigned n, uint64_t deadline) {
    struct sched_poll p;
    p.ports = ports;
    p.nr_ports = n;
    p.timeout = deadline;
    xen_hypercall(__HYPERVISOR_sched_op, SCHEDOP_poll, (unsigned long) &p, 0);
    for (unsigned i = 0; i < n; i++) if (evtchn_pending(pv, ports[i])) return 1;
    return 0;
}

static char line[128];
static int line_len;

static void con_flush(void) {
    xen_hypercall(__HYPERVISOR_console_io, CONSOLEIO_write, (unsigned long) line_len, (unsigned long) line);
    line_len = 0;
}

static void con_char(char c) {
    line[line_len++] = c;
    if (c == '\n' || line_len == (int) sizeof line) con_flush();
}

void con_str(const char *s) { while (*s) con_char(*s++); }

void con_dec(unsigned long v) {
    char b[24];
    int n = 0;
    do { b[n++] = (char) ('0' + v % 10); v /= 10; } while (v);
    while (n) con_char(b[--n]);
}

void con_int(long v) {
    if (v < 0) { con_char('-'); v = -v; }
    con_dec((unsigned long) v);
}

void con_hex(uint32_t v) {
    con_str("0x");
    for (int s = 28; s >= 0; s -= 4) con_char("0123456789abcdef"[(v >> s) & 15]);
}

void pv_poweroff(void) {
    if (line_len) con_flush();
    struct sched_shutdown s = { SHUTDOWN_poweroff };
    for (;;) xen_hypercall(__HYPERVISOR_sched_op, SCHEDOP_shutdown, (unsigned long) &s, 0);
}

int str_len(const char *s) {
    int n = 0;
    while (s[n]) n++;
    return n;
}

char *str_copy(char *to, const char *from) {
    while ((*to = *from++)) to++;
    return to;
}

unsigned long str_number(const char *s, int *ok) {
    unsigned long n = 0;
    *ok = *s >= '0' && *s <= '9';
    while (*s >= '0' && *s <= '9') n = n * 10 + (unsigned long) (*s++ - '0');
    return n;
}
