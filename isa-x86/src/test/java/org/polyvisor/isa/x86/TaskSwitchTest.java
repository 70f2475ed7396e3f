package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.ProtectedModeTest.START;
import static org.polyvisor.isa.x86.ProtectedModeTest.USER;
import static org.polyvisor.isa.x86.ProtectedModeTest.toRing3;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Task switches with 32-bit TSSs (SDM Vol. 3, 8.3): JMP and CALL to a TSS descriptor or a task gate, INT n and
 * the double fault through IDT task gates, IRET with NT back to the previous task; the old task's state saved
 * in its TSS, busy bits, the back link and NT, CR0.TS; and the checks: busy or absent TSSs, the DPL of TSS
 * descriptors and task gates, a TSS below 67H, a task gate naming an LDT selector, a task return with a null
 * link, and a bad CS in the new task, which faults in the new task.
 */
class TaskSwitchTest {
    static final int TSS2_SEL = 0x70, TASK_GATE = 0x78;
    static final long TSS2 = 0x5100, TARGET = 0x20000, TASK_STACK = 0x7000;

    static String lcall(int sel) { return "9a00000000" + String.format("%02x%02x", sel & 0xFF, sel >> 8); }
    static String ljmp(int sel) { return "ea00000000" + String.format("%02x%02x", sel & 0xFF, sel >> 8); }

    /** The second task: EIP TARGET, ESP TASK_STACK, EAX 0x1234, kernel CS and data segments. */
    static void secondTask(Machine m, int access, long limit) {
        m.memory.write(GDT + TSS2_SEL, 8, segment(TSS2, limit, access, 0));
        m.memory.write(GDT + TASK_GATE, 8, gate(TSS2_SEL, 0, 0x5, 3, true));
        m.memory.write(TSS2 + 0x20, 4, TARGET);
        m.memory.write(TSS2 + 0x24, 4, 2);
        m.memory.write(TSS2 + 0x28, 4, 0x1234);
        m.memory.write(TSS2 + 0x38, 4, TASK_STACK);
        int[] sels = {KERNEL_DS, KERNEL_CS, KERNEL_DS, KERNEL_DS, 0, 0};
        for (int i = 0; i < 6; i++) m.memory.write(TSS2 + 0x48 + 4L * i, 2, sels[i]);
    }

    record Row(String name, String code, Consumer<Machine> prepare, String targetCode, int vector, int error, long savedEip, String expect) {
        @Override public String toString() { return name; }
    }

    static Row arrives(String name, String code, Consumer<Machine> prepare, String targetCode, String expect) {
        return new Row(name, code, prepare, targetCode, -1, 0, 0, expect);
    }

    static Row faults(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedEip) {
        return new Row(name, code, prepare, "ebfe", vector, error, savedEip, "");
    }

    static final Consumer<Machine> NONE = m -> { };

