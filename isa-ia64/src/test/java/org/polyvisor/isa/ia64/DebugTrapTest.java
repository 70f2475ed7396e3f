package org.polyvisor.isa.ia64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;
import org.polyvisor.spi.VcpuExit;

/**
 * The Single Step trap (PSR.ss, vector 0x6000, ISR.code{3}) and the Taken Branch trap (PSR.tb, vector 0x5f00,
 * ISR.code{2}), SDM rev 2.3 vol 2 part I 5.8: taken after the instruction completes, IIP / IPSR.ri naming the next
 * instruction and ISR.ei the one that trapped. Each program sets cr.iva = 0x8000, then enters its target with rfi
 * from an IPSR with ic and the debug bit set (ia64-linux-gnu-as, linked at 0x1000; sources in the comments).
 */
class DebugTrapTest {
    /** [MLX] movl r9=0x8000;; mov cr.iva=r9;; movl r10=0x10000002000 (ss | ic);; mov cr.ipsr=r10; movl r11=target;;
     *  mov cr.iip=r11;; rfi;; target: [MII] adds r20=1 / adds r21=2 / adds r22=3 [MMI] adds r23=4 / break.m 0x1000 */
    static final String SINGLE_STEP = "05000000010000000000002001000064050024042c0400000100004001000061050028202c040000000000600105806002002c262c04000000020000000004001100000001000000000200000000200000a0040000215011000042c03200008409b81000002100000100000000000400";
    /** The same entry with 0x4002000 (tb | ic); target: [MIB] adds r20=1 / nop / br.few there;; [MII] adds r21=2;;
     *  there: [MMI] adds r22=3 / break.m 0x1000 */
    static final String TAKEN_BRANCH = "05000000010000000000002001000064050024042c0404000000004001000061050028202c040000000000600105806002002c262c04000000020000000004001100000001000000000200000000200010a0040000210000000200002000004001a8080000210000000200000000040009b00c00002100000100000000000400";
    /** [MII] break.m 0x1000: the handler stops the run where it starts. */
    static final String HANDLER = "01008000000000000002000000000400";

    private static Machine machine(String program, int vector) {
        Machine m = new Machine(program);
        m.load(0x8000 + vector, HANDLER);
        return m;
    }

    @Test
    void singleStepTrapsAfterTheFirstInstructionAndNamesTheNext() {
        try (Machine m = machine(SINGLE_STEP, 0x6000)) {
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100), "ia64 single step: the handler's break");
            assertEquals(0x8000 + 0x6000, m.vcpu.pc(), "Single Step Trap vector");
            assertEquals(0x1050, m.get("cr.iip"), "IIP: the bundle of the next instruction");
            assertEquals(1, m.get("cr.ipsr") >>> 41 & 3, "IPSR.ri: slot 1, the next instruction");
            assertEquals(1, m.get("cr.ipsr") >>> 40 & 1, "IPSR.ss kept for the rfi back");
            assertEquals(0x8L, m.get("cr.isr"), "ISR.code{3} = ss, ISR.ei = slot 0");
            assertEquals(1, m.get("r20"), "the stepped instruction completed");
            assertEquals(0, m.get("r21"), "the next one has not run");
        }
    }

    @Test
    void takenBranchTrapsAtTheTargetAndNamesTheBranch() {
        try (Machine m = machine(TAKEN_BRANCH, 0x5f00)) {
            assertSame(VcpuExit.HYPERCALL, m.vcpu.run(100), "ia64 taken branch: the handler's break");
            assertEquals(0x8000 + 0x5f00, m.vcpu.pc(), "Taken Branch Trap vector");
            assertEquals(0x1070, m.get("cr.iip"), "IIP: the branch target");
            assertEquals(0, m.get("cr.ipsr") >>> 41 & 3);
            assertEquals(0x4L | 2L << 41, m.get("cr.isr"), "ISR.code{2} = tb, ISR.ei = the branch's slot 2");
            assertEquals(1, m.get("r20"), "no trap before the branch: instructions that do not branch run on");
            assertEquals(0, m.get("r21"), "the fall-through was skipped");
            assertEquals(0, m.get("r22"), "the target has not run");
        }
    }
}
