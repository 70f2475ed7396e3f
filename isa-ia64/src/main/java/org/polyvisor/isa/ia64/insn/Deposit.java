package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I15 dep r1=r2,r3,pos6,len4 (major 4: len4d in bits 27-30 = len - 1, cpos6d in 31-36 = 63 - pos) and I14
 * dep r1=imm1,r3,pos6,len6 (major 5, x2 3, x 1: imm1 in bit 36 as 0 or -1, cpos6b in 14-19, len6d in 27-32), SDM
 * rev 2.3 vol 3 dep: r3 with the len bits at pos replaced by the low bits of the source; bits that would fall past
 * bit 63 are dropped. The result's NaT bit is that of r2 and r3.
 */
public final class Deposit extends Insn {
    private final int r1, r2, r3, pos, len;
    private final boolean immediate;
    private final long imm;

    private Deposit(long bits, boolean immediate, int pos, int len) {
        super(bits);
        this.immediate = immediate;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        this.pos = pos;
        this.len = len;
        imm = -(long) Fields.u(bits, 36, 1);
    }

    public static Deposit register(long bits) {
        return new Deposit(bits, false, 63 - Fields.u(bits, 31, 6), Fields.u(bits, 27, 4) + 1);
    }

    public static Deposit immediate(long bits) {
        return new Deposit(bits, true, 63 - Fields.u(bits, 14, 6), Fields.u(bits, 27, 6) + 1);
    }

    @Override
    public int execute(CpuState c) {
        long src = immediate ? imm : c.gr(r2);
        long field = len >= 64 ? -1L : (1L << len) - 1;
        long mask = field << pos;
        c.setGr(r1, (c.gr(r3) & ~mask) | ((src & field) << pos), c.nat(r3) || (!immediate && c.nat(r2)));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "dep " + gr(r1) + "=" + (immediate ? Long.toString(imm) : gr(r2)) + "," + gr(r3) + "," + pos + "," + len;
    }
}
