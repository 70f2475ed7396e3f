package org.polyvisor.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.polyvisor.images.GuestImages;

/**
 * The benchmark guest of each ISA, {@code images/guests/<isa>/bench-sort.elf}: the workload of
 * {@code images/bench-native/workload.c} (heapsort, binary search and CRC-32 over up to 4 MiB) with the MMU on
 * (see benchmarks/README.md). Found in the images jar on the class path, or else in the checkout's
 * {@code images/guests} folder (so a freshly built image is used without reinstalling the images module).
 */
public final class BenchImages {
    /** The ISAs that have a benchmark image, in the order the tables list them. */
    public static final List<String> ISAS = List.of("x86", "x86_64", "arm64", "ppc", "ia64");
    public static final String IMAGE = "bench-sort.elf";
    /** The workload's default size: 2^18 words (1 MiB), one round (about 1.2 * 10^8 guest instructions). */
    public static final String DEFAULT_ARGUMENTS = "words=262144 rounds=1";
    /** Guest memory of a benchmark domain, MiB (the images map it all). */
    public static final int MEMORY_MIB = 32;

    private BenchImages() { }

    /** The ELF file of the benchmark image of {@code isa}. */
    public static byte[] kernel(String isa) {
        Optional<Path> file = GuestImages.guestsFolder().map(g -> g.resolve(isa).resolve(IMAGE)).filter(Files::isRegularFile);
        if (file.isPresent()) {
            try {
                return Files.readAllBytes(file.get());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return GuestImages.resource(isa, IMAGE).orElseThrow(() -> new IllegalStateException("no " + IMAGE + " for " + isa));
    }
}
