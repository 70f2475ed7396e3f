package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.polyvisor.isa.x86.testing.PvCalls.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.exec.X86Vcpu;
import org.polyvisor.isa.x86.pv.PageTypes;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;

/**
 * The x86_64 PV arch hypercalls through {@link Vcpu#archHypercall}: four-level direct paging (an L4 at 0x20000, L3
 * 0x21000, L2 0x22000 and L1 0x23000 mapping the first MiB 1:1, the table pages read-only), Xen's reserved L4 slots,
 * the 24-byte mmuext_op, set_segment_base, the iret frame, and the 64-bit bounce frame from kernel and user mode.
 */
class PvHypercalls64Test {
    private static final X86_64IsaProvider ISA = new X86_64IsaProvider();
    static final long L4 = 0x20, L3 = 0x21, L2 = 0x22, L1 = 0x23;
    static final long PSE = 0x80;
    static final long TABLE = 0x31000, HANDLER = 0x2000, GDT = 0x40;

    static Machine tables(String code) {
        Machine m = new Machine(ISA, code);
        identityTables(m, L4, L3, L2, L1);
        return m;
    }

    @Test
    void fourLevelBasePointer() {
        try (Machine m = tables("f4")) {
            assertEquals(0, ext(m, 5, L4, 0), "NEW_BASEPTR");
            int[] expect = {PageTypes.L4, PageTypes.L3, PageTypes.L2, PageTypes.L1};
            long[] frames = {L4, L3, L2, L1};
            for (int i = 0; i < 4; i++) assertEquals(expect[i], types(m).typeOf(frames[i]), "type of 0x" + Long.toHexString(frames[i]));
            assertEquals(0x45678, m.cpu.translate(0x45678, false), "1:1 through four levels");
            assertEquals(0, ext(m, 15, L4, 0), "NEW_USER_BASEPTR of the same L4");
            assertEquals(L4, ((X86Vcpu) m.cpu).pv().userBase(), "user base");
            assertEquals(2, types(m).countOf(L4), "L4: base and user base");
            assertEquals(0, ext(m, 15, 0, 0), "NEW_USER_BASEPTR 0: none");
            assertEquals(1, types(m).countOf(L4), "L4: the base");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a present entry in Xen's L4 slot 256, 0x20800, 0x21007, -22",
        "a present entry in Xen's L4 slot 271, 0x20878, 0x21007, -22",
        "L4 slot 272 pointing at the L3 again, 0x20880, 0x21007, 0",
        "a superpage in the L2, 0x22008, 0x200087, -22",
        "an L3 entry outside RAM, 0x21008, 0x40000007, -22",
        "an L1 mapping the L4 writable, 0x23800, 0x20003, -16"})
    void validationOfTheTree(String what, String at, String entry, long expected) {
        try (Machine m = tables("f4")) {
            m.memory.write(Long.decode(at), 8, Long.decode(entry));
            assertEquals(expected, ext(m, 5, L4, 0), what);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "L4 slot 256, 0x20800, 0x50007, -22",
        "L4 slot 1 to a page the L1 maps writable, 0x20008, 0x50007, -22",
        "L4 slot 1 to an empty page the L1 maps read-only, 0x20008, 0x21007, 0",
        "L4 slot 1 to the L1 as an L3, 0x20008, 0x23007, -22",
        "L1 entry with the NX bit, 0x23400, 0x8000000000080003, 0",
        "L1 entry to a frame above RAM, 0x23400, 0x80000003, -1"})
    void mmuUpdateOfThePinnedTree(String what, String at, String entry, long expected) {
        try (Machine m = tables("f4")) {
            assertEquals(0, ext(m, 3, L4, 0), "PIN_L4_TABLE");
            assertEquals(expected, update(m, Long.decode(at), Long.parseUnsignedLong(entry.substring(2), 16)), what);
        }
    }

    @Test
    void updateVaMappingTakesA64BitEntry() {
        try (Machine m = tables("f4")) {
            assertEquals(0, ext(m, 5, L4, 0), "NEW_BASEPTR");
            assertEquals(0, call(m, 14, 0x80000, 0x8000000000090003L, 2), "update_va_mapping with NX, UVMF_INVLPG");
            assertEquals(0x90010, m.cpu.translate(0x80010, false), "the new mapping");
            assertEquals(-22, call(m, 14, 0x0000800000000000L, 0x90003, 0), "a non-canonical address");
            assertEquals(-22, call(m, 14, 0x0000008000000000L, 0x90003, 0), "an address no L4 entry maps");
        }
    }

