package org.polyvisor.isa.arm64.exec;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.mmu.Translation;
import org.polyvisor.isa.arm64.platform.VirtBoard;
import org.polyvisor.isa.arm64.trap.ExceptionModel;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;
import org.polyvisor.spi.exec.RunnerTlb;

/** An AArch64 vCPU: the fetch-decode-execute loop over {@link Arm64State}, with cached decoding and a soft TLB. */
public final class Arm64Vcpu implements Vcpu {
    private static final int INSN_BYTES = 4;
    /** The run loop looks for interrupts (the timers advance with virtual time) at least this often, in instructions. */
    private static final long POLL_INTERVAL = 1024;
    /** The line {@link #raiseInterrupt} takes for FIQ; every other line drives IRQ (see {@link Interrupts}). */
    public static final int FIQ_LINE = Interrupts.FIQ_LINE;

    private final int id;
    private final Arm64State state = new Arm64State();
    private final Translation mmu;
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages code;
    /** The block runner's copy of the soft TLB's data entries: flushed with it. */
    private final RunnerTlb dataTlb = new RunnerTlb(tlb);
    private final DataBus bus;
    private final InstructionFetch fetch;
    private final Executor executor;
    private final BlockRunner runner;
    private final Interrupts interrupts;
    private final GenericTimer timer;
    private final TlbBroadcast tlbDomain;
    /** The HVM board this vCPU sits on, or null (PV, unit tests). */
    private final VirtBoard board;
    /** Raised by another vCPU's TLBI ...IS: flush before the next instruction that translates. */
    private final AtomicBoolean tlbStale;
    private long retired;

    public Arm64Vcpu(VcpuConfig config, A64Decoder decoder) {
        this.id = config.vcpuId();
        this.code = new DecodedPages(INSN_BYTES, tlb, config.memory());  // sees the other vCPUs' stores into code
        this.mmu = new Translation(state, config.memory());
        state.elChanged = this::elChanged;
        this.bus = new DataBus(config.memory(), tlb, code, mmu);
        this.fetch = new InstructionFetch(decoder, config.memory(), tlb, code, mmu, dataTlb);
        this.timer = new GenericTimer(config.clock());
        this.board = config.platform() instanceof VirtBoard b ? b : null;
        this.interrupts = board == null ? new Interrupts(state, timer) : new Interrupts(state, timer, board.gic(), id);
        SystemRegisters sys = new SystemRegisters(state, timer, id, this::translationChanged,
                board != null && board.gic() instanceof org.polyvisor.isa.arm64.platform.GicV3 v3 ? v3.cpuInterface(id) : null,
                board != null ? board.affinity() : org.polyvisor.isa.arm64.platform.CpuAffinity.XEN);
        this.tlbDomain = TlbBroadcast.of(config.memory());
        this.tlbStale = tlbDomain.join();
        SystemOperations ops = new SystemOperations(state, mmu, this::translationChanged,
                () -> tlbDomain.broadcast(tlbStale));
        this.executor = new Executor(state, bus, sys, ops, interrupts, new Atomics(state, bus, config.memory()),
                id, board == null ? null : board.psci());
        this.runner = new BlockRunner(state, bus, dataTlb, executor, fetch);
    }

    @Override public int id() { return id; }

    /** The architectural state, for Xen's vcpu_guest_context (org.polyvisor.isa.arm64.pv) to load and store. */
    public Arm64State state() { return state; }

    /**
     * SCTLR_EL1, TCR_EL1 and TTBRn_EL1 were set from outside the guest (VCPUOP_initialise): drop cached translations
     * and decoded code.
     */
    public void translationRegimeLoaded() {
        translationChanged();
        code.clear();
    }

    /**
     * Runs whole blocks ({@link BlockRunner}) until {@code budget} instructions have retired (the last block is cut
     * short to make the count exact) or an exit. Interrupts, other vCPUs' TLB invalidations and their stores into code are looked at
     * between blocks: before the first, at least every {@link #POLL_INTERVAL} instructions, and after anything that
     * may have unmasked or raised one.
     */
    @Override
    public VcpuExit run(long budget) {
        final Arm64State s = state;
        if (board != null) VirtBoard.CURRENT_CPU.set(id);
        long done = 0, nextPoll = 0;
        try {
            while (done < budget) {
                if (s.recheckInterrupts || done >= nextPoll) {
                    s.recheckInterrupts = false;
                    nextPoll = done + POLL_INTERVAL;
                    if (tlbStale.get() && tlbStale.getAndSet(false)) translationChanged();
                    if (code.sync()) dataTlb.flushWrites();  // another vCPU's code pages and stores into code
                    interrupts.deliver();
                }
                DecodedBlock block = fetch.block(s.pc);
                if (block == null) {
                    if (!s.vectorsInstalled) return fetch.exit;
                    fetchAbort();
                    done++;
                    continue;
                }
                done += runner.run(block, (int) (Math.min(budget, nextPoll) - done));
                if (runner.exit != null) {
                    VcpuExit exit = runner.exit;
                    runner.exit = null;
                    return exit;
                }
            }
            return VcpuExit.BUDGET_SPENT;
        } finally {
            retired += done;
        }
    }

