package org.polyvisor.spi;

/**
 * A kernel in an ISA's own non-ELF format (the arm64 {@code Image} of the Linux arm64 boot protocol, for one), as
 * {@link IsaProvider#rawImage} reads it: either where and how to load it, or why it cannot be loaded. The domain builder
 * tries ELF first (by its magic) and asks the domain's ISA only for a file that is not ELF.
 */
public sealed interface RawImage permits RawImage.Placed, RawImage.Invalid {

    /**
     * A raw image ready to load: {@code bytes} go to guest-physical {@code loadAddress}, the {@code bssBytes} after them
     * are zeroed, and the boot vCPU starts at {@code entry}. {@code format} names it in messages ("arm64 Image").
     * The builder checks that {@code [loadAddress, loadAddress + bytes.length + bssBytes)} lies in the domain's RAM.
     */
    record Placed(String format, long loadAddress, long entry, byte[] bytes, long bssBytes) implements RawImage {
        public Placed {
            if (format == null || bytes == null) throw new IllegalArgumentException("format and bytes are required");
            if (bssBytes < 0) throw new IllegalArgumentException("negative bss size " + bssBytes);
        }

        /** One past the last byte the image occupies, bss included. */
        public long end() { return loadAddress + bytes.length + bssBytes; }
    }

    /** A file in no format this ISA loads, or one whose header is wrong; {@code reason} says exactly what is wrong. */
    record Invalid(String reason) implements RawImage { }
}
