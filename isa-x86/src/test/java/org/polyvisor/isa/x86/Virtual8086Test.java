package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.VcpuExit;

/**
 * Virtual-8086 mode without VME (SDM Vol. 3, ch. 20): entered by IRETD at CPL 0 with VM in the popped EFLAGS (the
 * frame adds ESP, SS, ES, DS, FS and GS), segments as paragraphs, 16-bit code at CPL 3; CLI, STI, PUSHF, POPF,
 * INT n and IRET are IOPL-sensitive (#GP(0) below IOPL 3); IN/OUT go by the TSS I/O bitmap whatever IOPL is;
 * exceptions and interrupts leave through a 32-bit gate to DPL 0 code with GS, FS, DS, ES, SS, ESP, EFLAGS, CS,
 * EIP (error code) on TSS.SS0:ESP0 and null data segments; IRETD from the handler returns to virtual-8086 mode.
 * Each row runs its 16-bit code at 2000:0000 (stack 3000:1000, DS 4000, ES 5000, FS 6000, GS 7000) and either
 * arrives ({@code jmp $}, or an exit) with the expected state or takes the expected exception.
 */
class Virtual8086Test {
    static final long CODE = 0x20000, FRAME = 0x7000;
    static final int VM = 1 << 17, IOPL3 = 3 << 12;
    /** mov $FRAME,%esp; iret: at CPL 0, into virtual-8086 mode by the frame the row wrote. */
    static final String ENTER = "bc" + ProtectedModeTest.le32(FRAME) + "cf";

    record Row(String name, String code, int eflags, Consumer<Machine> prepare, int vector, int error, int savedIp, String expect) {
        @Override public String toString() { return name; }
    }

    static Row arrives(String name, String code, int eflags, Consumer<Machine> prepare, String expect) {
        return new Row(name, code, eflags, prepare, -1, 0, 0, expect);
    }

    static Row faults(String name, String code, int eflags, Consumer<Machine> prepare, int vector, int error, int savedIp) {
        return new Row(name, code, eflags, prepare, vector, error, savedIp, "");
    }

    static final Consumer<Machine> NONE = m -> { };
    /** The TSS's I/O bitmap at TSS + 0x68 (all ports allowed) with a limit that covers ports 0-0x3FF. */
    static final Consumer<Machine> IO_MAP = m -> {
        m.memory.write(GDT + TSS_SEL, 8, segment(TSS, 0x68 + 0x80, 0x89, 0));
        m.memory.write(TSS + 0x66, 2, 0x68);
    };

    static Stream<Row> rows() {
        return Stream.of(
                arrives("iretd with VM loads the segments as paragraphs and runs 16-bit code at CPL 3",
                        "8cd8 a31000 ebfe", 0, NONE,
                        "cs=0x2000 eip=5 ss=0x3000 esp=0x1000 ds=0x4000 es=0x5000 fs=0x6000 gs=0x7000 m16[0x40010]=0x4000 eflags=0x20002"),
                arrives("push uses SS:SP", "6a55 ebfe", 0, NONE, "esp=0xffe m16[0x30ffe]=0x55"),
                arrives("mov to ds loads a paragraph", "b80080 8ed8 a31000 ebfe", 0, NONE, "ds=0x8000 m16[0x80010]=0x8000"),
                arrives("ljmp loads CS as a paragraph", "ea05000021 ebfe", 0, m -> m.load(0x21005, "ebfe"), "cs=0x2100 eip=5"),
                arrives("cli at IOPL 3 clears IF", "fa ebfe", IOPL3 | 0x200, NONE, "if=0 eip=1"),
                arrives("sti at IOPL 3 sets IF", "fb ebfe", IOPL3, NONE, "if=1 eip=1"),
                arrives("pushf at IOPL 3 pushes FLAGS", "9c ebfe", IOPL3, NONE, "m16[0x30ffe]=0x3002 esp=0xffe"),
                arrives("popf at IOPL 3 loads the flags but not IOPL", "6a00 6a01 9d 9d ebfe", IOPL3, NONE, "eflags=0x23002 esp=0x1000"),
                arrives("popfd at IOPL 3 leaves VM set", "6a00 66 9d ebfe", IOPL3, NONE, "eflags=0x23002"),
                arrives("iret at IOPL 3 pops IP, CS and FLAGS as words", "9c 0e 680900 cf 90 ebfe ebfe", IOPL3, NONE, "cs=0x2000 eip=9 eflags=0x23002"),
                arrives("int $0x80 at IOPL 3 through a DPL 3 gate, and the handler's iretd returns to virtual-8086 mode",
                        "cd80 66b877770000 ebfe", IOPL3, m -> m.load(handler(0x80), "cf"),
                        "cs=0x2000 eip=8 eax=0x7777 ds=0x4000 es=0x5000 fs=0x6000 gs=0x7000 ss=0x3000 esp=0x1000 eflags=0x23002"),
                faults("cli at IOPL 0 is #GP(0)", "fa", 0, NONE, 13, 0, 0),
                faults("sti at IOPL 0 is #GP(0)", "fb", 0, NONE, 13, 0, 0),
                faults("pushf at IOPL 0 is #GP(0)", "9c", 0, NONE, 13, 0, 0),
                faults("popf at IOPL 0 is #GP(0)", "9d", 0, NONE, 13, 0, 0),
                faults("int $0x21 at IOPL 0 is #GP(0)", "cd21", 0, NONE, 13, 0, 0),
                faults("iret at IOPL 0 is #GP(0)", "cf", 0, NONE, 13, 0, 0),
                faults("int $0x40 at IOPL 3 through a DPL 0 gate is #GP(vector)", "cd40", IOPL3, NONE, 13, (0x40 << 3) | 2, 0),
                faults("int $0x80 at IOPL 3 enters the handler with the virtual-8086 frame", "90 cd80", IOPL3, NONE, 0x80, -1, 3),
                faults("int3 at IOPL 0 is not IOPL-sensitive: #BP through its DPL 3 gate", "cc", 0, NONE, 3, -1, 1),
                faults("hlt is #GP(0) at CPL 3", "f4", IOPL3, NONE, 13, 0, 0),
                faults("ud2 is #UD", "0f0b", 0, NONE, 6, -1, 0),
                faults("lar is #UD", "0f02c0", 0, NONE, 6, -1, 0),
                faults("sldt is #UD", "0f00c0", 0, NONE, 6, -1, 0),
                faults("mov from cr0 is #GP(0)", "0f20c0", 0, NONE, 13, 0, 0),
                faults("out at IOPL 3 with the I/O map past the TSS limit is #GP(0): the bitmap decides", "e680", IOPL3,
                        m -> m.memory.write(TSS + 0x66, 2, 0x68), 13, 0, 0),
                faults("out to a port the bitmap denies is #GP(0)", "e680", IOPL3,
                        IO_MAP.andThen(m -> m.memory.write(TSS + 0x68 + 0x10, 1, 1)), 13, 0, 0),
                faults("an exception whose gate leads to DPL 3 code is #GP(sel|EXT)", "0f0b", 0,
                        m -> m.memory.write(IDT + 8 * 6, 8, gate(USER_CS, handler(6), 0xE, 0, true)), 13, 0x19, 0));
    }

