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

    /**
     * Loads {@code size} (1, 2, 4 or 8) bytes zero-extended into {@link CpuState#loaded} for the FP unit: NEXT,
     * INTERRUPT (translation fault) or FAULT (outside memory, or a device: the FP unit makes no MMIO accesses).
     */
    int loadValue(long va, int size);

    int CMPXCHG = 0, XCHG = 1, FETCHADD = 2;

    /**
     * An atomic read-modify-write of {@code size} bytes at {@code va}, writing the old value (zero-extended) to GR
     * {@code target}: CMPXCHG stores {@code b} if the value equals {@code a}; XCHG stores {@code b}; FETCHADD adds
     * {@code b}. NEXT, INTERRUPT (translation or alignment fault) or FAULT.
     */
    int atomic(long va, int size, int op, long a, long b, int target);

    /** The guest-physical address a load at {@code va} just used (for the ALAT), or -1. */
    long physical(long va);

    /** An RSE store of 8 bytes (a spill or a NaT collection): NEXT, or FAULT (MMIO is no backing store). */
    int rseStore(long va, long value);

    /** An RSE load of 8 bytes into {@link CpuState#loaded}: NEXT, or FAULT. */
    int rseLoad(long va);
}
