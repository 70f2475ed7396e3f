package org.polyvisor.isa.arm64.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The device tree's slot (booting.rst: 8-byte aligned, at most 2 MiB, within 512 MiB of the kernel's start and inside
 * one 2 MiB region for pre-v4.2 kernels) and the precise refusal when the kernel's extent reaches it, on both sides
 * of each boundary.
 */
class DeviceTreePlacementTest {
    private static final long RAM = 0x4000_0000L, MIB = 1 << 20;

    /** A raw arm64 Image header: text_offset, image_size, 64 bytes of file. */
    static byte[] image(long textOffset, long imageSize) {
        ByteBuffer b = ByteBuffer.allocate(64).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(0, 0x1400_0000).putLong(8, textOffset).putLong(16, imageSize).putInt(56, Arm64Image.MAGIC);
        return b.array();
    }

    /** An ELF64 AArch64 file with one PT_LOAD at {@code paddr} of {@code memsz} bytes (and a PT_NOTE that is ignored). */
    static byte[] elf(long paddr, long memsz) {
        ByteBuffer b = ByteBuffer.allocate(64 + 2 * 56).order(ByteOrder.LITTLE_ENDIAN);
        b.put(0, new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1});
        b.putShort(16, (short) 2).putShort(18, (short) 183).putLong(24, paddr).putLong(32, 64)
                .putShort(52, (short) 64).putShort(54, (short) 56).putShort(56, (short) 2);
        b.putInt(64, 4).putLong(64 + 24, RAM + 15 * MIB).putLong(64 + 40, 16 * MIB);        // PT_NOTE: not loaded
        b.putInt(120, 1).putLong(120 + 24, paddr).putLong(120 + 32, 0x100).putLong(120 + 40, memsz);
        return b.array();
    }

    private static final String REACHES = "the kernel occupies 0x%x-0x%x (bss included), which reaches the 0x%x-byte device tree"
            + " the arm64 virt board places at 0x%x-0x%x (the top of usable RAM, below Xen's pages); give the domain more memory";

    /** name, tree size, usable RAM bytes, kernel file, expected "at 0x..." or the refusal. */
    static Stream<Arguments> cases() {
        long slot16 = RAM + 16 * MIB - 0x1_0000;
        return Stream.of(
            Arguments.of("no kernel: top of RAM, 64 KiB aligned", 0x600L, 16 * MIB, new byte[0], at(slot16)),
            Arguments.of("Image ending exactly at the slot", 0x600L, 16 * MIB, image(0, 16 * MIB - 0x1_0000), at(slot16)),
            Arguments.of("Image reaching 8 bytes into the slot", 0x600L, 16 * MIB, image(0, 16 * MIB - 0x1_0000 + 8),
                String.format(REACHES, RAM, slot16 + 8, 0x600, slot16, slot16 + 0x600)),
            Arguments.of("Image at text_offset 0x80000 ending at the slot", 0x600L, 16 * MIB,
                image(0x8_0000, 16 * MIB - 0x9_0000), at(slot16)),
            Arguments.of("Image at text_offset 0x80000 one byte over", 0x600L, 16 * MIB, image(0x8_0000, 16 * MIB - 0x9_0000 + 1),
                String.format(REACHES, RAM + 0x8_0000, slot16 + 1, 0x600, slot16, slot16 + 0x600)),
            Arguments.of("legacy Image (image_size 0): only its file counts", 0x600L, 16 * MIB, image(0, 0), at(slot16)),
            Arguments.of("ELF ending exactly at the slot", 0x600L, 16 * MIB, elf(RAM + MIB, 15 * MIB - 0x1_0000), at(slot16)),
            Arguments.of("ELF bss one byte into the slot", 0x600L, 16 * MIB, elf(RAM + MIB, 15 * MIB - 0x1_0000 + 1),
                String.format(REACHES, RAM + MIB, slot16 + 1, 0x600, slot16, slot16 + 0x600)),
            Arguments.of("1 GiB of RAM: within 512 MiB of the kernel's start", 0x600L, 1024 * MIB, image(0, MIB),
                at(RAM + 512 * MIB - 0x1_0000)),
            Arguments.of("1 GiB, kernel 600 MiB up: top of RAM", 0x600L, 1024 * MIB, elf(RAM + 600 * MIB, MIB),
                at(RAM + 1024 * MIB - 0x1_0000)),
            Arguments.of("512 MiB exactly: top of RAM is the window's end", 0x600L, 512 * MIB, image(0, MIB),
                at(RAM + 512 * MIB - 0x1_0000)),
            Arguments.of("a tree that would cross a 2 MiB boundary moves below it", 0x1_8000L, 2 * MIB + 0x8000, new byte[0],
                at(RAM + 2 * MIB - 0x2_0000)),
            Arguments.of("a tree ending at a 2 MiB boundary stays", 0x1_8000L, 2 * MIB, new byte[0], at(RAM + 2 * MIB - 0x2_0000)),
            Arguments.of("exactly 2 MiB is allowed", 2 * MIB, 4 * MIB, new byte[0], at(RAM + 2 * MIB)),
            Arguments.of("more than 2 MiB is not", 2 * MIB + 8, 64 * MIB, new byte[0],
                "the arm64 device tree is 0x200008 bytes, more than the 2 MiB booting.rst allows"),
            Arguments.of("a tree larger than RAM", 0x1_8000L, 0x1_0000L, new byte[0],
                "the 0x18000-byte arm64 device tree does not fit in the usable RAM 0x40000000-0x40010000"),
            Arguments.of("a tree exactly the size of RAM", 0x1_0000L, 0x1_0000L, new byte[0], at(RAM)));
    }

    private static String at(long address) { return String.format("at 0x%x", address); }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void placesTheTreeOrSaysWhyNot(String name, long size, long ramBytes, byte[] kernel, String expected) {
        String actual = switch (DeviceTreePlacement.place(size, RAM, ramBytes, kernel)) {
            case DeviceTreePlacement.Result.At a -> at(a.address());
            case DeviceTreePlacement.Result.NoRoom no -> no.reason();
        };
        assertEquals(expected, actual, name);
    }
}
