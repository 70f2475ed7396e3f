package org.polyvisor.isa.x86.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polyvisor.isa.x86.decode.CodeSource;
import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.mmu.Mmu;
import org.polyvisor.isa.x86.pv.BounceFrame;
import org.polyvisor.isa.x86.pv.PvCallbacks;
import org.polyvisor.isa.x86.pv.PvHypercalls;
import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.VirtualClock;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * An x86 vCPU: fetch through the per-page cache of decoded instructions, execute with {@link FastPath} (runs of
 * common instructions) or {@link Interpreter} (everything).
 * Registers are numbered as {@link X86RegisterLayout} says: the GPRs, the instruction pointer, EFLAGS, the six
 * segment selectors and CR0. A saved state carries the x87/SSE state (XMM0-XMM15, MXCSR, the FPU stack) as its
 * opaque part, in the 512-byte FXSAVE format. The x86_64 backend builds the same class with its decoder, layout and trap model.
 */
public class X86Vcpu implements Vcpu {
    private final String isa;
    private final int id;
    private final GuestMemory memory;
    private final X86RegisterLayout layout;
    private final Decoder decoder;
    private final Mmu mmu;
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages decoded;
    private final Bus bus;
    private final Interpreter interpreter;
    private final FastPath fast;
    protected final CpuState state;
    private final CodeSource fetch = this::fetchByte;

    private long retired;
    /** The code size the decoded-instruction cache was filled for; a mode switch empties the cache. */
    private int decodedCodeSize;
    private long curGfn = -1;
    private Object[] curSlots;
    /** The linear page number whose instructions {@link #curSlots} holds, and the {@link Bus#epoch} it was mapped in. */
    private long fetchPage = -1;
    private int fetchEpoch;

    public X86Vcpu(String isa, int id, GuestMemory memory, X86RegisterLayout layout, Decoder decoder, TrapModel traps) {
        this(isa, id, memory, layout, decoder, traps, () -> 0);
    }

    /** With the domain's virtual clock, which the time-stamp counter follows (1 GHz: one tick a nanosecond). */
    public X86Vcpu(String isa, int id, GuestMemory memory, X86RegisterLayout layout, Decoder decoder, TrapModel traps,
            VirtualClock clock) {
        this.isa = isa;
        this.id = id;
        this.memory = memory;
        this.decoded = new DecodedPages(1, tlb, memory);  // sees the other vCPUs' stores into code
        this.layout = layout;
        this.decoder = decoder;
        this.state = new CpuState(decoder.longMode());
        this.mmu = new Mmu(state, memory);
        this.bus = new Bus(memory, tlb, decoded, mmu, state);
        this.interpreter = new Interpreter(state, bus, traps, fetch, new Cpuid(decoder.longMode(), id));
        interpreter.attachMmu(mmu);
        this.fast = new FastPath(state, bus, interpreter);
        this.state.clock = clock;
        this.decodedCodeSize = state.codeSize;
        this.callbacks = traps.guestType() == org.polyvisor.spi.GuestType.PV ? new PvCallbacks(decoder.longMode()) : null;
        this.pv = callbacks == null ? null : new PvHypercalls(state, bus, memory, callbacks, decoder.longMode(), id);
        if (pv != null) pv.upcallBy(this::raiseEventUpcall);
    }

    /** A PV guest's MMU, trap and CPU-state hypercalls ({@link #archHypercall}), or null for an HVM guest. */
    private final PvHypercalls pv;

    /** The PV hypercalls of this vCPU, or null (HVM). */
    public PvHypercalls pv() { return pv; }

    /** Xen's x86 PV arch hypercalls ({@link PvHypercalls}); an HVM guest has none. */
    @Override
    public long archHypercall(long op, long[] args) { return pv == null ? NOT_ARCH : pv.call(op, args); }

    /** VCPUOP_register_vcpu_info: the PV bounce and iret code follow the vcpu_info ({@link PvCallbacks#modes}). */
    @Override
    public void vcpuInfoMoved(long address) { if (callbacks != null) callbacks.modes.moveVcpuInfo(address); }

    /** A PV guest's registered callbacks (vCPU state, like Xen's arch_vcpu), or null for an HVM guest. */
    private final PvCallbacks callbacks;

    /** The PV callbacks this vCPU's guest registered, or null (HVM). */
    public PvCallbacks callbacks() { return callbacks; }

    /** INIT/RESET: the architectural reset state (real mode at F000:FFF0, {@link CpuState#resetReal}). */
    public void reset() {
        state.resetReal();
        bus.flushTlb();
    }

