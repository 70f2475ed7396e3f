package org.polyvisor.isa.arm64.exec.jit;

import static java.lang.constant.ConstantDescs.CD_boolean;
import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Op;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.isa.arm64.exec.FastForm;
import org.polyvisor.isa.arm64.exec.FastOp;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.exec.RunnerTlb;
import org.polyvisor.spi.exec.jit.BlockMethodEmitter;
import org.polyvisor.spi.exec.jit.RunnerTlbCode;

/**
 * The code of one method of a translation ({@link TranslatedBlock#run} or, {@code bounded}, runBounded), emitted into
 * a ClassFile API {@link CodeBuilder} for the first {@code m} ops of a block that {@link BlockTranslator} handles:
 * a label for every instruction (the targets of branches within the block), one exit per instruction index that
 * needs one (the runner goes on there), registers in local variable slots, NZCV in a local, and the fast forms
 * written out as {@code BlockRunner} runs them.
 */
final class MethodEmitter extends BlockMethodEmitter {
    static final ClassDesc CD_FRAME = desc(JitFrame.class), CD_STATE = desc(Arm64State.class),
            CD_TLB = desc(RunnerTlb.class), CD_SEGMENT = desc(MemorySegment.class), CD_ACCESS = desc(GuestAccess.class),
            CD_VARHANDLE = desc(VarHandle.class), CD_LONGS = CD_long.arrayType(),
            CD_LONG = desc(Long.class), CD_INTEGER = desc(Integer.class);
    /** run(f, x, start, nzcv, budget) and runBounded: see {@link TranslatedBlock}. */
    static final MethodTypeDesc MTD_RUN = MethodTypeDesc.of(CD_int, CD_FRAME, CD_LONGS, CD_long, CD_int, CD_int);

    static final int PAGE = GuestMemory.PAGE_SIZE, PAGE_SHIFT = GuestMemory.PAGE_SHIFT, LR = 30;
    static final long W = 0xFFFF_FFFFL;

    // Local variable slots of run(f, x, start, nzcv, budget).
    static final int F = 1, X = 2, START = 3, NZCV = 5, BUDGET = 6, EXTRA = 7, TLB = 8, READ_TAGS = 9,
            READ_PAGES = 10, WRITE_TAGS = 11, WRITE_PAGES = 12, P = 13, OFF = 14, SLOT = 15, VA = 16, BASE = 18,
            A = 20, B = 22, R = 24, T = 26, HI = 28, IA = 30, IB = 31, IR = 32, REGS = 34;

    static final RunnerTlbCode.Locals TLB_LOCALS =
            new RunnerTlbCode.Locals(TLB, READ_TAGS, READ_PAGES, WRITE_TAGS, WRITE_PAGES, P, OFF, SLOT, VA);

    private static ClassDesc desc(Class<?> c) { return ClassDesc.of(c.getName()); }

    private final FastOp[] ops;
    private final AccessEmitter access;
    /** The guest accesses' page lookups, in this method's locals. */
    final RunnerTlbCode tlbCode;

    MethodEmitter(CodeBuilder cb, FastOp[] ops, int m, boolean bounded) {
        super(cb, ops.length, m, bounded, EXTRA, BUDGET);
        this.ops = ops;
        this.tlbCode = new RunnerTlbCode(cb, TLB_LOCALS);
        this.access = new AccessEmitter(this, cb);
    }

    /** extra = 0; the registers the block names into locals; the TLB arrays when it accesses memory. */
    @Override
    protected void prologue() {
        cb.iconst_0().istore(EXTRA);
        boolean[] used = new boolean[Reg.FILE_SIZE];
        boolean memory = false;
        for (int k = 0; k < m; k++) {
            FastOp o = ops[k];
            used[o.rd] = used[o.rn] = used[o.rm] = used[o.writeBackTo] = used[LR] = true;
            if (o.form == FastForm.MADD || o.form == FastForm.MSUB) used[o.aux] = true;
            if (o.form == FastForm.GENERIC) used[o.insn.rd] = used[o.insn.rn] = used[o.insn.rm] = true;
            memory |= isAccess(o.form);
        }
        for (int r = 0; r < Reg.FILE_SIZE; r++) {
            if (used[r] && r != Reg.ZR && r != Reg.SINK) {
                cb.aload(X).loadConstant(r).laload().lstore(reg(r));
            }
        }
        if (memory) {
            cb.aload(F).getfield(CD_FRAME, "tlb", CD_TLB);
            tlbCode.storeArrays();
        }
    }

