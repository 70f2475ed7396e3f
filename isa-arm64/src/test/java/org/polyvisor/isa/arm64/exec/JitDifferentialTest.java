package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;
import static org.polyvisor.isa.arm64.TestMachine.MMIO;
import static org.polyvisor.isa.arm64.TestMachine.RAM;

import java.lang.foreign.ValueLayout;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.exec.jit.Arm64Jit;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;

/**
 * The translating tier against the interpreter, one instruction at a time: randomised loop bodies of the forms the
 * translator compiles (every ALU form with its W/X, shift and extend variants, flag edge values, conditional selects,
 * forward branches inside the body, and loads, stores and pairs of every size and addressing mode on bases at page
 * edges, past the end of RAM, in MMIO and on SP), with a few generic instructions among them, in a loop of one to
 * three passes (a branch back into the block). With the tier forced on (every block translated at its first entry),
 * a run with any budget must stop in the state as many single steps with the tier off reach: registers, NZCV, PC,
 * retired count, exit and memory; and then run on to the same end.
 */
class JitDifferentialTest {
    private static final A64Decoder DECODER = new A64Decoder();
    private static final int HVC_XEN = 0xd401d422, SUBS_X28_1 = 0xf100079c;
    private static final int CASES = 120;
    private static final long END_OF_RAM = RAM + 0x10000;
    /** A recognisable pattern for the data pages, so that loads read something other than zero. */
    private static final byte[] PATTERN = pattern();
    private final int saved = Arm64Jit.threshold();

    @AfterEach
    void restore() { Arm64Jit.setThreshold(saved); }

    /** One program and its initial state. */
    record Program(int seed, int[] code, long[] regs, long sp, int nzcv) {
        @Override public String toString() { return "seed " + seed + " (" + code.length + " instructions)"; }
    }

    /** The state compared after every run. */
    record Snapshot(String exit, long[] regs, long pc, long pstate, long retired, long memoryHash) {
        String describe() {
            StringBuilder b = new StringBuilder("exit " + exit + ", pc 0x" + Long.toHexString(pc) + ", pstate 0x"
                    + Long.toHexString(pstate) + ", retired " + retired + ", memory #" + Long.toHexString(memoryHash));
            for (int r = 0; r < regs.length; r++) b.append(r == 31 ? ", sp 0x" : ", x" + r + " 0x").append(Long.toHexString(regs[r]));
            return b.toString();
        }
    }

    private static byte[] pattern() {
        ByteBuffer b = ByteBuffer.allocate((int) (END_OF_RAM - DATA)).order(ByteOrder.LITTLE_ENDIAN);
        for (long a = DATA; a < END_OF_RAM; a += 8) b.putLong(a * 0x9E37_79B9_7F4A_7C15L);
        return b.array();
    }

    static IntStream seeds() { return IntStream.range(0, CASES); }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void everyBudgetMatchesSingleSteps(int seed) {
        Program p = program(seed);
        List<Snapshot> steps = singleSteps(p);
        Snapshot last = steps.get(steps.size() - 1);
        int total = (int) last.retired();
        List<Integer> budgets = new ArrayList<>();
        for (int b = 1; b <= Math.min(total, 40); b++) budgets.add(b);
        for (int b = 47; b < total; b += 13) budgets.add(b);
        budgets.add(total + 50);
        for (int budget : budgets) {
            Arm64Jit.setThreshold(0);
            try (TestMachine m = machine(p)) {
                VcpuExit exit = m.vcpu.run(budget);
                Snapshot expected = steps.get(Math.min(budget, steps.size() - 1));
                assertEquals(expected.describe(), snapshot(m, exit).describe(), p + ", budget " + budget + ": state");
                if (exit == VcpuExit.BUDGET_SPENT) exit = m.vcpu.run(10_000);
                assertEquals(last.describe(), snapshot(m, exit).describe(), p + ", budget " + budget + " then on: end state");
            }
        }
    }

