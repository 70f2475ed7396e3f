package org.polyvisor.isa.arm64.exec.jit;

import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.spi.exec.RunnerTlb;

/**
 * One vCPU's link between its block runner and translated code: what translated code reads (the runner's TLB copy,
 * the state's interrupt flag) and what it hands back when it returns ({@link TranslatedBlock#run}). Reused for every
 * call, so running translated code allocates nothing.
 */
public final class JitFrame {
    public final Arm64State state;
    public final RunnerTlb tlb;
    /** Set by translated code on return: the index to go on with, the address it counts from, the flags. */
    public int k, nzcv;
    public long start;

    public JitFrame(Arm64State state, RunnerTlb tlb) {
        this.state = state;
        this.tlb = tlb;
    }
}
