package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.util.LinkedHashMap;
import java.util.Map;

import org.polyvisor.isa.ppc.PpcRegisters;
import org.polyvisor.isa.ppc.decode.DecodeTable;
import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.mmu.Mmu;
import org.polyvisor.isa.ppc.mmu.RealMode;
import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.spi.GuestMemory;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/**
 * One PowerPC vCPU: fetch through the decoded-page cache, dispatch on the instruction's unit, retire.
 * The fetch keeps the slots of the current code page at hand, so the common case is an array read; a store
 * into that page clears the slots it overwrote (same array), so modified code is decoded again.
 */
public final class PpcVcpu implements Vcpu {
    private static final long LOW32 = 0xffff_ffffL;

    private final int id;
    private final GuestMemory memory;
    private final PpcCpu cpu = new PpcCpu();
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages code = new DecodedPages(4, tlb);
    private final DecodeTable decoder = DecodeTable.standard();
    private final Mmu mmu = new RealMode();
    private final DataBus bus;
    private final LoadStoreUnit loadStore;
    private long retired;

    /** The code page the fetch path holds: its virtual page number, host page and decoded slots. */
    private long fetchVpn = -1;
    private MemorySegment fetchPage;
    private Object[] fetchSlots;
    private VcpuExit fetchExit;

    public PpcVcpu(VcpuConfig config) {
        this.id = config.vcpuId();
        this.memory = config.memory();
        this.bus = new DataBus(memory, tlb, code, mmu);
        this.loadStore = new LoadStoreUnit(cpu, bus);
    }

    /** The architectural state, for the boot protocol and tests in this module. */
    public PpcCpu cpu() { return cpu; }

    @Override public int id() { return id; }

    @Override
    public VcpuExit run(long budget) {
        PpcCpu c = cpu;
        for (long done = 0; done < budget; done++) {
            long cia = c.pc;
            Insn in = fetch(cia);
            if (in == null) return fetchExit;
            c.pc = (cia + 4) & LOW32;
            VcpuExit exit = switch (in.unit) {
                case FIXED_POINT -> { FixedPointUnit.execute(c, in); yield null; }
                case ROTATE -> { RotateUnit.execute(c, in); yield null; }
                case LOAD_STORE -> loadStore.execute(in);
                case BRANCH -> BranchUnit.execute(c, in, cia);
                case CONDITION -> { ConditionUnit.execute(c, in); yield null; }
                case SYSTEM -> SystemUnit.execute(c, in, cia);
            };
            if (exit != null) {
                if (exit instanceof VcpuExit.Fault f) {
                    c.pc = cia;
                    return f.pc() == cia ? f : new VcpuExit.Fault(f.reason(), cia);
                }
                retired++;
                return exit;
            }
            retired++;
        }
        return VcpuExit.BUDGET_SPENT;
    }

    /** The decoded instruction at {@code pc}, or null with {@link #fetchExit} set. */
    private Insn fetch(long pc) {
        long vpn = pc >>> GuestMemory.PAGE_SHIFT;
        if (vpn != fetchVpn && !enterCodePage(pc)) return null;
        int slot = (int) (pc & GuestMemory.PAGE_MASK) >>> 2;
        Object o = fetchSlots[slot];
        if (o != null) return (Insn) o;
        int word = DataBus.word(fetchPage, slot << 2);
        Insn in = decoder.decode(word);
        if (in == null) {
            fetchExit = PpcTraps.illegalInstruction(word, pc);
            return null;
        }
        fetchSlots[slot] = in;
        return in;
    }

    private boolean enterCodePage(long pc) {
        MemorySegment page = tlb.lookup(SoftTlb.FETCH, pc);
        long gfn;
        if (page != null) {
            gfn = tlb.frame(SoftTlb.FETCH, pc);
        } else {
            long gpa = mmu.translate(pc, Mmu.FETCH);
            gfn = gpa >>> GuestMemory.PAGE_SHIFT;
            page = gpa < 0 ? null : memory.page(gfn);
            if (page == null) {
                fetchExit = new VcpuExit.Fault("fetch outside guest memory at 0x" + Long.toHexString(pc), pc);
                return false;
            }
            tlb.fill(SoftTlb.FETCH, pc, gfn, page);
        }
        fetchVpn = pc >>> GuestMemory.PAGE_SHIFT;
        fetchPage = page;
        fetchSlots = code.slots(gfn);
        return true;
    }

    @Override public long retired() { return retired; }

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
            case PpcRegisters.MSR -> c.msr = value;
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
        return new VcpuState("ppc", m, java.nio.ByteBuffer.allocate(8).putLong(retired).array());
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
        byte[] extra = state.extra();
        if (extra.length == 8) retired = java.nio.ByteBuffer.wrap(extra).getLong();
        // Memory may have changed under a restored state: forget every cached translation and decoding.
        tlb.flush();
        code.clear();
        fetchVpn = -1;
        fetchPage = null;
        fetchSlots = null;
    }
}
