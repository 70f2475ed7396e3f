package org.polyvisor.isa.x86.pv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.x86.testing.PvCalls.*;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.isa.x86.X86IsaProvider;
import org.polyvisor.isa.x86.testing.Machine;
import org.polyvisor.spi.Vcpu;

/**
 * The x86_32 (PAE) PV memory hypercalls through {@link Vcpu#archHypercall}: mmu_update, update_va_mapping and
 * mmuext_op on a 1 MiB guest whose page tables are an L3 at 0x20000, an L2 at 0x21000 and an L1 at 0x22000 mapping
 * the first MiB 1:1 (writable, but the three table pages read-only).
 */
class PvMmuTest {
    private static final X86IsaProvider ISA = new X86IsaProvider();
    static final long L3 = 0x20, L2 = 0x21, L1 = 0x22;
    static final long PCD = 0x10;

    static Machine tables() {
        Machine m = new Machine(ISA, "f4");
        identityTables(m, L3, L2, L1);
        return m;
    }

    @Test
    void newBaseptrValidatesTheTablesAndTurnsPagingOn() {
        try (Machine m = tables()) {
            assertEquals(0, ext(m, 5, L3, 0), "NEW_BASEPTR");
            assertEquals(L3 << 12, m.cpu.register(m.reg("cr3")), "cr3");
            assertEquals(0x8000_0000L, m.cpu.register(m.reg("cr0")) & 0x8000_0000L, "CR0.PG");
            int[] expect = {PageTypes.L3, PageTypes.L2, PageTypes.L1, PageTypes.WRITABLE, PageTypes.NONE};
            long[] frames = {L3, L2, L1, 0x1, L1 + 0};
            for (int i = 0; i < 4; i++) assertEquals(expect[i], types(m).typeOf(frames[i]), "type of frame 0x" + Long.toHexString(frames[i]));
            assertEquals(0x5678, m.cpu.translate(0x5678, false), "1:1 through the validated tables");
            assertEquals(1, m.memory.read(DONE, 4), "*pdone");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "the L1 maps itself writable, 290, 0x22003, -16",
        "the L1 maps a frame outside RAM, 0, 0x1000003, -1",
        "the L1 maps with PCD, 0, 0x5013, -22"})
    void aBadL1EntryRefusesTheBasePointer(String what, long index, String entry, long expected) {
        try (Machine m = tables()) {
            m.memory.write((L1 << 12) + 8 * (index == 290 ? L1 : index), 8, Long.decode(entry));
            assertEquals(expected, ext(m, 5, L3, 0), what);
            assertEquals(0, m.cpu.register(m.reg("cr3")), what + ": cr3 unchanged");
            for (long f : new long[] {L3, L2, L1, 0x1}) assertEquals(PageTypes.NONE, types(m).typeOf(f), what + ": no type left on 0x" + Long.toHexString(f));
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a writable mapping of the pinned L1, 0x22003, -16",
        "a writable mapping of the L2, 0x21003, -16",
        "a read-only mapping of the L2, 0x21001, 0",
        "a frame outside RAM, 0x4000003, -1",
        "a cache-disabled mapping, 0x40013, -22",
        "a plain writable page, 0x40003, 0",
        "not present, 0x22002, 0"})
    void mmuUpdateOfAValidatedL1(String what, String val, long expected) {
        try (Machine m = tables()) {
            assertEquals(0, ext(m, 5, L3, 0), "NEW_BASEPTR");
            long pte = (L1 << 12) + 8 * 0x80;
            long old = m.memory.read(pte, 8);
            assertEquals(expected, update(m, pte, Long.decode(val)), what);
            assertEquals(expected == 0 ? Long.decode(val) : old, m.memory.read(pte, 8), what + ": the entry");
            assertEquals(expected == 0 ? 1 : 0, m.memory.read(DONE, 4), what + ": *pdone");
        }
    }

