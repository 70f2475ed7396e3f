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
    /**
     * The instruction raised an interruption (fault) described by {@link CpuState#raise}: the run loop delivers it
     * through the IVT with this slot as the restart point, or exits with its fallback Fault when no IVT is installed.
     */
    public static final int INTERRUPT = 4;
    /** rfi: go to {@link CpuState#branchTarget} at slot {@link CpuState#branchSlot}. */
    public static final int RETURN_TO_SLOT = 5;
    /**
     * The instruction completed and raised a trap (a Floating-point Trap, SDM rev 2.3 vol 1 5.4.1.3): the run loop
     * delivers the interruption described by {@link CpuState#raise} with IIP / ri naming the next instruction and
     * ISR.ei this one.
     */
    public static final int TRAP = 6;
}
