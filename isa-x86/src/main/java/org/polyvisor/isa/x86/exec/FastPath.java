package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.decode.Operand.IMM;
import static org.polyvisor.isa.x86.decode.Operand.MEM;
import static org.polyvisor.isa.x86.decode.Operand.REG;

import java.lang.foreign.MemorySegment;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * The common case of compiled code, executed without the general interpreter's operand-kind switches: 32- and
 * 64-bit MOV/ALU/INC/DEC/LEA/shift forms with register, immediate and memory operands, Jcc/JMP/CALL/RET and
 * PUSH/POP of a register. {@link #classify} picks a handler once per decoded instruction (kept in
 * {@link Insn#fast}); everything else, and every LOCK-prefixed form, goes to {@link Interpreter#execute}.
 * Fast instructions run in {@link Block}s: {@link #run} goes through a block's prepared instructions ({@link Uop},
 * handler {@link #uopKind}) and on to the next block of the page, the most frequent forms in the loop itself, the
 * others through {@link #execute} by their {@link #classify} handler.
 * The semantics are the interpreter's: faults abort through it, MMIO stores leave through {@link Bus#after}.
 */
final class FastPath {
    /** Handler numbers; {@link #GENERAL} means "use the interpreter". */
    static final int GENERAL = 0, MOV_RR = 1, MOV_RI = 2, MOV_RM = 3, MOV_MR = 4, MOV_MI = 5, ALU_RR = 6, ALU_RI = 7,
            ALU_RM = 8, ALU_MR = 9, ALU_MI = 10, INC_R = 11, DEC_R = 12, JCC = 13, JMP = 14, CALL = 15, RET = 16,
            PUSH_R = 17, POP_R = 18, LEA = 19, SHIFT_RI = 20, MOVX_RR = 21, MOVX_RM = 22, CMOV_RR = 23, SETCC_R = 24,
            TEST_RR = 25, NOP = 26, ADD_RR = 27, ADD_RI = 28, SUB_RR = 29, SUB_RI = 30, CMP_RR = 31, CMP_RI = 32,
            AND_RI = 33, MOVN_RM = 34, MOVN_MR = 35, MOVN_MI = 36, IMUL_R = 37, IMUL_M = 38, LEAVE = 39;
    /**
     * The handlers of prepared instructions ({@link Uop#kind}): the forms compiled code runs most (32- and 64-bit
     * operands), with the address arithmetic resolved when the block was made; {@link #U_INSN} runs the rest from
     * the decoded {@link Insn} by its {@link #classify} handler.
     */
    static final int U_INSN = 0, U_LEA = 1, U_LOAD = 2, U_STORE = 3, U_CMP_MR = 4, U_CMP_RM = 5, U_MOV_RR = 6,
            U_MOV_RI = 7, U_CMP_RR = 8, U_CMP_RI = 9, U_ADD_RR = 10, U_ADD_RI = 11, U_SUB_RR = 12, U_SUB_RI = 13,
            U_JCC = 14, U_ALU_RR = 15, U_ALU_RI = 16, U_SHIFT_RI = 17, U_PUSH = 18, U_POP = 19,
            U_TEST_RR = 20, U_LOGIC_RR = 21, U_LOGIC_RI = 22;

    /** The {@link Uop} handler of the classified fast instruction {@code in}. */
    static int uopKind(Insn in) {
        boolean wide = in.opSize == 4 || in.opSize == 8;
        if (!wide) return in.fast == JCC ? U_JCC : U_INSN;
        return switch (in.fast) {
            case LEA -> U_LEA;
            case MOV_RM -> U_LOAD;
            case MOV_MR -> U_STORE;
            case MOV_RR -> U_MOV_RR;
            case MOV_RI -> U_MOV_RI;
            case CMP_RR -> U_CMP_RR;
            case CMP_RI -> U_CMP_RI;
            case ALU_MR -> in.fastOp == CMP ? U_CMP_MR : U_INSN;
            case ALU_RM -> in.fastOp == CMP ? U_CMP_RM : U_INSN;
            case ADD_RR -> U_ADD_RR;
            case ADD_RI -> U_ADD_RI;
            case SUB_RR -> U_SUB_RR;
            case SUB_RI -> U_SUB_RI;
            case JCC -> U_JCC;
            case ALU_RR -> logic(in.fastOp) ? U_LOGIC_RR : U_ALU_RR;
            case ALU_RI -> logic(in.fastOp) ? U_LOGIC_RI : U_ALU_RI;
            case AND_RI -> U_LOGIC_RI;
            case SHIFT_RI -> U_SHIFT_RI;
            case PUSH_R -> U_PUSH;
            case POP_R -> U_POP;
            case TEST_RR -> U_TEST_RR;
            default -> U_INSN;
        };
    }

    private static boolean logic(int op) { return op == AND || op == OR || op == XOR || op == TEST; }

    /** ALU operations of {@link Insn#fastOp}, in the order of the 00-3F opcode rows, then TEST. */
    static final int ADD = 0, OR = 1, ADC = 2, SBB = 3, AND = 4, SUB = 5, XOR = 6, CMP = 7, TEST = 8;

    private final CpuState s;
    private final long[] r;
    private final LazyFlags f;
    private final Bus bus;
    private final Interpreter general;

    FastPath(CpuState s, Bus bus, Interpreter general) {
        this.s = s; this.r = s.r; this.f = s.flags; this.bus = bus; this.general = general;
    }

    /** The handler for {@code in} (and its {@link Insn#fastOp}); {@link #GENERAL} when the fast path has none. */
    static int classify(Insn in) {
        if ((in.prefixes & Insn.P_LOCK) != 0) return GENERAL;
        int size = in.opSize;
        boolean wide = size == 4 || size == 8;
        int d = in.dstKind, src = in.srcKind;
        in.opMask = CpuState.mask(size == 0 ? 4 : size);
        switch (in.op) {
            case MOV -> {
                if (!wide) {  // byte and word moves between a register (AH..BH included) and memory
                    if (d == REG && src == MEM) return MOVN_RM;
                    if (d == MEM) return src == REG ? MOVN_MR : src == IMM ? MOVN_MI : GENERAL;
                    return GENERAL;
                }
                if (d == REG) return src == REG ? MOV_RR : src == IMM ? MOV_RI : src == MEM ? MOV_RM : GENERAL;
                if (d == MEM) return src == REG ? MOV_MR : src == IMM ? MOV_MI : GENERAL;
                return GENERAL;
            }
            case ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST -> {
                if (!wide) return GENERAL;
                in.fastOp = aluIndex(in.op);
                if (d == REG) {  // the most frequent operations have handlers of their own
                    if (src == REG) return switch (in.op) {
                        case TEST -> TEST_RR;
                        case ADD -> ADD_RR;
                        case SUB -> SUB_RR;
                        case CMP -> CMP_RR;
                        default -> ALU_RR;
                    };
                    if (src == IMM) return switch (in.op) {
                        case ADD -> ADD_RI;
                        case SUB -> SUB_RI;
                        case CMP -> CMP_RI;
                        case AND -> AND_RI;
                        default -> ALU_RI;
                    };
                    return src == MEM ? ALU_RM : GENERAL;
                }
                if (d == MEM) return src == REG ? ALU_MR : src == IMM ? ALU_MI : GENERAL;
                return GENERAL;
            }
            case INC, DEC -> { return wide && d == REG ? (in.op == Op.INC ? INC_R : DEC_R) : GENERAL; }
            case JCC -> { return JCC; }
            case JMP -> { return JMP; }
            case CALL -> { return wide ? CALL : GENERAL; }
            case RET -> { return wide && !in.hasImm ? RET : GENERAL; }
            case PUSH -> { return wide && src == REG ? PUSH_R : GENERAL; }
            case POP -> { return wide && d == REG ? POP_R : GENERAL; }
            case LEA -> { return wide ? LEA : GENERAL; }
            case SHL, SHR, SAR -> {
                if (!wide || d != REG || src != IMM) return GENERAL;
                in.fastOp = in.op == Op.SHL ? 0 : in.op == Op.SHR ? 1 : 2;
                return SHIFT_RI;
            }
            case MOVZX, MOVSX, MOVSXD -> {
                if (!wide) return GENERAL;
                in.fastOp = in.op == Op.MOVZX ? 0 : 1;
                return src == REG ? MOVX_RR : src == MEM ? MOVX_RM : GENERAL;
            }
            case CMOVCC -> { return wide && src == REG ? CMOV_RR : GENERAL; }
            case SETCC -> { return d == REG ? SETCC_R : GENERAL; }
            case NOP -> { return NOP; }
            case IMUL -> { return !wide ? GENERAL : src == REG ? IMUL_R : src == MEM ? IMUL_M : GENERAL; }
            case LEAVE -> { return wide ? LEAVE : GENERAL; }
            default -> { return GENERAL; }
        }
    }

    private static int aluIndex(Op op) {
        return switch (op) {
            case ADD -> ADD; case OR -> OR; case ADC -> ADC; case SBB -> SBB; case AND -> AND;
            case SUB -> SUB; case XOR -> XOR; case CMP -> CMP; default -> TEST;
        };
    }

    /** What ended the last {@link #run}: {@link Interpreter#NEXT} (a limit) or the result of the instruction that stopped it. */
    int status;

    /**
     * Executes {@code block} at {@code pc}, then the blocks that follow it on the linear page {@code page} whose
     * decoded slots are {@code slots}, until one is missing, control leaves the page, a store went into code, or the
     * next block would take the count past {@code max} (the caller makes sure the first one fits). Returns the
     * number retired (an instruction that EXITs counts); {@link #status} says why it stopped. The results are those
     * of {@link Interpreter#execute}, instruction by instruction: a fault leaves the state at the faulting
     * instruction, with the ones before it retired.
     */
    int run(Block block, long pc, Object[] slots, long page, int max) {
        int n = 0;
        long csBase = s.longMode ? 0 : s.segBase[CpuState.CS];
        long linearMask = s.longMode ? -1L : 0xFFFF_FFFFL;
        long ipMask = s.ipMask;
        long[] r = this.r, segBase = s.segBase;
        LazyFlags f = this.f;
        Bus bus = this.bus;
        int codeWrites = bus.codeWrites;
        long start = pc;  // the block's first instruction: each one is at start + Uop.at
        loop:
        while (true) {
            Object[] uops = block.uops;
            int[] kinds = block.kinds;
            long next = 0;  // where the block's last instruction goes, when it transfers control
            for (int i = 0; i < kinds.length; i++) {
                int k = kinds[i];
                // The JIT inlines a callee of more than 35 bytecodes only where its profile calls the site hot, which
                // differs from one JVM to the next: the cases below call nothing larger on their hot paths, and every
                // memory load and store of the loop is written once (the TLB hit inline, the rest in Bus).
                // Each case casts its instruction where it reads it (Block#uops), and computes the memory operand's
                // offset itself (see Uop), so that no field load is placed before the dispatch.
                switch (k) {
                    case U_LEA -> {
                        Uop u = (Uop) uops[i];
                        r[u.dst] = (u.imm + r[u.base] + (r[u.index] << u.shift) + ((start + u.end) & u.ripMask)) & u.addrMask & u.mask;
                    }
                    case U_MOV_RR -> {
                        Uop u = (Uop) uops[i];
                        r[u.dst] = r[u.src] & u.mask;
                    }
                    case U_MOV_RI -> {
                        Uop u = (Uop) uops[i];
                        r[u.dst] = u.imm & u.mask;
                    }
                    case U_LOAD, U_CMP_MR, U_CMP_RM, U_POP -> {
                        Uop u = (Uop) uops[i];
                        long ea = (u.imm + r[u.base] + (r[u.index] << u.shift) + ((start + u.end) & u.ripMask)) & u.addrMask;
                        long m = u.mask;
                        long sp = k == U_POP ? r[CpuState.RSP] & s.stackMask() : 0;
                        long linear = k == U_POP ? stackLinear(sp) : (ea + (segBase[u.seg] & u.segMask)) & linearMask;
                        MemorySegment p = bus.tlb.lookup(SoftTlb.READ, linear);
                        int off = (int) linear & 0xFFF;
                        long v;
                        if (p != null && off <= 4096 - 8) {
                            v = (long) Bus.LONG.get(p, (long) off) & m;  // one 8-byte load serves both sizes
                        } else {
                            bus.pc = start + u.at;
                            v = bus.readSlow(linear, u.size);
                            if (bus.abort != null) return k == U_POP ? stackFault(start + u.at, n + u.seq) : fault(start + u.at, n + u.seq);
                        }
                        if (k == U_LOAD) {
                            r[u.dst] = v;
                        } else if (k == U_POP) {
                            setStackPointer(sp + u.size);
                            r[u.dst] = v;  // after the stack pointer: POP rSP loads the value read
                        } else {  // CMP r/m, r and CMP r, r/m with a memory operand
                            long x = r[k == U_CMP_MR ? u.src : u.dst] & m;
                            long a = k == U_CMP_MR ? v : x, b = k == U_CMP_MR ? x : v;
                            f.set(LazyFlags.SUB, u.size, a, b, (a - b) & m);
                            if (u.fused) {
                                int top = 64 - u.size * 8;  // the operands' sign bits to bit 63
                                next = fusedJcc(u, relation(a << top, b << top), start);
                            }
                        }
                    }
                    case U_STORE, U_PUSH -> {
                        Uop u = (Uop) uops[i];
                        long ea = (u.imm + r[u.base] + (r[u.index] << u.shift) + ((start + u.end) & u.ripMask)) & u.addrMask;
                        int size = u.size;
                        long sp = k == U_PUSH ? (r[CpuState.RSP] - size) & s.stackMask() : 0;
                        long linear = k == U_PUSH ? stackLinear(sp) : (ea + (segBase[u.seg] & u.segMask)) & linearMask;
                        long v = r[u.src];
                        MemorySegment p = bus.tlb.lookup(SoftTlb.WRITE, linear);
                        int off = (int) linear & 0xFFF;
                        if (p != null && off <= 4096 - 8) {  // pages that hold code are never in the TLB for writes
                            if (size == 8) Bus.LONG.set(p, (long) off, v);
                            else Bus.INT.set(p, (long) off, (int) v);
                            if (k == U_PUSH) setStackPointer(sp);
                        } else {
                            bus.pc = start + u.at;
                            bus.writeSlow(linear, size, v);
                            if (bus.abort != null) return k == U_PUSH ? stackFault(start + u.at, n + u.seq) : fault(start + u.at, n + u.seq);
                            if (k == U_PUSH) setStackPointer(sp);
                            if (bus.after != null) return stop(after((start + u.end) & ipMask), n + u.seq);  // MMIO: leave after it
                            if (bus.codeWrites != codeWrites) {  // a store into code: the rest of this block may be stale
                                n += u.seq + 1;
                                pc = (start + u.end) & ipMask;
                                break loop;
                            }
                        }
                    }
                    case U_CMP_RR, U_CMP_RI, U_SUB_RR, U_SUB_RI -> {
                        Uop u = (Uop) uops[i];
                        long m = u.mask;
                        long a = r[u.dst] & m, b = (k == U_CMP_RR || k == U_SUB_RR ? r[u.src] : u.imm) & m;
                        long res = (a - b) & m;
                        f.set(LazyFlags.SUB, u.size, a, b, res);
                        if (k >= U_SUB_RR) r[u.dst] = res;
                        if (u.fused) {
                            int top = 64 - u.size * 8;
                            next = fusedJcc(u, relation(a << top, b << top), start);
                        }
                    }
                    case U_ADD_RR, U_ADD_RI -> {
                        Uop u = (Uop) uops[i];
                        long m = u.mask;
                        long a = r[u.dst] & m, b = (k == U_ADD_RR ? r[u.src] : u.imm) & m, res = (a + b) & m;
                        f.set(LazyFlags.ADD, u.size, a, b, res);
                        r[u.dst] = res;
                    }
                    case U_TEST_RR -> {  // flags of a AND b: as a compare of the result with 0 (CF = OF = 0)
                        Uop u = (Uop) uops[i];
                        long m = u.mask;
                        long a = r[u.dst] & m, res = a & r[u.src];
                        f.set(LazyFlags.LOGIC, u.size, a, res, res);
                        if (u.fused) next = fusedJcc(u, relation(res << 64 - u.size * 8, 0), start);
                    }
                    case U_LOGIC_RR, U_LOGIC_RI -> {  // AND, OR, XOR, TEST: CF = OF = 0, the rest from the result
                        Uop u = (Uop) uops[i];
                        long m = u.mask;
                        long a = r[u.dst] & m, b = (k == U_LOGIC_RR ? r[u.src] : u.imm) & m;
                        int op = u.op;
                        long res = op == XOR ? a ^ b : op == OR ? a | b : a & b;
                        f.set(LazyFlags.LOGIC, u.size, a, b, res);
                        if (op != TEST) r[u.dst] = res;
                    }
                    case U_ALU_RR, U_ALU_RI -> {  // ADC, SBB
                        Uop u = (Uop) uops[i];
                        long m = u.mask;
                        long b = (k == U_ALU_RR ? r[u.src] : u.imm) & m;
                        r[u.dst] = alu(u.op, u.size, m, r[u.dst] & m, b);
                    }
                    case U_SHIFT_RI -> {
                        Uop u = (Uop) uops[i];
                        int size = u.size, count = (int) (u.imm & (size == 8 ? 63 : 31));
                        if (count != 0) r[u.dst] = shift(u.op, size, u.mask, r[u.dst] & u.mask, count);
                    }
                    case U_JCC -> {  // a select, not a branch: a guest branch the host cannot predict costs no flush
                        Uop u = (Uop) uops[i];
                        long fallThrough = start + u.end;
                        next = f.condition(u.cond) ? fallThrough + u.imm : fallThrough;
                    }
                    default -> {
                        Uop u = (Uop) uops[i];
                        long at = start + u.at;
                        s.rip = at;
                        long after = execute(u.insn, at, (start + u.end) & ipMask);
                        int st = stopped;
                        if (st != GOING) {
                            stopped = GOING;
                            return stop(st, n + u.seq);
                        }
                        next = after;  // used when it is the block's last instruction
                        if (bus.codeWrites != codeWrites) {  // it stored into code
                            n += u.seq + 1;
                            pc = after;
                            break loop;
                        }
                    }
                }
            }
            n += block.insns;
            pc = (block.transfers ? next : start + block.bytes) & ipMask;
            // The block is done: its successor on the same page, when that is a block that fits in max, follows.
            long linear = (pc + csBase) & linearMask;
            if ((linear >>> 12) != page) break;
            if (!(slots[(int) linear & 0xFFF] instanceof Block following) || n + following.insns > max) break;
            block = following;
            start = pc;
        }
        s.rip = pc;
        status = Interpreter.NEXT;
        return n;
    }

    /**
     * How two operands of a size compare, shifted to the top of a long by 64 - 8 * size bits: bit 0 x &lt; y unsigned
     * (CF of x - y), bit 1 x = y (ZF), bit 2 x &lt; y signed (SF != OF).
     */
    private static int relation(long x, long y) {
        return (Long.compareUnsigned(x, y) >>> 31) | (x == y ? 2 : 0) | (Long.compare(x, y) >>> 31 << 2);
    }

    /**
     * Where the Jcc fused to the compare {@code u} of the block at {@code start} goes (before the instruction
     * pointer's mask), for the {@link #relation} of its operands: a select, not a branch, so that a guest branch the
     * host cannot predict costs no flush.
     */
    private static long fusedJcc(Uop u, int relation, long start) {
        long fallThrough = start + u.fusedEnd;
        return ((u.table & 0xFF) >>> relation & 1) != 0 ? fallThrough + u.jccImm : fallThrough;
    }

    /** Writes the stack pointer {@code sp} (already masked to the stack's width): a 16-bit stack keeps bits 63:16. */
    private void setStackPointer(long sp) {
        r[CpuState.RSP] = s.stackSize == 2 ? (r[CpuState.RSP] & ~0xFFFFL) | sp : sp;
    }

    /**
     * Ends a run at the instruction at {@code pc} whose access failed ({@link Bus#abort}): the state is that
     * instruction's (the instruction pointer is only stored when a run ends), and the interpreter raises the fault.
     */
    private int fault(long pc, int n) {
        s.rip = pc;
        return stop(general.abort(), n);
    }

    /** {@link #fault} for a PUSH or POP: a non-canonical stack address is #SS(0) in 64-bit mode. */
    private int stackFault(long pc, int n) {
        s.rip = pc;
        return stop(general.stackAbort(), n);
    }

    /** {@link #execute}'s verdict: {@link #GOING} on, or the result of an instruction that ended the run. */
    private int stopped = GOING;
    private static final int GOING = -1;

    /**
     * Executes the fast instruction {@code in} at {@code pc} from its decoded form, with the interpreter's results;
     * returns the next instruction pointer, or sets {@link #stopped} when the instruction ended the run.
     */
    private long execute(Insn in, long pc, long next) {
        long ipMask = s.ipMask;
        long m = in.opMask;
        int size = in.opSize;
        // One place computes the memory operand's address, loads it and evaluates a condition, for every
        // handler that needs them: one call site each keeps the method small enough for the JIT to inline them.
        int needs = NEEDS[in.fast];
        long ea = 0, mv = 0;
        boolean cond = false;
        if (needs != 0) {
            if ((needs & N_COND) != 0) cond = f.condition(in.cond);
            if ((needs & (N_EA | N_STACK | N_FRAME)) != 0) {
                bus.pc = pc;
                ea = (needs & N_EA) != 0 ? Addressing.linear(s, in, next)
                        : stackLinear(r[(needs & N_STACK) != 0 ? CpuState.RSP : CpuState.RBP] & s.stackMask());
                if ((needs & N_LOAD) != 0) {
                    mv = bus.read(ea, (needs & N_SRC_SIZE) != 0 ? in.srcSize : size);
                    if (bus.abort != null) { stopped = (needs & N_EA) != 0 ? general.abort() : general.stackAbort(); return next; }
                }
            }
        }
        int wsize = 0;  // a store of wsize bytes of wv to ea after the handler
        long wv = 0;
        switch (in.fast) {
            case MOV_RR -> put(in.dstReg, size, r[in.srcReg]);
            case MOV_RI -> put(in.dstReg, size, in.imm);
            case MOV_RM -> put(in.dstReg, size, mv);
            case MOVN_RM -> s.set(in.dstReg, size, mv);
            case MOVN_MR -> { wv = s.get(in.srcReg, size); wsize = size; }
            case MOV_MR -> { wv = r[in.srcReg]; wsize = size; }
            case MOV_MI, MOVN_MI -> { wv = in.imm; wsize = size; }
            case IMUL_R, IMUL_M -> {
                long b = in.fast == IMUL_R ? r[in.srcReg] & m : mv;
                put(in.dstReg, size, Interpreter.multiplySigned(f, in.hasImm ? in.imm : r[in.dstReg] & m, b, size));
            }
            case LEAVE -> {
                long sp = r[CpuState.RBP] & s.stackMask();
                r[CpuState.RSP] = r[CpuState.RBP];
                s.set(CpuState.RSP, s.stackSize, sp + size);
                put(CpuState.RBP, size, mv);
            }
            case ALU_RR, ALU_RI, ALU_RM -> {
                long b = in.fast == ALU_RR ? r[in.srcReg] & m : in.fast == ALU_RI ? in.imm & m : mv;
                int op = in.fastOp;
                long res = alu(op, size, m, r[in.dstReg] & m, b);
                if (op != CMP && op != TEST) put(in.dstReg, size, res);
            }
            case ADD_RR, ADD_RI -> {
                long a = r[in.dstReg] & m, b = (in.fast == ADD_RR ? r[in.srcReg] : in.imm) & m, res = (a + b) & m;
                f.set(LazyFlags.ADD, size, a, b, res);
                put(in.dstReg, size, res);
            }
            case SUB_RR, SUB_RI -> {
                long a = r[in.dstReg] & m, b = (in.fast == SUB_RR ? r[in.srcReg] : in.imm) & m, res = (a - b) & m;
                f.set(LazyFlags.SUB, size, a, b, res);
                put(in.dstReg, size, res);
            }
            case CMP_RR, CMP_RI -> {
                long a = r[in.dstReg] & m, b = (in.fast == CMP_RR ? r[in.srcReg] : in.imm) & m;
                f.set(LazyFlags.SUB, size, a, b, (a - b) & m);
            }
            case AND_RI -> {
                long a = r[in.dstReg] & m, res = a & in.imm & m;
                f.set(LazyFlags.LOGIC, size, a, res, res);
                put(in.dstReg, size, res);
            }
            case TEST_RR -> {
                long a = r[in.dstReg] & m, res = a & r[in.srcReg];
                f.set(LazyFlags.LOGIC, size, a, res, res);
            }
            case ALU_MR, ALU_MI -> {
                int op = in.fastOp;
                long res = alu(op, size, m, mv, in.fast == ALU_MR ? r[in.srcReg] & m : in.imm & m);
                if (op != CMP && op != TEST) { wv = res; wsize = size; }
            }
            case INC_R -> {
                long a = r[in.dstReg] & m, res = (a + 1) & m;
                f.setKeepCarry(LazyFlags.INC, size, a, res);
                put(in.dstReg, size, res);
            }
            case DEC_R -> {
                long a = r[in.dstReg] & m, res = (a - 1) & m;
                f.setKeepCarry(LazyFlags.DEC, size, a, res);
                put(in.dstReg, size, res);
            }
            case JCC -> {  // a select, not a branch: a guest branch the host cannot predict costs no pipeline flush
                long target = (next + in.imm) & ipMask;
                next = cond ? target : next;
            }
            case JMP -> next = (next + in.imm) & ipMask;
            case CALL -> {
                bus.pc = pc;
                if (!push(next, size)) { stopped = general.stackAbort(); return next; }
                next = (next + in.imm) & ipMask;
            }
            case RET -> {
                s.set(CpuState.RSP, s.stackSize, (r[CpuState.RSP] & s.stackMask()) + size);
                next = mv & ipMask;
            }
            case PUSH_R -> {
                bus.pc = pc;
                if (!push(r[in.srcReg], size)) { stopped = general.stackAbort(); return next; }
            }
            case POP_R -> {
                s.set(CpuState.RSP, s.stackSize, (r[CpuState.RSP] & s.stackMask()) + size);
                put(in.dstReg, size, mv);
            }
            case LEA -> put(in.dstReg, size, Addressing.offset(s, in, next));
            case SHIFT_RI -> {
                int count = (int) (in.imm & (size == 8 ? 63 : 31));
                if (count != 0) put(in.dstReg, size, shift(in.fastOp, size, m, r[in.dstReg] & m, count));
            }
            case MOVX_RR, MOVX_RM -> {
                long v = in.fast == MOVX_RR ? s.get(in.srcReg, in.srcSize) : mv;
                if (in.fastOp != 0) v = CpuState.signExtend(v, in.srcSize);
                put(in.dstReg, size, v);
            }
            case CMOV_RR -> put(in.dstReg, size, cond ? r[in.srcReg] : r[in.dstReg]);
            case SETCC_R -> s.set(in.dstReg, 1, cond ? 1 : 0);
            default -> { }  // NOP
        }
        if (wsize != 0) {
            bus.write(ea, wsize, wv);
            if (bus.abort != null) { stopped = general.abort(); return next; }
        }
        if (bus.after != null) stopped = after(next);  // a store to MMIO (the stack too): leave after it
        return next;
    }

    /** What a handler needs before it runs: the memory operand's address, its value, the stack top, a condition. */
    private static final int N_EA = 1, N_LOAD = 2, N_SRC_SIZE = 4, N_COND = 8, N_STACK = 16, N_FRAME = 32;
    private static final int[] NEEDS = new int[64];

    static {
        for (int k : new int[] {MOV_RM, MOVN_RM, IMUL_M, ALU_RM, ALU_MR, ALU_MI}) NEEDS[k] = N_EA | N_LOAD;
        NEEDS[MOVX_RM] = N_EA | N_LOAD | N_SRC_SIZE;
        for (int k : new int[] {MOV_MR, MOV_MI, MOVN_MR, MOVN_MI}) NEEDS[k] = N_EA;
        for (int k : new int[] {JCC, CMOV_RR, SETCC_R}) NEEDS[k] = N_COND;
        NEEDS[RET] = NEEDS[POP_R] = N_STACK | N_LOAD;
        NEEDS[LEAVE] = N_FRAME | N_LOAD;
    }

    /** Ends a run at an instruction that did not simply go on: {@code r} is its result; an EXIT retired it. */
    private int stop(int r, int n) {
        status = r;
        return r == Interpreter.EXIT ? n + 1 : n;
    }

    /** A 32-bit write zero-extends into the 64-bit register; a 64-bit one replaces it. */
    private void put(int reg, int size, long v) { r[reg] = size == 8 ? v : v & 0xFFFF_FFFFL; }

    private int after(long next) {
        s.rip = next;
        general.exit = bus.after;
        bus.after = null;
        return Interpreter.EXIT;
    }

    private long alu(int op, int size, long m, long a, long b) {
        long res;
        switch (op) {
            case ADD -> { res = (a + b) & m; f.set(LazyFlags.ADD, size, a, b, res); }
            case ADC -> {
                boolean c = f.cf();
                res = (a + b + (c ? 1 : 0)) & m;
                f.setWithCarry(LazyFlags.ADC, size, a, b, res, c);
            }
            case SUB, CMP -> { res = (a - b) & m; f.set(LazyFlags.SUB, size, a, b, res); }
            case SBB -> {
                boolean c = f.cf();
                res = (a - b - (c ? 1 : 0)) & m;
                f.setWithCarry(LazyFlags.SBB, size, a, b, res, c);
            }
            case AND, TEST -> { res = a & b; f.set(LazyFlags.LOGIC, size, a, b, res); }
            case OR -> { res = a | b; f.set(LazyFlags.LOGIC, size, a, b, res); }
            default -> { res = a ^ b; f.set(LazyFlags.LOGIC, size, a, b, res); }
        }
        return res;
    }

    /** SHL (0), SHR (1), SAR (2) by a non-zero masked count, with the interpreter's flag rules. */
    private long shift(int op, int size, long m, long a, int count) {
        int bits = size * 8;
        long res, cf;
        long fl;
        if (op == 0) {
            res = (a << count) & m;
            cf = (a >>> (bits - count)) & 1;
            fl = Interpreter.szp(res, size) | (cf != 0 ? LazyFlags.CF : 0);
            if ((((res >>> (bits - 1)) & 1) ^ cf) != 0) fl |= LazyFlags.OF;
        } else if (op == 1) {
            res = a >>> count;
            cf = (a >>> (count - 1)) & 1;
            fl = Interpreter.szp(res, size) | (cf != 0 ? LazyFlags.CF : 0);
            if (((a >>> (bits - 1)) & 1) != 0) fl |= LazyFlags.OF;
        } else {
            long sa = CpuState.signExtend(a, size);
            res = (sa >> count) & m;
            cf = (sa >> (count - 1)) & 1;
            fl = Interpreter.szp(res, size) | (cf != 0 ? LazyFlags.CF : 0);
        }
        f.setEager(fl);
        return res;
    }

    private boolean push(long v, int size) {
        long sp = (r[CpuState.RSP] - size) & s.stackMask();
        bus.write(stackLinear(sp), size, v);
        if (bus.abort != null) return false;
        s.set(CpuState.RSP, s.stackSize, sp);
        return true;
    }

    private long stackLinear(long sp) { return s.longMode ? sp : (sp + s.segBase[CpuState.SS]) & 0xFFFF_FFFFL; }
}
