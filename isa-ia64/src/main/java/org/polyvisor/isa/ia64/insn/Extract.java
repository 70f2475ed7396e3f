package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I11 extr / extr.u: a field of r3 at pos6b, len6d + 1 bits, sign- or zero-extended. shr / shr.u are its aliases. */
public final class Extract extends Insn {
    private final int r1, r3, pos, len;
    private final boolean signed;

    public Extract(long bits) {
        super(bits);
        r1 = Fields.r1(bits);
        r3 = Fields.r3(bits);
        pos = Fields.u(bits, 14, 6);
        len = Fields.u(bits, 27, 6) + 1;
        signed = Fields.u(bits, 13, 1) != 0;
    }

    @Override
    public int execute(CpuState c) {
        // A field running past bit 63 takes only the bits that exist (the manual's extr pseudo-code).
        int l = Math.min(len, 64 - pos);
        long v = c.gr(r3) << (64 - pos - l);
        c.setGr(r1, signed ? v >> (64 - l) : v >>> (64 - l), c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String m = signed ? "extr" : "extr.u";
        if (pos + len == 64) return (signed ? "shr " : "shr.u ") + gr(r1) + "=" + gr(r3) + "," + pos;
        return m + " " + gr(r1) + "=" + gr(r3) + "," + pos + "," + len;
    }
}
