package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I29 czx1 / czx2 (.l: index of the first zero lane from the most significant end, .r: from the least significant
 * end; 8 or 4 when none is zero) and I9 popcnt, SDM rev 2.3 vol 3 czx, popcnt.
 */
public final class BitCount extends Insn {
    public enum Op { CZX_L, CZX_R, POPCNT }

    private final Op op;
    private final int bytes, r1, r3;

    public BitCount(long bits, Op op, int bytes) {
        super(bits);
        this.op = op;
        this.bytes = bytes;
        r1 = Fields.r1(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        long x = c.gr(r3);
        int n = 8 / bytes;
        long res = n;
        switch (op) {
            case POPCNT -> res = Long.bitCount(x);
            case CZX_L -> {
                for (int i = 0; i < n; i++) if (Lanes.u(x, bytes, n - 1 - i) == 0) { res = i; break; }
            }
            case CZX_R -> {
                for (int i = 0; i < n; i++) if (Lanes.u(x, bytes, i) == 0) { res = i; break; }
            }
        }
        c.setGr(r1, res, c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String name = switch (op) { case CZX_L -> "czx" + bytes + ".l"; case CZX_R -> "czx" + bytes + ".r"; case POPCNT -> "popcnt"; };
        return name + " " + gr(r1) + "=" + gr(r3);
    }
}
