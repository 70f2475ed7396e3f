package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.VcpuExit;

/**
 * Protected-mode system state of the IA-32 vCPU: LGDT/LIDT/LTR/LLDT, segment loads with their descriptor checks,
 * MOV CRn, IDT delivery (error codes, saved frame, TSS stack switch), IRET, INT n / INT3 / INTO with the gate DPL
 * check, double and triple fault, and hardware interrupts with IF and the STI / MOV SS shadow. Each guest starts
 * with {@link SystemTables#PROLOGUE}, which loads the tables {@link SystemTables#install} wrote.
 */
class ProtectedModeTest {
    static final IsaProvider ISA = new X86IsaProvider();
    static final long START = Machine.CODE + PROLOGUE_LENGTH;
    /** The length of {@link #toRing3}'s code. */
    static final int TO_RING3_LENGTH = 22;
    /** Guest code that IRETs to ring 3 (CS 0x1B, SS, DS and ES 0x23, ESP 0x9000) at {@link #USER}. */
    static final String TO_RING3 = toRing3(START + TO_RING3_LENGTH);

    /**
     * push $0x23; pop %ds; push $0x23; pop %es; push $0x23; push $0x9000; pushf; push $0x1b; push $user; iret
     * ({@link #TO_RING3_LENGTH} bytes). DS and ES get the user data segment first, as an operating system's return to
     * user mode does: the IRET would make a DPL 0 one null, and an access through a null segment is #GP(0).
     */
    static String toRing3(long user) {
        return "6a23" + "1f" + "6a23" + "07" + "6a23" + "6800900000" + "9c" + "6a1b" + "68" + le32(user) + "cf";
    }
    static final long USER = START + TO_RING3_LENGTH;

    static String le32(long v) {
        return String.format("%02x%02x%02x%02x", v & 0xFF, (v >> 8) & 0xFF, (v >> 16) & 0xFF, (v >> 24) & 0xFF);
    }

    static Machine boot(String code) {
        Machine m = new Machine(ISA, PROLOGUE + code.replace(" ", ""));
        SystemTables.install(m, false);
        return m;
    }

    /**
     * An exception row: guest code after the prologue, a preparation, the vector taken, its error code (-1: none)
     * and where the saved EIP points; {@code user} rows run the code at CPL 3 (after {@link #TO_RING3}).
     */
    record Row(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedEip, boolean user) {
        @Override public String toString() { return name; }
    }

    static Row k(String name, String code, int vector, int error, long savedOffset) {
        return new Row(name, code, m -> { }, vector, error, START + savedOffset, false);
    }

    static Row k(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedOffset) {
        return new Row(name, code, prepare, vector, error, START + savedOffset, false);
    }

    static Row u(String name, String code, int vector, int error, long savedOffset) {
        return new Row(name, TO_RING3 + code, m -> { }, vector, error, USER + savedOffset, true);
    }

