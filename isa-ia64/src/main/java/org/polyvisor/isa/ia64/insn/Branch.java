package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * B1 br.cond, br.wtop, br.wexit; B2 br.cloop, br.ctop, br.cexit; B3 br.call (IP-relative); B4 br.cond / br.ret
 * (indirect); B5 br.call (indirect). Calls and returns move the register stack frame (see RegisterStack); the
 * modulo-scheduled loop branches rotate registers (SDM rev 2.3 vol 3 "br", vol 1 4.5 "Software Pipelining and
 * Loop Support").
 * <p>The loop branches are not qualified the usual way: counted ones (cloop, ctop, cexit) ignore qp, and wtop /
 * wexit always execute, using PR[qp] as the loop condition (the qp = 0 path is {@link #predicatedOff}). Their final-iteration step is read from the manual's
 * flow charts: with LC = 0 (or PR[qp] = 0) and EC = 1, EC becomes 0, p63 is cleared and the registers rotate a
 * last time; with EC already 0 nothing rotates.
 */
public final class Branch extends Insn {
    public enum Kind { COND, CLOOP, CALL, COND_INDIRECT, RET, CALL_INDIRECT, CTOP, CEXIT, WTOP, WEXIT }

    private final Kind kind;
    private final long disp;
    private final int b1, b2;

    /** Counted branches (br.cloop) are not predicated: their qp field is ignored, as objdump ignores it. */
    public Branch(long bits, Kind kind) {
        super(bits, kind != Kind.CLOOP && kind != Kind.CTOP && kind != Kind.CEXIT);
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
            case CTOP, CEXIT -> {
                boolean more = c.ar[CpuState.AR_LC] != 0 ? countedKernel(c) : epilogue(c);
                if (more != (kind == Kind.CTOP)) return Flow.NEXT;
                c.branchTarget = c.ip + disp;
            }
            case WTOP, WEXIT -> {
                // PR[qp] = 1: the kernel goes on (EC unchanged, p63 = 0, rotate).
                c.setPred(63, false);
                c.rse.rotate();
                if (kind == Kind.WEXIT) return Flow.NEXT;
                c.branchTarget = c.ip + disp;
            }
            case CALL, CALL_INDIRECT -> {
                long target = kind == Kind.CALL ? c.ip + disp : c.br[b2] & ~0xfL;
                c.rse.call();
                c.br[b1] = c.ip + 16;
                c.branchTarget = target;
            }
            case RET -> {
                long target = c.br[b2] & ~0xfL;
                int flow = c.rse.ret();
                if (flow != Flow.NEXT) return flow;
                c.branchTarget = target;
            }
        }
        return Flow.BRANCH;
    }

    /** br.wtop / br.wexit with PR[qp] = 0 still execute: the epilogue path. */
    @Override
    public int predicatedOff(CpuState c) {
        if (kind != Kind.WTOP && kind != Kind.WEXIT) return Flow.NEXT;
        boolean more = epilogue(c);
        if (more != (kind == Kind.WTOP)) return Flow.NEXT;
        c.branchTarget = c.ip + disp;
        return Flow.BRANCH;
    }

    /** The LC != 0 path of ctop / cexit: LC--, p63 = 1, rotate; the kernel goes on. */
    private static boolean countedKernel(CpuState c) {
        c.ar[CpuState.AR_LC]--;
        c.setPred(63, true);
        c.rse.rotate();
        return true;
    }

    /** The epilogue path: while EC &gt; 1 drain a stage (EC--, p63 = 0, rotate, go on); EC = 1 is the last rotation. */
    private static boolean epilogue(CpuState c) {
        long ec = c.ar[CpuState.AR_EC];
        if (ec == 0) {
            c.setPred(63, false);
            return false;
        }
        c.ar[CpuState.AR_EC] = ec - 1;
        c.setPred(63, false);
        c.rse.rotate();
        return ec > 1;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case COND -> "br" + Fields.condHint(bits, qp) + " " + hex(ip + disp);
            case CLOOP -> "br.cloop" + Fields.hint(bits) + " " + hex(ip + disp);
            case CTOP -> "br.ctop" + Fields.hint(bits) + " " + hex(ip + disp);
            case CEXIT -> "br.cexit" + Fields.hint(bits) + " " + hex(ip + disp);
            case WTOP -> "br.wtop" + Fields.hint(bits) + " " + hex(ip + disp);
            case WEXIT -> "br.wexit" + Fields.hint(bits) + " " + hex(ip + disp);
            case CALL -> "br.call" + Fields.hint(bits) + " b" + b1 + "=" + hex(ip + disp);
            case COND_INDIRECT -> "br" + Fields.condHint(bits, qp) + " b" + b2;
            case RET -> "br.ret" + Fields.hint(bits) + " b" + b2;
            case CALL_INDIRECT -> "br.call" + Fields.hint(bits) + " b" + b1 + "=b" + b2;
        };
    }
}
