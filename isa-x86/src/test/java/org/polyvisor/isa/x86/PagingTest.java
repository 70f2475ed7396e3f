package org.polyvisor.isa.x86;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.PagingAccess.*;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.PagingAccess.Model;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.VcpuExit;

/** Large pages, reserved bits, INVLPG and CR3 reloads of the IA-32 walkers (32-bit with PSE, PAE). */
class PagingTest {
    static final long DATA = 0x7000;

    static Machine boot(Model model, String code, Consumer<Machine> tables) {
        Machine m = new Machine(new X86IsaProvider(), PROLOGUE + enablePaging(model, true, true) + code.replace(" ", ""));
        SystemTables.install(m, false);
        writeTables(m, model, 0);
        tables.accept(m);
        m.memory.write(DATA, 4, 0xDEADBEEFL);
        return m;
    }

    record Row(String name, Model model, Consumer<Machine> tables, long va, String expect) {
        @Override public String toString() { return name; }
    }

    static Stream<Row> largePages() {
        return Stream.of(
                new Row("32-bit PSE: a 4 MiB page at 0 for VA 4 MiB", Model.BITS32,
                        m -> m.memory.write(TABLES + 4, 4, 0x83), 0x40_7000, "ebx=0xdeadbeef m32[0x20004]=0xa3"),
                new Row("PAE: a 2 MiB page at 0 for VA 4 MiB", Model.PAE,
                        m -> m.memory.write(TABLES + 0x1000 + 16, 8, 0x83), 0x40_7000, "ebx=0xdeadbeef m32[0x21010]=0xa3"),
                new Row("PAE: bit 13 of a 2 MiB PDE is reserved: #PF(P|RSVD)", Model.PAE,
                        m -> m.memory.write(TABLES + 0x1000 + 16, 8, 0x2083), 0x40_7000, "eip=" + (handler(14) + 1) + " cr2=0x407000"),
                new Row("32-bit PSE: bit 21 of a 4 MiB PDE is reserved: #PF(P|RSVD)", Model.BITS32,
                        m -> m.memory.write(TABLES + 4, 4, 0x20_0083), 0x40_7000, "eip=" + (handler(14) + 1) + " cr2=0x407000"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("largePages")
    void largePagesAndReservedBits(Row row) {
        try (Machine m = boot(row.model, "b8" + le32(row.va) + "8b18 f4", row.tables)) {
            assertSame(VcpuExit.HALT, m.cpu.run(200), "x86 " + row.name);
            m.expect("x86 " + row.name, row.expect);
        }
    }

    @Test
    void deliveryFromRing3UsesSupervisorAccessesToSystemPages() {
        // GDT, IDT, TSS and the ring-0 stack on supervisor-only pages: int $0x80 from ring 3 still enters its
        // handler (the processor's own accesses are supervisor accesses), and a user load from the GDT is #PF(P|U).
        long user = Machine.CODE + (PROLOGUE + enablePaging(Model.BITS32, true, true)).length() / 2 + ProtectedModeTest.TO_RING3_LENGTH;
        String code = ProtectedModeTest.toRing3(user) + "cd80";
        try (Machine m = boot(Model.BITS32, code, t -> {
            for (long page : new long[] {GDT, IDT, TSS, RING0_STACK & ~0xFFFL}) t.memory.write(TABLES + 0x1000 + 4 * (page >> 12), 4, page | 3);
        })) {
            assertSame(VcpuExit.HALT, m.cpu.run(200));
            m.expect("x86 int $0x80 from ring 3 with supervisor-only tables", "eip=" + (handler(0x80) + 1) + " esp=" + (RING0_STACK - 20));
        }
        try (Machine m = boot(Model.BITS32, ProtectedModeTest.toRing3(user) + "a1" + le32(GDT), t -> {
            for (long page : new long[] {GDT, IDT, TSS, RING0_STACK & ~0xFFFL}) t.memory.write(TABLES + 0x1000 + 4 * (page >> 12), 4, page | 3);
        })) {
            assertSame(VcpuExit.HALT, m.cpu.run(200));
            m.expect("x86 user load from the GDT", "eip=" + (handler(14) + 1) + " cr2=" + GDT);
            assertEquals(5, m.memory.read(m.cpu.register(m.reg("esp")), 4), "x86 #PF error code P|U");
        }
    }

    @Test
    void invlpgDropsAStaleTranslation() {
        // read VA (fills the TLB); the test moves the PTE to another frame; read again (stale); invlpg; read (new)
        String code = "b8" + le32(VA) + "8b18" + "90" + "8b08" + "0f0138" + "8b10" + "f4";
        try (Machine m = boot(Model.PAE, code, t -> t.memory.write(TABLES + 0x3000, 8, FRAME | 7))) {
            m.memory.write(FRAME, 4, 0x1111);
            m.memory.write(DATA, 4, 0x2222);
            int before = 4 + 11 + 2;  // prologue, paging set-up, mov $VA,%eax, first load
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(before));
            m.memory.write(TABLES + 0x3000, 8, DATA | 7);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 invlpg", "ebx=0x1111 ecx=0x1111 edx=0x2222");
        }
    }

    @Test
    void cr3ReloadFlushes() {
        String code = "b8" + le32(VA) + "8b18" + "90" + "0f20d9 0f22d9" + "8b10" + "f4";
        try (Machine m = boot(Model.BITS32, code, t -> t.memory.write(TABLES + 0x2000, 4, FRAME | 7))) {
            m.memory.write(FRAME, 4, 0x1111);
            m.memory.write(DATA, 4, 0x2222);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 11 + 2));
            m.memory.write(TABLES + 0x2000, 4, DATA | 7);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 mov to cr3", "ebx=0x1111 edx=0x2222");
        }
    }

