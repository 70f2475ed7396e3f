package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I21 mov b1=r2 (no hints) and I22 mov r1=b2. */
public final class MoveBranch extends Insn {
    private final boolean toBranch;
    private final int gr, b;

    public MoveBranch(long bits, boolean toBranch) {
        super(bits);
        this.toBranch = toBranch;
        this.gr = toBranch ? Fields.r2(bits) : Fields.r1(bits);
        this.b = toBranch ? Fields.u(bits, 6, 3) : Fields.u(bits, 13, 3);
    }

    @Override
    public int execute(CpuState c) {
        if (toBranch && c.nat(gr)) return c.natConsumption(0, "mov b" + b + "=r" + gr); // vol 3 mov to BR
        if (toBranch) c.br[b] = c.gr(gr);
        else c.setGr(gr, c.br[b]);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return toBranch ? "mov b" + b + "=" + gr(gr) : "mov " + gr(gr) + "=b" + b;
    }
}
