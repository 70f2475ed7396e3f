package org.polyvisor.isa.arm64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

import org.polyvisor.isa.arm64.exec.jit.Arm64Jit;
import org.polyvisor.isa.arm64.exec.jit.JitFrame;
import org.polyvisor.isa.arm64.exec.jit.TranslatedBlock;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.SoftTlb;
import org.polyvisor.spi.exec.RunnerTlb;

/**
 * Runs decoded blocks: one loop over a block's {@link FastOp}s with the {@link FastForm}s written out inline, going
 * on from block to block. The inner loop makes no call, so the JIT keeps its state in registers: everything that
 * needs one (a GENERIC instruction, a soft-TLB miss) leaves the loop, runs that instruction through the
 * {@link Executor}, and comes back. A fast load or store reads or writes the host page a {@link RunnerTlb} hit gives
 * (read in place; on a miss there it copies the {@link SoftTlb}'s entry); on a soft-TLB miss, a page-crossing access, or an SP-based access with SP not 16-byte aligned, the executor runs the same
 * instruction instead, and its slow path fills the TLB, raises the fault or exits to MMIO (nothing has changed by
 * then, so the instruction runs exactly once). Stores to pages of decoded code always take that path, as such pages
 * never enter the TLB for writes. The PC is not counted per instruction: it is the block's base plus four times the
 * instruction's index, and is written back before the executor runs an instruction and when the runner stops, so a
 * fault in the middle of a block leaves the PC, registers and flags exactly as they are after the instructions
 * before it. Allocation-free.
 */
