package org.polyvisor.isa.x86_64;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.polyvisor.isa.x86.testing.PagingAccess.*;
import static org.polyvisor.isa.x86.testing.SystemTables.*;

import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.isa.x86.testing.PagingAccess.Model;
import org.polyvisor.isa.x86.testing.SystemTables;
import org.polyvisor.spi.VcpuExit;

/** 2 MiB and 1 GiB pages, reserved bits and canonical addresses under 4-level paging. */
class LongModePagingTest {
    record Row(String name, Consumer<Machine> tables, String code, String expect) {
        @Override public String toString() { return name; }
    }

    static Stream<Row> rows() {
        String load = "8b18 f4";  // mov (%rax),%ebx; hlt
        return Stream.of(
                new Row("a 2 MiB page at 0 for VA 4 MiB", m -> m.memory.write(TABLES + 0x2000 + 16, 8, 0x83),
                        "b8" + le32(0x40_7000) + load, "rbx=0xdeadbeef m8[0x22010]=0xa3"),
                new Row("a 1 GiB page at 0 for VA 1 GiB", m -> m.memory.write(TABLES + 0x1000 + 8, 8, 0x83),
                        "b8" + le32(0x4000_7000L) + load, "rbx=0xdeadbeef m8[0x21008]=0xa3"),
                new Row("bit 13 of a 1 GiB PDPTE is reserved: #PF", m -> m.memory.write(TABLES + 0x1000 + 8, 8, 0x2083),
                        "b8" + le32(0x4000_7000L) + load, "rip=" + (handler(14) + 1) + " cr2=0x40007000"),
                new Row("PS in a PML4E is reserved: #PF", m -> m.memory.write(TABLES + 8, 8, (TABLES + 0x1000) | 0x87),
                        "48b8 0070000080000000" + load, "rip=" + (handler(14) + 1) + " cr2=0x8000007000"),
                new Row("a non-canonical address is #GP(0)", m -> { },
                        "48b8 0000000000800000" + load, "rip=" + (handler(13) + 1) + " cr2=0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void walks(Row row) {
        try (Machine m = new Machine(new X86_64IsaProvider(), PROLOGUE + enablePaging(Model.LEVEL4, true, true) + row.code.replace(" ", ""))) {
            SystemTables.install(m, true);
            writeTables(m, Model.LEVEL4, 0);
            row.tables.accept(m);
            m.memory.write(0x7000, 4, 0xDEADBEEFL);
            assertSame(VcpuExit.HALT, m.cpu.run(200), "x86_64 " + row.name);
            m.expect("x86_64 " + row.name, row.expect);
        }
    }
}