    private static boolean isAccess(int form) {
        return form >= FastForm.LDRB && form <= FastForm.STR_X
                || form >= FastForm.LDRB_WB && form <= FastForm.STR_X_WB
                || form >= FastForm.LDP_W && form <= FastForm.STP_X;
    }

    private static int reg(int r) { return REGS + 2 * r; }

    /** Pushes register r (XZR and the sink read as zero). */
    void get(int r) {
        if (r == Reg.ZR || r == Reg.SINK) cb.lconst_0();
        else cb.lload(reg(r));
    }

    /** Pops a long into register r and the register file (the sink and XZR discard it). */
    void set(int r) {
        if (r == Reg.ZR || r == Reg.SINK) {
            cb.pop2();
            return;
        }
        cb.lstore(reg(r)).aload(X).loadConstant(r).lload(reg(r)).lastore();
    }

    void lconst(long v) { cb.loadConstant(v); }

    void mask(long mask) {
        if (mask != -1L) cb.loadConstant(mask).land();
    }

    /** Pushes ((Rm << aux) >> aux) & extendMask: an extended (or W-register, sign- or zero-) operand. */
    void extended(FastOp o) {
        get(o.rm);
        if (o.aux != 0) cb.loadConstant(o.aux).lshl().loadConstant(o.aux).lshr();
        mask(o.extendMask);
    }

    @Override
    protected void op(int k) { op(ops[k], k); }

