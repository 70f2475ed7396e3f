package org.polyvisor.kernel.xenstore;

/**
 * {@code struct xsd_sockmsg { uint32_t type; uint32_t req_id; uint32_t tx_id; uint32_t len; }} and its payload,
 * with the message types of xs_wire.h.
 */
public record XsMessage(int type, int reqId, int txId, byte[] payload) {
    public static final int HEADER = 16, PAYLOAD_MAX = 4096;
    public static final int CONTROL = 0, DIRECTORY = 1, READ = 2, GET_PERMS = 3, WATCH = 4, UNWATCH = 5,
            TRANSACTION_START = 6, TRANSACTION_END = 7, INTRODUCE = 8, RELEASE = 9, GET_DOMAIN_PATH = 10, WRITE = 11,
            MKDIR = 12, RM = 13, SET_PERMS = 14, WATCH_EVENT = 15, ERROR = 16, IS_DOMAIN_INTRODUCED = 17, RESUME = 18;
}
