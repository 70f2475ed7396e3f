package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.ppc.Asm.*;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * The 32-bit MMU through the vCPU: every PP x Ks x Kp x MSR[PR] x (load, store, fetch) against the protection table
 * of the Programming Environments Manual (table 7-6), written out here as the model; the hashed page table walk
 * (primary, secondary, miss, HTABMASK); R and C updates; BAT precedence over the page table; tlbie and segment
 * register writes reaching the software TLB. The page table is built by this test with its own hash formula.
 */
class PpcMmuTest {
    private static final long CODE = 0x2000, HTAB = 0x10000, DATA_PA = 0x30000, OTHER_PA = 0x31000;
    private static final long EA = 0x3000_5000L;   // segment 3, page index 0x0005
    private static final int VSID = 0x123, SR_KS = 0x4000_0000, SR_KP = 0x2000_0000;
    private static final long MSR_PR = 0x4000, MSR_IR = 0x20, MSR_DR = 0x10, MSR_ME = 0x1000;
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 256 * 1024);
    private final PpcIsaProvider isa = new PpcIsaProvider();

    /** The protection model: what each key allows for PP = 0..3 (R read, W write; fetch needs R). */
    private static final String[][] ALLOWED = {
            {"RW", "RW", "RW", "R"},   // key 0
            {"", "R", "RW", "R"},      // key 1
    };

    private PpcVcpu vcpu(long pc, int... code) {
        for (int k = 0; k < code.length; k++) mem.write(pc + 4L * k, 4, code[k]);
        PpcVcpu v = (PpcVcpu) isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(pc);
        v.mmu().pageTable().setSdr1(HTAB);           // 64 KiB table, HTABMASK = 0
        // handlers: DSI reports DAR and DSISR in r20/r21; ISI spins; both at their real-mode vectors
        int[] dsi = {mfspr(20, DAR), mfspr(21, DSISR), SPIN};
        for (int k = 0; k < dsi.length; k++) mem.write(0x300 + 4L * k, 4, dsi[k]);
        mem.write(0x400, 4, SPIN);
        return v;
    }

    /** The PTEG address of the manual's formula: HTABORG[0:6] || (HTABORG[7:15] | hash[0:8] & mask) || hash[9:18] || 0^6. */
    private static long pteg(long sdr1, int hash) {
        long org = sdr1 & 0xffff_0000L, mask = sdr1 & 0x1ff;
        return (org & 0xfe00_0000L) | ((((org >>> 16) & 0x1ff) | ((hash >>> 10) & mask)) << 16) | (long) (hash & 0x3ff) << 6;
    }

    private static int hash(int vsid, long ea) { return (vsid & 0x7ffff) ^ (int) ((ea >>> 12) & 0xffff); }

    /** Writes a PTE for (vsid, ea) to slot {@code slot} of its primary (or secondary) PTEG; returns its address. */
    private long pte(long sdr1, int vsid, long ea, long pa, int pp, boolean secondary, int slot) {
        int h = hash(vsid, ea);
        long at = pteg(sdr1, secondary ? ~h & 0x7ffff : h) + 8L * slot;
        long w0 = 0x8000_0000L | (long) vsid << 7 | (secondary ? 0x40 : 0) | ((ea >>> 22) & 0x3f);
        mem.write(at, 4, w0);
        mem.write(at + 4, 4, (pa & 0xffff_f000L) | pp);
        return at;
    }

    private static boolean allows(int key, int pp, char access) { return ALLOWED[key][pp].indexOf(access) >= 0; }

    @TestFactory
    List<DynamicTest> protectionEveryPpKeyPrivilegeAndAccess() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int pp = 0; pp < 4; pp++)
            for (int ks = 0; ks < 2; ks++)
                for (int kp = 0; kp < 2; kp++)
                    for (int pr = 0; pr < 2; pr++)
                        for (char access : new char[] {'L', 'S', 'F'}) {
                            int fpp = pp, fks = ks, fkp = kp, fpr = pr;
                            tests.add(DynamicTest.dynamicTest(String.format("PP=%d Ks=%d Kp=%d PR=%d %c", pp, ks, kp, pr, access),
                                    () -> protectionCase(fpp, fks, fkp, fpr, access)));
                        }
        return tests;
    }

    private void protectionCase(int pp, int ks, int kp, int pr, char access) {
        String what = String.format("ppc PP=%d Ks=%d Kp=%d PR=%d %c", pp, ks, kp, pr, access);
        int key = pr == 1 ? kp : ks;
        boolean allowed = allows(key, pp, access == 'S' ? 'W' : 'R');
        long pte = pte(HTAB, VSID, EA, DATA_PA, pp, false, 0);
        PpcVcpu v;
        if (access == 'F') {
            mem.write(DATA_PA + 0x10, 4, li(3, 1));
            mem.write(DATA_PA + 0x14, 4, SPIN);
            v = vcpu(EA + 0x10);
        } else {
            v = vcpu(CODE, access == 'L' ? lwz(3, 0x10, 4) : stw(5, 0x10, 4), SPIN);
            v.setRegister(4, EA);
            v.setRegister(5, 0xcafe);
        }
        v.mmu().segments().set(3, (ks == 1 ? SR_KS : 0) | (kp == 1 ? SR_KP : 0) | VSID);
        mem.write(DATA_PA + 0x10, 4, access == 'F' ? li(3, 1) : 0x5555);
        v.setRegister(MSR, MSR_ME | (pr == 1 ? MSR_PR : 0) | (access == 'F' ? MSR_IR : MSR_DR));
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4), what);
        long word1 = mem.read(pte + 4, 4);
        if (allowed) {
            switch (access) {
                case 'L' -> assertEquals(0x5555, v.register(3), what + ": loaded");
                case 'S' -> assertEquals(0xcafe, mem.read(DATA_PA + 0x10, 4), what + ": stored");
                default -> assertEquals(1, v.register(3), what + ": fetched and ran");
            }
            assertEquals(0x100L | (access == 'S' ? 0x80 : 0), word1 & 0x180, what + ": R and C");
        } else if (access == 'F') {
            assertEquals(0x400, v.pc(), what + ": ISI");
            assertEquals(EA + 0x10, v.register(SRR0), what + ": SRR0");
            assertEquals(0x0800_0000L | MSR_ME | MSR_IR | (pr == 1 ? MSR_PR : 0), v.register(SRR1), what + ": SRR1 protection");
            assertEquals(0, word1 & 0x80, what + ": C stays clear");
        } else {
            assertEquals(0x308, v.pc(), what + ": DSI handler ran");
            assertEquals(EA + 0x10, v.register(20), what + ": DAR");
            assertEquals(0x0800_0000L | (access == 'S' ? 0x0200_0000L : 0), v.register(21), what + ": DSISR");
            assertEquals(CODE, v.register(SRR0), what + ": SRR0");
            assertEquals(0, word1 & 0x80, what + ": C stays clear");
            if (access == 'S') assertEquals(0x5555, mem.read(DATA_PA + 0x10, 4), what + ": memory unchanged");
        }
    }

    /** BAT model: PP 00 none, 01 and 11 read-only, 10 read/write; valid in supervisor state if Vs, in problem state if Vp. */
    @TestFactory
    List<DynamicTest> batEveryPpValidBitPrivilegeAndAccess() {
        List<DynamicTest> tests = new ArrayList<>();
        for (int pp = 0; pp < 4; pp++)
            for (int valid = 0; valid < 4; valid++)
                for (int pr = 0; pr < 2; pr++)
                    for (char access : new char[] {'L', 'S', 'F'}) {
                        int fpp = pp, fvalid = valid, fpr = pr;
                        tests.add(DynamicTest.dynamicTest(String.format("BAT PP=%d Vs=%d Vp=%d PR=%d %c", pp, valid >> 1,
                                valid & 1, pr, access), () -> batCase(fpp, fvalid, fpr, access)));
                    }
        return tests;
    }

    private void batCase(int pp, int valid, int pr, char access) {
        String what = String.format("ppc BAT PP=%d Vs=%d Vp=%d PR=%d %c", pp, valid >> 1, valid & 1, pr, access);
        boolean matches = (valid & (pr == 1 ? 1 : 2)) != 0;
        boolean allowed = matches && (access == 'S' ? pp == 2 : pp != 0);
        long ea = 0x5000_0100L;                            // BEPI 0x50000000, 128 KiB block at BRPN 0x20000
        mem.write(0x20100, 4, access == 'F' ? li(3, 1) : 0x6666);
        mem.write(0x20104, 4, SPIN);
        PpcVcpu v = access == 'F' ? vcpu(ea) : vcpu(CODE, access == 'L' ? lwz(3, 0, 4) : stw(5, 0, 4), SPIN);
        var bats = access == 'F' ? v.mmu().ibat() : v.mmu().dbat();
        bats.setUpper(2, 0x5000_0000L | valid);
        bats.setLower(2, 0x0002_0000L | pp);
        v.mmu().segments().set(5, VSID);                   // no PTE: a BAT miss is a page fault
        v.setRegister(4, ea);
        v.setRegister(5, 0x7777);
        v.setRegister(MSR, MSR_ME | (pr == 1 ? MSR_PR : 0) | (access == 'F' ? MSR_IR : MSR_DR));
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4), what);
        long cause = !matches ? 0x4000_0000L : 0x0800_0000L;
        if (allowed) {
            switch (access) {
                case 'L' -> assertEquals(0x6666, v.register(3), what + ": loaded");
                case 'S' -> assertEquals(0x7777, mem.read(0x20100, 4), what + ": stored");
                default -> assertEquals(1, v.register(3), what + ": fetched and ran");
            }
        } else if (access == 'F') {
            assertEquals(0x400, v.pc(), what + ": ISI");
            assertEquals(cause | MSR_ME | MSR_IR | (pr == 1 ? MSR_PR : 0), v.register(SRR1), what + ": SRR1");
        } else {
            assertEquals(0x308, v.pc(), what + ": DSI");
            assertEquals(ea, v.register(20), what + ": DAR");
            assertEquals(cause | (access == 'S' ? 0x0200_0000L : 0), v.register(21), what + ": DSISR");
        }
    }

    @Test
    void noExecuteSegmentsGuardedPagesAndDirectStoreSegments() {
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        mem.write(DATA_PA, 4, SPIN);
        PpcVcpu nx = vcpu(EA);
        nx.mmu().segments().set(3, 0x1000_0000 | VSID);    // N = 1
        nx.setRegister(MSR, MSR_ME | MSR_IR);
        assertEquals(VcpuExit.BUDGET_SPENT, nx.run(2));
        assertEquals(0x400, nx.pc(), "ppc: fetch from an N segment");
        assertEquals(0x1000_0000L | MSR_ME | MSR_IR, nx.register(SRR1));

        long at = pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        mem.write(at + 4, 4, DATA_PA | 0x8 | 2);           // WIMG = 0001: guarded
        PpcVcpu guarded = vcpu(EA);
        guarded.mmu().segments().set(3, VSID);
        guarded.setRegister(MSR, MSR_ME | MSR_IR);
        assertEquals(VcpuExit.BUDGET_SPENT, guarded.run(2));
        assertEquals(0x1000_0000L | MSR_ME | MSR_IR, guarded.register(SRR1), "ppc: fetch from a guarded page");

        PpcVcpu direct = loader(EA);
        direct.mmu().segments().set(3, 0x8000_0000 | VSID); // T = 1
        assertEquals(VcpuExit.BUDGET_SPENT, direct.run(4));
        assertEquals(0x0400_0000L, direct.register(21), "ppc: DSISR bit 5 for a direct-store segment");
    }

    private PpcVcpu loader(long ea) {
        PpcVcpu v = vcpu(CODE, lwz(3, 0, 4), SPIN);
        v.setRegister(4, ea);
        v.mmu().segments().set((int) (ea >>> 28), VSID);
        v.setRegister(MSR, MSR_ME | MSR_DR);
        return v;
    }

    @Test
    void primaryAndSecondaryPtegsAreSearched() {
        mem.write(DATA_PA, 4, 0x1111);
        mem.write(OTHER_PA, 4, 0x2222);
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 7);
        PpcVcpu v = loader(EA);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEquals(0x1111, v.register(3), "ppc: primary PTEG, slot 7");

        long ea2 = 0x3000_6000L;
        pte(HTAB, VSID, ea2, OTHER_PA, 2, true, 3);
        PpcVcpu w = loader(ea2);
        assertEquals(VcpuExit.BUDGET_SPENT, w.run(2));
        assertEquals(0x2222, w.register(3), "ppc: secondary PTEG (H = 1), slot 3");
    }

    @Test
    void aPteWithTheWrongHOrApiDoesNotMatch() {
        long ea = 0x3000_7000L;
        long at = pte(HTAB, VSID, ea, DATA_PA, 2, false, 0);
        mem.write(at, 4, mem.read(at, 4) | 0x40);          // H = 1 in the primary group: not this page
        long other = pte(HTAB, VSID, ea + 0x40_0000L, DATA_PA, 2, false, 1); // same hash? no: API differs
        PpcVcpu v = loader(ea);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        assertEquals(0x308, v.pc(), "ppc: miss goes to the DSI handler");
        assertEquals(ea, v.register(20), "ppc: DAR");
        assertEquals(0x4000_0000L, v.register(21), "ppc: DSISR says no translation");
        assertEquals(other, other);
    }

    @Test
    void htabmaskSelectsHigherHashBits() {
        long sdr1 = 0x0002_0001L;                          // 128 KiB table at 0x20000, HTABMASK = 1
        long ea = 0x3000_0000L | (long) ((0x400 ^ VSID) & 0xffff) << 12; // page index making hash bit 8 set
        mem.write(DATA_PA + 0x20, 4, 0x3333);
        pte(sdr1, VSID, ea, DATA_PA, 2, false, 0);
        assertEquals(0x30000L, pteg(sdr1, hash(VSID, ea)) & 0xff0000L, "ppc: the test's PTEG lies in the upper half");
        PpcVcpu v = vcpu(CODE, lwz(3, 0x20, 4), SPIN);
        v.mmu().pageTable().setSdr1(sdr1);
        v.mmu().segments().set(3, VSID);
        v.setRegister(4, ea);
        v.setRegister(MSR, MSR_ME | MSR_DR);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEquals(0x3333, v.register(3));
    }

    @Test
    void batTakesPrecedenceOverThePageTable() {
        mem.write(DATA_PA, 4, 0x1111);
        mem.write(0x20000 + (EA & 0x1ffff), 4, 0x4444);
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        PpcVcpu v = loader(EA);
        // DBAT0: BEPI = 0x3000_0000, BL = 0 (128 KiB), Vs = 1; BRPN = 0x20000, PP = 10
        v.mmu().dbat().setUpper(0, 0x3000_0002L);
        v.mmu().dbat().setLower(0, 0x0002_0002L);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEquals(0x4444, v.register(3), "ppc: the BAT maps EA, not the PTE");

        PpcVcpu user = loader(EA);
        user.mmu().dbat().setUpper(0, 0x3000_0002L);     // Vp = 0: not valid in problem state
        user.mmu().dbat().setLower(0, 0x0002_0002L);
        user.setRegister(MSR, MSR_ME | MSR_DR | MSR_PR);
        assertEquals(VcpuExit.BUDGET_SPENT, user.run(2));
        assertEquals(0x1111, user.register(3), "ppc: Vp = 0, so problem state goes to the page table");
    }

    @Test
    void batBlockLengthAndReadOnlyProtection() {
        long ea = 0x3002_0010L;                            // second 128 KiB of a 256 KiB block (BL = 1)
        mem.write(0x20010, 4, 0x5656);                     // BRPN 0 (aligned to the block) + EA offset 0x20010
        PpcVcpu v = vcpu(CODE, lwz(3, 0, 4), stw(3, 0, 4), SPIN);
        v.mmu().dbat().setUpper(0, 0x3000_0000L | 1 << 2 | 2);
        v.mmu().dbat().setLower(0, 0x0000_0001L);          // PP = 01: read-only
        v.setRegister(4, ea);
        v.setRegister(MSR, MSR_ME | MSR_DR);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(5));
        assertEquals(0x5656, v.register(3), "ppc: BL = 1 maps EA bit 14 through");
        assertEquals(0x308, v.pc(), "ppc: the store to a read-only BAT is a DSI");
        assertEquals(0x0a00_0000L, v.register(21), "ppc: DSISR protection + store");
    }

    @Test
    void tlbieAndSegmentWritesReachTheSoftTlb() {
        mem.write(DATA_PA, 4, 0x1111);
        mem.write(OTHER_PA, 4, 0x2222);
        long at = pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        PpcVcpu v = vcpu(CODE, lwz(3, 0, 4), lwz(5, 0, 4), tlbie(4), lwz(6, 0, 4), mtsr(3, 7), lwz(8, 0, 4), SPIN);
        v.mmu().segments().set(3, VSID);
        v.setRegister(4, EA);
        v.setRegister(7, VSID + 1);
        v.setRegister(MSR, MSR_ME | MSR_DR);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        mem.write(at + 4, 4, OTHER_PA | 2);              // the guest moves the page without tlbie
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(0x1111, v.register(5), "ppc: stale translation until tlbie (as hardware allows)");
        assertEquals(0x2222, v.register(6), "ppc: tlbie made the new PTE visible");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        assertEquals(0x308, v.pc(), "ppc: after mtsr to another VSID the page is unmapped");
        assertEquals(0x4000_0000L, v.register(21));
    }

    @Test
    void batAndSdr1WritesByTheGuestReachTheSoftTlb() {
        mem.write(DATA_PA, 4, 0x1111);
        mem.write(0x20000 + (EA & 0x1ffff), 4, 0x4444);
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        // lwz; mtspr DBAT0L, DBAT0U (BEPI 0x30000000, Vs, BRPN 0x20000, PP 10); lwz; mtspr DBAT0U 0; SDR1 = 0x20000; lwz
        PpcVcpu v = vcpu(CODE, lwz(3, 0, 4), mtspr(DBAT0U + 1, 8), mtspr(DBAT0U, 7), lwz(5, 0, 4),
                mtspr(DBAT0U, 0), mtspr(SDR1, 9), lwz(6, 0, 4), SPIN);
        v.mmu().segments().set(3, VSID);
        v.setRegister(4, EA);
        v.setRegister(7, 0x3000_0002L);
        v.setRegister(8, 0x0002_0002L);
        v.setRegister(9, 0x0002_0000L);                    // an empty table: the page is no longer mapped
        v.setRegister(MSR, MSR_ME | MSR_DR);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        assertEquals(0x1111, v.register(3), "ppc: through the page table");
        assertEquals(0x4444, v.register(5), "ppc: mtspr DBAT0U dropped the cached translation");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(5));
        assertEquals(0x308, v.pc(), "ppc: after mtspr SDR1 to an empty table the load misses");
        assertEquals(0x4000_0000L, v.register(21));
    }

    @Test
    void saveAndRestoreCarryTheMmuAndSupervisorState() {
        mem.write(DATA_PA, 4, 0x1111);
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        PpcVcpu v = loader(EA);
        v.mmu().ibat().setUpper(1, 0x8000_1ffeL);
        v.mmu().dbat().setLower(3, 0x1234_0012L);
        v.cpu().sprg[2] = 0xabcd;
        v.cpu().dar = 0x4242;
        var saved = v.save();
        PpcVcpu w = (PpcVcpu) isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        w.restore(saved);
        assertEquals(saved.registers(), w.save().registers(), "ppc: every register, SPR, BAT and SR survives");
        assertEquals(VcpuExit.BUDGET_SPENT, w.run(2));
        assertEquals(0x1111, w.register(3), "ppc: the restored vCPU translates through the same page table");
    }

    @Test
    void hypercallPointersAreTranslatedLikeData() {
        pte(HTAB, VSID, EA, DATA_PA, 2, false, 0);
        PpcVcpu v = loader(EA);
        assertEquals(DATA_PA + 0x24, v.translate(EA + 0x24, false));
        assertEquals(-1, v.translate(0x3000_9000L, false), "ppc: unmapped");
    }

    @Test
    void uninstalledDsiCrashesTheDomainWithTheAddress() {
        PpcVcpu v = loader(EA);
        mem.write(0x300, 4, 0);
        assertEquals(new VcpuExit.Fault("data storage interrupt at 0x30005000 (no translation, load) with no handler installed",
                CODE), v.run(2));
    }
}
