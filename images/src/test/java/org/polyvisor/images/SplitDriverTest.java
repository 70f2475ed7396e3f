package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;

/**
 * The polyvisor-echo split driver across ISAs (images/README.md, "split"): a frontend of one ISA grants its ring
 * page to a backend of another and signals it through an interdomain event channel; the backend maps the grant,
 * answers 1000 requests with a CRC-32 each, and both shut down. Consoles are compared with the goldens and the
 * frontend's digest of all answers with one computed here from the protocol alone.
 */
class SplitDriverTest {
    static final int REQUESTS = 1000;

    @ParameterizedTest(name = "{0} frontend <-> {1} backend")
    @CsvSource({"x86, ia64", "ppc, arm64", "arm64, ppc", "ppc, ia64", "arm64, ia64", "x86, arm64", "arm64, x86", "x86, ppc",
            "ia64, x86", "ia64, ppc"})
    void frontendAndBackendOfDifferentIsasExchangeRequests(String frontIsa, String backIsa) throws Exception {
        try (SplitRig rig = new SplitRig(2)) {
            Domain back = rig.create(backIsa, "split-back", null);
            Domain front = rig.create(frontIsa, "split-front", null);
            rig.addDevice(front.id(), back.id());
            String pair = frontIsa + " -> " + backIsa;
            DomainEnd fe = end(rig, front, back, 120), be = end(rig, back, front, 60);
            assertTrue(fe.poweredOff(), pair + ": frontend " + fe.message() + "\n" + front.console());
            assertTrue(be.poweredOff(), pair + ": backend " + be.message() + "\n" + back.console());
            assertEquals(golden(frontIsa, "split-front"), front.console().toString(), pair + ": frontend console");
            assertEquals(golden(backIsa, "split-back"), back.console().toString(), pair + ": backend console");
            String verdict = String.format("split-front: %d responses, %d correct, digest 0x%08x: PASS", REQUESTS, REQUESTS, digest(REQUESTS));
            assertTrue(front.console().toString().contains(verdict + "\n"), pair + ": expected '" + verdict + "' in\n" + front.console());
            assertTrue(rig.awaitNoDomains(30), pair + ": both domains are destroyed after powering off");
            assertEquals(0, rig.framesInUse(), pair + ": every frame, the granted ring's too, is back with the host");
        }
    }

    @ParameterizedTest(name = "{0} frontend, no backend")
    @ValueSource(strings = {"x86", "arm64", "ppc", "ia64"})
    void frontendGivesUpWhenNoBackendConnects(String isa) throws Exception {
        try (SplitRig rig = new SplitRig(1)) {
            Domain front = rig.create(isa, "split-front", "requests=1000 timeout=200");
            rig.addDevice(front.id(), 7);              // the toolstack names a backend domain that does not exist
            DomainEnd fe = Guests.awaitEnd(front, 60);
            assertTrue(fe.poweredOff(), isa + ": " + fe.message() + "\n" + front.console());
            assertEquals(golden(isa, "split-front-nobackend"), front.console().toString(), isa + ": frontend console");
        }
    }

    @ParameterizedTest(name = "{0} frontend grants read-only to a {1} backend")
    @CsvSource({"ppc, arm64", "x86, ia64", "arm64, x86", "ia64, x86"})
    void backendRefusesToMapARingGrantedReadOnly(String frontIsa, String backIsa) throws Exception {
        try (SplitRig rig = new SplitRig(2)) {
            Domain back = rig.create(backIsa, "split-back", null);
            Domain front = rig.create(frontIsa, "split-front", "requests=1000 timeout=20000 grant=ro");
            rig.addDevice(front.id(), back.id());
            DomainEnd fe = end(rig, front, back, 60), be = end(rig, back, front, 60);
            String pair = frontIsa + " -> " + backIsa;
            assertTrue(be.poweredOff(), pair + ": " + be.message() + "\n" + back.console());
            assertTrue(fe.poweredOff(), pair + ": " + fe.message() + "\n" + front.console());
            assertEquals(golden(backIsa, "split-back-readonly"), back.console().toString(), pair + ": backend console");
            assertEquals(golden(frontIsa, "split-front-readonly"), front.console().toString(), pair + ": frontend console");
        }
    }

    /** Waits for a domain's end; on a timeout, fails with both consoles and the device's XenStore states. */
    private static DomainEnd end(SplitRig rig, Domain d, Domain peer, int seconds) throws Exception {
        try {
            return Guests.awaitEnd(d, seconds);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError(d.describe() + " did not end in " + seconds + " s\n" + d.console() + "--- " + peer.describe() + ":\n"
                    + peer.console() + "--- " + rig.dump(), e);
        }
    }

    private static String golden(String isa, String name) throws Exception {
        return Files.readString(Guests.folder().resolve(isa).resolve(name + ".golden"));
    }

    /** The frontend's digest, from the protocol of images/guests/common/split.h: CRC-32 of every answer's CRC. */
    static long digest(int n) {
        int digest = 0;
        for (int id = 0; id < n; id++) digest = crc32(digest, expectedCrc(id));
        return digest & 0xFFFF_FFFFL;
    }

    static int payload(int id, int k) {
        int x = id * 0x9E3779B1 + 1;
        for (int i = 0; i <= k; i++) { x ^= x << 13; x ^= x >>> 17; x ^= x << 5; }
        return x;
    }

    static int expectedCrc(int id) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(28).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.putInt(id);
        for (int k = 0; k < 1 + id % 6; k++) b.putInt(payload(id, k));
        crc.update(b.array(), 0, b.position());
        return (int) crc.getValue();
    }

    /** split_crc32 without the final inversion: the raw register update over one little-endian word. */
    static int crc32(int crc, int word) {
        for (int b = 0; b < 4; b++) {
            crc ^= (word >>> (8 * b)) & 0xFF;
            for (int k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xEDB88320 & -(crc & 1));
        }
        return crc;
    }
}
