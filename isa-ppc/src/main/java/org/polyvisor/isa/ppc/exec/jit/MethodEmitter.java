package org.polyvisor.isa.ppc.exec.jit;

import static java.lang.constant.ConstantDescs.CD_int;
import static java.lang.constant.ConstantDescs.CD_long;
import static org.polyvisor.isa.ppc.exec.BlockOps.*;

import java.lang.classfile.CodeBuilder;
import java.lang.classfile.Label;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.VarHandle;

import org.polyvisor.isa.ppc.exec.PpcCpu;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.exec.RunnerTlb;
import org.polyvisor.spi.exec.jit.BlockMethodEmitter;
import org.polyvisor.spi.exec.jit.RunnerTlbCode;

/**
 * The code of one method of a translation ({@link TranslatedBlock#run} or, {@code bounded}, runBounded), emitted into
 * a ClassFile API {@link CodeBuilder} for the first {@code m} packed ops of a block: a label for every instruction
 * (the targets of branches within the block), one exit per instruction index that needs one (the runner goes on
 * there), the GPRs in local variable slots, CR, XER, LR and CTR read and written in the vCPU, and each fast code
 * written out as the block runner runs it (the same expressions, so the results are the same bit for bit).
 */
final class MethodEmitter extends BlockMethodEmitter {
    static final ClassDesc CD_FRAME = desc(JitFrame.class), CD_CPU = desc(PpcCpu.class),
            CD_TLB = desc(RunnerTlb.class), CD_SEGMENT = desc(MemorySegment.class), CD_ACCESS = desc(GuestAccess.class),
            CD_VARHANDLE = desc(VarHandle.class), CD_LONGS = CD_long.arrayType();
    /** run(f, r, pc, budget) and runBounded: see {@link TranslatedBlock}. */
    static final MethodTypeDesc MTD_RUN = MethodTypeDesc.of(CD_int, CD_FRAME, CD_LONGS, CD_long, CD_int);

    static final int PAGE = GuestMemory.PAGE_SIZE, PAGE_SHIFT = GuestMemory.PAGE_SHIFT;
    static final long LOW32 = 0xffff_ffffL;

    // Local variable slots of run(f, r, pc, budget).
    static final int F = 1, R = 2, PC = 3, BUDGET = 5, EXTRA = 6, CPU = 7, TLB = 8, READ_TAGS = 9, READ_PAGES = 10,
            WRITE_TAGS = 11, WRITE_PAGES = 12, P = 13, OFF = 14, SLOT = 15, EA = 16, A = 18, B_ = 20, V = 22, T = 24,
            IA = 26, IB = 27, REGS = 28;

    static final RunnerTlbCode.Locals TLB_LOCALS =
            new RunnerTlbCode.Locals(TLB, READ_TAGS, READ_PAGES, WRITE_TAGS, WRITE_PAGES, P, OFF, SLOT, EA);

    private static ClassDesc desc(Class<?> c) { return ClassDesc.of(c.getName()); }

    /** Whether the translator handles packed code {@code code}: every fast code the block runner has. */
    static boolean handles(int code) {
        return code >= LI && code <= CARRYING || code >= LWZ && code <= MTCTR || code == BC_CR || code == BC_CTR
                || code == MR || code == SLWI || code == SRWI;
    }

    private final long[] ops;
    private final AccessEmitter access;
    /** The guest accesses' page lookups, in this method's locals. */
    final RunnerTlbCode tlbCode;

    MethodEmitter(CodeBuilder cb, long[] ops, int m, boolean bounded) {
        super(cb, ops.length, m, bounded, EXTRA, BUDGET);
        this.ops = ops;
        this.tlbCode = new RunnerTlbCode(cb, TLB_LOCALS);
        this.access = new AccessEmitter(this, cb);
    }

    /** extra = 0; the vCPU; the GPRs the block names into locals; the TLB arrays when it accesses memory. */
    @Override
    protected void prologue() {
        cb.iconst_0().istore(EXTRA);
        cb.aload(F).getfield(CD_FRAME, "cpu", CD_CPU).astore(CPU);
        boolean[] used = new boolean[32];
        boolean memory = false;
        for (int k = 0; k < m; k++) {
            long o = ops[k];
            used[rt(o)] = used[ra(o)] = used[rb(o)] = true;
            int code = (int) o & 0xff;
            memory |= code >= LWZ && code <= STH;
        }
        for (int r = 0; r < 32; r++) {
            if (used[r]) cb.aload(R).loadConstant(r).laload().lstore(reg(r));
        }
        if (memory) {
            cb.aload(F).getfield(CD_FRAME, "tlb", CD_TLB);
            tlbCode.storeArrays();
        }
    }

    private static int rt(long o) { return (int) (o >>> 8) & 31; }

    private static int ra(long o) { return (int) (o >>> 13) & 31; }

    private static int rb(long o) { return (int) (o >>> 18) & 31; }

    private static int reg(int r) { return REGS + 2 * r; }

