package org.polyvisor.isa.x86.exec;

/**
 * CRC32 (SDM Vol. 2A "CRC32 - Accumulate CRC32 Value"): the CRC-32C (Castagnoli) polynomial 11EDC6F41H in its
 * bit-reflected form 82F63B78H, applied to the low 32 bits of the destination for each source byte, lowest byte
 * first, with neither an initial nor a final inversion (software adds those). Table-driven, one lookup a byte.
 */
final class Crc32 {
    private Crc32() { }

    private static final int REFLECTED_POLYNOMIAL = 0x82F6_3B78;
    private static final int[] TABLE = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            int c = i;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >>> 1) ^ REFLECTED_POLYNOMIAL : c >>> 1;
            TABLE[i] = c;
        }
    }

    /** The accumulated value after the {@code size} low bytes of {@code data} (little-endian order). */
    static long update(long crc, long data, int size) {
        int c = (int) crc;
        for (int i = 0; i < size; i++) c = (c >>> 8) ^ TABLE[(c ^ (int) (data >>> (8 * i))) & 0xFF];
        return c & 0xFFFF_FFFFL;
    }
}
