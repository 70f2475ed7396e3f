package org.polyvisor.isa.ppc.exec.jit;

import org.polyvisor.isa.ppc.exec.PpcCpu;
import org.polyvisor.spi.exec.RunnerTlb;

/**
 * One vCPU's link between its block runner and translated code: what translated code reads (the vCPU's CR, XER, LR
 * and CTR, the runner's TLB copy) and what it hands back when it returns ({@link TranslatedBlock#run}). Reused for
 * every call, so running translated code allocates nothing.
 */
public final class JitFrame {
    public final PpcCpu cpu;
    public final RunnerTlb tlb;
    /** Set by translated code on return: the index to go on with, and the pc to go on at when it left the block. */
    public int k;
    public long target;

    public JitFrame(PpcCpu cpu, RunnerTlb tlb) {
        this.cpu = cpu;
        this.tlb = tlb;
    }
}
