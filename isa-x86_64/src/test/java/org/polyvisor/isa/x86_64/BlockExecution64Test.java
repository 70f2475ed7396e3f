package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Block execution in 64-bit mode, through the Vcpu interface: every program runs once in whole runs (blocks, a
 * compare fused with its Jcc) and once one instruction per run (neither), and both must end in the same state, the
 * one the SDM gives: 64- and 32-bit compares and subtractions with the Jcc after them, RIP-relative operands, a
 * 32-bit LEA of a 64-bit address, PUSH and POP of 64-bit registers.
 */
class BlockExecution64Test {
    static final IsaProvider ISA = new X86_64IsaProvider();

    private static void runToHalt(Machine m, int step, String what) {
        for (int runs = 1; runs <= 10_000; runs++) {
            VcpuExit e = m.cpu.run(step);
            if (e == VcpuExit.HALT) return;
            assertSame(VcpuExit.BUDGET_SPENT, e, what + ": exit after " + m.cpu.retired() + " instructions");
        }
        throw new AssertionError(what + ": no HLT in 10,000 runs");
    }

    private static Machine sameBothWays(String what, Supplier<Machine> boot) {
        Machine stepped = boot.get();
        runToHalt(stepped, 1, what + " (one instruction a run)");
        Machine whole = boot.get();
        runToHalt(whole, 1000, what + " (whole runs)");
        assertEquals(stepped.cpu.retired(), whole.cpu.retired(), what + ": retired");
        Map<String, Long> a = stepped.cpu.save().registers(), b = whole.cpu.save().registers();
        for (String name : a.keySet()) assertEquals(a.get(name), b.get(name), what + ": register " + name);
        stepped.close();
        return whole;
    }

    /** A compare, subtraction or TEST of {@code a} with {@code b} in {@code bits} and a Jcc on {@code cc}. */
    record Branch(String op, int bits, int cc, long a, long b) {
        @Override public String toString() { return String.format("%s%d %x,%x j%x", op, bits, a, b, cc); }

        long mask() { return bits == 64 ? -1L : 0xFFFF_FFFFL; }

        /** The SDM's condition (Vol. 1, Appendix B) on the flags of a - b (a AND b for TEST). */
        boolean taken() {
            boolean test = op.equals("test");
            long m = mask(), x = a & m, y = b & m, res = (test ? x & y : x - y) & m;
            int top = bits - 1;
            boolean cf = !test && Long.compareUnsigned(x, y) < 0, zf = res == 0, sf = (res >>> top & 1) != 0;
            boolean of = !test && (((x ^ y) & (x ^ res)) >>> top & 1) != 0, pf = (Integer.bitCount((int) res & 0xFF) & 1) == 0;
            boolean v = switch (cc >> 1) {
                case 0 -> of; case 1 -> cf; case 2 -> zf; case 3 -> cf || zf;
                case 4 -> sf; case 5 -> pf; case 6 -> sf != of; default -> zf || sf != of;
            };
            return ((cc & 1) != 0) != v;
        }

        /** RAX afterwards: a - b by SUB (a 32-bit result zero-extends), else unchanged. */
        long rax() { return op.equals("sub") ? (a - b) & mask() : a; }
    }

    static Stream<Branch> branches() {
        // Signed and unsigned edges in 64 bits, and in their low 32 bits (0x80000000, 0x7fffffff, 0xffffffff)
        long[] values = {0, 0x7FFF_FFFF_8000_0000L, 0x8000_0000_7FFF_FFFFL, -1L};
        List<Branch> rows = new ArrayList<>();
        for (String op : new String[] {"cmp", "sub", "test"})
            for (int bits : new int[] {64, 32})
                for (int cc = 0; cc < 16; cc++)
                    for (long a : values) for (long b : values) rows.add(new Branch(op, bits, cc, a, b));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branches")
    void fusedCompareAndBranchFollowTheFlags(Branch row) {
        // cmp %rbx,%rax (48 39 d8) or cmp %ebx,%eax (39 d8), or sub, or test; j<cc> +6; mov $1,%ecx; hlt;
        // mov $2,%ecx; hlt
        String op = (row.bits == 64 ? "48" : "") + switch (row.op) { case "cmp" -> "39d8"; case "sub" -> "29d8"; default -> "85d8"; };
        String code = op + String.format("%02x06", 0x70 + row.cc) + "b901000000 f4 b902000000 f4";
        String what = "x86_64 " + row;
        try (Machine m = sameBothWays(what, () -> new Machine(ISA, code).set("rax=" + row.a + " rbx=" + row.b))) {
            m.expect(what, "rcx=" + (row.taken() ? 2 : 1) + " rax=" + row.rax());
        }
    }

    @Test
    void ripRelativeOperandsTruncatedLeaAndTheStack() {
        // 0: mov 0x1a(%rip),%eax (0x1020); 6: lea 0x13(%rip),%rcx (0x1020); d: lea 0x2(%rdi,%rdi,1),%edi;
        // 11: push %rbx; 12: pop %rdx; 13: hlt
        String code = "8b051a000000 488d0d13000000 8d7c3f02 53 5a f4";
        try (Machine m = sameBothWays("x86_64 rip-relative", () -> new Machine(ISA, code)
                .set("rdi=0x180000001 rbx=0xfedcba9876543210 rax=-1 m32[0x1020]=0x12345678"))) {
            m.expect("x86_64 rip-relative, lea, push/pop",
                    "rax=0x12345678 rcx=0x1020 rdi=4 rdx=0xfedcba9876543210 rsp=" + Machine.STACK + " rip=0x1014");
        }
    }
}