    static Stream<Row> rows() {
        String oldTss = " m32[0x5020]=" + (START + 7);
        return Stream.of(
                arrives("ljmp to an available TSS", ljmp(TSS2_SEL), NONE, "ebfe",
                        "eip=" + TARGET + " tr=0x70 cs=0x8 ss=0x10 esp=" + TASK_STACK + " eax=0x1234" + oldTss
                                + " m8[" + (GDT + 0x2D) + "]=0x89 m8[" + (GDT + TSS2_SEL + 5) + "]=0x8b eflags=0x2"),
                arrives("lcall to a TSS nests: back link, NT, the old task stays busy", lcall(TSS2_SEL), NONE, "ebfe",
                        "eip=" + TARGET + " tr=0x70 m16[" + TSS2 + "]=0x28 m8[" + (GDT + 0x2D) + "]=0x8b eflags=0x4002" + oldTss),
                arrives("lcall through a task gate in the GDT", lcall(TASK_GATE), NONE, "ebfe",
                        "eip=" + TARGET + " tr=0x70 m16[" + TSS2 + "]=0x28 eflags=0x4002"),
                arrives("iret with NT returns to the caller's task and frees the callee", lcall(TSS2_SEL) + "ebfe", NONE, "cf",
                        "eip=" + (START + 7) + " tr=0x28 cs=0x8 esp=" + Machine.STACK + " m8[" + (GDT + TSS2_SEL + 5) + "]=0x89"
                                + " m8[" + (GDT + 0x2D) + "]=0x8b m32[" + (TSS2 + 0x20) + "]=" + (TARGET + 1)),
                arrives("int $0x40 through a task gate in the IDT", "cd40",
                        m -> m.memory.write(IDT + 8 * 0x40, 8, gate(TSS2_SEL, 0, 0x5, 0, true)), "ebfe",
                        "eip=" + TARGET + " tr=0x70 m16[" + TSS2 + "]=0x28 m32[0x5020]=" + (START + 2)),
                arrives("a double fault through a task gate: the new task gets error code 0 on its stack", "0f0b", m -> {
                    setGate(m, false, 6, 0xE, 0, false, 0);
                    setGate(m, false, 11, 0xE, 0, false, 0);
                    m.memory.write(IDT + 8 * 8, 8, gate(TSS2_SEL, 0, 0x5, 0, true));
                }, "ebfe", "eip=" + TARGET + " tr=0x70 esp=" + (TASK_STACK - 4) + " m32[" + (TASK_STACK - 4) + "]=0 m32[0x5020]=" + START),
                faults("ljmp to the busy current TSS is #GP(tss)", ljmp(TSS_SEL), NONE, 13, TSS_SEL, START),
                faults("ljmp to a TSS that is not present is #NP(tss)", ljmp(TSS2_SEL), m -> secondTask(m, 0x09, 0x67), 11, TSS2_SEL, START),
                faults("ljmp to a TSS with a limit below 67H is #TS(tss)", ljmp(TSS2_SEL), m -> secondTask(m, 0x89, 0x60), 10, TSS2_SEL, START),
                faults("ljmp to a DPL 0 TSS from ring 3 is #GP(tss)", toRing3(USER) + ljmp(TSS2_SEL | 3), NONE, 13, TSS2_SEL, USER),
                faults("a task gate naming an LDT selector is #GP(sel)", lcall(TASK_GATE),
                        m -> m.memory.write(GDT + TASK_GATE, 8, gate(TSS2_SEL | 4, 0, 0x5, 3, true)), 13, TSS2_SEL | 4, START),
                faults("a task gate that is not present is #NP(gate)", lcall(TASK_GATE),
                        m -> m.memory.write(GDT + TASK_GATE, 8, gate(TSS2_SEL, 0, 0x5, 3, false)), 11, TASK_GATE, START),
                faults("iret with NT and a null back link is #TS(0)", "9c 58 0d00400000 50 9d cf", NONE, 10, 0, START + 9),
                faults("a new task whose CS is a data segment: #TS(sel) in the new task, at its EIP", ljmp(TSS2_SEL),
                        m -> m.memory.write(TSS2 + 0x4C, 2, KERNEL_DS), 10, KERNEL_DS, TARGET));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void switchesTasks(Row row) {
        try (Machine m = ProtectedModeTest.boot(row.code)) {
            m.memory.write(PSEUDO, 2, 0xFF);
            secondTask(m, 0x89, 0x67);
            m.load(TARGET, row.targetCode);
            row.prepare.accept(m);
            String what = "x86 task switch: " + row.name;
            VcpuExit exit = m.cpu.run(200);
            if (row.vector < 0) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit + " at 0x" + Long.toHexString(m.cpu.pc()));
                m.expect(what, row.expect);
                return;
            }
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals("0x" + Integer.toHexString(row.error), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": error code");
            assertEquals("0x" + Long.toHexString(row.savedEip), "0x" + Long.toHexString(m.memory.read(sp + 4, 4)), what + ": saved EIP");
        }
    }
}
