package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I29 sxt1/2/4 and zxt1/2/4: r1 = r3 sign- or zero-extended from 1, 2 or 4 bytes. */
public final class Extend extends Insn {
    private final int r1, r3, bits;
    private final boolean signed;
    private final String mnemonic;

    public Extend(long slot, int bytes, boolean signed) {
        super(slot);
        this.r1 = Fields.r1(slot);
        this.r3 = Fields.r3(slot);
        this.bits = bytes * 8;
        this.signed = signed;
        this.mnemonic = (signed ? "sxt" : "zxt") + bytes;
    }

    @Override
    public int execute(CpuState c) {
        long v = c.gr(r3) << (64 - bits);
        c.setGr(r1, signed ? v >> (64 - bits) : v >>> (64 - bits), c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return mnemonic + " " + gr(r1) + "=" + gr(r3);
    }
}
