package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Far CALL and JMP through the 16-byte call gates of IA-32e mode (SDM Vol. 3, 5.8.3.1 and 5.8.6): the upper half's
 * type field must be 0, 16-bit gates do not exist, the target must be 64-bit code; CALL to an inner level loads
 * RSPn from the 64-bit TSS with a null SS (RPL = the new CPL) and pushes SS, RSP, CS and RIP as quadwords with no
 * parameters copied; JMP never changes privilege; RETFQ returns to the outer level. Rows either arrive at the
 * target ({@code jmp $}) with the expected state or take the exception with its error code.
 */
class CallGate64Test {
    static final long START = Machine.CODE + PROLOGUE_LENGTH, USER = START + 17, TARGET = 0x20000, POINTER = 0x7000;
    static final String RING3 = LongModeSystemTest.toRing3(USER);
    static final int GATE = 0x70, COMPAT_CS = 0x80;
    /** lcall *POINTER and ljmp *POINTER (m16:32, the selector at POINTER + 4). */
    static final String LCALL = "ff1c25" + "00700000", LJMP = "ff2c25" + "00700000";

    /** The 16-byte call gate at GDT + {@code sel}: target {@code cs}:TARGET, DPL, presence, the upper type field. */
    static Consumer<Machine> gate64(int sel, int cs, int dpl, int type, boolean present, int upperType) {
        return m -> {
            m.memory.write(GDT + sel, 8, gate(cs, TARGET, type, dpl, present));
            m.memory.write(GDT + sel + 8, 8, (long) upperType << 40);
        };
    }

    static Consumer<Machine> gate64(int cs, int dpl) { return gate64(GATE, cs, dpl, 0xC, true, 0); }

    /** The far pointer the indirect lcall/ljmp reads: offset 0 (a gate ignores it) and {@code sel}. */
    static Consumer<Machine> via(int sel) { return m -> m.memory.write(POINTER + 4, 2, sel); }

    record Row(String name, String code, Consumer<Machine> prepare, int vector, int error, String expect) {
        @Override public String toString() { return name; }
    }

    static Row arrives(String name, String code, Consumer<Machine> prepare, String expect) {
        return new Row(name, code, prepare, -1, 0, expect);
    }

    static Row faults(String name, String code, Consumer<Machine> prepare, int vector, int error) {
        return new Row(name, code, prepare, vector, error, "");
    }