    /** Writes the IRETD frame at {@link #FRAME}: EIP, CS 2000, EFLAGS, ESP 1000, SS 3000, ES 5000, DS 4000, FS 6000, GS 7000. */
    static void frame(Machine m, long eip, int eflags) {
        long[] frame = {eip, 0x2000, VM | 2 | eflags, 0x1000, 0x3000, 0x5000, 0x4000, 0x6000, 0x7000};
        for (int i = 0; i < frame.length; i++) m.memory.write(FRAME + 4L * i, 4, frame[i]);
    }

    static Machine boot(String code, long eip, int eflags) {
        Machine m = new Machine(ProtectedModeTest.ISA, PROLOGUE + ENTER);
        install(m, false);
        m.load(CODE, code.replace(" ", ""));
        frame(m, eip, eflags);
        return m;
    }

    @Test
    void portAccessTheBitmapAllowsLeavesWithAPortExitAtIopl0() {
        try (Machine m = boot("b0a5 e680 ebfe", 0, 0)) {
            IO_MAP.accept(m);
            VcpuExit.PortIo io = assertInstanceOf(VcpuExit.PortIo.class, m.cpu.run(100), "x86 virtual-8086 out $0x80 allowed by the bitmap");
            assertEquals(new VcpuExit.PortIo(0x80, 1, true, 0xA5), io);
        }
    }

    @Test
    void iretdToAnEipBeyondTheSegmentLimitIsGeneralProtectionAtCpl0() {
        try (Machine m = boot("ebfe", 0x10000, 0)) {
            assertEquals(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 iretd to virtual-8086 mode with EIP 0x10000", "eip=" + (handler(13) + 1) + " cs=0x8 ds=0x10 esp=" + (FRAME - 16));
            assertEquals(0, m.cpu.register(m.reg("eflags")) & VM, "x86 VM stays clear after the refused iretd");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void runsInVirtual8086Mode(Row row) {
        try (Machine m = boot(row.code, 0, row.eflags)) {
            row.prepare.accept(m);
            String what = "x86 virtual-8086 " + row.name + " [" + row.code + "]";
            VcpuExit exit = m.cpu.run(100);
            if (row.vector < 0) {
                assertInstanceOf(VcpuExit.BudgetSpent.class, exit, what + ": exit " + exit);
                m.expect(what, row.expect);
                return;
            }
            assertEquals(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(RING0_STACK - (row.error >= 0 ? 40 : 36), sp, what + ": frame on TSS.SS0:ESP0");
            if (row.error >= 0) {
                assertEquals("0x" + Integer.toHexString(row.error), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": error code");
                sp += 4;
            }
            long[] expected = {row.savedIp, 0x2000, -1, 0x1000, 0x3000, 0x5000, 0x4000, 0x6000, 0x7000};
            String[] names = {"EIP", "CS", "EFLAGS", "ESP", "SS", "ES", "DS", "FS", "GS"};
            for (int i = 0; i < expected.length; i++) {
                long actual = m.memory.read(sp + 4L * i, 4);
                if (i == 2) assertEquals(VM, actual & VM, what + ": saved EFLAGS.VM");
                else assertEquals("0x" + Long.toHexString(expected[i]), "0x" + Long.toHexString(actual), what + ": saved " + names[i]);
            }
            m.expect(what, "cs=0x8 ss=0x10 ds=0 es=0 fs=0 gs=0");
            assertEquals(0, m.cpu.register(m.reg("eflags")) & VM, what + ": VM clear in the handler");
        }
    }
}
