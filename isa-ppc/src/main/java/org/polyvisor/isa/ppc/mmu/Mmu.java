package org.polyvisor.isa.ppc.mmu;

/**
 * Effective to real address translation as the vCPU sees it (OEA chapter 7). {@link ClassicMmu} is the
 * implementation of the 32-bit PowerPC (BATs, segment registers, hashed page table, real mode when MSR[IR]/MSR[DR]
 * is off). A 64-bit server MMU would be another implementation of this interface, and the interpreter would
 * not change.
 */
public interface Mmu {
    int READ = 0, WRITE = 1, FETCH = 2;

    /**
     * The guest-physical address of effective address {@code ea} for access {@code kind}, or -1 when the access
     * faults; {@link #faultBits()} then says why.
     */
    long translate(long ea, int kind);

    /**
     * Why the last {@link #translate} returned -1, in DSISR bit positions ({@link Faults}): the same bits go to
     * SRR1 for an instruction storage interrupt.
     */
    default int faultBits() { return 0; }
}
