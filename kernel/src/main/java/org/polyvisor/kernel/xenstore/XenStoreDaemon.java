package org.polyvisor.kernel.xenstore;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;
import org.polyvisor.kernel.xenstore.XsError.XsException;
import org.polyvisor.spi.GuestMemory;

/**
 * xenstored, in dom0's context: serves each domain's ring when the domain signals its store event channel,
 * answering each request in order and queueing watch events (a bounded number per domain) until they fit.
 * It runs under the event channels' lock (a store signal arrives holding it), so there is one lock order:
 * events, then the store; watches fired inside the store only queue, and are flushed after each operation.
 */
public final class XenStoreDaemon {
    /** Watch events held for a domain whose response ring is full. */
    static final int MAX_PENDING_EVENTS = 256;

    /** A domain's connection: request bytes received but not yet a whole message, and reply bytes not yet sent. */
    private static final class Connection {
        final int domid;
        final XsRing ring;
        final IntConsumer signal;
        final java.io.ByteArrayOutputStream input = new java.io.ByteArrayOutputStream();
        final ArrayDeque<byte[]> output = new ArrayDeque<>();
        int outputOffset;
        int queuedEvents;
        /** Events raised while one of this domain's requests is handled: they follow its reply. */
        java.util.List<byte[]> deferred;

        Connection(int domid, XsRing ring, IntConsumer signal) {
            this.domid = domid;
            this.ring = ring;
            this.signal = signal;
        }
    }

    private final Map<Integer, Connection> connections = new HashMap<>();
    private final XenStore store;
    private final Object lock;

    /** @param lock the event channels' lock, under which every signal runs */
    public XenStoreDaemon(Object lock) {
        this.lock = lock;
        this.store = new XenStore(this::watchFired);
    }

    /** The store, for the toolstack's own reads and writes (as dom0); watch events are flushed after each. */
    public XenStore store() { return store; }

    /** Runs a toolstack action on the store under the daemon's lock, then delivers the watch events it caused. */
    public void toolstack(java.util.function.Consumer<XenStore> action) {
        synchronized (lock) {
            action.accept(store);
            flushAll();
        }
    }

    /** Connects a domain's ring page; {@code signal} signals the domain's store event channel. */
    public void connect(int domid, GuestMemory memory, long ringPage, IntConsumer signal) {
        synchronized (lock) {
            XsRing ring = new XsRing(memory, ringPage);
            ring.reset();
            connections.put(domid, new Connection(domid, ring, signal));
        }
    }

    public void disconnect(int domid) {
        synchronized (lock) {
            connections.remove(domid);
            store.release(domid);
            flushAll();
        }
    }

    /** Called inside the store: only queues. */
    private void watchFired(int domid, String path, String token) {
        Connection c = connections.get(domid);
        if (c == null || c.queuedEvents >= MAX_PENDING_EVENTS) return;
        byte[] event = c.ring.encode(new XsMessage(XsMessage.WATCH_EVENT, 0, 0, strings(path, token)));
        if (c.deferred != null) c.deferred.add(event);
        else c.output.add(event);
        c.queuedEvents++;
    }

    /** The domain signalled: answer every complete request in its ring, then flush queued watch events. */
    public void serve(int domid) {
        synchronized (lock) {
            serveLocked(domid);
            flushAll();
        }
    }

    /** Sends what fits of every connection's pending output, and signals the domains that got some. */
    private void flushAll() {
        for (Connection c : connections.values()) {
            boolean wrote = false;
            while (!c.output.isEmpty()) {
                byte[] head = c.output.peekFirst();
                int n = c.ring.write(head, c.outputOffset);
                wrote |= n > 0;
                c.outputOffset += n;
                if (c.outputOffset < head.length) break;
                c.output.removeFirst();
                c.outputOffset = 0;
                if (c.queuedEvents > 0 && head.length >= 4 && isWatchEvent(c, head)) c.queuedEvents--;
            }
            if (wrote) c.signal.accept(c.domid);
        }
    }

    private static boolean isWatchEvent(Connection c, byte[] message) {
        return ByteBuffer.wrap(message).order(c.ring.order()).getInt(0) == XsMessage.WATCH_EVENT;
    }

    /** Takes the request bytes the guest produced, and answers every whole message among them. */
    private void serveLocked(int domid) {
        Connection c = connections.get(domid);
        if (c == null) return;
        int n = c.ring.available();
        if (n > 0) {
            c.input.writeBytes(c.ring.peek(n));
            c.ring.consume(n);
        }
        byte[] in = c.input.toByteArray();
        int at = 0;
        while (in.length - at >= XsMessage.HEADER) {
            ByteBuffer h = ByteBuffer.wrap(in, at, XsMessage.HEADER).order(c.ring.order());
            int type = h.getInt(at), reqId = h.getInt(at + 4), txId = h.getInt(at + 8), len = h.getInt(at + 12);
            if (len < 0 || len > XsMessage.PAYLOAD_MAX) {
                // A corrupt header: answer once and drop the rest of the input, as xenstored drops a bad connection's input.
                c.output.add(c.ring.encode(error(reqId, txId, XsError.E2BIG)));
                at = in.length;
                break;
            }
            if (in.length - at < XsMessage.HEADER + len) break;
            byte[] payload = Arrays.copyOfRange(in, at + XsMessage.HEADER, at + XsMessage.HEADER + len);
            at += XsMessage.HEADER + len;
            c.deferred = new ArrayList<>();
            try {
                c.output.add(c.ring.encode(handle(domid, new XsMessage(type, reqId, txId, payload))));
            } finally {
                c.output.addAll(c.deferred);
                c.deferred = null;
            }
        }
        c.input.reset();
        c.input.write(in, at, in.length - at);
    }

