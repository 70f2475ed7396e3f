package org.polyvisor.isa.ia64.cpu;

/**
 * Data loads and stores as instructions see them. Each returns a {@link Flow} code: NEXT when done,
 * EXIT_AFTER when an MMIO exit is pending (the instruction is complete; a load's register is written by
 * completeRead), FAULT when the access failed (the exit is in {@link CpuState#exit}).
 */
public interface DataMemory {
    /** Loads {@code size} bytes zero-extended into GR {@code target}. */
    int load(long va, int size, int target);

    int store(long va, int size, long value);
}
