package org.polyvisor.isa.arm64.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DecodeBitMasks() on the (N, immr, imms) triples of known logical immediates (as GNU as encodes them). */
class BitMasksTest {

    @ParameterizedTest(name = "N={0} immr={1} imms={2} sf={3} -> {4}")
    @CsvSource({
        "1, 0, 7, true, 0xff",
        "0, 0, 0x3c, true, 0x5555555555555555",
        "1, 1, 0, true, 0x8000000000000000",
        "1, 0, 0x3e, true, 0x7fffffffffffffff",
        "1, 0x3f, 0x3e, true, 0xfffffffffffffffe",
        "0, 0, 0x0f, false, 0xffff",
        "0, 0x10, 0x0f, false, 0xffff0000",
        "0, 0x04, 0x27, true, 0xf00ff00ff00ff00f",
        // reserved: all-ones element, and a 64-bit element in a 32-bit operation
        "0, 0, 0x1f, false, 0x0",
        "1, 0, 0x3f, true, 0x0",
        "0, 0, 0x3f, true, 0x0",
        "1, 0, 0, false, 0x0",
    })
    void decodes(int n, String immr, String imms, boolean sf, String expected) {
        long value = BitMasks.decode(n, Integer.decode(immr), Integer.decode(imms), sf);
        assertEquals(Long.parseUnsignedLong(expected.substring(2), 16), value);
    }
}
