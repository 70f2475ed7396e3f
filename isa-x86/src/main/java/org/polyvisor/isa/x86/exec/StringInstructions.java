package org.polyvisor.isa.x86.exec;

import static org.polyvisor.isa.x86.exec.CpuState.mask;

import org.polyvisor.isa.x86.decode.Insn;
import org.polyvisor.isa.x86.decode.Op;

/** MOVS, STOS, LODS, CMPS and SCAS, with REP/REPE/REPNE, one iteration a call. */
final class StringInstructions {
    private StringInstructions() { }

    /** Results of {@link #step}: finished, run me again (more iterations), or the bus set an abort. */
    static final int DONE = 0, REPEAT = 1, FAULT = 2;

    /**
     * The linear address of the {@code size}-byte access at {@code offset} in segment {@code sreg} (only FS and GS
     * have a base in 64-bit mode; outside it the limit is checked: {@link CpuState#linear}).
     */
    static long linear(CpuState s, int sreg, long offset, int size) {
        return s.longMode ? offset + s.base(sreg) : s.linear(sreg, offset, size);
    }

    /**
     * One iteration of MOVS/STOS/LODS/CMPS/SCAS. With REP each iteration retires on its own and the instruction
     * stays at its pc until rCX runs out (or, for CMPS/SCAS, ZF ends it), so budgets stay exact.
     */

    static int step(Insn in, CpuState s, Bus bus) {
        LazyFlags f = s.flags;
        int size = in.opSize, as = in.addrSize;
        boolean rep = in.has(Insn.P_REP) || in.has(Insn.P_REPNE);
        if (rep && s.get(CpuState.RCX, as) == 0) return DONE;
        long step = (f.value() & LazyFlags.DF) != 0 ? -size : size;
        long si = s.get(CpuState.RSI, as), di = s.get(CpuState.RDI, as);
        // rSI addresses DS (or the override), rDI always ES; segment bases apply outside 64-bit mode.
        long siAt = linear(s, in.segment >= 0 ? in.segment : CpuState.DS, si, size), diAt = linear(s, CpuState.ES, di, size);
        switch (in.op) {
            case MOVS -> {
                long v = bus.read(siAt, size);
                if (bus.abort != null) return FAULT;
                bus.write(diAt, size, v);
                if (bus.abort != null) return FAULT;
                s.set(CpuState.RSI, as, si + step);
                s.set(CpuState.RDI, as, di + step);
            }
            case STOS -> {
                bus.write(diAt, size, s.get(CpuState.RAX, size));
                if (bus.abort != null) return FAULT;
                s.set(CpuState.RDI, as, di + step);
            }
            case LODS -> {
                long v = bus.read(siAt, size);
                if (bus.abort != null) return FAULT;
                s.set(CpuState.RAX, size, v);
                s.set(CpuState.RSI, as, si + step);
            }
            default -> {  // CMPS compares [rSI] with [rDI]; SCAS compares rAX with [rDI]
                long a = in.op == Op.CMPS ? bus.read(siAt, size) : s.get(CpuState.RAX, size);
                if (bus.abort != null) return FAULT;
                long b = bus.read(diAt, size);
                if (bus.abort != null) return FAULT;
                f.set(LazyFlags.SUB, size, a, b, (a - b) & mask(size));
                if (in.op == Op.CMPS) s.set(CpuState.RSI, as, si + step);
                s.set(CpuState.RDI, as, di + step);
            }
        }
        if (!rep) return DONE;
        long count = (s.get(CpuState.RCX, as) - 1) & mask(as);
        s.set(CpuState.RCX, as, count);
        if (count == 0) return DONE;
        if (in.op == Op.CMPS || in.op == Op.SCAS) return f.zf() == in.has(Insn.P_REP) ? REPEAT : DONE;
        return REPEAT;
    }
}