    private void op(FastOp o, int k) {
        switch (o.form) {
            case FastForm.MOV_REG, FastForm.MOV_MOV -> { get(o.rm); mask(o.mask); set(o.rd); }
            case FastForm.ADD_IMM -> { get(o.rn); lconst(o.imm); cb.ladd(); mask(o.mask); set(o.rd); }
            case FastForm.FLAGS_X -> {
                get(o.rn); cb.lstore(A);
                get(o.rm); shiftLeft(o.amount); lconst(o.imm); cb.ladd(); lconst(o.imm2); cb.lxor().lstore(B);
                cb.lload(A).lload(B).ladd(); lconst(o.aux); cb.ladd().lstore(R);
                flags64();
                cb.lload(R); set(o.rd);
            }
            case FastForm.FLAGS_W -> {
                get(o.rn); cb.l2i().istore(IA);
                get(o.rm); shiftLeft(o.amount); lconst(o.imm); cb.ladd(); lconst(o.imm2); cb.lxor().l2i().istore(IB);
                cb.iload(IA).iload(IB).iadd().loadConstant(o.aux).iadd().istore(IR);
                flags32();
                cb.iload(IR).i2l(); mask(W); set(o.rd);
            }
            case FastForm.CMP_BCOND_X -> {
                get(o.rn); cb.lstore(A);
                get(o.rm); shiftLeft(o.amount); lconst(o.imm); cb.ladd(); lconst(-1L); cb.lxor().lstore(B);
                cb.lload(A).lload(B).ladd().lconst_1().ladd().lstore(R);
                flags64();
                cb.lload(R); set(o.rd);
            }
            case FastForm.CMP_BCOND_W -> {
                get(o.rn); cb.l2i().istore(IA);
                get(o.rm); shiftLeft(o.amount); lconst(o.imm); cb.ladd(); lconst(-1L); cb.lxor().l2i().istore(IB);
                cb.iload(IA).iload(IB).iadd().iconst_1().iadd().istore(IR);
                flags32();
                cb.iload(IR).i2l(); mask(W); set(o.rd);
            }
            case FastForm.ADD_LSL, FastForm.SUB_LSL, FastForm.AND_LSL, FastForm.ORR_LSL, FastForm.EOR_LSL -> {
                get(o.rn); get(o.rm); shiftLeft(o.amount); combine(o.form); mask(o.mask); set(o.rd);
            }
            case FastForm.ADD_EXT, FastForm.SUB_EXT -> {
                get(o.rn); extended(o); shiftLeft(o.amount); combine(o.form); mask(o.mask); set(o.rd);
            }
            case FastForm.ADD_SHR, FastForm.SUB_SHR, FastForm.AND_SHR, FastForm.ORR_SHR, FastForm.EOR_SHR -> {
                get(o.rn); extended(o);
                if (o.amount != 0) cb.loadConstant(o.amount).lushr();
                combine(o.form); mask(o.mask); set(o.rd);
            }
            case FastForm.MADD, FastForm.MSUB -> {
                get(o.aux); get(o.rn); get(o.rm); cb.lmul();
                if (o.form == FastForm.MADD) cb.ladd(); else cb.lsub();
                mask(o.mask); set(o.rd);
            }
            case FastForm.CSEL, FastForm.CSINC, FastForm.CSINV, FastForm.CSNEG -> select(o);
            case FastForm.AND_IMM -> { get(o.rn); lconst(o.imm); cb.land(); set(o.rd); }
            case FastForm.ORR_IMM -> { get(o.rn); lconst(o.imm); cb.lor(); mask(o.mask); set(o.rd); }
            case FastForm.EOR_IMM -> { get(o.rn); lconst(o.imm); cb.lxor(); mask(o.mask); set(o.rd); }
            case FastForm.MOV_CONST -> { lconst(o.imm); set(o.rd); }
            case FastForm.MOVK -> { get(o.rd); lconst(o.imm2); cb.land(); lconst(o.imm); cb.lor(); set(o.rd); }
            case FastForm.UBFM_X, FastForm.SBFM_X -> {
                get(o.rn); cb.lstore(T);
                cb.lload(T).loadConstant(o.amount).lushr().lload(T).loadConstant(-o.amount & 63).lshl().lor();
                lconst(o.imm); cb.land();
                if (o.form == FastForm.SBFM_X) signFill(o);
                set(o.rd);
            }
            case FastForm.UBFM_W, FastForm.SBFM_W -> {
                get(o.rn); cb.lstore(T);
                cb.lload(T).l2i().istore(IA);
                cb.iload(IA).loadConstant(o.amount).iushr().iload(IA).loadConstant(-o.amount & 31).ishl().ior().i2l();
                lconst(o.imm); cb.land();
                if (o.form == FastForm.SBFM_W) signFill(o);
                set(o.rd);
            }
            case FastForm.ADR -> { cb.lload(START); lconst(4L * k + o.imm); cb.ladd(); set(o.rd); }
            case FastForm.ADRP -> {
                cb.lload(START); lconst(4L * k); cb.ladd(); lconst(~0xFFFL); cb.land(); lconst(o.imm); cb.ladd();
                set(o.rd);
            }
            case FastForm.LDRB, FastForm.LDRH, FastForm.LDR_W, FastForm.LDR_X, FastForm.LDRSW -> access.load(o, k, o.form - FastForm.LDRB);
            case FastForm.LDRB_WB, FastForm.LDRH_WB, FastForm.LDR_W_WB, FastForm.LDR_X_WB, FastForm.LDRSW_WB ->
                    access.load(o, k, o.form - FastForm.LDRB_WB);
            case FastForm.STRB, FastForm.STRH, FastForm.STR_W, FastForm.STR_X -> access.store(o, k, o.form - FastForm.STRB);
            case FastForm.STRB_WB, FastForm.STRH_WB, FastForm.STR_W_WB, FastForm.STR_X_WB -> access.store(o, k, o.form - FastForm.STRB_WB);
            case FastForm.LDP_W, FastForm.LDP_X, FastForm.LDPSW -> access.loadPair(o, k);
            case FastForm.STP_W, FastForm.STP_X -> access.storePair(o, k);
            case FastForm.NOP -> { }
            case FastForm.B, FastForm.B_COND, FastForm.CBZ, FastForm.CBNZ -> branch(o, k);
            case FastForm.TBZ, FastForm.TBNZ -> {
                Label next = cb.newLabel();
                get(o.rd); lconst(o.imm2); cb.land().lconst_0().lcmp();
                if (o.form == FastForm.TBZ) cb.ifne(next); else cb.ifeq(next);
                cb.lload(START); lconst(4L * k + o.imm); cb.ladd();
                leave(k);
                cb.labelBinding(next);
            }
            case FastForm.BL -> {
                cb.lload(START); lconst(4L * k + 4); cb.ladd(); set(LR);
                cb.lload(START); lconst(4L * k + o.imm); cb.ladd();
                leave(k);
                unreachable();
            }
            case FastForm.BR -> {
                get(o.rn);
                leave(k);
                unreachable();
            }
            case FastForm.BLR -> {
                get(o.rn); cb.lstore(T);
                cb.lload(START); lconst(4L * k + 4); cb.ladd(); set(LR);
                cb.lload(T);
                leave(k);
                unreachable();
            }
            case FastForm.GENERIC -> generic(o.insn);
            default -> throw new IllegalStateException("no translation for fast form " + o.form);
        }
    }

