package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.isa.IsaCatalog;

/**
 * A dom0 image builds a domU through hypercalls alone (ia64/builder.inc: createdomain, max_mem, max_vcpus,
 * populate_physmap, the image loaded through foreign mappings, getdomaininfo, setvcpucontext, unpause), and the domU
 * runs as if the domain builder had made it: it prints its hello golden (with the domid createdomain gave) and powers
 * off. The ia64 dom0 builds an ia64 domU (its own ISA) and an arm64 one (named with Polyvisor's CDF_POLYVISOR_ISA).
 */
class Dom0BuildsADomainTest {

    @ParameterizedTest(name = "ia64 dom0 ({0}) builds an {1} domU")
    @CsvSource({"dom0-build, ia64", "dom0-build-arm64, arm64"})
    void anIa64Dom0BuildsAndStartsHelloThroughHypercalls(String image, String domuIsa) throws Exception {
        byte[] kernel = Files.readAllBytes(Guests.folder().resolve("ia64/" + image + ".elf"));
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(2).withHostMemoryMiB(256), IsaCatalog.load(),
                "ia64", "ia64/" + image + ".elf", kernel)) {
            Domain dom0 = h.domain("0");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (h.find("1").isEmpty() && System.nanoTime() < deadline) Thread.sleep(5);
            Domain built = h.find("1").orElseThrow(() -> new AssertionError("dom0 made no domain 1; its console:\n" + dom0.console()
                    + "log:\n" + String.join("\n", h.log().lines())));
            DomainEnd end = Guests.awaitEnd(built, 60);
            assertTrue(end.poweredOff(), "domain 1: " + end.message() + "\n" + built.console() + "dom0:\n" + dom0.console());
            assertEquals(Files.readString(Guests.folder().resolve(domuIsa + "/hello.golden")), built.console().toString(), "domain 1's console");
            // dom0 prints its last line after its unpause returns, which may be after the domU has already ended
            String last = "dom0-build: set vCPU 0's context and unpaused domain 1\n";
            long printed = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!dom0.console().toString().endsWith(last) && System.nanoTime() < printed) Thread.sleep(5);
            assertEquals("dom0-build: XEN_DOMCTL_createdomain made domain 1\n"
                    + "dom0-build: XENMEM_populate_physmap: frames populated: 1024\n"
                    + "dom0-build: the domU's kernel loaded through foreign mappings, bytes: " + loadBytes(domuIsa) + "\n"
                    + last, dom0.console().toString(), "dom0's console");
            assertTrue(h.log().lines().contains("(XEN) introduced domain 1 (domain-1, " + domuIsa + "): pv, 1033 of 4096 frames populated, 1 vCPU"),
                    "the hypervisor introduced it at its unpause: 1024 frames populated by dom0, 9 of the hypervisor's\n"
                            + String.join("\n", h.log().lines()));
        }
    }

    /** The file bytes of {@code isa}/hello.elf's PT_LOAD segments, from its program headers (ELF64, little-endian). */
    private static long loadBytes(String isa) throws Exception {
        ByteBuffer elf = ByteBuffer.wrap(Files.readAllBytes(Guests.folder().resolve(isa + "/hello.elf"))).order(ByteOrder.LITTLE_ENDIAN);
        long phoff = elf.getLong(32), bytes = 0;
        int size = elf.getShort(54) & 0xFFFF, count = elf.getShort(56) & 0xFFFF;
        for (int i = 0; i < count; i++) {
            int ph = (int) phoff + i * size;
            if (elf.getInt(ph) == 1) bytes += elf.getLong(ph + 32);
        }
        return bytes;
    }
}
