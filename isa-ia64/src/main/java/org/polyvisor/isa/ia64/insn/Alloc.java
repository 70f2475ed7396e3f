package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.Vector;

/** M34 alloc r1=ar.pfs,i,l,o,r: resizes the frame (sof, sol, sor/8), then writes ar.pfs to r1 in the new frame. */
public final class Alloc extends Insn {
    private final int r1, sof, sol, sor;

    /** alloc is not predicated: its qp field is ignored (objdump prints none). */
    public Alloc(long bits) {
        super(bits, false);
        r1 = Fields.r1(bits);
        sof = Fields.u(bits, 13, 7);
        sol = Fields.u(bits, 20, 7);
        sor = Fields.u(bits, 27, 4);
    }

    @Override
    public int execute(CpuState c) {
        long pfs = c.ar[CpuState.AR_PFS];
        int flow = r1 >= 32 + sof ? -1 : c.rse.alloc(sof, sol, sor);
        if (flow < 0) {
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION, "illegal operation: alloc " + sof + "," + sol + "," + sor * 8);
        }
        if (flow != Flow.NEXT) return flow;
        c.setGr(r1, pfs);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "alloc " + gr(r1) + "=ar.pfs," + sof + "," + sol + "," + sor * 8;
    }
}
