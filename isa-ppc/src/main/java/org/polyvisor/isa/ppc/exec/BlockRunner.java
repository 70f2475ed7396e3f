package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Unit;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.RunnerTlb;
import org.polyvisor.spi.exec.SoftTlb;

import static org.polyvisor.isa.ppc.exec.BlockOps.*;

/**
 * Runs {@link Block}s: one switch over the dense {@link BlockOps} codes, the hot forms computed in place (loads and
 * stores straight from the host page of the run loop's {@link RunnerTlb}, big-endian), everything else and every TLB
 * miss handed to the instruction's unit; at the end of a block the next one is looked up and run at once (chained).
 * The pc and the retired count are written when the run returns, and before an instruction goes to its unit (which
 * may read them, or raise an exception at it), so the state seen from outside is exactly that of one instruction at
 * a time.
 * <p>A run returns at a block boundary once its slice is done, inside a block when the budget is spent, at an
 * instruction that raised an exception (not retired: the pc is left at it, {@link #exit} says which), at one that
 * ends the run with an exit (retired), after a system instruction (the caller applies a change of translation and
 * looks at the asynchronous exceptions), and when the fetch of the next block fails. A store that hit decoded code
 * ends its block (the rest may have changed); the next lookup decodes the new code.
 * <p>Written for the JIT, so that its compiled code does not depend on what the profile held when it was compiled:
 * the blocks of one code page run in {@link #runBlocks}, chained in place (a slot read, no return per block), and
 * compiled on their own rather than inside the vCPU's run loop; the fast cases call nothing (the fields of the
 * packed word, the compare, the branch outcome and the TLB lookup are written out in place, since the JIT leaves a
 * call to even a tiny helper at a site it saw rarely), and guest memory is read and written through var handles
 * held in static finals (see {@link #INT}); the TLB refill is a call. An instruction for its unit leaves
 * {@link #runBlocks} and is run from {@link #run}, which then goes on in the same block: with the call in
 * runBlocks, C2 inlined the units' dispatch into it in the forks whose profile had seen many of them (ppc session 4
 * LogCompilation: the final compile of runBlocks inlined {@link #unit} in the forks at 35-45 MIPS (wall clock) and
 * did not in the fork at 80, same jar), and the fork kept that code.
 */
