package org.polyvisor.isa.arm64.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;

import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * Runs decoded blocks: one loop over a block's {@link FastOp}s with the {@link FastForm}s written out inline, going
 * on from block to block. The inner loop makes no call, so the JIT keeps its state in registers: everything that
 * needs one (a GENERIC instruction, a soft-TLB miss) leaves the loop, runs that instruction through the
 * {@link Executor}, and comes back. A fast load or store reads or writes the host page a {@link SoftTlb} hit gives;
 * on a miss, a page-crossing access, or an SP-based access with SP not 16-byte aligned, the executor runs the same
 * instruction instead, and its slow path fills the TLB, raises the fault or exits to MMIO (nothing has changed by
 * then, so the instruction runs exactly once). Stores to pages of decoded code always take that path, as such pages
 * never enter the TLB for writes. The PC lives in a local and is written back before the executor runs an
 * instruction and when the runner stops, so a fault in the middle of a block leaves the PC, registers and flags
 * exactly as they are after the instructions before it. Allocation-free.
 */
final class BlockRunner {
    private static final int LR = 30;
    private static final long W = Alu.W_MASK;
    private static final int PAGE = GuestMemory.PAGE_SIZE, PAGE_MASK = PAGE - 1;
    private static final long PAGE_MASK_L = PAGE_MASK;
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    /** {@link #generic}'s answer when the block goes on. */
    private static final int CONTINUE = -1;

    private final Arm64State s;
    private final long[] x;
    private final DataBus bus;
    private final SoftTlb tlb;
    private final Executor executor;
    private final InstructionFetch fetch;

    /** Set when the last {@link #run} stopped for the hypervisor; the run loop takes it and clears it. */
    VcpuExit exit;

