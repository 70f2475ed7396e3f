package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.cpu.RegisterStack;
import org.polyvisor.isa.ia64.trap.Vector;
import java.util.Locale;

/**
 * The register stack management instructions (SDM rev 2.3 vol 3, and vol 2 part I 6.4): M25 flushrs and loadrs,
 * B8 cover, clrrrb and clrrrb.pr (all rrb fields, or rrb.pr alone, to 0). loadrs and a write of ar.bspstore need enforced lazy mode (ar.rsc.mode = 0), else illegal operation.
 */
public final class RseControl extends Insn {
    public enum Kind { FLUSHRS, LOADRS, COVER, CLRRRB, CLRRRB_PR }

    private final Kind kind;

    /** None of them is predicated: the qp field is ignored, as objdump ignores it. */
    public RseControl(long bits, Kind kind) {
        super(bits, false);
        this.kind = kind;
    }

    @Override
    public int execute(CpuState c) {
        switch (kind) {
            case FLUSHRS -> { return c.rse.flushrs(); }
            case LOADRS -> {
                int flow = (c.ar[RegisterStack.AR_RSC] & 3) != 0 ? -1 : c.rse.loadrs();
                if (flow < 0) {
                    return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION, "illegal operation: loadrs with cfm.sof "
                            + c.rse.sof() + ", ar.rsc 0x" + Long.toHexString(c.ar[RegisterStack.AR_RSC]));
                }
                return flow;
            }
            case COVER -> {
                // With interruption collection off, cover also records the covered frame in cr.ifs (valid bit 63).
                if ((c.psr & CpuState.PSR_IC) == 0) c.cr[CpuState.CR_IFS] = c.rse.cfm() | 1L << 63;
                c.rse.cover();
                return Flow.NEXT;
            }
            case CLRRRB -> c.rse.clearRrb(false);
            case CLRRRB_PR -> c.rse.clearRrb(true);
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return kind == Kind.CLRRRB_PR ? "clrrrb.pr" : kind.name().toLowerCase(Locale.ROOT);
    }
}
