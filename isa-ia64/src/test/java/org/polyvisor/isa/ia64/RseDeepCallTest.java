package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.fail;

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
 * Runs guests/deepcall.S (see its header) for call depths that stay inside the 96 physical stacked registers,
 * cross them, and go far past them (300 frames), with backing stores starting at a collection-group start,
 * mid-group, just below a NaT collection slot and on one. Checks the values every frame finds on return, and
 * the backing store image the manual prescribes (SDM rev 2.3 vol 2 part I, 6.5.2 "Backing store" and figure
 * 6-5): register i of the flushed stack at address skip(start, i), ar.rnat stored at every address whose bits
 * 8:3 are all ones, nothing written at or above ar.bsp.
 */
class RseDeepCallTest {
    /** Return addresses: the bundle after main's br.call and after f's (see deepcall.lst). */
    private static final long RET_MAIN = 0x1030, RET_F = 0x10a0;
    private static final long CFM_MAIN = 1, CFM_F = 5 | 4 << 7;
    private static final long SIGNATURE = 0x5a5a000000000000L;
    private static final long POISON = 0xdeadbeefcafef00dL;
    private static final long AREA = 0x3000, AREA_END = 0xE000;

    static Stream<Arguments> cases() {
        List<Arguments> a = new ArrayList<>();
        for (long start : new long[] {0x4000, 0x4100, 0x41f0, 0x41f8})
            for (int depth : new int[] {0, 1, 2, 23, 24, 25, 62, 63, 64, 100, 301})
                a.add(Arguments.of(start, depth));
        return a.stream();
    }

    /** Address of the register {@code n} registers above {@code addr}, stepping over NaT collection slots (6.5.2). */
    static long skip(long addr, long n) {
        long a = addr;
        if ((a >>> 3 & 0x3f) == 0x3f) a += 8;
        for (long i = 0; i < n; i++) {
            a += 8;
            if ((a >>> 3 & 0x3f) == 0x3f) a += 8;
        }
        return a;
    }

    @ParameterizedTest(name = "ia64 RSE deep call: backing store at {0}, depth {1}")
    @MethodSource("cases")
    void deepCallChainSpillsAndFillsEveryFrame(long start, int depth) throws IOException {
        try (Machine m = new Machine(program())) {
            for (long p = AREA; p < AREA_END; p += 8) m.memory.write(p, 8, POISON);
            m.set("r8", start);
            m.set("r9", depth);
            VcpuExit exit = m.vcpu.run(10_000_000);
            assertSame(VcpuExit.HYPERCALL, exit, "ia64 deepcall depth " + depth + ": exit");
            assertEquals(0, m.get("r10"), "ia64 deepcall depth " + depth + ": frames whose locals came back wrong");
            long bspDeepest = skip(start, 4L * depth);
            assertEquals(hex(bspDeepest), hex(m.get("r20")), "ar.bsp in the deepest frame after flushrs");
            assertEquals(hex(bspDeepest), hex(m.get("r21")), "ar.bspstore after flushrs = ar.bsp (6.4 flushrs)");
            assertEquals(0, m.get("r23"), "ar.rnat after flushrs (no register had its NaT bit set)");
            assertEquals(hex(skip(start, 0)), hex(m.get("r22")), "ar.bsp back in main after every return");
            assertEquals(hex(skip(start, 0)), hex(m.get("ar.bsp")));
            assertEquals(hex(skip(start, 0)), hex(m.get("ar.bspstore")), "the returns filled everything back");

            List<String> wrong = new ArrayList<>();
            List<Long> expected = new ArrayList<>();
            for (int frame = 0; frame < depth; frame++) {
                long n = depth - frame;
                expected.add(n);
                expected.add(frame == 0 ? RET_MAIN : RET_F);
                expected.add(frame == 0 ? CFM_MAIN : CFM_F);
                expected.add(SIGNATURE + n);
            }
            long a = start, end = bspDeepest;
            int reg = 0;
            for (; a < end; a += 8) {
                long actual = m.memory.read(a, 8);
                long want = (a >>> 3 & 0x3f) == 0x3f ? 0 : expected.get(reg++);
                if (actual != want) wrong.add(hex(a) + ": expected " + hex(want) + " actual " + hex(actual));
            }
            assertEquals(expected.size(), reg, "registers in the backing store image");
            for (long p = AREA; p < AREA_END; p += 8)
                if ((p < start || p >= end) && m.memory.read(p, 8) != POISON) wrong.add(hex(p) + ": written outside [bspstore, bsp)");
            if (!wrong.isEmpty())
                fail("ia64 RSE backing store, start " + hex(start) + " depth " + depth + ": " + wrong.size()
                        + " words differ, first: " + wrong.subList(0, Math.min(10, wrong.size())));
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }

    static String program() throws IOException {
        try (InputStream in = RseDeepCallTest.class.getResourceAsStream("/guests/deepcall.hex")) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
        }
    }
}
