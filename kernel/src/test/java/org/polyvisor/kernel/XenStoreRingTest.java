package org.polyvisor.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.kernel.xenstore.XsMessage;
import org.polyvisor.spi.VcpuExit;

/**
 * The XenStore wire protocol as a guest speaks it: requests written into the ring page named by start_info's
 * store_mfn, a send on store_evtchn, replies and watch events read back from the response ring.
 */
class XenStoreRingTest {
    @TempDir Path dir;
    private final List<String> replies = new CopyOnWriteArrayList<>();

    private static long ring(ScriptedIsa.ScriptedVcpu v) { return v.memory.read(v.regs[7] + 56, 8) << 12; }

    private static long port(ScriptedIsa.ScriptedVcpu v) { return v.memory.read(v.regs[7] + 64, 4); }

    /** Appends one request to the guest's request ring and signals the store. */
    private static VcpuExit request(ScriptedIsa.ScriptedVcpu v, int type, int reqId, int tx, String payloadWithNuls) {
        long r = ring(v);
        byte[] payload = payloadWithNuls.replace('|', '\0').getBytes(StandardCharsets.US_ASCII);
        ByteBuffer b = ByteBuffer.allocate(16 + payload.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(type).putInt(reqId).putInt(tx).putInt(payload.length).put(payload);
        long prod = v.memory.read(r + 2052, 4);
        for (byte x : b.array()) v.memory.write(r + (prod++ & 1023), 1, x);
        v.memory.write(r + 2052, 4, prod);
        v.memory.write(0x30000, 4, port(v));
        return v.hypercall(32, 4, 0x30000);                      // EVTCHNOP_send on store_evtchn
    }

    /** Reads every reply in the response ring as "type:reqId:payload" with NULs shown as '|'. */
    private VcpuExit drain(ScriptedIsa.ScriptedVcpu v) {
        long r = ring(v);
        long cons = v.memory.read(r + 2056, 4), prod = v.memory.read(r + 2060, 4);
        while (cons < prod) {
            byte[] h = new byte[16];
            for (int i = 0; i < 16; i++) h[i] = (byte) v.memory.read(r + 1024 + (cons++ & 1023), 1);
            ByteBuffer hb = ByteBuffer.wrap(h).order(ByteOrder.LITTLE_ENDIAN);
            byte[] p = new byte[hb.getInt(12)];
            for (int i = 0; i < p.length; i++) p[i] = (byte) v.memory.read(r + 1024 + (cons++ & 1023), 1);
            replies.add(hb.getInt(0) + ":" + hb.getInt(4) + ":" + new String(p, StandardCharsets.US_ASCII).replace('\0', '|'));
        }
        v.memory.write(r + 2056, 4, cons);
        return VcpuExit.BUDGET_SPENT;
    }

    @Test
    void aGuestTalksToXenStoreThroughItsRing() throws Exception {
        List<java.util.function.Function<ScriptedIsa.ScriptedVcpu, VcpuExit>> steps = new ArrayList<>(List.of(
                v -> request(v, XsMessage.READ, 1, 0, "name|"), this::drain,
                v -> request(v, XsMessage.WRITE, 2, 0, "data/greeting|hello"), this::drain,
                v -> request(v, XsMessage.READ, 3, 0, "data/greeting|"), this::drain,
                v -> request(v, XsMessage.WRITE, 4, 0, "name|evil"), this::drain,
                v -> request(v, XsMessage.READ, 5, 0, "/local/domain/99/name|"), this::drain,
                v -> request(v, XsMessage.GET_DOMAIN_PATH, 6, 0, "1|"), this::drain,
                v -> request(v, XsMessage.WATCH, 7, 0, "control|tok|"), this::drain,
                v -> request(v, XsMessage.DIRECTORY, 8, 0, "/local/domain/1/memory|"), this::drain,
                v -> request(v, XsMessage.TRANSACTION_START, 9, 0, "|"), this::drain,
                v -> request(v, 99, 10, 0, "x|"), this::drain,
                v -> request(v, XsMessage.INTRODUCE, 11, 0, "5|1|1|"), this::drain,
                v -> VcpuExit.HALT));
        @SuppressWarnings("unchecked")
        ScriptedIsa isa = new ScriptedIsa(64, steps.toArray(java.util.function.Function[]::new));
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(64), IsaCatalog.of(isa))) {
            ScriptedDomains.create(h, isa, dir, "guest");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (replies.size() < 12 && System.nanoTime() < deadline) Thread.sleep(2);
            assertEquals(List.of(
                    "2:1:guest",
                    "11:2:OK|",
                    "2:3:hello",
                    "16:4:EACCES|",
                    "16:5:ENOENT|",
                    "10:6:/local/domain/1|",
                    "4:7:OK|",
                    "15:0:control|tok|",
                    "1:8:static-max|target|",
                    "6:9:1|",
                    "16:10:EINVAL|",
                    "16:11:EACCES|"), replies);
        }
    }
}
