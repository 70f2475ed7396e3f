package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.polyvisor.isa.ia64.fp.ApproximationTables;
import org.polyvisor.spi.VcpuExit;

/**
 * Floating-point interruptions through the guest's IVT (SDM rev 2.3 vol 1 5.4 "Floating-point Exception Fault/Trap",
 * vol 2 part I 5.8 vectors 0x5500, 0x5C00, 0x5D00): a fault leaves IIP / ri at the instruction and writes nothing,
 * a trap completes it and leaves IIP / ri at the next slot with ISR.ei naming it. And the accuracy the manual
 * requires of the frcpa / frsqrta approximations (vol 3: relative error below 2^-8.886 and 2^-8.831), and the FP
 * state (f2-f127 under rotation, ar.fpsr) through save and restore.
 */
class FpInterruptionTest {
    /**
     * [MLX] movl r9=0x8000;; [MMI] mov cr.iva=r9;; mov.m ar.fpsr=r10;; [MMI] ssm 0x2000;; srlz.d;;
     * [MFI] nop.m / fadd.s0 f8=f6,f7 / adds r20=1,r0;; [MMI] break.m 0x1000;;
     */
    static final String PROGRAM = "050000000100000000000020010000640b0024042c040050a0540800000004000b0000010600000000600000000004000d0000000100803818024080120000840b008000000000000002000000000400";
    /** [MII] break.m 0x1000: each handler stops the run where it starts. */
    static final String HANDLER = "01008000000000000002000000000400";
    static final long RESET_FPSR = 0x0009804c0270033fL;

    private static Machine machine(long fpsr) {
        Machine m = new Machine(PROGRAM);
        for (int vector : new int[] {0x5500, 0x5c00, 0x5d00}) m.load(0x8000 + vector, HANDLER);
        m.set("r10", fpsr);
        return m;
    }