final class BlockRunner {
    private static final long LOW32 = 0xffff_ffffL;
    private static final int PAGE = GuestMemory.PAGE_SIZE, SHIFT = GuestMemory.PAGE_SHIFT;
    /**
     * Big-endian accessors of a host page, coordinates (segment, offset): var handles in static finals, which the JIT
     * always inlines into a plain load or store, where {@code MemorySegment.get(layout, offset)} first asks the
     * layout for its var handle, a call the JIT may leave out of line at a rarely seen site (then every access goes
     * through a method-handle link: several times slower).
     */
    private static final VarHandle INT = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN).varHandle(),
            SHORT = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.BIG_ENDIAN).varHandle(),
            BYTE = ValueLayout.JAVA_BYTE.varHandle();
    /** {@link #next}: the run must return now. */
    private static final long STOP = -2;
    /** {@link #next}: instruction {@link #heldIndex} of {@link #held} (at {@link #heldPc}) goes to its unit. */
    private static final long UNIT = -3;

    private final PpcCpu c;
    /**
     * {@link #c} again, typed Object: each case of {@link #runBlocks} that reads CR, XER, LR or CTR casts it for
     * itself, so that the JIT loads those fields inside the case (through that case's cast) rather than once before
     * the dispatch for every instruction, as it did with one shared reference.
     */
    private final Object cpu;
    private final BlockCache blocks;
    private final RunnerTlb dataTlb;
    private final DataBus bus;
    private final LoadStoreUnit loadStore;
    private final FloatingPointUnit floatingPoint;
    private final VectorUnit vector;
    private final SystemUnit system;
    /** The exit of the instruction that ended the last run, or null: {@link PpcTraps#RAISED}, a fault, or an exit. */
    VcpuExit exit;
    /** How the last {@link #runBlocks} ended: the pc to go on at, {@link #STOP} or {@link #UNIT}. */
    private long next;
    /** {@link #UNIT}: the block, its pc and the index of the instruction for its unit. */
    private Block held;
    private long heldPc;
    private int heldIndex;

    BlockRunner(PpcCpu c, BlockCache blocks, DataBus bus, LoadStoreUnit loadStore, FloatingPointUnit floatingPoint,
                VectorUnit vector, SystemUnit system) {
        this.c = c;
        this.cpu = c;
        this.blocks = blocks;
        this.dataTlb = blocks.dataTlb;
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
        long pc = c.pc;
        Block b = blocks.lookup(pc);
        if (b == null) {
            exit = blocks.exit;
            return 0;
        }
        long base = c.retired, done = 0;
        int k = 0;
        while (true) {
            done += runBlocks(b, pc, k, slice - done, budget - done);
            long n = next;
            if (n == UNIT) {
                // out of runBlocks, so that its compiled code never holds the units (see the class comment)
                b = held;
                pc = heldPc;
                k = heldIndex;
                int stop = unit(b, k, pc, base + done - k);
                if (stop < 0) {
                    done++;
                    k++;                                // on in the same block, after it
                    continue;
                }
                done += stop - k;
                n = next;
            }
            if (n == STOP) return done;                 // the unit left the pc and the retired count where it stopped
            k = 0;
            pc = n;
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

    /**
     * Runs {@code b} at {@code pc} from its instruction {@code from}, then the blocks it leads to on the same code
     * page (looked up in the page's slots in place, without returning), until at least {@code slice} instructions
     * retired at a block boundary, the budget is spent, the flow leaves the page or reaches code not decoded yet, or
     * an instruction needs its unit; returns how many retired, with {@link #next} the pc to go on at, or
     * {@link #UNIT} with the instruction for its unit in {@link #held}, {@link #heldPc} and {@link #heldIndex}.
     */
    private long runBlocks(Block b, long pc, int from, long slice, long budget) {
        long[] r = this.c.gpr;
        Object cpu = this.cpu;
        Object[] slots = blocks.pageSlots();
        RunnerTlb tlb = dataTlb;
        long[] readTags = tlb.readTags, writeTags = tlb.writeTags;
        MemorySegment[] readPages = tlb.readPages, writePages = tlb.writePages;
        long done = -from;                              // retired before b's first instruction, as if run from there
        int k = from;
        while (true) {
            long[] ops = b.ops;
            int limit = (int) Math.min(ops.length, budget - done);
            long target;
            leave: {
                scan:
                for (; k < limit; k++) {
                    long op = ops[k];
                    int code = (int) op & 0xff;
                    // Each case unpacks its own fields (BlockOps' layout, in place rather than by calls) from
                    // o = op + z, where z = (op - its first label) & 0xc0 is 0 at run time (codes are below 64)
                    // but, to the JIT, a different value in every case: C2 placed the expressions that several
                    // cases share (the fields, the flag bits, cia, k + 1) before the dispatch, about 70
                    // instructions and a dozen stack spills for every guest instruction whatever its case
                    // (PrintAssembly, session 5). z comes from op, not from code, which C2 kept on the stack.
                    switch (code) {
                        case LI, LIS -> {
                            long o = op + (((int) op - LI) & 0xc0);
                            r[(int) o >>> 8 & 31] = o >> 32;
                            continue;
                        }
                        case ADDI, ADDIS -> {
                            long o = op + (((int) op - ADDI) & 0xc0);
                            r[(int) o >>> 8 & 31] = r[(int) o >>> 13 & 31] + (o >> 32);
                            continue;
                        }
                        case ORI, ORIS -> {
                            long o = op + (((int) op - ORI) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] | o >>> 32;
                            continue;
                        }
                        case XORI, XORIS -> {
                            long o = op + (((int) op - XORI) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] ^ o >>> 32;
                            continue;
                        }
                        case ANDI_RC -> {
                            PpcCpu c = (PpcCpu) cpu;
                            long o = op + (((int) op - ANDI_RC) & 0xc0);
                            long v = r[(int) o >>> 8 & 31] & o >>> 32, x = (int) v;
                            r[(int) o >>> 13 & 31] = v;
                            // CR0 from the low word against 0, signed: LT GT EQ SO
                            int lt = (int) (x >>> 63), gt = (int) (-x >>> 63);
                            int cr0 = lt << 3 | gt << 2 | (1 ^ (lt | gt)) << 1 | (int) (c.xer >>> 31) & 1;
                            c.cr = c.cr & 0x0fff_ffff | cr0 << 28;
                            continue;
                        }
                        case ADD -> {
                            long o = op + (((int) op - ADD) & 0xc0);
                            r[(int) o >>> 8 & 31] = r[(int) o >>> 13 & 31] + r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case SUBF -> {
                            long o = op + (((int) op - SUBF) & 0xc0);
                            r[(int) o >>> 8 & 31] = r[(int) o >>> 18 & 31] - r[(int) o >>> 13 & 31];
                            continue;
                        }
                        case NEG -> {
                            long o = op + (((int) op - NEG) & 0xc0);
                            r[(int) o >>> 8 & 31] = -r[(int) o >>> 13 & 31];
                            continue;
                        }
                        case CARRYING -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // RT = A + RB + carry in, A = RA or ~RA; CA the carry out of the low words (32-bit mode)
                            long o = op + (((int) op - CARRYING) & 0xc0);
                            long a = r[(int) o >>> 13 & 31], y = r[(int) o >>> 18 & 31];
                            long x = (o & INVERT_A) != 0 ? ~a : a;
                            long cin = (o & CARRY_ONE) != 0 ? 1 : (o & CARRY_CA) != 0 ? c.xer >>> 29 & 1 : 0;
                            r[(int) o >>> 8 & 31] = x + y + cin;
                            long ca = ((x & LOW32) + (y & LOW32) + cin) >>> 32;
                            c.xer = c.xer & ~PpcCpu.XER_CA | ca << 29;
                            continue;
                        }
                        case MULLW -> {
                            long o = op + (((int) op - MULLW) & 0xc0);
                            r[(int) o >>> 8 & 31] = (long) (int) r[(int) o >>> 13 & 31] * (int) r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case OR -> {
                            long o = op + (((int) op - OR) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] | r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case MR -> {
                            long o = op + (((int) op - MR) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31];
                            continue;
                        }
                        case AND -> {
                            long o = op + (((int) op - AND) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] & r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case XOR -> {
                            long o = op + (((int) op - XOR) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] ^ r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case ANDC -> {
                            long o = op + (((int) op - ANDC) & 0xc0);
                            r[(int) o >>> 13 & 31] = r[(int) o >>> 8 & 31] & ~r[(int) o >>> 18 & 31];
                            continue;
                        }
                        case NOR -> {
                            long o = op + (((int) op - NOR) & 0xc0);
                            r[(int) o >>> 13 & 31] = ~(r[(int) o >>> 8 & 31] | r[(int) o >>> 18 & 31]);
                            continue;
                        }
                        case EXTSB -> {
                            long o = op + (((int) op - EXTSB) & 0xc0);
                            r[(int) o >>> 13 & 31] = (byte) r[(int) o >>> 8 & 31];
                            continue;
                        }
                        case EXTSH -> {
                            long o = op + (((int) op - EXTSH) & 0xc0);
                            r[(int) o >>> 13 & 31] = (short) r[(int) o >>> 8 & 31];
                            continue;
                        }
                        case SLW -> {
                            long o = op + (((int) op - SLW) & 0xc0);
                            int n = (int) r[(int) o >>> 18 & 31] & 63;
                            r[(int) o >>> 13 & 31] = n < 32 ? (r[(int) o >>> 8 & 31] << n) & LOW32 : 0;
                            continue;
                        }
                        case SRW -> {
                            long o = op + (((int) op - SRW) & 0xc0);
                            int n = (int) r[(int) o >>> 18 & 31] & 63;
                            r[(int) o >>> 13 & 31] = n < 32 ? (r[(int) o >>> 8 & 31] & LOW32) >>> n : 0;
                            continue;
                        }
                        case SLWI -> {
                            long o = op + (((int) op - SLWI) & 0xc0);
                            r[(int) o >>> 13 & 31] = (r[(int) o >>> 8 & 31] << ((int) o >>> 18 & 31)) & LOW32;
                            continue;
                        }
                        case SRWI -> {
                            long o = op + (((int) op - SRWI) & 0xc0);
                            r[(int) o >>> 13 & 31] = (r[(int) o >>> 8 & 31] & LOW32) >>> (o >>> 32);
                            continue;
                        }
                        case RLWINM, RLWINM_RC, RLWIMI -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // ROTL32(RS, SH): the low word rotated left, in both halves of the doubleword; the mask
                            long o = op + (((int) op - RLWINM) & 0xc0), mask = o >>> 32;
                            int w = (int) r[(int) o >>> 8 & 31], sh = (int) o >>> 18 & 31, ra = (int) o >>> 13 & 31;
                            long rot = (w << sh | w >>> -sh) & LOW32, v = (rot << 32 | rot) & mask;
                            if (code == RLWIMI) {
                                r[ra] = v | (r[ra] & ~mask);
                                continue;
                            }
                            r[ra] = v;
                            if (code == RLWINM) continue;
                            long x = (int) v;
                            int lt = (int) (x >>> 63), gt = (int) (-x >>> 63);
                            int cr0 = lt << 3 | gt << 2 | (1 ^ (lt | gt)) << 1 | (int) (c.xer >>> 31) & 1;
                            c.cr = c.cr & 0x0fff_ffff | cr0 << 28;
                            continue;
                        }
                        case CMP -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // both operands sign- or zero-extended from their low words (so the differences cannot
                            // overflow), the field computed without branches: the outcome of a guest compare is data
                            int z = ((int) op - CMP) & 0xc0;
                            long o = op + z;
                            long sign = (o & SIGNED) != 0 ? 0x8000_0000L : 0;
                            long x = ((r[(int) o >>> 13 & 31] & LOW32) ^ sign) - sign;
                            long rhs = (o & IMMEDIATE) != 0 ? o >> 32 : r[(int) o >>> 18 & 31];
                            long y = ((rhs & LOW32) ^ sign) - sign;
                            int lt = (int) ((x - y) >>> 63), gt = (int) ((y - x) >>> 63);
                            int field = lt << 3 | gt << 2 | (1 ^ (lt | gt)) << 1 | (int) (c.xer >>> 31) & 1;
                            int shift = 28 - ((int) o >>> 8 & 0x1c);
                            c.cr = c.cr & ~(0xf << shift) | field << shift;
                            if ((o & FUSED) == 0) continue;
                            // the bc that follows tests a bit of this field (BlockOps.fuse): read it from the field
                            k += 1 + z;
                            if (k == limit) break scan;
                            long bc = ops[k], cia = pc + ((long) k << 2);
                            boolean taken = (field << (28 + ((int) bc >>> 13 & 3)) < 0) == ((bc & BO_CR_TRUE) != 0);
                            if ((bc & RC) != 0) c.lr = (cia + 4) & LOW32;
                            if (!taken) continue;
                            target = ((bc & AA) != 0 ? bc >> 32 : cia + (bc >> 32)) & LOW32;
                            k++;
                            break leave;
                        }
                        case LWZ, LWZX, LWZU -> {
                            PpcCpu c = (PpcCpu) cpu;
                            int z = ((int) op - LWZ) & 0xc0;
                            long o = op + z;
                            int rt = (int) o >>> 8 & 31, ra = (int) o >>> 13 & 31;
                            long ea = (r[ra] + (code == LWZX ? r[(int) o >>> 18 & 31] : o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK, off = (int) ea & (PAGE - 1);
                            MemorySegment p = readTags[s] == ea >>> SHIFT ? readPages[s] : tlb.refill(SoftTlb.READ, ea);
                            if (p != null && off <= PAGE - 4) {
                                r[rt] = (int) INT.get(p, (long) off) & LOW32;
                                if (code == LWZU) r[ra] = ea;
                                if ((o & FUSED) == 0 || k + 1 + z == limit) continue;
                                // the word compare that follows (BlockOps.fuse), as in CMP, without a second dispatch
                                k += 1 + z;
                                long cmp = ops[k];
                                int bf = (int) cmp >>> 8 & 31, ca = (int) cmp >>> 13 & 31, cb = (int) cmp >>> 18 & 31;
                                long sign = (cmp & SIGNED) != 0 ? 0x8000_0000L : 0;
                                long x = ((r[ca] & LOW32) ^ sign) - sign;
                                long y = ((((cmp & IMMEDIATE) != 0 ? cmp >> 32 : r[cb]) & LOW32) ^ sign) - sign;
                                int lt = (int) ((x - y) >>> 63), gt = (int) ((y - x) >>> 63);
                                int field = lt << 3 | gt << 2 | (1 ^ (lt | gt)) << 1 | (int) (c.xer >>> 31) & 1;
                                int shift = 28 - (bf & 0x1c);
                                c.cr = c.cr & ~(0xf << shift) | field << shift;
                                if ((cmp & FUSED) == 0) continue;
                                if (++k == limit) break scan;
                                long bc = ops[k], cia = pc + ((long) k << 2);
                                boolean taken = (field << (28 + ((int) bc >>> 13 & 3)) < 0) == ((bc & BO_CR_TRUE) != 0);
                                if ((bc & RC) != 0) c.lr = (cia + 4) & LOW32;
                                if (!taken) continue;
                                target = ((bc & AA) != 0 ? bc >> 32 : cia + (bc >> 32)) & LOW32;
                                k++;
                                break leave;
                            }
                        }
                        case LBZ, LBZX, LBZU -> {
                            long o = op + (((int) op - LBZ) & 0xc0);
                            int ra = (int) o >>> 13 & 31;
                            long ea = (r[ra] + (code == LBZX ? r[(int) o >>> 18 & 31] : o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = readTags[s] == ea >>> SHIFT ? readPages[s] : tlb.refill(SoftTlb.READ, ea);
                            if (p != null) {
                                r[(int) o >>> 8 & 31] = (byte) BYTE.get(p, ea & (PAGE - 1)) & 0xffL;
                                if (code == LBZU) r[ra] = ea;
                                continue;
                            }
                        }
                        case LHZ, LHA -> {
                            long o = op + (((int) op - LHZ) & 0xc0);
                            long ea = (r[(int) o >>> 13 & 31] + (o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK, off = (int) ea & (PAGE - 1);
                            MemorySegment p = readTags[s] == ea >>> SHIFT ? readPages[s] : tlb.refill(SoftTlb.READ, ea);
                            if (p != null && off <= PAGE - 2) {
                                short h = (short) SHORT.get(p, (long) off);
                                r[(int) o >>> 8 & 31] = code == LHA ? h : h & 0xffffL;
                                continue;
                            }
                        }
                        case STW, STWX, STWU -> {
                            long o = op + (((int) op - STW) & 0xc0);
                            int ra = (int) o >>> 13 & 31;
                            long ea = (r[ra] + (code == STWX ? r[(int) o >>> 18 & 31] : o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK, off = (int) ea & (PAGE - 1);
                            MemorySegment p = writeTags[s] == ea >>> SHIFT ? writePages[s]
                                    : tlb.refill(SoftTlb.WRITE, ea);
                            if (p != null && off <= PAGE - 4) {
                                INT.set(p, (long) off, (int) r[(int) o >>> 8 & 31]);
                                if (code == STWU) r[ra] = ea;
                                continue;
                            }
                        }
                        case STB, STBX, STBU -> {
                            long o = op + (((int) op - STB) & 0xc0);
                            int ra = (int) o >>> 13 & 31;
                            long ea = (r[ra] + (code == STBX ? r[(int) o >>> 18 & 31] : o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = writeTags[s] == ea >>> SHIFT ? writePages[s]
                                    : tlb.refill(SoftTlb.WRITE, ea);
                            if (p != null) {
                                BYTE.set(p, ea & (PAGE - 1), (byte) r[(int) o >>> 8 & 31]);
                                if (code == STBU) r[ra] = ea;
                                continue;
                            }
                        }
                        case STH -> {
                            long o = op + (((int) op - STH) & 0xc0);
                            long ea = (r[(int) o >>> 13 & 31] + (o >> 32)) & LOW32;
                            int s = (int) (ea >>> SHIFT) & RunnerTlb.MASK, off = (int) ea & (PAGE - 1);
                            MemorySegment p = writeTags[s] == ea >>> SHIFT ? writePages[s]
                                    : tlb.refill(SoftTlb.WRITE, ea);
                            if (p != null && off <= PAGE - 2) {
                                SHORT.set(p, (long) off, (short) r[(int) o >>> 8 & 31]);
                                continue;
                            }
                        }
                        case MFLR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            long o = op + (((int) op - MFLR) & 0xc0);
                            r[(int) o >>> 8 & 31] = c.lr & LOW32;
                            continue;
                        }
                        case MTLR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            long o = op + (((int) op - MTLR) & 0xc0);
                            c.lr = r[(int) o >>> 8 & 31];
                            continue;
                        }
                        case MFCTR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            long o = op + (((int) op - MFCTR) & 0xc0);
                            r[(int) o >>> 8 & 31] = c.ctr & LOW32;
                            continue;
                        }
                        case MTCTR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            long o = op + (((int) op - MTCTR) & 0xc0);
                            c.ctr = r[(int) o >>> 8 & 31];
                            continue;
                        }
                        case B -> {
                            PpcCpu c = (PpcCpu) cpu;
                            int z = ((int) op - B) & 0xc0;
                            long o = op + z, cia = pc + ((long) (k + z) << 2);
                            if ((o & RC) != 0) c.lr = (cia + 4) & LOW32;
                            target = ((o & AA) != 0 ? o >> 32 : cia + (o >> 32)) & LOW32;
                            k += 1 + z;
                            break leave;
                        }
                        case BC_CR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // beq, bne, blt...: taken when CR bit BI equals BO[1]; a side exit when taken
                            int z = ((int) op - BC_CR) & 0xc0;
                            long o = op + z, cia = pc + ((long) (k + z) << 2);
                            if ((o & RC) != 0) c.lr = (cia + 4) & LOW32;
                            if ((c.cr << ((int) o >>> 13 & 31) < 0) != ((o & BO_CR_TRUE) != 0)) continue;
                            target = ((o & AA) != 0 ? o >> 32 : cia + (o >> 32)) & LOW32;
                            k += 1 + z;
                            break leave;
                        }
                        case BC_CTR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // bdnz, bdz: CTR decremented, taken when its low word is not 0 (or is, BO[3])
                            int z = ((int) op - BC_CTR) & 0xc0;
                            long o = op + z, cia = pc + ((long) (k + z) << 2);
                            if ((o & RC) != 0) c.lr = (cia + 4) & LOW32;
                            if (((int) --c.ctr != 0) == ((o & BO_CTR_ZERO) != 0)) continue;
                            target = ((o & AA) != 0 ? o >> 32 : cia + (o >> 32)) & LOW32;
                            k += 1 + z;
                            break leave;
                        }
                        case BC, BCLR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            // BO in the RT field, BI in the RA field: CTR decremented unless BO[2], then tested
                            // against BO[3]; the CR bit BI tested against BO[1] unless BO[0]
                            int z = ((int) op - BC) & 0xc0;
                            long o = op + z, cia = pc + ((long) (k + z) << 2), si = o >> 32;
                            int bo = (int) o >>> 8 & 31;
                            boolean ctrHolds = true;
                            if ((bo & 0x04) == 0) ctrHolds = ((int) --c.ctr != 0) ^ ((bo & 0x02) != 0);
                            boolean taken = ctrHolds
                                    && ((bo & 0x10) != 0 || (c.cr << ((int) o >>> 13 & 31) < 0) == ((bo & 0x08) != 0));
                            long to = code == BCLR ? c.lr & ~3L : cia + si;
                            if ((o & RC) != 0) c.lr = (cia + 4) & LOW32;
                            if (code == BC && !taken) continue;      // bc not taken goes on in the block
                            target = (!taken ? cia + 4 : code == BC && (o & AA) != 0 ? si : to) & LOW32;
                            k += 1 + z;
                            break leave;
                        }
                        case BCCTR -> {
                            PpcCpu c = (PpcCpu) cpu;
                            int z = ((int) op - BCCTR) & 0xc0;
                            long o = op + z, cia = pc + ((long) (k + z) << 2);
                            int bo = (int) o >>> 8 & 31;
                            boolean taken = (bo & 0x10) != 0
                                    || (c.cr << ((int) o >>> 13 & 31) < 0) == ((bo & 0x08) != 0);
                            if ((o & RC) != 0) c.lr = (cia + 4) & LOW32;
                            target = (taken ? c.ctr & ~3L : cia + 4) & LOW32;
                            k += 1 + z;
                            break leave;
                        }
                        default -> { }
                    }
                    // GENERIC, or a load/store the TLBs missed: the caller hands it to its unit
                    held = b;
                    heldPc = pc;
                    heldIndex = k;
                    next = UNIT;
                    return done + k;
                }
                // the end of the block, or of the budget inside it
                target = (pc + ((long) k << 2)) & LOW32;
                if (k < ops.length) {
                    next = target;
                    return done + k;
                }
            }
            // left the block at k for target: go on there if it is decoded on this page, and the slice is not done
            done += k;
            if (done < slice && done < budget && (target ^ pc) >>> SHIFT == 0) {
                Object o = slots[(int) (target & (PAGE - 1)) >>> 2];
                if (o != null) {
                    b = (Block) o;
                    pc = target;
                    k = 0;
                    continue;
                }
            }
            next = target;
            return done;
        }
    }

    /**
     * Instruction {@code k} of {@code b} by its unit, with the pc and the retired count exact: returns -1 to go on in
     * the block, or how many of the block's instructions retired when it must end here ({@link #next} set: STOP for
     * an exception, an exit or a system instruction; the next pc when a store reached decoded code).
     */
    private int unit(Block b, int k, long pc, long retired) {
        PpcCpu c = this.c;
        Insn in = b.insns[k];
        long cia = (pc + ((long) k << 2)) & LOW32;
        c.pc = (cia + 4) & LOW32;
        c.retired = retired + k;
        VcpuExit e = execute(in, cia);
        if (e != null) {
            exit = e;
            next = STOP;
            if (e == PpcTraps.RAISED || e instanceof VcpuExit.Fault) {
                c.pc = cia;
                return k;
            }
            c.retired = retired + k + 1;
            return k + 1;
        }
        if (in.unit == Unit.SYSTEM && generic(b.ops[k])) {
            // the caller applies a change of translation and looks at the interrupts before going on
            c.retired = retired + k + 1;
            next = STOP;
            return k + 1;
        }
        if (bus.codeWritten) {
            // the rest of this block may be stale: go on with the block decoded afresh at the next pc
            bus.codeWritten = false;
            next = c.pc;
            return k + 1;
        }
        return -1;
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
}
