package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.USER;
import static org.polyvisor.isa.x86.ProtectedModeTest.le32;
import static org.polyvisor.isa.x86.ProtectedModeTest.toRing3;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Far CALL and JMP through 16- and 32-bit call gates in protected mode (SDM Vol. 3, 5.8; Vol. 2 CALL, JMP, RET):
 * the gate's DPL against CPL and RPL, its presence, the target's type, DPL and presence, the stack switch from
 * the TSS with the parameters copied, the #TS/#SS checks of the new stack, and RET imm16 back to the outer level.
 * Each row either arrives at a target ({@code jmp $}) with the expected registers and stack, or takes the
 * expected exception (the handler's HLT) with its error code and the caller's registers unchanged.
 */
class CallGateTest {
    /** The gate under test, and more descriptors the rows use, past {@link org.polyvisor.isa.x86.testing.SystemTables#GDT_LIMIT}. */
    static final int GATE = 0x70, RING1_CS = 0x78, RING1_DS = 0x80, RING1_RO_DS = 0x88, RING1_ABSENT_DS = 0x90;
    static final long TARGET = 0x20000, TARGET16 = 0x6800, RING1_STACK = 0x8400;
    /** Where ring 3 code starts, after {@link ProtectedModeTest#TO_RING3}. */
    static final String RING3 = toRing3(USER);

    static long callGate(int selector, long offset, int count, int dpl, boolean present, boolean wide) {
        return gate(selector, offset, wide ? 0xC : 0x4, dpl, present) | ((long) count << 32);
    }

    static Consumer<Machine> gateAt(int sel, long raw) { return m -> m.memory.write(GDT + sel, 8, raw); }

    static Consumer<Machine> gate32(int target, int count, int dpl) { return gateAt(GATE, callGate(target, TARGET, count, dpl, true, true)); }

    /** lcall $GATE|rpl,$0 (the offset is ignored) and ljmp. */
    static String lcall(int sel) { return "9a00000000" + String.format("%02x%02x", sel & 0xFF, sel >> 8); }
    static String ljmp(int sel) { return "ea00000000" + String.format("%02x%02x", sel & 0xFF, sel >> 8); }

    /** A row: guest code after the prologue, the preparation, then -1 and the state at the target, or the exception. */
    record Row(String name, String code, Consumer<Machine> prepare, int vector, int error, String expect) {
        @Override public String toString() { return name; }
    }

    static Row arrives(String name, String code, Consumer<Machine> prepare, String expect) {
        return new Row(name, code, prepare, -1, 0, expect);
    }

    static Row faults(String name, String code, Consumer<Machine> prepare, int vector, int error) {
        return new Row(name, code, prepare, vector, error, "");
    }

    static Consumer<Machine> all(Consumer<Machine> first, Consumer<Machine> second) { return first.andThen(second); }

    /** A gate to ring 1 with SS1 := {@code ss} in the TSS (ring 0's stack stays good for the exception). */
    static Consumer<Machine> toRing1(int ss) {
        return all(all(gate32(RING1_CS, 0, 3), ring1()), m -> m.memory.write(TSS + 16, 2, ss));
    }

    static Stream<Row> rows() {
        long r3 = USER;  // the first ring 3 instruction
        return Stream.of(
                arrives("ring 3 lcall through a DPL 3 gate to ring 0 switches to SS0:ESP0 and copies 2 dwords",
                        RING3 + "6811111111 6822222222" + lcall(GATE | 3), gate32(KERNEL_CS, 2, 3),
                        "eip=" + TARGET + " cs=0x8 ss=0x10 esp=" + (RING0_STACK - 24)
                                + " m32[" + (RING0_STACK - 24) + "]=" + (r3 + 17) + " m32[" + (RING0_STACK - 20) + "]=0x1b"
                                + " m32[" + (RING0_STACK - 16) + "]=0x22222222 m32[" + (RING0_STACK - 12) + "]=0x11111111"
                                + " m32[" + (RING0_STACK - 8) + "]=0x8ff8 m32[" + (RING0_STACK - 4) + "]=0x23"),
                arrives("ring 3 lcall through a 16-bit gate pushes words and copies 1 word",
                        RING3 + "66683412" + lcall(GATE | 3), gateAt(GATE, callGate(KERNEL_CS, TARGET16, 1, 3, true, false)),
                        "eip=" + TARGET16 + " cs=0x8 ss=0x10 esp=" + (RING0_STACK - 10)
                                + " m16[" + (RING0_STACK - 10) + "]=" + (r3 + 11) + " m16[" + (RING0_STACK - 8) + "]=0x1b"
                                + " m16[" + (RING0_STACK - 6) + "]=0x1234 m16[" + (RING0_STACK - 4) + "]=0x8ffe m16[" + (RING0_STACK - 2) + "]=0x23"),
                arrives("ring 0 lcall through a gate to ring 0 stays on the stack, no parameters copied",
                        lcall(GATE), gate32(KERNEL_CS, 3, 0),
                        "eip=" + TARGET + " cs=0x8 ss=0x10 esp=" + (Machine.STACK - 8) + " m32[" + (Machine.STACK - 8) + "]=" + (START + 7)
                                + " m32[" + (Machine.STACK - 4) + "]=0x8"),
                arrives("ring 3 lcall through a gate to conforming DPL 0 code keeps CPL 3 and the user stack",
                        RING3 + lcall(GATE | 3), gate32(CONFORMING_CS, 2, 3),
                        "eip=" + TARGET + " cs=0x6b ss=0x23 esp=0x8ff8 m32[0x8ff8]=" + (r3 + 7) + " m32[0x8ffc]=0x1b"),
                arrives("ring 3 ljmp through a gate to ring 3 code", RING3 + ljmp(GATE | 3), gate32(USER_CS, 0, 3),
                        "eip=" + TARGET + " cs=0x1b ss=0x23 esp=0x9000"),
                arrives("ring 3 ljmp through a gate to conforming DPL 0 code keeps CPL 3", RING3 + ljmp(GATE | 3), gate32(CONFORMING_CS, 0, 3),
                        "eip=" + TARGET + " cs=0x6b ss=0x23 esp=0x9000"),
                arrives("ring 3 lcall through a gate to ring 1 takes SS1:ESP1 from the TSS",
                        RING3 + lcall(GATE | 3), all(gate32(RING1_CS, 0, 3), ring1()),
                        "eip=" + TARGET + " cs=0x79 ss=0x81 esp=" + (RING1_STACK - 16) + " m32[" + (RING1_STACK - 8) + "]=0x9000"),
                arrives("lret \\$8 from ring 0 back to ring 3 releases the parameters on both stacks and nulls DS",
                        RING3 + "6811111111 6822222222" + lcall(GATE | 3) + "ebfe",
                        all(gate32(KERNEL_CS, 2, 3), m -> m.load(TARGET, "66b81000 8ed8 ca0800")),
                        "eip=" + (r3 + 17) + " cs=0x1b ss=0x23 esp=0x9000 ds=0"),
                faults("a DPL 0 gate from ring 3 is #GP(gate)", RING3 + lcall(GATE | 3), gate32(KERNEL_CS, 0, 0), 13, GATE),
                faults("a gate selector with RPL 3 above the gate's DPL 0 is #GP(gate)", lcall(GATE | 3), gate32(KERNEL_CS, 0, 0), 13, GATE),
                faults("ljmp through a DPL 0 gate from ring 3 is #GP(gate)", RING3 + ljmp(GATE | 3), gate32(USER_CS, 0, 0), 13, GATE),
                faults("a gate that is not present is #NP(gate)", RING3 + lcall(GATE | 3),
                        gateAt(GATE, callGate(KERNEL_CS, TARGET, 0, 3, false, true)), 11, GATE),
                faults("a gate with a null code selector is #GP(0)", RING3 + lcall(GATE | 3), gate32(0, 0, 3), 13, 0),
                faults("a gate's selector past the GDT limit is #GP(sel)", RING3 + lcall(GATE | 3), gate32(0x1F8, 0, 3), 13, 0x1F8),
                faults("a gate to a data segment is #GP(sel)", RING3 + lcall(GATE | 3), gate32(KERNEL_DS, 0, 3), 13, KERNEL_DS),
                faults("a gate to DPL 3 code from ring 0 is #GP(sel): DPL > CPL", lcall(GATE), gate32(USER_CS, 0, 0), 13, USER_CS & 0xFFFC),
                faults("a gate to a code segment that is not present is #NP(sel)", RING3 + lcall(GATE | 3), gate32(ABSENT_CS, 0, 3), 11, ABSENT_CS),
                faults("ljmp through a gate to ring 0 code from ring 3 is #GP(sel): JMP never changes privilege",
                        RING3 + ljmp(GATE | 3), gate32(KERNEL_CS, 0, 3), 13, KERNEL_CS),
                faults("a null SS1 in the TSS is #TS(0)", RING3 + lcall(GATE | 3), toRing1(0), 10, 0),
                faults("an SS1 with RPL 3 is #TS(ss)", RING3 + lcall(GATE | 3), toRing1(RING1_DS | 3), 10, RING1_DS),
                faults("an SS1 of read-only data is #TS(ss)", RING3 + lcall(GATE | 3), toRing1(RING1_RO_DS | 1), 10, RING1_RO_DS),
                faults("an SS1 of DPL 3 data is #TS(ss)", RING3 + lcall(GATE | 3), toRing1(USER_DS & 0xFFFC | 1), 10, USER_DS & 0xFFFC),
                faults("an SS1 past the GDT limit is #TS(ss)", RING3 + lcall(GATE | 3), toRing1(0x1F9), 10, 0x1F8),
                faults("an SS1 that is not present is #SS(ss)", RING3 + lcall(GATE | 3), toRing1(RING1_ABSENT_DS | 1), 12, RING1_ABSENT_DS),
                faults("a TSS too short for SS1:ESP1 is #TS(tss)", RING3 + lcall(GATE | 3),
                        all(all(gate32(RING1_CS, 0, 3), ring1()), m -> m.memory.write(GDT + TSS_SEL, 8, segment(TSS, 0xF, 0x89, 0))), 10, TSS_SEL),
                faults("lcall to an LDT descriptor is #GP(sel)", lcall(LDT_SEL), m -> { }, 13, LDT_SEL),
                faults("lret to ring 3 with an SS of RPL 0 is #GP(ss)", "6a10 6800900000 6a1b 68" + le32(TARGET) + "cb", m -> { }, 13, 0x10));
    }

    /** A ring 1 code and data segment, and SS1:ESP1 in the TSS. */
    static Consumer<Machine> ring1() {
        return m -> {
            m.memory.write(GDT + RING1_CS, 8, segment(0, 0xFFFFF, 0xBA, 0xC));
            m.memory.write(GDT + RING1_DS, 8, segment(0, 0xFFFFF, 0xB2, 0xC));
            m.memory.write(GDT + RING1_RO_DS, 8, segment(0, 0xFFFFF, 0xB0, 0xC));
            m.memory.write(GDT + RING1_ABSENT_DS, 8, segment(0, 0xFFFFF, 0x32, 0xC));
            m.memory.write(TSS + 12, 4, RING1_STACK);
            m.memory.write(TSS + 16, 2, RING1_DS | 1);
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void callsThroughTheGate(Row row) {
        try (Machine m = new Machine(ProtectedModeTest.ISA, PROLOGUE + row.code.replace(" ", ""))) {
            install(m, false);
            m.memory.write(PSEUDO, 2, 0xFF);  // room for the descriptors from 0x70
            m.load(TARGET, "ebfe").load(TARGET16, "ebfe");
            row.prepare.accept(m);
            String what = "x86 " + row.name;
            VcpuExit exit = m.cpu.run(200);
            if (row.vector < 0) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit);
                m.expect(what, row.expect);
                return;
            }
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Integer.toHexString(row.error), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": error code");
            boolean user = row.code.startsWith(RING3);
            assertEquals(user ? USER_CS : KERNEL_CS, m.memory.read(sp + 8, 4), what + ": saved CS (the caller's)");
            if (user) assertEquals(0x9000, m.memory.read(sp + 16, 4), what + ": saved ESP (the caller's, unchanged)");
        }
    }
}
