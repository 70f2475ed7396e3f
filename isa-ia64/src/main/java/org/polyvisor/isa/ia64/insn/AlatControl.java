package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M22 chk.a.nc / chk.a.clr r1,target25 (branch to the recovery code when the ALAT holds no entry for r1; .clr
 * removes a hit), M24 invala (the whole ALAT) and M26 invala.e r1 (SDM rev 2.3 vol 3; vol 1 4.4.5).
 */
public final class AlatControl extends Insn {
    public enum Kind { CHK_A_NC, CHK_A_CLR, INVALA, INVALA_E }

    private final Kind kind;
    private final int r1;
    private final long disp;

    public AlatControl(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        r1 = Fields.r1(bits);
        disp = Fields.disp25(bits);
    }

    @Override
    public int execute(CpuState c) {
        switch (kind) {
            case CHK_A_NC, CHK_A_CLR -> {
                if (c.alat.check(c.grIndex(r1), kind == Kind.CHK_A_CLR)) return Flow.NEXT;
                c.branchTarget = c.ip + disp;
                return Flow.BRANCH;
            }
            case INVALA -> c.alat.clear();
            case INVALA_E -> c.alat.invalidateRegister(c.grIndex(r1));
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case CHK_A_NC -> "chk.a.nc " + gr(r1) + "," + hex(ip + disp);
            case CHK_A_CLR -> "chk.a.clr " + gr(r1) + "," + hex(ip + disp);
            case INVALA -> "invala";
            case INVALA_E -> "invala.e " + gr(r1);
        };
    }
}
