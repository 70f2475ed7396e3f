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
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.ppc.Asm.*;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * Block execution through the vCPU: the run loop decodes straight-line code into blocks and runs them whole, yet
 * everything seen from outside stays that of one instruction at a time. Self-modifying code inside a block (with and
 * without icbi/isync), a DSI in the middle of a block (precise SRR0, DAR, DSISR and earlier effects), budgets that
 * end inside a block (exact counts, resumable), the decrementer taken at a block boundary, and a code page
 * remapped by tlbie or by a segment register write.
 */
class PpcBlockExecutionTest {
    private static final long CODE = 0x1000, DATA = 0x8000, HTAB = 0x10000;
    private static final long MSR_EE = 0x8000, MSR_ME = 0x1000, MSR_IR = 0x20, MSR_DR = 0x10;
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 256 * 1024);
    private final PpcIsaProvider isa = new PpcIsaProvider();
    /** The vCPU whose retired count is the virtual clock (one nanosecond per instruction, as the kernel's). */
    private Vcpu clocked;

    private PpcVcpu vcpu(long pc, int... code) {
        write(pc, code);
        PpcVcpu v = (PpcVcpu) isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> clocked == null ? 0 : clocked.retired()));
        v.setPc(pc);
        return v;
    }

    private void write(long at, int... code) {
        for (int k = 0; k < code.length; k++) mem.write(at + 4L * k, 4, code[k]);
    }

    private static int b(long from, long to) { return 0x4800_0000 | (int) (to - from) & 0x03ff_fffc; }

    private static int ba(long to) { return 0x4800_0002 | (int) to & 0x03ff_fffc; }

    private static int icbi(int ra, int rb) { return 0x7c00_07ac | ra << 16 | rb << 11; }

    private static final int ISYNC = 0x4c00_012c, SYNC = 0x7c00_04ac, BCTR = 0x4e80_0420, CTR_SPR = 9;

    @Test
    void aStoreRewritesALaterInstructionOfTheRunningBlock() {
        // the block [stw, nop, nop, li r3,1, spin] is decoded whole before the store replaces li r3,1 by li r3,2
        PpcVcpu v = vcpu(CODE, stw(5, 12, 6), NOP, NOP, li(3, 1), SPIN);
        v.setRegister(5, li(3, 2));
        v.setRegister(6, CODE);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(5));
        assertEquals(2, v.register(3), "ppc: the rewritten instruction runs, not the one decoded with its block");
        assertEquals(CODE + 16, v.pc());
        assertEquals(5, v.retired());
    }

    @Test
    void storeThenIcbiAndIsyncAsSoftwareDoes() {
        // store, dcbst-free sequence of the Book II 5.1.4 idiom: stw; sync; icbi; isync; then the new code
        PpcVcpu v = vcpu(CODE, stw(5, 20, 6), SYNC, icbi(0, 6), ISYNC, NOP, li(3, 1), SPIN);
        v.setRegister(5, li(3, 3));
        v.setRegister(6, CODE);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(7));
        assertEquals(3, v.register(3), "ppc: the instruction written before icbi/isync runs");
        assertEquals(7, v.retired());
    }

    @Test
    void aBlockRunManyTimesIsDecodedAgainAfterAStoreIntoItsMiddle() {
        // loop: nop ; li r3,1 ; addi r4,r4,1 ; cmpwi r4,10 ; blt loop -- then a store from another block rewrites the
        // li, which is not the first instruction of the cached block
        long loop = CODE;
        write(loop, NOP, li(3, 1), addi(4, 4, 1), 0x2c04_000a /* cmpwi r4,10 */, 0x4180_fff0 /* blt loop */,
                stw(5, 4, 6), ba(loop));
        PpcVcpu v = vcpu(loop);
        v.setRegister(5, li(3, 7));
        v.setRegister(6, loop);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(50 + 2));
        assertEquals(1, v.register(3), "ppc: the loop ran its first code");
        assertEquals(loop, v.pc(), "ppc: back at the loop after the store");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEquals(7, v.register(3), "ppc: the cached block was dropped by the store into it");
    }

    @Test
    void aDsiInTheMiddleOfABlockIsPrecise() {
        // data relocation on with an empty page table: the lwz is a DSI (no PTE); the fetch is in real mode
        write(0x300, mfspr(20, DAR), mfspr(21, DSISR), SPIN);
        PpcVcpu v = vcpu(CODE, li(3, 1), li(4, 2), lwz(5, 8, 6), li(7, 3), SPIN);
        v.mmu().pageTable().setSdr1(HTAB);
        v.setRegister(6, 0x4000_0000L);
        v.setRegister(MSR, MSR_ME | MSR_DR);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(5));
        assertEquals(1, v.register(3), "ppc: the first instruction of the block completed");
        assertEquals(2, v.register(4), "ppc: the second too");
        assertEquals(0, v.register(7), "ppc: the instruction after the DSI did not run");
        assertEquals(CODE + 8, v.register(SRR0), "ppc: SRR0 is the lwz");
        assertEquals(0x4000_0008L, v.register(20), "ppc: DAR");
        assertEquals(0x4000_0000L, v.register(21), "ppc: DSISR says no PTE");
        assertEquals(0x308, v.pc(), "ppc: the handler ran to its spin");
        assertEquals(4, v.retired(), "ppc: two instructions before the DSI and two of the handler");
    }

    @TestFactory
    List<DynamicTest> aBudgetEndsInsideABlockExactly() {
        List<DynamicTest> tests = new ArrayList<>();
        int[] block = new int[12];
        for (int k = 0; k < 11; k++) block[k] = addi(3, 3, 1);
        block[11] = b(CODE + 44, CODE);
        for (int first = 1; first <= 24; first++) {
            int budget = first;
            tests.add(DynamicTest.dynamicTest("budget " + budget + " then 5", () -> {
                PpcVcpu v = vcpu(CODE, block);
                assertEquals(VcpuExit.BUDGET_SPENT, v.run(budget), "ppc budget " + budget);
                assertEquals(budget, v.retired(), "ppc: retired after budget " + budget);
                assertEquals(addsAfter(budget), v.register(3), "ppc: r3 after budget " + budget);
                assertEquals(CODE + 4L * (budget % 12), v.pc(), "ppc: pc after budget " + budget);
                assertEquals(VcpuExit.BUDGET_SPENT, v.run(5), "ppc resume after " + budget);
                assertEquals(budget + 5, v.retired(), "ppc: retired after budget " + budget + " and 5 more");
                assertEquals(addsAfter(budget + 5), v.register(3), "ppc: r3 after budget " + budget + " and 5 more");
            }));
        }
        return tests;
    }

    /**
     * Programs over the fast forms (fused compare and bc, side exits, bdnz, bl/blr, loads and stores with update,
     * slwi/srwi/rlwinm/rlwimi, mr, record forms), each run with every budget from 1 to 60 at once and compared with
     * the same number of single steps (a budget of 1 runs one instruction): registers, CR, CTR, LR, pc, retired.
     */
    @TestFactory
    List<DynamicTest> blocksAgreeWithSingleSteps() {
        int[][] programs = {
                // r4 counts to 5 with cmpwi cr7 + blt cr7 (fused), then r3 = 1
                {addi(4, 4, 1), 0x2f84_0005 /* cmpwi cr7,r4,5 */, 0x419c_fff8 /* blt cr7,-8 */, li(3, 1), SPIN},
                // cmpw into cr0, bc on cr7 (not fused); side exit not taken, then a back edge
                {addi(4, 4, 1), 0x7c04_2800 /* cmpw r4,r5 */, 0x419e_0008 /* beq cr7,+8 */, 0x4180_fff4 /* blt -12 */,
                        0x5483_103a /* slwi r3,r4,2 */, 0x5483_f0be /* srwi r3,r4,2 */, SPIN},
                // bdnz loop with a load/store with update walking memory, rlwimi and a record-form rlwinm.
                {0x3920_0006 /* li r9,6 */, 0x7d29_03a6 /* mtctr r9 */, 0x84a6_0004 /* lwzu r5,4(r6) */,
                        0x94a7_0004 /* stwu r5,4(r7) */, 0x50a3_442e /* rlwimi r3,r5,8,16,23 */,
                        0x54a8_063f /* rlwinm. r8,r5,0,24,31 */, 0x4200_fff0 /* bdnz -16 */, SPIN},
                // bl to a leaf that returns with blr, mr and an or into a result
                {0x4800_000d /* bl +12 */, 0x7c83_2378 /* mr r3,r4 */, SPIN, 0x3880_002a /* li r4,42 */,
                        0x7c84_2b78 /* or r4,r4,r5 */, 0x4e80_0020 /* blr */},
        };
        List<DynamicTest> tests = new ArrayList<>();
        for (int p = 0; p < programs.length; p++) {
            int[] program = programs[p];
            String name = "program " + p;
            tests.add(DynamicTest.dynamicTest(name, () -> {
                for (int budget = 1; budget <= 60; budget++) {
                    PpcVcpu whole = seeded(program), stepped = seeded(program);
                    whole.run(budget);
                    for (int k = 0; k < budget; k++) stepped.run(1);
                    for (int n : new int[] {3, 4, 5, 6, 7, 8, PC, CR, CTR, LR})
                        assertEquals(stepped.register(n), whole.register(n), "ppc " + name + ", budget " + budget + ", register " + n);
                    assertEquals(stepped.retired(), whole.retired(), "ppc " + name + ", budget " + budget + ", retired");
                }
            }));
        }
        return tests;
    }

    private PpcVcpu seeded(int[] program) {
        for (int k = 0; k < 16; k++) mem.write(DATA + 4L * k, 4, 0x0102_0304L * (k + 1));
        PpcVcpu v = vcpu(CODE, program);
        v.setRegister(5, 3);
        v.setRegister(6, DATA);
        v.setRegister(7, DATA + 0x40);
        return v;
    }

    /** The addi count after {@code n} instructions of the 11-addi loop closed by a branch. */
    private static long addsAfter(int n) { return n / 12 * 11 + Math.min(n % 12, 11); }

    @Test
    void theDecrementerIsTakenAtABlockBoundary() {
        // a 40-instruction block (39 addi and a branch back) with EE on; the handler saves SRR0 and r3 and spins
        long loop = CODE + 16;
        write(0x900, mfspr(20, SPR_SRR0), 0x7c75_1b78 /* mr r21,r3 */, SPIN);
        write(CODE, li(8, 50), mtspr(DEC, 8), mtmsr(9), NOP);
        for (int k = 0; k < 39; k++) write(loop + 4L * k, addi(3, 3, 1));
        write(loop + 4L * 39, b(loop + 4L * 39, loop));
        PpcVcpu v = vcpu(CODE);
        clocked = v;
        v.setRegister(9, MSR_ME | MSR_EE);
        v.setRegister(MSR, MSR_ME);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(20_000));
        assertEquals(0x908, v.pc(), "ppc: the decrementer handler ran");
        assertEquals(loop, v.register(20), "ppc: SRR0 is the start of the block, so the block ran whole");
        assertEquals(0, v.register(21) % 39, "ppc: r3 counts whole blocks: " + v.register(21));
        long ticks = 50 * 40;    // 25 MHz ticks of 40 ns, one instruction a nanosecond
        long taken = v.register(21) / 39 * 40 + 4;
        assertEquals(true, taken >= ticks && taken <= ticks + 256 + 40,
                "ppc: taken within a poll interval and a block of the decrementer's expiry, at " + taken);
    }

    /** The PTEG address for HTABORG = HTAB, HTABMASK = 0 (OEA 7.6.1.1). */
    private static long pteg(int hash) { return HTAB | (long) (hash & 0x3ff) << 6; }

    /** Writes a valid PTE (PP = 10) for (vsid, ea) into slot {@code slot} of its primary PTEG. */
    private long pte(int vsid, long ea, long pa, int slot) {
        int hash = (vsid & 0x7ffff) ^ (int) ((ea >>> 12) & 0xffff);
        long at = pteg(hash) + 8L * slot;
        mem.write(at, 4, 0x8000_0000L | (long) vsid << 7 | ((ea >>> 22) & 0x3f));
        mem.write(at + 4, 4, (pa & 0xffff_f000L) | 2);
        return at;
    }

    private static final long EA = 0x3000_5000L, PA_A = 0x20000, PA_B = 0x21000, CONTROL = 0x2000;
    private static final int VSID = 0x123, OTHER_VSID = 0x456;

    /**
     * Instruction relocation on: EA (segment 3) maps through the page table to PA_A, whose code sets r3 = 1 and jumps
     * to the control code; the low 128 KiB (vectors and control code) are an IBAT. Returns the vCPU after that ran.
     */
    private PpcVcpu remappable(int... control) {
        write(PA_A, li(3, 1), ba(CONTROL));
        write(PA_B, li(3, 2), ba(CONTROL));
        write(CONTROL, SPIN);
        write(CONTROL + 0x100, control);
        pte(VSID, EA, PA_A, 0);
        PpcVcpu v = vcpu(EA);
        v.mmu().pageTable().setSdr1(HTAB);
        v.mmu().segments().set(3, VSID);
        v.mmu().ibat().setUpper(0, 0x0000_0002L);          // BEPI 0, 128 KiB, Vs
        v.mmu().ibat().setLower(0, 0x0000_0002L);          // BRPN 0, PP = 10
        v.setRegister(MSR, MSR_ME | MSR_IR);
        v.setRegister(8, EA);
        v.setRegister(9, OTHER_VSID);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(1, v.register(3), "ppc: the code of PA_A ran at EA");
        assertEquals(CONTROL, v.pc());
        return v;
    }

    @Test
    void aCodePageRemappedByTlbieRunsItsNewCode() {
        PpcVcpu v = remappable(tlbie(8), SYNC, ISYNC, mtspr(CTR_SPR, 8), BCTR);
        mem.write(pte(VSID, EA, PA_A, 0) + 4, 4, PA_B | 2);      // the guest's new PTE for EA: PA_B
        v.setPc(CONTROL + 0x100);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(7));
        assertEquals(2, v.register(3), "ppc: after tlbie, EA runs the code of PA_B");
        assertEquals(CONTROL, v.pc());
    }

    @Test
    void aCodePageRemappedByASegmentRegisterWriteRunsItsNewCode() {
        PpcVcpu v = remappable(mtsr(3, 9), ISYNC, mtspr(CTR_SPR, 8), BCTR);
        pte(OTHER_VSID, EA, PA_B, 1);
        v.setPc(CONTROL + 0x100);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(6));
        assertEquals(2, v.register(3), "ppc: after mtsr, EA's new VSID maps the code of PA_B");
        assertEquals(CONTROL, v.pc());
    }
}
