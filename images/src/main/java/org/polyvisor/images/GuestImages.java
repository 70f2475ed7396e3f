package org.polyvisor.images;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the built guest images: in the images jar on the class path (resources under
 * {@code org/polyvisor/images/guests/<isa>/}), or in a source checkout's {@code images/guests} folder.
 */
public final class GuestImages {
    private static final String ROOT = "org/polyvisor/images/guests/";

    private GuestImages() { }

    /** dom0's kernel for an ISA, or empty when no dom0 image was built for it. */
    public static Optional<byte[]> dom0Kernel(String isa) { return resource(isa, "dom0.elf"); }

    /** The resource name of an image, for messages and for the config's {@code kernel}. */
    public static String resourceName(String isa, String file) { return ROOT + isa + "/" + file; }

    /** A file of the images of an ISA (e.g. "hello.elf", "hello.golden") from the class path. */
    public static Optional<byte[]> resource(String isa, String file) {
        if (!isa.matches("[a-z0-9_]+") || !file.matches("[A-Za-z0-9_.-]+")) return Optional.empty();
        try (InputStream in = GuestImages.class.getClassLoader().getResourceAsStream(resourceName(isa, file))) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The {@code images/guests} folder of a checkout: from the {@code polyvisor.home} system property (set by the
     * launcher), else by walking up from the working directory.
     */
    public static Optional<Path> guestsFolder() {
        String home = System.getProperty("polyvisor.home");
        if (home != null) {
            Path p = Path.of(home, "images", "guests");
            if (Files.isDirectory(p)) return Optional.of(p);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path p = dir.resolve("images").resolve("guests");
            if (Files.isDirectory(p)) return Optional.of(p);
            if (dir.getFileName() != null && dir.getFileName().toString().equals("images") && Files.isDirectory(dir.resolve("guests")))
                return Optional.of(dir.resolve("guests"));
        }
        return Optional.empty();
    }

}