    static Stream<Row> exceptions() {
        return Stream.of(
                k("ud2 is #UD", "0f0b", 6, -1, 0),
                k("div by zero is #DE", "31c9 f7f1", 0, -1, 2),
                k("int3 is #BP after it", "cc", 3, -1, 1),
                k("into with OF set is #OF after it", "ce", m -> m.set("of=1"), 4, -1, 1),
                k("int $0x40", "cd40", 0x40, -1, 2),
                k("mov of a not-present data segment is #NP(sel)", "66b83000 8ed8", 11, 0x30, 4),
                k("mov ss with RPL != CPL is #GP(sel)", "66b81300 8ed0", 13, 0x10, 4),
                k("mov ss of read-only data is #GP(sel)", "66b84800 8ed0", 13, 0x48, 4),
                k("mov ds of execute-only code is #GP(sel)", "66b85000 8ed8", 13, 0x50, 4),
                k("mov ds past the GDT limit is #GP(sel)", "66b8f800 8ed8", 13, 0xF8, 4),
                k("mov ds of an LDT selector with no LDT is #GP(sel)", "66b80c00 8ed8", 13, 0x0C, 4),
                k("mov ss of a null selector is #GP(0)", "31c0 8ed0", 13, 0, 2),
                k("mov to cs is #UD", "8ec8", 6, -1, 0),
                k("ltr of a busy TSS is #GP(sel)", "0f00d8", 13, 0x28, 0),
                k("lldt of an LDT-relative selector is #GP(sel)", "66b80c00 0f00d0", 13, 0x0C, 4),
                k("lldt of a data segment is #GP(sel)", "66b81000 0f00d0", 13, 0x10, 4),
                k("mov from cr5 is #UD", "0f20e8", 6, -1, 0),
                k("mov to cr4 with a reserved bit is #GP(0)", "b800000100 0f22e0", 13, 0, 5),
                k("mov to cr4 with VME is #GP(0): the CPU model has no VME", "b801000000 0f22e0", 13, 0, 5),
                k("mov to cr4 with PVI is #GP(0)", "b802000000 0f22e0", 13, 0, 5),
                k("int $0x40 through a not-present gate is #NP(idt, EXT=0)", "cd40",
                        m -> setGate(m, false, 0x40, 0xE, 0, false, 0), 11, (0x40 << 3) | 2, 0),
                k("#UD through a not-present gate is #NP(idt, EXT=1)", "0f0b",
                        m -> setGate(m, false, 6, 0xE, 0, false, 0), 11, (6 << 3) | 3, 0),
                k("int $0x40 through a task gate whose selector is not a TSS is #GP(sel)", "cd40",
                        m -> setGate(m, false, 0x40, 0x5, 0, true, 0), 13, KERNEL_CS, 0),
                k("int $0x40 past the IDT limit is #GP(idt)", "cd40",
                        m -> m.memory.write(PSEUDO + 0x10, 2, 0x7F), 13, (0x40 << 3) | 2, 0),
                k("#NP while delivering #NP is a double fault", "0f0b", m -> {
                    setGate(m, false, 6, 0xE, 0, false, 0);
                    setGate(m, false, 11, 0xE, 0, false, 0);
                }, 8, 0, 0),
                u("int $0x30 at CPL 3 through a DPL 0 gate is #GP(vector<<3|2)", "cd30", 13, (0x30 << 3) | 2, 0),
                u("int $0x80 at CPL 3 through a DPL 3 gate", "cd80", 0x80, -1, 2),
                u("int3 at CPL 3 (DPL 3 gate)", "cc", 3, -1, 1),
                u("hlt at CPL 3 is #GP(0)", "f4", 13, 0, 0),
                u("cli at CPL 3 is #GP(0)", "fa", 13, 0, 0),
                u("lgdt at CPL 3 is #GP(0)", "0f011425 00600000", 13, 0, 0),
                u("lidt at CPL 3 is #GP(0)", "0f011c25 10600000", 13, 0, 0),
                u("mov from cr0 at CPL 3 is #GP(0)", "0f20c0", 13, 0, 0),
                u("mov ds of a DPL 0 segment at CPL 3 is #GP(sel)", "66b81000 8ed8", 13, 0x10, 4),
                u("ud2 at CPL 3 is #UD on the ring-0 stack", "0f0b", 6, -1, 0),
                k("ljmp to a data segment is #GP(sel)", "ea00100000 1000", 13, 0x10, 0),
                k("ljmp to a not-present code segment is #NP(sel)", "ea00100000 6000", 11, 0x60, 0),
                k("int $0x40 through a gate to a not-present segment is #NP(sel, EXT=0)", "cd40",
                        m -> m.memory.write(IDT + 8 * 0x40, 8, SystemTables.gate(ABSENT_CS, handler(0x40), 0xE, 0, true)), 11, 0x60, 0),
                k("#UD through a gate to a data segment is #GP(sel, EXT=1)", "0f0b",
                        m -> m.memory.write(IDT + 8 * 6, 8, SystemTables.gate(KERNEL_DS, handler(6), 0xE, 0, true)), 13, 0x11, 0),
                k("mov ds of an LDT selector past the LDT limit is #GP(sel with TI)", "66b83800 0f00d0 66b81c00 8ed8", 13, 0x1C, 11),
                k("iret with NT set and a null back link is #TS(0)", "9c 58 0d00400000 50 9d cf", 10, 0, 9),
                k("ljmp to DPL 3 code at CPL 0 is #GP(sel)", "ea00100000 1b00", 13, 0x18, 0),
                k("lcall to a null selector is #GP(0)", "9a00100000 0000", 13, 0, 0),
                u("ljmp to DPL 0 code at CPL 3 is #GP(sel)", "ea00100000 0800", 13, 0x08, 0),
                k("bound above the upper bound is #BR at the BOUND", "bb00200000 b811000000 6203",
                        m -> m.set("m32[0x2000]=0 m32[0x2004]=0x10"), 5, -1, 10),
                k("bound below the signed lower bound is #BR", "bb00200000 b8ffffffff 6203",
                        m -> m.set("m32[0x2000]=0 m32[0x2004]=0x7fffffff"), 5, -1, 10),
                k("bound (66) compares words", "bb00200000 b880000000 666203",
                        m -> m.set("m16[0x2000]=0 m16[0x2002]=0x7f"), 5, -1, 10),
                k("bound with a register operand is #UD", "62c3", 6, -1, 0),
                u("clts at CPL 3 is #GP(0)", "0f06", 13, 0, 0),
                u("lmsw at CPL 3 is #GP(0)", "0f01f0", 13, 0, 0),
                k("lds of a not-present data segment is #NP(sel)", "bb00200000 c503",
                        m -> m.set("m32[0x2000]=0 m16[0x2004]=0x30"), 11, 0x30, 5),
                k("les of execute-only code is #GP(sel)", "bb00200000 c403",
                        m -> m.set("m32[0x2000]=0 m16[0x2004]=0x50"), 13, 0x50, 5),
                k("lss of a null selector is #GP(0)", "bb00200000 0fb223", m -> m.set("m32[0x2000]=0 m16[0x2004]=0"), 13, 0, 5),
                k("lss of read-only data is #GP(sel)", "bb00200000 0fb223", m -> m.set("m32[0x2000]=0 m16[0x2004]=0x48"), 13, 0x48, 5),
                k("lfs with a register operand is #UD", "0fb4c0", 6, -1, 0),
                u("lgs of a DPL 0 segment at CPL 3 is #GP(sel)", "bb00200000 0fb513", m -> m.set("m32[0x2000]=0 m16[0x2004]=0x10"), 13, 0x10, 5),
                k("mov from dr4 with CR4.DE set is #UD", "0f20e0 83c808 0f22e0 0f21e0", 6, -1, 9),
                k("mov to dr5 with CR4.DE set is #UD", "0f20e0 83c808 0f22e0 0f23e8", 6, -1, 9),
                u("mov from dr0 at CPL 3 is #GP(0)", "0f21c0", 13, 0, 0),
                u("mov to dr7 at CPL 3 is #GP(0)", "0f23f8", 13, 0, 0),
                k("rdpmc at CPL 0 is #GP(0): no counter exists", "31c9 0f33", 13, 0, 2),
                k("rdpmc with CR4.PCE set is #GP(0): no counter exists", "0f20e0 0d00010000 0f22e0 31c9 0f33", 13, 0, 13),
                u("rdpmc at CPL 3 is #GP(0)", "0f33", 13, 0, 0),
                u("in at CPL 3 with IOPL 0 and the I/O map past the TSS limit is #GP(0)", "ec", NO_IO_MAP, 13, 0, 0),
                u("insb at CPL 3 with IOPL 0 and the I/O map past the TSS limit is #GP(0)", "6c", NO_IO_MAP, 13, 0, 0),
                k("movbe with a register operand is #UD", "0f38f0c1", 6, -1, 0),
                k("lock movbe is #UD", "bb00200000 f00f38f103", 6, -1, 5),
                k("f3 0f 38 f0 is #UD", "bb00200000 f30f38f003", 6, -1, 5),
                k("lock crc32 is #UD", "f0f20f38f0c1", 6, -1, 0),
                k("0f 38 00 (pshufb, SSSE3: not in the CPU model) is #UD", "0f3800c1", 6, -1, 0),
                u("rep outsd at CPL 3 with IOPL 0 and the I/O map past the TSS limit is #GP(0)", "f36f", NO_IO_MAP, 13, 0, 0));
    }

