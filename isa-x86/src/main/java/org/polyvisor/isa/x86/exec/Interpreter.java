package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.decode.Operand.IMM;
import static org.polyvisor.isa.x86.decode.Operand.MEM;
import static org.polyvisor.isa.x86.decode.Operand.REG;
import static org.polyvisor.isa.x86.exec.CpuState.mask;
import static org.polyvisor.isa.x86.exec.CpuState.signExtend;

import org.polyvisor.isa.x86.decode.CodeSource;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;
import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.isa.x86.trap.Vectors;
import org.polyvisor.spi.VcpuExit;

/**
 * Executes one decoded instruction on {@link CpuState}. Handlers are named after the SDM's instruction pages.
 * Returns {@link #NEXT} (retired, go on), {@link #EXIT} (retired, then leave with {@link #exit}) or
 * {@link #ABORT} (not retired: fault, or an MMIO read waiting for its value). No allocation except for exits.
 */
public final class Interpreter {
    public static final int NEXT = 0, EXIT = 1, ABORT = 2;
    /** Xen's EPERM, answered to a VMCALL from CPL &gt; 0 of an HVM guest. */
    private static final long EPERM = 1;
    /** Not retired, but an exception or interrupt was delivered: the vCPU goes on at the handler. */
    public static final int DELIVERED = 4;

    private final CpuState s;
    private final LazyFlags f;
    private final Bus bus;
    private final TrapModel traps;
    private final CodeSource code;
    private final Cpuid cpuid;
    private final Segments segments;
    private final ExceptionEntry entry;
    private final SystemInstructions system;
    private final SystemCalls calls;
    private final FarTransfers far;
    private final X87Instructions x87;
    private final SseInstructions sse;
    private final DescriptorQueries queries;
    private final PortPermission ports;
    private final DebugRegisters debug;
    private final MmxInstructions mmx;

    /** Gives INVLPG the vCPU's MMU, so that it drops a large page's translations whole. */
    public void attachMmu(org.polyvisor.isa.x86.mmu.Mmu mmu) { system.mmu = mmu; }

    /** The exit of the last EXIT or ABORT. */
    public VcpuExit exit;

    public Interpreter(CpuState state, Bus bus, TrapModel traps, CodeSource code, Cpuid cpuid) {
        this.s = state; this.f = state.flags; this.bus = bus; this.traps = traps; this.code = code; this.cpuid = cpuid;
        this.segments = new Segments(state, bus);
        this.entry = new ExceptionEntry(state, bus, segments);
        entry.virtual8086 = true;
        this.system = new SystemInstructions(state, bus);
        this.calls = new SystemCalls(state, bus);
        this.far = new FarTransfers(state, bus, segments, entry.tasks);
        this.x87 = new X87Instructions(state, bus);
        this.sse = new SseInstructions(state, bus);
        this.queries = new DescriptorQueries(state, segments);
        this.ports = new PortPermission(state, bus);
        this.debug = new DebugRegisters(state, bus);
        entry.tasks.debug = debug;
        this.mmx = new MmxInstructions(state, bus);
    }

    /**
     * Delivers external interrupt {@code vector} at the current instruction boundary (the caller checked IF, the
     * interrupt shadow and that an IDT is installed). DELIVERED when the handler was entered, else ABORT with the exit.
     */
    public int externalInterrupt(int vector) {
        return raise(vector, 0, false, ExceptionEntry.EXTERNAL, s.rip, s.rip, null);
    }

    /**
     * Raises an exception: delivered through the guest's IDT once it installed one (NEXT, the handler is entered),
     * else the walking-skeleton Fault exit {@code noIdt} (ABORT).
     */
    private int raise(int vector, int error, boolean hasError, int source, long returnIp, long pc, VcpuExit noIdt) {
        if (!s.idtInstalled()) return fault(noIdt);
        // A fault pushes RF = 1 (SDM Vol. 3, 18.3.1.1), so that returning to the instruction does not meet its
        // instruction breakpoint again; #DB for the breakpoint itself and traps push RF as it is (the entry clears it).
        if (source == ExceptionEntry.EXCEPTION && returnIp == pc && vector != Vectors.DB && s.guestTraps == null) f.setBit(LazyFlags.RF, true);
        int r = entry.raise(vector, error, hasError, source, returnIp, pc);
        bus.syncAlignmentCheck();
        if (r == ExceptionEntry.ENTERED) {
            ExceptionEntry.GuestTraps pv = s.guestTraps;
            VcpuExit after = pv == null ? null : pv.takeExit();
            if (after == null) return DELIVERED;
            exit = after;  // emulated and retired (RIP past it), then the vCPU leaves: a PV kernel's HLT blocks
            return EXIT;
        }
        return fault(new VcpuExit.Fault(ExceptionEntry.failure(r, vector), pc));
    }

    /** Where a system helper's fault is raised: at {@code pc}, or at the new task's EIP when a task switch faulted in it. */
    private long faultPc(long pc) {
        if (!entry.tasks.inNewTask) return pc;
        entry.tasks.inNewTask = false;
        return s.rip;
    }

    /** Raises the exception value {@code f} of a system helper; {@link Vectors#MEMORY} becomes the bus's exit. */
    private int raiseFault(long f, long pc) {
        if (f == Vectors.MEMORY) return abort();
        if (f == SystemInstructions.UNSUPPORTED) return fault(new VcpuExit.Fault("control register write not supported", pc));
        int v = Vectors.vectorOf(f), e = Vectors.errorOf(f);
        boolean hasError = Vectors.pushesErrorCode(v);
        if (v == Vectors.DB && s.guestTraps == null && s.idtInstalled()) this.f.setBit(LazyFlags.RF, true);  // DR7.GD's #DB is a fault too
        return raise(v, e, hasError, ExceptionEntry.EXCEPTION, pc, pc, traps.exception(v, e, pc));
    }

    /**
     * Runs one instruction. LOCK-prefixed instructions and XCHG with memory (implicitly locked) run while holding the
     * domain's memory as a monitor, so that they are atomic against each other across vCPUs on different pCPU
     * threads: a LOCK XADD counter shared by four vCPUs comes out exact. (Plain stores of other vCPUs are not held
     * off, which real hardware would also order; code that races plain stores with locked updates is already wrong.)
     */
    public int execute(Insn in, long pc) {
        boolean step = f.trapFlag();  // TF as the instruction starts (SDM Vol. 3, 17.3.1.4)
        boolean resume = f.resume();
        if (s.breakpoints) {
            if (ioPending != 0) return ioBreakpoint(pc);
            if (!resume && debug.instructionHit(s.longMode ? pc : (pc + s.segBase[CpuState.CS]) & 0xFFFF_FFFFL))
                return raise(Vectors.DB, 0, false, ExceptionEntry.EXCEPTION, pc, pc, traps.exception(Vectors.DB, 0, pc));
            bus.dataHits = 0;
        }
        int r;
        if ((in.prefixes & Insn.P_LOCK) != 0 || (in.op == Op.XCHG && in.hasMemory())) {
            synchronized (bus.lockMonitor()) {
                r = executeOne(in, pc);
            }
        } else {
            r = executeOne(in, pc);
        }
        bus.syncAlignmentCheck();  // CR0.AM, EFLAGS.AC and CPL change only in instructions this class runs
        // RF lasts one instruction: cleared when it retires, unless it is the IRET that loaded it (SDM Vol. 3, 18.3.1.1).
        if (resume && (r == NEXT || r == EXIT) && in.op != Op.IRET) f.setBit(LazyFlags.RF, false);
        if (s.breakpoints && ioHits != 0) {  // an I/O breakpoint: with the data hits after IN/INS, next time after OUT/OUTS
            if (r == NEXT) bus.dataHits |= ioHits;
            else if (r == EXIT) ioPending = ioHits;
            ioHits = 0;
        }
        if (s.breakpoints && bus.dataHits != 0 && r == NEXT) return dataBreakpoint(in, step);
        return step && r == NEXT ? singleStep(in) : r;
    }

    /** I/O breakpoints the current instruction met; those of an OUT or OUTS, which left the vCPU, wait in ioPending. */
    private int ioHits, ioPending;

