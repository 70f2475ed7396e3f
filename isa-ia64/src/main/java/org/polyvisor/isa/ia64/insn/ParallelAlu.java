package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * A9 and A10, the multimedia ALU (SDM rev 2.3 vol 3 padd, psub, pavg, pavgsub, pcmp, pshladd2, pshradd2):
 * lanes of 1, 2 or 4 bytes with modular, signed (.sss) or unsigned (.uus, .uuu) saturation.
 */
public final class ParallelAlu extends Insn {
    public enum Op { PADD, PSUB, PAVG, PAVG_RAZ, PAVGSUB, PCMP_EQ, PCMP_GT, PSHLADD, PSHRADD }

    /** Saturation completers in x2b order for padd / psub: none, .sss, .uuu, .uus. */
    public enum Sat {
        NONE(""), SSS(".sss"), UUU(".uuu"), UUS(".uus");

        public final String suffix;

        Sat(String suffix) { this.suffix = suffix; }
    }

    private final Op op;
    private final Sat sat;
    private final int bytes, r1, r2, r3, count;

    public ParallelAlu(long bits, Op op, int bytes, Sat sat) {
        super(bits);
        this.op = op;
        this.bytes = bytes;
        this.sat = sat;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        count = Fields.u(bits, 27, 2) + 1;
    }

    @Override
    public int execute(CpuState c) {
        long x = c.gr(r2), y = c.gr(r3), res = 0;
        for (int i = 0; i < 8 / bytes; i++) res = Lanes.put(res, bytes, i, lane(x, y, i));
        c.setGr(r1, res, c.nat(r2) | c.nat(r3));
        return Flow.NEXT;
    }

    private long lane(long x, long y, int i) {
        return switch (op) {
            case PADD, PSUB -> {
                boolean add = op == Op.PADD;
                yield switch (sat) {
                    case NONE -> add ? Lanes.u(x, bytes, i) + Lanes.u(y, bytes, i) : Lanes.u(x, bytes, i) - Lanes.u(y, bytes, i);
                    case SSS -> Lanes.saturateSigned(add ? Lanes.s(x, bytes, i) + Lanes.s(y, bytes, i)
                            : Lanes.s(x, bytes, i) - Lanes.s(y, bytes, i), bytes);
                    case UUU -> Lanes.saturateUnsigned(add ? Lanes.u(x, bytes, i) + Lanes.u(y, bytes, i)
                            : Lanes.u(x, bytes, i) - Lanes.u(y, bytes, i), bytes);
                    case UUS -> Lanes.saturateUnsigned(add ? Lanes.u(x, bytes, i) + Lanes.s(y, bytes, i)
                            : Lanes.u(x, bytes, i) - Lanes.s(y, bytes, i), bytes);
                };
            }
            case PAVG -> { long t = Lanes.u(x, bytes, i) + Lanes.u(y, bytes, i); yield t >>> 1 | t & 1; }
            case PAVG_RAZ -> (Lanes.u(x, bytes, i) + Lanes.u(y, bytes, i) + 1) >>> 1;
            case PAVGSUB -> { long t = Lanes.u(x, bytes, i) - Lanes.u(y, bytes, i); yield t >> 1 | t & 1; }
            case PCMP_EQ -> Lanes.u(x, bytes, i) == Lanes.u(y, bytes, i) ? -1 : 0;
            case PCMP_GT -> Lanes.s(x, bytes, i) > Lanes.s(y, bytes, i) ? -1 : 0;
            case PSHLADD -> Lanes.saturateSigned(Lanes.saturateSigned(Lanes.s(x, bytes, i) << count, bytes)
                    + Lanes.s(y, bytes, i), bytes);
            case PSHRADD -> Lanes.saturateSigned((Lanes.s(x, bytes, i) >> count) + Lanes.s(y, bytes, i), bytes);
        };
    }

    @Override
    public String text(long ip) {
        String regs = " " + gr(r1) + "=" + gr(r2) + "," + gr(r3);
        return switch (op) {
            case PADD -> "padd" + bytes + sat.suffix + regs;
            case PSUB -> "psub" + bytes + sat.suffix + regs;
            case PAVG -> "pavg" + bytes + regs;
            case PAVG_RAZ -> "pavg" + bytes + ".raz" + regs;
            case PAVGSUB -> "pavgsub" + bytes + regs;
            case PCMP_EQ -> "pcmp" + bytes + ".eq" + regs;
            case PCMP_GT -> "pcmp" + bytes + ".gt" + regs;
            case PSHLADD -> "pshladd2 " + gr(r1) + "=" + gr(r2) + "," + count + "," + gr(r3);
            case PSHRADD -> "pshradd2 " + gr(r1) + "=" + gr(r2) + "," + count + "," + gr(r3);
        };
    }
}
