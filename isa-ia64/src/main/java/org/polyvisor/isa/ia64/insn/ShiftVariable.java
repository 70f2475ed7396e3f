package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I7 shl r1=r2,r3 and I5 shr / shr.u r1=r3,r2: shifts by a register count, taken as unsigned; counts above 63
 * give 0 (or the sign bit in every position for shr), as the manual's pseudo-code says.
 */
public final class ShiftVariable extends Insn {
    public enum Kind { SHL, SHR, SHR_U }

    private final Kind kind;
    private final int r1, r2, r3;

    public ShiftVariable(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        long result = switch (kind) {
            case SHL -> shift(c.gr(r3)) > 63 ? 0 : c.gr(r2) << c.gr(r3);
            case SHR -> c.gr(r3) >> Math.min(shift(c.gr(r2)), 63);
            case SHR_U -> shift(c.gr(r2)) > 63 ? 0 : c.gr(r3) >>> c.gr(r2);
        };
        c.setGr(r1, result, c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    /** The count as an unsigned number, clamped so that Java's shift-by-mod-64 cannot hide a large count. */
    private static long shift(long count) {
        return Long.compareUnsigned(count, 64) >= 0 ? 64 : count;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case SHL -> "shl " + gr(r1) + "=" + gr(r2) + "," + gr(r3);
            case SHR -> "shr " + gr(r1) + "=" + gr(r3) + "," + gr(r2);
            case SHR_U -> "shr.u " + gr(r1) + "=" + gr(r3) + "," + gr(r2);
        };
    }
}