    /** PC alignment fault (EC 0x22) or instruction abort (EC 0x20/0x21) for the fetch that just failed. */
    private void fetchAbort() {
        long pc = state.pc;
        long esr = fetch.misaligned
                ? ExceptionModel.esr(ExceptionModel.EC_PC_ALIGN, 0)
                : ExceptionModel.esr(state.el() == 0 ? ExceptionModel.EC_IABT_LOWER : ExceptionModel.EC_IABT_CURRENT,
                        fetch.abortFsc);
        ExceptionModel.takeSync(state, esr, pc, pc, true);
    }

    /** SCTLR_EL1, TCR_EL1, TTBRn_EL1 or MAIR_EL1 changed: cached translations may be stale. */
    private void translationChanged() {
        tlb.flush();
        dataTlb.flush();
        fetch.invalidate();
    }

    /** The soft TLB holds one permission view: a change of EL with the MMU on starts it afresh. */
    private void elChanged() {
        if (mmu.enabled()) translationChanged();
    }

    @Override public void raiseInterrupt(int line) { interrupts.raise(line); }

    @Override public void lowerInterrupt(int line) { interrupts.lower(line); }

    /**
     * Xen on ARM's event upcall: on the board, PPI 31 (GUEST_EVTCHN_PPI) becomes pending in the GIC; without one
     * (PV), the IRQ input is latched and the guest takes an IRQ exception once it has vectors and PSTATE.I clear.
     */
    @Override
    public void raiseEventUpcall() {
        if (board != null) board.gic().pend(id, VirtBoard.PPI_EVTCHN);
        else interrupts.raise(0);
    }

    @Override public boolean hasWakeEvent() { return interrupts.anyPending(); }

    /** On the board, the virtual time at which an armed generic timer fires (WFI halted); -1 otherwise. */
    @Override public long wakeDeadline() { return board == null ? -1 : timer.deadlineNanos(); }

    @Override public long retired() { return retired; }

    @Override public long pc() { return state.pc; }

    @Override public void setPc(long pc) { state.pc = pc; }

    @Override
    public long register(int number) {
        return switch (number) {
            case Arm64Registers.SP -> state.x[Reg.SP];
            case Arm64Registers.PC -> state.pc;
            case Arm64Registers.CPSR -> state.pstate();
            default -> {
                if (number < 0 || number > Arm64Registers.X30) throw new IllegalArgumentException("no arm64 register " + number);
                yield state.x[number];
            }
        };
    }

    @Override
    public void setRegister(int number, long value) {
        switch (number) {
            case Arm64Registers.SP -> state.x[Reg.SP] = value;
            case Arm64Registers.PC -> state.pc = value;
            case Arm64Registers.CPSR -> state.setPstate(value);
            default -> {
                if (number < 0 || number > Arm64Registers.X30) throw new IllegalArgumentException("no arm64 register " + number);
                state.x[number] = value;
            }
        }
    }

    @Override
    public long translate(long virtualAddress, boolean write) {
        long pa = mmu.translate(virtualAddress, write ? Translation.WRITE : Translation.READ);
        return pa == Translation.FAULT ? -1 : pa;
    }

    @Override public void completeRead(long value) { bus.completeRead(value); }

    @Override
    public VcpuState save() {
        Map<String, Long> values = new LinkedHashMap<>();
        for (Register r : Arm64Registers.SET.all()) values.put(r.name(), register(r.number()));
        return new VcpuState("arm64", values, SystemStateCodec.save(state, timer));
    }

    @Override
    public void restore(VcpuState saved) {
        if (!"arm64".equals(saved.isa())) throw new IllegalArgumentException("not an arm64 state: " + saved.isa());
        for (Register r : Arm64Registers.SET.all()) {
            if (saved.registers().get(r.name()) == null) throw new IllegalArgumentException("arm64 state lacks register " + r.name());
        }
        // PSTATE first: it selects the stack pointer bank that "sp" then writes.
        setRegister(Arm64Registers.CPSR, saved.registers().get("cpsr"));
        for (Register r : Arm64Registers.SET.all()) setRegister(r.number(), saved.registers().get(r.name()));
        SystemStateCodec.restore(saved.extra(), state, timer);
        // A restored guest may have different code and mappings: start from empty caches.
        tlb.flush();
        dataTlb.flush();
        code.clear();
        fetch.invalidate();
    }
}
