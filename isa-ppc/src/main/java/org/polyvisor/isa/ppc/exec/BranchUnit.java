package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.trap.Srr1;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * Branch instructions (Book I 2.4): b, bc, bclr, bcctr with the BO/BI conditions, CTR decrement and LK.
 * BO bits, MSB first: 0x10 ignore the condition, 0x08 the value the CR bit must have, 0x04 do not decrement
 * CTR, 0x02 branch when CTR reaches zero (else when it does not); 0x01 and the "at" hints do not change
 * what executes.
 */
final class BranchUnit {
    private BranchUnit() { }

    /** Executes the branch at {@code cia}; the vCPU has already set pc to the next instruction. */
    static VcpuExit execute(PpcCpu c, Insn i, long cia) {
        long next = c.pc;
        switch (i.op) {
            case B -> {
                c.pc = c.ea(i.aa ? i.simm : cia + i.simm);
            }
            case BC -> {
                if (taken(c, i.rt, i.ra)) c.pc = c.ea(i.aa ? i.simm : cia + i.simm);
            }
            case BCLR -> {
                long target = c.lr & ~3L;
                if (taken(c, i.rt, i.ra)) c.pc = c.ea(target);
            }
            case BCCTR -> {
                // bcctr that would decrement CTR is an invalid form (Book I 2.4): illegal instruction.
                if ((i.rt & 0x04) == 0) return c.raise(Vectors.PROGRAM, Srr1.PROGRAM_ILLEGAL, i.word);
                if (conditionHolds(c, i.rt, i.ra)) c.pc = c.ea(c.ctr & ~3L);
            }
            default -> throw new IllegalStateException("not a branch op: " + i.op);
        }
        if (i.rc) c.lr = next;
        return null;
    }

    /** Decrements CTR if BO asks, then tests both the CTR and the CR condition. */
    private static boolean taken(PpcCpu c, int bo, int bi) {
        boolean ctrOk = true;
        if ((bo & 0x04) == 0) {
            c.ctr--;
            // 32-bit mode tests the low word of CTR.
            ctrOk = ((int) c.ctr != 0) ^ ((bo & 0x02) != 0);
        }
        return ctrOk && conditionHolds(c, bo, bi);
    }

    private static boolean conditionHolds(PpcCpu c, int bo, int bi) {
        return (bo & 0x10) != 0 || c.crBit(bi) == ((bo & 0x08) != 0);
    }
}
