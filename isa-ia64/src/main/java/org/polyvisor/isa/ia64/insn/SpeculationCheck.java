package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M20 chk.s.m and I20 chk.s.i r2,target25 (SDM rev 2.3 vol 3 chk; vol 1 4.4.4 "Control Speculation"): branches
 * to the recovery code at IP + sext(s:imm13c:imm7a) * 16 when r2's NaT bit is set, else does nothing.
 */
public final class SpeculationCheck extends Insn {
    private final int r2;
    private final char unit;
    private final long disp;

    public SpeculationCheck(long bits, char unit) {
        super(bits);
        this.unit = unit;
        r2 = Fields.r2(bits);
        long imm = (long) Fields.u(bits, 36, 1) << 20 | (long) Fields.u(bits, 20, 13) << 7 | Fields.u(bits, 6, 7);
        disp = (imm << 43 >> 43) << 4;
    }

    @Override
    public int execute(CpuState c) {
        if (!c.nat(r2)) return Flow.NEXT;
        c.branchTarget = c.ip + disp;
        return Flow.BRANCH;
    }

    @Override
    public String text(long ip) {
        return "chk.s." + unit + " " + gr(r2) + "," + hex(ip + disp);
    }
}
