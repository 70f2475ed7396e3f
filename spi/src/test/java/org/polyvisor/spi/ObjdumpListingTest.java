package org.polyvisor.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The address column, as measured on GNU objdump 2.40 with -b binary and --adjust-vma. */
class ObjdumpListingTest {

    @ParameterizedTest(name = "end 0x{0}, {1}-digit buffer -> {2}")
    @CsvSource({
        "a, 16, 4", "ff8, 16, 4", "fff, 16, 4", "1000, 16, 8", "10000, 16, 8", "ffff0, 16, 8", "fffffff, 16, 8",
        "10000000, 16, 12", "fffffff000, 16, 12", "1000000000000, 16, 16",
        "a, 8, 4", "fff, 8, 4", "1000, 8, 8", "10000000, 8, 8", "fffffff000, 8, 8"})
    void addressColumnWidth(String endHex, int digits, int width) {
        assertEquals(width, ObjdumpListing.addressWidth(Long.parseUnsignedLong(endHex, 16), digits));
    }

    /** Measured on objdump 2.40 -D -b binary -m i386 / aarch64 (a "1" is any non-zero byte). */
    @ParameterizedTest(name = "{0} at {1} -> skip {2}")
    @CsvSource({"1000000001, 1, 8", "100000001, 1, 0", "100000000001, 1, 8", "10, 1, 1", "100, 1, 2", "1000, 1, 0",
        "1000, 3, 1", "100000000, 1, 8", "100001, 1, 0", "10000, 1, 0", "1000000000001, 1, 8"})
    void zeroRunsAreElidedAsObjdumpDoes(String pattern, int offset, int skip) {
        byte[] b = new byte[pattern.length()];
        for (int i = 0; i < b.length; i++) b[i] = (byte) (pattern.charAt(i) - '0');
        assertEquals(skip, ObjdumpListing.zeroesToSkip(b, offset));
    }

    @Test
    void linesCarryTheAddressColumnOfTheWholeSection() {
        Disassembler oneByte = (code, off, addr) -> Disassembly.of(1, addr, "\t" + String.format("%02x", code[off]) + " \t.byte");
        List<String> small = ObjdumpListing.lines(oneByte, new byte[] {1, 2}, 0);
        assertEquals(List.of("   0:\t01 \t.byte", "   1:\t02 \t.byte"), small);
        byte[] ones = new byte[4096];
        java.util.Arrays.fill(ones, (byte) 1);
        List<String> big = ObjdumpListing.lines(oneByte, ones, 0);
        assertEquals("       0:\t01 \t.byte", big.get(0));
        assertEquals("     fff:\t01 \t.byte", big.get(4095));
        assertEquals(List.of("   0:\t01 \t.byte", "\t...", "   9:\t01 \t.byte"),
                ObjdumpListing.lines(oneByte, new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 0, 1}, 0));
    }
}
