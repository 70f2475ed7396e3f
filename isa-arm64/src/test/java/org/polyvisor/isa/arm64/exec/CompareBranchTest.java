package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * CMP followed by B.cond, which a block runs as one fused step, against the meaning of each condition after a
 * compare (Arm ARM C1.2.4: EQ is equal, HI unsigned higher, GE signed greater or equal...) computed here with Java's
 * own comparisons: every condition, 64- and 32-bit, register and immediate, on edge operands; once with the pair run
 * together and once with the budget ending between them (the B.cond then runs on its own).
 */
class CompareBranchTest {
    private static final String[] CONDITIONS = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le"};
    private static final long[][] OPERANDS = {
        {0, 0}, {1, 2}, {2, 1}, {5, 5}, {-1, 1}, {1, -1}, {Long.MIN_VALUE, 1}, {Long.MAX_VALUE, -1},
        {0x8000_0000L, 1}, {0x7FFF_FFFFL, 0xFFFF_FFFFL}, {0xDEAD_0000_0000_0001L, 1}, {0x1_0000_0000L, 0},
        {0xFFFL, 0xFFFL}, {0x1000, 0xFFF},
    };
    private static final int MOV_X0_1 = 0xd2800020, MOV_X0_2 = 0xd2800040, HVC_XEN = 0xd401d422;

    record Row(String cond, boolean x64, boolean immediate, long a, long b) {
        @Override public String toString() {
            return "cmp " + (x64 ? "x" : "w") + "1, " + (immediate ? "#0x" + Long.toHexString(b) : (x64 ? "x" : "w") + "2")
                    + " (x1 = 0x" + Long.toHexString(a) + ", b = 0x" + Long.toHexString(b) + "); b." + cond;
        }

        /** CMP Rn, Rm / CMP Rn, #imm12 (SUBS with XZR as destination). */
        int compare() {
            int sf = x64 ? 1 << 31 : 0;
            return immediate ? sf | 0x7100001F | (int) (b << 10) | (1 << 5) : sf | 0x6B00001F | (2 << 16) | (1 << 5);
        }

        /** B.cond to CODE + 16 from CODE + 4. */
        int branch() { return 0x54000000 | (3 << 5) | List.of(CONDITIONS).indexOf(cond); }

        boolean taken() {
            long x = x64 ? a : (long) (int) a, y = x64 ? b : (long) (int) b;
            BigInteger ux = unsigned(x), uy = unsigned(y);
            BigInteger difference = BigInteger.valueOf(x).subtract(BigInteger.valueOf(y));
            boolean overflow = x64 ? difference.bitLength() > 63 : difference.bitLength() > 31;
            long r = x64 ? x - y : (int) (x - y);
            return switch (cond) {
                case "eq" -> x == y;
                case "ne" -> x != y;
                case "cs" -> ux.compareTo(uy) >= 0;
                case "cc" -> ux.compareTo(uy) < 0;
                case "mi" -> r < 0;
                case "pl" -> r >= 0;
                case "vs" -> overflow;
                case "vc" -> !overflow;
                case "hi" -> ux.compareTo(uy) > 0;
                case "ls" -> ux.compareTo(uy) <= 0;
                case "ge" -> x >= y;
                case "lt" -> x < y;
                case "gt" -> x > y;
                default -> x <= y;
            };
        }

        private BigInteger unsigned(long v) {
            return x64 ? new BigInteger(Long.toUnsignedString(v)) : BigInteger.valueOf(v & 0xFFFF_FFFFL);
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String cond : CONDITIONS) {
            for (long[] ab : OPERANDS) {
                rows.add(new Row(cond, true, false, ab[0], ab[1]));
                rows.add(new Row(cond, false, false, ab[0], ab[1]));
                if (ab[1] >= 0 && ab[1] < 4096) {
                    rows.add(new Row(cond, true, true, ab[0], ab[1]));
                    rows.add(new Row(cond, false, true, ab[0], ab[1]));
                }
            }
        }
        return rows;
    }

    private static TestMachine machine(Row r) {
        TestMachine m = new TestMachine().code(CODE, r.compare(), r.branch(), MOV_X0_1, HVC_XEN, MOV_X0_2, HVC_XEN);
        m.vcpu.setRegister(1, r.a());
        m.vcpu.setRegister(2, r.b());
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void branchFollowsTheCompare(Row r) {
        long expected = r.taken() ? 2 : 1;
        try (TestMachine m = machine(r)) {
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), "arm64 " + r + ": exit");
            assertEquals(expected, m.vcpu.register(0), "arm64 " + r + ": path taken (2 = branched)");
            assertEquals(4, m.vcpu.retired(), "arm64 " + r + ": retired");
        }
        try (TestMachine m = machine(r)) {
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1), "arm64 " + r + ": the budget ends after the CMP");
            assertEquals(CODE + 4, m.vcpu.pc(), "arm64 " + r + ": PC at the B.cond");
            long flags = m.vcpu.register(Arm64Registers.CPSR) >>> 28;
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(100), "arm64 " + r + ": exit after resuming");
            assertEquals(expected, m.vcpu.register(0), "arm64 " + r + ": path taken after resuming, NZCV = " + flags);
            assertEquals(4, m.vcpu.retired(), "arm64 " + r + ": retired after resuming");
        }
    }
}
