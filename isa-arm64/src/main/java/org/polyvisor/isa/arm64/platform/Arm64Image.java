package org.polyvisor.isa.arm64.platform;

import org.polyvisor.spi.RawImage;

/**
 * The Linux arm64 kernel {@code Image} (Documentation/arch/arm64/booting.rst, "Call the kernel image"): a raw binary whose
 * first 64 bytes are this little-endian header, loaded at a 2 MiB-aligned base plus {@code text_offset} and entered at
 * its first byte with {@code image_size} bytes from there reserved (the tail past the file is bss, zeroed here).
 * <pre>
 *   0  u32 code0         executable code (the entry)      32  u64 res2
 *   4  u32 code1                                          40  u64 res3
 *   8  u64 text_offset   image load offset                48  u64 res4
 *  16  u64 image_size    effective image size             56  u32 magic "ARM\x64"
 *  24  u64 flags         bit 0 big-endian, bits 1-2 page  60  u32 res5 (PE header offset)
 *                        size, bit 3 placement anywhere
 * </pre>
 * The base is the lowest 2 MiB boundary in RAM, which the protocol allows whatever flags bit 3 says. Kernels before
 * v3.17 leave {@code image_size} zero; their {@code text_offset} is then taken as 0x80000, as the document says.
 */
public final class Arm64Image {
    /** "ARM\x64" read little-endian at offset 56. */
    public static final int MAGIC = 0x644d_5241;
    public static final int HEADER_BYTES = 64;
    static final long BASE_ALIGN = 2L << 20;
    /** text_offset assumed for an image whose image_size is zero (booting.rst). */
    static final long LEGACY_TEXT_OFFSET = 0x8_0000L;
    /** Larger offsets or sizes reach past any AArch64 physical address (52 bits at most): the header is corrupt. */
    static final long LIMIT = 1L << 48;
    /** flags bit 0; bits 1-2 (page size: every granule runs here) and bit 3 (placement) need nothing of the loader. */
    private static final long FLAG_BIG_ENDIAN = 1;

    private Arm64Image() { }

    /** The placement of {@code file} in RAM starting at {@code ramBase}, or precisely why it is not an Image we load. */
    public static RawImage read(byte[] file, long ramBase) {
        if (file.length < HEADER_BYTES)
            return new RawImage.Invalid("only " + file.length + " bytes, shorter than the 64-byte arm64 Image header");
        int magic = u32(file, 56);
        if (magic != MAGIC)
            return new RawImage.Invalid(String.format("bad arm64 Image magic 0x%08x at offset 56 (expected 0x%08x, \"ARM\\x64\")",
                    magic, MAGIC));
        long textOffset = u64(file, 8), imageSize = u64(file, 16), flags = u64(file, 24);
        if ((flags & FLAG_BIG_ENDIAN) != 0)
            return new RawImage.Invalid("big-endian arm64 Image (flags bit 0 set); this vCPU runs little-endian kernels");
        if (imageSize == 0) textOffset = LEGACY_TEXT_OFFSET;
        if (Long.compareUnsigned(textOffset, LIMIT) >= 0 || (textOffset & 3) != 0)
            return new RawImage.Invalid(String.format("arm64 Image text_offset 0x%x is not a 4-byte-aligned offset below 2^48",
                    textOffset));
        if (Long.compareUnsigned(imageSize, LIMIT) >= 0)
            return new RawImage.Invalid(String.format("arm64 Image image_size 0x%x is beyond any physical address", imageSize));
        if (imageSize != 0 && imageSize < file.length)
            return new RawImage.Invalid(String.format("arm64 Image image_size 0x%x is smaller than the file (0x%x bytes)",
                    imageSize, file.length));
        long base = (ramBase + BASE_ALIGN - 1) & -BASE_ALIGN;
        long load = base + textOffset;
        long bss = imageSize == 0 ? 0 : imageSize - file.length;
        return new RawImage.Placed("arm64 Image", load, load, file.clone(), bss);
    }

    private static int u32(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }

    private static long u64(byte[] b, int at) {
        return (u32(b, at) & 0xffff_ffffL) | (long) u32(b, at + 4) << 32;
    }
}
