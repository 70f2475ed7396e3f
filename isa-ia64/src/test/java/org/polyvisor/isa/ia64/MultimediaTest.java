package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.spi.VcpuExit;

/**
 * The integer multimedia subset, shrp, the 32-bit pointer forms and lfetch, one readable row per family: bundles
 * assembled by GNU as from the source in the comment, expectations worked by hand from the SDM rev 2.3 vol 3
 * instruction pages. The exhaustive tables are in conformance/semantics/multimedia.vectors (SemanticVectorsTest).
 */
class MultimediaTest {

    record Row(String name, String hex, Map<String, Long> setup, Map<String, Long> expect) {
        @Override public String toString() { return name; }
    }

    private static Row row(String name, String hex, Map<String, Long> setup, Map<String, Long> expect) {
        return new Row(name, hex, setup, expect);
    }

    static Stream<Row> rows() {
        return Stream.of(
            // mux1 r4=r2,@rev; mux1 r5=r2,@brcst; mux2 r6=r2,0x1b (vol 3 mux)
            row("mux1 and mux2", "00000000010040102c283ba02000507602000000010060106ca83b000000040001008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x0102030405060708L),
                    InstructionTest.kv("r4", 0x0807060504030201L, "r5", 0x0808080808080808L, "r6", 0x0708050603040102L)),
            // padd1.uuu r4=r2,r3; padd1.sss r5=r2,r3; padd1 r6=r2,r3 (vol 3 padd: unsigned, signed, modular)
            row("padd1 saturation", "01200806822050100c0241c02018008201008000000000000002000000000400",
                    InstructionTest.kv("r2", 0xff80000000000001L, "r3", 0x02800000000000ffL),
                    InstructionTest.kv("r4", 0xffff0000000000ffL, "r5", 0x0180000000000000L, "r6", 0x0100000000000000L)),
            // czx1.l r4=r2; czx1.r r5=r2; popcnt r6=r2 (vol 3 czx, popcnt)
            row("czx and popcnt", "0000000001004000083000a000107000020000000100600008a439000000040001008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x1100220033445566L),
                    InstructionTest.kv("r4", 1L, "r5", 4L, "r6", 18L)),
            // shrp r4=r2,r3,8 (vol 3 shrp)
            row("shrp", "02000000010040100c102b000000040001008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x1122334455667788L, "r3", 0x99aabbccddeeff00L),
                    InstructionTest.kv("r4", 0x8899aabbccddeeffL)),
            // addp4 r4=r2,r3; addp4 r5=-16,r3; shladdp4 r6=r2,4,r3 (vol 3 addp4, shladdp4: bits 31-30 of r3 to 62-61)
            row("addp4 and shladdp4", "01200806082050800f7e47c020186c8001008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x10L, "r3", 0xffffffffc0001000L),
                    InstructionTest.kv("r4", 0x60000000c0001010L, "r5", 0x60000000c0000ff0L, "r6", 0x60000000c0001100L)),
            // lfetch.fault [r2],16; lfetch.excl.nta [r3],r9; lfetch.fault.excl [r9] (vol 3 lfetch: no access, no fault)
            row("lfetch post-increment", "09004004701d00480cdc3600000004000b000012781900000100000000000400",
                    InstructionTest.kv("r2", 0x7ffffffff000L, "r3", 0x1000L, "r9", 0x40L),
                    InstructionTest.kv("r2", 0x7ffffffff010L, "r3", 0x1040L, "r9", 0x40L)),
            // pcmp1.eq r4=r2,r3; pmpy2.r r5=r2,r3; psad1 r6=r2,r3 (vol 3 pcmp, pmpy, psad)
            row("pcmp, pmpy and psad", "01200806a42050100cb43ac02018587401008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x0a05L, "r3", 0x0307L),
                    InstructionTest.kv("r4", 0xffffffffffff0000L, "r5", 0x1e5523L, "r6", 9L)),
            // unpack1.l r4=r2,r3; mix1.r r5=r2,r3 (vol 3 unpack, mix: r3's lane below r2's)
            row("unpack and mix", "01000000010040100c183aa02018407401008000000000000002000000000400",
                    InstructionTest.kv("r2", 0x0706050403020100L, "r3", 0x1716151413121110L),
                    InstructionTest.kv("r4", 0x0313021201110010L, "r5", 0x0616041402120010L)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void executes(Row row) {
        try (Machine m = new Machine(row.hex())) {
            row.setup().forEach(m::set);
            VcpuExit e = m.vcpu.run(10_000);
            assertInstanceOf(VcpuExit.Hypercall.class, e, "ia64 " + row.name() + ": exit " + e + " at 0x" + Long.toHexString(m.vcpu.pc()));
            row.expect().forEach((k, v) -> assertEquals(v.longValue(), m.get(k),
                    () -> "ia64 " + row.name() + " [" + row.hex() + "]: " + k));
        }
    }
}
