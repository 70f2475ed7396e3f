package org.polyvisor.kernel.xenstore;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.polyvisor.kernel.xenstore.XsError.XsException;

/**
 * The store: a tree of nodes with values and permissions, as xenstored keeps it. Every operation names its
 * caller; dom0 may do anything, other domains what the node's permissions allow. Transactions see the store as
 * it was when they started plus their own changes, and their end fails with EAGAIN if a node they used was
 * changed meanwhile. Thread-safe (one lock: the store is small and its operations short).
 */
public final class XenStore {
    /** xenstored's limits. */
    public static final int ABS_PATH_MAX = 3072, REL_PATH_MAX = 2048, VALUE_MAX = 2048;
    public static final int QUOTA_NODES = 1000, QUOTA_WATCHES = 128, QUOTA_TRANSACTIONS = 10;

    /** Where watch events go: the watcher's domain, the path that changed and the token it registered. */
    @FunctionalInterface
    public interface WatchSink {
        void fire(int domid, String path, String token);
    }

    private static final class Node {
        byte[] value = new byte[0];
        List<XsPerm> perms;
        final TreeMap<String, Node> children = new TreeMap<>();
        long generation;

        Node(List<XsPerm> perms, long gen) {
            this.perms = perms;
            this.generation = gen;
        }

        Node copy() {
            Node n = new Node(perms, generation);
            n.value = value;
            for (var e : children.entrySet()) n.children.put(e.getKey(), e.getValue().copy());
            return n;
        }
    }

    private record Watch(int domid, String path, String token) { }

    private final class Transaction {
        final int domid;
        final Node root;
        final Map<String, Long> used = new HashMap<>();
        final List<Runnable> replay = new ArrayList<>();
        final List<String> changed = new ArrayList<>();

        Transaction(int domid) {
            this.domid = domid;
            this.root = XenStore.this.root.copy();
        }
    }

    private Node root = new Node(List.of(new XsPerm('n', 0)), 0);
    private long generation;
    private final List<Watch> watches = new ArrayList<>();
    private final Map<Integer, Transaction> transactions = new HashMap<>();
    private int nextTx = 1;
    private final WatchSink sink;

    public XenStore(WatchSink sink) {
        this.sink = sink;
        root.children.put("local", new Node(List.of(new XsPerm('n', 0)), 0));
        root.children.get("local").children.put("domain", new Node(List.of(new XsPerm('n', 0)), 0));
        root.children.put("tool", new Node(List.of(new XsPerm('n', 0)), 0));
        root.children.put("vm", new Node(List.of(new XsPerm('n', 0)), 0));
    }

    /** "/local/domain/N": where a domain's own nodes live; relative paths are relative to it. */
    public static String domainPath(int domid) { return "/local/domain/" + domid; }

