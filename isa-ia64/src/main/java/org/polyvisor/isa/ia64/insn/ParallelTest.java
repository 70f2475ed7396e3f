package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I16 tbit and I17 tnat in the parallel types (SDM rev 2.3 vol 3 tbit, tnat; table 4-22): tb (bit 36) and ta
 * (bit 33) select .and (1, 0), .or (0, 1) or .or.andcm (1, 1), c (bit 12) the relation .z (0) or .nz (1). The
 * condition is bit pos6b of r3 (tbit) or r3's NaT bit (tnat): .and clears p1 and p2 when it is false, .or sets both
 * when it is true, .or.andcm sets p1 and clears p2 when it is true. A NaT source makes tbit's condition false.
 */
public final class ParallelTest extends Insn {
    private enum Type { AND(".and"), OR(".or"), OR_ANDCM(".or.andcm");

        final String suffix;

        Type(String suffix) { this.suffix = suffix; }
    }

    private final boolean nat, nz;
    private final Type type;
    private final int p1, p2, r3, pos;

    public ParallelTest(long bits, boolean nat) {
        super(bits);
        this.nat = nat;
        p1 = Fields.p1(bits);
        p2 = Fields.p2(bits);
        r3 = Fields.r3(bits);
        pos = Fields.u(bits, 14, 6);
        nz = Fields.u(bits, 12, 1) != 0;
        int tb = Fields.u(bits, 36, 1), ta = Fields.u(bits, 33, 1);
        type = tb == 1 && ta == 0 ? Type.AND : tb == 0 ? Type.OR : Type.OR_ANDCM;
    }

    @Override
    public int execute(CpuState c) {
        boolean r;
        if (nat) r = c.nat(r3) == nz;
        else r = !c.nat(r3) && (((c.gr(r3) >>> pos) & 1) != 0) == nz;
        switch (type) {
            case AND -> { if (!r) { c.setPred(p1, false); c.setPred(p2, false); } }
            case OR -> { if (r) { c.setPred(p1, true); c.setPred(p2, true); } }
            case OR_ANDCM -> { if (r) { c.setPred(p1, true); c.setPred(p2, false); } }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return (nat ? "tnat" : "tbit") + (nz ? ".nz" : ".z") + type.suffix + " p" + p1 + ",p" + p2 + "=" + gr(r3) + (nat ? "" : "," + pos);
    }
}
