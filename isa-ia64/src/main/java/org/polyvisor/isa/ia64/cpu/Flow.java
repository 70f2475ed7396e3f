package org.polyvisor.isa.ia64.cpu;

/** What an executed slot tells the run loop; ints, so the hot path allocates nothing. */
public final class Flow {
    private Flow() { }

    /** Go on with the next slot. */
    public static final int NEXT = 0;
    /** A branch was taken to {@link CpuState#branchTarget}. */
    public static final int BRANCH = 1;
    /** The instruction completed and wants {@link CpuState#exit} returned (hypercall, MMIO). */
    public static final int EXIT_AFTER = 2;
    /** The instruction did not complete: return {@link CpuState#exit} with the IP at this slot. */
    public static final int FAULT = 3;
}
