package org.polyvisor.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteOrder;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.kernel.isa.IsaCatalog;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Cross-modifying code on every ISA: vCPU 0 of a domain runs an instruction that sets a register to 1 (so it has it
 * decoded, and its block runner or translator may hold it); vCPU 1 of the same domain then stores the encoding of
 * "set it to 2" over that instruction; when vCPU 0 runs the address again it must run the new instruction. Both vCPUs
 * boot through their ISA's PV boot protocol over one guest memory, as a domain's vCPUs do.
 */
class CrossVcpuCodeTest {
    private static final long RAM = 1 << 20, CODE = 0x10000, STORE = 0x20000, START_INFO = 0x8000;

    /**
     * One ISA: the instruction(s) at CODE before and after (hex, memory order), run for {@code steps}; the register they
     * set and the PC's name; the store vCPU 1 runs at STORE for {@code storeSteps}, with its registers set first
     * ("name=hex ...").
     */
    record Row(String isa, ByteOrder order, String before, String after, int steps, String reg, String pc, String store,
               String setUp, int storeSteps) {
        @Override public String toString() { return isa; }
    }

    static Stream<Row> rows() {
        return Stream.of(
                // mov $1,%eax / mov $2,%eax; the store: mov %ecx,(%ebx) over the immediate
                new Row("x86", ByteOrder.LITTLE_ENDIAN, "b801000000", "b802000000", 1, "eax", "eip", "890b",
                        "ebx=10001 ecx=2", 1),
                new Row("x86_64", ByteOrder.LITTLE_ENDIAN, "b801000000", "b802000000", 1, "rax", "rip", "890b",
                        "rbx=10001 rcx=2", 1),
                // movz x0,#1 / movz x0,#2; str w2,[x3]
                new Row("arm64", ByteOrder.LITTLE_ENDIAN, "200080d2", "400080d2", 1, "x0", "pc", "620000b9",
                        "x3=10000 x2=d2800040", 1),
                // li r3,1 / li r3,2; stw r4,0(r5)
                new Row("ppc", ByteOrder.BIG_ENDIAN, "38600001", "38600002", 1, "r3", "pc", "90850000",
                        "r5=10000 r4=38600002", 1),
                // {.mmi mov r4=1; nop.m; nop.i;;} / the same with mov r4=2; {.mmi st8 [r2]=r3,8;; st8 [r2]=r5; nop.i}
                new Row("ia64", ByteOrder.LITTLE_ENDIAN, "09200400002400000002000000000400",
                        "09200800002400000002000000000400", 3, "r4", "ip", "0b400c04981500280830230000000400",
                        "r2=10000 r3=0000240000082009 r5=0004000000000200", 2));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void anInstructionRewrittenByAnotherVcpuRunsOnTheFirst(Row row) {
        IsaProvider isa = IsaCatalog.load().get(row.isa());
        try (FlatGuestMemory memory = new FlatGuestMemory(row.order(), 0, RAM)) {
            memory.load(CODE, HexFormat.of().parseHex(row.before()));
            memory.load(STORE, HexFormat.of().parseHex(row.store()));
            Vcpu first = vcpu(isa, memory, 0, CODE), second = vcpu(isa, memory, 1, STORE);
            int reg = reg(isa, row.reg()), pc = reg(isa, row.pc());

            assertSame(VcpuExit.BUDGET_SPENT, first.run(row.steps()));
            assertEquals(1, first.register(reg), row.isa() + ": vCPU 0 ran the first instruction");

            for (String assignment : row.setUp().split(" ")) {
                String[] nv = assignment.split("=");
                second.setRegister(reg(isa, nv[0]), Long.parseUnsignedLong(nv[1], 16));
            }
            assertSame(VcpuExit.BUDGET_SPENT, second.run(row.storeSteps()));
            byte[] after = HexFormat.of().parseHex(row.after());
            for (int i = 0; i < after.length; i++)
                assertEquals(after[i], (byte) memory.read(CODE + i, 1), row.isa() + ": vCPU 1 stored the new instruction, byte " + i);

            first.setRegister(pc, CODE);
            assertSame(VcpuExit.BUDGET_SPENT, first.run(row.steps()));
            assertEquals(2, first.register(reg), row.isa() + ": vCPU 0 ran the instruction vCPU 1 wrote, not the one it had decoded");
        }
    }

    private static Vcpu vcpu(IsaProvider isa, FlatGuestMemory memory, int id, long entry) {
        Vcpu v = isa.createVcpu(new VcpuConfig(memory, id, GuestType.PV, () -> 0));
        isa.bootProtocol().boot(v, new BootInfo(GuestType.PV, entry, START_INFO, 0, RAM, id));
        return v;
    }

    private static int reg(IsaProvider isa, String name) {
        return isa.registers().byName(name).orElseThrow(() -> new IllegalArgumentException(isa.id() + ": no register " + name)).number();
    }
}
