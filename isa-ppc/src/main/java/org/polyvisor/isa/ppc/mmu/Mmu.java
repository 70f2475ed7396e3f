package org.polyvisor.isa.ppc.mmu;

/**
 * Effective to real address translation as the vCPU sees it. The skeleton only runs with MSR[IR] = MSR[DR] = 0
 * (real addressing), so {@link RealMode} is the one implementation; the hashed page table and BATs of the
 * classic 32-bit MMU become another implementation of this interface, and the interpreter does not change.
 */
public interface Mmu {
    int READ = 0, WRITE = 1, FETCH = 2;

    /** The guest-physical address of effective address {@code ea} for access {@code kind}, or -1 when it faults. */
    long translate(long ea, int kind);
}
