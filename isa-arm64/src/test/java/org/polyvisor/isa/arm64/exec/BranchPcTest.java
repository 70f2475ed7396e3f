package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * The block runner does not count the PC per instruction: it works out each instruction's PC from the block's start
 * and the instruction's index, and a taken branch that leaves the block moves that start. A program of every branch
 * form it runs inline (CBZ, CBNZ, TBZ, TBNZ taken and not, BL and RET, B.AL, B.NV, BLR, BR, a loop of a fused CMP and
 * B.NE) with ADR/ADRP reading the PC before and after them, across a page boundary, must end in the same state run
 * at once, run with its budget split anywhere, and run one instruction at a time (each step then starts a block).
 */
class BranchPcTest {
    /** Assembled with aarch64-linux-gnu-as (ADRP's page offset 0: the page of its own PC). */
    private static final int[] PROGRAM = {
        0x10000004, // adr x4, . (start)
        0x90000005, // adrp x5, .
        0xd2800001, // mov x1, #0
        0xb4000041, // cbz x1, +8 (taken)
        0xd2800026, // mov x6, #1 (skipped)
        0xb5000061, // cbnz x1, +12 (not taken)
        0x36180042, // tbz w2, #3, +8
        0xd28000e7, // mov x7, #7
        0x37180042, // tbnz w2, #3, +8
        0xd2800108, // mov x8, #8
        0x9400000f, // bl f
        0x10ffffe9, // adr x9, (the bl)
        0x5400004e, // b.al +8
        0xd280014a, // mov x10, #10 (skipped)
        0x5400004f, // b.nv +8 (NV branches too)
        0xd280016b, // mov x11, #11 (skipped)
        0x1000018c, // adr x12, g
        0xd63f0180, // blr x12
        0x1000006d, // adr x13, +12
        0xd61f01a0, // br x13
        0xd28001ce, // mov x14, #14 (skipped)
        0x910005ef, // add x15, x15, #1
        0xf1000dff, // cmp x15, #3
        0x54ffffc1, // b.ne -8
        0xd401d422, // hvc #0xea1
        0x10000010, // f: adr x16, f
        0x910003d1, //    add x17, x30, #0
        0xd65f03c0, //    ret
        0x90000012, // g: adrp x18, g
        0x910003d3, //    add x19, x30, #0
        0xd65f03c0, //    ret
    };
    /** f and g land on the next page, so ADRP there and the returns cross the page boundary. */
    private static final long ORIGIN = CODE + 0xFA0;

    record Run(long x2, int firstBudget) {
        @Override public String toString() { return "x2 = " + x2 + ", first budget " + firstBudget; }
    }

    static List<Run> runs() {
        List<Run> rows = new ArrayList<>();
        for (long x2 : new long[] {0, 8}) {
            for (int budget : new int[] {1, 2, 3, 4, 5, 7, 11, 12, 14, 17, 18, 20, 23, 25, 28, 31, 1000}) {
                rows.add(new Run(x2, budget));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void splitRunsMatchSingleSteps(Run r) {
        long[] stepped = stepped(r.x2());
        try (TestMachine m = machine(r.x2())) {
            VcpuExit exit = m.vcpu.run(r.firstBudget());
            if (exit == VcpuExit.BUDGET_SPENT) exit = m.vcpu.run(1000);
            assertEquals(VcpuExit.HYPERCALL, exit, "arm64 branches, " + r + ": exit");
            long[] actual = state(m);
            for (int i = 0; i < actual.length; i++) {
                assertEquals(hex(stepped[i]), hex(actual[i]), "arm64 branches, " + r + ": " + NAMES[i]);
            }
        }
    }

    /** What the Arm ARM says the program leaves, whichever way it runs. */
    @ParameterizedTest(name = "x2 = {0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {0, 8})
    void programEndsAsTheArchitectureSays(long x2) {
        long[] v = stepped(x2);
        long[][] expected = {
            {4, ORIGIN}, {5, ORIGIN & ~0xFFFL}, {6, 0}, {7, x2 == 0 ? 0 : 7}, {8, x2 == 0 ? 8 : 0},
            {9, ORIGIN + 0x28}, {10, 0}, {11, 0}, {12, ORIGIN + 0x70}, {13, ORIGIN + 0x54}, {14, 0}, {15, 3},
            {16, ORIGIN + 0x64}, {17, ORIGIN + 0x2c}, {18, (ORIGIN + 0x70) & ~0xFFFL}, {19, ORIGIN + 0x48},
            {20, ORIGIN + 0x64}, // after the HVC, its preferred return address
        };
        for (long[] e : expected) {
            assertEquals(hex(e[1]), hex(v[(int) e[0]]), "arm64 branches, x2 = " + x2 + ": " + NAMES[(int) e[0]]);
        }
    }

    private static final String[] NAMES = new String[22];
    static {
        for (int i = 0; i < 20; i++) NAMES[i] = "x" + i;
        NAMES[20] = "pc";
        NAMES[21] = "retired";
    }

    /** The state after single steps up to the hypercall. */
    private static long[] stepped(long x2) {
        try (TestMachine m = machine(x2)) {
            for (int step = 0; step < 200; step++) {
                VcpuExit exit = m.vcpu.run(1);
                if (exit == VcpuExit.HYPERCALL) return state(m);
                assertEquals(VcpuExit.BUDGET_SPENT, exit, "arm64 branches single-stepped, step " + step);
            }
            throw new AssertionError("arm64 branches single-stepped: no hypercall in 200 steps");
        }
    }

    private static TestMachine machine(long x2) {
        TestMachine m = new TestMachine().code(ORIGIN, PROGRAM);
        m.vcpu.setPc(ORIGIN);
        m.vcpu.setRegister(2, x2);
        return m;
    }

    private static long[] state(TestMachine m) {
        long[] v = new long[22];
        for (int i = 0; i < 20; i++) v[i] = m.vcpu.register(i);
        v[20] = m.vcpu.pc();
        v[21] = m.vcpu.retired();
        return v;
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
