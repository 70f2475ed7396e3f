package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.spi.VcpuExit;

/**
 * Special purpose register and machine state moves, rfi, storage synchronisation, cache management and the
 * system call instruction. SPRs (Book I 3.3.17, Book III): XER 1, LR 8, CTR 9 are user registers; SRR0 26 and
 * SRR1 27 are privileged, as is every SPR number with 0x10 set (the first bit of the instruction's swapped
 * field). Other SPRs are not implemented: illegal instruction.
 */
final class SystemUnit {
    static final int XER = 1, LR = 8, CTR = 9, SRR0 = 26, SRR1 = 27;

    private SystemUnit() { }

    /** Returns null to go on, or the exit; {@code cia} is the address of this instruction. */
    static VcpuExit execute(PpcCpu c, Insn i, long cia) {
        switch (i.op) {
            case MFSPR, MTSPR -> {
                if (privileged(i.spr) && !c.supervisor()) return PpcTraps.privilegedInstruction(i.word, cia);
                boolean ok = i.op == Op.MFSPR ? moveFrom(c, i) : moveTo(c, i);
                return ok ? null : PpcTraps.illegalInstruction(i.word, cia);
            }
            case SYNC, ISYNC, EIEIO -> {
                // One vCPU sees its own accesses in order, and decoded code is invalidated on store: nothing to do.
                return null;
            }
            case SC -> {
                return PpcTraps.systemCall((i.word >>> 5) & 0x7f, c.supervisor(), cia);
            }
            case TW, TWI -> {
                int a = (int) c.gpr[i.ra], b = i.op == Op.TW ? (int) c.gpr[i.rb] : (int) i.simm;
                return trapCondition(i.rt, a, b) ? PpcTraps.trap(i.word, cia) : null;
            }
            case DCBST, DCBF, ICBI -> {
                // No caches are modelled, and decoded code is dropped on every store: nothing to write back.
                return null;
            }
            case DCBI, MFMSR, MTMSR, RFI -> {
                if (!c.supervisor()) return PpcTraps.privilegedInstruction(i.word, cia);
                return machineState(c, i, cia);
            }
            default -> throw new IllegalStateException("not a system op: " + i.op);
        }
    }

    /** MSR bits 16-23, 25-27 and 30-31 (EE, PR, FP, ME, FE0, SE, BE, FE1, IP, IR, DR, RI, LE): what rfi copies from SRR1. */
    private static final long MSR_RESTORED = 0xff73L;

    private static VcpuExit machineState(PpcCpu c, Insn i, long cia) {
        long msr;
        switch (i.op) {
            case DCBI -> { return null; }
            case MFMSR -> { c.gpr[i.rt] = c.msr; return null; }
            case MTMSR -> msr = (i.word & 0x1_0000) != 0
                    ? (c.msr & ~(PpcCpu.MSR_EE | PpcCpu.MSR_RI)) | (c.gpr[i.rt] & (PpcCpu.MSR_EE | PpcCpu.MSR_RI))
                    : c.gpr[i.rt] & 0xffff_ffffL;
            default -> {
                msr = (c.msr & ~MSR_RESTORED) | (c.srr1 & MSR_RESTORED);
                c.pc = c.ea(c.srr0 & ~3L);
            }
        }
        // Only real addressing exists so far (mmu.RealMode): refuse to run translated code wrongly.
        if ((msr & (PpcCpu.MSR_IR | PpcCpu.MSR_DR)) != 0)
            return new VcpuExit.Fault("address translation (MSR[IR]/MSR[DR]) is not implemented yet", cia);
        c.msr = msr;
        return null;
    }

    /** TO bits, MSB first: signed less, signed greater, equal, unsigned less, unsigned greater (words in 32-bit mode). */
    private static boolean trapCondition(int to, int a, int b) {
        return (to & 0x10) != 0 && a < b || (to & 0x08) != 0 && a > b || (to & 0x04) != 0 && a == b
                || (to & 0x02) != 0 && Integer.compareUnsigned(a, b) < 0 || (to & 0x01) != 0 && Integer.compareUnsigned(a, b) > 0;
    }

    private static boolean privileged(int spr) { return (spr & 0x10) != 0; }

    private static boolean moveFrom(PpcCpu c, Insn i) {
        long v;
        switch (i.spr) {
            case XER -> v = c.xer & 0xffff_ffffL;
            case LR -> v = c.lr;
            case CTR -> v = c.ctr;
            case SRR0 -> v = c.srr0;
            case SRR1 -> v = c.srr1;
            default -> { return false; }
        }
        c.gpr[i.rt] = v;
        return true;
    }

    private static boolean moveTo(PpcCpu c, Insn i) {
        long v = c.gpr[i.rt];
        switch (i.spr) {
            // XER keeps SO, OV, CA and the byte count; the other bits are reserved.
            case XER -> c.xer = v & 0xe000_007fL;
            case LR -> c.lr = v;
            case CTR -> c.ctr = v;
            case SRR0 -> c.srr0 = v;
            case SRR1 -> c.srr1 = v;
            default -> { return false; }
        }
        return true;
    }
}
