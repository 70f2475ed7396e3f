package org.polyvisor.isa.x86.exec;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.util.LinkedHashMap;
import java.util.Map;
import org.polyvisor.isa.x86.decode.CodeSource;
import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.mmu.Mmu;
import org.polyvisor.isa.x86.trap.TrapModel;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.RegisterSet;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * An x86 vCPU: fetch through the per-page cache of decoded instructions, execute with {@link Interpreter}.
 * Registers are numbered as {@link X86RegisterLayout} says: the GPRs, the instruction pointer, EFLAGS, the six
 * segment selectors and CR0. The x86_64 backend builds the same class with its decoder, layout and trap model.
 */
public class X86Vcpu implements Vcpu {
    private final String isa;
    private final int id;
    private final GuestMemory memory;
    private final X86RegisterLayout layout;
    private final Decoder decoder;
    private final Mmu mmu;
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages decoded = new DecodedPages(1, tlb);
    private final Bus bus;
    private final Interpreter interpreter;
    protected final CpuState state;
    private final CodeSource fetch = this::fetchByte;

    private long retired;
    private long curGfn = -1;
    private Object[] curSlots;

    public X86Vcpu(String isa, int id, GuestMemory memory, X86RegisterLayout layout, Decoder decoder, TrapModel traps) {
        this.isa = isa;
        this.id = id;
        this.memory = memory;
        this.layout = layout;
        this.decoder = decoder;
        this.state = new CpuState(decoder.longMode());
        this.mmu = new Mmu(decoder.longMode());
        this.bus = new Bus(memory, tlb, decoded, mmu);
        this.interpreter = new Interpreter(state, bus, traps, fetch, new Cpuid(decoder.longMode(), id));
    }

    /** The architectural state, for the boot protocol of this module. */
    public CpuState state() { return state; }

    @Override public int id() { return id; }

    @Override
    public VcpuExit run(long budget) {
        long done = 0;
        VcpuExit result = VcpuExit.BUDGET_SPENT;
        while (done < budget) {
            long pc = state.rip;
            Insn in = fetchDecoded(pc);
            if (in == null) {
                result = new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(faultAddress), pc);
                break;
            }
            int r = interpreter.execute(in, pc);
            if (r == Interpreter.NEXT) { done++; continue; }
            if (r == Interpreter.EXIT) done++;
            result = interpreter.exit;
            break;
        }
        retired += done;
        lastExit = result;
        return result;
    }

    private long faultAddress;
    private VcpuExit lastExit;

    /** The decoded instruction at {@code pc}, from the page cache or freshly decoded; null when it cannot be fetched. */
    private Insn fetchDecoded(long pc) {
        long gpa = mmu.translate(pc, false);
        long gfn = gpa >>> 12;
        if (gfn != curGfn || gpa < 0) {
            if (gpa < 0 || memory.page(gfn) == null) { faultAddress = pc; return null; }
            curSlots = decoded.slots(gfn);
            curGfn = gfn;
        }
        int slot = (int) (gpa & 0xFFF);
        Insn in = (Insn) curSlots[slot];
        if (in != null) return in;
        in = new Insn();
        decoder.decode(fetch, pc, in);
        if (in.truncated) { faultAddress = in.faultAddress; return null; }
        long lastGpa = mmu.translate(pc + in.length - 1, false);
        if (lastGpa >>> 12 != gfn) decoded.slots(lastGpa >>> 12);  // stores into the tail page must invalidate too
        curSlots[slot] = in;
        return in;
    }

    private int fetchByte(long va) {
        long gpa = mmu.translate(va, false);
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
        throw new IllegalArgumentException(isa + ": no register number " + number);
    }

    @Override
    public void setRegister(int number, long value) {
        int g = layout.gprCount();
        long m = state.addressMask;
        if (number >= 0 && number < g) state.r[number] = value & m;
        else if (number == layout.pc()) state.rip = value & m;
        else if (number == layout.flags()) state.flags.load(value & 0xFFFF_FFFFL);
        else if (number >= layout.segment(0) && number < layout.segment(0) + 6) state.seg[number - layout.segment(0)] = (int) value & 0xFFFF;
        else if (number == layout.cr0()) state.cr0 = value & 0xFFFF_FFFFL;
        else throw new IllegalArgumentException(isa + ": no register number " + number);
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
        return new VcpuState(isa, regs, null);
    }

    @Override
    public void restore(VcpuState saved) {
        if (!isa.equals(saved.isa())) throw new IllegalArgumentException("state of ISA " + saved.isa() + " given to an " + isa + " vCPU");
        RegisterSet set = layout.set();
        for (Map.Entry<String, Long> e : saved.registers().entrySet()) {
            Register r = set.byName(e.getKey()).orElseThrow(() -> new IllegalArgumentException(isa + ": no register " + e.getKey()));
            setRegister(r.number(), e.getValue());
        }
        decoded.clear();
        tlb.flush();
        curGfn = -1;
        curSlots = null;
    }
}
