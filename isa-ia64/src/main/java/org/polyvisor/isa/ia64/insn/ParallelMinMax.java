package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** I2 pmin1.u / pmax1.u (unsigned bytes), pmin2 / pmax2 (signed halves) and psad1 (sum of absolute byte differences), SDM rev 2.3 vol 3 pmin, pmax, psad. */
public final class ParallelMinMax extends Insn {
    public enum Op { PMIN1_U, PMAX1_U, PMIN2, PMAX2, PSAD1 }

    private final Op op;
    private final int r1, r2, r3;

    public ParallelMinMax(long bits, Op op) {
        super(bits);
        this.op = op;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        long x = c.gr(r2), y = c.gr(r3), res = 0;
        switch (op) {
            case PMIN1_U, PMAX1_U -> {
                for (int i = 0; i < 8; i++) {
                    long a = Lanes.u(x, 1, i), b = Lanes.u(y, 1, i);
                    res = Lanes.put(res, 1, i, op == Op.PMIN1_U ? Math.min(a, b) : Math.max(a, b));
                }
            }
            case PMIN2, PMAX2 -> {
                for (int i = 0; i < 4; i++) {
                    long a = Lanes.s(x, 2, i), b = Lanes.s(y, 2, i);
                    res = Lanes.put(res, 2, i, op == Op.PMIN2 ? Math.min(a, b) : Math.max(a, b));
                }
            }
            case PSAD1 -> {
                for (int i = 0; i < 8; i++) res += Math.abs(Lanes.u(x, 1, i) - Lanes.u(y, 1, i));
            }
        }
        c.setGr(r1, res, c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String name = switch (op) {
            case PMIN1_U -> "pmin1.u"; case PMAX1_U -> "pmax1.u"; case PMIN2 -> "pmin2"; case PMAX2 -> "pmax2"; case PSAD1 -> "psad1";
        };
        return name + " " + gr(r1) + "=" + gr(r2) + "," + gr(r3);
    }
}
