package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * Loads and stores of one general register (register offset, plain and extended) at the last bytes of a page and
 * across it, run twice: once with a cold soft TLB, so the executor runs the access (the reference), and once after
 * two accesses that put the page in the TLB for reads and writes, so the block runner's inline path runs it whenever
 * it fits in the page. Both must leave the same register and the same bytes on both pages: the inline path's
 * per-size page check, its sign and zero extension, and its hand-over to the executor for an access that crosses
 * the page.
 */
class PageEdgeAccessTest {
    private static final int HVC_XEN = 0xd401d422;
    /** ldr x9, [x10]; str x9, [x10]: with x10 on the accessed page, they fill the TLB through the executor. */
    private static final int LDR_X9_X10 = 0xf9400149, STR_X9_X10 = 0xf9000149;
    /** The last page boundary of the data area the accesses straddle. */
    private static final long EDGE = DATA + 0x1000;
    private static final long STORED = 0xF1E2_D3C4_B5A6_9788L;

    /** One access: its encoding (Rt = x3, Rn = x1, Rm = x2) and its address as base + index. */
    record Access(String asm, int encoding, boolean load, long base, long index) {
        @Override public String toString() {
            return asm + " (x1 = 0x" + Long.toHexString(base) + ", x2 = 0x" + Long.toHexString(index) + ")";
        }
    }

    static List<Access> accesses() {
        // Encodings from aarch64-linux-gnu-as; the address lands at EDGE - back for back = 1..8 and just past the edge.
        Object[][] forms = {
            {"strb w3, [x1, x2]", 0x38226823, false, 0},
            {"strh w3, [x1, x2]", 0x78226823, false, 0},
            {"str w3, [x1, x2]", 0xb8226823, false, 0},
            {"str x3, [x1, x2]", 0xf8226823, false, 0},
            {"strh w3, [x1, w2, sxtw #1]", 0x7822d823, false, 1},
            {"ldrb w3, [x1, x2]", 0x38626823, true, 0},
            {"ldrh w3, [x1, x2]", 0x78626823, true, 0},
            {"ldr w3, [x1, x2]", 0xb8626823, true, 0},
            {"ldr x3, [x1, x2]", 0xf8626823, true, 0},
            {"ldrsw x3, [x1, x2]", 0xb8a26823, true, 0},
            {"ldrsw x3, [x1, w2, sxtw #2]", 0xb8a2d823, true, 2},
            {"ldr w3, [x1, w2, uxtw #2]", 0xb8625823, true, 2},
        };
        List<Access> rows = new ArrayList<>();
        for (Object[] f : forms) {
            int scale = (int) f[3];
            for (long back : new long[] {16, 8, 4, 2, 1}) {
                long address = EDGE - back;
                // A negative 32-bit index for the SXTW forms: base above the address, index (-(distance) >> scale).
                long base = scale == 0 ? address - 0x40 : address + 0x40;
                long index = scale == 0 ? 0x40 : (-0x40L >> scale) & 0xFFFF_FFFFL;
                if (((String) f[0]).contains("uxtw")) {
                    base = address - 0x40;
                    index = 0xFFFF_FFFF_0000_0000L | (0x40 >> scale);
                }
                rows.add(new Access((String) f[0], (int) f[1], (boolean) f[2], base, index));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("accesses")
    void inlinePathMatchesTheExecutor(Access a) {
        long[] cold = run(a, false), warm = run(a, true);
        String name = "arm64 " + a;
        assertEquals(hex(cold[0]), hex(warm[0]), name + ": x3 (executor, then inline path)");
        assertEquals(hex(cold[1]), hex(warm[1]), name + ": the 8 bytes before the page edge");
        assertEquals(hex(cold[2]), hex(warm[2]), name + ": the 8 bytes after it");
        assertEquals(hex(cold[3]), hex(warm[3]), name + ": retired");
        if (a.load()) assertEquals(false, cold[0] == STORED, name + ": the load changed x3");
    }

    /** x3, the 16 bytes around the page edge, and the retired count after the access, with a warm TLB or not. */
    private static long[] run(Access a, boolean warmTlb) {
        int[] code = warmTlb ? new int[] {LDR_X9_X10, STR_X9_X10, a.encoding(), HVC_XEN} : new int[] {a.encoding(), HVC_XEN};
        try (TestMachine m = new TestMachine().code(CODE, code)) {
            for (long p = EDGE - 16; p < EDGE + 16; p += 8) m.memory.write(p, 8, 0x8090_A0B0_C0D0_E0F0L ^ p * 0x0101_0101L);
            m.vcpu.setRegister(1, a.base());
            m.vcpu.setRegister(2, a.index());
            m.vcpu.setRegister(3, STORED);
            m.vcpu.setRegister(10, EDGE - 0x100);
            VcpuExit exit = m.vcpu.run(10);
            assertEquals(VcpuExit.HYPERCALL, exit, "arm64 " + a + (warmTlb ? " warm" : " cold") + ": exit");
            return new long[] {m.vcpu.register(3), m.memory.read(EDGE - 8, 8), m.memory.read(EDGE, 8),
                    m.vcpu.retired() - (warmTlb ? 2 : 0)};
        }
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
