package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I26 mov.i ar3=r2, I27 mov.i ar3=imm8, I28 mov.i r1=ar3, for the I-unit application registers pfs, lc, ec. */
public final class MoveAr extends Insn {
    public enum Kind { TO_AR, TO_AR_IMM, FROM_AR }

    private final Kind kind;
    private final int ar, r1, r2;
    private final long imm8;

    public MoveAr(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        ar = Fields.r3(bits);
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        imm8 = Fields.imm8(bits);
    }

    /** The application registers this skeleton names (SDM vol 1, 3.1.8). */
    public static boolean known(int ar) {
        return ar == CpuState.AR_PFS || ar == CpuState.AR_LC || ar == CpuState.AR_EC;
    }

    static String name(int ar) {
        return switch (ar) { case CpuState.AR_PFS -> "ar.pfs"; case CpuState.AR_LC -> "ar.lc"; case CpuState.AR_EC -> "ar.ec"; default -> "ar" + ar; };
    }

    @Override
    public int execute(CpuState c) {
        if (kind == Kind.TO_AR && c.nat(r2)) return c.natConsumption(0, text(0)); // vol 3 mov ar: NaT source
        switch (kind) {
            case TO_AR -> c.ar[ar] = ar == CpuState.AR_EC ? c.gr(r2) & 0x3f : c.gr(r2);
            case TO_AR_IMM -> c.ar[ar] = ar == CpuState.AR_EC ? imm8 & 0x3f : imm8;
            case FROM_AR -> c.setGr(r1, c.ar[ar]);
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case TO_AR -> "mov.i " + name(ar) + "=" + gr(r2);
            case TO_AR_IMM -> "mov.i " + name(ar) + "=" + imm8;
            case FROM_AR -> "mov.i " + gr(r1) + "=" + name(ar);
        };
    }
}
