package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I12 dep.z (r2) and I13 dep.z (imm8): a field deposited into zeros at pos = 63 - cpos6c. shl is its alias. */
public final class DepositZero extends Insn {
    private final int r1, r2, pos, len;
    private final boolean immediate;
    private final long imm8;

    private DepositZero(long bits, boolean immediate) {
        super(bits);
        this.immediate = immediate;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        imm8 = Fields.imm8(bits);
        pos = 63 - Fields.u(bits, 20, 6);
        len = Fields.u(bits, 27, 6) + 1;
    }

    public static DepositZero register(long bits) { return new DepositZero(bits, false); }

    public static DepositZero immediate(long bits) { return new DepositZero(bits, true); }

    @Override
    public int execute(CpuState c) {
        long src = immediate ? imm8 : c.gr(r2);
        long mask = len >= 64 ? -1L : (1L << len) - 1;
        c.setGr(r1, (src & mask) << pos, !immediate && c.nat(r2));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        if (!immediate && pos + len == 64) return "shl " + gr(r1) + "=" + gr(r2) + "," + pos;
        return "dep.z " + gr(r1) + "=" + (immediate ? Long.toString(imm8) : gr(r2)) + "," + pos + "," + len;
    }
}