    /** The GENERIC instructions {@link #handles} names, from their decoded fields, as the Executor runs them. */
    private void generic(Insn i) {
        switch (i.op) {
            case LSLV, LSRV, ASRV, RORV -> {
                // Java's shifts already take the amount modulo the operand's width, as the Arm ARM does.
                get(i.rn);
                if (!i.sf) cb.l2i();
                get(i.rm);
                cb.l2i();
                if (i.sf) {
                    switch (i.op) {
                        case LSLV -> cb.lshl();
                        case LSRV -> cb.lushr();
                        case ASRV -> cb.lshr();
                        default -> cb.invokestatic(CD_LONG, "rotateRight", MethodTypeDesc.of(CD_long, CD_long, CD_int));
                    }
                } else {
                    switch (i.op) {
                        case LSLV -> cb.ishl();
                        case LSRV -> cb.iushr();
                        case ASRV -> cb.ishr();
                        default -> cb.invokestatic(CD_INTEGER, "rotateRight", MethodTypeDesc.of(CD_int, CD_int, CD_int));
                    }
                    cb.i2l();
                    mask(W);
                }
                set(i.rd);
            }
            case UDIV, SDIV -> {
                // Division by zero gives zero (Arm ARM C6.2 SDIV); Java's MIN / -1 is MIN, as on Arm.
                Label zero = cb.newLabel(), done = cb.newLabel();
                get(i.rm);
                if (!i.sf) cb.l2i().i2l();
                cb.lstore(T);
                cb.lload(T).lconst_0().lcmp().ifeq(zero);
                if (i.sf) {
                    get(i.rn);
                    cb.lload(T);
                    if (i.op == Op.UDIV) cb.invokestatic(CD_LONG, "divideUnsigned", MethodTypeDesc.of(CD_long, CD_long, CD_long));
                    else cb.ldiv();
                } else {
                    get(i.rn);
                    cb.l2i().lload(T).l2i();
                    if (i.op == Op.UDIV) cb.invokestatic(CD_INTEGER, "divideUnsigned", MethodTypeDesc.of(CD_int, CD_int, CD_int));
                    else cb.idiv();
                    cb.i2l();
                    mask(W);
                }
                cb.goto_(done);
                cb.labelBinding(zero);
                cb.lconst_0();
                cb.labelBinding(done);
                set(i.rd);
            }
            default -> throw new IllegalStateException("no translation for " + i.op);
        }
    }

    void shiftLeft(int amount) {
        if (amount != 0) cb.loadConstant(amount).lshl();
    }

    private void combine(int form) {
        switch (form) {
            case FastForm.ADD_LSL, FastForm.ADD_EXT, FastForm.ADD_SHR -> cb.ladd();
            case FastForm.SUB_LSL, FastForm.SUB_EXT, FastForm.SUB_SHR -> cb.lsub();
            case FastForm.AND_LSL, FastForm.AND_SHR -> cb.land();
            case FastForm.ORR_LSL, FastForm.ORR_SHR -> cb.lor();
            default -> cb.lxor();
        }
    }

    /** SBFM: ORs in imm2 where bit aux of Rn (in T) is set. */
    private void signFill(FastOp o) {
        cb.lload(T).loadConstant(o.aux).lushr().lconst_1().land().lneg();
        lconst(o.imm2);
        cb.land().lor();
    }

    /** NZCV of AddWithCarry with operands in A, B and the sum in R, as BlockRunner's FLAGS_X. */
    private void flags64() {
        cb.lload(R).loadConstant(63).lushr().l2i().iconst_3().ishl();
        cb.lload(R).lload(R).lneg().lor().loadConstant(63).lushr().l2i().iconst_1().ixor().iconst_2().ishl().ior();
        cb.lload(A).lload(B).land().lload(A).lload(B).lor().lload(R).loadConstant(-1L).lxor().land().lor()
                .loadConstant(63).lushr().l2i().iconst_1().ishl().ior();
        cb.lload(A).lload(R).lxor().lload(B).lload(R).lxor().land().loadConstant(63).lushr().l2i().ior();
        cb.istore(NZCV);
    }

