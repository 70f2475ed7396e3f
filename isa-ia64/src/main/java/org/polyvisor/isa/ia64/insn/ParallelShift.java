package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I5-I8 parallel shifts of 2- and 4-byte lanes, SDM rev 2.3 vol 3 pshl, pshr: by GR (I5 pshr r1=r3,r2; I7 pshl
 * r1=r2,r3, the count an unsigned 64-bit value) or by count5 (I6 pshr r1=r3,count5b; I8 pshl r1=r2,31-ccount5c).
 * Counts past the lane width clamp to it: a left shift gives 0, an arithmetic right shift the sign.
 */
public final class ParallelShift extends Insn {
    public enum Kind { SHL, SHR, SHR_U }

    private final Kind kind;
    private final int bytes, r1, src, countReg, count;
    private final boolean immediate;

    public ParallelShift(long bits, Kind kind, int bytes, boolean immediate) {
        super(bits);
        this.kind = kind;
        this.bytes = bytes;
        this.immediate = immediate;
        r1 = Fields.r1(bits);
        if (kind == Kind.SHL) {
            src = Fields.r2(bits);
            countReg = Fields.r3(bits);
            count = 31 - Fields.u(bits, 20, 5);
        } else {
            src = Fields.r3(bits);
            countReg = Fields.r2(bits);
            count = Fields.u(bits, 14, 5);
        }
    }

    @Override
    public int execute(CpuState c) {
        long n = immediate ? count : c.gr(countReg);
        int width = bytes * 8;
        int k = Long.compareUnsigned(n, width) > 0 ? width : (int) n;
        long x = c.gr(src), res = 0;
        for (int i = 0; i < 8 / bytes; i++) {
            long v = switch (kind) {
                case SHL -> k >= width ? 0 : Lanes.u(x, bytes, i) << k;
                case SHR -> Lanes.s(x, bytes, i) >> Math.min(k, width - 1);
                case SHR_U -> k >= width ? 0 : Lanes.u(x, bytes, i) >>> k;
            };
            res = Lanes.put(res, bytes, i, v);
        }
        c.setGr(r1, res, c.nat(src) | (!immediate && c.nat(countReg)));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String name = switch (kind) { case SHL -> "pshl"; case SHR -> "pshr"; case SHR_U -> "pshr"; } + bytes
                + (kind == Kind.SHR_U ? ".u" : "");
        return name + " " + gr(r1) + "=" + gr(src) + "," + (immediate ? Integer.toString(count) : gr(countReg));
    }
}
