package org.polyvisor.kernel.xenstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.polyvisor.kernel.event.EventChannels;
import org.polyvisor.kernel.event.EventHub;
import org.polyvisor.kernel.event.Port;
import org.polyvisor.kernel.mem.DomainMemory;
import org.polyvisor.kernel.mem.MachineMemory;
import org.polyvisor.spi.GuestMemory;

/**
 * dom0's XS_INTRODUCE, XS_RELEASE and XS_IS_DOMAIN_INTRODUCED over the wire protocol, as C xenstored's do_introduce
 * and do_release answer them: requests written into dom0's ring and signalled on its store port, replies and watch
 * events read back; domain 1 then speaks over the ring and port dom0 gave for it. The event channels are the
 * kernel's: xenstored binds to the port the domain offered dom0, and unbinds on release.
 */
class IntroduceReleaseTest {
    private static final long DOM0_RING = 0x10, OLD_RING = 0x20, NEW_RING = 0x21, OTHER_RING = 0x22;
    private final MachineMemory machine = new MachineMemory(8L << 20);
    private final DomainMemory mem0 = new DomainMemory(machine, 0, ByteOrder.LITTLE_ENDIAN, 0, 1L << 20);
    private final DomainMemory mem1 = new DomainMemory(machine, 1, ByteOrder.BIG_ENDIAN, 0, 1L << 20);
    private final Map<Integer, GuestMemory> memories = Map.of(0, mem0, 1, mem1);
    private final EventHub hub = new EventHub();
    private final XenStoreDaemon daemon = new XenStoreDaemon(hub, new XenStoreDaemon.Domains() {
        @Override public GuestMemory memory(int domid) { return memories.get(domid); }
        @Override public long bind(int domid, long port, Runnable serve) { return hub.bindDom0Service(domid, port, serve); }
        @Override public void unbind(int domid, int port) { hub.unbindDom0Service(domid, port); }
        @Override public void notify(int domid, int port) { hub.notify(domid, port); }
    });
    private int reqId;

    IntroduceReleaseTest() {
        for (int id = 0; id < 2; id++) {
            var ec = new EventChannels(id, 64, memories.get(id), 0x1000, 1, v -> { });
            ec.clearPage();
            hub.register(ec);
        }
    }

    @AfterEach
    void close() {
        mem0.close();
        mem1.close();
        machine.close();
    }

    private int offerToDom0(int domid) { return (int) hub.allocUnbound(domid, true, domid, 0); }

    /** Sends one request from {@code domid} over its ring at {@code gfn} and port {@code port}; returns what came back. */
    private List<String> request(int domid, long gfn, int port, int type, String payload) {
        GuestMemory m = memories.get(domid);
        long r = gfn << 12;
        byte[] p = payload.replace('|', '\0').getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(16 + p.length).order(m.byteOrder());
        b.putInt(type).putInt(++reqId).putInt(0).putInt(p.length).put(p);
        long prod = m.read(r + XsRing.REQ_PROD, 4);
        for (byte x : b.array()) m.write(r + (prod++ & 1023), 1, x);
        m.write(r + XsRing.REQ_PROD, 4, prod);
        hub.send(domid, port);
        return drain(domid, gfn);
    }

    /** Every message in the response ring as "TYPE:payload" (NULs shown as '|'), consumed. */
    private List<String> drain(int domid, long gfn) {
        GuestMemory m = memories.get(domid);
        long r = gfn << 12;
        List<String> out = new ArrayList<>();
        long cons = m.read(r + XsRing.RSP_CONS, 4), prod = m.read(r + XsRing.RSP_PROD, 4);
        while (cons < prod) {
            byte[] h = new byte[16];
            for (int i = 0; i < 16; i++) h[i] = (byte) m.read(r + 1024 + (cons++ & 1023), 1);
            ByteBuffer hb = ByteBuffer.wrap(h).order(m.byteOrder());
            byte[] p = new byte[hb.getInt(12)];
            for (int i = 0; i < p.length; i++) p[i] = (byte) m.read(r + 1024 + (cons++ & 1023), 1);
            String name = switch (hb.getInt(0)) {
                case XsMessage.WATCH_EVENT -> "EVENT";
                case XsMessage.ERROR -> "ERROR";
                default -> "OK";
            };
            out.add(name + ":" + new String(p, StandardCharsets.US_ASCII).replace('\0', '|'));
        }
        m.write(r + XsRing.RSP_CONS, 4, cons);
        return out;
    }

    private record Row(String what, int type, String payload, List<String> expected) { }