    /** The #DB trap of an OUT or OUTS that met an I/O breakpoint, taken before the next instruction at {@code pc}. */
    private int ioBreakpoint(long pc) {
        debug.dataHit(ioPending);
        ioPending = 0;
        return raise(Vectors.DB, 0, false, ExceptionEntry.EXCEPTION, pc, pc, traps.exception(Vectors.DB, 0, pc));
    }

    /**
     * A data breakpoint trap (SDM Vol. 3, 18.3.1.2): #DB after the instruction whose access met it, the saved
     * instruction pointer after it, DR6's B bits naming the breakpoints met (and BS too when TF also traps).
     */
    private int dataBreakpoint(Insn in, boolean step) {
        debug.dataHit(bus.dataHits);
        bus.dataHits = 0;
        // Between iterations of a REP string instruction the frame has RF = 1: resuming it meets no instruction breakpoint.
        if (s.rip == bus.pc) f.setBit(LazyFlags.RF, true);
        if (step && !((in.op == Op.MOV_TO_SREG || in.op == Op.POP_SREG) && in.dstReg == CpuState.SS)) debug.singleStep();
        long ip = s.rip;
        return raise(Vectors.DB, 0, false, ExceptionEntry.EXCEPTION, ip, ip, traps.exception(Vectors.DB, 0, ip));
    }

    /**
     * The single-step trap (SDM Vol. 3, 17.3.1.4): after an instruction that began with EFLAGS.TF = 1 and retired
     * without an exception, #DB with DR6.BS set and the saved instruction pointer after it. So an instruction that
     * sets TF (POPF, IRET) is not followed by a trap, the next one is; one that clears it still is. INT n, INT3 and
     * faults enter their handler instead (with TF cleared); a MOV SS or POP SS holds the trap off until after the
     * instruction that follows (the SS load shadow); instructions that leave the vCPU (I/O, HLT, hypercalls) do not
     * trap here.
     */
    private int singleStep(Insn in) {
        if ((in.op == Op.MOV_TO_SREG || in.op == Op.POP_SREG) && in.dstReg == CpuState.SS) return NEXT;
        debug.singleStep();
        long ip = s.rip;
        return raise(Vectors.DB, 0, false, ExceptionEntry.EXCEPTION, ip, ip, traps.exception(Vectors.DB, 0, ip));
    }

