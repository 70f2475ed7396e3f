package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * CRC32B/H/W/X and CRC32CB/H/W/X through the Vcpu interface, against vectors computed here from the CRC
 * definitions: polynomial division MSB-first over GF(2) by 0x04C11DB7 (CRC-32) and 0x1EDC6F41 (CRC-32C) of the
 * bit-reversed accumulator and data, as the Arm ARM's pseudocode states it (no table, no reflected polynomial,
 * so the model shares nothing with the interpreter's {@link Crc32}). Plus the standard check values of
 * "123456789" run as a guest loop.
 */
class Crc32InstructionTest {
    private static final int CRC32_POLY = 0x04C11DB7, CRC32C_POLY = 0x1EDC6F41;

    /** One instruction: sf 0 0 11010110 Rm 010 C sz Rn Rd with Rd = x0, Rn = x1, Rm = x2. */
    record Vector(String name, int encoding, long acc, long value, long expected) {
        @Override public String toString() { return name + String.format(" acc=0x%x value=0x%x", acc, value); }
    }

    /**
     * The Arm ARM's CRC32 pseudocode: tempacc = BitReverse(acc):Zeros(size); tempval = BitReverse(val):Zeros(32);
     * result = BitReverse(Poly32Mod2(tempacc EOR tempval, poly)), with the division done bit by bit MSB-first.
     */
    static long model(int poly, long acc, long value, int bytes) {
        int size = 8 * bytes;
        // 32+size bit dividend as a BigInteger-free pair: process the (32 + size)-bit message MSB first.
        long revAcc = Integer.reverse((int) acc) & 0xFFFFFFFFL;
        long revVal = Long.reverse(value) >>> (64 - size);          // size bits
        int rem = 0;
        // Message bits from the top: bit k of (revAcc << size) XOR (revVal << 32), length 32 + size.
        for (int k = 32 + size - 1; k >= 0; k--) {
            int bit = 0;
            if (k >= size) bit ^= (int) (revAcc >>> (k - size)) & 1;
            if (k >= 32) bit ^= (int) (revVal >>> (k - 32)) & 1;
            boolean top = rem < 0;
            rem = (rem << 1) | bit;
            if (top) rem ^= poly;
        }
        return Integer.reverse(rem) & 0xFFFFFFFFL;
    }

    static List<Vector> vectors() {
        List<Vector> out = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(0xC2C32L);
        long[] edges = {0, 1, 0xFFFFFFFFL, 0x80000000L, 0xFFFFFFFFFFFFFFFFL, 0x0123456789ABCDEFL};
        for (int c = 0; c <= 1; c++) {
            for (int sz = 0; sz < 4; sz++) {
                int sf = sz == 3 ? 1 : 0;
                int enc = sf << 31 | 0x1AC04000 | 2 << 16 | c << 12 | sz << 10 | 1 << 5;
                String name = "crc32" + (c == 1 ? "c" : "") + "bhwx".charAt(sz) + " w0, w1, " + (sf == 1 ? "x2" : "w2");
                List<long[]> inputs = new ArrayList<>();
                for (long a : edges) for (long v : edges) inputs.add(new long[] {a, v});
                for (int k = 0; k < 40; k++) inputs.add(new long[] {random.nextLong(), random.nextLong()});
                for (long[] in : inputs) {
                    long expected = model(c == 1 ? CRC32C_POLY : CRC32_POLY, in[0], in[1], 1 << sz);
                    out.add(new Vector(name, enc, in[0], in[1], expected));
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void matchesDefinition(Vector v) {
        try (TestMachine m = new TestMachine()) {
            m.code(CODE, v.encoding);
            m.vcpu.setRegister(0, 0xDEADBEEFDEADBEEFL);
            m.vcpu.setRegister(1, v.acc);
            m.vcpu.setRegister(2, v.value);
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1), "arm64 " + v);
            assertEquals(hex(v.expected), hex(m.vcpu.register(0)),
                    String.format("arm64 %s (%08x): x0", v, v.encoding));
            assertEquals(hex(v.value), hex(m.vcpu.register(2)), "arm64 " + v + ": x2 unchanged");
        }
    }

    /** The published check values: CRC-32("123456789") = 0xCBF43926, CRC-32C("123456789") = 0xE3069283. */
    @Test
    void checkValuesOfTheStandardString() {
        byte[] text = "123456789".getBytes(StandardCharsets.US_ASCII);
        long first8 = 0;
        for (int k = 7; k >= 0; k--) first8 = first8 << 8 | (text[k] & 0xFF);
        for (int c = 0; c <= 1; c++) {
            // mvn w0, w0 ; crc32[c]x w0, w0, x1 ; crc32[c]b w0, w0, w2 ; mvn w0, w0
            int mvn = 0x2a2003e0;
            int crcx = 0x9AC04C00 | 1 << 16 | c << 12;
            int crcb = 0x1AC04000 | 2 << 16 | c << 12;
            try (TestMachine m = new TestMachine()) {
                m.code(CODE, mvn, crcx, crcb, mvn);
                m.vcpu.setRegister(0, 0);
                m.vcpu.setRegister(1, first8);
                m.vcpu.setRegister(2, text[8]);
                m.vcpu.run(4);
                long expected = c == 1 ? 0xE3069283L : 0xCBF43926L;
                assertEquals(hex(expected), hex(m.vcpu.register(0)), "arm64 crc32" + (c == 1 ? "c" : "") + " of \"123456789\"");
            }
        }
    }

    @Test
    void modelGivesTheCheckValues() {
        long acc = 0xFFFFFFFFL;
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) acc = model(CRC32_POLY, acc, b & 0xFF, 1);
        assertEquals(hex(0xCBF43926L), hex(~acc & 0xFFFFFFFFL), "CRC-32 model");
        acc = 0xFFFFFFFFL;
        for (byte b : "123456789".getBytes(StandardCharsets.US_ASCII)) acc = model(CRC32C_POLY, acc, b & 0xFF, 1);
        assertEquals(hex(0xE3069283L), hex(~acc & 0xFFFFFFFFL), "CRC-32C model");
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