    /** The architectural state, for the boot protocol of this module. */
    public CpuState state() { return state; }

    /** The guest's memory (a context's frame numbers are checked against it). */
    public GuestMemory memory() { return memory; }

    /** After the state was replaced wholesale (a loaded context): forget translations and decoded code. */
    public void stateReplaced() {
        state.updateMode();
        decoded.clear();
        bus.flushTlb();
        curGfn = -1;
        curSlots = null;
        fetchPage = -1;
    }

    @Override public int id() { return id; }

    /**
     * Runs up to {@code budget} instructions. A PV guest's callback_op and set_callbacks hypercalls are answered
     * here without an exit ({@link PvCallbacks}: the registrations are this vCPU's architectural state); every
     * other hypercall leaves as {@link VcpuExit#HYPERCALL} for the kernel.
     */
    @Override
    public VcpuExit run(long budget) {
        long start = retired;
        if (pv != null && pv.takeFlushRequest()) bus.flushTlb();  // another vCPU's TLB_FLUSH_ALL / INVLPG_ALL
        while (true) {
            VcpuExit e = runSlice(budget - (retired - start));
            if (e != VcpuExit.HYPERCALL || callbacks == null || !callbacks.handle(state, bus)) return e;
            if (retired - start >= budget) { lastExit = VcpuExit.BUDGET_SPENT; return VcpuExit.BUDGET_SPENT; }
        }
    }

