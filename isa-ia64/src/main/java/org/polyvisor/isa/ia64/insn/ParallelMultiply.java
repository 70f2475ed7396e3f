package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I1 pmpyshr2 (four 16 x 16 products shifted right by 0, 7, 15 or 16, low halves kept) and I2 pmpy2.r / pmpy2.l
 * (two full 32-bit products of the even or odd halves), SDM rev 2.3 vol 3 pmpyshr, pmpy.
 */
public final class ParallelMultiply extends Insn {
    public enum Op { PMPY2_R, PMPY2_L, PMPYSHR2, PMPYSHR2_U }

    private static final int[] COUNTS = {0, 7, 15, 16};

    private final Op op;
    private final int r1, r2, r3, count;

    public ParallelMultiply(long bits, Op op) {
        super(bits);
        this.op = op;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        count = COUNTS[Fields.u(bits, 30, 2)];
    }

    @Override
    public int execute(CpuState c) {
        long x = c.gr(r2), y = c.gr(r3), res = 0;
        switch (op) {
            case PMPY2_R, PMPY2_L -> {
                int first = op == Op.PMPY2_R ? 0 : 1;
                res = Lanes.put(res, 4, 0, Lanes.s(x, 2, first) * Lanes.s(y, 2, first));
                res = Lanes.put(res, 4, 1, Lanes.s(x, 2, first + 2) * Lanes.s(y, 2, first + 2));
            }
            case PMPYSHR2, PMPYSHR2_U -> {
                boolean unsigned = op == Op.PMPYSHR2_U;
                for (int i = 0; i < 4; i++) {
                    long p = unsigned ? Lanes.u(x, 2, i) * Lanes.u(y, 2, i) : Lanes.s(x, 2, i) * Lanes.s(y, 2, i);
                    res = Lanes.put(res, 2, i, p >> count);
                }
            }
        }
        c.setGr(r1, res, c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String regs = " " + gr(r1) + "=" + gr(r2) + "," + gr(r3);
        return switch (op) {
            case PMPY2_R -> "pmpy2.r" + regs;
            case PMPY2_L -> "pmpy2.l" + regs;
            case PMPYSHR2 -> "pmpyshr2" + regs + "," + count;
            case PMPYSHR2_U -> "pmpyshr2.u" + regs + "," + count;
        };
    }
}