    /** Pushes GPR r. */
    void get(int r) { cb.lload(reg(r)); }

    /** Pops a long into GPR r and the register file. */
    void set(int r) { cb.lstore(reg(r)).aload(R).loadConstant(r).lload(reg(r)).lastore(); }

    private void cpuLong(String field) { cb.aload(CPU).getfield(CD_CPU, field, CD_long); }

    /** Pops a long into the vCPU's {@code field} (the value is below the vCPU on the stack: see callers). */
    private void putCpuLong(String field) { cb.lstore(T).aload(CPU).lload(T).putfield(CD_CPU, field, CD_long); }

    @Override
    protected void op(int k) { op(ops[k], k); }

    private void op(long o, int k) {
        int code = (int) o & 0xff, rt = rt(o), ra = ra(o), rb = rb(o);
        long si = o >> 32, ui = o >>> 32;
        switch (code) {
            case LI, LIS -> { cb.loadConstant(si); set(rt); }
            case ADDI, ADDIS -> { get(ra); cb.loadConstant(si).ladd(); set(rt); }
            case ORI, ORIS -> { get(rt); cb.loadConstant(ui).lor(); set(ra); }
            case XORI, XORIS -> { get(rt); cb.loadConstant(ui).lxor(); set(ra); }
            case ANDI_RC -> { get(rt); cb.loadConstant(ui).land(); cb.lstore(V); cb.lload(V); set(ra); recordCr0(); }
            case ADD -> { get(ra); get(rb); cb.ladd(); set(rt); }
            case SUBF -> { get(rb); get(ra); cb.lsub(); set(rt); }
            case NEG -> { get(ra); cb.lneg(); set(rt); }
            case CARRYING -> carrying(o, rt, ra, rb);
            case MULLW -> { get(ra); cb.l2i().i2l(); get(rb); cb.l2i().i2l().lmul(); set(rt); }
            case OR -> { get(rt); get(rb); cb.lor(); set(ra); }
            case MR -> { get(rt); set(ra); }
            case AND -> { get(rt); get(rb); cb.land(); set(ra); }
            case XOR -> { get(rt); get(rb); cb.lxor(); set(ra); }
            case ANDC -> { get(rt); get(rb); cb.loadConstant(-1L).lxor().land(); set(ra); }
            case NOR -> { get(rt); get(rb); cb.lor().loadConstant(-1L).lxor(); set(ra); }
            case EXTSB -> { get(rt); cb.l2i().i2b().i2l(); set(ra); }
            case EXTSH -> { get(rt); cb.l2i().i2s().i2l(); set(ra); }
            case SLW, SRW -> shiftByRegister(code == SLW, rt, ra, rb);
            case SLWI -> { get(rt); cb.loadConstant(rb).lshl().loadConstant(LOW32).land(); set(ra); }
            case SRWI -> { get(rt); cb.loadConstant(LOW32).land().loadConstant((int) ui).lushr(); set(ra); }
            case RLWINM, RLWINM_RC, RLWIMI -> rotate(code, rt, ra, rb, ui);
            case CMP -> compare(o, rt, ra, rb, si);
            case LWZ, LWZX, LWZU -> access.load(rt, ra, rb, si, code == LWZX, 4, false, code == LWZU, k);
            case LBZ, LBZX, LBZU -> access.load(rt, ra, rb, si, code == LBZX, 1, false, code == LBZU, k);
            case LHZ, LHA -> access.load(rt, ra, rb, si, false, 2, code == LHA, false, k);
            case STW, STWX, STWU -> access.store(rt, ra, rb, si, code == STWX, 4, code == STWU, k);
            case STB, STBX, STBU -> access.store(rt, ra, rb, si, code == STBX, 1, code == STBU, k);
            case STH -> access.store(rt, ra, rb, si, false, 2, false, k);
            case MFLR -> { cpuLong("lr"); cb.loadConstant(LOW32).land(); set(rt); }
            case MFCTR -> { cpuLong("ctr"); cb.loadConstant(LOW32).land(); set(rt); }
            case MTLR -> { get(rt); putCpuLong("lr"); }
            case MTCTR -> { get(rt); putCpuLong("ctr"); }
            case B, BC, BC_CR, BC_CTR, BCLR, BCCTR -> new BranchEmitter(this, cb).branch(o, k);
            default -> throw new IllegalStateException("no translation for packed code " + code);
        }
    }

    /** addc, adde, subfc, subfe: RT = A + RB + carry in (A = RA or ~RA); CA from the low words' carry out. */
    private void carrying(long o, int rt, int ra, int rb) {
        get(ra);
        if ((o & INVERT_A) != 0) cb.loadConstant(-1L).lxor();
        cb.lstore(A);
        get(rb); cb.lstore(B_);
        if ((o & CARRY_ONE) != 0) cb.lconst_1();
        else if ((o & CARRY_CA) != 0) { cpuLong("xer"); cb.loadConstant(29).lushr().lconst_1().land(); }
        else cb.lconst_0();
        cb.lstore(V);
        cb.lload(A).lload(B_).ladd().lload(V).ladd(); set(rt);
        cb.lload(A).loadConstant(LOW32).land().lload(B_).loadConstant(LOW32).land().ladd().lload(V).ladd()
                .loadConstant(32).lushr().lstore(V);
        cb.aload(CPU);
        cpuLong("xer"); cb.loadConstant(~PpcCpu.XER_CA).land().lload(V).loadConstant(29).lshl().lor();
        cb.putfield(CD_CPU, "xer", CD_long);
    }

