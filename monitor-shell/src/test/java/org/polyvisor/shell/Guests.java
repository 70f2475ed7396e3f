package org.polyvisor.shell;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.polyvisor.images.GuestImages;
import org.polyvisor.kernel.isa.IsaCatalog;

/** The built guest images of the checkout, for tests that boot them; missing ones skip the test. */
public final class Guests {
    public static final List<String> ISAS = List.of("x86", "x86_64", "arm64", "ia64", "ppc");
    public static final IsaCatalog CATALOG = IsaCatalog.load();

    private Guests() { }

    /** The config {@code <isa>/<name>.cfg}, when it, its ELF and the ISA's backend are there; else the test is skipped. */
    public static Path cfg(String isa, String name) {
        assumeTrue(CATALOG.has(isa), "ISA " + isa + " is not loaded (have: " + CATALOG.ids() + ")");
        Optional<Path> folder = GuestImages.guestsFolder();
        assumeTrue(folder.isPresent(), "no images/guests folder above " + Path.of("").toAbsolutePath());
        Path cfg = folder.get().resolve(isa).resolve(name + ".cfg");
        Path elf = folder.get().resolve(isa).resolve(name + ".elf");
        assumeTrue(Files.isRegularFile(cfg) && Files.isRegularFile(elf), "no " + isa + "/" + name + " image yet");
        return cfg;
    }

    /** Some ISA that is loaded and has a dom0 image; else the test is skipped. */
    public static String dom0Isa() {
        for (String id : List.of("x86_64", "x86", "arm64", "ppc", "ia64"))
            if (CATALOG.has(id) && GuestImages.dom0Kernel(id).isPresent()) return id;
        assumeTrue(false, "no loaded ISA has a dom0 image");
        return null;
    }

    /** Some ISA that is loaded and has the image {@code name}; else the test is skipped. */
    public static String isaWith(String name) {
        Optional<Path> folder = GuestImages.guestsFolder();
        assumeTrue(folder.isPresent(), "no images/guests folder");
        for (String id : List.of("x86", "x86_64", "arm64", "ppc", "ia64"))
            if (CATALOG.has(id) && Files.isRegularFile(folder.get().resolve(id).resolve(name + ".elf"))
                    && Files.isRegularFile(folder.get().resolve(id).resolve(name + ".cfg"))) return id;
        assumeTrue(false, "no loaded ISA has a " + name + " image");
        return null;
    }
}
