/* The polyvisor-echo split driver: a request/response ring in one granted page, shared by a frontend and a
 * backend of any two ISAs. The ring is defined in LITTLE-ENDIAN byte order (as Xen's rings are on x86 and Arm):
 * a big-endian guest (ppc) byte-swaps every field it reads or writes there. Layout (Xen's DEFINE_RING_TYPES shape):
 *
 *   0  uint32 req_prod     4  uint32 req_event     8  uint32 rsp_prod     12 uint32 rsp_event    16..63 pad
 *   64 + 32*i  slot i (i = 0..63), a request or, once answered, its response:
 *      request:  uint32 id; uint32 nr_words (1..6); uint32 words[6]
 *      response: uint32 id; uint32 status (0 = OK); uint32 crc; uint32 pad[5]
 *
 * crc is the CRC-32 (IEEE 802.3, reflected, as zlib's crc32) of the request's id and words as little-endian bytes,
 * computed by the backend. XenStore nodes: the frontend's device directory /local/domain/<front>/device/
 * polyvisor-echo/0 has backend, backend-id (written by the toolstack), ring-ref, event-channel and state; the
 * backend's /local/domain/<back>/backend/polyvisor-echo/<front>/0 has frontend, frontend-id (toolstack) and state. */
#ifndef SPLIT_H
#define SPLIT_H
#include "xen.h"

#define SPLIT_RING_SLOTS 64
#define SPLIT_MAX_WORDS 6
#define SPLIT_GRANT_REF 8            /* the first reference after Xen's reserved ones */
#define SPLIT_DEFAULT_REQUESTS 1000
#define SPLIT_DEFAULT_TIMEOUT_MS 20000

#define RING_REQ_PROD 0
#define RING_RSP_PROD 8
#define RING_SLOT(i) (64 + 32 * ((i) & (SPLIT_RING_SLOTS - 1)))

static inline uint32_t le32_load(const volatile void *base, unsigned off) {
    uint32_t v = *(const volatile uint32_t *) ((const volatile char *) base + off);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    return v;
}

static inline void le32_store(volatile void *base, unsigned off, uint32_t v) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    v = __builtin_bswap32(v);
#endif
    *(volatile uint32_t *) ((volatile char *) base + off) = v;
}

uint32_t split_crc32(uint32_t crc, uint32_t word);
void split_front(void *start_info);
void split_back(void *start_info);

#endif
