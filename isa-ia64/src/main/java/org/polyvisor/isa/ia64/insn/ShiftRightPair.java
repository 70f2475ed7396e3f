package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I10 shrp r1=r2,r3,count6: the low 64 bits of the 128-bit r2:r3 shifted right by count6 (SDM rev 2.3 vol 3 shrp). */
public final class ShiftRightPair extends Insn {
    private final int r1, r2, r3, count;

    public ShiftRightPair(long bits) {
        super(bits);
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        count = Fields.u(bits, 27, 6);
    }

    @Override
    public int execute(CpuState c) {
        long lo = c.gr(r3), hi = c.gr(r2);
        c.setGr(r1, count == 0 ? lo : lo >>> count | hi << (64 - count), c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "shrp " + gr(r1) + "=" + gr(r2) + "," + gr(r3) + "," + count;
    }
}
