package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * The FR forms of the speculation checks (SDM rev 2.3 vol 3 chk, invala): M21 chk.s f2,target25 branches to the
 * recovery code when f2 is NaTVal; M22 chk.a.nc / chk.a.clr f1,target25 when the ALAT holds no entry for f1 (.clr
 * removes a hit); M27 invala.e f1 removes f1's entry.
 */
public final class FpCheck extends FpInsn {
    public enum Kind { CHK_S, CHK_A_NC, CHK_A_CLR, INVALA_E }

    private final Kind kind;
    private final int f;
    private final long disp;

    public FpCheck(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        f = kind == Kind.CHK_S ? Fields.u(bits, 13, 7) : Fields.u(bits, 6, 7);
        if (kind == Kind.CHK_S) {
            long imm = (long) Fields.u(bits, 36, 1) << 20 | (long) Fields.u(bits, 20, 13) << 7 | Fields.u(bits, 6, 7);
            disp = (imm << 43 >> 43) << 4;
        } else disp = Fields.disp25(bits);
        uses(f);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        int tag = FpLoad.ALAT_FR + c.frIndex(f);
        boolean branch = switch (kind) {
            case CHK_S -> natVal(c, f);
            case CHK_A_NC -> !c.alat.check(tag, false);
            case CHK_A_CLR -> !c.alat.check(tag, true);
            case INVALA_E -> { c.alat.invalidateRegister(tag); yield false; }
        };
        if (!branch) return Flow.NEXT;
        c.branchTarget = c.ip + disp;
        return Flow.BRANCH;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case CHK_S -> "chk.s " + fr(f) + "," + hex(ip + disp);
            case CHK_A_NC -> "chk.a.nc " + fr(f) + "," + hex(ip + disp);
            case CHK_A_CLR -> "chk.a.clr " + fr(f) + "," + hex(ip + disp);
            case INVALA_E -> "invala.e " + fr(f);
        };
    }
}
