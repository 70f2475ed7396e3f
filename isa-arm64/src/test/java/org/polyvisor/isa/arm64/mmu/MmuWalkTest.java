package org.polyvisor.isa.arm64.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.AF;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.BLOCK;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.BRK_1;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.DATA;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.L1;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.L2;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.L3;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.PAGE;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.RAM;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.TABLE;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.TCR_4K_39BIT;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.VA;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.hex;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.machine;
import static org.polyvisor.isa.arm64.mmu.MmuAccessTest.start;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;

/** The stage-1 walk beyond permissions: fault levels, the three granules, TTBR1, address size, AT, TLBI. */
class MmuWalkTest {
    private static final long EL1_RW_PAGE = PAGE | AF;
    private static final long DABT_EL1 = 0x9600_0000L;

    private static Vcpu read(FlatGuestMemory m, long tcr, long ttbr0, long ttbr1, long va) {
        Vcpu cpu = start(m, tcr, ttbr0, ttbr1, 1, "t_read");
        cpu.setRegister(5, va);
        assertEquals(VcpuExit.HYPERCALL, cpu.run(200), "arm64 read of " + hex(va));
        return cpu;
    }

    private static void assertReadFaults(FlatGuestMemory m, long tcr, long va, long esr, String what) {
        Vcpu cpu = read(m, tcr, L1, 0, va);
        assertEquals(hex(esr), hex(cpu.register(3)), "arm64 " + what + ": ESR_EL1");
        assertEquals(hex(va), hex(cpu.register(8)), "arm64 " + what + ": FAR_EL1");
    }

