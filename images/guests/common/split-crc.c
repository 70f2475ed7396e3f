/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), fed one 32-bit word at a time as 4 little-endian bytes.
 * Start with 0xFFFFFFFF and invert the result, as zlib's crc32 does. */
#include "split.h"

uint32_t split_crc32(uint32_t crc, uint32_t word) {
    for (int b = 0; b < 4; b++) {
        crc ^= (word >> (8 * b)) & 0xFF;
        for (int k = 0; k < 8; k++) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
    }
    return crc;
}