    /** NZCV of the 32-bit AddWithCarry with operands in IA, IB and the sum in IR. */
    private void flags32() {
        cb.iload(IR).loadConstant(31).iushr().iconst_3().ishl();
        cb.iload(IR).iload(IR).ineg().ior().loadConstant(31).iushr().iconst_1().ixor().iconst_2().ishl().ior();
        cb.iload(IA).iload(IB).iand().iload(IA).iload(IB).ior().iload(IR).iconst_m1().ixor().iand().ior()
                .loadConstant(31).iushr().iconst_1().ishl().ior();
        cb.iload(IA).iload(IR).ixor().iload(IB).iload(IR).ixor().iand().loadConstant(31).iushr().ior();
        cb.istore(NZCV);
    }

    /** Pushes 1 when the condition whose truth table over NZCV is {@code table} holds. */
    private void condition(int table) {
        cb.loadConstant(table).iload(NZCV).iushr().iconst_1().iand();
    }

    private void select(FastOp o) {
        Label other = cb.newLabel(), done = cb.newLabel();
        condition(o.aux);
        cb.ifeq(other);
        get(o.rn);
        cb.goto_(done);
        cb.labelBinding(other);
        get(o.rm);
        switch (o.form) {
            case FastForm.CSINC -> cb.lconst_1().ladd();
            case FastForm.CSINV -> cb.loadConstant(-1L).lxor();
            case FastForm.CSNEG -> cb.lneg();
            default -> { }
        }
        cb.labelBinding(done);
        mask(o.mask);
        set(o.rd);
    }

    /**
     * B, B.cond, CBZ, CBNZ. Taken within the block: loop there while the budget covers a whole pass from the
     * target (else hand the target to the runner), unless an interrupt asked for a look, when the branch leaves
     * the block as in the runner. Taken elsewhere: leave.
     */
    private void branch(FastOp o, int k) {
        boolean always = o.form == FastForm.B;
        Label next = cb.newLabel();
        if (!always) {
            if (o.form == FastForm.B_COND) {
                condition(o.aux);
                cb.ifeq(next);
            } else {
                get(o.rd); mask(o.mask); cb.lconst_0().lcmp();
                // CBZ (aux 1) is taken on zero.
                if (o.aux != 0) cb.ifne(next); else cb.ifeq(next);
            }
        }
        if (o.target >= 0) {
            Label out = cb.newLabel();
            cb.aload(F).getfield(CD_FRAME, "state", CD_STATE).getfield(CD_STATE, "recheckInterrupts", CD_boolean)
                    .ifne(out);
            int t = o.target;
            cb.iinc(EXTRA, k + 1 - t);
            if (t < m) {
                // Unbounded code runs whole passes only; bounded code checks before each instruction.
                if (!bounded()) cb.iload(EXTRA).loadConstant(len).iadd().iload(BUDGET).if_icmpgt(stop(t));
                cb.goto_(at(t));
            } else {
                cb.goto_(stop(t));
            }
            cb.labelBinding(out);
        }
        cb.lload(START); lconst(4L * k + o.imm); cb.ladd();
        leave(k);
        if (always) unreachable();
        else cb.labelBinding(next);
    }

    /**
     * With the address of the next instruction on the stack: return having retired instruction k, the block left
     * (k = the block's length, counted from that address minus four times the length, as the runner counts).
     */
    private void leave(int k) {
        lconst(4L * len);
        cb.lsub().lstore(T);
        cb.aload(F).lload(T).putfield(CD_FRAME, "start", CD_long);
        cb.aload(F).loadConstant(len).putfield(CD_FRAME, "k", CD_int);
        cb.aload(F).iload(NZCV).putfield(CD_FRAME, "nzcv", CD_int);
        cb.iload(EXTRA).loadConstant(k + 1).iadd().ireturn();
    }

    /** Return with instruction k not run (or the block's end when k is its length). */
    @Override
    protected void stopExit(int k) {
        cb.aload(F).lload(START).putfield(CD_FRAME, "start", CD_long);
        cb.aload(F).loadConstant(k).putfield(CD_FRAME, "k", CD_int);
        cb.aload(F).iload(NZCV).putfield(CD_FRAME, "nzcv", CD_int);
        cb.iload(EXTRA).loadConstant(k).iadd().ireturn();
    }

}
