package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;
import org.polyvisor.isa.ppc.mmu.ClassicMmu;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.isa.ppc.trap.Srr1;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * Special purpose register and machine state moves, rfi, the segment register and TLB instructions, time base
 * reads, storage synchronisation, cache management, traps and the system call instruction. Privileged operations
 * in problem state and SPRs this 750 does not have raise the program exception (privileged / illegal).
 * The SPRs are those of {@link Sprs}.
 */
final class SystemUnit {
    private final PpcCpu c;
    private final ClassicMmu mmu;
    private final TimeBase timeBase;

    SystemUnit(PpcCpu c, ClassicMmu mmu, TimeBase timeBase) {
        this.c = c;
        this.mmu = mmu;
        this.timeBase = timeBase;
    }

    /** Returns null to go on, or the exit; {@code cia} is the address of this instruction. */
    VcpuExit execute(Insn i, long cia) {
        switch (i.op) {
            case MFSPR, MTSPR -> {
                if (Sprs.privileged(i.spr) && !c.supervisor()) return privileged(i);
                boolean ok = i.op == Op.MFSPR ? moveFrom(i.spr, i.rt) : moveTo(i.spr, c.gpr[i.rt]);
                return ok ? null : illegal(i);
            }
            case MFTB -> {
                return i.spr == Sprs.TBL_READ || i.spr == Sprs.TBU_READ ? (moveFrom(i.spr, i.rt) ? null : illegal(i)) : illegal(i);
            }
            case SYNC, ISYNC, EIEIO, TLBSYNC -> {
                // One vCPU sees its own accesses in order, decoded code is invalidated on store, and tlbie takes
                // effect at once on this vCPU: nothing to wait for. (tlbsync is privileged on the 750.)
                return i.op == Op.TLBSYNC && !c.supervisor() ? privileged(i) : null;
            }
            case SC -> {
                if (PpcTraps.isHypercall((i.word >>> 5) & 0x7f, c.supervisor())) return VcpuExit.HYPERCALL;
                return c.raise(Vectors.SYSTEM_CALL, 0, i.word);
            }
            case TW, TWI -> {
                int a = (int) c.gpr[i.ra], b = i.op == Op.TW ? (int) c.gpr[i.rb] : (int) i.simm;
                return trapCondition(i.rt, a, b) ? c.raise(Vectors.PROGRAM, Srr1.PROGRAM_TRAP, i.word) : null;
            }
            case DCBST, DCBF -> {
                // No caches are modelled, and decoded code is dropped on every store: nothing to write back.
                return null;
            }
            case DCBI, MFMSR, MTMSR, RFI, MTSR, MTSRIN, MFSR, MFSRIN, TLBIE -> {
                if (!c.supervisor()) return privileged(i);
                long fe = PpcCpu.MSR_FE0 | PpcCpu.MSR_FE1, before = c.msr & fe;
                machineState(i);
                // FP enabled exceptions were masked and FPSCR[FEX] is set: unmasking them takes the program
                // interrupt now, SRR0 at the next instruction (OEA 6.4.7)
                if (before == 0 && (c.msr & fe) != 0 && (c.fpscr & Fpscr.FEX) != 0)
                    return c.raiseAfter(Vectors.PROGRAM, Srr1.PROGRAM_FP, i.word, c.pc);
                return null;
            }
            default -> throw new IllegalStateException("not a system op: " + i.op);
        }
    }

    private VcpuExit privileged(Insn i) { return c.raise(Vectors.PROGRAM, Srr1.PROGRAM_PRIVILEGED, i.word); }

    private VcpuExit illegal(Insn i) { return c.raise(Vectors.PROGRAM, Srr1.PROGRAM_ILLEGAL, i.word); }

    private void machineState(Insn i) {
        switch (i.op) {
            case DCBI -> { }
            case MFMSR -> c.gpr[i.rt] = c.msr;
            case MTMSR -> c.setMsr((i.word & 0x1_0000) != 0
                    ? (c.msr & ~(PpcCpu.MSR_EE | PpcCpu.MSR_RI)) | (c.gpr[i.rt] & (PpcCpu.MSR_EE | PpcCpu.MSR_RI))
                    : c.gpr[i.rt]);
            case RFI -> {
                c.setMsr((c.msr & ~Srr1.MSR_SAVED) | (c.srr1 & Srr1.MSR_SAVED));
                c.pc = c.ea(c.srr0 & ~3L);
            }
            case MTSR -> setSegment(i.ra & 15, c.gpr[i.rt]);
            case MTSRIN -> setSegment((int) (c.gpr[i.rb] >>> 28) & 15, c.gpr[i.rt]);
            case MFSR -> c.gpr[i.rt] = mmu.segments().get(i.ra & 15) & 0xffff_ffffL;
            case MFSRIN -> c.gpr[i.rt] = mmu.segments().get((int) (c.gpr[i.rb] >>> 28) & 15) & 0xffff_ffffL;
            // tlbie invalidates the congruence class of EA in every segment: the soft TLB is dropped whole.
            case TLBIE -> c.translationChanged = true;
            default -> throw new IllegalStateException("not a machine state op: " + i.op);
        }
    }