    private static Row row(String what, int type, String payload, String... expected) { return new Row(what, type, payload, List.of(expected)); }

    @Test
    void dom0ReleasesAndIntroducesADomainWithTheRingAndPortItGives() {
        int port0 = offerToDom0(0);
        assertEquals(null, daemon.introduce(0, DOM0_RING, port0, true), "dom0's own introduction");
        int oldPort = offerToDom0(1);
        daemon.toolstack(xs -> xs.introduce(1, "one", 1024));
        assertEquals(null, daemon.introduce(1, OLD_RING, oldPort, true), "domain 1's introduction at its creation");
        int newPort = offerToDom0(1), otherPort = offerToDom0(1);
        List<Row> rows = List.of(
                row("watch @introduceDomain (an event at once, as for any watch)", XsMessage.WATCH, "@introduceDomain|in|",
                        "OK:OK|", "EVENT:@introduceDomain|in|"),
                row("watch @releaseDomain", XsMessage.WATCH, "@releaseDomain|rel|", "OK:OK|", "EVENT:@releaseDomain|rel|"),
                row("is domain 1 introduced", XsMessage.IS_DOMAIN_INTRODUCED, "1|", "OK:T|"),
                row("release domain 1", XsMessage.RELEASE, "1|", "OK:OK|", "EVENT:@releaseDomain|rel|"),
                row("is domain 1 introduced, released", XsMessage.IS_DOMAIN_INTRODUCED, "1|", "OK:F|"),
                row("release it again", XsMessage.RELEASE, "1|", "ERROR:ENOENT|"),
                row("release dom0", XsMessage.RELEASE, "0|", "ERROR:EINVAL|"),
                row("release with no domid", XsMessage.RELEASE, "", "ERROR:EINVAL|"),
                row("introduce no such domain", XsMessage.INTRODUCE, "77|5|1|", "ERROR:ENOENT|"),
                row("introduce with port 0", XsMessage.INTRODUCE, "1|" + NEW_RING + "|0|", "ERROR:EINVAL|"),
                row("introduce with a domid not a number", XsMessage.INTRODUCE, "x|" + NEW_RING + "|" + newPort + "|", "ERROR:EINVAL|"),
                row("introduce with a port not offered to dom0", XsMessage.INTRODUCE, "1|" + NEW_RING + "|60|", "ERROR:EINVAL|"),
                row("introduce with a frame beyond its RAM", XsMessage.INTRODUCE, "1|4096|" + newPort + "|", "ERROR:EINVAL|"),
                row("introduce with two arguments", XsMessage.INTRODUCE, "1|" + NEW_RING + "|", "ERROR:EINVAL|"),
                row("introduce with a new ring and port", XsMessage.INTRODUCE, "1|" + NEW_RING + "|" + newPort + "|",
                        "OK:OK|", "EVENT:@introduceDomain|in|"),
                row("is domain 1 introduced, again", XsMessage.IS_DOMAIN_INTRODUCED, "1|", "OK:T|"),
                row("introduce with another ring", XsMessage.INTRODUCE, "1|" + OTHER_RING + "|" + newPort + "|", "ERROR:EINVAL|"),
                row("re-introduce: the same ring, another port", XsMessage.INTRODUCE, "1|" + NEW_RING + "|" + otherPort + "|", "OK:OK|"));
        for (Row r : rows) assertEquals(r.expected(), request(0, DOM0_RING, port0, r.type(), r.payload()), r.what());

        assertInstanceOf(Port.Unbound.class, hub.of(1).get(oldPort), "the released port is unbound again");
        assertInstanceOf(Port.Unbound.class, hub.of(1).get(newPort), "the port given up at the re-introduction");
        assertInstanceOf(Port.Service.class, hub.of(1).get(otherPort), "xenstored's port now");
        assertEquals(true, hub.of(1).pending(newPort), "domain 1 was told xenstore is available, on the port dom0 gave");
        assertEquals(List.of(), request(1, OLD_RING, oldPort, XsMessage.READ, "name|"), "the old ring and port: nobody answers");
        assertEquals(List.of("OK:one"), request(1, NEW_RING, otherPort, XsMessage.READ, "name|"), "the new ring and port");
        assertEquals(List.of("ERROR:EACCES|"), request(1, NEW_RING, otherPort, XsMessage.INTRODUCE, "1|" + NEW_RING + "|" + otherPort + "|"),
                "a domU may not introduce");
        assertEquals(List.of("ERROR:EACCES|"), request(1, NEW_RING, otherPort, XsMessage.RELEASE, "1|"), "a domU may not release");
    }
}