    /** One request from {@code domid}: its reply, or an XS_ERROR with the errno name. */
    XsMessage handle(int domid, XsMessage m) {
        List<String> args = split(m.payload());
        int tx = m.txId();
        try {
            byte[] out = switch (m.type()) {
                case XsMessage.READ -> store.read(domid, tx, arg(args, 0));
                case XsMessage.WRITE -> {
                    int nul = indexOf(m.payload(), 0);
                    if (nul < 0) throw XsError.EINVAL.ex();
                    String path = new String(m.payload(), 0, nul, StandardCharsets.US_ASCII);
                    store.write(domid, tx, path, Arrays.copyOfRange(m.payload(), nul + 1, m.payload().length));
                    yield ok();
                }
                case XsMessage.MKDIR -> { store.mkdir(domid, tx, arg(args, 0)); yield ok(); }
                case XsMessage.RM -> { store.rm(domid, tx, arg(args, 0)); yield ok(); }
                case XsMessage.DIRECTORY -> strings(store.directory(domid, tx, arg(args, 0)).toArray(String[]::new));
                case XsMessage.GET_PERMS -> strings(store.getPerms(domid, tx, arg(args, 0)).stream().map(XsPerm::toString).toArray(String[]::new));
                case XsMessage.SET_PERMS -> {
                    List<XsPerm> perms = XsPerm.parseAll(args.subList(Math.min(1, args.size()), args.size()));
                    if (perms == null) throw XsError.EINVAL.ex();
                    store.setPerms(domid, tx, arg(args, 0), perms);
                    yield ok();
                }
                case XsMessage.WATCH -> { store.watch(domid, arg(args, 0), arg(args, 1)); yield ok(); }
                case XsMessage.UNWATCH -> { store.unwatch(domid, arg(args, 0), arg(args, 1)); yield ok(); }
                case XsMessage.TRANSACTION_START -> strings(Integer.toString(store.transactionStart(domid)));
                case XsMessage.TRANSACTION_END -> {
                    String t = arg(args, 0);
                    if (!t.equals("T") && !t.equals("F")) throw XsError.EINVAL.ex();
                    store.transactionEnd(domid, tx, t.equals("T"));
                    yield ok();
                }
                case XsMessage.GET_DOMAIN_PATH -> {
                    try {
                        yield strings(XenStore.domainPath(Integer.parseInt(arg(args, 0))));
                    } catch (NumberFormatException e) {
                        throw XsError.EINVAL.ex();
                    }
                }
                case XsMessage.INTRODUCE, XsMessage.RELEASE, XsMessage.RESUME -> {
                    if (domid != 0) throw XsError.EACCES.ex();
                    yield ok(); // the toolstack introduces and releases domains itself, at create and destroy
                }
                default -> throw XsError.EINVAL.ex();
            };
            if (out.length > XsMessage.PAYLOAD_MAX) throw XsError.E2BIG.ex();
            return new XsMessage(m.type(), m.reqId(), m.txId(), out);
        } catch (XsException e) {
            return error(m.reqId(), m.txId(), e.error());
        }
    }

    private static XsMessage error(int reqId, int txId, XsError e) {
        return new XsMessage(XsMessage.ERROR, reqId, txId, strings(e.name()));
    }

    private static String arg(List<String> args, int i) throws XsException {
        if (i >= args.size()) throw XsError.EINVAL.ex();
        return args.get(i);
    }

    private static byte[] ok() { return strings("OK"); }

    /** NUL-terminated strings, concatenated. */
    static byte[] strings(String... s) {
        ByteBuffer b = ByteBuffer.allocate(Arrays.stream(s).mapToInt(x -> x.length() + 1).sum());
        for (String x : s) b.put(x.getBytes(StandardCharsets.US_ASCII)).put((byte) 0);
        return b.array();
    }

    private static List<String> split(byte[] payload) {
        List<String> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < payload.length; i++) {
            if (payload[i] == 0) {
                out.add(new String(payload, start, i - start, StandardCharsets.US_ASCII));
                start = i + 1;
            }
        }
        if (start < payload.length) out.add(new String(payload, start, payload.length - start, StandardCharsets.US_ASCII));
        return out;
    }

    private static int indexOf(byte[] b, int value) {
        for (int i = 0; i < b.length; i++) if (b[i] == value) return i;
        return -1;
    }
}
