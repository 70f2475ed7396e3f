package org.polyvisor.isa.x86;

import static org.polyvisor.isa.x86.testing.BudgetRuns.everyBudget;
import static org.polyvisor.isa.x86.testing.BudgetRuns.runToHalt;
import static org.polyvisor.isa.x86.testing.BudgetRuns.sameBothWays;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.PagingAccess.*;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

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
import org.polyvisor.isa.x86.testing.PagingAccess.Model;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.VcpuExit;

/**
 * Block execution (decoded straight-line runs, a compare fused with the Jcc after it) seen through the Vcpu
 * interface: each program runs once with a large budget, where whole blocks and fused pairs execute, and once one
 * instruction per run, where none do; the two must end in the same state with the same retired count, and in the
 * state the SDM gives. Covers stores into the running block, a #PF in the middle of a block, budgets that end
 * inside a block and between a compare and its Jcc, an interrupt taken where a run stopped, and INVLPG or a CR3
 * reload that moves a code page.
 */
class BlockExecutionTest {
    static final X86IsaProvider ISA = new X86IsaProvider();

    @Test
    void preparedFormsStopWhereSingleSteppingDoesAtEveryBudget() {
        // Three passes of: mov $0x3000,%esi ... (prologue once); lea 0x10(%esi,%ecx,4),%edx; lea 0x40(,%ecx,8),%edi;
        // lea (%esi),%ebp; mov %eax,(%edx); mov %ebx,-4(%edx); mov (%edx),%edi; and %ebx,%edi; or $0xf0f,%edi;
        // xor %eax,%edi; and $0x7fff0000,%eax; test $0x1000,%edi; xor $-1,%ebx; or %ecx,%ebx; adc %ecx,%eax;
        // sbb $5,%ebx; shr $3,%edi; shl $5,%eax; sar $2,%ebx; push %edi; push %eax; pop %edx; pop %ebp;
        // add %edi,%eax; sub %ebx,%eax; cmp %eax,4(%esi,%ecx,4); jb; add $1,%eax; cmp (%esi),%ebx; jge; inc %ebp;
        // test %eax,%edi; jne; nop; addr16 lea 5(%bx,%si),%eax; sub $1,%ecx; jne loop; hlt (i686-linux-gnu-as)
        String code = "be00300000b903000000b878563412bbf0debc9a8d548e108d3ccd400000008d2e8902895afc8b3a21df81cf0f0f0000"
                + "31c7250000ff7ff7c70010000083f3ff09cb11c883db05c1ef03c1e005c1fb0257505a5d01f829d839448e04720383c001"
                + "3b1e7d014585c7750190678d400583e90175a0f4";
        everyBudget("x86 prepared forms", () -> new Machine(ISA, code));
        // The end state as the general handlers (Interpreter, FastPath.execute) compute it, which ran these forms
        // before they had prepared ones.
        try (Machine m = new Machine(ISA, code)) {
            runToHalt(m, 1000, "x86 prepared forms");
            m.expect("x86 prepared forms", "eax=15496 ebx=26545283 ecx=0 edx=32 ebp=1603 esi=0x3000 edi=1603 esp=" + Machine.STACK
                    + " zf=1 pf=1 cf=0 sf=0 of=0 m32[0x3010]=0xf9abcdee m32[0x3014]=0xfdf3 m32[0x3018]=0xf847"
                    + " m32[0x301c]=0x12345678 m32[0x8ff8]=0x20 m32[0x8ffc]=0x643");
        }
    }

    @Test
    void storesIntoTheRunningBlockTakeEffectAtOnce() {
        // 0: mov %eax,0x1007 (the immediate of 6); 5: inc %ecx; 6: mov $0,%ebx; b: add %ebx,%edx;
        // d: add $0x100,%eax; 12: cmp $3,%ecx; 15: jne 0; 17: hlt. Each pass stores into its own block.
        try (Machine m = sameBothWays("x86 self-modifying block",
                () -> new Machine(ISA, "a307100000 41 bb00000000 01da 0500010000 83f903 75e9 f4").set("eax=0x100 ecx=0 edx=0"))) {
            m.expect("x86 self-modifying block", "ebx=0x300 edx=0x600 ecx=3 eip=0x1018 m32[0x1007]=0x300");
        }
    }

