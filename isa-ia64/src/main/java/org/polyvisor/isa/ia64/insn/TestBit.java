package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I16 tbit.z (normal and unc types): p1 = (bit pos6b of r3 == 0), p2 its complement; tbit.nz swaps p1 and p2. */
public final class TestBit extends Insn {
    private final int p1, p2, r3, pos;
    private final boolean unc;

    public TestBit(long bits) {
        super(bits);
        p1 = Fields.p1(bits);
        p2 = Fields.p2(bits);
        r3 = Fields.r3(bits);
        pos = Fields.u(bits, 14, 6);
        unc = Fields.u(bits, 12, 1) != 0;
    }

    @Override
    public int execute(CpuState c) {
        if (c.nat(r3)) { c.setPred(p1, false); c.setPred(p2, false); return Flow.NEXT; } // vol 3 tbit: NaT source
        boolean zero = ((c.gr(r3) >>> pos) & 1) == 0;
        c.setPred(p1, zero);
        c.setPred(p2, !zero);
        return Flow.NEXT;
    }

    @Override
    public int predicatedOff(CpuState c) {
        if (unc) { c.setPred(p1, false); c.setPred(p2, false); }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "tbit.z" + (unc ? ".unc" : "") + " p" + p1 + ",p" + p2 + "=" + gr(r3) + "," + pos;
    }
}
