package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.isa.IsaCatalog;

/** dom0 boots on every ISA from the images jar, prints its banner and blocks. */
class Dom0ImageTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x86", "x86_64", "arm64", "ia64", "ppc"})
    void dom0PrintsItsBannerAndBlocks(String isa) throws Exception {
        byte[] kernel = GuestImages.dom0Kernel(isa).orElseThrow(() -> new AssertionError(isa + ": no dom0.elf on the class path"));
        try (Hypervisor h = Hypervisor.boot(HypervisorOptions.defaults().withPcpus(1).withHostMemoryMiB(256), IsaCatalog.load(),
                isa, GuestImages.resourceName(isa, "dom0.elf"), kernel)) {
            Domain dom0 = h.domain("0");
            assertEquals("Domain-0", dom0.name());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!dom0.info().stateFlags().startsWith("-b") && System.nanoTime() < deadline) Thread.sleep(5);
            assertEquals("Polyvisor dom0 on " + isa + ": ready\n", dom0.console().toString(), isa);
            assertEquals("-b----", dom0.info().stateFlags(), isa + ": dom0 blocks after its banner");
            assertTrue(h.log().lines().contains("(d0) Polyvisor dom0 on " + isa + ": ready"), isa + ": banner is in the log");
        }
    }
}