    @Test
    void pinnedTablesTrackTheirReferences() {
        try (Machine m = tables()) {
            assertEquals(0, ext(m, 0, L1, 0), "PIN_L1_TABLE");
            assertEquals(-22, ext(m, 0, L1, 0), "pinning again");
            assertEquals(-22, ext(m, 3, L3, 0), "PIN_L4_TABLE on x86_32");
            assertEquals(-22, ext(m, 1, L1, 0), "PIN_L2_TABLE of a frame typed L1");
            assertEquals(-22, ext(m, 0, 0x100000, 0), "PIN_L1_TABLE outside RAM");
            assertEquals(0, ext(m, 2, L3, 0), "PIN_L3_TABLE takes the L2 and L1 along");
            assertEquals(2, types(m).countOf(L1), "L1: the pin and the L2's entry");
            assertEquals(0, ext(m, 4, L3, 0), "UNPIN_TABLE L3");
            assertEquals(PageTypes.NONE, types(m).typeOf(L2), "L2 released with the L3");
            assertEquals(1, types(m).countOf(L1), "L1: its pin");
            assertEquals(-22, ext(m, 4, L3, 0), "unpinning what is not pinned");
            assertEquals(0, ext(m, 4, L1, 0), "UNPIN_TABLE L1");
            assertEquals(0, update(m, (L1 << 12) + 8 * L1, L1 << 12 | P | RW), "an untyped page is written as it is");
            assertEquals(-16, ext(m, 0, L1, 0), "an L1 that maps itself writable cannot be pinned");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "a wild request array, 0xfff00000, 1, 0, 32752, -14",
        "a foreign domain, 0x30000, 1, 0, 5, -3",
        "a wild pdone, 0x30000, 0, 0xfff00000, 32752, -14",
        "nothing to do, 0x30000, 0, 0, 32752, 0"})
    void batchArguments(String what, String reqs, long count, String pdone, long dom, long expected) {
        try (Machine m = tables()) {
            assertEquals(expected, call(m, 1, Long.decode(reqs), count, Long.decode(pdone), dom), what + " (mmu_update)");
            assertEquals(expected, call(m, 26, Long.decode(reqs), count, Long.decode(pdone), dom), what + " (mmuext_op)");
        }
    }

    @ParameterizedTest(name = "mmu_update command {0}: {1}")
    @CsvSource({"1, 0", "3, -38", "5, -38"})
    void mmuUpdateCommands(int cmd, long expected) {
        try (Machine m = tables()) {
            assertEquals(expected, update(m, 0x40000 | cmd, 0x41), "command " + cmd);
            if (cmd == 1) assertEquals(0x41, types(m).machToPhys(0x40), "M2P[0x40]");
        }
    }

    @Test
    void updateVaMappingChangesTheL1EntryOfTheAddress() {
        try (Machine m = tables()) {
            assertEquals(-22, call(m, 14, 0x40000, 0x50003, 0, 2), "paging still off");
            assertEquals(0, ext(m, 5, L3, 0), "NEW_BASEPTR");
            m.cpu.translate(0x40000, false);
            assertEquals(0, call(m, 14, 0x40000, 0x50003, 0, 2), "UVMF_INVLPG");
            assertEquals(0x50123, m.cpu.translate(0x40123, false), "the new mapping after INVLPG");
            assertEquals(-16, call(m, 14, 0x40000, L2 << 12 | 3, 0, 0), "a writable mapping of the L2");
            assertEquals(-22, call(m, 14, 0x4000_0000L, 0x50003, 0, 0), "an address no L2 entry maps");
            assertEquals(-14, call(m, 14, 0x40000, 0x50003, 0, 0xfff00001L), "a wild vCPU mask with UVMF_TLB_FLUSH");
            assertEquals(0, call(m, 14, 0x41000, 0x60001, 0, 1 | 4), "UVMF_TLB_FLUSH | UVMF_ALL");
            assertEquals(-3, call(m, 22, 0x41000, 0x60001, 0, 1, 1), "update_va_mapping_otherdomain of domain 1");
            assertEquals(0, call(m, 22, 0x42000, 0x61001, 0, 1, SELF), "update_va_mapping_otherdomain of DOMID_SELF");
            assertEquals(0x61000, m.cpu.translate(0x42000, false), "its mapping");
            assertEquals(0x60000, m.cpu.translate(0x41000, false), "the new mapping");
        }
    }

    @Test
    void tlbOperationsAndCopies() {
        try (Machine m = tables()) {
            m.memory.write(0x50000, 8, 0x1122334455667788L);
            assertEquals(0, ext(m, 17, 0x51, 0x50), "COPY_PAGE");
            assertEquals(0x1122334455667788L, m.memory.read(0x51000, 8), "copied");
            assertEquals(0, ext(m, 16, 0x51, 0), "CLEAR_PAGE");
            assertEquals(0, m.memory.read(0x51000, 8), "cleared");
            assertEquals(0, ext(m, 2, L3, 0), "PIN_L3_TABLE");
            assertEquals(-22, ext(m, 16, L1, 0), "CLEAR_PAGE of a page table");
            for (int cmd : new int[] {6, 7, 10, 11}) assertEquals(0, ext(m, cmd, 0x1000, 0), "flush command " + cmd);
            m.memory.write(0x31000, 4, 1);
            assertEquals(0, ext(m, 8, 0, 0x31000), "TLB_FLUSH_MULTI");
            assertEquals(-14, ext(m, 9, 0x1000, 0xfff00000L), "INVLPG_MULTI with a wild mask");
            assertEquals(-38, ext(m, 15, 0x20, 0), "NEW_USER_BASEPTR is x86_64's");
            assertEquals(-38, ext(m, 99, 0, 0), "an unknown command");
        }
    }

    @Test
    void otherNumbersAreNotArch() {
        try (Machine m = tables()) {
            for (int op : new int[] {6, 7, 11, 17, 29, 63, 64, -1}) assertEquals(Vcpu.NOT_ARCH, call(m, op, 0, 0), "op " + op);
        }
    }
}