    /** The TSS's I/O map base (TSS + 66H) past its limit: no port is allowed by the bitmap. */
    static final Consumer<Machine> NO_IO_MAP = m -> m.memory.write(TSS + 0x66, 2, 0x68);

    /** A user row with a preparation. */
    static Row u(String name, String code, Consumer<Machine> prepare, int vector, int error, long savedOffset) {
        return new Row(name, TO_RING3 + code, prepare, vector, error, USER + savedOffset, true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("exceptions")
    void deliversThroughTheIdt(Row row) {
        try (Machine m = boot(row.code)) {
            row.prepare.accept(m);
            VcpuExit exit = m.cpu.run(100);
            String what = "x86 " + row.name + " [" + row.code + "]";
            assertSame(VcpuExit.HALT, exit, what + ": exit " + exit);
            assertEquals("0x" + Long.toHexString(handler(row.vector) + 1), "0x" + Long.toHexString(m.cpu.pc()), what + ": handler taken");
            long sp = m.cpu.register(m.reg("esp"));
            if (row.error >= 0) {
                assertEquals(row.error, m.memory.read(sp, 4), what + ": error code");
                sp += 4;
            }
            assertEquals("0x" + Long.toHexString(row.savedEip), "0x" + Long.toHexString(m.memory.read(sp, 4)), what + ": saved EIP");
            assertEquals(row.user ? USER_CS : KERNEL_CS, m.memory.read(sp + 4, 4), what + ": saved CS");
            assertEquals(0, m.cpu.register(m.reg("cs")) & 3, what + ": CPL 0 in the handler");
            if (row.user) {
                assertEquals(0x9000, m.memory.read(sp + 12, 4), what + ": saved ESP");
                assertEquals(USER_DS, m.memory.read(sp + 16, 4), what + ": saved SS");
                assertEquals(RING0_STACK, sp + 20, what + ": frame on the TSS's ESP0 stack");
                m.expect(what, "ss=0x10");
            } else {
                assertEquals(Machine.STACK, sp + 12, what + ": frame on the current stack");
            }
            m.expect(what, "if=0 cs=0x8");
        }
    }

    @Test
    void aSixteenBitTssGivesSp0AndSs0FromItsWordSlots() {
        // GDT 0x70: a 16-bit TSS at 0x5100 (SP0 at +2, SS0 at +4); LTR it, then int $0x80 from ring 3
        long user = START + 7 + TO_RING3_LENGTH;
        try (Machine m = boot("66b87000 0f00d8" + toRing3(user) + "cd80")) {
            m.memory.write(PSEUDO, 2, 0x77);
            m.memory.write(GDT + 0x70, 8, SystemTables.segment(0x5100, 0x2B, 0x81, 0));
            m.memory.write(0x5102, 2, 0x8400);
            m.memory.write(0x5104, 2, KERNEL_DS);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 int $0x80 from ring 3 with a 16-bit TSS", "eip=" + (handler(0x80) + 1) + " ss=0x10 esp=" + (0x8400 - 20) + " tr=0x70");
            assertEquals(user + 2, m.memory.read(0x8400 - 20, 4), "x86 16-bit TSS: saved EIP");
        }
    }

    @Test
    void tripleFaultEndsTheVcpu() {
        try (Machine m = boot("0f0b")) {
            setGate(m, false, 6, 0xE, 0, false, 0);
            setGate(m, false, 11, 0xE, 0, false, 0);
            setGate(m, false, 8, 0xE, 0, false, 0);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100));
            assertEquals("triple fault", f.reason());
            assertEquals(START, f.pc());
        }
    }

