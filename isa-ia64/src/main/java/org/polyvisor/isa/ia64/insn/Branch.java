package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.spi.VcpuExit;

/**
 * The branches of the skeleton: B1 br.cond, B2 br.cloop, B3 br.call (IP-relative) and B4 br.cond / br.ret,
 * B5 br.call (indirect). Calls and returns move the register stack frame (see RegisterStack).
 */
public final class Branch extends Insn {
    public enum Kind { COND, CLOOP, CALL, COND_INDIRECT, RET, CALL_INDIRECT }

    private final Kind kind;
    private final long disp;
    private final int b1, b2;

    /** Counted branches (br.cloop) are not predicated: their qp field is ignored, as objdump ignores it. */
    public Branch(long bits, Kind kind) {
        super(bits, kind != Kind.CLOOP);
        this.kind = kind;
        disp = Fields.disp25(bits);
        b1 = Fields.u(bits, 6, 3);
        b2 = Fields.u(bits, 13, 3);
    }

    @Override
    public int execute(CpuState c) {
        switch (kind) {
            case COND -> c.branchTarget = c.ip + disp;
            case COND_INDIRECT -> c.branchTarget = c.br[b2] & ~0xfL;
            case CLOOP -> {
                // Taken while ar.lc != 0, decrementing it (SDM vol 3, br: cloop).
                long lc = c.ar[CpuState.AR_LC];
                if (lc == 0) return Flow.NEXT;
                c.ar[CpuState.AR_LC] = lc - 1;
                c.branchTarget = c.ip + disp;
            }
            case CALL, CALL_INDIRECT -> {
                long target = kind == Kind.CALL ? c.ip + disp : c.br[b2] & ~0xfL;
                if (!c.rse.call()) return stackFault(c, "register stack overflow (no backing store yet)");
                c.br[b1] = c.ip + 16;
                c.branchTarget = target;
            }
            case RET -> {
                long target = c.br[b2] & ~0xfL;
                if (!c.rse.ret()) return stackFault(c, "register stack underflow");
                c.branchTarget = target;
            }
        }
        return Flow.BRANCH;
    }

    private static int stackFault(CpuState c, String why) {
        c.exit = new VcpuExit.Fault(why, c.ip);
        return Flow.FAULT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case COND -> "br" + Fields.condHint(bits, qp) + " " + hex(ip + disp);
            case CLOOP -> "br.cloop" + Fields.hint(bits) + " " + hex(ip + disp);
            case CALL -> "br.call" + Fields.hint(bits) + " b" + b1 + "=" + hex(ip + disp);
            case COND_INDIRECT -> "br" + Fields.condHint(bits, qp) + " b" + b2;
            case RET -> "br.ret" + Fields.hint(bits) + " b" + b2;
            case CALL_INDIRECT -> "br.call" + Fields.hint(bits) + " b" + b1 + "=b" + b2;
        };
    }
}
