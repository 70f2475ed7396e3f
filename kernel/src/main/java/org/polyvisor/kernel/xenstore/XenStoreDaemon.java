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
import java.io.ByteArrayOutputStream;
import java.util.function.Consumer;

/**
 * xenstored, in dom0's context: serves each domain's ring when the domain signals its store event channel,
 * answering each request in order and queueing watch events (a bounded number per domain) until they fit.
 * It runs under the event channels' lock (a store signal arrives holding it), so there is one lock order:
 * events, then the store; watches fired inside the store only queue, and are flushed after each operation.
 */
public final class XenStoreDaemon {
    /** Watch events held for a domain whose response ring is full. */
    static final int MAX_PENDING_EVENTS = 256;

    /**
     * What xenstored reaches of the domains, as dom0's xenstored does through foreign mappings and its event channel
     * device: a domain's memory, and binding to (and unbinding from) a port the domain offered to dom0.
     */
    public interface Domains {
        /** Domain {@code domid}'s memory, or null when there is no such domain. */
        GuestMemory memory(int domid);

        /**
         * xenevtchn_bind_interdomain: binds the daemon to {@code port} of {@code domid}, an unbound port offered to
         * dom0; the domain's sends on it run {@code serve}. Returns the port, or a negative errno.
         */
        long bind(int domid, long port, Runnable serve);

        /** xenevtchn_unbind: the domain's port is unbound again (offered to dom0). */
        void unbind(int domid, int port);

        /** xenevtchn_notify: signals the domain's port. */
        void notify(int domid, int port);
    }

    /** A domain's connection: request bytes received but not yet a whole message, and reply bytes not yet sent. */
    private static final class Connection {
        final int domid;
        final XsRing ring;
        /** The ring's frame and the domain's port the daemon is bound to (changed by a re-introduction). */
        final long gfn;
        int port;
        final IntConsumer signal;
        final ByteArrayOutputStream input = new ByteArrayOutputStream();
        final ArrayDeque<byte[]> output = new ArrayDeque<>();
        int outputOffset;
        int queuedEvents;
        /** Events raised while one of this domain's requests is handled: they follow its reply. */
        List<byte[]> deferred;

        Connection(int domid, XsRing ring, long gfn, int port, IntConsumer signal) {
            this.domid = domid;
            this.ring = ring;
            this.gfn = gfn;
            this.port = port;
            this.signal = signal;
        }
    }

    private final Map<Integer, Connection> connections = new HashMap<>();
    private final XenStore store;
    private final Object lock;
    private final Domains domains;

    /**
     * @param lock    the event channels' lock, under which every signal runs
     * @param domains how the daemon reaches the domains' memory and event channels
     */
    public XenStoreDaemon(Object lock, Domains domains) {
        this.lock = lock;
        this.domains = domains;
        this.store = new XenStore(this::watchFired);
    }

    /** A daemon that reaches no domain but those connected with {@link #connect} (tests of the store alone). */
    public XenStoreDaemon(Object lock) {
        this(lock, new Domains() {
            @Override public GuestMemory memory(int domid) { return null; }
            @Override public long bind(int domid, long port, Runnable serve) { return -22; }
            @Override public void unbind(int domid, int port) { }
            @Override public void notify(int domid, int port) { }
        });
    }

    /**
     * xenstored's XS_INTRODUCE of domain {@code domid} with its ring at frame {@code gfn} and its port {@code port}
     * (an unbound port of the domain offered to dom0), as C xenstored's do_introduce: for a domain not connected, the
     * ring is used from now on, the daemon binds to the port, the domain is notified (unless {@code quiet}: the
     * hypervisor's own introduction, before the domain's first instruction) and @introduceDomain fires; for a
     * domain connected with the same ring, the event channel is bound anew to {@code port} (the re-introduction
     * that recreates it); any other ring is EINVAL. Port 0 or less, a frame that is not the domain's RAM, or a port
     * that cannot be bound is EINVAL; no such domain is ENOENT. Returns null when done.
     */
    public XsError introduce(int domid, long gfn, long port, boolean quiet) {
        synchronized (lock) {
            XsError e = introduceLocked(domid, gfn, port, quiet);
            flushAll();
            return e;
        }
    }