    BlockRunner(Arm64State state, DataBus bus, SoftTlb tlb, Executor executor, InstructionFetch fetch) {
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
    int run(FastOp[] first, int limit) {
        final Arm64State s = this.s;
        final long[] x = this.x;
        final SoftTlb tlb = this.tlb;
        FastOp[] block = first;
        long pc = s.pc;
        int nzcv = s.nzcv();
        int done = 0;
        while (true) {
            int n = Math.min(block.length, limit - done), k = 0;
            boolean slow;
            do {
                slow = false;
                body:
                for (; k < n; k++, pc += 4) {
                    FastOp o = block[k];
                    switch (o.form) {
                        case FastForm.MOV_REG -> x[o.rd] = x[o.rm] & o.mask;
                        case FastForm.MOV_MOV -> {
                            x[o.rd] = x[o.rm] & o.mask;
                            if (k + 1 < n) {
                                k++;
                                pc += 4;
                                FastOp next = block[k];
                                x[next.rd] = x[next.rm] & next.mask;
                            }
                        }
                        case FastForm.ADD_IMM -> x[o.rd] = (x[o.rn] + o.imm) & o.mask;
                        case FastForm.ADDS_IMM_X -> {
                            long a = x[o.rn], b = o.imm, r = a + b;
                            nzcv = addFlagsX(a, b, r);
                            x[o.rd] = r;
                        }
                        case FastForm.ADDS_IMM_W -> {
                            int a = (int) x[o.rn], b = (int) (o.imm), r = a + b;
                            nzcv = addFlagsW(a, b, r);
                            x[o.rd] = r & W;
                        }
                        case FastForm.SUBS_IMM_X -> {
                            long a = x[o.rn], b = o.imm, r = a - b;
                            nzcv = subFlagsX(a, b, r);
                            x[o.rd] = r;
                        }
                        case FastForm.SUBS_IMM_W -> {
                            int a = (int) x[o.rn], b = (int) (o.imm), r = a - b;
                            nzcv = subFlagsW(a, b, r);
                            x[o.rd] = r & W;
                        }
                        case FastForm.ADD_LSL -> x[o.rd] = (x[o.rn] + (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.SUB_LSL -> x[o.rd] = (x[o.rn] - (x[o.rm] << o.amount)) & o.mask;
                        case FastForm.ADDS_LSL_X -> {
                            long a = x[o.rn], b = x[o.rm] << o.amount, r = a + b;
                            nzcv = addFlagsX(a, b, r);
                            x[o.rd] = r;
                        }
                        case FastForm.ADDS_LSL_W -> {
                            int a = (int) x[o.rn], b = (int) (x[o.rm] << o.amount), r = a + b;
                            nzcv = addFlagsW(a, b, r);
                            x[o.rd] = r & W;
                        }
                        case FastForm.SUBS_LSL_X -> {
                            long a = x[o.rn], b = x[o.rm] << o.amount, r = a - b;
                            nzcv = subFlagsX(a, b, r);
                            x[o.rd] = r;
                        }
                        case FastForm.SUBS_LSL_W -> {
                            int a = (int) x[o.rn], b = (int) (x[o.rm] << o.amount), r = a - b;
                            nzcv = subFlagsW(a, b, r);
                            x[o.rd] = r & W;
                        }
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
                        case FastForm.ADR -> x[o.rd] = pc + o.imm;
                        case FastForm.ADRP -> x[o.rd] = (pc & ~0xFFFL) + o.imm;
                        case FastForm.LDRB, FastForm.LDRH, FastForm.LDR_W, FastForm.LDR_X, FastForm.LDRSW,
                             FastForm.LDRB_WB, FastForm.LDRH_WB, FastForm.LDR_W_WB, FastForm.LDR_X_WB, FastForm.LDRSW_WB -> {
                            long base = x[o.rn];
                            boolean writeBack = o.form >= FastForm.LDRB_WB;
                            long va = writeBack ? base + (o.imm & o.extendMask)
                                    : base + o.imm + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            MemorySegment p = tlb.lookup(SoftTlb.READ, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 8 && (base & o.imm2) == 0) {
                                // One 8-byte read for every size (off <= PAGE - 8): one access site, which C2 still
                                // inlines here; o.mask keeps the access's bytes, and LDRSW sign-extends them.
                                long value = p.get(U64, off) & o.mask;
                                x[o.rd] = o.form == FastForm.LDRSW || o.form == FastForm.LDRSW_WB ? (long) (int) value : value;
                                if (writeBack) x[o.rn] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.STRB, FastForm.STRH, FastForm.STR_W, FastForm.STR_X,
                             FastForm.STRB_WB, FastForm.STRH_WB, FastForm.STR_W_WB, FastForm.STR_X_WB -> {
                            long base = x[o.rn];
                            boolean writeBack = o.form >= FastForm.STRB_WB;
                            long va = writeBack ? base + (o.imm & o.extendMask)
                                    : base + o.imm + ((((x[o.rm] << o.aux) >> o.aux) & o.extendMask) << o.amount);
                            MemorySegment p = tlb.lookup(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 8 && (base & o.imm2) == 0) {
                                long value = x[o.rd];
                                switch (o.form - (writeBack ? FastForm.STRB_WB : FastForm.STRB)) {
                                    case 0 -> p.set(ValueLayout.JAVA_BYTE, off, (byte) value);
                                    case 1 -> p.set(U16, off, (short) value);
                                    case 2 -> p.set(U32, off, (int) value);
                                    default -> p.set(U64, off, value);
                                }
                                if (writeBack) x[o.rn] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.LDP_W, FastForm.LDP_X, FastForm.LDPSW -> {
                            long base = x[o.rn], va = base + (o.imm & o.extendMask);
                            MemorySegment p = tlb.lookup(SoftTlb.READ, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 16 && (base & o.imm2) == 0) {
                                long lo = p.get(U64, off), hi;
                                if (o.form == FastForm.LDP_X) {
                                    hi = p.get(U64, off + 8);
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
                            MemorySegment p = tlb.lookup(SoftTlb.WRITE, va);
                            int off = (int) va & PAGE_MASK;
                            if (p != null && off <= PAGE - 16 && (base & o.imm2) == 0) {
                                long lo = x[o.rd], hi = x[o.rm];
                                if (o.form == FastForm.STP_X) {
                                    p.set(U64, off, lo);
                                    p.set(U64, off + 8, hi);
                                } else {
                                    p.set(U64, off, (lo & W) | hi << 32);
                                }
                                if (o.aux != 0) x[o.rn] = base + o.imm;
                            } else {
                                slow = true;
                                break body;
                            }
                        }
                        case FastForm.CMP_BCOND_X, FastForm.CMP_BCOND_W -> {
                            long a = x[o.rn], b = (x[o.rm] << o.amount) + o.imm;
                            if (o.form == FastForm.CMP_BCOND_X) {
                                long r = a - b;
                                x[o.rd] = r;
                                nzcv = subFlagsX(a, b, r);
                            } else {
                                int ia = (int) a, ib = (int) b, r = ia - ib;
                                x[o.rd] = r & W;
                                nzcv = subFlagsW(ia, ib, r);
                            }
                            if (k + 1 < n) {
                                k++;
                                pc += 4;
                                if (((o.aux >>> nzcv) & 1) != 0) {
                                    pc += o.imm2;
                                    if (o.target >= 0 && !s.recheckInterrupts) {
                                        // A branch within the block: go on at its target, counting what retired so far.
                                        done += k + 1 - o.target;
                                        n = Math.min(block.length, limit - done);
                                        k = o.target - 1;
                                        pc -= 4;
                                        continue body;
                                    }
                                    k++;
                                    break body;
                                }
                            }
                        }
                        case FastForm.NOP -> { }
                        case FastForm.BL -> {
                            x[LR] = pc + 4;
                            pc += o.imm;
                            k++;
                            break body;
                        }
                        case FastForm.B, FastForm.B_COND, FastForm.CBZ, FastForm.CBNZ -> {
                            boolean taken = o.form == FastForm.B || (o.form == FastForm.B_COND ? ((o.aux >>> nzcv) & 1) != 0
                                    : ((x[o.rd] & o.mask) == 0) == (o.form == FastForm.CBZ));
                            if (taken) {
                                pc += o.imm;
                                if (o.target >= 0 && !s.recheckInterrupts) {
                                    // A branch within the block: go on at its target, counting what retired so far.
                                    done += k + 1 - o.target;
                                    n = Math.min(block.length, limit - done);
                                    k = o.target - 1;
                                    pc -= 4;
                                    continue body;
                                }
                                k++;
                                break body;
                            }
                        }
                        case FastForm.TBZ -> { if ((x[o.rd] & o.imm2) == 0) { pc += o.imm; k++; break body; } }
                        case FastForm.TBNZ -> { if ((x[o.rd] & o.imm2) != 0) { pc += o.imm; k++; break body; } }
                        case FastForm.BR -> {
                            pc = x[o.rn];
                            k++;
                            break body;
                        }
                        case FastForm.BLR -> {
                            long target = x[o.rn];
                            x[LR] = pc + 4;
                            pc = target;
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
                    int r = generic(block[k], k, pc);
                    if (r != CONTINUE) return done + r;
                    nzcv = s.nzcv();
                    k++;
                    pc += 4;
                }
            } while (slow);
            done += k;
            if (done >= limit || s.recheckInterrupts) break;
            // InstructionFetch.block's hit path written out: a call here would spill every local.
            Object cached = ((pc & ~PAGE_MASK_L) | (pc & 3)) == fetch.pageVa ? fetch.slots[((int) pc & PAGE_MASK) >>> 2] : null;
            block = cached != null ? (FastOp[]) cached : fetch.block(pc);
            if (block == null) break;
        }
        s.pc = pc;
        s.setNzcv(nzcv);
        return done;
    }

    // The flag helpers are split so that each method stays within C2's MaxInlineSize (35 bytecodes): C2 then inlines
    // them at every call site whatever its profile says, where a 40-50 byte helper was inlined in some compiles and
    // called in others ("too big" at a site the profile thought cold), one source of the fork-to-fork spread.

    /** NZCV (N in bit 3) of AddWithCarry(a, b, 0) on 64 bits, result {@code r}. */
    private static int addFlagsX(long a, long b, long r) { return nzX(r) | addCvX(a, b, r); }

    /** NZCV of AddWithCarry(a, b, 0) on 32 bits. */
    private static int addFlagsW(int a, int b, int r) { return nzW(r) | addCvW(a, b, r); }

    /** NZCV of AddWithCarry(a, NOT(b), 1), a - b, on 64 bits. */
    private static int subFlagsX(long a, long b, long r) { return nzX(r) | subCvX(a, b, r); }

    /** NZCV of a - b on 32 bits. */
    private static int subFlagsW(int a, int b, int r) { return nzW(r) | subCvW(a, b, r); }

    /** N and Z of a 64-bit result. */
    private static int nzX(long r) { return (int) (r >>> 63) << 3 | (r == 0 ? 4 : 0); }

    /** N and Z of a 32-bit result. */
    private static int nzW(int r) { return (r >>> 31) << 3 | (r == 0 ? 4 : 0); }

    /** C and V of a + b = r on 64 bits: carry out when the sum wrapped below a, overflow when the signs say so. */
    private static int addCvX(long a, long b, long r) {
        return (Long.compareUnsigned(r, a) < 0 ? 2 : 0) | (int) (((a ^ r) & (b ^ r)) >>> 63);
    }

    /** C and V of a + b = r on 32 bits. */
    private static int addCvW(int a, int b, int r) {
        return (Integer.compareUnsigned(r, a) < 0 ? 2 : 0) | (((a ^ r) & (b ^ r)) >>> 31);
    }

    /** C (no borrow) and V of a - b = r on 64 bits. */
    private static int subCvX(long a, long b, long r) {
        return (Long.compareUnsigned(a, b) >= 0 ? 2 : 0) | (int) (((a ^ b) & (a ^ r)) >>> 63);
    }

    /** C and V of a - b = r on 32 bits. */
    private static int subCvW(int a, int b, int r) {
        return (Integer.compareUnsigned(a, b) >= 0 ? 2 : 0) | (((a ^ b) & (a ^ r)) >>> 31);
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
