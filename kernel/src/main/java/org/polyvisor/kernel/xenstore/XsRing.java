package org.polyvisor.kernel.xenstore;

import java.nio.ByteBuffer;
import org.polyvisor.spi.GuestMemory;
import java.nio.ByteOrder;

/**
 * A domain's {@code struct xenstore_domain_interface}: {@code char req[1024]; char rsp[1024]; uint32_t req_cons,
 * req_prod, rsp_cons, rsp_prod; uint32_t server_features, connection, error;} in its guest-physical page, in the
 * guest's byte order. Indices run freely and are masked by 1023.
 */
public final class XsRing {
    public static final int RING_SIZE = 1024, REQ = 0, RSP = 1024, REQ_CONS = 2048, REQ_PROD = 2052, RSP_CONS = 2056,
            RSP_PROD = 2060, SERVER_FEATURES = 2064, CONNECTION = 2068, ERROR = 2072;
    private final GuestMemory memory;
    private final long page;

    public XsRing(GuestMemory memory, long page) {
        this.memory = memory;
        this.page = page;
    }

    private long u32(int off) { return memory.read(page + off, 4); }

    private void setU32(int off, long v) { memory.write(page + off, 4, v); }

    /** Request bytes the guest has produced and we have not consumed. */
    int available() { return (int) ((u32(REQ_PROD) - u32(REQ_CONS)) & 0xFFFF_FFFFL); }

    /** Copies {@code n} request bytes at the consumer index, without consuming them. */
    byte[] peek(int n) {
        byte[] out = new byte[n];
        long cons = u32(REQ_CONS);
        for (int i = 0; i < n; i++) out[i] = (byte) memory.read(page + REQ + ((cons + i) & (RING_SIZE - 1)), 1);
        return out;
    }

    void consume(int n) { setU32(REQ_CONS, (u32(REQ_CONS) + n) & 0xFFFF_FFFFL); }

    /** Free space in the response ring. */
    int space() { return RING_SIZE - (int) ((u32(RSP_PROD) - u32(RSP_CONS)) & 0xFFFF_FFFFL); }

    /** Writes as many of {@code bytes[from..]} as fit into the response ring; returns how many. */
    int write(byte[] bytes, int from) {
        int n = Math.min(space(), bytes.length - from);
        long prod = u32(RSP_PROD);
        for (int i = 0; i < n; i++) memory.write(page + RSP + ((prod + i) & (RING_SIZE - 1)), 1, bytes[from + i]);
        setU32(RSP_PROD, (prod + n) & 0xFFFF_FFFFL);
        return n;
    }

    /** A message as it travels: the header in the guest's byte order, then the payload. */
    byte[] encode(XsMessage m) {
        ByteBuffer b = ByteBuffer.allocate(XsMessage.HEADER + m.payload().length).order(memory.byteOrder());
        b.putInt(m.type()).putInt(m.reqId()).putInt(m.txId()).putInt(m.payload().length).put(m.payload());
        return b.array();
    }

    /** A fresh ring: indices zero, the connection marked connected. */
    void reset() {
        memory.writeBytes(page, new byte[GuestMemory.PAGE_SIZE], 0, GuestMemory.PAGE_SIZE);
    }

    ByteOrder order() { return memory.byteOrder(); }
}