    /** slw, srw: a shift by RB's low 6 bits, 0 from 32 on. */
    private void shiftByRegister(boolean left, int rs, int ra, int rb) {
        Label zero = cb.newLabel(), done = cb.newLabel();
        get(rb); cb.l2i().loadConstant(63).iand().istore(IA);
        cb.iload(IA).loadConstant(32).if_icmpge(zero);
        get(rs);
        if (left) cb.iload(IA).lshl().loadConstant(LOW32).land();
        else cb.loadConstant(LOW32).land().iload(IA).lushr();
        cb.goto_(done);
        cb.labelBinding(zero);
        cb.lconst_0();
        cb.labelBinding(done);
        set(ra);
    }

    /** rlwinm, rlwinm., rlwimi: ROTL32(RS, SH) in both halves of the doubleword, ANDed with the mask. */
    private void rotate(int code, int rs, int ra, int sh, long mask) {
        get(rs); cb.l2i().istore(IA);
        cb.iload(IA).loadConstant(sh).ishl().iload(IA).loadConstant(-sh).iushr().ior().i2l()
                .loadConstant(LOW32).land().lstore(V);
        cb.lload(V).loadConstant(32).lshl().lload(V).lor().loadConstant(mask).land().lstore(V);
        if (code == RLWIMI) {
            cb.lload(V); get(ra); cb.loadConstant(~mask).land().lor(); set(ra);
            return;
        }
        cb.lload(V); set(ra);
        if (code == RLWINM_RC) recordCr0();
    }

    /** CR0 from V's low word against 0, signed, and SO. */
    private void recordCr0() {
        cb.lload(V).l2i().i2l().lstore(A);
        cb.lconst_0().lstore(B_);
        setField(0);
    }

    /** cmpw, cmplw, cmpwi, cmplwi into field BF (RT's field holds BF << 2 | L). */
    private void compare(long o, int bfl, int ra, int rb, long si) {
        long sign = (o & SIGNED) != 0 ? 0x8000_0000L : 0;
        get(ra); cb.loadConstant(LOW32).land().loadConstant(sign).lxor().loadConstant(sign).lsub().lstore(A);
        if ((o & IMMEDIATE) != 0) cb.loadConstant(si); else get(rb);
        cb.loadConstant(LOW32).land().loadConstant(sign).lxor().loadConstant(sign).lsub().lstore(B_);
        setField(bfl >>> 2);
    }

    /** CR field {@code bf} = LT GT EQ of A against B (no overflow: both within 33 bits) and XER[SO]. */
    private void setField(int bf) {
        cb.lload(A).lload(B_).lsub().loadConstant(63).lushr().l2i().istore(IA);
        cb.lload(B_).lload(A).lsub().loadConstant(63).lushr().l2i().istore(IB);
        cb.iload(IA).iconst_3().ishl().iload(IB).iconst_2().ishl().ior()
                .iconst_1().iload(IA).iload(IB).ior().ixor().iconst_1().ishl().ior();
        cpuLong("xer"); cb.loadConstant(31).lushr().l2i().iconst_1().iand().ior().istore(IA);
        int shift = 28 - 4 * bf;
        cb.aload(CPU).aload(CPU).getfield(CD_CPU, "cr", CD_int).loadConstant(~(0xf << shift)).iand()
                .iload(IA).loadConstant(shift).ishl().ior().putfield(CD_CPU, "cr", CD_int);
    }

    // For BranchEmitter.
    int length() { return len; }

    int translated() { return m; }

    /**
     * With the pc of the next instruction on the stack (a long, already masked): return having retired instruction
     * k, the block left.
     */
    void leave(int k) {
        cb.lstore(T);
        cb.aload(F).lload(T).putfield(CD_FRAME, "target", CD_long);
        cb.aload(F).loadConstant(len).putfield(CD_FRAME, "k", CD_int);
        cb.iload(EXTRA).loadConstant(k + 1).iadd().ireturn();
    }

    /** Return with instruction k not run; at the block's end (k its length), the block left for the next address. */
    @Override
    protected void stopExit(int k) {
        if (k == len) {
            cb.aload(F).lload(PC).loadConstant(4L * len).ladd().loadConstant(LOW32).land()
                    .putfield(CD_FRAME, "target", CD_long);
        }
        cb.aload(F).loadConstant(k).putfield(CD_FRAME, "k", CD_int);
        cb.iload(EXTRA).loadConstant(k).iadd().ireturn();
    }
}
