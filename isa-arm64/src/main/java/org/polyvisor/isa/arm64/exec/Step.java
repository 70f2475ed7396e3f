package org.polyvisor.isa.arm64.exec;

/** What executing one instruction asks of the run loop. */
final class Step {
    private Step() { }

    /** Retired; the PC moves to the next instruction. */
    static final int NEXT = 0;
    /** Retired; the instruction wrote the PC (a branch). */
    static final int JUMP = 1;
    /** Retired with the PC already set; then leave the run loop with the pending exit (HVC, WFI, MMIO store). */
    static final int EXIT_RETIRED = 2;
    /** Not retired, PC unchanged; leave with the pending exit (fault, MMIO load to be completed). */
    static final int EXIT = 3;
}
