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
        if (i.memKind >= MemKind.V_STORE) return vectorAccess(i, address);
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

    /**
     * A SIMD&amp;FP register load or store: B, H, S and D in one access (a load zeroes the rest of the register), Q as
     * two doublewords, low first. A 16-byte access never goes to MMIO: the instruction could not be replayed.
     */
    private int vectorAccess(Insn i, long address) {
        long[] v = s.vreg;
        int reg = 2 * i.rd;
        if (i.size < 4) {
            if (i.memKind == MemKind.V_STORE) {
                bus.store(address, i.size, v[reg], s.pc);
                return bus.exit == null ? Step.NEXT : bus.exitAfterRetire ? Step.EXIT_RETIRED : Step.EXIT;
            }
            long value = bus.load(address, i.size, s.pc);
            if (bus.exit != null) return Step.EXIT;
            v[reg] = value;
            v[reg + 1] = 0;
            return Step.NEXT;
        }
        if (i.memKind == MemKind.V_STORE) {
            long lo = v[reg], hi = v[reg + 1];
            bus.store(address, 3, lo, s.pc);
            if (bus.exit == null) bus.store(address + 8, 3, hi, s.pc);
        } else {
            long lo = bus.load(address, 3, s.pc);
            long hi = bus.exit == null ? bus.load(address + 8, 3, s.pc) : 0;
            if (bus.exit == null) {
                v[reg] = lo;
                v[reg + 1] = hi;
            }
        }
        return bus.exit == null ? Step.NEXT : noMmio();
    }

    /** An access of two parts met MMIO: a fault, since re-running it cannot replay a device access. */
    private int noMmio() {
        if (bus.exit instanceof VcpuExit.Mmio m) {
            bus.clearExit();
            bus.exit = new VcpuExit.Fault("multi-part load/store to MMIO at 0x" + Long.toHexString(m.address()), s.pc);
        }
        return Step.EXIT;
    }

    /** LDP/STP of S, D or Q registers: two register-sized accesses, each as {@link #vectorAccess} does it. */
    private int vectorPair(Insn i, long address) {
        long[] v = s.vreg;
        int r1 = 2 * i.rd, r2 = 2 * i.ra, bytes = 1 << i.size;
        long second = address + bytes;
        int part = Math.min(i.size, 3);
        if (i.memKind == MemKind.V_STORE) {
            long a0 = v[r1], a1 = v[r1 + 1], b0 = v[r2], b1 = v[r2 + 1];
            bus.store(address, part, a0, s.pc);
            if (bus.exit == null && i.size == 4) bus.store(address + 8, 3, a1, s.pc);
            if (bus.exit == null) bus.store(second, part, b0, s.pc);
            if (bus.exit == null && i.size == 4) bus.store(second + 8, 3, b1, s.pc);
        } else {
            long a0 = bus.load(address, part, s.pc);
            long a1 = bus.exit == null && i.size == 4 ? bus.load(address + 8, 3, s.pc) : 0;
            long b0 = bus.exit == null ? bus.load(second, part, s.pc) : 0;
            long b1 = bus.exit == null && i.size == 4 ? bus.load(second + 8, 3, s.pc) : 0;
            if (bus.exit == null) {
                v[r1] = a0;
                v[r1 + 1] = a1;
                v[r2] = b0;
                v[r2 + 1] = b1;
            }
        }
        return bus.exit == null ? Step.NEXT : noMmio();
    }

    /** LDP/STP/LDPSW; {@code mode} is 0 for signed offset, 1 for pre-index, 2 for post-index. */
    int pair(Insn i, int mode) {
        long base = x[i.rn];
        long address = mode == 2 ? base : base + i.imm;
        long second = address + (1L << i.size);
        if (i.memKind >= MemKind.V_STORE) {
            int step = vectorPair(i, address);
            if (step == Step.NEXT && mode != 0) x[i.rn] = mode == 1 ? address : base + i.imm;
            return step;
        }
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
