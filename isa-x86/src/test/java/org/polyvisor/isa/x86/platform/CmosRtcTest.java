package org.polyvisor.isa.x86.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.platform.AddressSpace;

/** The CMOS RTC through ports 0x70/0x71 of the board, at 2026-11-24 17:10:43 UTC (a Tuesday) plus virtual time. */
class CmosRtcTest {

    private static int cmos(PcRig rig, int index) {
        rig.out(0x70, index);
        return (int) rig.in(0x71);
    }

    @ParameterizedTest(name = "register 0x{0} with B = 0x{1} at +{2} s: 0x{3}")
    @CsvSource({
            "00, 02, 0, 43", "02, 02, 0, 10", "04, 02, 0, 17", "06, 02, 0, 03", "07, 02, 0, 24", "08, 02, 0, 11",
            "09, 02, 0, 26", "32, 02, 0, 20",
            "00, 06, 0, 2b", "02, 06, 0, 0a", "04, 06, 0, 11", "07, 06, 0, 18", "08, 06, 0, 0b", "09, 06, 0, 1a", "32, 06, 0, 14",
            "04, 00, 0, 85", "04, 04, 0, 85", "04, 00, 25200, 12", "04, 00, 68400, 92",
            "00, 02, 17, 00", "02, 02, 17, 11", "07, 02, 25200, 25", "06, 02, 25200, 04",
            "0a, 02, 0, 26", "0c, 02, 0, 00", "0d, 02, 0, 80",
            "15, 02, 0, 80", "16, 02, 0, 02", "17, 02, 0, 00", "18, 02, 0, 3c", "30, 02, 0, 00", "31, 02, 0, 3c", "34, 02, 0, 00", "35, 02, 0, 00"})
    void registers(String index, String b, long seconds, String expected) {
        try (PcRig rig = new PcRig(1, 16 << 20).build()) {
            rig.out(0x70, 0x0B);
            rig.out(0x71, Integer.parseInt(b, 16));
            rig.now = seconds * 1_000_000_000L;
            assertEquals(Integer.parseInt(expected, 16), cmos(rig, Integer.parseInt(index, 16)),
                    "CMOS 0x" + index + " (B = 0x" + b + ", +" + seconds + " s)");
        }
    }

    @ParameterizedTest(name = "B = 0x{0}: write 0x{2} to 0x{1}, read 0x{3}")
    @CsvSource({"02, 02, 30, 30", "06, 02, 1e, 1e", "02, 04, 09, 09", "02, 09, 99, 99", "02, 32, 19, 19", "00, 04, 81, 81",
            "02, 02, 75, 10", "02, 07, 31, 24"})
    void aGuestSetsItsClock(String b, String index, String value, String expected) {
        try (PcRig rig = new PcRig(1).build()) {
            rig.out(0x70, 0x0B);
            rig.out(0x71, Integer.parseInt(b, 16));
            rig.out(0x70, 0x80 | Integer.parseInt(index, 16));  // bit 7 (NMI mask) does not change the index
            rig.out(0x71, Integer.parseInt(value, 16));
            assertEquals(Integer.parseInt(expected, 16), cmos(rig, Integer.parseInt(index, 16)), "CMOS 0x" + index + " after the write");
        }
    }

    @ParameterizedTest(name = "{0} MiB: extended 0x{1}, above 16 MiB 0x{2}")
    @CsvSource({"16, 3c00, 0000", "64, fc00, 0300", "512, fc00, 1f00"})
    void memorySizeBytes(long mib, String ext, String high) {
        try (PcRig rig = new PcRig(1, mib << 20).build()) {
            assertEquals(Integer.parseInt(ext, 16), cmos(rig, 0x17) | cmos(rig, 0x18) << 8, "0x17/0x18");
            assertEquals(Integer.parseInt(high, 16), cmos(rig, 0x34) | cmos(rig, 0x35) << 8, "0x34/0x35");
            assertEquals(0xFF, rig.read(AddressSpace.PORT, 0x70, 1), "the index port is write-only");
        }
    }
}
