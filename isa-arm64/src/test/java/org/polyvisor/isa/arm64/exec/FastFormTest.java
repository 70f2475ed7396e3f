package org.polyvisor.isa.arm64.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.polyvisor.isa.arm64.TestMachine.CODE;
import static org.polyvisor.isa.arm64.TestMachine.DATA;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.TestMachine;
import org.polyvisor.spi.VcpuExit;

/**
 * The block runner's inline forms against the Arm ARM's definitions computed here with BigInteger and plain Java
 * (C6.2: AddWithCarry for ADDS/SUBS, ConditionHolds for CSEL and friends, the pre- and post-index write-back of
 * LDR/STR (immediate)): NZCV after every flag-setting form, both when the runner stops right after it (run(1)) and
 * when a generic instruction (ADC, which reads C; ANDS, which writes NZCV) runs between a fast flag writer and a fast
 * flag reader; conditional selects under every condition and NZCV; ADD/SUB with right shifts, MADD and MSUB;
 * write-back loads and stores of every size, LDP/STP/LDPSW in every addressing mode, and write-back accesses and
 * pairs that fault (a pair on its second half), which must leave the registers, the PC and the retired count as they
 * were before them.
 */
class FastFormTest {
    private static final int HVC_XEN = 0xd401d422;
    /**
     * ldr x9, [x10]; str x9, [x10]: with x10 on the data page, they put that page in the soft TLB for reads and
     * writes (through the executor), so the access under test takes the runner's inline path.
     */
    private static final int LDR_X9_X10 = 0xf9400149, STR_X9_X10 = 0xf9000149;
    /** The data page's base register for the accesses under test, mid-page, and the warm-up address on that page. */
    private static final long BASE = DATA + 0x1800, WARM = DATA + 0x1F00;
    private static final long PSTATE_EL1H_MASKED = 0x3C5;
    private static final long[][] OPERANDS = {
        {0, 0}, {1, 2}, {2, 1}, {5, 5}, {-1, 1}, {1, -1}, {Long.MIN_VALUE, 1}, {Long.MAX_VALUE, 1}, {Long.MAX_VALUE, -1},
        {0x8000_0000L, 1}, {0x7FFF_FFFFL, 1}, {0xFFFF_FFFFL, 1}, {0x7FFF_FFFFL, 0xFFFF_FFFFL}, {0x1_0000_0000L, 0},
        {0xFFFL, 0xFFFL}, {0x1000, 0xFFF}, {0xDEAD_BEEF_8000_0000L, 0x8000_0000L},
    };

    // ---- ADDS / SUBS ----

    /** ADDS/SUBS, 64- or 32-bit, immediate (b as imm12) or shifted register (Rm = b LSL shift). */
    record Arith(boolean sub, boolean x64, boolean immediate, int shift, long a, long b) {
        @Override public String toString() {
            return (sub ? "subs " : "adds ") + (x64 ? "x3, x1, " : "w3, w1, ")
                    + (immediate ? "#0x" + Long.toHexString(b) : (x64 ? "x2" : "w2") + ", lsl #" + shift)
                    + " (x1 = 0x" + Long.toHexString(a) + ", x2 = 0x" + Long.toHexString(b) + ")";
        }

        int encoding() {
            int sf = x64 ? 1 << 31 : 0, op = sub ? 1 << 30 : 0;
            return immediate ? sf | op | 0x31000000 | (int) (b << 10) | (1 << 5) | 3
                    : sf | op | 0x2B000000 | (2 << 16) | (shift << 10) | (1 << 5) | 3;
        }

        long operand() { return immediate ? b : b << shift; }

