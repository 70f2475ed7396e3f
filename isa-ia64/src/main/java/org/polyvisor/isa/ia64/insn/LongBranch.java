package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** X3 brl.cond and X4 brl.call: IP-relative by imm60 = i[X36] : imm39[L2..40] : imm20b[X13..32], times 16. */
public final class LongBranch extends Insn {
    private final boolean call;
    private final long disp;
    private final int b1;

    public LongBranch(long x, long l, boolean call) {
        super(x);
        this.call = call;
        this.b1 = Fields.u(x, 6, 3);
        long imm60 = (x >>> 36 & 1) << 59 | (l >>> 2) << 20 | Fields.u(x, 13, 20);
        this.disp = (imm60 << 4 >> 4) << 4;
    }

    @Override
    public int width() { return 2; }

    @Override
    public int execute(CpuState c) {
        if (call) {
            c.rse.call();
            c.br[b1] = c.ip + 16;
        }
        c.branchTarget = c.ip + disp;
        return Flow.BRANCH;
    }

    @Override
    public String text(long ip) {
        return call ? "brl.call" + Fields.hint(bits) + " b" + b1 + "=" + hex(ip + disp)
                : "brl" + Fields.condHint(bits, qp) + " " + hex(ip + disp);
    }
}
