package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.VcpuExit;

/**
 * Runs guests/speculation.S (see its header): a list walk whose ld8.s is hoisted above the branch deciding
 * whether its value is used, with good and bad (outside guest memory) pointers, used and skipped. The guest
 * checks itself through chk.s; the test computes what the manual says it must find (SDM rev 2.3 vol 1 4.4.4):
 * a bad pointer that is used goes through recovery exactly once, a skipped one never faults, a good one adds its
 * value + 1. Then the stacked NaT survives flushrs + br.ret through ar.rnat, and the spilled NaT through ar.unat.
 */
class SpeculationGuestTest {
    private static final long LIST = 0x3000, DATA = 0x5000, LIMIT = 0x10000, BAD = 0x7000_0000L, BACKING = 0x8000, SLOT = 0x6018;

    /** Each case: entries as {good?, used?} bits, two per entry. */
    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (String pattern : new String[] {"", "11", "01", "00", "10", "1101", "0111", "11011000", "0101010101", "1110010011000111"})
            a.add(Arguments.of(pattern));
        return a.stream();
    }

    @ParameterizedTest(name = "ia64 speculation guest: entries {0}")
    @MethodSource("cases")
    void hoistedLoadsRecoverThroughChkS(String pattern) throws IOException {
        try (Machine m = new Machine(program())) {
            int n = pattern.length() / 2;
            long sum = 0, recoveries = 0, skipped = 0;
            for (int i = 0; i < n; i++) {
                boolean good = pattern.charAt(2 * i) == '1', used = pattern.charAt(2 * i + 1) == '1';
                long value = 0x100L * (i + 1) + i;
                m.memory.write(DATA + 8L * i, 8, value);
                m.memory.write(LIST + 16L * i, 8, good ? DATA + 8L * i : BAD + 8L * i);
                m.memory.write(LIST + 16L * i + 8, 8, used ? 1 : 0);
                if (!used) skipped++;
                else if (good) sum += value + 1;
                else { recoveries++; sum += 0x1000; }
            }
            m.set("r8", LIST);
            m.set("r9", n);
            m.set("r13", LIMIT);
            m.set("r14", BAD);
            m.set("r15", BACKING);
            m.set("r12", SLOT);
            VcpuExit exit = m.vcpu.run(100_000);
            String what = "ia64 speculation guest, entries " + pattern + ": ";
            assertSame(VcpuExit.HYPERCALL, exit, what + "exit");
            assertEquals(hex(sum), hex(m.get("r20")), what + "sum of used values (recovered bad pointers count 0x1000)");
            assertEquals(recoveries, m.get("r21"), what + "chk.s recoveries");
            assertEquals(skipped, m.get("r22"), what + "entries skipped by the branch the load was hoisted above");
            assertEquals(1, m.get("r23"), what + "NaT of stacked r33 back after flushrs and br.ret (chk.s.i took recovery)");
            // main's frame r32..r35 spilled from 0x8000: r33 at 0x8008, collection bit 1 (vol 2 part I 6.5.2)
            assertEquals(hex(1L << 1), hex(m.get("r24")), what + "ar.rnat in the callee after flushrs");
            assertEquals(0, m.memory.read(BACKING + 8, 8), what + "a NaT register is spilled as 0");
            assertEquals(7, m.memory.read(BACKING, 8), what + "r32 spilled");
            assertEquals(hex(1L << ((SLOT >>> 3) & 0x3f)), hex(m.get("r26")), what + "mov r=ar.unat after st8.spill");
            assertEquals(1, m.get("r25"), what + "the NaT filled by ld8.fill goes to recovery");
        }
    }

    /**
     * NaT bits are architectural state: a vCPU saved after two deferred ld8.s (static r5, stacked r37) and restored
     * into a fresh one still sends both chk.s to recovery (r10 stays 0, r11 counts 2).
     */
    @org.junit.jupiter.api.Test
    void natBitsSurviveSaveAndRestore() {
        String code = "0a1020108005500020702000000004000b2801103810000001000000000004000b1014004004a00800004200000004000b1894004004000001000000000004000a580416002100000002000000000400110000000100000000020000e0ffff480b580416002100000100000000000400";
        try (Machine a = new Machine(code); Machine b = new Machine(code)) {
            a.set("r8", BAD);
            assertSame(VcpuExit.HYPERCALL, a.vcpu.run(1000), "ia64 NaT save/restore: first stop");
            b.vcpu.restore(a.vcpu.save());
            assertSame(VcpuExit.HYPERCALL, b.vcpu.run(1000), "ia64 NaT save/restore: end");
            assertEquals(0, b.get("r10"), "ia64 NaT save/restore: fall-through path taken");
            assertEquals(2, b.get("r11"), "ia64 NaT save/restore: recoveries for r5 and r37 after restore");
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    static String program() throws IOException {
        try (InputStream in = SpeculationGuestTest.class.getResourceAsStream("/guests/speculation.hex")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