    private int executeOne(Insn in, long pc) {
        bus.pc = pc;
        stackFault = false;
        long ipMask = s.ipMask;
        long next = (pc + in.length) & ipMask;
        if (!s.longMode && s.outsideLimit(CpuState.CS, pc, in.length)) return generalProtection(pc);  // fetch past CS's limit
        if ((in.prefixes & Insn.P_LOCK) != 0 && !lockable(in)) return undefined(in, pc, in.length);
        int r;
        if ((in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.SIMD) != 0) {
            long fl = sse.execute(in, pc, next);
            if (fl != 0) return fl == Vectors.fault(Vectors.UD, 0) ? undefined(in, pc, in.length) : raiseFault(fl, pc);
            return retire(next);
        }
        if ((in.entry.flags() & org.polyvisor.isa.x86.decode.Entry.MMX) != 0) {
            long fl = mmx.execute(in, next);
            if (fl != 0) return fl == Vectors.fault(Vectors.UD, 0) ? undefined(in, pc, in.length) : raiseFault(fl, pc);
            return retire(next);
        }
        switch (in.op) {
            case ADD, OR, ADC, SBB, AND, SUB, XOR, CMP, TEST -> r = alu(in, next);
            case MOV -> r = mov(in, next);
            case MOVZX, MOVSX, MOVSXD -> r = movExtend(in, next);
            case LEA -> { s.set(in.dstReg, in.opSize, offset(in, next)); r = NEXT; }
            case XCHG -> r = xchg(in, next);
            case CBW -> { int h = in.opSize / 2; s.set(0, in.opSize, signExtend(s.get(0, h), h)); r = NEXT; }
            case CWD -> { long a = s.get(0, in.opSize); s.set(2, in.opSize, signExtend(a, in.opSize) >> 63); r = NEXT; }
            case INC, DEC, NEG, NOT -> r = unary(in, next);
            case ROL, ROR, SHL, SHR, SAR -> r = shift(in, next);
            case RCL, RCR -> r = rotateThroughCarry(in, next);
            case BT, BTS, BTR, BTC -> r = bitTest(in, next);
            case BSF, BSR, TZCNT -> {  // TZCNT: F3 0F BC runs as BSF, as on a CPU without BMI1 (see Cpuid)
                long v = read(in, in.srcKind, in.srcReg, in.opSize, next);
                if (bus.abort != null) return abort();
                // Zero source: ZF = 1 and the destination is left as it was (what Intel and AMD parts do).
                if (v != 0) s.set(in.dstReg, in.opSize, in.op != Op.BSR ? Long.numberOfTrailingZeros(v) : 63 - Long.numberOfLeadingZeros(v));
                f.setEager((f.value() & ~(long) LazyFlags.ZF) | (v == 0 ? LazyFlags.ZF : 0));
                r = NEXT;
            }
            case SHLD, SHRD -> r = shiftDouble(in, next);
            case POPCNT, LZCNT -> r = bitCount(in, next);
            case IMUL -> r = imul(in, next);
            case PUSH -> r = pushOp(in, next);
            case POP -> r = popOp(in, next);
            case CALL -> {
                if (!push(next, in.opSize)) return abort();
                next = (next + in.imm) & ipMask;
                r = NEXT;
            }
            case CALL_INDIRECT -> {
                long target = read(in, in.dstKind, in.dstReg, in.opSize, next);
                if (bus.abort != null || !push(next, in.opSize)) return abort();
                next = target & ipMask;
                r = NEXT;
            }
            case RET -> {
                long target = pop(in.opSize);
                if (bus.abort != null) return abort();
                if (in.hasImm) s.set(CpuState.RSP, s.stackSize, s.r[CpuState.RSP] + in.imm);
                next = target & ipMask;
                r = NEXT;
            }
            case JMP -> { next = (next + in.imm) & ipMask; r = NEXT; }
            case JMP_INDIRECT -> {
                long target = read(in, in.dstKind, in.dstReg, in.opSize, next);
                if (bus.abort != null) return abort();
                next = target & ipMask;
                r = NEXT;
            }
            case JCC -> { if (f.condition(in.cond)) next = (next + in.imm) & ipMask; r = NEXT; }
            case LOOP, LOOPE, LOOPNE -> {
                long count = (s.get(CpuState.RCX, in.addrSize) - 1) & mask(in.addrSize);
                s.set(CpuState.RCX, in.addrSize, count);
                boolean go = count != 0 && (in.op == Op.LOOP || f.zf() == (in.op == Op.LOOPE));
                if (go) next = (next + in.imm) & ipMask;
                r = NEXT;
            }
            case JCXZ -> { if (s.get(CpuState.RCX, in.addrSize) == 0) next = (next + in.imm) & ipMask; r = NEXT; }
            case SETCC -> r = write(in, in.dstKind, in.dstReg, 1, next, f.condition(in.cond) ? 1 : 0);
            case CMOVCC -> r = cmov(in, next);
            case LEAVE -> {
                long sp = s.r[CpuState.RSP];
                s.r[CpuState.RSP] = s.r[CpuState.RBP];
                long v = pop(in.opSize);
                if (bus.abort != null) { s.r[CpuState.RSP] = sp; return abort(); }
                s.set(CpuState.RBP, in.opSize, v);
                r = NEXT;
            }
            case PUSHA -> r = StackFrames.pusha(s, bus, in.opSize) ? NEXT : abort();
            case POPA -> r = StackFrames.popa(s, bus, in.opSize, popaSlots) ? NEXT : abort();
            case ENTER -> r = StackFrames.enter(s, bus, in.opSize, (int) in.imm & 0xFFFF, in.selector) ? NEXT : abort();
            case BOUND -> {
                // A signed index against the signed bounds [m] and [m + size]; #BR is a fault (returns to BOUND).
                long a = ea(in, next);
                long lower = signExtend(bus.read(a, in.opSize), in.opSize);
                if (bus.abort != null) return abort();
                long upper = signExtend(bus.read(a + in.opSize, in.opSize), in.opSize);
                if (bus.abort != null) return abort();
                long index = signExtend(s.get(in.srcReg, in.opSize), in.opSize);
                if (index < lower || index > upper) return raise(Vectors.BR, 0, false, ExceptionEntry.EXCEPTION, pc, pc, traps.exception(Vectors.BR, 0, pc));
                r = NEXT;
            }
            case CLTS -> {
                if (s.cpl() != 0) return privileged("clts", pc);
                long fl = system.write(0, s.cr0 & ~CR0_TS);
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            // SMSW: the register form takes CR0 at the operand size (as QEMU does), the memory form its low 16 bits.
            case SMSW -> r = write(in, in.dstKind, in.dstReg, in.dstKind == MEM ? 2 : in.opSize, next, s.cr0);
            case LMSW -> {
                if (s.cpl() != 0) return privileged("lmsw", pc);
                long v = read(in, in.srcKind, in.srcReg, 2, next);
                if (bus.abort != null) return abort();
                // Loads PE, MP, EM and TS; PE can be set but not cleared.
                long fl = system.write(0, (s.cr0 & ~0xEL) | (v & 0xF));
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case NOP -> r = NEXT;
            case HLT -> {
                if (s.cpl() != 0) return privileged("hlt", pc);
                s.rip = next;
                exit = VcpuExit.HALT;
                return EXIT;
            }
            // INVD / WBINVD (SDM Vol. 2A): privileged, #GP(0) above CPL 0; the model has no caches to drop.
            case INVD, WBINVD -> {
                if (s.cpl() != 0) return privileged(in.op == Op.INVD ? "invd" : "wbinvd", pc);
                r = NEXT;
            }
            case CLI, STI -> {
                // IOPL-sensitive (SDM Vol. 2, CLI/STI without VME/PVI): #GP(0) when CPL > IOPL, in virtual-8086 mode IOPL < 3.
                if (s.cpl() > f.iopl()) return privileged(in.op == Op.CLI ? "cli" : "sti", pc);
                if (in.op == Op.STI && (f.value() & LazyFlags.IF) == 0) s.interruptShadow = true;
                f.setBit(LazyFlags.IF, in.op == Op.STI);
                r = NEXT;
            }
            case CLD, STD -> { f.setBit(LazyFlags.DF, in.op == Op.STD); r = NEXT; }
            case CLC, STC, CMC -> {
                boolean cf = in.op == Op.STC || (in.op == Op.CMC && !f.cf());
                f.setEager((f.value() & ~(long) LazyFlags.CF) | (cf ? LazyFlags.CF : 0));
                r = NEXT;
            }
            case LAHF -> { s.set(Insn.AH, 1, (f.value() & 0xD5) | 2); r = NEXT; }
            case SAHF -> { f.setEager((f.value() & ~0xD5L) | (s.get(Insn.AH, 1) & 0xD5)); r = NEXT; }
            case PUSHF -> {
                if (s.v86 && f.iopl() < 3) return privileged("pushf", pc);
                // PUSHFD/PUSHFQ store EFLAGS with VM and RF cleared (SDM Vol. 2, PUSHF).
                if (!push(in.opSize == 2 ? f.value() : f.value() & ~0x3_0000L, in.opSize)) return abort();
                r = NEXT;
            }
            case POPF -> {
                if (s.v86 && f.iopl() < 3) return privileged("popf", pc);
                long v = pop(in.opSize);
                if (bus.abort != null) return abort();
                long writable = popfWritable(s.cpl(), (int) (f.value() >>> 12) & 3, in.opSize);
                // RF is cleared by a 32/64-bit POPF; VM, VIP, VIF and the reserved bits are never loaded.
                long kept = in.opSize == 2 ? f.value() : f.value() & ~EFLAGS_RF;
                f.load((kept & ~writable) | (v & writable));
                r = NEXT;
            }
            case MUL, IMUL1 -> r = multiply(in, next);
            case DIV, IDIV -> {
                r = divide(in, next);
                if (r == ABORT) return exit == null ? raise(Vectors.DE, 0, false, ExceptionEntry.EXCEPTION, pc, pc, traps.divideError(pc)) : r;
            }
            case MOVS, STOS, LODS, CMPS, SCAS -> {
                int st = string(in, next);
                if (st == ABORT || st == DELIVERED) return st;
                if (st == REPEAT) next = pc;  // more iterations: each one retires on its own
                r = NEXT;
            }
            case IN -> {
                int port = (int) (in.hasImm ? in.imm : s.get(CpuState.RDX, 2));
                long denied = ports.check(port, in.opSize);
                if (denied != 0) return portDenied(denied, "in", pc);
                if (!portValueReady || pendingPort != port) {
                    portValueReady = false;
                    pendingPort = port;
                    exit = new VcpuExit.PortIo(port, in.opSize, false, 0);
                    return ABORT;  // re-executed once the value is there
                }
                portValueReady = false;
                s.set(CpuState.RAX, in.opSize, portValue);
                if (s.breakpoints) ioHits = debug.ioHit(port, in.opSize);
                r = NEXT;
            }
            case OUT -> {
                int port = (int) (in.hasImm ? in.imm : s.get(CpuState.RDX, 2));
                long denied = ports.check(port, in.opSize);
                if (denied != 0) return portDenied(denied, "out", pc);
                s.rip = next;
                exit = new VcpuExit.PortIo(port, in.opSize, true, s.get(CpuState.RAX, in.opSize));
                if (s.breakpoints) ioHits = debug.ioHit(port, in.opSize);
                return EXIT;
            }
            case INS -> {
                int st = inputString(in, pc, next);
                if (st != NEXT) return st;
                if (repeatString) next = pc;
                r = NEXT;
            }
            case OUTS -> { return outputString(in, pc, next); }
            case XLAT -> {
                // AL = [seg:rBX + AL] at the address size; DS unless overridden (SDM Vol. 2B "XLAT/XLATB").
                long offset = (s.get(CpuState.RBX, in.addrSize) + s.get(CpuState.RAX, 1)) & mask(in.addrSize);
                long v = bus.read(StringInstructions.linear(s, in.segment >= 0 ? in.segment : CpuState.DS, offset, 1), 1);
                if (bus.abort != null) return abort();
                s.set(CpuState.RAX, 1, v);
                r = NEXT;
            }
            case LES, LDS, LSS, LFS, LGS -> r = loadFarPointer(in, pc, next);
            case ARPL -> {
                if (s.paragraphSegments()) return undefined(in, pc, in.length);
                int dest = (int) read(in, in.dstKind, in.dstReg, 2, next);
                if (bus.abort != null) return abort();
                int res = DescriptorQueries.arpl(dest, (int) s.get(in.srcReg, 2));
                if (res != dest) {
                    int w = write(in, in.dstKind, in.dstReg, 2, next, res);
                    if (w != NEXT) return w;
                }
                setZf(res != dest);
                r = NEXT;
            }
            case LAR, LSL, VERR, VERW -> r = queryDescriptor(in, pc, next);
            case MOV_FROM_DR -> {
                long fl = debug.read(in.srcReg);
                if (fl != 0) return raiseFault(fl, pc);
                s.set(in.dstReg, in.opSize, debug.value);
                r = NEXT;
            }
            case MOV_TO_DR -> {
                long fl = debug.write(in.dstReg, s.get(in.srcReg, in.opSize));
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            // RDPMC: #GP(0) above CPL 0 without CR4.PCE, and for a counter that does not exist: this CPU model has
            // none (CPUID leaf 0AH, past the maximum leaf, reads as zero), so every ECX is #GP(0) (SDM Vol. 2B "RDPMC").
            case RDPMC -> { return raiseFault(Vectors.fault(Vectors.GP, 0), pc); }
            case MOVBE -> {
                // MOVBE (SDM Vol. 2B): a load or store with the bytes of the operand size reversed; no register form.
                long v = read(in, in.srcKind, in.srcReg, in.opSize, next);
                if (bus.abort != null) return abort();
                long swapped = Long.reverseBytes(v) >>> (64 - 8 * in.opSize);
                r = write(in, in.dstKind, in.dstReg, in.opSize, next, swapped);
            }
            case CRC32 -> {
                long v = read(in, in.srcKind, in.srcReg, in.srcSize, next);
                if (bus.abort != null) return abort();
                s.set(in.dstReg, in.opSize, Crc32.update(s.get(in.dstReg, 4), v, in.srcSize));  // flags unchanged
                r = NEXT;
            }
            case CMPXCHG -> r = cmpxchg(in, next);
            case CMPXCHG8B -> r = cmpxchg8b(in, next);
            case CPUID -> { cpuid.execute(s); r = NEXT; }
            case XADD -> {
                long a = read(in, in.dstKind, in.dstReg, in.opSize, next);
                if (bus.abort != null) return abort();
                long b = s.get(in.srcReg, in.opSize), sum = (a + b) & mask(in.opSize);
                int w = write(in, in.dstKind, in.dstReg, in.opSize, next, sum);
                if (w != NEXT) return w;
                f.set(LazyFlags.ADD, in.opSize, a, b, sum);
                if (in.dstKind != REG || in.dstReg != in.srcReg) s.set(in.srcReg, in.opSize, a);
                r = NEXT;
            }
            case BSWAP -> {
                long v = s.get(in.dstReg, in.opSize);
                s.set(in.dstReg, in.opSize, in.opSize == 8 ? Long.reverseBytes(v) : in.opSize == 4 ? Integer.reverseBytes((int) v) : 0);
                r = NEXT;
            }
            case INT -> {
                int vector = (int) in.imm;
                if (s.v86 && f.iopl() < 3) return privileged("int", pc);  // IOPL-sensitive in virtual-8086 mode (no VME)
                if (traps.isHypercallInterrupt(vector, s.cpl()) || !s.idtInstalled()) return trap(traps.softwareInterrupt(vector, s.cpl(), pc), next);
                return raise(vector, 0, false, ExceptionEntry.SOFTWARE, next, pc, null);
            }
            case INT3 -> { return raise(Vectors.BP, 0, false, ExceptionEntry.SOFTWARE, next, pc, traps.breakpoint(pc)); }
            case INTO -> {
                if (!f.of()) { r = NEXT; break; }
                return raise(Vectors.OF, 0, false, ExceptionEntry.SOFTWARE, next, pc, traps.exception(Vectors.OF, 0, pc));
            }
            case IRET -> {
                if (s.v86 && f.iopl() < 3) return privileged("iret", pc);
                if (f.nestedTask() && !s.v86 && !s.realMode() && !s.ia32e()) {  // a task return (SDM Vol. 2, IRET)
                    long fl = entry.tasks.taskReturn(next);
                    return fl == 0 ? NEXT : raiseFault(fl, faultPc(pc));
                }
                long fl = entry.iret(in.opSize);
                return fl == 0 ? NEXT : raiseFault(fl, pc);
            }
            case LGDT, LIDT -> {
                long fl = system.loadTable(ea(in, next), in.opSize, in.op == Op.LIDT);
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case SGDT, SIDT -> {
                long fl = system.storeTable(ea(in, next), in.op == Op.SIDT);
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case LLDT, LTR -> {
                if (s.paragraphSegments()) return undefined(in, pc, in.length);  // not recognised in real and virtual-8086 mode
                if (s.cpl() != 0) return raiseFault(Vectors.fault(Vectors.GP, 0), pc);
                int sel = (int) read(in, in.srcKind, in.srcReg, 2, next);
                if (bus.abort != null) return abort();
                long fl = in.op == Op.LLDT ? segments.loadLdt(sel) : segments.loadTaskRegister(sel);
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case JMP_FAR, CALL_FAR -> {
                int size = in.opSize;
                long offset = in.imm;
                int sel = in.selector;
                if (in.srcKind == MEM) {
                    long a = ea(in, next);
                    offset = bus.read(a, size);
                    sel = (int) bus.read(a + size, 2);
                    if (bus.abort != null) return abort();
                }
                long fl = in.op == Op.CALL_FAR ? far.call(sel, offset & mask(size), size, next) : far.jump(sel, offset & mask(size), next);
                return fl == 0 ? NEXT : raiseFault(fl, faultPc(pc));
            }
            case RET_FAR -> {
                long fl = far.ret(in.opSize, in.hasImm ? in.imm & 0xFFFF : 0);
                return fl == 0 ? NEXT : raiseFault(fl, pc);
            }
            case DAA -> { Bcd.daa(s); r = NEXT; }
            case DAS -> { Bcd.das(s); r = NEXT; }
            case AAA, AAS -> { Bcd.aaa(s, in.op == Op.AAA); r = NEXT; }
            case AAD -> { Bcd.aad(s, (int) in.imm & 0xFF); r = NEXT; }
            case AAM -> {
                if (!Bcd.aam(s, (int) in.imm & 0xFF)) return raise(Vectors.DE, 0, false, ExceptionEntry.EXCEPTION, pc, pc, traps.divideError(pc));
                r = NEXT;
            }
            case INVLPG -> {
                long fl = system.invlpg(Addressing.unchecked(s, in, next));
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case SLDT, STR -> r = s.paragraphSegments() ? undefined(in, pc, in.length) : write(in, in.dstKind, in.dstReg, in.dstKind == MEM ? 2 : in.opSize, next, in.op == Op.SLDT ? s.ldtr : s.tr);
            case MOV_FROM_CR -> {
                long fl = system.read(in.srcReg);
                if (fl != 0) return raiseFault(fl, pc);
                s.set(in.dstReg, in.opSize, system.value);
                r = NEXT;
            }
            case MOV_TO_CR -> {
                long fl = system.write(in.dstReg, s.get(in.srcReg, in.opSize));
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case MOV_TO_SREG -> {
                if (in.dstReg == CpuState.CS || in.dstReg > CpuState.GS) return undefined(in, pc, in.length);
                int sel = (int) read(in, in.srcKind, in.srcReg, 2, next);
                if (bus.abort != null) return abort();
                long fl = segments.loadData(in.dstReg, sel);
                if (fl != 0) return raiseFault(fl, pc);
                if (in.dstReg == CpuState.SS) s.interruptShadow = true;
                r = NEXT;
            }
            case PUSH_SREG -> {
                if (!push(s.seg[in.srcReg], in.opSize)) return abort();
                r = NEXT;
            }
            case POP_SREG -> {
                long sp = s.r[CpuState.RSP];
                int sel = (int) pop(in.opSize);
                if (bus.abort != null) return abort();
                long fl = segments.loadData(in.dstReg, sel);
                if (fl != 0) {
                    s.r[CpuState.RSP] = sp;
                    return raiseFault(fl, pc);
                }
                if (in.dstReg == CpuState.SS) s.interruptShadow = true;
                r = NEXT;
            }
            case MOV_FROM_SREG -> {
                if (in.srcReg > CpuState.GS) return undefined(in, pc, in.length);
                r = write(in, in.dstKind, in.dstReg, in.dstKind == MEM ? 2 : in.opSize, next, s.seg[in.srcReg]);
            }
            case VMCALL -> {
                if (s.cpl() != 0 && traps.guestType() == org.polyvisor.spi.GuestType.HVM) {
                    // Xen's HVM hypercall from guest user mode: no hypercall, -EPERM in eAX/rAX (32/64-bit mode).
                    s.set(CpuState.RAX, s.longMode ? 8 : 4, -EPERM);
                    return retire(next);
                }
                return trap(traps.vmcall(s.cpl(), pc), next);
            }
            case SYSCALL -> {
                if (traps.isHypercallSyscall(s.cpl())) return trap(traps.syscall(s.cpl(), pc), next);
                if (calls.syscall(next) == 0) return NEXT;
                return raise(Vectors.UD, 0, false, ExceptionEntry.EXCEPTION, pc, pc,
                        s.idtInstalled() ? null : traps.syscall(s.cpl(), pc));  // EFER.SCE = 0
            }
            case SYSRET -> { long fl = calls.sysret(in.opSize); return fl == 0 ? NEXT : raiseFault(fl, pc); }
            case SYSENTER -> { long fl = calls.sysenter(); return fl == 0 ? NEXT : raiseFault(fl, pc); }
            case SYSEXIT -> { long fl = calls.sysexit(in.opSize); return fl == 0 ? NEXT : raiseFault(fl, pc); }
            case SWAPGS -> {
                long fl = calls.swapgs();
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case RDMSR -> {
                long fl = calls.rdmsr((int) s.r[CpuState.RCX]);
                if (fl != 0) return raiseFault(fl, pc);
                s.set(CpuState.RAX, 4, calls.value);
                s.set(CpuState.RDX, 4, calls.value >>> 32);
                r = NEXT;
            }
            case RDTSC -> {
                long fl = calls.rdtsc();
                if (fl != 0) return raiseFault(fl, pc);
                s.set(CpuState.RAX, 4, calls.value);
                s.set(CpuState.RDX, 4, calls.value >>> 32);
                r = NEXT;
            }
            case WRMSR -> {
                long fl = calls.wrmsr((int) s.r[CpuState.RCX], (s.r[CpuState.RDX] << 32) | (s.r[CpuState.RAX] & 0xFFFF_FFFFL));
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case X87 -> {
                long fl = x87.execute(in, pc, next);
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            case FWAIT -> {
                long fl = x87.fwait();
                if (fl != 0) return raiseFault(fl, pc);
                r = NEXT;
            }
            default -> {  // UNDEFINED, UD2 (or a PV guest's forced-emulation prefix before CPUID)
                if (in.op == Op.UD2 && traps.forcedEmulation(s, bus, cpuid, pc)) return retire((pc + TrapModel.FORCED_CPUID_BYTES) & ipMask);
                return undefined(in, pc, in.op == Op.UNDEFINED ? Math.max(1, in.opcodeLength) : in.length);
            }
        }
        if (r != NEXT) return r;
        return retire(next);
    }

    private static final long EFLAGS_IF = 1L << 9, EFLAGS_IOPL = 3L << 12, EFLAGS_RF = 1L << 16;

    /**
     * The EFLAGS bits POPF/POPFD/POPFQ load (SDM Vol. 2B "POPF/POPFD/POPFQ", outside virtual-8086 mode): CF, PF, AF,
     * ZF, SF, TF, DF, OF, NT, AC and ID always; IOPL only at CPL 0; IF only when CPL &lt;= IOPL (else it is kept, with
     * no fault). Real mode counts as CPL 0. A 16-bit POPF loads the low word only.
     */
    static long popfWritable(int cpl, int iopl, int opSize) {
        long writable = 0x24_4DD5L;
        if (cpl == 0) writable |= EFLAGS_IOPL;
        if (cpl <= iopl) writable |= EFLAGS_IF;
        return opSize == 2 ? writable & 0xFFFF : writable;
    }

    private void setZf(boolean zf) {
        f.setEager((f.value() & ~(long) LazyFlags.ZF) | (zf ? LazyFlags.ZF : 0));
    }

    /** A denied port access: #GP(0) (named after the instruction without an IDT), or the descriptor read's fault. */
    private int portDenied(long denied, String what, long pc) {
        return denied == Vectors.fault(Vectors.GP, 0) ? privileged(what, pc) : raiseFault(denied, pc);
    }

    /** Set by {@link #inputString} when a REP INS has iterations left (the instruction stays at its pc). */
    private boolean repeatString;

    /**
     * INS/INSB/INSW/INSD (SDM Vol. 2A): one iteration a call. The port (DX) is read through a {@link VcpuExit.PortIo}
     * exit, as IN reads it, then the instruction runs again and stores the value at ES:rDI; with REP each iteration
     * retires on its own (one exit each) until rCX runs out.
     */
    private int inputString(Insn in, long pc, long next) {
        repeatString = false;
        int port = (int) s.get(CpuState.RDX, 2), size = in.opSize, as = in.addrSize;
        long denied = ports.check(port, size);
        if (denied != 0) return portDenied(denied, "ins", pc);
        boolean rep = (in.prefixes & (Insn.P_REP | Insn.P_REPNE)) != 0;
        if (rep && s.get(CpuState.RCX, as) == 0) return NEXT;
        if (!portValueReady || pendingPort != port) {
            portValueReady = false;
            pendingPort = port;
            exit = new VcpuExit.PortIo(port, size, false, 0);
            return ABORT;  // re-executed once the value is there
        }
        portValueReady = false;  // a page fault on the store restarts the instruction, which reads the port again
        long di = s.get(CpuState.RDI, as);
        bus.write(StringInstructions.linear(s, CpuState.ES, di, size), size, portValue);
        if (bus.abort != null) return abort();
        s.set(CpuState.RDI, as, di + ((f.value() & LazyFlags.DF) != 0 ? -size : size));
        if (s.breakpoints) ioHits = debug.ioHit(port, size);
        if (rep) {
            long count = (s.get(CpuState.RCX, as) - 1) & mask(as);
            s.set(CpuState.RCX, as, count);
            repeatString = count != 0;
        }
        return NEXT;
    }

    /**
     * OUTS/OUTSB/OUTSW/OUTSD (SDM Vol. 2B): reads DS:rSI (or the override) and writes it to port DX through a
     * {@link VcpuExit.PortIo} exit; with REP one iteration a call, the instruction staying at its pc until rCX runs out.
     */
    private int outputString(Insn in, long pc, long next) {
        int port = (int) s.get(CpuState.RDX, 2), size = in.opSize, as = in.addrSize;
        long denied = ports.check(port, size);
        if (denied != 0) return portDenied(denied, "outs", pc);
        boolean rep = (in.prefixes & (Insn.P_REP | Insn.P_REPNE)) != 0;
        if (rep && s.get(CpuState.RCX, as) == 0) return retire(next);
        long si = s.get(CpuState.RSI, as);
        long v = bus.read(StringInstructions.linear(s, in.segment >= 0 ? in.segment : CpuState.DS, si, size), size);
        if (bus.abort != null) return abort();
        s.set(CpuState.RSI, as, si + ((f.value() & LazyFlags.DF) != 0 ? -size : size));
        long after = next;
        if (rep) {
            long count = (s.get(CpuState.RCX, as) - 1) & mask(as);
            s.set(CpuState.RCX, as, count);
            if (count != 0) after = pc;
        }
        s.rip = after;
        exit = new VcpuExit.PortIo(port, size, true, v);
        if (s.breakpoints) ioHits = debug.ioHit(port, size);
        return EXIT;
    }

    /**
     * LDS/LES/LSS/LFS/LGS r, m16:16/32/64 (SDM Vol. 2A "LDS/LES/LFS/LGS/LSS"): the offset, then the selector after
     * it; the segment register is loaded with the checks of MOV Sreg ({@link Segments#loadData}), and only then
     * the general register, so a failing load changes neither. LSS does not start an interrupt shadow.
     */
    private int loadFarPointer(Insn in, long pc, long next) {
        int sreg = switch (in.op) {
            case LES -> CpuState.ES;
            case LDS -> CpuState.DS;
            case LSS -> CpuState.SS;
            case LFS -> CpuState.FS;
            default -> CpuState.GS;
        };
        long a = ea(in, next);
        long offset = bus.read(a, in.opSize);
        if (bus.abort != null) return abort();
        int sel = (int) bus.read(a + in.opSize, 2);
        if (bus.abort != null) return abort();
        long fl = segments.loadData(sreg, sel);
        if (fl != 0) return raiseFault(fl, pc);
        s.set(in.dstReg, in.opSize, offset);
        return NEXT;
    }

    /** LAR, LSL, VERR and VERW ({@link DescriptorQueries}): #UD in real and virtual-8086 mode; the answer in ZF. */
    private int queryDescriptor(Insn in, long pc, long next) {
        if (s.paragraphSegments()) return undefined(in, pc, in.length);
        int sel = (int) read(in, in.srcKind, in.srcReg, 2, next);
        if (bus.abort != null) return abort();
        int r = switch (in.op) {
            case LAR -> queries.lar(sel);
            case LSL -> queries.lsl(sel);
            default -> queries.verify(sel, in.op == Op.VERW);
        };
        if (r == DescriptorQueries.FAULT) return abort();
        if (r == DescriptorQueries.VISIBLE && (in.op == Op.LAR || in.op == Op.LSL)) s.set(in.dstReg, in.opSize, queries.value);
        setZf(r == DescriptorQueries.VISIBLE);
        return NEXT;
    }

    /** Completes an instruction: the next pc, and the exit of an MMIO store it made. */
    private int retire(long next) {
        s.rip = next;
        if (bus.after != null) {
            exit = bus.after;
            bus.after = null;
            return EXIT;
        }
        return NEXT;
    }

    /** LOCK is allowed only on these read-modify-write instructions with a memory destination; else #UD. */
    private static boolean lockable(Insn in) {
        if (in.dstKind != MEM) return false;
        return switch (in.op) {
            case ADD, ADC, AND, BTC, BTR, BTS, CMPXCHG, CMPXCHG8B, DEC, INC, NEG, NOT, OR, SBB, SUB, XOR, XADD, XCHG -> true;
            default -> false;
        };
    }

    /** #UD; without an IDT the Fault exit names the first {@code n} bytes of the encoding. */
    private int undefined(Insn in, long pc, int n) {
        return raise(Vectors.UD, 0, false, ExceptionEntry.EXCEPTION, pc, pc, s.idtInstalled() ? null : traps.undefined(hex(pc, n), pc));
    }

    /** #GP(0) for a privileged instruction above CPL 0. */
    private int privileged(String what, long pc) {
        return raise(Vectors.GP, 0, true, ExceptionEntry.EXCEPTION, pc, pc, s.idtInstalled() ? null : traps.privileged(what, s.cpl(), pc));
    }

    /**
     * The current instruction cannot complete because of {@link Bus#abort}: a page fault or #GP is raised (CR2
     * takes the address), anything else (an MMIO read, memory outside the guest) leaves as an exit.
     */
    int abort() {
        VcpuExit e = bus.abort;
        bus.abort = null;
        bus.after = null;
        long pc = bus.pc;
        boolean stack = stackFault;
        stackFault = false;
        if (e == Bus.PAGE_FAULT) return pageFault(bus.faultAddress, bus.faultCode, pc);
        if (e == Bus.ALIGNMENT_CHECK) {  // #AC(0), a fault: the saved instruction pointer is the access's instruction
            return raise(Vectors.AC, 0, true, ExceptionEntry.EXCEPTION, pc, pc, s.idtInstalled() ? null : traps.exception(Vectors.AC, 0, pc));
        }
        if (e == Bus.GENERAL_PROTECTION || e == Bus.STACK_FAULT) {
            int v = stack || e == Bus.STACK_FAULT ? Vectors.SS : Vectors.GP;
            return raise(v, 0, true, ExceptionEntry.EXCEPTION, pc, pc,
                    s.idtInstalled() ? null : traps.exception(v, 0, pc));
        }
        exit = e;
        return ABORT;
    }

    /**
     * {@link #abort} for an implicit stack access that failed (the block runner's PUSH, POP, CALL, RET, LEAVE): in
     * 64-bit mode its #GP marker can only mean a non-canonical stack address, which is #SS(0).
     */
    int stackAbort() {
        if (s.longMode && bus.abort == Bus.GENERAL_PROTECTION) stackFault = true;
        return abort();
    }

    /** #GP(0) at {@code pc} (a non-canonical instruction address). */
    public int generalProtection(long pc) {
        return raise(Vectors.GP, 0, true, ExceptionEntry.EXCEPTION, pc, pc, s.idtInstalled() ? null : traps.exception(Vectors.GP, 0, pc));
    }

    /** #PF at {@code pc} for {@code address}: CR2 takes the address; without an IDT, a Fault exit that names both. */
    public int pageFault(long address, int errorCode, long pc) {
        s.cr2 = address;
        return raise(Vectors.PF, errorCode, true, ExceptionEntry.EXCEPTION, pc, pc, s.idtInstalled() ? null
                : new VcpuExit.Fault("page fault (#PF) at 0x" + Long.toHexString(address) + " error code 0x"
                        + Integer.toHexString(errorCode) + " with no handler (no IDT)", pc));
    }

    private int fault(VcpuExit e) {
        exit = e;
        return ABORT;
    }

    /** A hypercall completes the instruction (pc past it); a fault does not. */
    private int trap(VcpuExit e, long next) {
        exit = e;
        if (e instanceof VcpuExit.Hypercall) {
            s.rip = next;
            return EXIT;
        }
        return ABORT;
    }

    private String hex(long pc, int length) {
        StringBuilder b = new StringBuilder(2 * length);
        for (int i = 0; i < length; i++) {
            int v = code.byteAt(pc + i);
            if (v < 0) break;
            b.append(Character.forDigit(v >> 4, 16)).append(Character.forDigit(v & 15, 16));
        }
        return b.toString();
    }

    /** The effective address (the offset in its segment) of the memory operand, at the address size. */
    private long offset(Insn in, long next) { return Addressing.offset(s, in, next); }

    /** The linear address of the memory operand ({@link Addressing#linear}). */
    long ea(Insn in, long next) { return Addressing.linear(s, in, next); }

    private long read(Insn in, int kind, int reg, int size, long next) {
        return switch (kind) {
            case REG -> s.get(reg, size);
            case MEM -> bus.read(ea(in, next), size);
            case IMM -> in.imm & mask(size);
            default -> 0;
        };
    }

    private int write(Insn in, int kind, int reg, int size, long next, long v) {
        if (kind == REG) {
            s.set(reg, size, v);
            return NEXT;
        }
        bus.write(ea(in, next), size, v);
        return bus.abort != null ? abort() : NEXT;
    }

    private int alu(Insn in, long next) {
        int size = in.opSize;
        long m = mask(size);
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        long b = read(in, in.srcKind, in.srcReg, size, next);
        if (bus.abort != null) return abort();
        long res;
        switch (in.op) {
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
            default -> { res = a ^ b; f.set(LazyFlags.LOGIC, size, a, b, res); }  // XOR
        }
        if (in.op == Op.CMP || in.op == Op.TEST) return NEXT;
        return write(in, in.dstKind, in.dstReg, size, next, res);
    }

    private int mov(Insn in, long next) {
        long v = read(in, in.srcKind, in.srcReg, in.opSize, next);
        if (bus.abort != null) return abort();
        return write(in, in.dstKind, in.dstReg, in.opSize, next, v);
    }

    private int movExtend(Insn in, long next) {
        long v = read(in, in.srcKind, in.srcReg, in.srcSize, next);
        if (bus.abort != null) return abort();
        if (in.op != Op.MOVZX) v = signExtend(v, in.srcSize);
        s.set(in.dstReg, in.opSize, v);
        return NEXT;
    }

    private int xchg(Insn in, long next) {
        int size = in.opSize;
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        long b = s.get(in.srcReg, size);
        int w = write(in, in.dstKind, in.dstReg, size, next, b);
        if (w != NEXT) return w;
        s.set(in.srcReg, size, a);
        return NEXT;
    }

    private int cmov(Insn in, long next) {
        long v = read(in, in.srcKind, in.srcReg, in.opSize, next);
        if (bus.abort != null) return abort();
        // In long mode a 32-bit CMOV clears the upper half of the destination even when the condition is false.
        s.set(in.dstReg, in.opSize, f.condition(in.cond) ? v : s.get(in.dstReg, in.opSize));
        return NEXT;
    }

    private int unary(Insn in, long next) {
        int size = in.opSize;
        long m = mask(size);
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        long res;
        switch (in.op) {
            case INC -> { res = (a + 1) & m; f.setKeepCarry(LazyFlags.INC, size, a, res); }
            case DEC -> { res = (a - 1) & m; f.setKeepCarry(LazyFlags.DEC, size, a, res); }
            case NEG -> { res = -a & m; f.set(LazyFlags.SUB, size, 0, a, res); }
            default -> res = ~a & m;  // NOT leaves the flags alone
        }
        return write(in, in.dstKind, in.dstReg, size, next, res);
    }

    static long szp(long res, int size) {
        long fl = 0;
        if ((res & mask(size)) == 0) fl |= LazyFlags.ZF;
        if (((res >>> (size * 8 - 1)) & 1) != 0) fl |= LazyFlags.SF;
        if ((Integer.bitCount((int) res & 0xFF) & 1) == 0) fl |= LazyFlags.PF;
        return fl;
    }

    private int shift(Insn in, long next) {
        int size = in.opSize, bits = size * 8;
        long m = mask(size);
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        int count = (int) ((in.srcKind == IMM ? in.imm : s.get(CpuState.RCX, 1)) & (size == 8 ? 63 : 31));
        if (count == 0) return NEXT;  // no result change, flags untouched
        long res, fl;
        switch (in.op) {
            case SHL -> {
                res = (a << count) & m;
                long cf = count <= bits ? (a >>> (bits - count)) & 1 : 0;
                fl = szp(res, size) | (cf != 0 ? LazyFlags.CF : 0);
                if ((((res >>> (bits - 1)) & 1) ^ cf) != 0) fl |= LazyFlags.OF;
                f.setEager(fl);
            }
            case SHR -> {
                res = count >= 64 ? 0 : a >>> count;
                long cf = (a >>> (count - 1)) & 1;
                fl = szp(res, size) | (cf != 0 ? LazyFlags.CF : 0);
                if (((a >>> (bits - 1)) & 1) != 0) fl |= LazyFlags.OF;
                f.setEager(fl);
            }
            case SAR -> {
                long sa = signExtend(a, size);
                res = (sa >> Math.min(count, 63)) & m;
                long cf = (sa >> Math.min(count - 1, 63)) & 1;
                f.setEager(szp(res, size) | (cf != 0 ? LazyFlags.CF : 0));
            }
            default -> {  // ROL, ROR: only CF and OF change
                int rc = count % bits;
                boolean left = in.op == Op.ROL;
                res = rc == 0 ? a : left ? ((a << rc) | (a >>> (bits - rc))) & m : ((a >>> rc) | (a << (bits - rc))) & m;
                long msb = (res >>> (bits - 1)) & 1;
                long cf = left ? res & 1 : msb;
                long of = left ? msb ^ cf : msb ^ ((res >>> (bits - 2)) & 1);
                long old = f.value() & ~(long) (LazyFlags.CF | LazyFlags.OF);
                f.setEager(old | (cf != 0 ? LazyFlags.CF : 0) | (of != 0 ? LazyFlags.OF : 0));
            }
        }
        return write(in, in.dstKind, in.dstReg, size, next, res);
    }

    /** SHLD/SHRD Ev,Gv by imm8 or CL: {@link DoubleShifts}; a zero count changes nothing. */
    private int shiftDouble(Insn in, long next) {
        int size = in.opSize;
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        int count = (int) ((in.hasImm ? in.imm : s.get(CpuState.RCX, 1)) & (size == 8 ? 63 : 31));
        if (count == 0) return NEXT;
        boolean left = in.op == Op.SHLD;
        long b = s.get(in.srcReg, size), res = DoubleShifts.result(left, size, a, b, count);
        int w = write(in, in.dstKind, in.dstReg, size, next, res);
        if (w != NEXT) return w;
        f.setEager((f.value() & ~(long) LazyFlags.ARITH) | DoubleShifts.flags(left, size, a, b, count, res));
        return NEXT;
    }

    /**
     * POPCNT (SDM Vol. 2B "POPCNT": ZF = source is zero, the other arithmetic flags cleared) and LZCNT (Vol. 2A
     * "LZCNT": CF = source is zero, ZF = result is zero; SF, PF, AF cleared and OF kept, as the host CPU does with
     * the flags the SDM leaves undefined: conformance/native/bits.c).
     */
    private int bitCount(Insn in, long next) {
        int size = in.opSize;
        long v = read(in, in.srcKind, in.srcReg, size, next);
        if (bus.abort != null) return abort();
        long keep = f.value() & ~(long) LazyFlags.ARITH;
        if (in.op == Op.POPCNT) {
            s.set(in.dstReg, size, Long.bitCount(v));
            f.setEager(keep | (v == 0 ? LazyFlags.ZF : 0));
        } else {
            int res = Long.numberOfLeadingZeros(v) - (64 - size * 8);
            s.set(in.dstReg, size, res);
            f.setEager(keep | (f.value() & LazyFlags.OF) | (v == 0 ? LazyFlags.CF : 0) | (res == 0 ? LazyFlags.ZF : 0));
        }
        return NEXT;
    }

    /** RCL/RCR: rotate size+1 bits (the operand and CF); only CF and (for a count of 1) OF change. */
    private int rotateThroughCarry(Insn in, long next) {
        int size = in.opSize, bits = size * 8;
        long a = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        int count = (int) ((in.srcKind == IMM ? in.imm : s.get(CpuState.RCX, 1)) & (size == 8 ? 63 : 31));
        if (count == 0) return NEXT;
        count %= bits + 1;
        long m = mask(size), msb = 1L << (bits - 1), res = a;
        boolean cf = f.cf(), of;
        if (in.op == Op.RCL) {
            for (int i = 0; i < count; i++) {
                boolean out = (res & msb) != 0;
                res = ((res << 1) | (cf ? 1 : 0)) & m;
                cf = out;
            }
            of = ((res & msb) != 0) != cf;
        } else {
            of = ((a & msb) != 0) != cf;
            for (int i = 0; i < count; i++) {
                boolean out = (res & 1) != 0;
                res = (res >>> 1) | (cf ? msb : 0);
                cf = out;
            }
        }
        long old = f.value() & ~(long) (LazyFlags.CF | LazyFlags.OF);
        f.setEager(old | (cf ? LazyFlags.CF : 0) | (of ? LazyFlags.OF : 0));
        return write(in, in.dstKind, in.dstReg, size, next, res);
    }

    /**
     * BT/BTS/BTR/BTC: CF takes the selected bit. A register bit offset into memory is signed and may reach outside
     * the operand: the access moves by whole operands (SDM "bit base, bit offset"); an immediate offset wraps.
     */
    private int bitTest(Insn in, long next) {
        int size = in.opSize, bits = size * 8;
        long offset = in.srcKind == IMM ? in.imm : s.get(in.srcReg, size);
        long ea = 0;
        long v;
        if (in.dstKind == MEM) {
            ea = ea(in, next);
            if (in.srcKind == REG) ea += (signExtend(offset, size) >> Integer.numberOfTrailingZeros(bits)) * size;
            v = bus.read(ea, size);
            if (bus.abort != null) return abort();
        } else {
            v = s.get(in.dstReg, size);
        }
        long bit = 1L << (offset & (bits - 1));
        boolean set = (v & bit) != 0;
        f.setEager((f.value() & ~(long) LazyFlags.CF) | (set ? LazyFlags.CF : 0));
        if (in.op == Op.BT) return NEXT;
        long res = in.op == Op.BTS ? v | bit : in.op == Op.BTR ? v & ~bit : v ^ bit;
        if (in.dstKind == REG) {
            s.set(in.dstReg, size, res);
            return NEXT;
        }
        bus.write(ea, size, res);
        return bus.abort != null ? abort() : NEXT;
    }

    private int imul(Insn in, long next) {
        int size = in.opSize;
        long b = read(in, in.srcKind, in.srcReg, size, next);
        if (bus.abort != null) return abort();
        long a = in.hasImm ? in.imm : s.get(in.dstReg, size);
        s.set(in.dstReg, size, multiplySigned(f, a, b, size));
        return NEXT;
    }

    /** The truncated signed product of IMUL r, r/m (, imm): CF = OF = the product did not fit; SF ZF PF of the result. */
    static long multiplySigned(LazyFlags f, long a, long b, int size) {
        long sa = signExtend(a, size), sb = signExtend(b, size);
        long lo = sa * sb;
        boolean overflow = size == 8 ? Math.multiplyHigh(sa, sb) != (lo >> 63) : signExtend(lo, size) != lo;
        long res = lo & mask(size);
        f.setEager(szp(res, size) | (overflow ? LazyFlags.CF | LazyFlags.OF : 0));
        return res;
    }

    private static final int REPEAT = 3;

    private boolean portValueReady;
    private int pendingPort;
    private long portValue;

    /** The value of the port read that the last {@link VcpuExit.PortIo} asked for; the re-executed IN takes it. */
    public void completePortRead(long value) {
        portValueReady = true;
        portValue = value;
    }

    /**
     * CMPXCHG: compares rAX with the destination; equal: ZF = 1 and the destination takes the source, else ZF = 0
     * and rAX takes the destination. With LOCK it is atomic across vCPUs (see execute).
     */
    private int cmpxchg(Insn in, long next) {
        int size = in.opSize;
        long d = read(in, in.dstKind, in.dstReg, size, next);
        if (bus.abort != null) return abort();
        long a = s.get(CpuState.RAX, size);
        boolean equal = a == d;
        // A memory destination is written either way (the old value back when they differ); a register destination
        // only when they are equal, so a failing 32-bit CMPXCHG keeps the register's upper half (what the host CPU of
        // conformance/native/insns.c does).
        if (equal || in.dstKind == MEM) {
            int w = write(in, in.dstKind, in.dstReg, size, next, equal ? s.get(in.srcReg, size) : d);
            if (w != NEXT) return w;
        }
        f.set(LazyFlags.SUB, size, a, d, (a - d) & mask(size));
        if (!equal) s.set(CpuState.RAX, size, d);
        return NEXT;
    }

    /**
     * CMPXCHG8B m64 / CMPXCHG16B m128 (REX.W) (SDM Vol. 2A "CMPXCHG8B/CMPXCHG16B"): compares EDX:EAX (RDX:RAX)
     * with the memory operand; equal: ZF = 1 and the operand takes ECX:EBX (RCX:RBX), else ZF = 0, EDX:EAX
     * (RDX:RAX) takes the operand and the processor writes the old value back. The other flags are kept. A
     * register operand is #UD (the decoder leaves it undefined); CMPXCHG16B on an address not 16-byte aligned is
     * #GP(0). With LOCK it is atomic across vCPUs (see execute).
     */
    private int cmpxchg8b(Insn in, long next) {
        int half = in.opSize == 8 ? 8 : 4;
        long addr = ea(in, next);
        if (half == 8 && (addr & 15) != 0) return generalProtection(bus.pc);
        // CMPXCHG8B reads and writes its quadword as one 8-byte access (so the alignment check sees 8 bytes).
        long lo, hi;
        if (half == 4) {
            long both = bus.read(addr, 8);
            lo = both & 0xFFFF_FFFFL;
            hi = both >>> 32;
        } else {
            lo = bus.read(addr, half);
            hi = bus.abort == null ? bus.read(addr + half, half) : 0;
        }
        if (bus.abort != null) return abort();
        boolean equal = lo == s.get(CpuState.RAX, half) && hi == s.get(CpuState.RDX, half);
        long newLo = equal ? s.get(CpuState.RBX, half) : lo, newHi = equal ? s.get(CpuState.RCX, half) : hi;
        if (half == 4) {
            bus.write(addr, 8, newLo | newHi << 32);
        } else {
            bus.write(addr, half, newLo);
            if (bus.abort == null) bus.write(addr + half, half, newHi);
        }
        if (bus.abort != null) return abort();
        f.setEager((f.value() & ~(long) LazyFlags.ZF) | (equal ? LazyFlags.ZF : 0));
        if (!equal) {
            s.set(CpuState.RAX, half, lo);
            s.set(CpuState.RDX, half, hi);
        }
        return NEXT;
    }

    private int multiply(Insn in, long next) {
        long b = read(in, in.dstKind, in.dstReg, in.opSize, next);
        if (bus.abort != null) return abort();
        MultiplyDivide.multiply(s, in.opSize, in.op == Op.IMUL1, b);
        return NEXT;
    }

    /** ABORT with {@link #exit} null means #DE. */
    private int divide(Insn in, long next) {
        long d = read(in, in.dstKind, in.dstReg, in.opSize, next);
        if (bus.abort != null) return abort();
        exit = null;
        return MultiplyDivide.divide(s, in.opSize, in.op == Op.IDIV, d) ? NEXT : ABORT;
    }

    /**
     * Iterations of a REP string instruction that one call may run: each retires as an instruction of its own, so
     * the vCPU sets the budget it has left here and adds {@link #extraRetired} (iterations beyond the one the
     * instruction's own result accounts for) to its count. At most {@link #STRING_BURST} at a time, so that
     * pending interrupts are looked at between bursts.
     */
    long budgetLeft = 1;
    int extraRetired;
    private static final int STRING_BURST = 4096;

    private int string(Insn in, long next) {
        boolean rep = (in.prefixes & (Insn.P_REP | Insn.P_REPNE)) != 0;
        long limit = rep ? Math.min(budgetLeft, STRING_BURST) : 1;
        int completed = 0;
        while (true) {
            int r = StringInstructions.step(in, s, bus);
            if (r == StringInstructions.FAULT) { extraRetired = completed; return abort(); }
            if (r == StringInstructions.DONE) { extraRetired = completed; return NEXT; }
            completed++;
            // A data breakpoint traps after the iteration that met it (SDM Vol. 3, 18.3.1.2).
            if (completed >= limit || bus.after != null || bus.dataHits != 0) { extraRetired = completed - 1; return REPEAT; }
        }
    }

    /** CR0.TS, which CLTS clears. */
    private static final long CR0_TS = 8;
    /** The eight slots POPA reads before it writes any register. */
    private final long[] popaSlots = new long[8];

    private boolean push(long v, int size) {
        long sp = (s.r[CpuState.RSP] - size) & s.stackMask();
        if (!stackCanonical(stackLinear(sp), size)) return false;
        bus.write(stackLinear(sp, size), size, v);
        if (bus.abort != null) return false;
        s.set(CpuState.RSP, s.stackSize, sp);
        return true;
    }

    private long pop(int size) {
        long sp = s.r[CpuState.RSP] & s.stackMask();
        if (!stackCanonical(stackLinear(sp), size)) return 0;
        long v = bus.read(stackLinear(sp, size), size);
        if (bus.abort == null) s.set(CpuState.RSP, s.stackSize, (sp + size) & s.stackMask());
        return v;
    }

    /**
     * Set with the #GP marker in {@link Bus#abort} when an implicit stack access (PUSH, POP, CALL, RET, LEAVE ...)
     * had a non-canonical address in 64-bit mode: {@link #abort} raises #SS(0) for it (SDM Vol. 2, the 64-bit mode
     * exceptions of PUSH and POP: "#SS(0) If the stack address is in a non-canonical form").
     */
    private boolean stackFault;

    /**
     * False, with {@link #stackFault} and the #GP marker set, when the {@code size}-byte stack access at
     * {@code linear} is not canonical (64-bit mode only).
     */
    private boolean stackCanonical(long linear, int size) {
        if (!s.longMode || (s.canonical(linear) && s.canonical(linear + size - 1))) return true;
        bus.abort = Bus.GENERAL_PROTECTION;
        stackFault = true;
        return false;
    }

    /** The linear address of stack offset {@code sp}: SS's base applies outside 64-bit mode. */
    private long stackLinear(long sp) { return s.longMode ? sp : (sp + s.segBase[CpuState.SS]) & 0xFFFF_FFFFL; }

    /** {@link #stackLinear} for a {@code size}-byte access, checked against SS's limit outside 64-bit mode (#SS(0)). */
    private long stackLinear(long sp, int size) { return s.longMode ? sp : s.linear(CpuState.SS, sp, size); }

    private int pushOp(Insn in, long next) {
        long v = read(in, in.srcKind, in.srcReg, in.opSize, next);
        if (bus.abort != null || !push(v, in.opSize)) return abort();
        return NEXT;
    }

    private int popOp(Insn in, long next) {
        long sp = s.r[CpuState.RSP];
        long v = pop(in.opSize);
        if (bus.abort != null) return abort();
        int w = write(in, in.dstKind, in.dstReg, in.opSize, next, v);
        if (w != NEXT) {
            s.r[CpuState.RSP] = sp;
            return w;
        }
        return NEXT;
    }
}
