package org.polyvisor.kernel.xenstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.xenstore.XsError.XsException;

/** XenStore as domains see it: paths, permissions, transactions with EAGAIN, watches, quotas, domain lifecycle. */
class XenStoreTest {
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final XenStore xs = new XenStore((dom, path, token) -> events.add(dom + ":" + path + ":" + token));

    private static byte[] b(String s) { return s.getBytes(StandardCharsets.US_ASCII); }

    private static XsError error(Executable e) {
        try {
            e.run();
        } catch (XsException ex) {
            return ex.error();
        }
        throw new AssertionError("no error");
    }

    @FunctionalInterface
    interface Executable {
        void run() throws XsException;
    }

    @Test
    void eachDomainGetsItsStandardNodesWithXensPermissions() throws Exception {
        xs.introduce(3, "web", 16384);
        assertArrayEquals(b("web"), xs.read(3, 0, "name"), "relative paths are under /local/domain/3");
        assertArrayEquals(b("3"), xs.read(3, 0, "/local/domain/3/domid"));
        assertEquals(List.of(new XsPerm('n', 0), new XsPerm('r', 3)), xs.getPerms(0, 0, "/local/domain/3/name"));
        assertEquals(XsError.EACCES, error(() -> xs.write(3, 0, "name", b("evil"))), "a domain cannot rename itself");
        xs.write(3, 0, "control/shutdown", b("poweroff"));
        xs.write(3, 0, "data/app/state", b("ready"));
        assertArrayEquals(b("ready"), xs.read(0, 0, "/local/domain/3/data/app/state"));
        assertEquals(List.of(new XsPerm('n', 3)), xs.getPerms(0, 0, "/local/domain/3/data/app/state"), "created nodes are the creator's");
        xs.introduce(4, "db", 8192);
        assertEquals(XsError.EACCES, error(() -> xs.read(4, 0, "/local/domain/3/data/app/state")), "domains are separated");
        assertEquals(XsError.EACCES, error(() -> xs.write(4, 0, "/local/domain/3/data/x", b("1"))));
        assertEquals(List.of("control", "data", "device", "domid", "memory", "name"), xs.directory(3, 0, "/local/domain/3"));
        assertEquals(XsError.EINVAL, error(() -> xs.directory(3, 0, "")), "an empty relative path is invalid, as in xenstored");
        assertEquals("/local/domain/7", XenStore.domainPath(7));
    }

    @Test
    void permissionsCanBeSharedByTheOwner() throws Exception {
        xs.introduce(3, "front", 1024);
        xs.introduce(4, "back", 1024);
        xs.write(3, 0, "data/ring-ref", b("8"));
        xs.setPerms(3, 0, "data/ring-ref", List.of(new XsPerm('n', 3), new XsPerm('r', 4)));
        assertArrayEquals(b("8"), xs.read(4, 0, "/local/domain/3/data/ring-ref"));
        assertEquals(XsError.EACCES, error(() -> xs.setPerms(4, 0, "/local/domain/3/data/ring-ref", List.of(new XsPerm('b', 4)))));
    }

    @Test
    void aTransactionThatRacedAWriteEndsWithEagainAndARetryCommits() throws Exception {
        xs.introduce(3, "g", 1024);
        xs.write(3, 0, "data/counter", b("1"));
        int t1 = xs.transactionStart(3);
        byte[] seen = xs.read(3, t1, "data/counter");
        xs.write(3, 0, "data/counter", b("2"));                // someone else, outside the transaction
        xs.write(3, t1, "data/counter", b(new String(seen, StandardCharsets.US_ASCII) + "+1"));
        assertArrayEquals(b("2"), xs.read(3, 0, "data/counter"), "not visible before the end");
        assertEquals(XsError.EAGAIN, error(() -> xs.transactionEnd(3, t1, true)));
        assertArrayEquals(b("2"), xs.read(3, 0, "data/counter"), "nothing of it was applied");
        int t2 = xs.transactionStart(3);
        xs.write(3, t2, "data/counter", b("3"));
        xs.write(3, t2, "data/other", b("x"));
        xs.transactionEnd(3, t2, true);
        assertArrayEquals(b("3"), xs.read(3, 0, "data/counter"));
        assertArrayEquals(b("x"), xs.read(3, 0, "data/other"));
        int t3 = xs.transactionStart(3);
        xs.write(3, t3, "data/counter", b("4"));
        xs.transactionEnd(3, t3, false);
        assertArrayEquals(b("3"), xs.read(3, 0, "data/counter"), "an abort applies nothing");
        assertEquals(XsError.ENOENT, error(() -> xs.transactionEnd(3, t3, true)), "ended transactions are gone");
        assertEquals(XsError.ENOENT, error(() -> xs.read(4, t2, "data/counter")), "a transaction is its domain's own");
    }

    @Test
    void watchesFireOnceAtOnceThenOnChangesTheWatcherMayRead() throws Exception {
        xs.introduce(3, "a", 1024);
        xs.introduce(4, "b", 1024);
        xs.watch(3, "control", "tok");
        assertEquals(List.of("3:control:tok"), events);
        events.clear();
        xs.write(0, 0, "/local/domain/3/control/shutdown", b("reboot"));
        assertEquals(List.of("3:/local/domain/3/control/shutdown:tok"), events);
        events.clear();
        xs.watch(4, "/local/domain/3/control", "spy");
        events.clear();
        xs.write(0, 0, "/local/domain/3/control/shutdown", b("halt"));
        assertEquals(List.of("3:/local/domain/3/control/shutdown:tok"), events, "domain 4 may not read it, so it hears nothing");
        assertEquals(XsError.EEXIST, error(() -> xs.watch(3, "control", "tok")));
        xs.unwatch(3, "control", "tok");
        assertEquals(XsError.ENOENT, error(() -> xs.unwatch(3, "control", "tok")));
        xs.watch(0, "@releaseDomain", "rel");
        events.clear();
        xs.release(3);
        assertEquals(List.of("0:@releaseDomain:rel"), events);
        assertEquals(XsError.ENOENT, error(() -> xs.read(0, 0, "/local/domain/3/name")));
    }

    @Test
    void badPathsLargeValuesAndQuotasAreRefused() throws Exception {
        xs.introduce(3, "g", 1024);
        for (String bad : List.of("", "data//x", "data/a b", "/local/dömain", "@other"))
            assertEquals(XsError.EINVAL, error(() -> xs.write(3, 0, bad, b("1"))), bad);
        assertEquals(XsError.EINVAL, error(() -> xs.read(3, 0, "x".repeat(XenStore.REL_PATH_MAX + 1))));
        assertEquals(XsError.E2BIG, error(() -> xs.write(3, 0, "data/big", new byte[XenStore.VALUE_MAX + 1])));
        assertEquals(XsError.ENOENT, error(() -> xs.read(3, 0, "data/missing")));
        assertEquals(XsError.EINVAL, error(() -> xs.rm(0, 0, "/")));
        XsError quota = null;
        for (int i = 0; i < XenStore.QUOTA_NODES + 5 && quota == null; i++) {
            int n = i;
            quota = n < XenStore.QUOTA_NODES + 5 ? tryWrite(() -> xs.write(3, 0, "data/n" + n, b("v"))) : null;
        }
        assertEquals(XsError.EQUOTA, quota);
        xs.rm(3, 0, "data");
        assertEquals(XsError.ENOENT, error(() -> xs.read(3, 0, "data/n1")));
    }

    private static XsError tryWrite(Executable e) {
        try {
            e.run();
            return null;
        } catch (XsException ex) {
            return ex.error();
        }
    }
}