    @Test
    void translationFaultsAtTheLevelOfTheInvalidDescriptor() {
        long[][] rows = {{L1 + 16, 0x05}, {L2, 0x06}, {L3, 0x07}};
        for (long[] r : rows) {
            try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
                m.write(r[0], 8, 0);
                assertReadFaults(m, TCR_4K_39BIT, VA, DABT_EL1 | r[1], "invalid descriptor at " + hex(r[0]));
            }
        }
    }

    @Test
    void outOfRangeAddressesFaultAtLevel0AndOutputAddressesAtTheirLevel() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
            assertReadFaults(m, TCR_4K_39BIT, 1L << 40, DABT_EL1 | 0x04, "VA above T0SZ's range");
        }
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | 0x1_0000_0000L)) {
            long tcr32 = TCR_4K_39BIT & ~(7L << 32);   // IPS = 32 bits
            assertReadFaults(m, tcr32, VA, DABT_EL1 | 0x03, "output address above IPS");
        }
    }

    @Test
    void blockMappingsAndOffsets() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
            m.write(DATA + 0x238, 8, 0x0123_4567_89ab_cdefL);
            assertEquals(hex(0x0123_4567_89ab_cdefL), hex(read(m, TCR_4K_39BIT, L1, 0, VA + 0x238).register(0)), "4K page");
            m.write(L2 + 8, 8, RAM | BLOCK | AF);   // VA 0x80200000: a 2 MiB block at RAM
            assertEquals(hex(0x0123_4567_89ab_cdefL), hex(read(m, TCR_4K_39BIT, L1, 0, VA + 0x20_0000 + 0x20238).register(0)), "2M block");
        }
    }

    @Test
    void granule64kWalksTwoLevels() {
        try (FlatGuestMemory m = machine(0)) {
            long l2 = RAM + 0x10000, l3 = RAM + 0x30000;
            m.write(l2 + 2 * 8, 8, RAM | BLOCK | AF | (3L << 6));          // VA 0x40000000: 512 MiB block
            m.write(l2 + 4 * 8, 8, l3 | TABLE);                            // VA 0x80000000
            m.write(l3, 8, DATA | PAGE | AF);
            m.write(DATA + 0xfff8, 8, 0x6464L);
            long tcr = 25 | (1L << 14) | (1L << 23) | (5L << 32);         // TG0 = 64K
            assertEquals(hex(0x6464L), hex(read(m, tcr, l2, 0, VA + 0xfff8).register(0)), "64K page");
            m.write(l3, 8, 0);
            Vcpu cpu = read(m, tcr, l2, 0, VA);
            assertEquals(hex(DABT_EL1 | 0x07), hex(cpu.register(3)), "64K: invalid level-3 descriptor");
        }
    }

    @Test
    void granule16kWalksThreeLevels() {
        try (FlatGuestMemory m = machine(0)) {
            long l1 = RAM + 0x10000, l2 = RAM + 0x14000, l3 = RAM + 0x30000;
            for (long a = l1; a < l1 + 0x8000; a += 8) m.write(a, 8, 0);
            m.write(l1, 8, l2 | TABLE);
            m.write(l2 + 32 * 8, 8, RAM | BLOCK | AF | (3L << 6));         // VA 0x40000000: 32 MiB block
            m.write(l2 + 64 * 8, 8, l3 | TABLE);                           // VA 0x80000000
            m.write(l3, 8, DATA | PAGE | AF);
            m.write(DATA + 0x3ff0, 8, 0x1616L);
            long tcr = 25 | (2L << 14) | (1L << 23) | (5L << 32);         // TG0 = 16K
            assertEquals(hex(0x1616L), hex(read(m, tcr, l1, 0, VA + 0x3ff0).register(0)), "16K page");
        }
    }

    @Test
    void upperAddressesWalkTtbr1() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
            long l1b = RAM + 0x13000;
            m.write(l1b + 0x1FE * 8, 8, L2 | TABLE);
            m.write(DATA + 8, 8, 0x7777L);
            long tcr = 25 | (25L << 16) | (2L << 30) | (5L << 32);         // T1SZ = 25, TG1 = 4K, EPD1 clear
            long va = 0xFFFF_FFFF_8000_0008L;
            assertEquals(hex(0x7777L), hex(read(m, tcr, L1, l1b, va).register(0)), "TTBR1 region");
            Vcpu cpu = read(m, tcr | (1L << 23), L1, l1b, va);
            assertEquals(hex(DABT_EL1 | 0x04), hex(cpu.register(3)), "EPD1 set: translation fault at level 0");
        }
    }

    @Test
    void addressTranslationWritesPar() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA | (2L << 2) | (3L << 8))) {   // AttrIndx 2, inner shareable
            Vcpu cpu = start(m, TCR_4K_39BIT, L1, 0, 1, "t_at");
            cpu.setRegister(5, VA + 0x123);
            assertEquals(VcpuExit.HYPERCALL, cpu.run(200));
            assertEquals(hex(0x3C), hex(cpu.register(3) >>> 26), "arm64 at: ends at brk");
            assertEquals(hex(DATA | 0x800 | (3L << 7)), hex(cpu.register(6)), "arm64 at s1e1r: PAR_EL1 (MAIR is 0)");
            assertEquals(hex((0x0FL << 1) | 1), hex(cpu.register(7)), "arm64 at s1e0w: permission fault, level 3");
        }
    }

    @Test
    void staleTranslationsLastUntilTlbi() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
            long data2 = DATA + 0x1000;
            m.write(DATA, 8, 0xAAAAL);
            m.write(data2, 8, 0xBBBBL);
            Vcpu cpu = start(m, TCR_4K_39BIT, L1, 0, 1, "t_tlbi");
            cpu.setRegister(5, VA);
            assertEquals(VcpuExit.HYPERCALL, cpu.run(200));
            m.write(L3, 8, EL1_RW_PAGE | data2);
            assertEquals(VcpuExit.HYPERCALL, cpu.run(200));
            assertEquals(hex(0xAAAAL), hex(cpu.register(0)), "before the change");
            assertEquals(hex(0xAAAAL), hex(cpu.register(1)), "changed PTE, no TLBI yet: the cached translation");
            assertEquals(hex(0xBBBBL), hex(cpu.register(2)), "after TLBI VMALLE1");
        }
    }

    @Test
    void withNoVectorsATranslationFaultCrashesWithItsDfsc() {
        try (FlatGuestMemory m = machine(PAGE | DATA)) {   // AF clear
            Vcpu cpu = start(m, TCR_4K_39BIT, L1, 0, 1, "t_read");
            cpu.setRegister(5, VA);
            cpu.setPc(cpu.pc() + 8);   // skip the two instructions that install VBAR_EL1
            long ldr = MmuAccessTest.RAM + MmuAccessTest.PROGRAM.offset("t_read");
            assertEquals(new VcpuExit.Fault("data abort (DFSC 0x0b) on load at 0x80000000 with no exception vectors installed", ldr),
                    cpu.run(200));
        }
    }

    @Test
    void innerShareableTlbiReachesTheOtherVcpusOfTheDomain() {
        try (FlatGuestMemory m = machine(EL1_RW_PAGE | DATA)) {
            long data2 = DATA + 0x1000;
            m.write(DATA, 8, 0xAAAAL);
            m.write(data2, 8, 0xBBBBL);
            Vcpu a = start(m, TCR_4K_39BIT, L1, 0, 1, "t_reread");
            a.setRegister(5, VA);
            assertEquals(VcpuExit.HYPERCALL, a.run(200));
            m.write(L3, 8, EL1_RW_PAGE | data2);
            Vcpu b = start(m, TCR_4K_39BIT, L1, 0, 1, "t_tlbiis");
            assertEquals(VcpuExit.HYPERCALL, b.run(200));
            assertEquals(hex(0xF2000000L), hex(b.register(3)), "vCPU 1 ran tlbi vmalle1is to its brk");
            assertEquals(VcpuExit.HYPERCALL, a.run(200));
            assertEquals(hex(0xAAAAL), hex(a.register(0)), "vCPU 0 before the broadcast");
            assertEquals(hex(0xBBBBL), hex(a.register(1)), "vCPU 0 after vCPU 1's TLBI VMALLE1IS");
        }
    }

    @Test
    void vcpuTranslateFollowsTheGuestTables() {
        try (FlatGuestMemory m = machine(PAGE | DATA | (2L << 6))) {   // AP = 10: read-only at EL1, AF clear
            Vcpu cpu = start(m, TCR_4K_39BIT, L1, 0, 1, "t_read");
            cpu.setRegister(5, 0x4000_0000L);
            assertEquals(VcpuExit.HYPERCALL, cpu.run(200));
            assertEquals(-1, cpu.translate(VA, false), "AF clear");
            m.write(L3, 8, PAGE | AF | DATA | (2L << 6));
            assertEquals(hex(DATA + 0x10), hex(cpu.translate(VA + 0x10, false)), "read");
            assertEquals(-1, cpu.translate(VA + 0x10, true), "write to a read-only page");
        }
    }
}