    @Test
    void budgetsEndInsideBlocksAndBetweenACompareAndItsJcc() {
        // 0: xor %eax,%eax; 2: add $1,%eax; 5: cmp $10,%eax; 8: jne 2; a: hlt: 32 instructions to the HLT
        String code = "31c0 83c001 83f80a 75f8 f4";
        for (int budget = 1; budget < 32; budget++) {
            try (Machine m = new Machine(ISA, code)) {
                assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(budget), "x86 budget " + budget);
                assertEquals(budget, m.cpu.retired(), "x86 retired after a budget of " + budget);
                int done = budget - 1, passes = done / 3, inPass = done % 3;  // after the xor: add, cmp, jne per pass
                long eax = passes + (inPass >= 1 ? 1 : 0);
                long eip = Machine.CODE + (passes == 10 ? 0xa : new int[] {2, 5, 8}[inPass]);  // the last jne falls through
                m.expect("x86 state after a budget of " + budget, "eax=" + eax + " eip=" + eip);
                assertSame(VcpuExit.HALT, m.cpu.run(100), "x86 rest after a budget of " + budget);
                assertEquals(32, m.cpu.retired(), "x86 retired at the HLT after a budget of " + budget);
                m.expect("x86 end after a budget of " + budget, "eax=10 zf=1");
            }
        }
    }

    @Test
    void aPageFaultInsideABlockLeavesTheStateAtTheFaultingInstruction() {
        // mov $1,%eax; mov $2,%ebx; mov VA,%ecx (not present); mov $3,%edx; hlt (ECX and EDX keep the values the
        // paging set-up left: the MSR number of EFER and 0)
        String code = "b801000000 bb02000000 8b0d" + le32(VA) + " ba03000000 f4";
        long faulting = Machine.CODE + (PROLOGUE + enablePaging(Model.BITS32, true, true)).length() / 2 + 10;
        try (Machine m = sameBothWays("x86 #PF in a block", () -> PagingTest.boot(Model.BITS32, code, t -> { }))) {
            m.expect("x86 #PF in a block", "eip=" + (handler(14) + 1) + " cr2=" + VA + " eax=1 ebx=2 ecx=0xc0000080 edx=0");
            long esp = m.cpu.register(m.reg("esp"));
            assertEquals(0, m.memory.read(esp, 4), "x86 #PF error code (read, supervisor, not present)");
            assertEquals(faulting, m.memory.read(esp + 4, 4), "x86 #PF saved EIP: the faulting load");
        }
    }

    @Test
    void anInterruptIsTakenWhereARunStopped() {
        // The IDT, sti, then the loop above; the run stops after xor, add, cmp: the interrupt comes before the jne.
        String code = PROLOGUE + "fb" + "31c0 83c001 83f80a 75f8 f4";
        try (Machine m = new Machine(ISA, code)) {
            SystemTables.install(m, false);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 1 + 3));
            long stopped = m.cpu.pc();
            assertEquals(Machine.CODE + PROLOGUE_LENGTH + 1 + 8, stopped, "x86 the run stopped at the jne");
            m.cpu.raiseInterrupt(0x41);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 interrupt between runs", "eip=" + (handler(0x41) + 1) + " eax=1 if=0");
            long esp = m.cpu.register(m.reg("esp"));
            assertEquals(stopped, m.memory.read(esp, 4), "x86 saved EIP: where the run stopped");
            assertEquals(1, (m.memory.read(esp + 8, 4) >> 9) & 1, "x86 saved IF");
        }
    }

    static Stream<String> codeRemaps() {
        return Stream.of("0f013e", "0f20d9 0f22d9");  // invlpg (%esi); mov %cr3,%ecx; mov %ecx,%cr3
    }

    @ParameterizedTest(name = "x86 {0}")
    @MethodSource("codeRemaps")
    void invlpgAndCr3ReloadDropACodeMapping(String flush) {
        // mov $VA,%esi; call *%esi (mov $0x1111,%eax; ret from FRAME); mov %eax,%ebx; the test moves the PTE to
        // DATA (mov $0x2222,%eax; ret); <flush>; call *%esi; hlt
        String code = "be" + le32(VA) + " ffd6 89c3 " + flush + " ffd6 f4";
        try (Machine m = PagingTest.boot(Model.BITS32, code, t -> t.memory.write(TABLES + 0x2000, 4, FRAME | 7))) {
            m.load(FRAME, "b811110000 c3").load(PagingTest.DATA, "b822220000 c3");
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 11 + 5));  // prologue, paging, mov, call, mov, ret, mov
            m.expect("x86 the first call ran the code at FRAME", "ebx=0x1111");
            m.memory.write(TABLES + 0x2000, 4, PagingTest.DATA | 7);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 after the flush the call runs the code at DATA", "eax=0x2222 ebx=0x1111");
        }
    }

    /**
     * The loop body of {@link #jccInsideABlockLeavesItWhereItGoes}, starting at offset {@code at} of the code page: a
     * Jcc after AND (not fused), CMP and TEST fused with the Jcc after them, each taken on some passes and not on others.
     */
    static String sideExitLoop(int at) {
        // xor %eax,%eax; xor %ebx,%ebx; mov $0x3000,%esi; jmp loop; (zeros to at) loop: add $1,%eax; mov %eax,%ecx;
        // and $1,%ecx; je 1f; add %eax,%ebx; mov %ebx,(%esi,%eax,4); 1: cmp $5,%eax; jb 2f; sub $1,%ebx;
        // 2: mov %ebx,%edx; test %edx,%edx; je 3f; lea 1(%edx,%eax,2),%edi; mov %edi,4(%esi); 3: cmp $12,%eax;
        // jne loop; hlt (i686-linux-gnu-as)
        return "31c031dbbe00300000e9" + le32(at - 14) + "00".repeat(at - 14)
                + "83c00189c183e101740501c3891c8683f805720383eb0189da85d274078d7c4201897e0483f80c75d7f4";
    }

    @ParameterizedTest(name = "x86 loop at page offset {0}")
    @ValueSource(ints = {0x40, 0xfe0})
    void jccInsideABlockLeavesItWhereItGoes(int at) {
        // In the page's middle the body is one block with three side exits; at 0xfe0 it crosses into the next page,
        // where blocks end before the page's last bytes.
        everyBudget("x86 side exits at 0x" + Integer.toHexString(at), () -> new Machine(ISA, sideExitLoop(at)));
        try (Machine m = new Machine(ISA, sideExitLoop(at))) {
            runToHalt(m, 1000, "x86 side exits");
            // Passes 1-12: odd eax adds eax to ebx and stores it at 0x3000 + 4 * eax; eax >= 5 subtracts 1; a
            // non-zero ebx stores ebx + 2 * eax + 1 at 0x3004 (the store of pass 1 at 0x3004 comes first).
            long ebx = 0, m4 = 0;
            long[] stored = new long[13];
            for (long eax = 1; eax <= 12; eax++) {
                if ((eax & 1) != 0) { ebx += eax; stored[(int) eax] = ebx; if (eax == 1) m4 = ebx; }
                if (eax >= 5) ebx -= 1;
                if (ebx != 0) m4 = ebx + 2 * eax + 1;
            }
            m.expect("x86 side exits", "eax=12 ebx=" + ebx + " m32[0x3004]=" + m4 + " m32[0x3014]=" + stored[5]
                    + " m32[0x302c]=" + stored[11] + " zf=1");
        }
    }

    @Test
    void aPageFaultAfterAJccNotTakenInsideABlock() {
        // mov $1,%eax; cmp $2,%eax; ja +5 (not taken); mov VA,%ecx (not present); mov $3,%edx; hlt
        String code = "b801000000 83f802 7705 8b0d" + le32(VA) + " ba03000000 f4";
        long faulting = Machine.CODE + (PROLOGUE + enablePaging(Model.BITS32, true, true)).length() / 2 + 10;
        try (Machine m = sameBothWays("x86 #PF after a side exit", () -> PagingTest.boot(Model.BITS32, code, t -> { }))) {
            m.expect("x86 #PF after a side exit", "eip=" + (handler(14) + 1) + " cr2=" + VA + " eax=1 ecx=0xc0000080 edx=0");
            long esp = m.cpu.register(m.reg("esp"));
            assertEquals(faulting, m.memory.read(esp + 4, 4), "x86 #PF saved EIP: the faulting load");
        }
    }

    /** A compare, subtraction or TEST of {@code a} with {@code b} and a Jcc on {@code cc}. */
    record Branch(String op, int cc, long a, long b) {
        @Override public String toString() { return String.format("%s %x,%x j%x", op, a, b, cc); }

        /** The SDM's condition (Vol. 1, Appendix B) on the flags of a - b (a AND b for TEST) in 32 bits. */
        boolean taken() {
            boolean test = op.equals("test");
            long res = (test ? a & b : a - b) & 0xFFFF_FFFFL;
            boolean cf = !test && Long.compareUnsigned(a, b) < 0, zf = res == 0, sf = (res >>> 31) != 0;
            boolean of = !test && (((a ^ b) & (a ^ res)) >>> 31 & 1) != 0, pf = (Integer.bitCount((int) res & 0xFF) & 1) == 0;
            boolean v = switch (cc >> 1) {
                case 0 -> of; case 1 -> cf; case 2 -> zf; case 3 -> cf || zf;
                case 4 -> sf; case 5 -> pf; case 6 -> sf != of; default -> zf || sf != of;
            };
            return ((cc & 1) != 0) != v;
        }
    }

    static Stream<Branch> branches() {
        long[] values = {0, 1, 2, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL};
        List<Branch> rows = new ArrayList<>();
        for (String op : new String[] {"cmp", "sub", "test"})
            for (int cc = 0; cc < 16; cc++)
                for (long a : values) for (long b : values) rows.add(new Branch(op, cc, a, b));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("branches")
    void fusedCompareAndBranchFollowTheFlags(Branch row) {
        // cmp %ebx,%eax (or sub, or test); j<cc> +6; mov $1,%ecx; hlt; mov $2,%ecx; hlt
        String op = switch (row.op) { case "cmp" -> "39d8"; case "sub" -> "29d8"; default -> "85d8"; };
        String code = op + String.format("%02x06", 0x70 + row.cc) + "b901000000 f4 b902000000 f4";
        String what = "x86 " + row;
        try (Machine m = sameBothWays(what, () -> new Machine(ISA, code).set("eax=" + row.a + " ebx=" + row.b))) {
            long eax = row.op.equals("sub") ? (row.a - row.b) & 0xFFFF_FFFFL : row.a;
            m.expect(what, "ecx=" + (row.taken() ? 2 : 1) + " eax=" + eax);
        }
    }
}
