package org.polyvisor.isa.arm64.exec;

import java.util.LinkedHashMap;
import java.util.Map;

import org.polyvisor.isa.arm64.Arm64Registers;
import org.polyvisor.isa.arm64.decode.A64Decoder;
import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.Reg;
import org.polyvisor.isa.arm64.mmu.Translation;
import org.polyvisor.spi.Register;
import org.polyvisor.spi.Vcpu;
import org.polyvisor.spi.VcpuConfig;
import org.polyvisor.spi.VcpuExit;
import org.polyvisor.spi.VcpuState;
import org.polyvisor.spi.exec.DecodedPages;
import org.polyvisor.spi.exec.SoftTlb;

/** An AArch64 vCPU: the fetch-decode-execute loop over {@link Arm64State}, with cached decoding and a soft TLB. */
public final class Arm64Vcpu implements Vcpu {
    private static final int INSN_BYTES = 4;

    private final int id;
    private final Arm64State state = new Arm64State();
    private final Translation mmu = new Translation();
    private final SoftTlb tlb = new SoftTlb();
    private final DecodedPages code = new DecodedPages(INSN_BYTES, tlb);
    private final DataBus bus;
    private final InstructionFetch fetch;
    private final Executor executor;
    private long retired;

    public Arm64Vcpu(VcpuConfig config, A64Decoder decoder) {
        this.id = config.vcpuId();
        this.bus = new DataBus(config.memory(), tlb, code, mmu);
        this.fetch = new InstructionFetch(decoder, config.memory(), tlb, code, mmu);
        this.executor = new Executor(state, bus);
    }

    @Override public int id() { return id; }

    @Override
    public VcpuExit run(long budget) {
        final Arm64State s = state;
        long done = 0;
        try {
            while (done < budget) {
                Insn insn = fetch.fetch(s.pc);
                if (insn == null) return fetch.exit;
                switch (executor.execute(insn)) {
                    case Step.NEXT -> s.pc += INSN_BYTES;
                    case Step.JUMP -> { }
                    case Step.EXIT_RETIRED -> {
                        done++;
                        return executor.exit;
                    }
                    default -> {
                        return executor.exit;
                    }
                }
                done++;
            }
            return VcpuExit.BUDGET_SPENT;
        } finally {
            retired += done;
        }
    }

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
        return new VcpuState("arm64", values, null);
    }

    @Override
    public void restore(VcpuState saved) {
        if (!"arm64".equals(saved.isa())) throw new IllegalArgumentException("not an arm64 state: " + saved.isa());
        for (Register r : Arm64Registers.SET.all()) {
            Long value = saved.registers().get(r.name());
            if (value == null) throw new IllegalArgumentException("arm64 state lacks register " + r.name());
            setRegister(r.number(), value);
        }
        // A restored guest may have different code and mappings: start from empty caches.
        tlb.flush();
        code.clear();
        fetch.invalidate();
    }
}
