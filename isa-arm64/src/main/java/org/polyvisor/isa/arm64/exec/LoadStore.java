package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.MemKind;
import org.polyvisor.spi.VcpuExit;

/**
 * Loads and stores: address generation per addressing mode, then the access through {@link DataBus}, then
 * base-register write-back. Write-back happens only once the access has completed, so an instruction that exits
 * before retiring can simply run again.
 */
final class LoadStore {
    private final Arm64State s;
    private final long[] x;
    private final DataBus bus;

    LoadStore(Arm64State state, DataBus bus) {
        this.s = state;
        this.x = state.x;
        this.bus = bus;
    }

    /** Unsigned offset, unscaled (LDUR/STUR) and literal forms: no write-back. */
    int offset(Insn i) { return access(i, x[i.rn] + i.imm); }

    int literal(Insn i) { return access(i, s.pc + i.imm); }

    int registerOffset(Insn i) { return access(i, x[i.rn] + Alu.extend(x[i.rm], i.shift, i.amount)); }

    int preIndex(Insn i) {
        long address = x[i.rn] + i.imm;
        int step = access(i, address);
        if (step != Step.EXIT) x[i.rn] = address;
        return step;
    }

    int postIndex(Insn i) {
        long address = x[i.rn];
        int step = access(i, address);
        if (step != Step.EXIT) x[i.rn] = address + i.imm;
        return step;
    }

    private int access(Insn i, long address) {
        if (i.memKind == MemKind.STORE) {
            bus.store(address, i.size, x[i.rd], s.pc);
            return bus.exit == null ? Step.NEXT : bus.exitAfterRetire ? Step.EXIT_RETIRED : Step.EXIT;
        }
        long value = bus.load(address, i.size, s.pc);
        if (bus.exit != null) return Step.EXIT;
        x[i.rd] = extendLoaded(value, i.size, i.memKind);
        return Step.NEXT;
    }

    static long extendLoaded(long value, int log2Size, int kind) {
        if (kind == MemKind.LOAD) return value;
        int bits = 8 << log2Size;
        long signed = (value << (64 - bits)) >> (64 - bits);
        return kind == MemKind.LOAD_SX64 ? signed : signed & Alu.W_MASK;
    }

    /** LDP/STP/LDPSW; {@code mode} is 0 for signed offset, 1 for pre-index, 2 for post-index. */
    int pair(Insn i, int mode) {
        long base = x[i.rn];
        long address = mode == 2 ? base : base + i.imm;
        long second = address + (1L << i.size);
        if (i.memKind == MemKind.STORE) {
            long v1 = x[i.rd], v2 = x[i.ra];
            bus.store(address, i.size, v1, s.pc);
            if (bus.exit == null) bus.store(second, i.size, v2, s.pc);
        } else {
            long v1 = bus.load(address, i.size, s.pc);
            long v2 = bus.exit == null ? bus.load(second, i.size, s.pc) : 0;
            if (bus.exit == null) {
                x[i.rd] = extendLoaded(v1, i.size, i.memKind);
                x[i.ra] = extendLoaded(v2, i.size, i.memKind);
            }
        }
        if (bus.exit != null) {
            // One instruction, two accesses: re-running it cannot replay a device access, so pairs stay off MMIO.
            if (bus.exit instanceof VcpuExit.Mmio m) {
                bus.clearExit();
                bus.exit = new VcpuExit.Fault("load/store pair to MMIO at 0x" + Long.toHexString(m.address()), s.pc);
            }
            return Step.EXIT;
        }
        if (mode != 0) x[i.rn] = mode == 1 ? address : base + i.imm;
        return Step.NEXT;
    }
}
