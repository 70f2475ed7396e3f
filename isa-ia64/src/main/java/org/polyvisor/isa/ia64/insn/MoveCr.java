package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * M32 mov cr3=r2 and M33 mov r1=cr3 (SDM rev 2.3 vol 3 "mov cr"; vol 2 part I 3.3 "Control Registers"):
 * privileged (Privileged Operation fault at cpl != 0). Writing cr.iva installs the IVT (trap.Interruptions);
 * cr.itm arms the interval timer; reading cr.ivr acknowledges the highest pending external interrupt and cr.eoi
 * ends the one in service (trap.ExternalInterrupts). cr.ivr and cr.irr0-3 are read-only.
 */
public final class MoveCr extends Insn {
    private final boolean toCr;
    private final int cr, r1, r2;

    public MoveCr(long bits, boolean toCr) {
        super(bits);
        this.toCr = toCr;
        cr = Fields.r3(bits);
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
    }

    /** The control registers objdump names and this backend implements. */
    public static boolean known(int cr) {
        return name(cr) != null;
    }

    static String name(int cr) {
        return switch (cr) {
            case CpuState.CR_DCR -> "cr.dcr";
            case CpuState.CR_ITM -> "cr.itm";
            case CpuState.CR_IVA -> "cr.iva";
            case CpuState.CR_PTA -> "cr.pta";
            case CpuState.CR_IPSR -> "cr.ipsr";
            case CpuState.CR_ISR -> "cr.isr";
            case CpuState.CR_IIP -> "cr.iip";
            case CpuState.CR_IFA -> "cr.ifa";
            case CpuState.CR_ITIR -> "cr.itir";
            case CpuState.CR_IIPA -> "cr.iipa";
            case CpuState.CR_IFS -> "cr.ifs";
            case CpuState.CR_IIM -> "cr.iim";
            case CpuState.CR_IHA -> "cr.iha";
            case CpuState.CR_LID -> "cr.lid";
            case CpuState.CR_IVR -> "cr.ivr";
            case CpuState.CR_TPR -> "cr.tpr";
            case CpuState.CR_EOI -> "cr.eoi";
            case 68, 69, 70, 71 -> "cr.irr" + (cr - CpuState.CR_IRR0);
            case CpuState.CR_ITV -> "cr.itv";
            case CpuState.CR_PMV -> "cr.pmv";
            case CpuState.CR_CMCV -> "cr.cmcv";
            case CpuState.CR_LRR0 -> "cr.lrr0";
            case CpuState.CR_LRR1 -> "cr.lrr1";
            default -> null;
        };
    }

    @Override
    public int execute(CpuState c) {
        if (c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: mov " + text(0) + " at cpl " + c.cpl);
        if (!toCr) {
            long v = switch (cr) {
                case CpuState.CR_IVR -> c.interrupts.acknowledge();
                case 68, 69, 70, 71 -> c.interrupts.pendingWord(cr - CpuState.CR_IRR0);
                default -> c.cr[cr];
            };
            c.setGr(r1, v);
            return Flow.NEXT;
        }
        if (c.nat(r2)) return c.natConsumption(0, text(0)); // vol 3 mov cr: NaT source
        long v = c.gr(r2);
        switch (cr) {
            case CpuState.CR_IVR, 68, 69, 70, 71 -> {
                return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION, "illegal operation: mov " + text(0));
            }
            case CpuState.CR_IVA -> { c.cr[cr] = v & ~0x7fffL; c.ivaInstalled = true; }
            case CpuState.CR_ITM -> { c.cr[cr] = v; c.interrupts.armTimer(); }
            case CpuState.CR_EOI -> c.interrupts.endOfInterrupt();
            default -> c.cr[cr] = v;
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return toCr ? "mov " + name(cr) + "=" + gr(r2) : "mov " + gr(r1) + "=" + name(cr);
    }
}
