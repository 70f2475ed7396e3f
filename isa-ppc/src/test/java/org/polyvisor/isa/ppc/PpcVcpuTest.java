package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;
import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.spi.BootInfo;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.IsaProvider;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/** The vCPU's exits, budget, caches, state and boot, through the {@link Vcpu} interface. */
class PpcVcpuTest {
    private static final long CODE = 0x1000, MMIO = 0xf000_0000L;
    private final PpcIsaProvider isa = new PpcIsaProvider();
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024).withMmio(MMIO, 0x1000);

    private Vcpu vcpu(int... code) {
        for (int k = 0; k < code.length; k++) mem.write(CODE + 4L * k, 4, code[k]);
        Vcpu v = isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        v.setPc(CODE);
        return v;
    }

    private static VcpuExit.Fault fault(String reason, long pc) { return new VcpuExit.Fault(reason, pc); }

    @Test
    void hypercallExitsWithPcPastScAndResumes() {
        Vcpu v = vcpu(0x38600012, 0x44000022, 0x38630001); // li r3,18; sc 1; addi r3,r3,1
        assertEquals(VcpuExit.HYPERCALL, v.run(100));
        assertEquals(CODE + 8, v.pc(), "ppc: pc after sc 1");
        assertEquals(2, v.retired());
        assertEquals(18, v.register(isa.hypercallAbi().opRegister()));
        v.setRegister(isa.hypercallAbi().resultRegister(), -38);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        assertEquals(0xffff_ffdbL, v.register(3), "result -ENOSYS then +1, seen as 32 bits");
    }

    @Test
    void plainScWithNoVectorFaults() {
        Vcpu v = vcpu(0x44000002);
        assertEquals(fault("system call (sc 0) with no handler installed", CODE), v.run(10));
        assertEquals(CODE, v.pc());
        assertEquals(0, v.retired());
    }

    @Test
    void hypercallFromProblemStateIsNotAHypercall() {
        Vcpu v = vcpu(0x44000022);
        v.setRegister(MSR, 0x4000);
        assertEquals(fault("system call (sc 1) with no handler installed", CODE), v.run(10));
    }

    @Test
    void undefinedInstructionsFault() {
        assertEquals(fault("undefined instruction 0x00000000", CODE + 4), vcpu(0x60000000, 0x00000000).run(10));
        assertEquals(fault("undefined instruction 0x84630000", CODE), vcpu(0x84630000).run(1), "lwzu with RA = RT");
        assertEquals(fault("undefined instruction 0x4c000420", CODE), vcpu(0x4c000420).run(1), "bcctr decrementing CTR");
        assertEquals(fault("undefined instruction 0x7c6302a6", CODE), vcpu(0x7c6302a6).run(1), "mfspr of an SPR the 750 lacks (3)");
    }

    @Test
    void trapsWhoseConditionHoldsFault() {
        assertEquals(fault("trap instruction 0x7fe00008", CODE), vcpu(0x7fe00008).run(1), "trap");
        Vcpu v = vcpu(0x0e03fffb); // twlti r3,-5
        v.setRegister(3, -6);
        assertEquals(fault("trap instruction 0x0e03fffb", CODE), v.run(1));
    }

    @Test
    void privilegedSprInProblemStateFaults() {
        Vcpu v = vcpu(0x7c7a03a6); // mtsrr0 r3
        v.setRegister(MSR, 0x4000);
        assertEquals(fault("privileged instruction 0x7c7a03a6 in problem state", CODE), v.run(1));
    }

    @Test
    void machineStateIsPrivilegedAndTranslationApplies() {
        Vcpu user = vcpu(0x7c6000a6); // mfmsr r3
        user.setRegister(MSR, 0x4000);
        assertEquals(fault("privileged instruction 0x7c6000a6 in problem state", CODE), user.run(1));
        Vcpu translate = vcpu(0x7c600124); // mtmsr r3
        translate.setRegister(3, 0x30);
        assertEquals(fault("instruction storage interrupt at 0x1004 (no translation) with no handler installed", CODE + 4),
                translate.run(2), "no BAT and no page table map the next fetch");
        assertEquals(0x30, translate.register(MSR));
    }

    @Test
    void reservationsMustBeAligned() {
        Vcpu v = vcpu(0x7c602028); // lwarx r3,0,r4
        v.setRegister(4, 0x8002);
        assertEquals(fault("alignment interrupt at 0x8002 (lwarx) with no handler installed", CODE), v.run(1));
    }

    @Test
    void accessesOutsideGuestMemoryFault() {
        Vcpu load = vcpu(0x84640004); // lwzu r3,4(r4)
        load.setRegister(4, 0x20000);
        assertEquals(fault("load outside guest memory at 0x20004", CODE), load.run(1));
        assertEquals(0x20000, load.register(4), "the update form leaves RA alone when its access faults");
        Vcpu store = vcpu(0x90640004); // stw r3,4(r4)
        store.setRegister(4, 0x7fff_fffcL);
        assertEquals(fault("store outside guest memory at 0x80000000", CODE), store.run(1));
        Vcpu fetch = vcpu();
        fetch.setPc(0x20_0000);
        assertEquals(fault("fetch outside guest memory at 0x200000", 0x20_0000), fetch.run(1));
        Vcpu fromMmio = vcpu();
        fromMmio.setPc(MMIO);
        assertEquals(fault("fetch outside guest memory at 0xf0000000", MMIO), fromMmio.run(1));
    }

    @Test
    void mmioLoadExitsAndCompletes() {
        Vcpu v = vcpu(0xa4640002, 0x80640004); // lhzu r3,2(r4); lwz r3,4(r4)
        v.setRegister(4, MMIO + 0x10);
        assertEquals(new VcpuExit.Mmio(MMIO + 0x12, 2, false, 0), v.run(10));
        assertEquals(CODE + 4, v.pc());
        assertEquals(MMIO + 0x12, v.register(4), "update form writes RA");
        v.completeRead(0x8001);
        assertEquals(0x8001, v.register(3));
        assertEquals(new VcpuExit.Mmio(MMIO + 0x16, 4, false, 0), v.run(10));
        v.completeRead(0x11223344);
        assertEquals(0x11223344, v.register(3));
        assertEquals(2, v.retired());
    }

    @Test
    void mmioSignExtendingLoadAndStore() {
        Vcpu v = vcpu(0xa8640002, 0x90640004); // lha r3,2(r4); stw r3,4(r4)
        v.setRegister(4, MMIO);
        assertEquals(new VcpuExit.Mmio(MMIO + 2, 2, false, 0), v.run(10));
        v.completeRead(0x8000);
        assertEquals(0xffff_8000L, v.register(3));
        assertEquals(new VcpuExit.Mmio(MMIO + 4, 4, true, 0xffff_8000L), v.run(10));
        assertEquals(CODE + 8, v.pc());
    }

    @Test
    void budgetIsExactlyHonoured() {
        Vcpu spin = vcpu(0x48000000); // b .
        assertEquals(VcpuExit.BUDGET_SPENT, spin.run(1000));
        assertEquals(1000, spin.retired());
        assertEquals(VcpuExit.BUDGET_SPENT, spin.run(0));
        assertEquals(1000, spin.retired());
        Vcpu count = vcpu(0x38630001, 0x4bfffffc); // addi r3,r3,1; b .-4
        assertEquals(VcpuExit.BUDGET_SPENT, count.run(7));
        assertEquals(4, count.register(3));
        assertEquals(CODE + 4, count.pc());
    }

    @Test
    void storesOverExecutedCodeTakeEffect() {
        Vcpu v = vcpu(
                0x90850000,  // stw r4,0(r5)     write "li r3,1" at 0x3000 (data page, TLB write entry filled)
                0x90c50004,  // stw r6,4(r5)     and "blr" after it
                0x7ca903a6,  // mtctr r5
                0x4e800421,  // bctrl            run it: 0x3000 is now a code page
                0x44000022,  // sc 1             r3 = 1
                0x90e50000,  // stw r7,0(r5)     overwrite with "li r3,2"
                0x4e800421,  // bctrl
                0x44000022); // sc 1             r3 = 2
        v.setRegister(4, 0x38600001);
        v.setRegister(5, 0x3000);
        v.setRegister(6, 0x4e800020);
        v.setRegister(7, 0x38600002);
        assertEquals(VcpuExit.HYPERCALL, v.run(100));
        assertEquals(1, v.register(3));
        assertEquals(VcpuExit.HYPERCALL, v.run(100));
        assertEquals(2, v.register(3), "the store into decoded code must be seen");
    }

    @Test
    void storeIntoTheRunningPageTakesEffect() {
        Vcpu v = vcpu(
                0x38600001,  // li r3,1
                0x44000022,  // sc 1
                0x90850000,  // stw r4,0(r5)     overwrite the li above, which already ran, with "li r3,7"
                0x4bfffff4); // b 0x1000
        v.setRegister(4, 0x38600007);
        v.setRegister(5, CODE);
        assertEquals(VcpuExit.HYPERCALL, v.run(100));
        assertEquals(1, v.register(3));
        assertEquals(VcpuExit.HYPERCALL, v.run(100));
        assertEquals(7, v.register(3), "the new instruction runs");
    }

    @Test
    void icbiDropsCodeWrittenBehindTheVcpusBack() {
        Vcpu v = vcpu(0x38600001); // li r3,1
        mem.write(CODE + 0x100, 4, 0x7c0027ac); // icbi 0,r4
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        mem.write(CODE, 4, 0x38600002); // li r3,2, written by "the hypervisor": no store by the vCPU
        v.setPc(CODE);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        assertEquals(1, v.register(3), "ppc: the decoded instruction is still cached");
        v.setRegister(4, CODE + 4);
        v.setPc(CODE + 0x100);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        v.setPc(CODE);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(1));
        assertEquals(2, v.register(3), "ppc: icbi of the 32-byte block dropped it");
    }

    @Test
    void saveAndRestoreRoundTrip() {
        PpcVcpu v = (PpcVcpu) vcpu(0x38630001, 0x38630001);
        for (int n = 0; n < COUNT; n++) v.setRegister(n, 0x1000 + n * 0x111L);
        v.setRegister(PC, CODE);
        v.setRegister(MSR, 0x9002); // EE ME RI: translation off
        v.cpu().gpr[7] = 0x1234_5678_9abc_def0L; // the 64-bit GPR survives too
        v.run(1);
        VcpuState saved = v.save();
        Vcpu w = isa.createVcpu(new VcpuConfig(mem, 0, GuestType.PV, () -> 0));
        w.restore(saved);
        assertEquals(saved, normalised(w.save(), saved));
        assertArrayEquals(saved.extra(), w.save().extra());
        for (int n = 0; n < COUNT; n++) assertEquals(v.register(n), w.register(n), "ppc register " + name(n));
        assertEquals(0x1234_5678_9abc_def0L, saved.registers().get("r7"));
        assertEquals(v.retired(), w.retired());
        assertEquals(VcpuExit.BUDGET_SPENT, w.run(1));
        assertThrows(IllegalArgumentException.class, () -> w.restore(new VcpuState("x86", saved.registers(), null)));
    }

    /** Records compare byte arrays by identity: compare the maps, and return the expected state when they match. */
    private static VcpuState normalised(VcpuState actual, VcpuState expected) {
        return actual.registers().equals(expected.registers()) ? expected : actual;
    }

    @Test
    void pvBootState() {
        Vcpu v = vcpu();
        v.setRegister(5, 99);
        isa.bootProtocol().boot(v, new BootInfo(GuestType.PV, 0x10_0000, 0x2000, 0, 16 << 20, 0));
        assertEquals(0x10_0000, v.pc());
        assertEquals(0x2000, v.register(3), "start_info in r3");
        assertEquals(0, v.register(MSR), "supervisor, MMU off, EE off");
        assertEquals(0, v.register(5));
        assertEquals(0x4000, v.translate(0x4000, false), "translation off");
        assertEquals(0x4000, v.translate(0x4000, true));
    }

    @Test
    void hvmBootIsTheResetState() {
        Vcpu v = vcpu();
        isa.bootProtocol().boot(v, new BootInfo(GuestType.HVM, 0x10_0000, 0, 0, 16 << 20, 0));
        assertEquals(0xfff0_0100L, v.pc());
        assertEquals(0x40, v.register(MSR));
    }

    @Test
    void providerDescribesPpc() {
        assertEquals("ppc", isa.id());
        assertEquals(20, isa.elfMachine());
        assertEquals(1, isa.elfClass());
        assertEquals(32, isa.wordBits());
        assertEquals(ByteOrder.BIG_ENDIAN, isa.byteOrder());
        assertEquals("pc", isa.registers().pc().name());
        assertEquals(3, isa.registers().byName("R3").orElseThrow().number());
        assertEquals(LR, isa.registers().byName("lr").orElseThrow().number());
        assertEquals(List.of(4, 5, 6, 7, 8), isa.hypercallAbi().argumentRegisters());
        assertEquals("sc 1", isa.hypercallAbi().instruction());
        assertTrue(ServiceLoader.load(IsaProvider.class).stream().anyMatch(p -> p.get().id().equals("ppc")));
        assertThrows(IllegalArgumentException.class, () -> vcpu().register(COUNT));
    }
}
