package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.PvCalls;
import org.polyvisor.spi.VcpuExit;

/**
 * The x86_32 PV trap, descriptor and CPU-state hypercalls through {@code archHypercall}: set_trap_table and the bounce
 * frames of exceptions, set_gdt, update_descriptor, stack_switch, fpu_taskswitch, vm_assist, iret, physdev_op.
 */
class PvTrapAndCpuTest {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    static final long TABLE = 0x30000, HANDLER = 0x2000;
    static final long CODE32 = 0x00CF9A000000FFFFL, DATA32 = 0x00CF92000000FFFFL, TSS = 0x0000890000000067L;

    static long call(Machine m, int op, long... args) { return m.cpu.archHypercall(op, args); }

    /** A trap table of one entry {vector, flags, cs 0x08, HANDLER} (8 bytes each on x86_32) and its terminator. */
    static long setTrap(Machine m, int vector, int flags) {
        m.memory.write(TABLE, 4, vector | flags << 8 | 0x08 << 16);
        m.memory.write(TABLE + 4, 4, HANDLER);
        m.memory.write(TABLE + 8, 8, 0);
        return call(m, 0, TABLE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "ud2 (no error code), 0f0b, 6, 0x1000, -1",
        "mov to ds of a selector past the GDT (#GP with error code), 66b83412 8ed8, 13, 0x1004, 0x1234",
        "int3 (a trap: after the instruction), cc, 3, 0x1001, -1"})
    void exceptionsBounceWithTheSameRingFrame(String what, String code, int vector, String saved, long error) {
        try (Machine m = new Machine(ISA, code.replace(" ", ""))) {
            m.load(HANDLER, "f4");
            assertEquals(0, setTrap(m, vector, 3), what + ": set_trap_table");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), what + ": the handler ran");
            long esp = m.cpu.register(m.reg("esp"));
            int e = error >= 0 ? 4 : 0;
            assertEquals(Machine.STACK - 12 - e, esp, what + ": esp");
            if (error >= 0) assertEquals(error & 0xFFFC, m.memory.read(esp, 4), what + ": error code");
            long returnIp = Long.decode(saved);
            assertEquals(returnIp, m.memory.read(esp + e, 4), what + ": saved eip");
            assertEquals(0x10008, m.memory.read(esp + e + 4, 4), what + ": saved cs with the event mask (IF was 0)");
            assertEquals(2, m.memory.read(esp + e + 8, 4) & 0x202, what + ": saved eflags");
        }
    }

    @ParameterizedTest(name = "TI flags {0}: IF after the bounce {1}")
    @CsvSource({"0, 512", "4, 0"})
    void tiGetIfMasksEvents(int flags, long ifAfter) {
        try (Machine m = new Machine(ISA, "fb0f0b")) {  // sti; ud2
            m.load(HANDLER, "f4");
            assertEquals(0, setTrap(m, 6, flags), "set_trap_table");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            assertEquals(ifAfter, m.cpu.register(m.reg("eflags")) & 0x200, "IF in the handler");
        }
    }

    @Test
    void anExceptionWithoutAHandlerCrashesTheGuest() {
        try (Machine m = new Machine(ISA, "0f0b")) {
            assertEquals(0, setTrap(m, 3, 3), "set_trap_table for #BP only");
            VcpuExit e = m.cpu.run(10);
            assertTrue(e instanceof VcpuExit.Fault f && f.reason().contains("no handler in the PV trap table"), "exit: " + e);
        }
    }

    @Test
    void softwareInterruptNeedsTheDpl() {
        try (Machine m = new Machine(ISA, "cd80")) {
            m.load(HANDLER, "f4");
            m.memory.write(TABLE, 4, 0x80 | 0x08 << 16);   // int 0x80, DPL 0
            m.memory.write(TABLE + 4, 4, HANDLER);
            m.memory.write(TABLE + 8, 4, 13 | 0x08 << 16);  // #GP
            m.memory.write(TABLE + 12, 4, HANDLER + 1);
            m.memory.write(TABLE + 16, 8, 0);
            m.load(HANDLER + 1, "f4");
            assertEquals(0, call(m, 0, TABLE), "set_trap_table");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            assertEquals(HANDLER + 1, m.cpu.pc(), "DPL 0 >= CPL 0: int 0x80 enters its handler");
        }
    }

    @Test
    void setTrapTableArguments() {
        try (Machine m = new Machine(ISA, "0f0b")) {
            assertEquals(-14, call(m, 0, 0xfff00000L), "a wild table");
            assertEquals(0, setTrap(m, 6, 0), "one entry");
            assertEquals(0, call(m, 0, 0), "null clears the table");
            VcpuExit e = m.cpu.run(10);
            assertTrue(e instanceof VcpuExit.Fault f && !f.reason().contains("trap table"), "cleared: " + e);
        }
    }

    /** A GDT page at frame 0x40: null, flat code, flat data and {@code extra} as entry 3. */
    static Machine gdt(long extra) {
        Machine m = new Machine(ISA, "f4");
        m.memory.write(0x40008, 8, CODE32);
        m.memory.write(0x40010, 8, DATA32);
        m.memory.write(0x40018, 8, extra);
        m.memory.write(0x31000, 4, 0x40);
        m.memory.write(0x31004, 4, 0x42);
        return m;
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "code and data, 0, 0x31000, 4, 0",
        "a TSS descriptor, 0x0000890000000067, 0x31000, 4, -22",
        "a not-present TSS descriptor, 0x0000090000000067, 0x31000, 4, 0",
        "a 64-bit code segment, 0x00AF9A000000FFFF, 0x31000, 4, -22",
        "a call gate, 0x0000EC0000081000, 0x31000, 4, 0",
        "a call gate to the null selector, 0x0000EC0000001000, 0x31000, 4, -22",
        "too many entries, 0, 0x31000, 7169, -22",
        "frames not consecutive, 0, 0x31000, 1024, -22",
        "a wild frame list, 0, 0xfff00000, 4, -14"})
    void setGdt(String what, String extra, String list, long entries, long expected) {
        try (Machine m = gdt(Long.decode(extra))) {
            assertEquals(expected, call(m, 2, Long.decode(list), entries), what);
            if (expected == 0) {
                assertEquals(0x40000, m.cpu.register(m.reg("gdtr_base")), what + ": GDTR base");
                assertEquals(PageTypes.SEG_DESC, ((X86Vcpu) m.cpu).pv().pageTypes().typeOf(0x40), what + ": the frame's type");
            }
        }
    }

    @Test
    void aGdtFrameIsNeverWritable() {
        try (Machine m = PvMmuTest.tables()) {
            m.memory.write(0x40008, 8, CODE32);
            m.memory.write(0x31000, 4, 0x40);
            assertEquals(0, PvCalls.ext(m, 5, PvMmuTest.L3, 0), "NEW_BASEPTR: the L1 maps frame 0x40 writable");
            assertEquals(-22, call(m, 2, 0x31000, 2), "set_gdt of a frame mapped writable");
            assertEquals(0, PvCalls.update(m, (PvMmuTest.L1 << 12) + 8 * 0x40, 0x40001), "map it read-only");
            assertEquals(0, call(m, 2, 0x31000, 2), "set_gdt");
            assertEquals(-16, PvCalls.update(m, (PvMmuTest.L1 << 12) + 8 * 0x40, 0x40003), "map the GDT writable");
            assertEquals(0, call(m, 10, 0x40010, 0, DATA32 & 0xFFFFFFFFL, DATA32 >>> 32), "update_descriptor in the GDT");
            assertEquals(DATA32, m.memory.read(0x40010, 8), "the descriptor");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a data segment, 0x50008, 0x00CF9200, 0",
        "misaligned, 0x50004, 0x00CF9200, -22",
        "a TSS, 0x50008, 0x00008900, -22",
        "outside RAM, 0x4000008, 0x00CF9200, -22"})
    void updateDescriptor(String what, String ma, String high, long expected) {
        try (Machine m = new Machine(ISA, "f4")) {
            long addr = Long.decode(ma);
            assertEquals(expected, call(m, 10, addr, 0, 0x0000FFFF, Long.decode(high)), what);
            if (expected == 0) assertEquals(Long.decode(high) << 32 | 0xFFFF, m.memory.read(addr, 8), what + ": written");
        }
    }

    @Test
    void updateDescriptorInAPageTable() {
        try (Machine m = PvMmuTest.tables()) {
            assertEquals(0, PvCalls.ext(m, 0, PvMmuTest.L1, 0), "PIN_L1_TABLE");
            assertEquals(-22, call(m, 10, (PvMmuTest.L1 << 12) + 8, 0xFFFF, 0, 0x00CF9200), "a descriptor into a pinned L1");
        }
    }

    @ParameterizedTest(name = "vm_assist({0}, {1}) = {2}")
    @CsvSource({"0, 2, 0, 4", "0, 5, 0, 32", "1, 2, 0, 0", "0, 6, -22, 0", "0, 32, -22, 0", "2, 2, -38, 0"})
    void vmAssist(long cmd, long type, long expected, long bits) {
        try (Machine m = new Machine(ISA, "f4")) {
            if (cmd == 1) call(m, 21, 0, type);
            assertEquals(expected, call(m, 21, cmd, type), "result");
            assertEquals(bits, ((X86Vcpu) m.cpu).callbacks().vmAssist, "vm_assist bits");
        }
    }

    @ParameterizedTest(name = "set_iopl({0}) = {1}")
    @CsvSource({"3, 0, 0x3000", "1, 0, 0x1000", "4, -22, 0"})
    void physdevSetIopl(long iopl, long expected, String flags) {
        try (Machine m = new Machine(ISA, "f4")) {
            m.memory.write(0x31000, 4, iopl);
            assertEquals(expected, call(m, 33, 6, 0x31000), "PHYSDEVOP_set_iopl");
            assertEquals(Long.decode(flags).longValue(), m.cpu.register(m.reg("eflags")) & 0x3000, "EFLAGS.IOPL");
            assertEquals(-14, call(m, 33, 6, 0xfff00000L), "a wild argument");
            assertEquals(-38, call(m, 33, 7, 0x31000), "PHYSDEVOP_set_iobitmap");
        }
    }

    @Test
    void cpuStateCalls() {
        try (Machine m = new Machine(ISA, "f4")) {
            X86Vcpu x = (X86Vcpu) m.cpu;
            assertEquals(0, call(m, 3, 0x10, 0x7000), "stack_switch");
            assertEquals(0x10, x.callbacks().kernelSs, "kernel_ss");
            assertEquals(0x7000, x.callbacks().kernelSp, "kernel_sp");
            assertEquals(0, call(m, 5, 1), "fpu_taskswitch(1)");
            assertEquals(8, m.cpu.register(m.reg("cr0")) & 8, "CR0.TS set");
            assertEquals(0, call(m, 5, 0), "fpu_taskswitch(0)");
            assertEquals(0, m.cpu.register(m.reg("cr0")) & 8, "CR0.TS clear");
            assertEquals(-38, call(m, 25, 0, 0x1000), "set_segment_base is x86_64's");
        }
    }

    /** ud2; .ascii "xen"; cpuid; hlt */
    static final String FORCED_CPUID = "0f0b78656e0fa2f4";

    @ParameterizedTest(name = "forced-emulation CPUID leaf {0}")
    @CsvSource({
        "0x40000000, 0x40000005, 0x566e6558, 0x65584d4d, 0x4d4d566e",
        "0x40000001, 0x40013, 0, 0, 0",
        "0x40000002, 1, 0x40000000, 0, 0",
        "0x40000004, 0, 0, 0, 0"})
    void forcedEmulationPrefixGivesThePvCpuidView(String leaf, String a, String b, String c, String d) {
        try (Machine m = new Machine(ISA, FORCED_CPUID)) {
            m.set("eax=" + leaf + " ecx=0");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "leaf " + leaf + ": emulated, then hlt");
            m.expect("leaf " + leaf, "eax=" + a + " ebx=" + b + " ecx=" + c + " edx=" + d + " eip=0x1008");
        }
    }

    /** Leaf 1: the vCPU's own features (whatever the interpreter reports) without PSE (bit 3) and PSE-36 (bit 17). */
    @Test
    void forcedEmulationLeafOneIsThePlainOneWithoutSuperpages() {
        try (Machine plain = new Machine(ISA, "0fa2f4"); Machine m = new Machine(ISA, FORCED_CPUID)) {
            plain.set("eax=1 ecx=0");
            m.set("eax=1 ecx=0");
            assertInstanceOf(VcpuExit.Halt.class, plain.cpu.run(10), "plain cpuid");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "forced-emulation cpuid");
            for (String r : new String[] {"eax", "ebx", "ecx"})
                assertEquals(plain.cpu.register(plain.reg(r)), m.cpu.register(m.reg(r)), "leaf 1 " + r);
            long edx = plain.cpu.register(plain.reg("edx"));
            assertEquals(8L | 1L << 17, edx & (8L | 1L << 17), "the plain view has PSE and PSE-36");
            assertEquals(edx & ~(8L | 1L << 17), m.cpu.register(m.reg("edx")), "leaf 1 edx without PSE and PSE-36");
        }
    }

    @Test
    void aPlainUd2IsStillUndefined() {
        try (Machine m = new Machine(ISA, "0f0b78656e9090f4")) {  // "xen" but no cpuid after it
            VcpuExit e = m.cpu.run(10);
            assertTrue(e instanceof VcpuExit.Fault f && f.reason().contains("undefined"), "exit: " + e);
        }
    }

    @Test
    void plainCpuidHidesXensLeaves() {
        try (Machine m = new Machine(ISA, "0fa2f4")) {
            m.set("eax=0x40000000");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10));
            m.expect("plain CPUID 0x40000000", "eax=0 ebx=0 ecx=0 edx=0");
        }
    }

    @Test
    void iretPopsEaxThenReturnsThroughTheFrame() {
        try (Machine m = gdt(0)) {
            assertEquals(0, call(m, 2, 0x31000, 3), "set_gdt: flat code at 0x08");
            long sp = Machine.STACK - 16;
            m.set("esp=" + sp);
            m.memory.write(sp, 4, 0x1234);        // eax
            m.memory.write(sp + 4, 4, 0x3000);    // eip
            m.memory.write(sp + 8, 4, 0x08);      // cs
            m.memory.write(sp + 12, 4, 0x246);    // eflags
            assertEquals(0x1234, call(m, 23), "iret answers the saved eax");
            assertEquals(0x3000, m.cpu.pc(), "eip");
            assertEquals(Machine.STACK, m.cpu.register(m.reg("esp")), "esp");
            assertEquals(0x246, m.cpu.register(m.reg("eflags")) & 0xFFF, "eflags");
            m.set("esp=0xfffffff0");
            assertEquals(-14, call(m, 23), "a frame outside memory");
        }
    }
}