    static Stream<Row> rows() {
        long r0 = RING0_STACK;
        return Stream.of(
                arrives("ring 3 lcall through a DPL 3 gate to ring 0 loads RSP0, SS null, and pushes four quadwords",
                        RING3 + LCALL, gate64(KERNEL_CS, 3).andThen(via(GATE | 3)),
                        "rip=" + TARGET + " cs=0x8 ss=0 rsp=" + (r0 - 32) + " m64[" + (r0 - 32) + "]=" + (USER + 7)
                                + " m64[" + (r0 - 24) + "]=0x5b m64[" + (r0 - 16) + "]=0x9000 m64[" + (r0 - 8) + "]=0x23"),
                arrives("ring 0 lcall through a gate to ring 0 pushes CS and RIP as quadwords", LCALL,
                        gate64(KERNEL_CS, 0).andThen(via(GATE)),
                        "rip=" + TARGET + " cs=0x8 rsp=" + (Machine.STACK - 16) + " m64[" + (Machine.STACK - 16) + "]=" + (START + 7)
                                + " m64[" + (Machine.STACK - 8) + "]=0x8"),
                arrives("ring 3 lcall through a gate to conforming code keeps CPL 3", RING3 + LCALL,
                        gate64(CONFORMING_CS, 3).andThen(via(GATE | 3)),
                        "rip=" + TARGET + " cs=0x6b ss=0x23 rsp=0x8ff0 m64[0x8ff0]=" + (USER + 7) + " m64[0x8ff8]=0x5b"),
                arrives("ring 3 ljmp through a gate to ring 3 code", RING3 + LJMP, gate64(USER_CS, 3).andThen(via(GATE | 3)),
                        "rip=" + TARGET + " cs=0x1b ss=0x23 rsp=0x9000"),
                arrives("retfq from ring 0 returns to ring 3 with its SS:RSP", RING3 + LCALL + "ebfe",
                        gate64(KERNEL_CS, 3).andThen(via(GATE | 3)).andThen(m -> m.load(TARGET, "48cb")),
                        "rip=" + (USER + 7) + " cs=0x5b ss=0x23 rsp=0x9000"),
                faults("a DPL 0 gate from ring 3 is #GP(gate)", RING3 + LCALL, gate64(KERNEL_CS, 0).andThen(via(GATE | 3)), 13, GATE),
                faults("a gate that is not present is #NP(gate)", RING3 + LCALL,
                        gate64(GATE, KERNEL_CS, 3, 0xC, false, 0).andThen(via(GATE | 3)), 11, GATE),
                faults("a gate whose upper half has a type is #GP(gate)", RING3 + LCALL,
                        gate64(GATE, KERNEL_CS, 3, 0xC, true, 0xC).andThen(via(GATE | 3)), 13, GATE),
                faults("a 16-bit call gate does not exist in IA-32e mode: #GP(gate)", RING3 + LCALL,
                        gate64(GATE, KERNEL_CS, 3, 0x4, true, 0).andThen(via(GATE | 3)), 13, GATE),
                faults("a gate whose upper half lies past the GDT limit is #GP(gate)", RING3 + LCALL,
                        gate64(0xF8, KERNEL_CS, 3, 0xC, true, 0).andThen(via(0xF8 | 3)), 13, 0xF8),
                faults("a gate to compatibility-mode code is #GP(sel)", RING3 + LCALL,
                        gate64(COMPAT_CS, 3).andThen(via(GATE | 3)).andThen(m -> m.memory.write(GDT + COMPAT_CS, 8, segment(0, 0xFFFFF, 0x9A, 0xC))),
                        13, COMPAT_CS),
                faults("a gate to a data segment is #GP(sel)", RING3 + LCALL, gate64(KERNEL_DS, 3).andThen(via(GATE | 3)), 13, KERNEL_DS),
                faults("ljmp through a gate to ring 0 code from ring 3 is #GP(sel)", RING3 + LJMP,
                        gate64(KERNEL_CS, 3).andThen(via(GATE | 3)), 13, KERNEL_CS),
                faults("a non-canonical RSP0 is #SS(0)", RING3 + LCALL, gate64(KERNEL_CS, 3).andThen(via(GATE | 3)).andThen(m -> {
                    m.memory.write(TSS + 4, 8, 0x8000_0000_0000L);
                    setGate(m, true, 12, 0xE, 0, true, 1);  // #SS on the IST stack: RSP0 cannot take it
                }), 12, 0),
                faults("a 64-bit TSS too short for RSP0 is #TS(tss)", RING3 + LCALL, gate64(KERNEL_CS, 3).andThen(via(GATE | 3)).andThen(m -> {
                    m.memory.write(GDT + TSS_SEL, 8, segment(TSS, 0xA, 0x89, 0));
                    setGate(m, true, 10, 0xE, 0, true, 1);
                }), 10, TSS_SEL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void callsThroughSixteenByteGates(Row row) {
        try (Machine m = new Machine(LongModeSystemTest.ISA, PROLOGUE + row.code.replace(" ", ""))) {
            install(m, true);
            m.memory.write(PSEUDO, 2, 0xFF);
            m.load(TARGET, "ebfe");
            m.memory.write(POINTER, 4, 0);
            row.prepare.accept(m);
            String what = "x86_64 " + row.name;
            VcpuExit exit = m.cpu.run(200);
            if (row.vector < 0) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit);
                m.expect(what, row.expect);
                return;
            }
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("rsp"));
            assertEquals("0x" + Integer.toHexString(row.error), "0x" + Long.toHexString(m.memory.read(sp, 8)), what + ": error code");
            boolean user = row.code.startsWith(RING3);
            assertEquals(user ? 0x5B : KERNEL_CS, m.memory.read(sp + 16, 8), what + ": saved CS (the caller's)");
            if (user) assertEquals(0x9000, m.memory.read(sp + 32, 8), what + ": saved RSP (the caller's, unchanged)");
        }
    }
}
