package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** X2 movl: r1 = imm64 = i[X36] : imm41[L] : ic[X21] : imm5c[X22..26] : imm9d[X27..35] : imm7b[X13..19]. */
public final class MoveLong extends Insn {
    private final int r1;
    private final long imm;

    public MoveLong(long x, long l) {
        super(x);
        r1 = Fields.r1(x);
        imm = (x >>> 36 & 1) << 63 | l << 22 | (long) Fields.u(x, 21, 1) << 21 | (long) Fields.u(x, 22, 5) << 16
                | (long) Fields.u(x, 27, 9) << 7 | Fields.u(x, 13, 7);
    }

    @Override
    public int width() { return 2; }

    @Override
    public int execute(CpuState c) {
        c.setGr(r1, imm);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "movl " + gr(r1) + "=" + hex(imm);
    }
}