    private void setSegment(int n, long value) {
        mmu.segments().set(n, value);
        c.translationChanged = true;
    }

    /** TO bits, MSB first: signed less, signed greater, equal, unsigned less, unsigned greater (words in 32-bit mode). */
    private static boolean trapCondition(int to, int a, int b) {
        return (to & 0x10) != 0 && a < b || (to & 0x08) != 0 && a > b || (to & 0x04) != 0 && a == b
                || (to & 0x02) != 0 && Integer.compareUnsigned(a, b) < 0 || (to & 0x01) != 0 && Integer.compareUnsigned(a, b) > 0;
    }

    private boolean moveFrom(int spr, int rt) {
        long v;
        switch (spr) {
            case Sprs.XER -> v = c.xer & 0xffff_ffffL;
            case Sprs.LR -> v = c.lr;
            case Sprs.CTR -> v = c.ctr;
            case Sprs.DSISR -> v = c.dsisr;
            case Sprs.DAR -> v = c.dar;
            case Sprs.DEC -> v = timeBase.decrementer();
            case Sprs.SDR1 -> v = mmu.pageTable().sdr1();
            case Sprs.SRR0 -> v = c.srr0;
            case Sprs.SRR1 -> v = c.srr1;
            case Sprs.TBL_READ -> v = timeBase.timeBase() & 0xffff_ffffL;
            case Sprs.TBU_READ -> v = timeBase.timeBase() >>> 32;
            case Sprs.SPRG0, Sprs.SPRG0 + 1, Sprs.SPRG0 + 2, Sprs.SPRG0 + 3 -> v = c.sprg[spr - Sprs.SPRG0];
            case Sprs.PVR -> v = Sprs.PVR_7400;
            case Sprs.HID0 -> v = c.hid0;
            case Sprs.HID1 -> v = c.hid1;
            case Sprs.VRSAVE -> v = c.vrsave;
            default -> {
                int bat = Sprs.bat(spr);
                if (bat < 0) return false;
                var array = (spr & 8) == 0 ? mmu.ibat() : mmu.dbat();
                v = (spr & 1) == 0 ? array.upper(bat) : array.lower(bat);
            }
        }
        c.gpr[rt] = v & 0xffff_ffffL;
        return true;
    }

    private boolean moveTo(int spr, long v) {
        switch (spr) {
            // XER keeps SO, OV, CA and the byte count; the other bits are reserved.
            case Sprs.XER -> c.xer = v & 0xe000_007fL;
            case Sprs.LR -> c.lr = v;
            case Sprs.CTR -> c.ctr = v;
            case Sprs.DSISR -> c.dsisr = v & 0xffff_ffffL;
            case Sprs.DAR -> c.dar = v & 0xffff_ffffL;
            case Sprs.DEC -> timeBase.setDecrementer(v);
            case Sprs.SDR1 -> { mmu.pageTable().setSdr1(v); c.translationChanged = true; }
            case Sprs.SRR0 -> c.srr0 = v;
            case Sprs.SRR1 -> c.srr1 = v;
            case Sprs.TBL_WRITE -> timeBase.setLower(v);
            case Sprs.TBU_WRITE -> timeBase.setUpper(v);
            case Sprs.SPRG0, Sprs.SPRG0 + 1, Sprs.SPRG0 + 2, Sprs.SPRG0 + 3 -> c.sprg[spr - Sprs.SPRG0] = v & 0xffff_ffffL;
            case Sprs.HID0 -> c.hid0 = v & 0xffff_ffffL;
            case Sprs.HID1 -> c.hid1 = v & 0xffff_ffffL;
            case Sprs.VRSAVE -> c.vrsave = v & 0xffff_ffffL;
            default -> {
                int bat = Sprs.bat(spr);
                if (bat < 0) return false;
                var array = (spr & 8) == 0 ? mmu.ibat() : mmu.dbat();
                if ((spr & 1) == 0) array.setUpper(bat, v);
                else array.setLower(bat, v);
                c.translationChanged = true;
            }
        }
        return true;
    }
}