    /** Makes a path absolute and checks it: characters, length, no empty components. */
    static String canonical(int caller, String path) throws XsException {
        if (path.startsWith("@")) {
            if (!path.equals("@introduceDomain") && !path.equals("@releaseDomain")) throw XsError.EINVAL.ex();
            return path;
        }
        if (!path.startsWith("/")) {
            if (path.isEmpty() || path.length() > REL_PATH_MAX) throw XsError.EINVAL.ex();
            path = domainPath(caller) + "/" + path;
        }
        if (path.length() > ABS_PATH_MAX) throw XsError.EINVAL.ex();
        if (path.length() > 1 && path.endsWith("/")) path = path.substring(0, path.length() - 1);
        if (path.contains("//")) throw XsError.EINVAL.ex();
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (!(Character.isLetterOrDigit(c) && c < 128) && "/_-@".indexOf(c) < 0) throw XsError.EINVAL.ex();
        }
        return path;
    }

    private static String[] parts(String abs) { return abs.equals("/") ? new String[0] : abs.substring(1).split("/"); }

    private static Node find(Node root, String abs) {
        Node n = root;
        for (String p : parts(abs)) {
            n = n.children.get(p);
            if (n == null) return null;
        }
        return n;
    }

    private static boolean may(int caller, Node n, boolean write) {
        if (caller == 0 || n.perms.get(0).domid() == caller) return true;
        XsPerm p = n.perms.get(0);
        for (int i = 1; i < n.perms.size(); i++) if (n.perms.get(i).domid() == caller) { p = n.perms.get(i); break; }
        return write ? p.canWrite() : p.canRead();
    }

    private Node view(int tx, int caller) throws XsException {
        if (tx == 0) return root;
        Transaction t = transactions.get(tx);
        if (t == null || t.domid != caller) throw XsError.ENOENT.ex();
        return t.root;
    }

    private void used(int tx, String path, Node n) {
        if (tx == 0) return;
        transactions.get(tx).used.putIfAbsent(path, n == null ? -1L : n.generation);
    }

    public synchronized byte[] read(int caller, int tx, String path) throws XsException {
        String abs = canonical(caller, path);
        Node n = find(view(tx, caller), abs);
        used(tx, abs, n);
        if (n == null) throw XsError.ENOENT.ex();
        if (!may(caller, n, false)) throw XsError.EACCES.ex();
        return n.value.clone();
    }

    public synchronized List<String> directory(int caller, int tx, String path) throws XsException {
        String abs = canonical(caller, path);
        Node n = find(view(tx, caller), abs);
        used(tx, abs, n);
        if (n == null) throw XsError.ENOENT.ex();
        if (!may(caller, n, false)) throw XsError.EACCES.ex();
        return new ArrayList<>(n.children.keySet());
    }

    public synchronized List<XsPerm> getPerms(int caller, int tx, String path) throws XsException {
        String abs = canonical(caller, path);
        Node n = find(view(tx, caller), abs);
        used(tx, abs, n);
        if (n == null) throw XsError.ENOENT.ex();
        if (!may(caller, n, false)) throw XsError.EACCES.ex();
        return List.copyOf(n.perms);
    }

    public synchronized void write(int caller, int tx, String path, byte[] value) throws XsException {
        if (value.length > VALUE_MAX) throw XsError.E2BIG.ex();
        String abs = canonical(caller, path);
        if (abs.startsWith("@")) throw XsError.EINVAL.ex();
        apply(caller, tx, abs, root -> {
            Node n = create(caller, root, abs);
            n.value = value.clone();
            n.generation = ++generation;
        });
    }

    public synchronized void mkdir(int caller, int tx, String path) throws XsException {
        String abs = canonical(caller, path);
        if (abs.startsWith("@")) throw XsError.EINVAL.ex();
        if (find(view(tx, caller), abs) != null) return;
        apply(caller, tx, abs, root -> create(caller, root, abs));
    }

    public synchronized void rm(int caller, int tx, String path) throws XsException {
        String abs = canonical(caller, path);
        if (abs.equals("/") || abs.startsWith("@")) throw XsError.EINVAL.ex();
        Node n = find(view(tx, caller), abs);
        if (n == null) throw XsError.ENOENT.ex();
        if (!may(caller, n, true)) throw XsError.EACCES.ex();
        apply(caller, tx, abs, root -> {
            Node parent = find(root, abs.substring(0, Math.max(1, abs.lastIndexOf('/'))));
            if (parent != null) {
                parent.children.remove(abs.substring(abs.lastIndexOf('/') + 1));
                parent.generation = ++generation;
            }
        });
    }

    public synchronized void setPerms(int caller, int tx, String path, List<XsPerm> perms) throws XsException {
        if (perms == null || perms.isEmpty()) throw XsError.EINVAL.ex();
        String abs = canonical(caller, path);
        Node n = find(view(tx, caller), abs);
        if (n == null) throw XsError.ENOENT.ex();
        if (caller != 0 && n.perms.get(0).domid() != caller) throw XsError.EACCES.ex();
        List<XsPerm> copy = List.copyOf(perms);
        apply(caller, tx, abs, root -> {
            Node m = find(root, abs);
            if (m != null) {
                m.perms = copy;
                m.generation = ++generation;
            }
        });
    }

    /** Checks write access for creating {@code abs}, then applies the change now or in the transaction. */
    private void apply(int caller, int tx, String abs, TreeChange change) throws XsException {
        Node view = view(tx, caller);
        Node existing = find(view, abs);
        if (existing != null ? !may(caller, existing, true) : !mayCreate(caller, view, abs)) throw XsError.EACCES.ex();
        if (existing == null && caller != 0 && ownedBy(view, caller) >= QUOTA_NODES) throw XsError.EQUOTA.ex();
        if (tx == 0) {
            change.apply(root);
            fire(abs);
        } else {
            Transaction t = transactions.get(tx);
            used(tx, abs, existing);
            change.apply(t.root);
            t.replay.add(() -> change.apply(root));
            t.changed.add(abs);
        }
    }

    @FunctionalInterface
    private interface TreeChange {
        void apply(Node root);
    }

    /** Write access to the nearest existing ancestor allows creating the missing nodes below it. */
    private static boolean mayCreate(int caller, Node root, String abs) {
        Node n = root, last = root;
        for (String p : parts(abs)) {
            n = n.children.get(p);
            if (n == null) break;
            last = n;
        }
        return may(caller, last, true);
    }

    /** Creates the missing nodes of {@code abs}; each inherits its parent's permissions, owned by its creator. */
    private Node create(int caller, Node root, String abs) {
        Node n = root;
        for (String p : parts(abs)) {
            Node c = n.children.get(p);
            if (c == null) {
                List<XsPerm> perms = new ArrayList<>(n.perms);
                if (caller != 0) perms.set(0, new XsPerm(perms.get(0).access(), caller));
                c = new Node(List.copyOf(perms), ++generation);
                n.children.put(p, c);
                n.generation = generation;
            }
            n = c;
        }
        return n;
    }

    private static int ownedBy(Node n, int domid) {
        int count = n.perms.get(0).domid() == domid ? 1 : 0;
        for (Node c : n.children.values()) count += ownedBy(c, domid);
        return count;
    }

    public synchronized int transactionStart(int caller) throws XsException {
        long open = transactions.values().stream().filter(t -> t.domid == caller).count();
        if (caller != 0 && open >= QUOTA_TRANSACTIONS) throw XsError.EQUOTA.ex();
        int id = nextTx++;
        if (nextTx == Integer.MAX_VALUE) nextTx = 1;
        transactions.put(id, new Transaction(caller));
        return id;
    }

    /** Ends a transaction: commits it (EAGAIN when a node it used changed meanwhile), or aborts it. */
    public synchronized void transactionEnd(int caller, int tx, boolean commit) throws XsException {
        Transaction t = transactions.get(tx);
        if (t == null || t.domid != caller) throw XsError.ENOENT.ex();
        transactions.remove(tx);
        if (!commit) return;
        for (var e : t.used.entrySet()) {
            Node now = find(root, e.getKey());
            long gen = now == null ? -1 : now.generation;
            if (gen != e.getValue()) throw XsError.EAGAIN.ex();
        }
        for (Runnable r : t.replay) r.run();
        for (String p : t.changed) fire(p);
    }

    public synchronized void watch(int caller, String path, String token) throws XsException {
        String abs = canonical(caller, path);
        long mine = watches.stream().filter(w -> w.domid() == caller).count();
        if (caller != 0 && mine >= QUOTA_WATCHES) throw XsError.EQUOTA.ex();
        for (Watch w : watches) if (w.domid() == caller && w.path().equals(abs) && w.token().equals(token)) throw XsError.EEXIST.ex();
        watches.add(new Watch(caller, abs, token));
        // xenstored fires a new watch once at once, so the watcher reads the current state.
        sink.fire(caller, path, token);
    }

    public synchronized void unwatch(int caller, String path, String token) throws XsException {
        String abs = canonical(caller, path);
        if (!watches.removeIf(w -> w.domid() == caller && w.path().equals(abs) && w.token().equals(token))) throw XsError.ENOENT.ex();
    }

    /** Fires the watches on {@code abs} and its ancestors (and on the special @ paths by name). */
    private void fire(String abs) {
        for (Watch w : List.copyOf(watches)) {
            boolean hit = abs.equals(w.path()) || (!w.path().startsWith("@") && (abs.startsWith(w.path() + "/") || w.path().equals("/")));
            if (!hit) continue;
            Node n = find(root, abs);
            if (n != null && !may(w.domid(), n, false)) continue;
            sink.fire(w.domid(), abs, w.token());
        }
    }

    /**
     * The toolstack's writes at domain creation: libxl's standard per-domain nodes. xenstored's own part, the
     * connection and the @introduceDomain event, is {@link XenStoreDaemon#introduce}.
     */
    public synchronized void introduce(int domid, String name, long memoryKiB) {
        try {
            String base = domainPath(domid);
            write(0, 0, base + "/name", name.getBytes(StandardCharsets.US_ASCII));
            write(0, 0, base + "/domid", Integer.toString(domid).getBytes(StandardCharsets.US_ASCII));
            write(0, 0, base + "/memory/target", Long.toString(memoryKiB).getBytes(StandardCharsets.US_ASCII));
            write(0, 0, base + "/memory/static-max", Long.toString(memoryKiB).getBytes(StandardCharsets.US_ASCII));
            mkdir(0, 0, base + "/control");
            write(0, 0, base + "/control/shutdown", new byte[0]);
            mkdir(0, 0, base + "/data");
            mkdir(0, 0, base + "/device");
            List<XsPerm> readable = List.of(new XsPerm('n', 0), new XsPerm('r', domid));
            for (String p : List.of("", "/name", "/domid", "/memory", "/memory/target", "/memory/static-max", "/device"))
                setPerms(0, 0, base + p, readable);
            List<XsPerm> own = List.of(new XsPerm('n', domid));
            for (String p : List.of("/control", "/control/shutdown", "/data")) setPerms(0, 0, base + p, own);
        } catch (XsException e) {
            throw new IllegalStateException("the store refused the toolstack's own write: " + e.getMessage());
        }
    }

    /** A domain is gone: its nodes, watches and transactions go, and @releaseDomain fires. */
    public synchronized void release(int domid) {
        Node domains = find(root, "/local/domain");
        if (domains != null && domains.children.remove(Integer.toString(domid)) != null) domains.generation = ++generation;
        released(domid);
    }

    /** xenstored connected a domain (XS_INTRODUCE): @introduceDomain fires. */
    synchronized void introduced() { fire("@introduceDomain"); }

    /**
     * xenstored dropped a domain's connection (XS_RELEASE, or the domain is gone): its watches and transactions go
     * and @releaseDomain fires. Its nodes stay (the toolstack removes them, as libxl does).
     */
    synchronized void released(int domid) {
        watches.removeIf(w -> w.domid() == domid);
        transactions.values().removeIf(t -> t.domid == domid);
        fire("@releaseDomain");
    }
}
