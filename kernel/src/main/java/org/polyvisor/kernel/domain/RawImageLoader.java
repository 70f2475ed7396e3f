package org.polyvisor.kernel.domain;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.RawImage;

/**
 * Loads a kernel in an ISA's raw format ({@link RawImage.Placed}, e.g. an arm64 Image) into a domain's RAM: its bytes at
 * the load address the ISA chose, then its bss zeroed, after checking that all of it lies inside the RAM.
 */
final class RawImageLoader {
    private RawImageLoader() { }

    /** True when {@code file} starts with ELF's magic, 7f 45 4c 46: the builder reads it as ELF, else as a raw image. */
    static boolean isElf(byte[] file) {
        return file.length >= 4 && file[0] == 0x7f && file[1] == 'E' && file[2] == 'L' && file[3] == 'F';
    }

    /** Why {@code image} cannot be loaded into RAM {@code ramBase}+{@code ramBytes}, naming the ranges; null when it fits. */
    static String misfit(String source, RawImage.Placed image, long ramBase, long ramBytes) {
        long size = image.bytes().length + image.bssBytes();
        long ramEnd = ramBase + ramBytes;
        // Unsigned-safe: the start is in RAM and the size is no more than what is left above it.
        if (Long.compareUnsigned(image.loadAddress(), ramBase) < 0 || Long.compareUnsigned(image.loadAddress(), ramEnd) >= 0
                || size < 0 || size > ramEnd - image.loadAddress())
            return String.format(
                    "%s: the %s needs 0x%x bytes at 0x%x (0x%x of file, 0x%x of bss), which do not fit in the domain's RAM 0x%x-0x%x (%d MiB)",
                    source, image.format(), size, image.loadAddress(), image.bytes().length, image.bssBytes(), ramBase, ramEnd,
                    ramBytes >> 20);
        if (Long.compareUnsigned(image.entry(), image.loadAddress()) < 0 || Long.compareUnsigned(image.entry(), image.end()) >= 0)
            return String.format("%s: the %s's entry 0x%x is outside its 0x%x-0x%x", source,
                    image.format(), image.entry(), image.loadAddress(), image.end());
        return null;
    }

    /** Copies the image and zeroes its bss; call only when {@link #misfit} said it fits. */
    static void load(RawImage.Placed image, GuestMemory memory) {
        memory.writeBytes(image.loadAddress(), image.bytes(), 0, image.bytes().length);
        byte[] zeros = new byte[(int) Math.min(image.bssBytes(), 1 << 16)];
        for (long done = 0; done < image.bssBytes(); done += zeros.length)
            memory.writeBytes(image.loadAddress() + image.bytes().length + done, zeros, 0,
                    (int) Math.min(zeros.length, image.bssBytes() - done));
    }
}
