package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Unit;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.SoftTlb;

import static org.polyvisor.isa.ppc.exec.BlockOps.*;

/**
 * Runs {@link Block}s: one switch over the dense {@link BlockOps} codes, the hot forms computed in place (loads and
 * stores straight from the software TLB's host page, big-endian), everything else and every TLB miss handed to the
 * instruction's unit; at the end of a block the next one is looked up and run at once (chained). The pc and the
 * retired count are written when the run returns, and before an instruction goes to its unit (which may read them,
 * or raise an exception at it), so the state seen from outside is exactly that of one instruction at a time.
 * <p>A run returns at a block boundary once its slice is done, inside a block when the budget is spent, at an
 * instruction that raised an exception (not retired: the pc is left at it, {@link #exit} says which), at one that
 * ends the run with an exit (retired), after a system instruction (the caller applies a change of translation and
 * looks at the asynchronous exceptions), and when the fetch of the next block fails. A store that hit decoded code
 * ends its block (the rest may have changed); the next lookup decodes the new code.
 */
final class BlockRunner {
    private static final long LOW32 = 0xffff_ffffL;
    private static final int PAGE = GuestMemory.PAGE_SIZE;
    private static final ValueLayout.OfInt INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);
    private static final ValueLayout.OfShort SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN);

    private final PpcCpu c;
    private final BlockCache blocks;
    private final SoftTlb tlb;
    private final DataBus bus;
    private final LoadStoreUnit loadStore;
    private final FloatingPointUnit floatingPoint;
    private final VectorUnit vector;
    private final SystemUnit system;
    /** The exit of the instruction that ended the last run, or null: {@link PpcTraps#RAISED}, a fault, or an exit. */
    VcpuExit exit;

    BlockRunner(PpcCpu c, BlockCache blocks, SoftTlb tlb, DataBus bus, LoadStoreUnit loadStore, FloatingPointUnit floatingPoint,
                VectorUnit vector, SystemUnit system) {
        this.c = c;
        this.blocks = blocks;
        this.tlb = tlb;
        this.bus = bus;
        this.loadStore = loadStore;
        this.floatingPoint = floatingPoint;
        this.vector = vector;
        this.system = system;
    }

    /**
     * Runs blocks from the pc, chaining from each to the next, until at least {@code slice} instructions retired
     * (at a block boundary), or {@code budget} did (inside a block if need be), or the run must return (see the class
     * comment); returns how many retired. The pc and {@link PpcCpu#retired} are exact on return.
     */
    long run(long slice, long budget) {
        PpcCpu c = this.c;
        SoftTlb tlb = this.tlb;
        long[] r = c.gpr;
        long pc = c.pc;
        Block b = blocks.lookup(pc);
        if (b == null) {
            exit = blocks.exit;
            return 0;
        }
        long base = c.retired, done = 0;
        while (true) {
            long[] ops = b.ops;
            int limit = (int) Math.min(ops.length, budget - done);
            long next = -1;
            int k = 0;
            block:
            for (; k < limit; k++) {
                long op = ops[k];
                switch (code(op)) {
                    case LI -> { r[rt(op)] = simm(op); continue; }
                    case ADDI, ADDIS -> { r[rt(op)] = r[ra(op)] + simm(op); continue; }
                    case LIS -> { r[rt(op)] = simm(op); continue; }
                    case ORI, ORIS -> { r[ra(op)] = r[rt(op)] | uimm(op); continue; }
                    case XORI, XORIS -> { r[ra(op)] = r[rt(op)] ^ uimm(op); continue; }
                    case ANDI_RC -> { long v = r[rt(op)] & uimm(op); r[ra(op)] = v; recordCr0(c, v); continue; }
                    case ADD -> { r[rt(op)] = r[ra(op)] + r[rb(op)]; continue; }
                    case SUBF -> { r[rt(op)] = r[rb(op)] - r[ra(op)]; continue; }
                    case NEG -> { r[rt(op)] = -r[ra(op)]; continue; }
                    case MULLW -> { r[rt(op)] = (long) (int) r[ra(op)] * (int) r[rb(op)]; continue; }
                    case OR -> { r[ra(op)] = r[rt(op)] | r[rb(op)]; continue; }
                    case MR -> { r[ra(op)] = r[rt(op)]; continue; }
                    case AND -> { r[ra(op)] = r[rt(op)] & r[rb(op)]; continue; }
                    case XOR -> { r[ra(op)] = r[rt(op)] ^ r[rb(op)]; continue; }
                    case ANDC -> { r[ra(op)] = r[rt(op)] & ~r[rb(op)]; continue; }
                    case NOR -> { r[ra(op)] = ~(r[rt(op)] | r[rb(op)]); continue; }
                    case EXTSB -> { r[ra(op)] = (byte) r[rt(op)]; continue; }
                    case EXTSH -> { r[ra(op)] = (short) r[rt(op)]; continue; }
                    case SLW -> { int n = (int) r[rb(op)] & 63; r[ra(op)] = n < 32 ? (r[rt(op)] << n) & LOW32 : 0; continue; }
                    case SRW -> { int n = (int) r[rb(op)] & 63; r[ra(op)] = n < 32 ? (r[rt(op)] & LOW32) >>> n : 0; continue; }
                    case SLWI -> { r[ra(op)] = (r[rt(op)] << rb(op)) & LOW32; continue; }
                    case SRWI -> { r[ra(op)] = (r[rt(op)] & LOW32) >>> uimm(op); continue; }
                    case RLWINM -> { r[ra(op)] = rotl32(r[rt(op)], rb(op)) & uimm(op); continue; }
                    case RLWINM_RC -> { long v = rotl32(r[rt(op)], rb(op)) & uimm(op); r[ra(op)] = v; recordCr0(c, v); continue; }
                    case RLWIMI -> {
                        long m = uimm(op);
                        r[ra(op)] = (rotl32(r[rt(op)], rb(op)) & m) | (r[ra(op)] & ~m);
                        continue;
                    }
                    case CMPW -> { compare(c, op, (int) r[ra(op)], (int) r[rb(op)]); continue; }
                    case CMPLW -> { compare(c, op, r[ra(op)] & LOW32, r[rb(op)] & LOW32); continue; }
                    case CMPWI -> { compare(c, op, (int) r[ra(op)], simm(op)); continue; }
                    case CMPLWI -> { compare(c, op, r[ra(op)] & LOW32, uimm(op)); continue; }
                    case CMPW_BC, CMPLW_BC, CMPWI_BC, CMPLWI_BC -> {
                        long a = r[ra(op)];
                        int field = switch (code(op)) {
                            case CMPW_BC -> compare(c, op, (int) a, (int) r[rb(op)]);
                            case CMPLW_BC -> compare(c, op, a & LOW32, r[rb(op)] & LOW32);
                            case CMPWI_BC -> compare(c, op, (int) a, simm(op));
                            default -> compare(c, op, a & LOW32, uimm(op));
                        };
                        if (++k == limit) break block;
                        // the bc tests a bit of the field just set (BlockOps.fuse): read it from the field, not CR
                        long bc = ops[k];
                        boolean bit = (field << (28 + (ra(bc) & 3))) < 0;
                        long target = branchOutcome(c, bc, pc + ((long) k << 2), bit == ((bc & BO_CR_TRUE) != 0));
                        if (target < 0) continue;
                        next = target;
                        k++;
                        break block;
                    }
                    case LWZ, LWZX, LWZU -> {
                        long ea = (r[ra(op)] + (code(op) == LWZX ? r[rb(op)] : simm(op))) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.READ, ea);
                        int off = (int) ea & (PAGE - 1);
                        if (p != null && off <= PAGE - 4) {
                            r[rt(op)] = p.get(INT, off) & LOW32;
                            if (code(op) == LWZU) r[ra(op)] = ea;
                            continue;
                        }
                    }
                    case LBZ, LBZX, LBZU -> {
                        long ea = (r[ra(op)] + (code(op) == LBZX ? r[rb(op)] : simm(op))) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.READ, ea);
                        if (p != null) {
                            r[rt(op)] = p.get(ValueLayout.JAVA_BYTE, (int) ea & (PAGE - 1)) & 0xffL;
                            if (code(op) == LBZU) r[ra(op)] = ea;
                            continue;
                        }
                    }
                    case LHZ, LHA -> {
                        long ea = (r[ra(op)] + simm(op)) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.READ, ea);
                        int off = (int) ea & (PAGE - 1);
                        if (p != null && off <= PAGE - 2) {
                            short h = p.get(SHORT, off);
                            r[rt(op)] = code(op) == LHA ? h : h & 0xffffL;
                            continue;
                        }
                    }
                    case STW, STWX, STWU -> {
                        long ea = (r[ra(op)] + (code(op) == STWX ? r[rb(op)] : simm(op))) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.WRITE, ea);
                        int off = (int) ea & (PAGE - 1);
                        if (p != null && off <= PAGE - 4) {
                            p.set(INT, off, (int) r[rt(op)]);
                            if (code(op) == STWU) r[ra(op)] = ea;
                            continue;
                        }
                    }
                    case STB, STBX, STBU -> {
                        long ea = (r[ra(op)] + (code(op) == STBX ? r[rb(op)] : simm(op))) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.WRITE, ea);
                        if (p != null) {
                            p.set(ValueLayout.JAVA_BYTE, (int) ea & (PAGE - 1), (byte) r[rt(op)]);
                            if (code(op) == STBU) r[ra(op)] = ea;
                            continue;
                        }
                    }
                    case STH -> {
                        long ea = (r[ra(op)] + simm(op)) & LOW32;
                        MemorySegment p = tlb.lookup(SoftTlb.WRITE, ea);
                        int off = (int) ea & (PAGE - 1);
                        if (p != null && off <= PAGE - 2) {
                            p.set(SHORT, off, (short) r[rt(op)]);
                            continue;
                        }
                    }
                    case MFLR -> { r[rt(op)] = c.lr & LOW32; continue; }
                    case MTLR -> { c.lr = r[rt(op)]; continue; }
                    case MFCTR -> { r[rt(op)] = c.ctr & LOW32; continue; }
                    case MTCTR -> { c.ctr = r[rt(op)]; continue; }
                    case B -> {
                        long cia = pc + ((long) k << 2);
                        if ((op & RC) != 0) c.lr = (cia + 4) & LOW32;
                        next = ((op & AA) != 0 ? simm(op) : cia + simm(op)) & LOW32;
                        k++;
                        break block;
                    }
                    case BC_CR, BC_CTR, BC -> {
                        // a conditional branch not taken goes on in the block (a side exit when taken)
                        long cia = pc + ((long) k << 2);
                        long target = switch (code(op)) {
                            case BC_CR -> branchOnCr(c, op, cia);
                            case BC_CTR -> branchOnCtr(c, op, cia);
                            default -> branchConditional(c, op, cia);
                        };
                        if (target < 0) continue;
                        next = target;
                        k++;
                        break block;
                    }
                    case BCLR -> {
                        long fallThrough = (pc + ((long) k << 2) + 4) & LOW32, target = c.lr & ~3L & LOW32;
                        boolean taken = ctrHolds(c, rt(op)) && conditionHolds(c, rt(op), ra(op));
                        if ((op & RC) != 0) c.lr = fallThrough;
                        next = taken ? target : fallThrough;
                        k++;
                        break block;
                    }
                    case BCCTR -> {
                        long fallThrough = (pc + ((long) k << 2) + 4) & LOW32;
                        boolean taken = conditionHolds(c, rt(op), ra(op));
                        if ((op & RC) != 0) c.lr = fallThrough;
                        next = taken ? c.ctr & ~3L & LOW32 : fallThrough;
                        k++;
                        break block;
                    }
                    default -> { }
                }
                // GENERIC, or a load/store the software TLB missed: the instruction's unit, with pc and retired exact
                Insn in = b.insns[k];
                long cia = (pc + ((long) k << 2)) & LOW32;
                c.pc = (cia + 4) & LOW32;
                c.retired = base + done + k;
                VcpuExit e = execute(in, cia);
                if (e != null) {
                    exit = e;
                    if (e == PpcTraps.RAISED || e instanceof VcpuExit.Fault) {
                        c.pc = cia;
                        return done + k;
                    }
                    c.retired = base + done + k + 1;
                    return done + k + 1;
                }
                if (in.unit == Unit.SYSTEM && generic(op)) {
                    // the caller applies a change of translation and looks at the interrupts before going on
                    c.retired = base + done + k + 1;
                    return done + k + 1;
                }
                if (bus.codeWritten) {
                    // the rest of this block may be stale: go on with the block decoded afresh at the next pc
                    bus.codeWritten = false;
                    next = c.pc;
                    k++;
                    break block;
                }
            }
            done += k;
            if (next < 0) next = (pc + ((long) k << 2)) & LOW32;
            pc = next;
            if (done >= slice) break;
            b = blocks.lookup(pc);
            if (b == null) {
                exit = blocks.exit;
                break;
            }
        }
        c.pc = pc;
        c.retired = base + done;
        return done;
    }

    /** One instruction by its unit; the pc already points past it. */
    private VcpuExit execute(Insn in, long cia) {
        return switch (in.unit) {
            case FIXED_POINT -> { FixedPointUnit.execute(c, in); yield null; }
            case ROTATE -> { RotateUnit.execute(c, in); yield null; }
            case LOAD_STORE -> loadStore.execute(in);
            case BRANCH -> BranchUnit.execute(c, in, cia);
            case CONDITION -> { ConditionUnit.execute(c, in); yield null; }
            case FLOATING_POINT -> floatingPoint.execute(in);
            case VECTOR -> vector.execute(in);
            case SYSTEM -> system.execute(in, cia);
        };
    }

    /** ROTL32: the low word rotated left, copied into both halves of the doubleword. */
    private static long rotl32(long rs, int n) {
        long w = Integer.rotateLeft((int) rs, n) & LOW32;
        return w << 32 | w;
    }

    /**
     * CR field BF (bits 6-8 of the compare, the high three of its RT field) from comparing {@code a} with {@code b},
     * both already sign- or zero-extended from 32 bits (so their differences cannot overflow), SO from XER. Computed
     * without branches: the outcome of a guest compare is data, and a mispredicted host branch costs more than this.
     */
    private static int compare(PpcCpu c, long op, long a, long b) { return setField(c, 28 - (rt(op) & 0x1c), a, b); }

    /** Sets the CR field at {@code shift} and returns its four bits (LT GT EQ SO). */
    private static int setField(PpcCpu c, int shift, long a, long b) {
        int lt = (int) ((a - b) >>> 63), gt = (int) ((b - a) >>> 63), eq = 1 ^ (lt | gt);
        int bits = lt << 3 | gt << 2 | eq << 1 | (int) (c.xer >>> 31) & 1;
        c.cr = (c.cr & ~(0xf << shift)) | bits << shift;
        return bits;
    }

    /** CR0 from a result: its low word compared with 0 as a signed number. */
    private static void recordCr0(PpcCpu c, long result) { setField(c, 28, (int) result, 0); }

    /** bc at {@code cia}: the CTR and CR conditions of BO, LR if LK; returns the target if taken, else -1. */
    private static long branchConditional(PpcCpu c, long op, long cia) {
        boolean taken = ctrHolds(c, rt(op)) && conditionHolds(c, rt(op), ra(op));
        return branchOutcome(c, op, cia, taken);
    }

    /** bc with BO testing a CR bit only (beq, bne, blt...): taken when CR bit BI equals BO[1]. */
    private static long branchOnCr(PpcCpu c, long op, long cia) {
        return branchOutcome(c, op, cia, (c.cr << ra(op) < 0) == ((op & BO_CR_TRUE) != 0));
    }

    /** bc with BO testing CTR only (bdnz, bdz): decrements CTR, taken when its low word is not 0 (or is, BO[3]). */
    private static long branchOnCtr(PpcCpu c, long op, long cia) {
        return branchOutcome(c, op, cia, ((int) --c.ctr != 0) ^ ((op & BO_CTR_ZERO) != 0));
    }

    /** LR = the next instruction if LK; the target (relative, or absolute if AA) if taken, else -1. */
    private static long branchOutcome(PpcCpu c, long op, long cia, boolean taken) {
        if ((op & RC) != 0) c.lr = (cia + 4) & LOW32;
        return taken ? ((op & AA) != 0 ? simm(op) : cia + simm(op)) & LOW32 : -1;
    }

    /** BO's CTR part: decrements CTR unless BO[2], then tests its low word against BO[3]. */
    private static boolean ctrHolds(PpcCpu c, int bo) {
        if ((bo & 0x04) != 0) return true;
        c.ctr--;
        return ((int) c.ctr != 0) ^ ((bo & 0x02) != 0);
    }

    /** BO's condition part: BO[0] ignores it, else CR bit BI must equal BO[1]. */
    private static boolean conditionHolds(PpcCpu c, int bo, int bi) {
        return (bo & 0x10) != 0 || (c.cr << bi) < 0 == ((bo & 0x08) != 0);
    }
}
