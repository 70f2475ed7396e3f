package org.polyvisor.isa.x86_64;

import static org.polyvisor.isa.x86.testing.BudgetRuns.everyBudget;
import static org.polyvisor.isa.x86.testing.BudgetRuns.runToHalt;
import static org.polyvisor.isa.x86.testing.BudgetRuns.sameBothWays;
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
import org.junit.jupiter.params.provider.ValueSource;
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

    @Test
    void preparedFormsStopWhereSingleSteppingDoesAtEveryBudget() {
        // mov $0x3000,%r9d; mov $3,%ecx; movabs $0x123456789abcdef0,%rax; mov $-7,%r10; then three passes of:
        // lea 0x10(%r9,%rcx,8),%r11; lea 0x40(,%rcx,8),%edi; mov %rax,(%r11); mov %r10d,-4(%r11); mov (%r11),%r12;
        // mov -8(%r11),%r13d; mov %rax,data(%rip) (its own code page); mov data(%rip),%r14; and %r10,%r12;
        // or $0xf0f,%r12; xor %rax,%r12; and $-0x10000,%rax; test $0x1000,%r12d; xor $-1,%r10; or %rcx,%r10;
        // adc %rcx,%rax; sbb $5,%r10; shr $3,%r12; shl $5,%rax; sar $2,%r10; push %r12; push %rax; pop %r15;
        // pop %r8; add %r12,%rax; sub %r10,%rax; cmp %rax,8(%r9,%rcx,8); jb; add $1,%rax; cmp (%r9),%r10d; jge;
        // inc %r8; test %rax,%r12; jne; nop; sub $1,%ecx; jne loop; hlt; data: .quad 0 (x86_64-linux-gnu-as)
        String code = "41b900300000b90300000048b8f0debc9a7856341249c7c2f9ffffff4d8d5cc9108d3ccd40000000498903458953fc"
                + "4d8b23458b6bf84889056b0000004c8b35640000004d21d44981cc0f0f00004931c448250000ffff41f7c40010000049"
                + "83f2ff4909ca4811c84983da0549c1ec0348c1e00549c1fa02415450415f41584c01e04c29d0493944c90872044883c0"
                + "01453b117d0349ffc04985c475019083e9010f8575fffffff40000000000000000";
        everyBudget("x86_64 prepared forms", () -> new Machine(ISA, code), Machine.CODE + 0xa8);
        // The end state as the general handlers (Interpreter, FastPath.execute) compute it, which ran these forms
        // before they had prepared ones.
        try (Machine m = new Machine(ISA, code)) {
            runToHalt(m, 1000, "x86_64 prepared forms");
            m.expect("x86_64 prepared forms", "rax=5001117280327696835 rcx=0 rdi=72 r8=418 r9=0x3000 r10=-1 r11=12312"
                    + " r12=417 r13=0 r14=-2726018846506876365 r15=5001117280327696416 rsp=" + Machine.STACK
                    + " zf=1 pf=1 cf=0 sf=0 of=0 m32[0x3014]=0xfffffffe m32[0x3018]=0x5af00233 m32[0x301c]=0xda2b3c4d"
                    + " m32[0x3020]=0x57800082 m32[0x3024]=0x468acf13 m32[0x3028]=0x9abcdef0 m32[0x302c]=0x12345678"
                    + " m32[0x8ff0]=0x5e000020 m32[0x8ff4]=0x456789ab m32[0x8ff8]=0x1a1");
        }
    }

    @ParameterizedTest(name = "x86_64 loop at page offset {0}")
    @ValueSource(ints = {0x40, 0xfe0})
    void jccInsideABlockLeavesItWhereItGoes(int at) {
        // xor %eax,%eax; xor %ebx,%ebx; mov $0x3000,%esi; jmp loop; (zeros to at) loop: add $1,%rax; mov %rax,%rcx;
        // and $1,%rcx; je 1f; add %rax,%rbx; mov %rbx,(%rsi,%rax,8); 1: cmp $5,%rax; jb 2f; sub $1,%rbx;
        // 2: mov %rbx,%rdx; test %rdx,%rdx; je 3f; lea 1(%rdx,%rax,2),%rdi; mov %rdi,8(%rsi); 3: cmp $12,%rax;
        // jne loop; hlt (x86_64-linux-gnu-as): a Jcc after AND (not fused), CMP and TEST fused with theirs, each
        // taken on some passes and not on others; at 0xfe0 the body crosses into the next page.
        String code = "31c031dbbe00300000e9" + String.format("%02x%02x0000", (at - 14) & 0xFF, (at - 14) >> 8)
                + "00".repeat(at - 14) + "4883c0014889c14883e10174074801c348891cc64883f80572044883eb014889da4885d27409"
                + "488d7c420148897e084883f80c75cbf4";
        everyBudget("x86_64 side exits at 0x" + Integer.toHexString(at), () -> new Machine(ISA, code));
        try (Machine m = new Machine(ISA, code)) {
            runToHalt(m, 1000, "x86_64 side exits");
            long rbx = 0, m8 = 0, at11 = 0;
            for (long rax = 1; rax <= 12; rax++) {
                if ((rax & 1) != 0) { rbx += rax; if (rax == 1) m8 = rbx; if (rax == 11) at11 = rbx; }
                if (rax >= 5) rbx -= 1;
                if (rbx != 0) m8 = rbx + 2 * rax + 1;
            }
            m.expect("x86_64 side exits", "rax=12 rbx=" + rbx + " m32[0x3008]=" + m8 + " m32[0x3058]=" + at11 + " zf=1");
        }
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