    @Test
    void globalPagesSurviveACr3ReloadWithPge() {
        // CR4.PGE on, the PTE global: after the reload the old translation is still used; INVLPG then drops it.
        String code = "0f20e0 0d80000000 0f22e0" + "b8" + le32(VA) + "8b18" + "90" + "0f20d9 0f22d9" + "8b10" + "0f0138" + "8b08" + "f4";
        try (Machine m = boot(Model.BITS32, code, t -> t.memory.write(TABLES + 0x2000, 4, FRAME | 0x107))) {
            m.memory.write(FRAME, 4, 0x1111);
            m.memory.write(DATA, 4, 0x2222);
            assertSame(VcpuExit.BUDGET_SPENT, m.cpu.run(4 + 11 + 3 + 2));
            m.memory.write(TABLES + 0x2000, 4, DATA | 0x107);
            assertSame(VcpuExit.HALT, m.cpu.run(100));
            m.expect("x86 global page across mov to cr3", "ebx=0x1111 edx=0x1111 ecx=0x2222");
        }
    }

    @Test
    void pageFaultWithoutAnIdtIsFatalAndNamesTheAddress() {
        Machine m = new Machine(new X86IsaProvider(), "b8" + le32(TABLES) + "0f22d8 0f20c0 0d00000080 0f22c0 a100004000");
        try (m) {
            writeTables(m, Model.BITS32, 0);  // VA 4 MiB not present
            VcpuExit.Fault f = (VcpuExit.Fault) m.cpu.run(100);
            assertEquals("page fault (#PF) at 0x400000 error code 0x0 with no handler (no IDT)", f.reason());
        }
    }

    /**
     * PUSHAD and ENTER store slot by slot below ESP 0x7010, across into the not-present page 0x6000: the #PF
     * (CR2 = the first slot in that page, error code W) leaves ESP and EBP as they were, so the frame that the
     * delivery pushes sits right below 0x7010 and the saved EIP is the faulting instruction (it restarts).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pushad,                    60",
        "enter $0x0 with level 5,   c8000005"})
    void multiSlotStackStoresFaultWithRegistersUnchanged(String name, String insn) {
        String setup = "bc10700000 bd00800000";  // mov $0x7010,%esp; mov $0x8000,%ebp
        try (Machine m = boot(Model.BITS32, setup + insn + "f4", mm -> mm.memory.write(TABLES + 0x1000 + 4 * 6, 4, 0))) {
            long at = Machine.CODE + (PROLOGUE + enablePaging(Model.BITS32, true, true)).length() / 2 + 10;
            String what = "x86 " + name + " [" + insn + "]";
            assertSame(VcpuExit.HALT, m.cpu.run(200), what);
            m.expect(what, "eip=" + (handler(14) + 1) + " cr2=0x6ffc ebp=0x8000 esp=0x7000 m32[0x7000]=2");
            assertEquals("0x" + Long.toHexString(at), "0x" + Long.toHexString(m.memory.read(0x7004, 4)), what + ": saved EIP");
        }
    }
}
