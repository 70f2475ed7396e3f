package org.polyvisor.isa.ppc.exec.jit;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.polyvisor.isa.ppc.exec.BlockOps.*;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.BUDGET;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.CD_CPU;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.CPU;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.EXTRA;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.IA;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.LOW32;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.PC;
import static org.polyvisor.isa.ppc.exec.jit.MethodEmitter.T;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;

/**
 * The branches of a translation's method ({@link MethodEmitter}): b, the bc forms (CR only, CTR only, both), bclr and
 * bcctr, with LK, as the block runner runs them. A taken relative branch to an instruction of the block loops there
 * while the budget covers another whole pass (unbounded code; bounded code checks before each instruction), else
 * hands that instruction to the runner; any other taken branch, and bclr and bcctr, leave the block.
 */
final class BranchEmitter {
    private final MethodEmitter e;
    private final CodeBuilder cb;

    BranchEmitter(MethodEmitter e, CodeBuilder cb) {
        this.e = e;
        this.cb = cb;
    }

    private void cia(int k) { cb.lload(PC).loadConstant(4L * k).ladd(); }

    /** LR = CIA + 4 when LK is set. */
    private void link(long o, int k) {
        if ((o & RC) == 0) return;
        cb.aload(CPU);
        cia(k); cb.loadConstant(4L).ladd().loadConstant(LOW32).land();
        cb.putfield(CD_CPU, "lr", CD_long);
    }

    /** Pushes 1 when CR bit BI equals {@code value}. */
    private void crBitIs(int bi, boolean value) {
        cb.aload(CPU).getfield(CD_CPU, "cr", CD_int).loadConstant(bi).ishl().loadConstant(31).iushr();
        if (!value) cb.iconst_1().ixor();
    }

    /** CTR -= 1; pushes 1 when its low word is then not 0 XOR {@code zero} (BO[3]: branch when it is 0). */
    private void decrementCtr(boolean zero) {
        Label nonZero = cb.newLabel(), done = cb.newLabel();
        cb.aload(CPU).aload(CPU).getfield(CD_CPU, "ctr", CD_long).lconst_1().lsub().putfield(CD_CPU, "ctr", CD_long);
        cb.aload(CPU).getfield(CD_CPU, "ctr", CD_long).l2i().ifne(nonZero);
        cb.loadConstant(zero ? 1 : 0).goto_(done);
        cb.labelBinding(nonZero);
        cb.loadConstant(zero ? 0 : 1);
        cb.labelBinding(done);
    }

    void branch(long o, int k) {
        int code = (int) o & 0xff, bo = (int) (o >>> 8) & 31, bi = (int) (o >>> 13) & 31;
        long si = o >> 32;
        boolean absolute = (o & AA) != 0;
        switch (code) {
            case B -> {
                link(o, k);
                taken(k, si, absolute);
                e.unreachable();
            }
            case BC_CR -> {
                link(o, k);
                Label next = cb.newLabel();
                crBitIs(bi, (o & BO_CR_TRUE) != 0);
                cb.ifeq(next);
                taken(k, si, absolute);
                cb.labelBinding(next);
            }
            case BC_CTR -> {
                link(o, k);
                Label next = cb.newLabel();
                decrementCtr((o & BO_CTR_ZERO) != 0);
                cb.ifeq(next);
                taken(k, si, absolute);
                cb.labelBinding(next);
            }
            case BC -> {
                Label next = cb.newLabel();
                condition(bo, bi);
                link(o, k);
                cb.iload(IA).ifeq(next);
                taken(k, si, absolute);
                cb.labelBinding(next);
            }
            case BCLR -> {
                // the target is LR as it was before LK writes it
                cb.aload(CPU).getfield(CD_CPU, "lr", CD_long).loadConstant(~3L).land().lstore(T);
                condition(bo, bi);
                link(o, k);
                leaveEither(k);
            }
            default -> {                                                     // BCCTR: CTR is not decremented
                if ((bo & 0x10) != 0) cb.iconst_1(); else crBitIs(bi, (bo & 0x08) != 0);
                cb.istore(IA);
                link(o, k);
                cb.aload(CPU).getfield(CD_CPU, "ctr", CD_long).loadConstant(~3L).land().lstore(T);
                leaveEither(k);
            }
        }
    }

    /**
     * IA = whether bc's condition holds: CTR decremented and tested unless BO[2], then the CR bit BI against BO[1]
     * unless BO[0].
     */
    private void condition(int bo, int bi) {
        Label no = cb.newLabel(), done = cb.newLabel();
        if ((bo & 0x04) == 0) {
            decrementCtr((bo & 0x02) != 0);
            cb.ifeq(no);
        }
        if ((bo & 0x10) == 0) {
            crBitIs(bi, (bo & 0x08) != 0);
            cb.ifeq(no);
        }
        cb.iconst_1().goto_(done);
        cb.labelBinding(no);
        cb.iconst_0();
        cb.labelBinding(done);
        cb.istore(IA);
    }

    /** bclr, bcctr: leave for T AND 0xffffffff when IA, else for the next instruction. */
    private void leaveEither(int k) {
        Label notTaken = cb.newLabel();
        cb.iload(IA).ifeq(notTaken);
        cb.lload(T).loadConstant(LOW32).land();
        e.leave(k);
        cb.labelBinding(notTaken);
        cia(k); cb.loadConstant(4L).ladd().loadConstant(LOW32).land();
        e.leave(k);
        e.unreachable();
    }

    /**
     * The branch is taken: to instruction t of the block (relative, within it), loop there; else leave for the
     * target.
     */
    private void taken(int k, long si, boolean absolute) {
        int t = absolute || (si & 3) != 0 ? -1 : k + (int) (si >> 2);
        if (!absolute && t >= 0 && t < e.length()) {
            cb.iinc(EXTRA, k + 1 - t);
            if (t < e.translated()) {
                // Unbounded code runs whole passes only; bounded code checks before each instruction.
                if (!e.bounded()) {
                    cb.iload(EXTRA).loadConstant(e.length()).iadd().iload(BUDGET).if_icmpgt(e.stop(t));
                }
                cb.goto_(e.at(t));
            } else {
                cb.goto_(e.stop(t));
            }
            return;
        }
        if (absolute) cb.loadConstant(si); else { cia(k); cb.loadConstant(si).ladd(); }
        cb.loadConstant(LOW32).land();
        e.leave(k);
    }
}