    private VcpuExit runSlice(long budget) {
        long done = 0;
        VcpuExit result = VcpuExit.BUDGET_SPENT;
        LocalInterrupts board = this.board;
        if (board != null) board.poll();  // HVM: the board's timers that are due raise their vectors now
        long nextSync = 0;
        while (done < budget) {
            if (done >= nextSync) {  // other vCPUs' stores into code (cross-modifying code), every so often
                nextSync = done + FAST_RUN;
                decoded.sync();
            }
            if (pendingCount != 0 && retired + done > shadowEnd && state.flags.interruptsEnabled()) {
                if (upcall && BounceFrame.ready(callbacks, state) && takeUpcall()) {
                    if (!BounceFrame.deliver(callbacks, state, bus)) {
                        result = new VcpuExit.Fault("event upcall: the bounce frame does not fit the guest stack at 0x"
                                + Long.toHexString(state.r[CpuState.RSP]), state.rip);
                        break;
                    }
                } else if (vectorCount != 0 && state.idtInstalled()) {
                    int vector = takePending();
                    if (board != null) vector = board.acknowledge(vector);  // INTA: the controller sets its ISR
                    if (interpreter.externalInterrupt(vector) != Interpreter.DELIVERED) { result = interpreter.exit; break; }
                }
            }
            long pc = state.rip;
            long linear = state.longMode ? pc : (pc + state.segBase[CpuState.CS]) & 0xFFFF_FFFFL;
            Object slot;
            // The current code page's slots serve while its translation stands (same page, TLB epoch and mode).
            if ((linear >>> 12) != fetchPage || bus.epoch != fetchEpoch || state.codeSize != decodedCodeSize
                    || (slot = curSlots[(int) linear & 0xFFF]) == null) slot = fetchDecoded(pc);
            if (slot == null) {
                if (fetchFaultCode >= 0) {  // #PF on the fetch (or #GP for a non-canonical RIP): delivered or fatal
                    int d = fetchFaultCode == NON_CANONICAL ? interpreter.generalProtection(pc)
                            : interpreter.pageFault(faultAddress, fetchFaultCode, pc);
                    if (d == Interpreter.DELIVERED) { done++; continue; }
                    result = interpreter.exit;
                    break;
                }
                result = new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(faultAddress), pc);
                break;
            }
            if (state.flags.trapFlag()) slot = Block.first(slot);  // single-stepping: one instruction at a time, #DB after each
            else if (!(slot instanceof Block) && ((Insn) slot).fast != FastPath.GENERAL) slot = blockAt((Insn) slot, pc, linear);
            if (slot instanceof Block block) {  // straight-line runs of fast instructions on this page
                // An interrupt held off only by the STI / MOV SS shadow is taken after one instruction.
                int max = pendingCount != 0 && retired + done <= shadowEnd ? 1 : (int) Math.min(budget - done, FAST_RUN);
                if (block.insns <= max) {  // blocks run whole; one that does not fit goes one instruction at a time
                    done += fast.run(block, pc, curSlots, fetchPage, max);
                    int st = fast.status;
                    if (st == Interpreter.NEXT) continue;
                    if (st == Interpreter.DELIVERED) { done++; continue; }
                    result = interpreter.exit;
                    break;
                }
                slot = Block.first(block);
            }
            interpreter.budgetLeft = budget - done;
            int r = interpreter.execute((Insn) slot, pc);
            done += interpreter.extraRetired;  // the further iterations of a REP string instruction
            interpreter.extraRetired = 0;
            if (r == Interpreter.DELIVERED) { done++; continue; }
            if (r == Interpreter.NEXT) {
                done++;
                if (state.interruptShadow) { state.interruptShadow = false; shadowEnd = retired + done; }
                continue;
            }
            if (r == Interpreter.EXIT) done++;
            result = interpreter.exit;
            break;
        }
        retired += done;
        lastExit = result;
        return result;
    }

    /** The most instructions one fast run retires before pending interrupts are looked at again. */
    private static final int FAST_RUN = 256;

    /** Pending external interrupt vectors, one bit each (an APIC's IRR, without priorities: highest first). */
    private final long[] pending = new long[4];
    /**
     * Read once per instruction by the vCPU thread; written under the lock by whoever raises a line: the pending
     * vectors ({@link #vectorCount}) plus one for a pending event upcall ({@link #upcall}).
     */
    private volatile int pendingCount;
    /** How many vectors {@link #pending} holds (under the lock). */
    private int vectorCount;
    /** A PV event upcall waits for the guest to be able to take it (read after {@link #pendingCount}). */
    private boolean upcall;

    /**
     * Xen's PV event upcall: when the guest registered an event callback it is bounced there ({@link BounceFrame})
     * as soon as the kernel runs at CPL 0 with IF = 1; without a callback nothing happens (the guest polls).
     */
    @Override
    public synchronized void raiseEventUpcall() {
        if (callbacks == null || !callbacks.eventRegistered() || upcall) return;
        upcall = true;
        pendingCount++;
    }

    private synchronized boolean takeUpcall() {
        if (!upcall) return false;
        upcall = false;
        pendingCount--;
        return true;
    }
    /** Instruction count up to which the STI / MOV SS shadow holds interrupts off. */
    private long shadowEnd = -1;

    /**
     * Makes external interrupt {@code line} (the vector, 0-255) pending. It is taken at an instruction boundary
     * when EFLAGS.IF = 1, no STI/MOV SS shadow is in force and the guest installed an IDT; until then it waits.
     */
    @Override
    public synchronized void raiseInterrupt(int line) {
        int v = line & 0xFF;
        long bit = 1L << (v & 63);
        if ((pending[v >>> 6] & bit) == 0) {
            pending[v >>> 6] |= bit;
            vectorCount++;
            pendingCount++;
        }
    }

    /** The HVM board's interrupt controllers and timers for this vCPU, or null (PV, unit tests). */
    private volatile LocalInterrupts board;

    /** Attaches an HVM board's controllers: polled at each run, told of each interrupt taken. */
    public void attach(LocalInterrupts board) {
        this.board = board;
        state.platform = board;
    }

    /** Withdraws a vector a controller posted and the vCPU has not taken yet (masked, or a higher one replaced it). */
    @Override
    public synchronized void lowerInterrupt(int line) {
        int v = line & 0xFF;
        long bit = 1L << (v & 63);
        if ((pending[v >>> 6] & bit) != 0) {
            pending[v >>> 6] &= ~bit;
            vectorCount--;
            pendingCount--;
        }
    }

    /** A posted vector ends HLT (the guest takes it when EFLAGS.IF allows). */
    @Override public boolean hasWakeEvent() { return pendingCount != 0; }

    @Override
    public long wakeDeadline() {
        LocalInterrupts b = board;
        return b == null ? -1 : b.wakeDeadline();
    }

    private synchronized int takePending() {
        for (int w = 3; w >= 0; w--) {
            if (pending[w] != 0) {
                int b = 63 - Long.numberOfLeadingZeros(pending[w]);
                pending[w] &= ~(1L << b);
                vectorCount--;
                pendingCount--;
                return w * 64 + b;
            }
        }
        return 0;
    }

    private long faultAddress;
    private VcpuExit lastExit;

    private static final int NON_CANONICAL = 1 << 30;
    /** After a failed fetch: the #PF error code, {@link #NON_CANONICAL}, or -1 when the code lies outside RAM. */
    private int fetchFaultCode = -1;

    /**
     * The guest-physical address of an instruction byte: the TLB's FETCH entry, else a walk with fetch rights at
     * the current privilege level (filling the TLB); -1 with {@link #fetchFaultCode} set when it faults.
     */
    private long fetchAddress(long va) {
        MemorySegment hit = tlb.lookup(SoftTlb.FETCH, va);
        if (hit != null) return (tlb.frame(SoftTlb.FETCH, va) << 12) | (va & 0xFFF);
        if (!state.canonical(va)) { fetchFaultCode = NON_CANONICAL; return -1; }
        long gpa = mmu.translate(va, Mmu.FETCH, state.cpl() == 3);
        if (gpa < 0) { fetchFaultCode = mmu.errorCode; return -1; }
        MemorySegment p = memory.page(gpa >>> 12);
        if (p == null) { fetchFaultCode = -1; return -1; }
        bus.fill(SoftTlb.FETCH, va, gpa >>> 12, p);
        return gpa;
    }

    /**
     * The decoded slot at {@code pc} (an {@link Insn} or a {@link Block}), from the page cache or freshly decoded;
     * null when it cannot be fetched. Makes the page of {@code pc} the current one ({@link #curSlots}).
     */
    private Object fetchDecoded(long pc) {
        fetchFaultCode = -1;
        if (state.codeSize != decodedCodeSize) {  // real/protected/long mode switch: decode afresh in the new mode
            decodedCodeSize = state.codeSize;
            decoder.setCodeSize(decodedCodeSize);
            decoded.clear();
            curGfn = -1;
            fetchPage = -1;
        }
        long linear = state.longMode ? pc : (pc + state.segBase[CpuState.CS]) & 0xFFFF_FFFFL;
        long gpa = fetchAddress(linear);
        if (gpa < 0) { faultAddress = linear; return null; }
        long gfn = gpa >>> 12;
        if (gfn != curGfn) {
            curSlots = decoded.slots(gfn);
            curGfn = gfn;
        }
        fetchPage = linear >>> 12;
        fetchEpoch = bus.epoch;
        int slot = (int) (gpa & 0xFFF);
        Object cached = curSlots[slot];
        if (cached != null) return cached;
        Insn in = new Insn();
        decoder.decode(fetch, linear, in);
        if (in.truncated) { faultAddress = in.faultAddress; fetchPage = -1; return null; }
        in.fast = FastPath.classify(in);
        long lastGpa = fetchAddress(linear + in.length - 1);
        if (lastGpa >>> 12 != gfn) decoded.slots(lastGpa >>> 12);  // stores into the tail page must invalidate too
        curSlots[slot] = in;
        return in;
    }

    /** Gathers the instructions of a {@link Block}; blocks are copied out of it. */
    private final Insn[] blockBuffer = new Insn[Block.MAX_INSNS];

    /**
     * The block that starts with the fast instruction {@code first} at {@code pc} (linear {@code linear}, on the
     * current page), made from the decoded slots after it (decoding those not decoded yet) and put in its slot;
     * {@code first} itself where no block may start (the page's last bytes).
     */
    private Object blockAt(Insn first, long pc, long linear) {
        int start = (int) linear & 0xFFF;
        if (start > Block.PAGE_TAIL) return first;
        Insn[] buf = blockBuffer;
        int n = 0, off = start;
        Insn in = first;
        while (true) {
            buf[n++] = in;
            if (Block.endsAfter(in) || n == Block.MAX_INSNS) break;
            long next = pc + in.length;
            if ((next & state.ipMask) != next) break;  // the instruction pointer wraps (16-bit code)
            off += in.length;
            if (off > Block.PAGE_TAIL) break;
            Object o = curSlots[off];
            Insn after = o != null ? Block.first(o) : decodeInPage(linear + (off - start), off);
            if (after == null || after.fast == FastPath.GENERAL || off + after.length - start > Block.MAX_BYTES) break;
            in = after;
            pc = next;
        }
        Block b = new Block(buf, n, state.longMode);
        curSlots[start] = b;
        return b;
    }

    /** Decodes the instruction at {@code linear} (offset {@code off} of the current page, not its last bytes) into its slot. */
    private Insn decodeInPage(long linear, int off) {
        Insn in = new Insn();
        decoder.decode(fetch, linear, in);
        if (in.truncated) return null;
        in.fast = FastPath.classify(in);
        curSlots[off] = in;
        return in;
    }

    private int fetchByte(long va) {
        long gpa = fetchAddress(va);
        MemorySegment p = gpa < 0 ? null : memory.page(gpa >>> 12);
        return p == null ? -1 : p.get(ValueLayout.JAVA_BYTE, gpa & 0xFFF) & 0xFF;
    }

    @Override public long retired() { return retired; }

    @Override public long pc() { return state.rip; }

    @Override public void setPc(long pc) { state.rip = pc & state.addressMask; }

    @Override
    public long register(int number) {
        int g = layout.gprCount();
        if (number >= 0 && number < g) return state.r[number];
        if (number == layout.pc()) return state.rip;
        if (number == layout.flags()) return state.flags.value();
        if (number >= layout.segment(0) && number < layout.segment(0) + 6) return state.seg[number - layout.segment(0)];
        if (number == layout.cr0()) return state.cr0;
        return switch (number - layout.cr0()) {
            case 1 -> state.cr2;
            case 2 -> state.cr3;
            case 3 -> state.cr4;
            case 4 -> state.gdtBase;
            case 5 -> state.gdtLimit;
            case 6 -> state.idtBase;
            case 7 -> state.idtLimit;
            case 8 -> state.ldtr;
            case 9 -> state.tr;
            default -> throw new IllegalArgumentException(isa + ": no register number " + number);
        };
    }

    /** The system registers after CR0 (see {@link X86RegisterLayout#SYSTEM}); false for another number. */
    private boolean setSystem(int number, long value) {
        switch (number - layout.cr0()) {
            case 1 -> state.cr2 = value;
            case 2 -> state.cr3 = value;
            case 3 -> state.cr4 = value;
            case 4 -> state.gdtBase = value;
            case 5 -> state.gdtLimit = (int) value & 0xFFFF;
            case 6 -> state.idtBase = value;
            case 7 -> state.idtLimit = (int) value & 0xFFFF;
            case 8 -> state.ldtr = (int) value & 0xFFFF;
            case 9 -> state.tr = (int) value & 0xFFFF;
            default -> { return false; }
        }
        return true;
    }

    @Override
    public void setRegister(int number, long value) {
        int g = layout.gprCount();
        long m = state.addressMask;
        if (number >= 0 && number < g) state.r[number] = value & m;
        else if (number == layout.pc()) state.rip = value & m;
        else if (number == layout.flags()) {
            state.flags.load(value & 0xFFFF_FFFFL);
            state.updateMode();  // EFLAGS.VM enters or leaves virtual-8086 mode
        }
        else if (number >= layout.segment(0) && number < layout.segment(0) + 6) {
            int sreg = number - layout.segment(0);
            if (state.paragraphSegments()) state.loadReal(sreg, (int) value);  // real/virtual-8086 mode: base = selector * 16
            else state.seg[sreg] = (int) value & 0xFFFF;
        }
        else if (number == layout.cr0()) state.cr0 = value & 0xFFFF_FFFFL;
        else if (!setSystem(number, value)) throw new IllegalArgumentException(isa + ": no register number " + number);
        bus.syncAlignmentCheck();  // EFLAGS.AC, CR0.AM or CPL may have changed (not on the run loop's path)
    }

    @Override
    public long translate(long virtualAddress, boolean write) { return mmu.translate(virtualAddress, write); }

    /** Answers the read of the last exit: a port read (IN) or an MMIO load. */
    @Override
    public void completeRead(long value) {
        if (lastExit instanceof VcpuExit.PortIo) interpreter.completePortRead(value);
        else bus.completeRead(value);
    }

    @Override
    public VcpuState save() {
        Map<String, Long> regs = new LinkedHashMap<>();
        for (Register r : layout.set().all()) regs.put(r.name(), register(r.number()));
        byte[] fpu = new byte[512];  // the x87, MXCSR and XMM0-XMM15 as the FXSAVE image (64-bit pointer format)
        new FxImage(state).write(fpu, true, 16);
        return new VcpuState(isa, regs, fpu);
    }

    @Override
    public void restore(VcpuState saved) {
        if (!isa.equals(saved.isa())) throw new IllegalArgumentException("state of ISA " + saved.isa() + " given to an " + isa + " vCPU");
        RegisterSet set = layout.set();
        for (Map.Entry<String, Long> e : saved.registers().entrySet()) {
            Register r = set.byName(e.getKey()).orElseThrow(() -> new IllegalArgumentException(isa + ": no register " + e.getKey()));
            setRegister(r.number(), e.getValue());
        }
        byte[] fpu = saved.extra();
        if (fpu.length == 512 && !new FxImage(state).read(fpu, true, 16))
            throw new IllegalArgumentException(isa + ": saved MXCSR 0x" + Long.toHexString(FxImage.get(fpu, 24, 4)) + " has reserved bits set");
        decoded.clear();
        bus.flushTlb();
        curGfn = -1;
        curSlots = null;
        fetchPage = -1;
    }
}