    @ParameterizedTest(name = "set_segment_base({0}, {1}) = {2}")
    @CsvSource({
        "0, 0x7f0000001000, 0",
        "1, 0x7f0000002000, 0",
        "2, 0xffff800000003000, 0",
        "0, 0x0000800000000000, -22",
        "5, 0x1000, -22"})
    void setSegmentBase(int which, String base, long expected) {
        try (Machine m = new Machine(ISA, "f4")) {
            long b = Long.parseUnsignedLong(base.substring(2), 16);
            assertEquals(expected, call(m, 25, which, b), "result");
            var s = ((X86Vcpu) m.cpu).state();
            long got = switch (which) { case 0 -> s.segBase[4]; case 1 -> s.kernelGsBase; case 2 -> s.segBase[5]; default -> 0; };
            assertEquals(expected == 0 ? b : 0, got, "the base");
        }
    }

    @Test
    void setSegmentBaseUserSelector() {
        try (Machine m = withGdt("f4")) {
            var s = ((X86Vcpu) m.cpu).state();
            s.segBase[5] = 0x5000;
            assertEquals(0, call(m, 25, 3, 0x23), "SEGBASE_GS_USER_SEL 0x23");
            assertEquals(0x23, s.seg[5], "GS selector");
            assertEquals(0x5000, s.segBase[5], "the kernel's GS base stays");
            assertEquals(0, s.kernelGsBase, "the user GS base: the descriptor's");
            assertEquals(0, call(m, 25, 3, 0x1234), "a selector past the GDT");
            assertEquals(0, s.seg[5], "a null GS instead");
        }
    }

    /** A GDT at frame 0x40: kernel code 0x08 and data 0x10, user code 0x1b and data 0x23, set with set_gdt. */
    static Machine withGdt(String code) {
        Machine m = new Machine(ISA, code);
        long[] d = {0, 0x00AF9A000000FFFFL, 0x00CF92000000FFFFL, 0x00AFFA000000FFFFL, 0x00CFF2000000FFFFL};
        for (int i = 0; i < d.length; i++) m.memory.write((GDT << 12) + 8L * i, 8, d[i]);
        m.memory.write(0x32000, 8, GDT);
        assertEquals(0, call(m, 2, 0x32000, d.length), "set_gdt");
        return m;
    }

    @ParameterizedTest(name = "iret flags 0x{0}")
    @CsvSource({"0, 0x1111, 0x2222", "100, 0x3333, 0x4444"})
    void iretRestoresTheContext(String flags, String r11, String rcx) {
        try (Machine m = withGdt("f4")) {
            long sp = Machine.STACK - 72;
            m.set("rsp=" + sp + " r11=0x3333 rcx=0x4444");
            long[] frame = {0x55, 0x1111, 0x2222, Long.parseLong(flags, 16), 0x3000, 0x08, 0x246, 0x8800, 0x10};
            for (int i = 0; i < frame.length; i++) m.memory.write(sp + 8L * i, 8, frame[i]);
            assertEquals(0x55, call(m, 23), "iret answers the saved rax");
            assertEquals(0x3000, m.cpu.pc(), "rip");
            assertEquals(0x8800, m.cpu.register(m.reg("rsp")), "rsp");
            assertEquals(Long.decode(r11).longValue(), m.cpu.register(m.reg("r11")), "r11");
            assertEquals(Long.decode(rcx).longValue(), m.cpu.register(m.reg("rcx")), "rcx");
        }
    }

    @Test
    void iretRefusesABadFrame() {
        try (Machine m = withGdt("f4")) {
            long sp = Machine.STACK - 72;
            m.set("rsp=" + sp);
            long[] frame = {0x55, 0, 0, 0, 0x3000, 0x38, 0x246, 0x8800, 0x10};  // cs past the GDT
            for (int i = 0; i < frame.length; i++) m.memory.write(sp + 8L * i, 8, frame[i]);
            assertEquals(-22, call(m, 23), "iret to a selector past the GDT");
            assertEquals(sp, m.cpu.register(m.reg("rsp")), "rsp unchanged");
            m.set("rsp=0x0000800000000000");
            assertEquals(-14, call(m, 23), "a non-canonical stack");
        }
    }