    @Test
    void faultsDuringDeliveryPastTheIdtLimitEscalateToTripleFault() {
        try (Machine m = boot("cd40")) {
            m.memory.write(PSEUDO + 0x10, 2, 0x3F);  // gates 0-7 only: #GP (13) and #DF (8) are outside too
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100));
            assertEquals("triple fault", f.reason());
        }
    }

    @Test
    void systemRegistersLoadAndStore() {
        try (Machine m = boot("0f010425 00700000  0f010c25 10700000  0f00c8  0f00c1 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 sgdt/sidt/str/sldt", "m16[0x7000]=0x6f m32[0x7002]=0x3000 m16[0x7010]=0x7ff m32[0x7012]=0x4000"
                    + " eax=0x28 ecx=0 tr=0x28 ldtr=0 gdtr_base=0x3000 gdtr_limit=0x6f idtr_base=0x4000 idtr_limit=0x7ff"
                    + " m8[0x302d]=0x8b");
        }
    }

    @Test
    void segmentLoadsSetTheSelectorAndTheAccessedBit() {
        // mov $0x23,%ax; mov %ax,%ds; mov %ds,%ecx; lldt $0x38; mov $0xc,%ax; mov %ax,%fs; mov %fs,(0x7000); hlt
        try (Machine m = boot("66b82300 8ed8 8cd9 66b83800 0f00d0 66b80c00 8ee0 8c242500700000 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 segment loads", "ds=0x23 ecx=0x23 m8[0x3025]=0xf3 ldtr=0x38 fs=0xc m16[0x7000]=0xc m8[0x580d]=0x93");
        }
    }

    @Test
    void controlRegisterMoves() {
        try (Machine m = boot("0f20c0 bb00100000 0f22db 0f20da b810000000 0f22e0 0f20e6 f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 mov crN", "eax=0x10 edx=0x1000 cr3=0x1000 cr4=0x10 esi=0x10");
        }
    }

    @Test
    void pagingWithAnEmptyDirectoryTripleFaults() {
        // CR3 = 0: the page directory is the zero page, so the next fetch, the #PF and the #DF all fault.
        try (Machine m = boot("31c0 0f22d8 0f20c0 0d00000080 0f22c0 90")) {
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100));
            assertEquals("triple fault", f.reason());
        }
    }

    @Test
    void farJumpCallAndReturn() {
        // ljmp $0x8,$A; A: lcall $0x8,$B; hlt; B: lret   (B at A+8)
        long a = START + 7, b = a + 8;
        try (Machine m = boot("ea" + le32(a) + "0800" + "9a" + le32(b) + "0800" + "f4" + "cb")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 ljmp/lcall/lret", "eip=" + (a + 8) + " esp=0x9000 cs=0x8");
        }
        // ljmp *(0x7000) with the far pointer 0x08:target in memory
        try (Machine m = boot("ff2d00700000 f4 f4")) {
            m.memory.write(0x7000, 4, START + 7);
            m.memory.write(0x7004, 2, 0x08);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 ljmp *m16:32", "eip=" + (START + 8));
        }
    }

    @Test
    void badSs0InTheTssIsTsOnTheSs() {
        // SS0 = 0x18 (code): the stack switch of int $0x80 from ring 3 fails with #TS(0x18, EXT=0).
        try (Machine m = boot(TO_RING3 + "cd80")) {
            m.memory.write(TSS + 8, 2, 0x18);
            // #TS goes through conforming code, so it stays at CPL 3 on the user stack and needs no TSS itself.
            m.memory.write(IDT + 8 * 10, 8, SystemTables.gate(CONFORMING_CS, handler(10), 0xE, 0, true));
            m.memory.write(handler(10), 2, 0xFEEB);  // jmp . (a hlt at CPL 3 would fault again)
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(100));
            m.expect("x86 #TS handler at CPL 3", "eip=" + handler(10) + " cs=0x6b esp=" + (0x9000 - 16));
            assertEquals(0x18, m.memory.read(0x9000 - 16, 4), "x86 #TS error code: the SS0 selector");
            assertEquals(USER, m.memory.read(0x9000 - 12, 4), "x86 #TS saved EIP: the int");
        }
        // Without that gate the #TS needs the same stack switch: #TS in #TS is #DF, which fails too: triple fault.
        try (Machine m = boot(TO_RING3 + "cd80")) {
            m.memory.write(TSS + 8, 2, 0x18);
            assertEquals("triple fault", assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(100)).reason());
        }
    }

    @Test
    void sixteenBitInterruptGatePushesAWordFrame() {
        try (Machine m = boot("cd40")) {
            setGate(m, false, 0x40, 0x6, 0, true, 0);  // 16-bit interrupt gate: offset bits 31:16 ignored
            m.memory.write(handler(0x40) & 0xFFFF, 1, 0xF4);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 16-bit gate", "eip=" + ((handler(0x40) & 0xFFFF) + 1) + " esp=" + (Machine.STACK - 6));
            assertEquals(START + 2, m.memory.read(Machine.STACK - 6, 2), "x86 16-bit gate: saved IP");
            assertEquals(KERNEL_CS, m.memory.read(Machine.STACK - 4, 2), "x86 16-bit gate: saved CS");
        }
    }

    @Test
    void farJumpToConformingCodeKeepsTheCpl() {
        // from ring 3: ljmp $0x6b,$target; target: hlt (#GP(0) at CPL 3, CS = 0x6b on the frame)
        long target = USER + 7;
        try (Machine m = boot(TO_RING3 + "ea" + le32(target) + "6b00" + "f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 ljmp to conforming code", "eip=" + (handler(13) + 1));
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(target, m.memory.read(sp + 4, 4), "x86 conforming: saved EIP");
            assertEquals(0x6B, m.memory.read(sp + 8, 4), "x86 conforming: CS keeps RPL = CPL 3");
        }
    }

    @Test
    void farReturnToAnOuterLevel() {
        // push $0x23; push $0x8f00; push $0x1b; push $user; lret; user: hlt (#GP(0) in ring 3)
        long user = START + 2 + 5 + 2 + 5 + 1;
        try (Machine m = boot("6a23 68008f0000 6a1b 68" + le32(user) + "cb f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 lret to ring 3", "eip=" + (handler(13) + 1));
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(0x1B, m.memory.read(sp + 8, 4), "x86 lret: CS on the frame");
            assertEquals(0x8F00, m.memory.read(sp + 16, 4), "x86 lret: ESP on the frame");
        }
    }

    @Test
    void iretReturnsAtTheSameLevel() {
        // pushf; push %cs; push $target; iret; target: hlt
        try (Machine m = boot("9c 0e 68" + le32(START + 8) + "cf f4")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 iret", "eip=" + (START + 9) + " esp=0x9000 cs=0x8");
        }
    }

    @Test
    void iretToRing3AndBackThroughInt80() {
        try (Machine m = boot(TO_RING3 + "b807000000 cd80")) {
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 ring 3 round trip", "eax=7 cs=0x8 ss=0x10 esp=" + (RING0_STACK - 20) + " ds=0x23");
            // IRET back to ring 3 from the handler: the frame the INT pushed is still there.
            m.cpu.setPc(Machine.CODE + 0x800);
            m.memory.write(Machine.CODE + 0x800, 1, 0xCF);
            m.memory.write(USER + 7, 1, 0xF4);  // a HLT after the int: #GP(0) at CPL 3
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 back in ring 3, then hlt there", "eip=" + (handler(13) + 1));
            assertEquals(0, m.memory.read(m.cpu.register(m.reg("esp")), 4));
            assertEquals(USER + 7, m.memory.read(m.cpu.register(m.reg("esp")) + 4, 4));
        }
    }

    @Test
    void externalInterruptWaitsForIfAndTheStiShadow() {
        try (Machine m = boot("fb 90 90 f4")) {
            m.cpu.raiseInterrupt(0x41);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 irq after sti; nop", "eip=" + (handler(0x41) + 1) + " if=0");
            long sp = m.cpu.register(m.reg("esp"));
            assertEquals(START + 2, m.memory.read(sp, 4), "x86 irq: saved EIP is the instruction after the shadow");
            assertEquals(1, (m.memory.read(sp + 8, 4) >> 9) & 1, "x86 irq: saved IF");
        }
        try (Machine m = boot("90 f4")) {
            m.cpu.raiseInterrupt(0x41);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 irq with IF = 0 waits", "eip=" + (START + 2));
        }
    }

    @Test
    void movSsHoldsInterruptsForOneInstruction() {
        try (Machine m = boot("fb 90 66b81000 8ed0 90 f4")) {
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(8));  // prologue (4), sti, nop, mov $0x10,%ax, mov %ax,%ss
            m.cpu.raiseInterrupt(0x42);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            long sp = m.cpu.register(m.reg("esp"));
            m.expect("x86 irq after mov ss", "eip=" + (handler(0x42) + 1));
            assertEquals(START + 9, m.memory.read(sp, 4), "x86 irq: taken after the instruction behind mov ss");
        }
    }

    @Test
    void trapGateKeepsIf() {
        try (Machine m = boot("fb 90 90 f4")) {
            m.cpu.raiseInterrupt(0x81);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 trap gate", "eip=" + (handler(0x81) + 1) + " if=1");
        }
    }

    @Test
    void withoutAnIdtExceptionsStayFatal() {
        try (Machine m = new Machine(ISA, "66b83000 8ed8")) {
            m.memory.write(0x6000, 2, GDT_LIMIT);
            VcpuExit.Fault f = assertInstanceOf(VcpuExit.Fault.class, m.cpu.run(10));
            assertTrue(f.reason().contains("#GP"), f.reason());
        }
    }
}
