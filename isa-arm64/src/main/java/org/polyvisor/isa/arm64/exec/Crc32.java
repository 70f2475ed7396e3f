package org.polyvisor.isa.arm64.exec;

/**
 * The CRC32 and CRC32C instructions (Arm ARM C6.2, CRC32B..CRC32CX): the accumulator Wn, updated with the low
 * 1, 2, 4 or 8 bytes of Rm in little-endian order, with the bit-reflected polynomials 0xEDB88320 (CRC-32,
 * 0x04C11DB7 reversed) and 0x82F63B78 (CRC-32C, 0x1EDC6F41 reversed). As the pseudocode's Poly32Mod2 over
 * reversed bits: no initial or final inversion, so the guest does those itself. One 256-entry table per polynomial,
 * built once; no allocation per instruction.
 */
final class Crc32 {
    private Crc32() { }

    static final int CRC32_REFLECTED = 0xEDB88320, CRC32C_REFLECTED = 0x82F63B78;

    private static final int[] CRC32_TABLE = table(CRC32_REFLECTED), CRC32C_TABLE = table(CRC32C_REFLECTED);

    /** The new accumulator (zero-extended to 64 bits) after {@code 1 << log2Bytes} bytes of {@code value}. */
    static long update(boolean castagnoli, long accumulator, long value, int log2Bytes) {
        int[] t = castagnoli ? CRC32C_TABLE : CRC32_TABLE;
        int acc = (int) accumulator;
        for (int k = 0, n = 1 << log2Bytes; k < n; k++) {
            acc = (acc >>> 8) ^ t[(acc ^ (int) (value >>> (8 * k))) & 0xFF];
        }
        return acc & 0xFFFFFFFFL;
    }

    private static int[] table(int reflectedPoly) {
        int[] t = new int[256];
        for (int b = 0; b < 256; b++) {
            int c = b;
            for (int bit = 0; bit < 8; bit++) c = (c & 1) != 0 ? (c >>> 1) ^ reflectedPoly : c >>> 1;
            t[b] = c;
        }
        return t;
    }
}
