package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.HypervisorOptions;
import org.polyvisor.kernel.domain.Domain;
import org.polyvisor.kernel.domain.DomainEnd;
import org.polyvisor.kernel.elf.ElfImage;
import org.polyvisor.kernel.isa.IsaCatalog;

/** Where the committed guest images are, and what tests need to boot them. */
final class Guests {
    static final String[] ISAS = {"x86", "x86_64", "arm64", "ia64", "ppc"};

    private Guests() { }

    static Path folder() {
        return GuestImages.guestsFolder().orElseThrow(() -> new AssertionError("images/guests not found from " + Path.of("").toAbsolutePath()));
    }

    /**
     * Every image with a config, as "isa/name" (sorted), whose name passes {@code filter} and that has a golden when
     * {@code needGolden}: how the generic image tests find what to boot.
     */
    static java.util.List<String> imagesWhere(java.util.function.Predicate<String> filter, boolean needGolden) throws java.io.IOException {
        java.util.List<String> out = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> isas = Files.list(folder())) {
            for (Path dir : isas.filter(Files::isDirectory).toList()) {
                try (java.util.stream.Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String n = f.getFileName().toString();
                        if (!n.endsWith(".cfg")) continue;
                        String name = n.substring(0, n.length() - 4);
                        if (filter.test(name) && (!needGolden || Files.exists(dir.resolve(name + ".golden"))))
                            out.add(dir.getFileName() + "/" + name);
                    }
                }
            }
        }
        out.sort(null);
        return out;
    }

    static Path config(String isa, String image) {
        Path p = folder().resolve(isa).resolve(image + ".cfg");
        assertTrue(Files.isRegularFile(p), isa + ": " + p + " is missing");
        return p;
    }

    static Hypervisor hypervisor(int pcpus) {
        return Hypervisor.boot(HypervisorOptions.defaults().withPcpus(pcpus).withHostMemoryMiB(1024), IsaCatalog.load());
    }

    static DomainEnd awaitEnd(Domain d, int seconds) throws Exception {
        return d.ended().get(seconds, TimeUnit.SECONDS);
    }

    /**
     * The hello checksum, computed here from the image's own table and the algorithm of images/README.md,
     * independently of any ISA's interpreter.
     */
    static long expectedChecksum(String isa) throws Exception {
        Path elfPath = folder().resolve(isa).resolve("hello.elf");
        ElfImage elf = ElfImage.parse(elfPath.toString(), Files.readAllBytes(elfPath));
        long at = elf.symbol("checksum_table").orElseThrow(() -> new AssertionError(isa + ": no checksum_table symbol")).value();
        byte[] table = elf.bytesAt(at, 64 * 4).orElseThrow(() -> new AssertionError(isa + ": checksum_table not in a loaded segment"));
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(table).order(elf.byteOrder());
        long sum = 0;
        for (int i = 0; i < 10_000; i++) sum = (sum * 31 + (b.getInt((i & 63) * 4) & 0xFFFF_FFFFL) + i) & 0xFFFF_FFFFL;
        return sum;
    }
}
