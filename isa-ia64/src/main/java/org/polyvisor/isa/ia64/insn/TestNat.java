package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I17 tnat.z (normal and unc types; SDM rev 2.3 vol 3 tnat): p1 = (r3's NaT bit is 0), p2 its complement;
 * tnat.nz is the assembler's swap of p1 and p2. The one integer test that reads a NaT without consuming it.
 */
public final class TestNat extends Insn {
    private final int p1, p2, r3;
    private final boolean unc;

    public TestNat(long bits) {
        super(bits);
        p1 = Fields.p1(bits);
        p2 = Fields.p2(bits);
        r3 = Fields.r3(bits);
        unc = Fields.u(bits, 12, 1) != 0;
    }

    @Override
    public int execute(CpuState c) {
        boolean clear = !c.nat(r3);
        c.setPred(p1, clear);
        c.setPred(p2, !clear);
        return Flow.NEXT;
    }

    @Override
    public int predicatedOff(CpuState c) {
        if (unc) { c.setPred(p1, false); c.setPred(p2, false); }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "tnat.z" + (unc ? ".unc" : "") + " p" + p1 + ",p" + p2 + "=" + gr(r3);
    }
}
