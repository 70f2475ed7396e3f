package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.kernel.Hypervisor;
import org.polyvisor.kernel.config.DomainConfig;
import org.polyvisor.kernel.domain.DomainCreateException;

/**
 * Kernels that are not ELF go to the domain's ISA as its raw format (arm64: the Linux Image, booting.rst); a bad one
 * ends domain creation with one precise message and leaves nothing behind. (hvm-image boots a good one: HvmImageTest.)
 */
class RawImageTest {
    @TempDir Path dir;

    /** A 64-byte-header arm64 Image of {@code length} bytes: code0 "b ." then the given fields. */
    static byte[] image(int length, long textOffset, long imageSize, long flags, int magic) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x1400_0000).putLong(8, textOffset).putLong(16, imageSize).putLong(24, flags).putInt(56, magic);
        return b.array();
    }

    private static final int MAGIC = 0x644d_5241;
    private static final String ISA = "isa = \"arm64\"\n";
    private static final String RAW = "KERNEL: not an ELF file, nor a loadable arm64 raw image: ";

    /** Each row: name, the config's isa line, the kernel file, the message after "cannot create domain 'x': " (KERNEL: its path). */
    static Stream<Arguments> badKernels() {
        return Stream.of(
            Arguments.of("bad magic", ISA, image(64, 0, 64, 0, 0x12345678),
                RAW + "bad arm64 Image magic 0x12345678 at offset 56 (expected 0x644d5241, \"ARM\\x64\")"),
            Arguments.of("big-endian Image", ISA, image(64, 0, 64, 1, MAGIC),
                RAW + "big-endian arm64 Image (flags bit 0 set); this vCPU runs little-endian kernels"),
            Arguments.of("shorter than its header", ISA, new byte[40],
                RAW + "only 40 bytes, shorter than the 64-byte arm64 Image header"),
            Arguments.of("image_size below the file size", ISA, image(256, 0, 128, 0, MAGIC),
                RAW + "arm64 Image image_size 0x80 is smaller than the file (0x100 bytes)"),
            Arguments.of("misaligned text_offset", ISA, image(64, 0x80001, 64, 0, MAGIC),
                RAW + "arm64 Image text_offset 0x80001 is not a 4-byte-aligned offset below 2^48"),
            Arguments.of("image_size larger than RAM", ISA, image(64, 0x80000, 32 << 20, 0, MAGIC),
                "KERNEL: the arm64 Image needs 0x2000000 bytes at 0x40080000 (0x40 of file, 0x1ffffc0 of bss), which do not fit in the"
                    + " domain's RAM 0x40000000-0x41000000 (16 MiB)"),
            Arguments.of("text_offset past the end of RAM", ISA, image(64, 0x100_0000, 64, 0, MAGIC),
                "KERNEL: the arm64 Image needs 0x40 bytes at 0x41000000 (0x40 of file, 0x0 of bss), which do not fit in the"
                    + " domain's RAM 0x40000000-0x41000000 (16 MiB)"),
            Arguments.of("image reaching into Xen's pages at the top of RAM", ISA, image(64, 0x80000, (16 << 20) - 0x80000, 0, MAGIC),
                "no room for start_info, shared_info and the XenStore and console rings below the grant frames in 16 MiB"),
            Arguments.of("image reaching the device tree's slot", ISA, image(64, 0, 0xff0001, 0, MAGIC),
                "the kernel occupies 0x40000000-0x40ff0001 (bss included), which reaches the 0x524-byte device tree the arm64"
                    + " virt board places at 0x40ff0000-0x40ff0524 (the top of usable RAM, below Xen's pages); give the domain more memory"),
            Arguments.of("file larger than RAM", ISA, image(17 << 20, 0, 17 << 20, 0, MAGIC),
                "KERNEL: the arm64 Image needs 0x1100000 bytes at 0x40000000 (0x1100000 of file, 0x0 of bss), which do not fit in the"
                    + " domain's RAM 0x40000000-0x41000000 (16 MiB)"),
            Arguments.of("no isa = for a file that is not ELF", "", image(64, 0, 64, 0, MAGIC),
                "KERNEL: not an ELF file (no 7f 45 4c 46 magic); a raw kernel image such as an arm64 Image needs isa = \"<id>\" in the"
                    + " config to say whose format it is"),
            Arguments.of("an ISA without a raw format", "isa = \"ppc\"\n", image(64, 0, 64, 0, MAGIC),
                "KERNEL: not an ELF file: bad magic (expected 7f 45 4c 46)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badKernels")
    void badRawKernelsFailCreationPrecisely(String name, String isaLine, byte[] kernel, String why) throws Exception {
        Path file = dir.resolve("k.Image");
        Files.write(file, kernel);
        Path cfg = dir.resolve("bad.cfg");
        Files.writeString(cfg, "name = \"x\"\ntype = \"hvm\"\n" + isaLine + "memory = 16\nkernel = \"k.Image\"\n");
        try (Hypervisor h = Guests.hypervisor(1)) {
            DomainCreateException e = assertThrows(DomainCreateException.class, () -> h.create(DomainConfig.read(cfg)), name);
            assertEquals("cannot create domain 'x': " + why.replace("KERNEL", file.toString()), e.getMessage(), name);
            assertEquals(0, h.list().size(), name + ": nothing is left behind");
            assertEquals(h.info().totalMemoryMiB(), h.info().freeMemoryMiB(), name + ": no memory is kept");
        }
    }
}
