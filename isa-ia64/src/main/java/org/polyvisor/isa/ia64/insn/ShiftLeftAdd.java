package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** A2 shladd: r1 = (r2 << count) + r3, count = ct2d + 1. */
public final class ShiftLeftAdd extends Insn {
    private final int r1, r2, r3, count;

    public ShiftLeftAdd(long bits) {
        super(bits);
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        count = Fields.u(bits, 27, 2) + 1;
    }

    @Override
    public int execute(CpuState c) {
        c.setGr(r1, (c.gr(r2) << count) + c.gr(r3), c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "shladd " + gr(r1) + "=" + gr(r2) + "," + count + "," + gr(r3);
    }
}