        /** Rd, then NZCV (N in bit 3), from AddWithCarry() in unbounded integers. */
        long[] expected() {
            int bits = x64 ? 64 : 32;
            BigInteger mod = BigInteger.ONE.shiftLeft(bits);
            BigInteger ua = unsigned(a, bits), ub = unsigned(operand(), bits);
            BigInteger sa = signed(a, bits), sb = signed(operand(), bits);
            BigInteger uSum = sub ? ua.add(ub.not().and(mod.subtract(BigInteger.ONE))).add(BigInteger.ONE) : ua.add(ub);
            BigInteger sSum = sub ? sa.subtract(sb) : sa.add(sb);
            BigInteger result = uSum.mod(mod);
            boolean n = result.testBit(bits - 1), z = result.signum() == 0, c = uSum.compareTo(mod) >= 0;
            boolean v = !signed(result.longValue(), bits).equals(sSum);
            return new long[] {result.longValue(), (n ? 8 : 0) | (z ? 4 : 0) | (c ? 2 : 0) | (v ? 1 : 0)};
        }
    }

    static List<Arith> arithmetic() {
        List<Arith> rows = new ArrayList<>();
        for (boolean sub : new boolean[] {false, true}) {
            for (boolean x64 : new boolean[] {true, false}) {
                for (long[] ab : OPERANDS) {
                    rows.add(new Arith(sub, x64, false, 0, ab[0], ab[1]));
                    rows.add(new Arith(sub, x64, false, 3, ab[0], ab[1]));
                    if (ab[1] >= 0 && ab[1] < 4096) rows.add(new Arith(sub, x64, true, 0, ab[0], ab[1]));
                }
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("arithmetic")
    void flagSettingFormsSetNzcvAsAddWithCarry(Arith r) {
        long[] expected = r.expected();
        // run(1): the runner stops after the one instruction and hands NZCV back.
        try (TestMachine m = new TestMachine().code(CODE, r.encoding(), HVC_XEN)) {
            m.vcpu.setRegister(1, r.a());
            m.vcpu.setRegister(2, r.b());
            assertEquals(VcpuExit.BUDGET_SPENT, m.vcpu.run(1), "arm64 " + r + ": exit");
            assertEquals(hex(expected[0]), hex(m.vcpu.register(3)), "arm64 " + r + ": result");
            assertEquals(expected[1], m.vcpu.register(Arm64Registers.CPSR) >>> 28, "arm64 " + r + ": NZCV after run(1)");
        }
        // Then a generic instruction (the hypercall) runs with the flags the fast form left.
        try (TestMachine m = new TestMachine().code(CODE, r.encoding(), HVC_XEN)) {
            m.vcpu.setRegister(1, r.a());
            m.vcpu.setRegister(2, r.b());
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64 " + r + ": exit");
            assertEquals(expected[1], m.vcpu.register(Arm64Registers.CPSR) >>> 28, "arm64 " + r + ": NZCV at the hypercall");
            assertEquals(2, m.vcpu.retired(), "arm64 " + r + ": retired");
        }
    }

    // ---- conditional select ----

    private static final String[] CONDITIONS =
            {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc", "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
    private static final String[] SELECTS = {"csel", "csinc", "csinv", "csneg"};

    /** ConditionHolds() for NZCV {@code nzcv}, written out per condition (Arm ARM C1.2.4). */
    private static boolean holds(String cond, int nzcv) {
        boolean n = (nzcv & 8) != 0, z = (nzcv & 4) != 0, c = (nzcv & 2) != 0, v = (nzcv & 1) != 0;
        return switch (cond) {
            case "eq" -> z;
            case "ne" -> !z;
            case "cs" -> c;
            case "cc" -> !c;
            case "mi" -> n;
            case "pl" -> !n;
            case "vs" -> v;
            case "vc" -> !v;
            case "hi" -> c && !z;
            case "ls" -> !(c && !z);
            case "ge" -> n == v;
            case "lt" -> n != v;
            case "gt" -> n == v && !z;
            case "le" -> !(n == v && !z);
            default -> true;
        };
    }

    record Select(String op, String cond, boolean x64) {
        @Override public String toString() { return op + " " + (x64 ? "x3, x1, x2, " : "w3, w1, w2, ") + cond; }

        /** CSEL/CSINC/CSINV/CSNEG Rd=3, Rn=1, Rm=2 (C6.2: op in bit 30, o2 in bit 10). */
        int encoding() {
            int k = List.of(SELECTS).indexOf(op);
            return (x64 ? 1 << 31 : 0) | (k >> 1) << 30 | 0x1A800000 | (2 << 16) | List.of(CONDITIONS).indexOf(cond) << 12
                    | (k & 1) << 10 | (1 << 5) | 3;
        }

        long expected(int nzcv, long rn, long rm) {
            long r = holds(cond, nzcv) ? rn : switch (op) {
                case "csel" -> rm;
                case "csinc" -> rm + 1;
                case "csinv" -> ~rm;
                default -> -rm;
            };
            return x64 ? r : r & 0xFFFF_FFFFL;
        }
    }

    static List<Select> selects() {
        List<Select> rows = new ArrayList<>();
        for (String op : SELECTS) {
            for (String cond : CONDITIONS) {
                rows.add(new Select(op, cond, true));
                rows.add(new Select(op, cond, false));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("selects")
    void conditionalSelectsFollowConditionHolds(Select r) {
        long rn = 0x1234_5678_9ABC_DEF0L, rm = 0xFFFF_FFFF_0000_0001L;
        try (TestMachine m = new TestMachine().code(CODE, r.encoding(), HVC_XEN)) {
            for (int nzcv = 0; nzcv < 16; nzcv++) {
                String name = "arm64 " + r + " with NZCV = " + Integer.toBinaryString(16 | nzcv).substring(1);
                m.vcpu.setPc(CODE);
                m.vcpu.setRegister(Arm64Registers.CPSR, (long) nzcv << 28 | PSTATE_EL1H_MASKED);
                m.vcpu.setRegister(1, rn);
                m.vcpu.setRegister(2, rm);
                assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), name + ": exit");
                assertEquals(hex(r.expected(nzcv, rn, rm)), hex(m.vcpu.register(3)), name + ": result");
                assertEquals(nzcv, m.vcpu.register(Arm64Registers.CPSR) >>> 28, name + ": NZCV unchanged");
            }
        }
    }

    /**
     * Flags cross the generic path both ways inside one block: a fast CMP sets C, the generic ADC reads it, the
     * generic ANDS overwrites NZCV, and the fast CSINC and B.cond after it read the new flags.
     */
    @Test
    void flagsCrossTheGenericPathInsideABlock() {
        int cmpX1X2 = 0xeb02003f;         // cmp x1, x2
        int adcX4 = 0x9a1f03e4;           // adc x4, xzr, xzr
        int andsX5X1X2 = 0xea020025;      // ands x5, x1, x2
        int csincX6 = 0x9a9f07e6;         // csinc x6, xzr, xzr, eq   (cset x6, ne)
        int bEqPlus8 = 0x54000040;        // b.eq .+8
        int movX7_1 = 0xd2800027;         // mov x7, #1
        try (TestMachine m = new TestMachine().code(CODE, cmpX1X2, adcX4, andsX5X1X2, csincX6, bEqPlus8, movX7_1, HVC_XEN)) {
            m.vcpu.setRegister(1, 5);     // 5 - 2: C set; 5 AND 2 = 0: Z set
            m.vcpu.setRegister(2, 2);
            m.vcpu.setRegister(7, 9);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(20), "arm64 flags across the generic path: exit");
            assertEquals(1, m.vcpu.register(4), "arm64 flags across the generic path: ADC saw the CMP's carry");
            assertEquals(0, m.vcpu.register(6), "arm64 flags across the generic path: CSINC saw the ANDS's Z");
            assertEquals(9, m.vcpu.register(7), "arm64 flags across the generic path: B.EQ saw the ANDS's Z");
            assertEquals(0b0100, m.vcpu.register(Arm64Registers.CPSR) >>> 28, "arm64 flags across the generic path: NZCV");
            assertEquals(6, m.vcpu.retired(), "arm64 flags across the generic path: retired");
        }
    }

    // ---- ADD/SUB shifted right, MADD/MSUB ----

    record Shifted(String name, int encoding, long expected) {
        @Override public String toString() { return name; }
    }

    private static final long A = 0x8123_4567_89AB_CDEFL, B = 0xF0E1_D2C3_B4A5_9687L, C = 0x0102_0304_0506_0708L;

    static List<Shifted> shiftedAndMultiply() {
        return List.of(
            new Shifted("add x3, x1, x2, lsr #7", 0x8b421c23, A + (B >>> 7)),
            new Shifted("sub x3, x1, x2, lsr #1", 0xcb420423, A - (B >>> 1)),
            new Shifted("add w3, w1, w2, lsr #1", 0x0b420423, (A + ((B & 0xFFFF_FFFFL) >>> 1)) & 0xFFFF_FFFFL),
            new Shifted("add w3, w1, w2, asr #5", 0x0b821423, (A + ((int) B >> 5)) & 0xFFFF_FFFFL),
            new Shifted("sub w3, w1, w2, asr #31", 0x4b827c23, (A - ((int) B >> 31)) & 0xFFFF_FFFFL),
            new Shifted("add x3, x1, x2, asr #3", 0x8b820c23, A + (B >> 3)),
            new Shifted("madd x3, x1, x2, x4", 0x9b021023, C + A * B),
            new Shifted("msub x3, x1, x2, x4", 0x9b029023, C - A * B),
            new Shifted("madd w3, w1, w2, w4", 0x1b021023, (C + A * B) & 0xFFFF_FFFFL),
            new Shifted("mul w3, w1, w2", 0x1b027c23, (A * B) & 0xFFFF_FFFFL),
            new Shifted("mneg x3, x1, x2", 0x9b02fc23, -(A * B)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shiftedAndMultiply")
    void shiftedRightAndMultiplyAdd(Shifted r) {
        try (TestMachine m = new TestMachine().code(CODE, r.encoding(), HVC_XEN)) {
            m.vcpu.setRegister(1, A);
            m.vcpu.setRegister(2, B);
            m.vcpu.setRegister(4, C);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64 " + r + ": exit");
            assertEquals(hex(r.expected()), hex(m.vcpu.register(3)), "arm64 " + r + ": result");
        }
    }

    // ---- pre- and post-index loads and stores ----

    /** LDR/STR (immediate) with write-back, Rt = 3, Rn = 1: size 0-3 (B, H, W, X), or LDRSW. */
    record WriteBack(boolean load, boolean signedWord, int size, boolean pre, int offset) {
        @Override public String toString() {
            String m = load ? (signedWord ? "ldrsw" : new String[] {"ldrb", "ldrh", "ldr", "ldr"}[size])
                    : new String[] {"strb", "strh", "str", "str"}[size];
            String t = size == 3 ? "x3" : signedWord ? "x3" : "w3";
            return m + " " + t + (pre ? ", [x1, #" + offset + "]!" : ", [x1], #" + offset);
        }

        /** C6.2 LDR/STR (immediate): size in 31:30, opc in 23:22, imm9 in 20:12, 0b11 pre / 0b01 post in 11:10. */
        int encoding() {
            int opc = load ? (signedWord ? 2 : 1) : 0;
            int sz = signedWord ? 2 : size;
            return sz << 30 | 0x38000000 | opc << 22 | (offset & 0x1FF) << 12 | (pre ? 3 : 1) << 10 | (1 << 5) | 3;
        }
    }

    static List<WriteBack> writeBacks() {
        List<WriteBack> rows = new ArrayList<>();
        for (boolean pre : new boolean[] {true, false}) {
            for (int offset : new int[] {8, -16, 255, -256}) {
                for (int size = 0; size < 4; size++) {
                    rows.add(new WriteBack(true, false, size, pre, offset));
                    rows.add(new WriteBack(false, false, size, pre, offset));
                }
                rows.add(new WriteBack(true, true, 2, pre, offset));
            }
        }
        return rows;
    }

    private static final long PATTERN = 0x8877_6655_F433_2211L;

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeBacks")
    void writeBackAccessesUpdateTheBaseAfterTheAccess(WriteBack r) {
        long base = BASE;
        long address = r.pre() ? base + r.offset() : base;
        long bytes = 1L << r.size();
        long mask = r.size() == 3 ? -1L : (1L << (8 * bytes)) - 1;
        try (TestMachine m = new TestMachine().code(CODE, LDR_X9_X10, STR_X9_X10, r.encoding(), HVC_XEN)) {
            m.vcpu.setRegister(10, WARM);
            m.memory.write(address, 8, 0x5555_5555_5555_5555L);
            if (r.load()) m.memory.write(address, 8, PATTERN);
            m.vcpu.setRegister(1, base);
            m.vcpu.setRegister(3, PATTERN);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64 " + r + ": exit");
            assertEquals(hex(base + r.offset()), hex(m.vcpu.register(1)), "arm64 " + r + ": base written back");
            if (r.load()) {
                long expected = r.signedWord() ? (long) (int) PATTERN : PATTERN & mask;
                assertEquals(hex(expected), hex(m.vcpu.register(3)), "arm64 " + r + ": loaded");
            } else {
                long expected = (PATTERN & mask) | (0x5555_5555_5555_5555L & ~mask);
                assertEquals(hex(expected), hex(m.memory.read(address, 8)), "arm64 " + r + ": memory after the store");
            }
        }
    }

    /**
     * A write-back access in the middle of a block that faults (its address is outside RAM) changes nothing: the
     * instructions before it retired, its base register keeps its value, and the PC stays on it. The same block run
     * again with a good base goes on past it.
     */
    @Test
    void faultingWriteBackAccessIsPrecise() {
        int add = 0x91000442;             // add x2, x2, #1
        int ldrPost = 0xf8408423;         // ldr x3, [x1], #8
        int strPre = 0xf8010c23;          // str x3, [x1, #16]!
        for (int access : new int[] {ldrPost, strPre}) {
            String name = access == ldrPost ? "ldr x3, [x1], #8" : "str x3, [x1, #16]!";
            long bad = 0x7_0000_0000L;
            try (TestMachine m = new TestMachine().code(CODE, add, add, access, add, HVC_XEN)) {
                m.vcpu.setRegister(1, bad);
                m.vcpu.setRegister(3, 0x77);
                VcpuExit exit = m.vcpu.run(10);
                assertNotEquals(VcpuExit.HYPERCALL, exit, "arm64 faulting " + name + ": exit");
                assertNotEquals(VcpuExit.BUDGET_SPENT, exit, "arm64 faulting " + name + ": exit");
                assertEquals(hex(bad), hex(m.vcpu.register(1)), "arm64 faulting " + name + ": base unchanged");
                assertEquals(0x77, m.vcpu.register(3), "arm64 faulting " + name + ": Rt unchanged");
                assertEquals(2, m.vcpu.register(2), "arm64 faulting " + name + ": the ADDs before it retired, not the one after");
                assertEquals(hex(CODE + 8), hex(m.vcpu.pc()), "arm64 faulting " + name + ": PC on the access");
                assertEquals(2, m.vcpu.retired(), "arm64 faulting " + name + ": retired");
            }
        }
    }

    /** SP as the base with SP not 16-byte aligned takes the executor's path and still writes back. */
    @Test
    void spBasedWriteBackWithMisalignedSp() {
        int strPre = 0xf81f0fe3;          // str x3, [sp, #-16]!
        int ldrPost = 0xf84107e4;         // ldr x4, [sp], #16
        for (long sp : new long[] {DATA + 0x2000, DATA + 0x2008}) {
            try (TestMachine m = new TestMachine().code(CODE, LDR_X9_X10, STR_X9_X10, strPre, ldrPost, HVC_XEN)) {
                m.vcpu.setRegister(10, sp - 0x100);
                m.vcpu.setRegister(Arm64Registers.SP, sp);
                m.vcpu.setRegister(3, 0xABCD);
                assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64 push/pop at sp " + hex(sp) + ": exit");
                assertEquals(0xABCD, m.vcpu.register(4), "arm64 push/pop at sp " + hex(sp) + ": popped");
                assertEquals(hex(sp), hex(m.vcpu.register(Arm64Registers.SP)), "arm64 push/pop at sp " + hex(sp) + ": SP");
                assertEquals(0xABCD, m.memory.read(sp - 16, 8), "arm64 push/pop at sp " + hex(sp) + ": memory");
            }
        }
    }

    // ---- LDP / STP ----

    /** LDP/STP/LDPSW Rt = 3, Rt2 = 4, Rn = 1: opc 0 (W), 1 (LDPSW), 2 (X); mode 1 post-index, 2 offset, 3 pre-index. */
    record Pair(boolean load, int opc, int mode, int offset) {
        @Override public String toString() {
            String m = !load ? "stp" : opc == 1 ? "ldpsw" : "ldp";
            String r = opc == 0 ? "w" : "x";
            String a = switch (mode) {
                case 1 -> "[x1], #" + offset;
                case 2 -> "[x1, #" + offset + "]";
                default -> "[x1, #" + offset + "]!";
            };
            return m + " " + r + "3, " + r + "4, " + a;
        }

        int scale() { return opc == 2 ? 3 : 2; }

        /** C6.2 LDP/STP: opc in 31:30, 0b101 in 29:27, mode in 24:23, L in 22, imm7 (scaled) in 21:15. */
        int encoding() {
            return opc << 30 | 0x28000000 | mode << 23 | (load ? 1 << 22 : 0) | ((offset >> scale()) & 0x7F) << 15
                    | 4 << 10 | 1 << 5 | 3;
        }
    }

    static List<Pair> pairs() {
        List<Pair> rows = new ArrayList<>();
        for (int mode = 1; mode <= 3; mode++) {
            for (int offset : new int[] {16, -64}) {
                rows.add(new Pair(true, 0, mode, offset));
                rows.add(new Pair(true, 1, mode, offset));
                rows.add(new Pair(true, 2, mode, offset));
                rows.add(new Pair(false, 0, mode, offset));
                rows.add(new Pair(false, 2, mode, offset));
            }
        }
        return rows;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void pairsTransferBothRegistersThenWriteBack(Pair r) {
        long base = BASE, address = r.mode() == 1 ? base : base + r.offset();
        long first = 0x8877_6655_F433_2211L, second = 0x0123_4567_89AB_CDEFL, fill = 0x5555_5555_5555_5555L;
        try (TestMachine m = new TestMachine().code(CODE, LDR_X9_X10, STR_X9_X10, r.encoding(), HVC_XEN)) {
            m.vcpu.setRegister(10, WARM);
            m.memory.write(address, 8, r.load() ? (r.opc() == 2 ? first : (first & 0xFFFF_FFFFL) | second << 32) : fill);
            m.memory.write(address + 8, 8, r.load() && r.opc() == 2 ? second : fill);
            m.vcpu.setRegister(1, base);
            m.vcpu.setRegister(3, first);
            m.vcpu.setRegister(4, second);
            assertEquals(VcpuExit.HYPERCALL, m.vcpu.run(10), "arm64 " + r + ": exit");
            assertEquals(hex(r.mode() == 2 ? base : base + r.offset()), hex(m.vcpu.register(1)), "arm64 " + r + ": base");
            if (r.load()) {
                long[] expected = switch (r.opc()) {
                    case 0 -> new long[] {first & 0xFFFF_FFFFL, second & 0xFFFF_FFFFL};
                    case 1 -> new long[] {(int) first, (int) second};
                    default -> new long[] {first, second};
                };
                assertEquals(hex(expected[0]), hex(m.vcpu.register(3)), "arm64 " + r + ": Rt");
                assertEquals(hex(expected[1]), hex(m.vcpu.register(4)), "arm64 " + r + ": Rt2");
            } else if (r.opc() == 2) {
                assertEquals(hex(first), hex(m.memory.read(address, 8)), "arm64 " + r + ": first doubleword");
                assertEquals(hex(second), hex(m.memory.read(address + 8, 8)), "arm64 " + r + ": second doubleword");
            } else {
                assertEquals(hex((first & 0xFFFF_FFFFL) | second << 32), hex(m.memory.read(address, 8)), "arm64 " + r + ": both words");
                assertEquals(hex(fill), hex(m.memory.read(address + 8, 8)), "arm64 " + r + ": nothing past the pair");
            }
        }
    }

    /**
     * A pair whose second register falls outside RAM (the first is the last doubleword of RAM) faults as a whole:
     * neither register nor the base changes, the PC stays on it, and the instructions before it in the block retired.
     */
    @Test
    void pairFaultingOnItsSecondHalfIsPrecise() {
        int add = 0x91000442;             // add x2, x2, #1
        int[] accesses = {
            0xa9401023,                   // ldp x3, x4, [x1]
            0xa9c11023,                   // ldp x3, x4, [x1, #16]!
            0xa8c11023,                   // ldp x3, x4, [x1], #16
            0x29401023,                   // ldp w3, w4, [x1]      (at the last word of RAM)
            0xa9001023,                   // stp x3, x4, [x1]
            0xa9811023,                   // stp x3, x4, [x1, #16]!
        };
        long end = TestMachine.RAM + 64 * 1024;
        long[] bases = {end - 8, end - 24, end - 8, end - 4, end - 8, end - 24};
        for (int k = 0; k < accesses.length; k++) {
            String name = "pair 0x" + Integer.toHexString(accesses[k]) + " with x1 = " + hex(bases[k]);
            try (TestMachine m = new TestMachine().code(CODE, add, add, accesses[k], add, HVC_XEN)) {
                m.vcpu.setRegister(1, bases[k]);
                m.vcpu.setRegister(3, 0x33);
                m.vcpu.setRegister(4, 0x44);
                VcpuExit exit = m.vcpu.run(10);
                assertNotEquals(VcpuExit.HYPERCALL, exit, "arm64 " + name + ": exit");
                assertNotEquals(VcpuExit.BUDGET_SPENT, exit, "arm64 " + name + ": exit");
                assertEquals(hex(bases[k]), hex(m.vcpu.register(1)), "arm64 " + name + ": base unchanged");
                assertEquals(0x33, m.vcpu.register(3), "arm64 " + name + ": Rt unchanged");
                assertEquals(0x44, m.vcpu.register(4), "arm64 " + name + ": Rt2 unchanged");
                assertEquals(2, m.vcpu.register(2), "arm64 " + name + ": the ADDs before it retired, not the one after");
                assertEquals(hex(CODE + 8), hex(m.vcpu.pc()), "arm64 " + name + ": PC on the pair");
                assertEquals(2, m.vcpu.retired(), "arm64 " + name + ": retired");
            }
        }
    }

    private static BigInteger unsigned(long v, int bits) {
        return new BigInteger(Long.toUnsignedString(v)).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
    }

    private static BigInteger signed(long v, int bits) {
        return BigInteger.valueOf(bits == 64 ? v : (long) (int) v);
    }

    private static String hex(long v) { return "0x" + Long.toHexString(v); }
}