    private XsError introduceLocked(int domid, long gfn, long port, boolean quiet) {
        if (port <= 0 || port > Integer.MAX_VALUE || gfn < 0 || gfn > Long.MAX_VALUE >>> 12) return XsError.EINVAL;
        Connection c = connections.get(domid);
        if (c != null) {
            if (c.gfn != gfn) return XsError.EINVAL;
            if (c.port != port) {
                if (domains.bind(domid, port, () -> serve(domid)) < 0) return XsError.EINVAL;
                domains.unbind(domid, c.port);
                c.port = (int) port;
            }
            return null;
        }
        GuestMemory memory = domains.memory(domid);
        if (memory == null) return XsError.ENOENT;
        if (memory.page(gfn) == null || memory.isMmio(gfn << 12)) return XsError.EINVAL;
        if (domains.bind(domid, port, () -> serve(domid)) < 0) return XsError.EINVAL;
        XsRing ring = new XsRing(memory, gfn << 12);
        if (quiet) ring.reset();
        Connection n = new Connection(domid, ring, gfn, (int) port, null);
        connections.put(domid, n);
        if (!quiet) domains.notify(domid, (int) port);
        store.introduced();
        return null;
    }

    /**
     * xenstored's XS_RELEASE: the domain's connection goes (its watches and transactions with it), the daemon unbinds
     * from its port, and @releaseDomain fires; its nodes stay, for the toolstack to remove. Domain 0 is EINVAL, a
     * domain not connected ENOENT. Returns null when done.
     */
    public XsError release(int domid) {
        synchronized (lock) {
            XsError e = releaseLocked(domid);
            flushAll();
            return e;
        }
    }

    private XsError releaseLocked(int domid) {
        if (domid == 0) return XsError.EINVAL;
        Connection c = connections.remove(domid);
        if (c == null) return XsError.ENOENT;
        domains.unbind(domid, c.port);
        store.released(domid);
        return null;
    }

    /** Whether xenstored has a connection for the domain (XS_IS_DOMAIN_INTRODUCED). */
    public boolean introduced(int domid) {
        synchronized (lock) { return connections.containsKey(domid); }
    }

    /** The frame and port of a domain's connection, or null. */
    public long[] connection(int domid) {
        synchronized (lock) {
            Connection c = connections.get(domid);
            return c == null ? null : new long[] {c.gfn, c.port};
        }
    }

    /** The store, for the toolstack's own reads and writes (as dom0); watch events are flushed after each. */
    public XenStore store() { return store; }

    /** Runs a toolstack action on the store under the daemon's lock, then delivers the watch events it caused. */
    public void toolstack(Consumer<XenStore> action) {
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
            connections.put(domid, new Connection(domid, ring, ringPage >>> 12, 0, signal));
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
            if (wrote) {
                if (c.signal != null) c.signal.accept(c.domid);
                else domains.notify(c.domid, c.port);
            }
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
                case XsMessage.INTRODUCE -> {
                    if (domid != 0) throw XsError.EACCES.ex();
                    XsError e = introduceLocked(number(arg(args, 0)), numberL(arg(args, 1)), numberL(arg(args, 2)), false);
                    if (e != null) throw e.ex();
                    yield ok();
                }
                case XsMessage.RELEASE -> {
                    if (domid != 0) throw XsError.EACCES.ex();
                    XsError e = releaseLocked(number(arg(args, 0)));
                    if (e != null) throw e.ex();
                    yield ok();
                }
                case XsMessage.IS_DOMAIN_INTRODUCED -> {
                    if (domid != 0) throw XsError.EACCES.ex();
                    yield strings(connections.containsKey(number(arg(args, 0))) ? "T" : "F");
                }
                case XsMessage.RESUME -> {
                    if (domid != 0) throw XsError.EACCES.ex();
                    yield ok(); // no suspended domains here
                }
                default -> throw XsError.EINVAL.ex();
            };
            if (out.length > XsMessage.PAYLOAD_MAX) throw XsError.E2BIG.ex();
            return new XsMessage(m.type(), m.reqId(), m.txId(), out);
        } catch (XsException e) {
            return error(m.reqId(), m.txId(), e.error());
        }
    }

    /** A domid argument: a decimal number 0 to 65535, otherwise EINVAL. */
    private static int number(String s) throws XsException {
        long v = numberL(s);
        if (v > 0xFFFF) throw XsError.EINVAL.ex();
        return (int) v;
    }

    /** A non-negative decimal argument, otherwise EINVAL. */
    private static long numberL(String s) throws XsException {
        if (s.isEmpty() || s.length() > 18 || !s.chars().allMatch(Character::isDigit)) throw XsError.EINVAL.ex();
        return Long.parseLong(s);
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
