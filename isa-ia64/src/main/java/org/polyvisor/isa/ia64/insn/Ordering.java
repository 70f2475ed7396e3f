package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M24 ordering and serialisation (SDM rev 2.3 vol 3): mf, mf.a, fwb, sync.i, srlz.d, srlz.i. This interpreter
 * performs every access and every state change in program order, and its semaphores are full fences, so each
 * of them has nothing left to wait for.
 */
public final class Ordering extends Insn {
    private final String name;

    public Ordering(long bits, String name) {
        super(bits);
        this.name = name;
    }

    @Override
    public int execute(CpuState c) {
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return name;
    }
}
