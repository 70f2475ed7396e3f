package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.RawImage;

/** The Linux arm64 Image header (booting.rst) as the provider reads it: placement of good images, the reason for bad ones. */
class Arm64ImageTest {
    private static final long RAM = 0x4000_0000L;

    /** A header-only file of {@code length} bytes (at least 64) with these fields; code0 is "b ." as a stand-in. */
    static byte[] image(int length, long textOffset, long imageSize, long flags, int magic) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x1400_0000).putLong(8, textOffset).putLong(16, imageSize).putLong(24, flags).putInt(56, magic);
        return b.array();
    }

    static Stream<Arguments> good() {
        return Stream.of(
            // name, ramBase, length, text_offset, image_size, flags, load address (= entry), bss
            Arguments.of("Linux >= 5.8: text_offset 0, 4K, LE", RAM, 4096, 0, 0x3000, 0xa, RAM, 0x2000),
            Arguments.of("classic text_offset 0x80000", RAM, 64, 0x80000, 0x1000, 0x2, RAM + 0x80000, 0x1000 - 64),
            Arguments.of("image_size = file size: no bss", RAM, 256, 0x1000, 256, 0, RAM + 0x1000, 0),
            Arguments.of("pre-3.17: image_size 0 means text_offset 0x80000", RAM, 128, 0x1234, 0, 0, RAM + 0x80000, 0),
            Arguments.of("64K pages, placement anywhere", RAM, 64, 0, 64, 0xe, RAM, 0),
            Arguments.of("RAM not 2 MiB aligned: next boundary", RAM + 0x1000, 64, 0x80000, 64, 0, RAM + 0x20_0000 + 0x80000, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("good")
    void goodImagesArePlacedAtTheAlignedBasePlusTextOffset(String name, long ramBase, int length, long textOffset, long imageSize,
                                                          long flags, long load, long bss) {
        byte[] file = image(length, textOffset, imageSize, flags, Arm64Image.MAGIC);
        RawImage r = new Arm64IsaProvider().rawImage(file, ramBase).orElseThrow();
        RawImage.Placed p = assertInstanceOf(RawImage.Placed.class, r, name + ": " + r);
        assertEquals(load, p.loadAddress(), name + ": load address");
        assertEquals(load, p.entry(), name + ": entry at code0");
        assertEquals(bss, p.bssBytes(), name + ": bss bytes");
        assertArrayEquals(file, p.bytes(), name + ": bytes");
        assertEquals("arm64 Image", p.format(), name);
    }

    static Stream<Arguments> bad() {
        return Stream.of(
            Arguments.of("shorter than the header", image(64, 0, 64, 0, Arm64Image.MAGIC), 63,
                "only 63 bytes, shorter than the 64-byte arm64 Image header"),
            Arguments.of("bad magic", image(64, 0, 64, 0, 0x464c457f), 64,
                "bad arm64 Image magic 0x464c457f at offset 56 (expected 0x644d5241, \"ARM\\x64\")"),
            Arguments.of("big-endian", image(64, 0, 64, 1, Arm64Image.MAGIC), 64,
                "big-endian arm64 Image (flags bit 0 set); this vCPU runs little-endian kernels"),
            Arguments.of("misaligned text_offset", image(64, 0x80002, 64, 0, Arm64Image.MAGIC), 64,
                "arm64 Image text_offset 0x80002 is not a 4-byte-aligned offset below 2^48"),
            Arguments.of("text_offset past any address", image(64, 0xffff_ffff_ffff_f000L, 64, 0, Arm64Image.MAGIC), 64,
                "arm64 Image text_offset 0xfffffffffffff000 is not a 4-byte-aligned offset below 2^48"),
            Arguments.of("image_size past any address", image(64, 0, 1L << 48, 0, Arm64Image.MAGIC), 64,
                "arm64 Image image_size 0x1000000000000 is beyond any physical address"),
            Arguments.of("image_size smaller than the file", image(4096, 0, 0x800, 0, Arm64Image.MAGIC), 4096,
                "arm64 Image image_size 0x800 is smaller than the file (0x1000 bytes)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bad")
    void badImagesSayExactlyWhy(String name, byte[] header, int length, String reason) {
        byte[] file = java.util.Arrays.copyOf(header, length);
        RawImage r = new Arm64IsaProvider().rawImage(file, new Arm64IsaProvider().ramBase(GuestType.HVM)).orElseThrow();
        assertEquals(new RawImage.Invalid(reason), r, name);
    }
}