    /** The snapshots after 0, 1, 2... single steps with the tier off, up to the first exit other than the budget's. */
    private static List<Snapshot> singleSteps(Program p) {
        Arm64Jit.setThreshold(Arm64Jit.OFF);
        List<Snapshot> steps = new ArrayList<>();
        try (TestMachine m = machine(p)) {
            steps.add(snapshot(m, VcpuExit.BUDGET_SPENT));
            while (true) {
                VcpuExit exit = m.vcpu.run(1);
                steps.add(snapshot(m, exit));
                if (exit != VcpuExit.BUDGET_SPENT) break;
                assertTrue(steps.size() < 2_000, p + ": the program ends");
            }
        }
        return steps;
    }

    private static TestMachine machine(Program p) {
        TestMachine m = new TestMachine().code(CODE, p.code());
        for (int r = 0; r <= 30; r++) m.vcpu.setRegister(r, p.regs()[r]);
        m.vcpu.setRegister(Arm64Registers.SP, p.sp());
        m.vcpu.setRegister(Arm64Registers.CPSR, (m.vcpu.register(Arm64Registers.CPSR) & 0x0FFF_FFFFL) | (long) p.nzcv() << 28);
        m.memory.load(DATA, PATTERN);
        return m;
    }

    private static Snapshot snapshot(TestMachine m, VcpuExit exit) {
        long[] regs = new long[32];
        for (int r = 0; r <= 30; r++) regs[r] = m.vcpu.register(r);
        regs[31] = m.vcpu.register(Arm64Registers.SP);
        long hash = 0;
        for (long a = CODE; a < END_OF_RAM; a += GuestMemory.PAGE_SIZE) {
            hash = hash * 31 + Arrays.hashCode(m.memory.page(a >>> GuestMemory.PAGE_SHIFT).toArray(ValueLayout.JAVA_LONG));
        }
        return new Snapshot(String.valueOf(exit), regs, m.vcpu.pc(), m.vcpu.register(Arm64Registers.CPSR),
                m.vcpu.retired(), hash);
    }

    // ---- the program generator ----

    /** Bases x0-x3 (and SP) point at memory, x4 is a small index, x28 counts the passes; the rest are free. */
    private static final int[] BASES = {0, 1, 2, 3, 31};
    private static final int INDEX = 4, COUNTER = 28;

    static Program program(int seed) {
        Random rnd = new Random(seed * 0x5DEECE66DL + 17);
        int body = 1 + rnd.nextInt(26);
        int[] code = new int[body + 3];
        for (int k = 0; k < body; k++) code[k] = instruction(rnd, body - k);
        code[body] = SUBS_X28_1;
        code[body + 1] = 0x54000001 | ((-(body + 1)) & 0x7FFFF) << 5; // b.ne to the body's start
        code[body + 2] = HVC_XEN;
        long[] regs = new long[31];
        for (int r = 0; r <= 30; r++) regs[r] = value(rnd);
        for (int b = 0; b < 4; b++) regs[b] = pointer(rnd);
        regs[INDEX] = rnd.nextInt(8) == 0 ? -8 : rnd.nextInt(64);
        regs[COUNTER] = 1 + rnd.nextInt(3);
        long sp = DATA + 0x4000 + 16L * rnd.nextInt(16) + (rnd.nextInt(8) == 0 ? 8 : 0);
        return new Program(seed, code, regs, sp, rnd.nextInt(16));
    }

    private static final long[] EDGES = {0, 1, -1, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL, 0x1_0000_0000L,
            Long.MAX_VALUE, Long.MIN_VALUE, 0xFFL, 0x80L, 0xFFFFL, 0x8000L};

    private static long value(Random rnd) {
        return switch (rnd.nextInt(4)) {
            case 0 -> EDGES[rnd.nextInt(EDGES.length)];
            case 1 -> rnd.nextInt(256) - 128;
            default -> rnd.nextLong();
        };
    }

    /** An address near a data page's end, inside a page, at the end of RAM, in MMIO, or in the code page. */
    private static long pointer(Random rnd) {
        return switch (rnd.nextInt(10)) {
            case 0 -> END_OF_RAM - rnd.nextInt(24);
            case 1 -> MMIO + 8L * rnd.nextInt(4);
            case 2 -> CODE + 0x800 + 8L * rnd.nextInt(8);
            case 3, 4, 5 -> DATA + 0x1000L * (1 + rnd.nextInt(6)) - rnd.nextInt(20);
            default -> DATA + 0x1000L * rnd.nextInt(7) + rnd.nextInt(0x800);
        };
    }