final class BlockRunner {
    private static final int LR = 30;
    private static final long W = Alu.W_MASK;
    private static final int PAGE = GuestMemory.PAGE_SIZE, PAGE_MASK = PAGE - 1, PAGE_SHIFT = GuestMemory.PAGE_SHIFT;
    private static final long PAGE_MASK_L = PAGE_MASK;
    // Guest memory through var handles held in constants: MemorySegment.get(layout, offset) first calls the layout's
    // varHandleInternal(), which C2 may leave as a call at a site it profiled as rare, and then every access there
    // goes through a method-handle call (one source of the fork-to-fork spread); a static final VarHandle is a constant.
    private static final VarHandle U8 = ValueLayout.JAVA_BYTE.varHandle();
    private static final VarHandle U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    private static final VarHandle U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN).varHandle();
    /** {@link #generic}'s answer when the block goes on. */
    private static final int CONTINUE = -1;

    private final Arm64State s;
    private final long[] x;
    private final DataBus bus;
    private final RunnerTlb tlb;
    private final Executor executor;
    private final InstructionFetch fetch;
    /** The translating tier: on or off, the entries before a block is translated, what translated code hands back. */
    private final boolean jit;
    private final int threshold;
    private final JitFrame frame;

    /** Set when the last {@link #run} stopped for the hypervisor; the run loop takes it and clears it. */
    VcpuExit exit;

    BlockRunner(Arm64State state, DataBus bus, RunnerTlb tlb, Executor executor, InstructionFetch fetch) {
        this.frame = new JitFrame(state, tlb);
        this.threshold = Arm64Jit.threshold();
        this.jit = threshold != Arm64Jit.OFF;
        this.fetch = fetch;
        this.s = state;
        this.x = state.x;
        this.bus = bus;
        this.tlb = tlb;
        this.executor = executor;
    }

    /**
     * Runs up to {@code limit} instructions from {@code s.pc}, starting with {@code first} (the block there) and going
     * on from block to block (the next one comes from {@link InstructionFetch#block}, usually one compare and one
     * array load). It stops early when an instruction takes an exception, overwrites decoded code, needs the
     * hypervisor ({@link #exit}), or may have unmasked or raised an interrupt, and when the next block cannot be
     * fetched (the run loop then takes the abort). Returns the count retired; {@code s.pc} is then the next
     * instruction to run.
     */
    int run(DecodedBlock first, int limit) {
        final Arm64State s = this.s;
        final long[] x = this.x;
        final RunnerTlb tlb = this.tlb;
        DecodedBlock block = first;
        // The PC of instruction k of the block is start + 4k: a taken branch that leaves the block sets start so that
        // this holds for the k it leaves with (its target minus 4 times that k), so no instruction adds to the PC.
        long start = s.pc;
        int nzcv = s.nzcv();
        int done = 0;
        while (true) {
            FastOp[] ops = block.ops;
            int k = 0;
            TranslatedBlock translated = block.translation;
            if (translated == null && jit && ++block.heat > threshold) translated = translate(block);
            if (translated != null && limit - done >= ops.length) {
                // The translation runs the block (looping in it while the budget allows) and hands back the index to
                // go on with: the block's end, or an instruction it did not run, which the loop below runs.
                int retired = translated.run(frame, x, start, nzcv, limit - done);
                k = frame.k;
                start = frame.start;
                nzcv = frame.nzcv;
                done += retired - k;
            }
            int n = Math.min(ops.length, limit - done);
            boolean slow;
            do {
                slow = false;
                body:
                for (; k < n; k++) {
                    FastOp o = ops[k];
                    switch (o.form) {
                        case FastForm.MOV_REG -> x[o.rd] = x[o.rm] & o.mask;
                        case FastForm.MOV_MOV -> {
                            x[o.rd] = x[o.rm] & o.mask;
                            if (k + 1 < n) {
                                k++;
                                FastOp next = ops[k];
                                x[next.rd] = x[next.rm] & next.mask;
                            }
                        }
                        case FastForm.ADD_IMM -> x[o.rd] = (x[o.rn] + o.imm) & o.mask;
                        case FastForm.FLAGS_X -> {
                            // AddWithCarry(a, b, carry-in), b already inverted for SUBS: C is the carry out of bit
                            // 63, V an overflow of the signed sum; every flag without a branch or a call.
                            long a = x[o.rn], b = ((x[o.rm] << o.amount) + o.imm) ^ o.imm2, r = a + b + o.aux;
                            nzcv = (int) (r >>> 63) << 3 | (int) (((r | -r) >>> 63) ^ 1) << 2
                                    | (int) (((a & b) | ((a | b) & ~r)) >>> 63) << 1 | (int) (((a ^ r) & (b ^ r)) >>> 63);
                            x[o.rd] = r;
                        }
                        case FastForm.FLAGS_W -> {
                            int a = (int) x[o.rn], b = (int) (((x[o.rm] << o.amount) + o.imm) ^ o.imm2), r = a + b + o.aux;
                            nzcv = (r >>> 31) << 3 | (((r | -r) >>> 31) ^ 1) << 2
                                    | (((a & b) | ((a | b) & ~r)) >>> 31) << 1 | (((a ^ r) & (b ^ r)) >>> 31);
                            x[o.rd] = r & W;
                        }
                        case FastForm.ADD_LSL -> x[o.rd] = (x[o.rn] + (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.SUB_LSL -> x[o.rd] = (x[o.rn] - (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.ADD_EXT -> x[o.rd] = (x[o.rn] + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount)) & o.mask;
                        case FastForm.SUB_EXT -> x[o.rd] = (x[o.rn] - ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount)) & o.mask;
                        case FastForm.ADD_SHR -> x[o.rd] = (x[o.rn] + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) >>> o.amount)) & o.mask;
                        case FastForm.SUB_SHR -> x[o.rd] = (x[o.rn] - ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) >>> o.amount)) & o.mask;
                        case FastForm.MADD -> x[o.rd] = (x[o.aux] + x[o.rn] * x[o.rm]) & o.mask;
                        case FastForm.MSUB -> x[o.rd] = (x[o.aux] - x[o.rn] * x[o.rm]) & o.mask;
                        case FastForm.CSEL -> x[o.rd] = (((o.aux >>> nzcv) & 1) != 0 ? x[o.rn] : x[o.rm]) & o.mask;
                        case FastForm.CSINC -> x[o.rd] = (((o.aux >>> nzcv) & 1) != 0 ? x[o.rn] : x[o.rm] + 1) & o.mask;
                        case FastForm.CSINV -> x[o.rd] = (((o.aux >>> nzcv) & 1) != 0 ? x[o.rn] : ~x[o.rm]) & o.mask;
                        case FastForm.CSNEG -> x[o.rd] = (((o.aux >>> nzcv) & 1) != 0 ? x[o.rn] : -x[o.rm]) & o.mask;
                        case FastForm.AND_LSL -> x[o.rd] = x[o.rn] & (x[o.rm] << o.amount) & o.mask;
                        case FastForm.ORR_LSL -> x[o.rd] = (x[o.rn] | (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.EOR_LSL -> x[o.rd] = (x[o.rn] ^ (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.AND_SHR -> x[o.rd] = x[o.rn] & ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) >>> o.amount) & o.mask;
                        case FastForm.ORR_SHR -> x[o.rd] = (x[o.rn] | ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) >>> o.amount)) & o.mask;
                        case FastForm.EOR_SHR -> x[o.rd] = (x[o.rn] ^ ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) >>> o.amount)) & o.mask;
                        case FastForm.AND_IMM -> x[o.rd] = x[o.rn] & o.imm;
                        case FastForm.ORR_IMM -> x[o.rd] = (x[o.rn] | o.imm) & o.mask;
                        case FastForm.EOR_IMM -> x[o.rd] = (x[o.rn] ^ o.imm) & o.mask;
                        case FastForm.MOV_CONST -> x[o.rd] = o.imm;
                        case FastForm.MOVK -> x[o.rd] = (x[o.rd] & o.imm2) | o.imm;
                        case FastForm.UBFM_X -> {
                            long v = x[o.rn];
                            x[o.rd] = ((v >>> o.amount) | (v << -o.amount)) & o.imm;
                        }
                        case FastForm.UBFM_W -> {
                            int v = (int) x[o.rn];
                            x[o.rd] = ((v >>> o.amount) | (v << -o.amount)) & o.imm;
                        }
                        case FastForm.SBFM_X -> {
                            long v = x[o.rn];
                            x[o.rd] = (((v >>> o.amount) | (v << -o.amount)) & o.imm) | (-((v >>> o.aux) & 1) & o.imm2);
                        }
                        case FastForm.SBFM_W -> {
                            int v = (int) x[o.rn];
                            x[o.rd] = (((v >>> o.amount) | (v << -o.amount)) & o.imm) | (-((x[o.rn] >>> o.aux) & 1) & o.imm2);
                        }
                        case FastForm.ADR -> x[o.rd] = start + ((long) k << 2) + o.imm;
                        case FastForm.ADRP -> x[o.rd] = ((start + ((long) k << 2)) & ~0xFFFL) + o.imm;
                        case FastForm.LDRB, FastForm.LDRH, FastForm.LDR_W, FastForm.LDR_X, FastForm.LDRSW,
                             FastForm.LDRB_WB, FastForm.LDRH_WB, FastForm.LDR_W_WB, FastForm.LDR_X_WB, FastForm.LDRSW_WB -> {
                            // Every addressing mode and size on one straight path (FastOp#immMask, #writeBackTo,
                            // #extendShift), so no branch here depends on which loads the JIT's profile saw.
                            long base = x[o.rn];
                            long va = base + (o.imm & o.immMask) + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.readTags[slot] == va >>> PAGE_SHIFT ? tlb.readPages[slot] : tlb.refill(SoftTlb.READ, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 8 && (base & o.imm2) == 0) {
                                // One 8-byte read for every size (off <= PAGE - 8): the shift pair sign-extends the
                                // access's bytes (LDRSW), o.mask keeps them (the others).
                                long value = (long) U64.get(p, (long) off);
                                x[o.rd] = ((value << o.extendShift) >> o.extendShift) & o.mask;
                                x[o.writeBackTo] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STRB, FastForm.STRB_WB -> {
                            long base = x[o.rn];
                            long va = base + (o.imm & o.immMask) + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.writeTags[slot] == va >>> PAGE_SHIFT ? tlb.writePages[slot] : tlb.refill(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && (base & o.imm2) == 0) {
                                U8.set(p, (long) off, (byte) x[o.rd]);
                                x[o.writeBackTo] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STRH, FastForm.STRH_WB -> {
                            long base = x[o.rn];
                            long va = base + (o.imm & o.immMask) + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.writeTags[slot] == va >>> PAGE_SHIFT ? tlb.writePages[slot] : tlb.refill(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 2 && (base & o.imm2) == 0) {
                                U16.set(p, (long) off, (short) x[o.rd]);
                                x[o.writeBackTo] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STR_W, FastForm.STR_W_WB -> {
                            long base = x[o.rn];
                            long va = base + (o.imm & o.immMask) + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.writeTags[slot] == va >>> PAGE_SHIFT ? tlb.writePages[slot] : tlb.refill(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 4 && (base & o.imm2) == 0) {
                                U32.set(p, (long) off, (int) x[o.rd]);
                                x[o.writeBackTo] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STR_X, FastForm.STR_X_WB -> {
                            long base = x[o.rn];
                            long va = base + (o.imm & o.immMask) + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.writeTags[slot] == va >>> PAGE_SHIFT ? tlb.writePages[slot] : tlb.refill(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 8 && (base & o.imm2) == 0) {
                                U64.set(p, (long) off, x[o.rd]);
                                x[o.writeBackTo] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.LDP_W, FastForm.LDP_X, FastForm.LDPSW -> {
                            long base = x[o.rn], va = base + (o.imm & o.extendMask);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.readTags[slot] == va >>> PAGE_SHIFT ? tlb.readPages[slot] : tlb.refill(SoftTlb.READ, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 16 && (base & o.imm2) == 0) {
                                long lo = (long) U64.get(p, (long) off), hi;
                                if (o.form == FastForm.LDP_X) {
                                    hi = (long) U64.get(p, (long) off + 8);
                                } else if (o.form == FastForm.LDP_W) {
                                    hi = lo >>> 32;
                                    lo &= W;
                                } else {
                                    hi = lo >> 32;
                                    lo = (int) lo;
                                }
                                x[o.rd] = lo;
                                x[o.rm] = hi;
                                if (o.aux != 0) x[o.rn] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STP_W, FastForm.STP_X -> {
                            long base = x[o.rn], va = base + (o.imm & o.extendMask);
                            int slot = (int) (va >>> PAGE_SHIFT) & RunnerTlb.MASK;
                            MemorySegment p = tlb.writeTags[slot] == va >>> PAGE_SHIFT ? tlb.writePages[slot] : tlb.refill(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 16 && (base & o.imm2) == 0) {
                                long lo = x[o.rd], hi = x[o.rm];
                                if (o.form == FastForm.STP_X) {
                                    U64.set(p, (long) off, lo);
                                    U64.set(p, (long) off + 8, hi);
                                } else {
                                    U64.set(p, (long) off, (lo & W) | hi << 32);
                                }
                                if (o.aux != 0) x[o.rn] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.CMP_BCOND_X, FastForm.CMP_BCOND_W -> {
                            // SUBS as AddWithCarry(a, NOT(b), 1), written out as in FLAGS_X and FLAGS_W.
                            long a = x[o.rn], b = ~((x[o.rm] << o.amount) + o.imm);
                            if (o.form == FastForm.CMP_BCOND_X) {
                                long r = a + b + 1;
                                x[o.rd] = r;
                                nzcv = (int) (r >>> 63) << 3 | (int) (((r | -r) >>> 63) ^ 1) << 2
                                        | (int) (((a & b) | ((a | b) & ~r)) >>> 63) << 1 | (int) (((a ^ r) & (b ^ r)) >>> 63);
                            } else {
                                int ia = (int) a, ib = (int) b, r = ia + ib + 1;
                                x[o.rd] = r & W;
                                nzcv = (r >>> 31) << 3 | (((r | -r) >>> 31) ^ 1) << 2
                                        | (((ia & ib) | ((ia | ib) & ~r)) >>> 31) << 1 | (((ia ^ r) & (ib ^ r)) >>> 31);
                            }
                            if (k + 1 < n) {
                                k++;
                                if (((o.aux >>> nzcv) & 1) != 0) {
                                    if (o.target >= 0 && !s.recheckInterrupts) {
                                        // A branch within the block: go on at its target, counting what retired so far.
                                        done += k + 1 - o.target;
                                        n = Math.min(ops.length, limit - done);
                                        k = o.target - 1;
                                        continue body;
                                    }
                                    start += o.imm2 - 4;
                                    k++;
                                    break body;
                                }
                            }
                        }
                        case FastForm.NOP -> { }
                        case FastForm.BL -> {
                            x[LR] = start + ((long) k << 2) + 4;
                            start += o.imm - 4;
                            k++;
                            break body;
                        }
                        case FastForm.B, FastForm.B_COND, FastForm.CBZ, FastForm.CBNZ -> {
                            // B's truth table holds for every NZCV; CBZ/CBNZ test the register against FastOp#aux.
                            boolean taken = o.form >= FastForm.CBZ ? ((x[o.rd] & o.mask) == 0) == (o.aux != 0)
                                    : ((o.aux >>> nzcv) & 1) != 0;
                            if (taken) {
                                if (o.target >= 0 && !s.recheckInterrupts) {
                                    // A branch within the block: go on at its target, counting what retired so far.
                                    done += k + 1 - o.target;
                                    n = Math.min(ops.length, limit - done);
                                    k = o.target - 1;
                                    continue body;
                                }
                                start += o.imm - 4;
                                k++;
                                break body;
                            }
                        }
                        case FastForm.TBZ -> { if ((x[o.rd] & o.imm2) == 0) { start += o.imm - 4; k++; break body; } }
                        case FastForm.TBNZ -> { if ((x[o.rd] & o.imm2) != 0) { start += o.imm - 4; k++; break body; } }
                        case FastForm.BR -> {
                            start = x[o.rn] - ((long) (k + 1) << 2);
                            k++;
                            break body;
                        }
                        case FastForm.BLR -> {
                            long target = x[o.rn];
                            x[LR] = start + ((long) k << 2) + 4;
                            start = target - ((long) (k + 1) << 2);
                            k++;
                            break body;
                        }
                        default -> {
                            slow = true;
                            break body;
                        }
                    }
                }
                if (slow) {
                    s.setNzcv(nzcv);
                    int r = generic(ops[k], k, start + ((long) k << 2));
                    if (r != CONTINUE) return done + r;
                    nzcv = s.nzcv();
                    k++;
                }
            } while (slow);
            done += k;
            long pc = start + ((long) k << 2);
            start = pc;
            if (done >= limit || s.recheckInterrupts) break;
            // InstructionFetch.block's hit path written out: a call here would spill every local.
            Object cached = ((pc & ~PAGE_MASK_L) | (pc & 3)) == fetch.pageVa ? fetch.slots[((int) pc & PAGE_MASK) >>> 2] : null;
            block = cached != null ? (DecodedBlock) cached : fetch.block(pc);
            if (block == null) break;
        }
        s.pc = start;
        s.setNzcv(nzcv);
        return done;
    }

    /** The translation of {@code b}, linked to it; null (and never tried again) when it has none. */
    private static TranslatedBlock translate(DecodedBlock b) {
        TranslatedBlock t = Arm64Jit.translation(b.ops, b.words());
        if (t == null) b.heat = DecodedBlock.NEVER;
        else b.translation = t;
        return t;
    }

    /**
     * Instruction {@code k} through the executor: {@link #CONTINUE} when the block goes on, else the count retired
     * with {@code s.pc} set.
     */
    private int generic(FastOp o, int k, long pc) {
        s.pc = pc;
        int step = executor.execute(o.insn);
        if (step != Step.NEXT) return stopped(step, k);
        if (bus.codeWritten) return codeOverwritten(k, pc);
        return CONTINUE;
    }

    /** Instruction {@code k} ended the block with a {@link Step} other than NEXT. */
    private int stopped(int step, int k) {
        if (step == Step.JUMP) return k + 1;
        exit = executor.exit;
        return step == Step.EXIT_RETIRED ? k + 1 : k;
    }

    /**
     * Instruction {@code k} (retired) stored into a page of decoded code, which may have been this block: leave it,
     * so the next instruction is fetched and decoded afresh.
     */
    private int codeOverwritten(int k, long pc) {
        bus.codeWritten = false;
        s.pc = pc + 4;
        return k + 1;
    }
}
