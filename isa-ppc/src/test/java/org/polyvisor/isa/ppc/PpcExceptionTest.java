package org.polyvisor.isa.ppc;

import java.nio.ByteOrder;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.polyvisor.spi.FlatGuestMemory;
import org.polyvisor.spi.GuestType;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.polyvisor.isa.ppc.Asm.*;
import static org.polyvisor.isa.ppc.PpcRegisters.*;

/**
 * The OEA exception model through the {@link Vcpu} interface: vectors and prefix, SRR0/SRR1 with the causes of each
 * exception, the MSR on entry, rfi, the "installed" policy, the decrementer on virtual time, external interrupts,
 * and the supervisor SPRs.
 */
class PpcExceptionTest {
    private static final long CODE = 0x2000;
    private static final long MSR_EE = 0x8000, MSR_PR = 0x4000, MSR_ME = 0x1000, MSR_IP = 0x40, MSR_RI = 0x2;
    private final PpcIsaProvider isa = new PpcIsaProvider();
    private final FlatGuestMemory mem = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0, 64 * 1024);
    private final long[] nanos = {0};

    private Vcpu vcpu(int... code) { return vcpuAt(mem, CODE, code); }

    private Vcpu vcpuAt(FlatGuestMemory m, long at, int... code) {
        put(m, at, code);
        Vcpu v = isa.createVcpu(new VcpuConfig(m, 0, GuestType.PV, () -> nanos[0]));
        v.setPc(at);
        return v;
    }

    private static void put(FlatGuestMemory m, long at, int... words) {
        for (int k = 0; k < words.length; k++) m.write(at + 4L * k, 4, words[k]);
    }

    /** A handler at {@code vector} that spins, so the test can look at the state on entry. */
    private void install(int vector) { put(mem, vector, SPIN); }

    private static void assertEntered(Vcpu v, long vector, long srr0, long srr1, long msr, String what) {
        assertEquals(vector, v.pc(), "ppc " + what + ": pc at the vector");
        assertEquals(srr0, v.register(SRR0), "ppc " + what + ": SRR0");
        assertEquals(srr1, v.register(SRR1), "ppc " + what + ": SRR1");
        assertEquals(msr, v.register(MSR), "ppc " + what + ": MSR on entry");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // what, word, MSR before, SRR1 causes (bits 11-14)
            "illegal instruction,  0x00000000, 0x9002, 0x00080000",
            "illegal mfspr 3,      0x7c6302a6, 0x1002, 0x00080000",
            "mtspr PVR,            0x7c7f4ba6, 0x1002, 0x00080000",
            "privileged mfmsr,     0x7c6000a6, 0xd002, 0x00040000",
            "privileged mtsr,      0x7c8301a4, 0x5002, 0x00040000",
            "privileged mtspr SRR0,0x7c7a03a6, 0x4000, 0x00040000",
            "privileged tlbie,     0x7c002264, 0x4000, 0x00040000",
            "trap,                 0x7fe00008, 0x9002, 0x00020000",
            "bcctr with CTR--,     0x4c000420, 0x0000, 0x00080000",
    })
    void programExceptionSavesItsCause(String what, String word, String msr, String causes) {
        install(0x700);
        Vcpu v = vcpu(NOP, Integer.parseUnsignedInt(word.substring(2), 16));
        long before = Long.decode(msr);
        v.setRegister(MSR, before);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEntered(v, 0x700, CODE + 4, (before & 0xff73) | Long.decode(causes), before & MSR_ME, what);
        assertEquals(2, v.retired(), "ppc " + what + ": the nop and one spin of the handler retired, not the faulting word");
    }

    @Test
    void systemCallRoundTripFromProblemState() {
        // handler: r3 += 1; SRR1 still has PR = 1; rfi back after the sc
        put(mem, 0xc00, addi(3, 3, 1), mfspr(4, SPR_SRR1), RFI);
        Vcpu v = vcpu(li(3, 41), SC, addi(5, 3, 0), SPIN);
        v.setRegister(MSR, MSR_PR | MSR_EE | MSR_ME | MSR_RI);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEntered(v, 0xc00, CODE + 8, MSR_PR | MSR_EE | MSR_ME | MSR_RI, MSR_ME, "sc from problem state");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        assertEquals(CODE + 12, v.pc(), "ppc: rfi resumes after sc, then addi");
        assertEquals(42, v.register(5));
        assertEquals(MSR_PR | MSR_EE | MSR_ME | MSR_RI, v.register(MSR), "ppc: rfi restored problem state");
        assertEquals(MSR_PR | MSR_EE | MSR_ME | MSR_RI, v.register(4));
    }

    @Test
    void hypercallFromSupervisorStateStillExits() {
        put(mem, 0xc00, SPIN);
        Vcpu v = vcpu(HYPERCALL);
        assertEquals(VcpuExit.HYPERCALL, v.run(5));
        assertEquals(CODE + 4, v.pc());
    }

    @Test
    void uninstalledVectorsCrashTheDomainAsBefore() {
        Vcpu v = vcpu(UNDEFINED);
        assertEquals(new VcpuExit.Fault("undefined instruction 0x00000000", CODE), v.run(5));
        put(mem, 0x700, SPIN);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(5), "installed later: delivered");
        assertEquals(0x700, v.pc());
    }

    @Test
    void prefixSelectsHighVectors() {
        FlatGuestMemory high = new FlatGuestMemory(ByteOrder.BIG_ENDIAN, 0xfff0_0000L, 64 * 1024);
        put(high, 0xfff0_0700L, SPIN);
        Vcpu v = vcpuAt(high, 0xfff0_2000L, TRAP);
        v.setRegister(MSR, MSR_IP | MSR_ME);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        assertEntered(v, 0xfff0_0700L, 0xfff0_2000L, MSR_IP | MSR_ME | 0x20000, MSR_IP | MSR_ME, "trap with MSR[IP]");
    }

    @Test
    void rfiRestoresMsrAndPc() {
        // (li would sign-extend 0x8002 into the upper half, where MSR[VEC] is: ori keeps it zero-extended)
        Vcpu v = vcpu(lis(3, 0), ori(3, 3, 0x3000), mtspr(SPR_SRR0, 3), li(4, 0), ori(4, 4, (int) (MSR_EE | MSR_RI)),
                mtspr(SPR_SRR1, 4), RFI);
        put(mem, 0x3000, li(7, 7), SPIN);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(8));
        assertEquals(7, v.register(7));
        assertEquals(MSR_EE | MSR_RI, v.register(MSR));
    }

    @Test
    void decrementerFiresOnVirtualTimeWhenEnabled() {
        install(0x900);
        Vcpu v = vcpu(li(3, 10), mtspr(DEC, 3), SPIN);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(10));
        assertEquals(CODE + 8, v.pc(), "ppc: EE = 0, no decrementer exception");
        nanos[0] = 11 * 40; // 11 ticks at 25 MHz: DEC went from 0 to -1
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(10));
        assertEquals(CODE + 8, v.pc(), "ppc: still masked");
        v.setRegister(MSR, MSR_EE | MSR_ME);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEntered(v, 0x900, CODE + 8, MSR_EE | MSR_ME, MSR_ME, "decrementer");
        v.setRegister(MSR, MSR_EE | MSR_ME);
        v.setPc(CODE + 8);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(CODE + 8, v.pc(), "ppc: taken once, no longer pending");
    }

    @Test
    void decrementerCountsDownAndTimeBaseCounts() {
        Vcpu v = vcpu(li(3, 1000), mtspr(DEC, 3), mfspr(4, DEC), mftb(5, 268), mftb(6, 269),
                lis(7, 1), mtspr(TBU_WRITE, 7), mftb(8, 269), mftb(9, 268));
        nanos[0] = 400_000;
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(2));
        nanos[0] += 40 * 25;
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(7));
        assertEquals(975, v.register(4), "ppc: DEC after 25 ticks");
        assertEquals(10_025, v.register(5), "ppc: TBL = 400025 ns / 40");
        assertEquals(0, v.register(6));
        assertEquals(0x10000, v.register(8), "ppc: TBU written");
        assertEquals(10_025, v.register(9), "ppc: TBL kept");
    }

    @Test
    void externalInterruptWaitsForEe() {
        install(0x500);
        Vcpu v = vcpu(NOP, li(3, 0), ori(3, 3, (int) (MSR_EE | MSR_ME)), mtmsr(3), SPIN);
        v.raiseInterrupt(0);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEquals(CODE + 12, v.pc(), "ppc: EE = 0 so far");
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(3));
        assertEntered(v, 0x500, CODE + 16, MSR_EE | MSR_ME, MSR_ME, "external interrupt after mtmsr EE");
    }

    @Test
    void unalignedReservationTakesTheAlignmentInterrupt() {
        put(mem, 0x600, mfspr(20, DAR), mfspr(21, DSISR), SPIN);
        Vcpu v = vcpu(0x7c64212d); // stwcx. r3,r4,r4
        v.setRegister(4, 0x4001);
        v.setRegister(MSR, MSR_ME | MSR_RI);
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(4));
        assertEquals(0x608, v.pc());
        assertEquals(CODE, v.register(SRR0));
        assertEquals(MSR_ME | MSR_RI, v.register(SRR1));
        assertEquals(0x8002, v.register(20), "ppc: DAR = r4 + r4");
        // stwcx. is 31/150: instruction bits 21-24 = 0010, bit 25 = 0, bits 29-30 = 10; RS = 3, RA = 4
        assertEquals(0b10L << 15 | 0b0010L << 10 | 3 << 5 | 4, v.register(21), "ppc: DSISR");
    }

    @Test
    void supervisorSprsHoldTheirValues() {
        Vcpu v = vcpu(li(3, 0x1234), mtspr(SPRG0, 3), mtspr(SPRG0 + 3, 3), mtspr(DAR, 3), mtspr(DSISR, 3), mtspr(HID0, 3),
                mfspr(4, SPRG0), mfspr(5, SPRG0 + 3), mfspr(6, DAR), mfspr(7, DSISR), mfspr(8, HID0), mfspr(9, PVR),
                mtspr(DBAT0U + 1, 3), mfspr(10, DBAT0U + 1), mtsr(5, 3), mfsr(11, 5), mtspr(SDR1, 3), mfspr(12, SDR1));
        assertEquals(VcpuExit.BUDGET_SPENT, v.run(18));
        for (int r = 4; r <= 8; r++) assertEquals(0x1234, v.register(r), "ppc: SPR round trip into r" + r);
        assertEquals(0x000c_0209L, v.register(9), "ppc: PVR of a 7400");
        assertEquals(0x1234, v.register(10), "ppc: DBAT0L");
        assertEquals(0x1234, v.register(11), "ppc: SR5");
        assertEquals(0x0000_0034, v.register(12), "ppc: SDR1 keeps HTABORG and HTABMASK only");
    }
}
