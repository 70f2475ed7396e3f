package org.polyvisor.isa.arm64.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.polyvisor.isa.arm64.Arm64IsaProvider;
import org.polyvisor.isa.arm64.GuestProgram;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

/**
 * Every combination of a 4K page's AP[2:1], UXN, PXN and AF, from EL0 and EL1, for a read, a write and a fetch
 * (kvm-unit-tests' access.c, for VMSAv8-64): the guest of src/test/resources/mmu/program.S makes the access
 * through a real three-level table and reports ESR_EL1 and FAR_EL1; {@link #expectedEsr} is the model.
 */
class MmuAccessTest {
    static final long RAM = Arm64IsaProvider.RAM_BASE;
    static final long L1 = RAM + 0x10000, L2 = RAM + 0x11000, L3 = RAM + 0x12000, DATA = RAM + 0x20000;
    static final long VA = 0x8000_0000L;
    static final long TCR_4K_39BIT = 25 | (1L << 23) | (5L << 32);   // T0SZ = 25, TG0 = 4K, EPD1, IPS = 48 bits
    static final long SCTLR_MMU_ON = 0x30D0_0800L | 1;
    static final GuestProgram PROGRAM = GuestProgram.load("/mmu/program.words");
    static final long VALID = 1, TABLE = 3, PAGE = 3, BLOCK = 1, AF = 1L << 10, PXN = 1L << 53, UXN = 1L << 54;
    static final int BRK_1 = 0xd4200020;

    enum Access { READ, WRITE, FETCH }

    record Row(int ap, boolean uxn, boolean pxn, boolean af, int el, Access access) {
        long pte() { return DATA | PAGE | ((long) ap << 6) | (af ? AF : 0) | (uxn ? UXN : 0) | (pxn ? PXN : 0); }

        @Override public String toString() {
            return String.format("AP=%d%d UXN=%d PXN=%d AF=%d EL%d %s", ap >> 1, ap & 1, uxn ? 1 : 0, pxn ? 1 : 0,
                    af ? 1 : 0, el, access);
        }
    }

    static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (int ap = 0; ap < 4; ap++)
            for (int bits = 0; bits < 8; bits++)
                for (int el = 0; el <= 1; el++)
                    for (Access a : Access.values())
                        rows.add(new Row(ap, (bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0, el, a));
        return rows;
    }

    /**
     * The model, from the Arm ARM's tables rather than from the code under test: AP[2:1] = 00 EL1 RW, 01 EL0 and
     * EL1 RW, 10 EL1 RO, 11 EL0 and EL1 RO; a page EL0 may write is never executable at EL1; a clear AF faults
     * before permissions are looked at. Faults are at level 3.
     */
    static long expectedEsr(Row r) {
        boolean ok;
        if (!r.af()) ok = false;
        else if (r.el() == 0) {
            ok = switch (r.access()) {
                case READ -> r.ap() == 1 || r.ap() == 3;
                case WRITE -> r.ap() == 1;
                case FETCH -> !r.uxn();
            };
        } else {
            ok = switch (r.access()) {
                case READ -> true;
                case WRITE -> r.ap() == 0 || r.ap() == 1;
                case FETCH -> !r.pxn() && r.ap() != 1;
            };
        }
        if (ok) return 0xF200_0000L | (r.access() == Access.FETCH ? 1 : 0);   // BRK #0, or BRK #1 in the page
        int fsc = r.af() ? 0x0F : 0x0B;
        if (r.access() == Access.FETCH) return ((long) (r.el() == 0 ? 0x20 : 0x21) << 26) | (1L << 25) | fsc;
        return ((long) (r.el() == 0 ? 0x24 : 0x25) << 26) | (1L << 25) | fsc | (r.access() == Access.WRITE ? 0x40 : 0);
    }

    /** Guest tables: VA 0x40000000 (1 GiB block, EL0/EL1 read-only, executable) and VA 0x80000000 -> {@code pte}. */
    static FlatGuestMemory machine(long pte) {
        FlatGuestMemory m = new FlatGuestMemory(ByteOrder.LITTLE_ENDIAN, RAM, 256 * 1024);
        PROGRAM.writeTo(m, RAM);
        m.write(L1 + 8, 8, RAM | BLOCK | AF | (3L << 6));
        m.write(L1 + 16, 8, L2 | TABLE);
        m.write(L2, 8, L3 | TABLE);
        m.write(L3, 8, pte);
        m.write(DATA, 4, BRK_1 & 0xFFFF_FFFFL);
        return m;
    }

    static Vcpu start(FlatGuestMemory m, long tcr, long ttbr0, long ttbr1, int el, String action) {
        Vcpu cpu = new Arm64IsaProvider().createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> 0));
        cpu.setRegister(20, tcr);
        cpu.setRegister(21, ttbr0);
        cpu.setRegister(22, SCTLR_MMU_ON);
        cpu.setRegister(25, ttbr1);
        cpu.setRegister(23, el == 0 ? 1 : 0);   // the program enters EL0 when x23 is nonzero
        cpu.setRegister(24, RAM + PROGRAM.offset(action));
        cpu.setPc(RAM + PROGRAM.offset("t_start"));
        return cpu;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void accessMatchesTheModel(Row r) {
        try (FlatGuestMemory m = machine(r.pte())) {
            Vcpu cpu = start(m, TCR_4K_39BIT, L1, 0, r.el(), "t_" + r.access().name().toLowerCase());
            cpu.setRegister(5, VA);
            cpu.setRegister(0, 0x1122334455667788L);
            assertEquals(VcpuExit.HYPERCALL, cpu.run(200), "arm64 " + r + ": exit");
            long esr = expectedEsr(r);
            assertEquals(hex(esr), hex(cpu.register(3)), "arm64 " + r + ": ESR_EL1");
            if ((esr >>> 26) != 0x3C) assertEquals(hex(VA), hex(cpu.register(8)), "arm64 " + r + ": FAR_EL1");
            if (r.access() == Access.READ && (esr >>> 26) == 0x3C)
                assertEquals(hex(BRK_1 & 0xFFFF_FFFFL | 0L), hex(cpu.register(0) & 0xFFFF_FFFFL), "arm64 " + r + ": loaded value");
            if (r.access() == Access.WRITE && (esr >>> 26) == 0x3C)
                assertEquals(hex(0x1122334455667788L), hex(m.read(DATA, 8)), "arm64 " + r + ": stored value");
        }
    }

    static String hex(long v) { return "0x" + Long.toHexString(v); }
}