    @Test
    void inexactTrapCompletesAndPointsPastTheInstruction() {
        try (Machine m = machine(RESET_FPSR & ~0x20L)) { // id = 0: the inexact trap is enabled
            m.set("f6", 1L << 63); m.set("f6.se", 0xffff);
            m.set("f7", 1L << 63); m.set("f7.se", 0xffff - 70);
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100), "ia64 FP trap: exit");
            assertEquals(0x8000 + 0x5d00, m.vcpu.pc(), "ia64 FP trap: Floating-point Trap vector");
            assertEquals(0x1030, m.get("cr.iip"), "IIP: the bundle of the next instruction");
            assertEquals(2, m.get("cr.ipsr") >>> 41 & 3, "IPSR.ri: the next slot");
            assertEquals(0x2000L | 1L << 41, m.get("cr.isr"), "ISR.code i (bit 13), ISR.ei = the fadd's slot");
            assertEquals(1L << 63, m.get("f8"), "the trapping instruction wrote its result");
            assertEquals(0xffff, m.get("f8.se"));
            assertEquals(RESET_FPSR & ~0x20L | 32L << 13, m.get("ar.fpsr"), "sf0.flags.i set");
            assertEquals(0, m.get("r20"), "the next slot has not run");
        }
    }

    @Test
    void invalidFaultWritesNothingAndPointsAtTheInstruction() {
        try (Machine m = machine(RESET_FPSR & ~0x1L)) { // vd = 0: the invalid fault is enabled
            m.set("f6", 1L << 63); m.set("f6.se", 0x1ffff);               // +inf
            m.set("f7", 1L << 63); m.set("f7.se", 0x1ffff | 1 << 17);     // -inf
            m.set("f8", 0x77);
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100), "ia64 FP fault: exit");
            assertEquals(0x8000 + 0x5c00, m.vcpu.pc(), "ia64 FP fault: Floating-point Fault vector");
            assertEquals(0x1030, m.get("cr.iip"), "IIP: the faulting bundle");
            assertEquals(1, m.get("cr.ipsr") >>> 41 & 3, "IPSR.ri: the faulting slot");
            assertEquals(1L | 1L << 41, m.get("cr.isr"), "ISR.code v (bit 0), ISR.ei = 1");
            assertEquals(0x77, m.get("f8"), "nothing written");
            assertEquals(RESET_FPSR & ~0x1L, m.get("ar.fpsr"), "no flag recorded");
        }
    }

    @Test
    void disabledFpRegisterFault() {
        try (Machine m = machine(RESET_FPSR)) {
            m.set("psr", 1L << 18); // psr.dfl
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100), "ia64 disabled FP: exit");
            assertEquals(0x8000 + 0x5500, m.vcpu.pc(), "Disabled FP-Register vector");
            assertEquals(1L | 1L << 41, m.get("cr.isr"), "ISR.code bit 0: dfl");
            assertEquals(0x1030, m.get("cr.iip"));
        }
    }

    @Test
    void floatingPointStateSurvivesSaveAndRestoreUnderRotation() {
        try (Machine a = machine(RESET_FPSR & ~0x20L); Machine b = machine(RESET_FPSR)) {
            a.set("cfm", 16 | 16 << 7 | 2L << 14 | 5L << 25);    // rrb.fr = 5: f40 is physical register 45
            a.set("f40", 0x1234_5678_9abc_def0L);
            a.set("f40.se", 0x2_0000 | 0x1003e);
            a.set("f127", 77);
            a.set("ar.fpsr", RESET_FPSR & ~0x20L);
            b.vcpu.restore(a.vcpu.save());
            assertEquals(a.vcpu.save().registers(), b.vcpu.save().registers(), "ia64 FP save/restore: every named register");
            assertEquals(0x1234_5678_9abc_def0L, b.get("f40"), "f40's significand");
            assertEquals(0x2_0000 | 0x1003e, b.get("f40.se"), "f40's sign and exponent");
            assertEquals(RESET_FPSR & ~0x20L, b.get("ar.fpsr"), "ar.fpsr");
            b.set("cfm", 16 | 16 << 7 | 2L << 14);                // rrb.fr = 0: the same physical register is f45
            assertEquals(0x1234_5678_9abc_def0L, b.get("f45"), "registers were restored by physical position");
            assertEquals(0, b.get("f0"), "f0 reads +0.0");
            assertEquals(1L << 63, b.get("f1"), "f1 reads +1.0");
            b.set("f1", 5);
            assertEquals(1L << 63, b.get("f1"), "f1 cannot be written");
        }
    }

    @Test
    void approximationsMeetTheArchitectedAccuracy() {
        double worstRecip = 0, worstRsqrt = 0;
        for (int i = 0; i < 256; i++) {
            for (int k = 0; k <= 64; k++) {
                long m = 1L << 63 | (long) i << 55 | (k == 64 ? (1L << 55) - 1 : (long) k << 49);
                double x = 1 + (double) (m & Long.MAX_VALUE) / 0x1p63;
                double y = 1 + (double) (ApproximationTables.reciprocal(m) & Long.MAX_VALUE) / 0x1p63; // in (1, 2): 2/x
                worstRecip = Math.max(worstRecip, Math.abs(y / 2 * x - 1));
                for (int odd = 0; odd < 2; odd++) {
                    double r = 1 + (double) (ApproximationTables.reciprocalSqrt(m, odd) & Long.MAX_VALUE) / 0x1p63;
                    worstRsqrt = Math.max(worstRsqrt, Math.abs(r / 2 * Math.sqrt(x * (1 << odd)) - 1));
                }
            }
        }
        assertTrue(worstRecip < Math.pow(2, -8.886), "frcpa relative error " + worstRecip + " >= 2^-8.886");
        assertTrue(worstRsqrt < Math.pow(2, -8.831), "frsqrta relative error " + worstRsqrt + " >= 2^-8.831");
    }
}