    private static int dest(Random rnd) {
        int r = 5 + rnd.nextInt(27); // 5..31
        return r == COUNTER ? 31 : r;
    }

    private static int src(Random rnd) { return rnd.nextInt(32); }

    private static int base(Random rnd) { return BASES[rnd.nextInt(BASES.length)]; }

    /** One instruction of a body with {@code left} instructions to its end (for forward branches). */
    private static int instruction(Random rnd, int left) {
        while (true) {
            int w = candidate(rnd, left);
            FastOp o = FastForm.prepare(DECODER.decode(w));
            // Mostly forms the translator compiles; a few generic ones, where translation is cut.
            if (o.form != FastForm.GENERIC || generic(w)) return w;
        }
    }

    /**
     * The generic instructions allowed in a body (they neither branch nor trap): UDIV, SDIV and the variable shifts
     * (which the translator compiles), ANDS and RBIT (where it stops).
     */
    private static boolean generic(int w) {
        return (w & 0x7FE0F800) == 0x1AC00800 || (w & 0x7FE0F000) == 0x1AC02000 || (w & 0x7F200000) == 0x6A000000
                || (w & 0x7FFFFC00) == 0x5AC00000;
    }

    private static int candidate(Random rnd, int left) {
        int sf = rnd.nextInt(2);
        int rd = dest(rnd), rn = src(rnd), rm = src(rnd);
        return switch (rnd.nextInt(25)) {
            // ADD/SUB/ADDS/SUBS (immediate), optionally shifted by 12
            case 0, 1 -> sf << 31 | rnd.nextInt(4) << 29 | 0x11000000 | rnd.nextInt(2) << 22 | rnd.nextInt(4096) << 10 | rn << 5 | rd;
            // ADD/SUB/ADDS/SUBS (shifted register)
            case 2, 3 -> sf << 31 | rnd.nextInt(4) << 29 | 0x0B000000 | rnd.nextInt(3) << 22 | rm << 16
                    | rnd.nextInt(sf == 1 ? 64 : 32) << 10 | rn << 5 | rd;
            // ADD/SUB (extended register)
            case 4 -> sf << 31 | rnd.nextInt(2) << 30 | 0x0B200000 | rm << 16 | rnd.nextInt(8) << 13 | rnd.nextInt(5) << 10 | rn << 5 | rd;
            // AND/ORR/EOR/ANDS (shifted register)
            case 5, 6 -> sf << 31 | rnd.nextInt(4) << 29 | 0x0A000000 | rnd.nextInt(4) << 22 | rm << 16
                    | rnd.nextInt(sf == 1 ? 64 : 32) << 10 | rn << 5 | rd;
            // AND/ORR/EOR (immediate): random fields, kept when they decode to a mask
            case 7 -> sf << 31 | rnd.nextInt(3) << 29 | 0x12000000 | (sf == 1 ? rnd.nextInt(2) : 0) << 22
                    | rnd.nextInt(sf == 1 ? 64 : 32) << 16 | rnd.nextInt(sf == 1 ? 64 : 32) << 10 | rn << 5 | rd;
            // MOVN, MOVZ, MOVK
            case 8 -> sf << 31 | new int[] {0, 2, 3}[rnd.nextInt(3)] << 29 | 0x12800000 | rnd.nextInt(sf == 1 ? 4 : 2) << 21
                    | rnd.nextInt(65536) << 5 | rd;
            // SBFM, UBFM
            case 9 -> sf << 31 | rnd.nextInt(2) << 30 | 0x13000000 | sf << 22 | rnd.nextInt(sf == 1 ? 64 : 32) << 16
                    | rnd.nextInt(sf == 1 ? 64 : 32) << 10 | rn << 5 | rd;
            // ADR, ADRP
            case 10 -> rnd.nextInt(2) << 31 | rnd.nextInt(4) << 29 | 0x10000000 | (rnd.nextInt(64) - 32 & 0x7FFFF) << 5 | rd;
            // CSEL, CSINC, CSINV, CSNEG
            case 11 -> sf << 31 | rnd.nextInt(2) << 30 | 0x1A800000 | rm << 16 | rnd.nextInt(16) << 12 | rnd.nextInt(2) << 10 | rn << 5 | rd;
            // MADD, MSUB
            case 12 -> sf << 31 | 0x1B000000 | rm << 16 | rnd.nextInt(2) << 15 | src(rnd) << 10 | rn << 5 | rd;
            // Loads and stores (unsigned offset), every size; LDRSW
            case 13, 14 -> {
                int size = rnd.nextInt(4), opc = rnd.nextInt(5) == 0 ? 2 : rnd.nextInt(2);
                yield size << 30 | 0x39000000 | opc << 22 | rnd.nextInt(8) << 10 | base(rnd) << 5 | transfer(rnd, opc);
            }
            // Unscaled, pre- and post-index
            case 15, 16 -> {
                int size = rnd.nextInt(4), opc = rnd.nextInt(5) == 0 ? 2 : rnd.nextInt(2), mode = new int[] {0, 1, 3}[rnd.nextInt(3)];
                int b = base(rnd), t = transfer(rnd, opc);
                if (mode != 0 && t == b) t = 5 + (t + 1) % 20;
                yield size << 30 | 0x38000000 | opc << 22 | (rnd.nextInt(64) - 32 & 0x1FF) << 12 | mode << 10 | b << 5 | t;
            }
            // Register offset: UXTW, LSL, SXTW, SXTX, scaled or not
            case 17 -> {
                int size = rnd.nextInt(4), opc = rnd.nextInt(5) == 0 ? 2 : rnd.nextInt(2);
                yield size << 30 | 0x38200800 | opc << 22 | INDEX << 16 | new int[] {2, 3, 6, 7}[rnd.nextInt(4)] << 13
                        | rnd.nextInt(2) << 12 | base(rnd) << 5 | transfer(rnd, opc);
            }
            // LDP/STP W and X, LDPSW: offset, pre- and post-index
            case 18, 19 -> {
                int opc = new int[] {0, 2, 1}[rnd.nextInt(3)], load = opc == 1 ? 1 : rnd.nextInt(2);
                int mode = new int[] {1, 2, 3}[rnd.nextInt(3)], b = base(rnd), t = dest(rnd), t2 = dest(rnd);
                if (load == 1 && t2 == t) t2 = t == 5 ? 6 : 5;
                if (mode != 2 && (t == b || t2 == b)) { t = 7; t2 = 8; }
                if (load == 0) { t = src(rnd); t2 = src(rnd); if (mode != 2 && (t == b || t2 == b)) { t = 9; t2 = 10; } }
                yield opc << 30 | 0x28000000 | mode << 23 | load << 22 | (rnd.nextInt(8) - 4 & 0x7F) << 15 | t2 << 10 | b << 5 | t;
            }
            // Forward branches inside the body: CBZ, CBNZ, TBZ, TBNZ, B.cond
            case 20, 21 -> {
                int offset = 1 + rnd.nextInt(Math.min(left, 4));
                yield switch (rnd.nextInt(3)) {
                    case 0 -> sf << 31 | 0x34000000 | rnd.nextInt(2) << 24 | offset << 5 | src(rnd);
                    case 1 -> rnd.nextInt(2) << 31 | 0x36000000 | rnd.nextInt(2) << 24 | rnd.nextInt(32) << 19 | offset << 5 | src(rnd);
                    default -> 0x54000000 | offset << 5 | rnd.nextInt(14);
                };
            }
            // UDIV, SDIV, LSLV, LSRV, ASRV, RORV, RBIT
            case 22 -> rnd.nextInt(4) == 0 ? sf << 31 | 0x5AC00000 | rn << 5 | rd
                    : sf << 31 | (rnd.nextInt(2) == 0 ? 0x1AC00800 | rnd.nextInt(2) << 10 : 0x1AC02000 | rnd.nextInt(4) << 10)
                            | rm << 16 | rn << 5 | rd;
            case 23 -> sf << 31 | 0x1AC02000 | rnd.nextInt(4) << 10 | rm << 16 | rn << 5 | rd;
            default -> 0xD503201F; // NOP
        };
    }

    /** Rt of a load (a free register) or a store (any register). */
    private static int transfer(Random rnd, int opc) { return opc == 0 ? src(rnd) : dest(rnd); }
}