    /** Registers handler HANDLER (hlt) for {@code vector}: trap_info is 16 bytes, address at 8. */
    static void trap(Machine m, int vector) {
        m.memory.write(TABLE, 8, vector | 0x3L << 8 | 0x08L << 16);
        m.memory.write(TABLE + 8, 8, HANDLER);
        m.memory.write(TABLE + 16, 8, 0);
        m.memory.write(TABLE + 24, 8, 0);
        assertEquals(0, call(m, 0, TABLE), "set_trap_table");
        m.load(HANDLER, "f4");
    }

    @Test
    void exceptionFromTheKernelBouncesWithXensFrame() {
        try (Machine m = new Machine(ISA, "0f0b")) {
            m.set("rsp=0x8ff8 rcx=0xc1 r11=0x11");
            trap(m, 6);
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "the #UD handler ran");
            long a = 0x8ff0;  // rsp aligned down to 16
            long[] expect = {0xc1, 0x11, 0x1000, 0x08 | 1L << 32, 2, 0x8ff8, 0x10};
            String[] names = {"rcx", "r11", "rip", "cs | mask", "rflags", "rsp", "ss"};
            long rsp = m.cpu.register(m.reg("rsp"));
            assertEquals(a - 56, rsp, "rsp after the bounce");
            for (int i = 0; i < expect.length; i++) assertEquals(expect[i], m.memory.read(rsp + 8L * i, 8) & (i == 4 ? 0x202 : -1), names[i]);
        }
    }

    @Test
    void exceptionFromUserModeSwitchesToTheKernelStack() {
        try (Machine m = withGdt("f4")) {
            m.load(0x5000, "0f0b");                     // user code: ud2
            trap(m, 6);
            assertEquals(0, call(m, 3, 0x10, 0x9800), "stack_switch");
            long sp = Machine.STACK - 72;
            m.set("rsp=" + sp);
            long[] frame = {0, 0, 0, 0, 0x5000, 0x1b, 0x202, 0x7000, 0x23};
            for (int i = 0; i < frame.length; i++) m.memory.write(sp + 8L * i, 8, frame[i]);
            assertEquals(0, call(m, 23), "iret to user mode");
            assertEquals(3, m.cpu.register(m.reg("cs")) & 3, "CPL 3");
            assertInstanceOf(VcpuExit.Halt.class, m.cpu.run(10), "the #UD handler ran");
            assertEquals(0x08, m.cpu.register(m.reg("cs")), "kernel code segment");
            long rsp = m.cpu.register(m.reg("rsp"));
            assertEquals(0x9800 - 56, rsp, "on kernel_sp");
            assertEquals(0x5000, m.memory.read(rsp + 16, 8), "saved rip");
            assertEquals(0x1b, m.memory.read(rsp + 24, 8), "saved cs (events were enabled: mask 0)");
            assertEquals(0x7000, m.memory.read(rsp + 40, 8), "saved user rsp");
            assertEquals(0x23, m.memory.read(rsp + 48, 8), "saved user ss");
        }
    }

    @Test
    void setTrapTableRefusesANonCanonicalHandler() {
        try (Machine m = new Machine(ISA, "f4")) {
            m.memory.write(TABLE, 8, 6);
            m.memory.write(TABLE + 8, 8, 0x0000800000000000L);
            assertEquals(-22, call(m, 0, TABLE), "set_trap_table");
        }
    }

    @Test
    void callbacksAreReachableAsArchHypercalls() {
        try (Machine m = new Machine(ISA, "f4")) {
            assertEquals(0, call(m, 4, 0x3000, 0x3100, 0x3200), "set_callbacks (as a multicall entry reaches it)");
            assertEquals(0x3200, ((X86Vcpu) m.cpu).callbacks().syscallIp, "syscall callback");
            assertEquals(-14, call(m, 30, 0, 0xfff00000L), "callback_op with a wild pointer");
            assertEquals(0, call(m, 21, 0, 32), "vm_assist m2p_strict (x86_64 only)");
        }
    }
}
