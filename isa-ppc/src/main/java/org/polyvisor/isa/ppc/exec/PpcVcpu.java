package org.polyvisor.isa.ppc.exec;

import java.util.LinkedHashMap;
import java.util.Map;

import org.polyvisor.isa.ppc.PpcRegisters;
import org.polyvisor.isa.ppc.mmu.ClassicMmu;
import org.polyvisor.isa.ppc.mmu.Mmu;
import org.polyvisor.isa.ppc.platform.OpenPic;
import org.polyvisor.isa.ppc.platform.PpcBoard;
import org.polyvisor.isa.ppc.trap.ExceptionEntry;
import org.polyvisor.isa.ppc.trap.InstalledVectors;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.isa.ppc.trap.Vectors;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * One PowerPC vCPU: runs blocks of straight-line code ({@link Block}), looked up by {@link BlockCache} and executed by
 * {@link BlockRunner}, and takes the exceptions they end with. See the package documentation for the design.
 * <p>Exceptions: a unit records a synchronous exception in {@link PpcCpu} and returns {@code PpcTraps.RAISED}; the
 * run loop delivers it at its vector if the guest installed one ({@code trap.InstalledVectors}) or ends the run
 * with the crash fault. The decrementer and external interrupts are looked at between slices of at least
 * {@link #POLL_INTERVAL} instructions (at a block boundary) and right after every system instruction (mtmsr, rfi,
 * mtdec...), which ends its block, while MSR[EE] = 1, so one made deliverable by an rfi or mtmsr that sets EE is
 * taken before the next instruction. Xen's event upcall of a PV domain is the external interrupt too
 * ({@link #raiseEventUpcall}). A change of MSR[PR/IR/DR] or of the MMU registers flushes the software TLB.
 */
public final class PpcVcpu implements Vcpu {
    private static final long LOW32 = 0xffff_ffffL;

    private final int id;
    private final GuestMemory memory;
    private final PpcCpu cpu = new PpcCpu();
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages code;
    private final ClassicMmu mmu;
    private final TimeBase timeBase;
    private final DataBus bus;
    private final LoadStoreUnit loadStore;
    private final FloatingPointUnit floatingPoint;
    private final VectorUnit vector;
    private final SystemUnit system;
    private final BlockCache blocks;
    private final BlockRunner runner;
    /** The HVM board's interrupt controller, polled for its timers; null for PV domains and tests without a board. */
    private final OpenPic pic;
    /** An external interrupt was raised and not yet taken (edge-triggered: {@link #raiseInterrupt}). */
    private volatile boolean externalPending;
    /** Xen's event upcall was raised and not yet taken at 0x500 ({@link #raiseEventUpcall}). */
    private volatile boolean upcallPending;

    public PpcVcpu(VcpuConfig config) {
        this.id = config.vcpuId();
        this.memory = config.memory();
        this.code = new DecodedPages(4, tlb, memory);  // sees the other vCPUs' stores into code
        this.mmu = new ClassicMmu(memory);
        this.timeBase = new TimeBase(config.clock());
        this.bus = new DataBus(cpu, memory, tlb, code, mmu);
        this.loadStore = new LoadStoreUnit(cpu, bus);
        this.floatingPoint = new FloatingPointUnit(cpu, bus);
        this.vector = new VectorUnit(cpu, bus);
        this.system = new SystemUnit(cpu, mmu, timeBase);
        this.blocks = new BlockCache(cpu, memory, tlb, code, mmu);
        this.runner = new BlockRunner(cpu, blocks, bus, loadStore, floatingPoint, vector, system);
        this.pic = config.platform() instanceof PpcBoard board ? board.pic() : null;
    }

    /** The domain's guest-physical memory this vCPU runs in. */
    public GuestMemory memory() { return memory; }

    /** The MMU state (BATs, segment registers, SDR1), for tests in this module. */
    public ClassicMmu mmu() { return mmu; }

    /** The architectural state, for the boot protocol and tests in this module. */
    public PpcCpu cpu() { return cpu; }

    @Override public int id() { return id; }

    /**
     * Instructions between two looks at the asynchronous exceptions (decrementer, external) when nothing changed;
     * the look waits for the end of the block that crosses it.
     */
    private static final long POLL_INTERVAL = 256;

    @Override
    public VcpuExit run(long budget) {
        PpcCpu c = cpu;
        if (c.translationChanged) translationChanged();
        long done = 0;
        while (done < budget) {
            // Asynchronous exceptions are looked at between slices of blocks, so the blocks carry no extra test.
            if (pic != null) pic.poll();
            if (code.sync()) blocks.dataTlb.flushWrites();  // another vCPU's code pages and stores into code
            if ((c.msr & PpcCpu.MSR_EE) != 0) takeAsynchronous();
            long left = budget - done;
            done += runner.run(Math.min(POLL_INTERVAL, left), left);
            // mtmsr, rfi, mtsr, tlbie... may have changed the translation
            if (c.translationChanged) translationChanged();
            VcpuExit exit = runner.exit;
            if (exit != null) {
                runner.exit = null;
                if (exit != PpcTraps.RAISED && !(exit instanceof VcpuExit.Fault)) return exit;
                done++;
                VcpuExit unhandled = exception(exit, c.pc);
                if (unhandled != null) return unhandled;
            }
        }
        return VcpuExit.BUDGET_SPENT;
    }

    /**
     * The instruction at {@code cia} raised an exception ({@link PpcTraps#RAISED}) or failed with a fault: delivers
     * the exception into the guest and returns null, or returns the fault that ends the run (pc left at {@code cia}).
     */
    private VcpuExit exception(VcpuExit exit, long cia) {
        PpcCpu c = cpu;
        c.pc = cia;
        if (exit != PpcTraps.RAISED) {
            VcpuExit.Fault f = (VcpuExit.Fault) exit;
            return f.pc() == cia ? f : new VcpuExit.Fault(f.reason(), cia);
        }
        VcpuExit unhandled = takeSynchronous(cia);
        if (unhandled == null && c.raisedVector == Vectors.SYSTEM_CALL) c.retired++;
        return unhandled;
    }

    /**
     * Delivers the exception a unit or the fetch recorded in the CPU, if the guest installed its vector
     * ({@link InstalledVectors}); otherwise returns the crash fault and leaves the pc at the instruction.
     */
    private VcpuExit takeSynchronous(long cia) {
        PpcCpu c = cpu;
        int vector = c.raisedVector;
        if (!InstalledVectors.installed(memory, c.msr, vector))
            return PpcTraps.unhandled(vector, c.raisedCauses, c.raisedWord, c.dar, cia);
        long causes = switch (vector) {
            case Vectors.DSI -> 0;                      // the causes went to DSISR; SRR1 only saves the MSR
            default -> c.raisedCauses;
        };
        long resumeAt = vector == Vectors.SYSTEM_CALL ? cia + 4 : c.raisedResume >= 0 ? c.raisedResume : cia;
        ExceptionEntry.enter(c, vector, resumeAt, causes);
        if (c.translationChanged) translationChanged();
        return null;
    }

    /**
     * With MSR[EE] = 1: the external interrupt (0x500) first (the board's input, then Xen's event upcall), then the
     * decrementer (0x900), if installed. SRR0 is the next instruction to execute, SRR1 the MSR with no cause bits.
     */
    private void takeAsynchronous() {
        PpcCpu c = cpu;
        boolean external = externalPending, upcall = !external && upcallPending && upcallLevel();
        if ((external || upcall) && InstalledVectors.installed(memory, c.msr, Vectors.EXTERNAL)) {
            if (external) externalPending = false;
            else upcallPending = false;
            ExceptionEntry.enter(c, Vectors.EXTERNAL, c.pc, 0);
            if (c.translationChanged) translationChanged();
        } else if (timeBase.decrementerPending() && InstalledVectors.installed(memory, c.msr, Vectors.DECREMENTER)) {
            timeBase.acknowledge();
            ExceptionEntry.enter(c, Vectors.DECREMENTER, c.pc, 0);
            if (c.translationChanged) translationChanged();
        }
    }

    /**
     * The MSR's translation or privilege bits, or the MMU state, changed: tell the MMU the mode and drop every
     * cached translation (the software TLB caches no privilege or mode, so it holds one mode's entries at a time).
     */
    private void translationChanged() {
        PpcCpu c = cpu;
        c.translationChanged = false;
        long msr = c.msr;
        mmu.setMode((msr & PpcCpu.MSR_IR) != 0, (msr & PpcCpu.MSR_DR) != 0, (msr & PpcCpu.MSR_PR) != 0);
        tlb.flush();
        blocks.forget();
    }

    /**
     * The external interrupt input: raised, it is remembered until the guest takes the external interrupt with
     * MSR[EE] = 1 (or until lowered first: the HVM board's OpenPIC drives it as a level). Callable from any thread.
     */
    @Override public void raiseInterrupt(int line) { externalPending = true; }

    @Override public void lowerInterrupt(int line) { externalPending = false; }

    /**
     * Xen's event upcall for a PV guest, which has no callback registration on this ISA: the external interrupt at
     * 0x500 (SRR0 = the next instruction, SRR1 = the MSR), taken as soon as MSR[EE] = 1 and the guest has installed
     * that vector ({@link InstalledVectors}). It stays latched while the guest cannot take it (EE = 0, no handler)
     * and is consumed by the entry; but it is taken only while Xen's level holds (evtchn_upcall_pending set and
     * unmasked, {@link #setEventUpcallLevel}): a guest that masked upcalls, or cleared upcall_pending, after the raise
     * does not see it. The kernel raises it again on every return from a hypercall while the level holds, so a
     * handler must clear upcall_pending (then scan pending_sel and evtchn_pending); one that returns with rfi without
     * clearing it is entered again at its next hypercall.
     * Callable from any thread.
     */
    @Override public void raiseEventUpcall() { upcallPending = true; }

    /** Xen's upcall level (Vcpu.setEventUpcallLevel); null until the kernel gives it (then the latch alone counts). */
    private volatile java.util.function.BooleanSupplier upcallLevel;

    @Override public void setEventUpcallLevel(java.util.function.BooleanSupplier level) { upcallLevel = level; }

    /**
     * Asked when a latched upcall is about to be taken (or ends a wait): Xen's level, evtchn_upcall_pending set and
     * unmasked. A latch whose level went low (the guest cleared upcall_pending or masked upcalls since the raise) is
     * dropped, so the guest never takes a stale upcall; the kernel raises it again when the level rises.
     */
    private boolean upcallLevel() {
        java.util.function.BooleanSupplier level = upcallLevel;
        if (level == null || level.getAsBoolean()) return true;
        upcallPending = false;
        return false;
    }

    @Override public boolean hasWakeEvent() { return externalPending || (upcallPending && upcallLevel()); }

    /** The decrementer as mfdec reads it (for the vCPU context). */
    public long decrementer() { return timeBase.decrementer(); }

    /** Sets the decrementer as mtdec does (for the vCPU context). */
    public void setDecrementer(long value) { timeBase.setDecrementer(value); }

    @Override public long retired() { return cpu.retired; }

    @Override public long pc() { return cpu.pc; }

    /** Instruction addresses are word aligned: the two low bits of a new pc are dropped, as a branch drops them. */
    @Override public void setPc(long pc) { cpu.pc = pc & 0xffff_fffcL; }

    @Override
    public long register(int n) {
        PpcCpu c = cpu;
        long v = switch (n) {
            case PpcRegisters.PC -> c.pc;
            case PpcRegisters.LR -> c.lr;
            case PpcRegisters.CTR -> c.ctr;
            case PpcRegisters.CR -> c.cr;
            case PpcRegisters.XER -> c.xer;
            case PpcRegisters.MSR -> c.msr;
            case PpcRegisters.SRR0 -> c.srr0;
            case PpcRegisters.SRR1 -> c.srr1;
            default -> {
                if (n < 0 || n >= PpcRegisters.COUNT) throw new IllegalArgumentException("no ppc register " + n);
                yield c.gpr[n];
            }
        };
        return v & LOW32;
    }

    @Override
    public void setRegister(int n, long value) {
        PpcCpu c = cpu;
        switch (n) {
            case PpcRegisters.PC -> setPc(value);
            case PpcRegisters.LR -> c.lr = value;
            case PpcRegisters.CTR -> c.ctr = value;
            case PpcRegisters.CR -> c.cr = (int) value;
            case PpcRegisters.XER -> c.xer = value & LOW32;
            case PpcRegisters.MSR -> { c.msr = value & PpcCpu.MSR_WRITABLE; c.translationChanged = true; }
            case PpcRegisters.SRR0 -> c.srr0 = value;
            case PpcRegisters.SRR1 -> c.srr1 = value;
            default -> {
                if (n < 0 || n >= PpcRegisters.COUNT) throw new IllegalArgumentException("no ppc register " + n);
                c.gpr[n] = value;
            }
        }
    }

    @Override
    public long translate(long virtualAddress, boolean write) {
        if (cpu.translationChanged) translationChanged();
        return mmu.translate(virtualAddress, write ? Mmu.WRITE : Mmu.READ);
    }

    @Override public void completeRead(long value) { loadStore.completeRead(value); }

    /** Every register at its full internal width (GPRs are 64-bit), so a round trip loses nothing. */
    @Override
    public VcpuState save() {
        Map<String, Long> m = new LinkedHashMap<>();
        PpcCpu c = cpu;
        for (int n = 0; n < 32; n++) m.put(PpcRegisters.name(n), c.gpr[n]);
        m.put("pc", c.pc);
        m.put("lr", c.lr);
        m.put("ctr", c.ctr);
        m.put("cr", c.cr & LOW32);
        m.put("xer", c.xer);
        m.put("msr", c.msr);
        m.put("srr0", c.srr0);
        m.put("srr1", c.srr1);
        m.put("dar", c.dar);
        m.put("dsisr", c.dsisr);
        for (int n = 0; n < 4; n++) m.put("sprg" + n, c.sprg[n]);
        m.put("hid0", c.hid0);
        m.put("hid1", c.hid1);
        long[] time = timeBase.save();
        m.put("tb", time[0]);
        m.put("dec", time[1]);
        m.put("dec_state", time[2]);
        m.put("sdr1", mmu.pageTable().sdr1());
        for (int n = 0; n < 16; n++) m.put("sr" + n, mmu.segments().get(n) & LOW32);
        for (int n = 0; n < 4; n++) {
            m.put("ibat" + n + "u", mmu.ibat().upper(n));
            m.put("ibat" + n + "l", mmu.ibat().lower(n));
            m.put("dbat" + n + "u", mmu.dbat().upper(n));
            m.put("dbat" + n + "l", mmu.dbat().lower(n));
        }
        for (int n = 0; n < 32; n++) m.put("f" + n, c.fpr[n]);
        m.put("fpscr", c.fpscr & LOW32);
        for (int n = 0; n < 32; n++) {
            m.put("vr" + n + "_hi", c.vr[2 * n]);
            m.put("vr" + n + "_lo", c.vr[2 * n + 1]);
        }
        m.put("vscr", c.vscr & LOW32);
        m.put("vrsave", c.vrsave);
        m.put("external_pending", externalPending ? 1L : 0L);
        m.put("upcall_pending", upcallPending ? 1L : 0L);
        return new VcpuState("ppc", m, java.nio.ByteBuffer.allocate(8).putLong(c.retired).array());
    }

    @Override
    public void restore(VcpuState state) {
        if (!"ppc".equals(state.isa())) throw new IllegalArgumentException("not a ppc state: " + state.isa());
        Map<String, Long> m = state.registers();
        PpcCpu c = cpu;
        for (int n = 0; n < 32; n++) c.gpr[n] = m.getOrDefault(PpcRegisters.name(n), 0L);
        c.pc = m.getOrDefault("pc", 0L);
        c.lr = m.getOrDefault("lr", 0L);
        c.ctr = m.getOrDefault("ctr", 0L);
        c.cr = (int) (long) m.getOrDefault("cr", 0L);
        c.xer = m.getOrDefault("xer", 0L);
        c.msr = m.getOrDefault("msr", 0L);
        c.srr0 = m.getOrDefault("srr0", 0L);
        c.srr1 = m.getOrDefault("srr1", 0L);
        c.dar = m.getOrDefault("dar", 0L);
        c.dsisr = m.getOrDefault("dsisr", 0L);
        for (int n = 0; n < 4; n++) c.sprg[n] = m.getOrDefault("sprg" + n, 0L);
        c.hid0 = m.getOrDefault("hid0", 0L);
        c.hid1 = m.getOrDefault("hid1", 0L);
        timeBase.restore(m.getOrDefault("tb", 0L), m.getOrDefault("dec", 0L), m.getOrDefault("dec_state", 0L));
        mmu.pageTable().setSdr1(m.getOrDefault("sdr1", 0L));
        for (int n = 0; n < 16; n++) mmu.segments().set(n, m.getOrDefault("sr" + n, 0L));
        for (int n = 0; n < 4; n++) {
            mmu.ibat().setUpper(n, m.getOrDefault("ibat" + n + "u", 0L));
            mmu.ibat().setLower(n, m.getOrDefault("ibat" + n + "l", 0L));
            mmu.dbat().setUpper(n, m.getOrDefault("dbat" + n + "u", 0L));
            mmu.dbat().setLower(n, m.getOrDefault("dbat" + n + "l", 0L));
        }
        for (int n = 0; n < 32; n++) c.fpr[n] = m.getOrDefault("f" + n, 0L);
        c.fpscr = (int) (long) m.getOrDefault("fpscr", 0L);
        for (int n = 0; n < 32; n++) {
            c.vr[2 * n] = m.getOrDefault("vr" + n + "_hi", 0L);
            c.vr[2 * n + 1] = m.getOrDefault("vr" + n + "_lo", 0L);
        }
        c.vscr = (int) (long) m.getOrDefault("vscr", 0L);
        c.vrsave = m.getOrDefault("vrsave", 0L);
        externalPending = m.getOrDefault("external_pending", 0L) != 0;
        upcallPending = m.getOrDefault("upcall_pending", 0L) != 0;
        byte[] extra = state.extra();
        if (extra.length == 8) c.retired = java.nio.ByteBuffer.wrap(extra).getLong();
        // Memory may have changed under a restored state: forget every cached translation and decoding.
        code.clear();
        translationChanged();
    }
}
