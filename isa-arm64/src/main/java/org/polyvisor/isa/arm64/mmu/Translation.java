package org.polyvisor.isa.arm64.mmu;

/**
 * Stage-1 address translation for EL1&0. In the walking skeleton the guest runs with SCTLR_EL1.M = 0, so a
 * virtual address is its physical address (Arm ARM D8.2.11, "The effects of disabling an address translation
 * stage"); the table walk for TTBR0/TTBR1 goes here later, behind the same method, so the interpreter does not change.
 */
public final class Translation {
    /** Returned when the access faults (today: an address above the 48-bit physical address space). */
    public static final long FAULT = -1;
    /** Access kinds, numbered as {@link org.polyvisor.spi.exec.SoftTlb}'s ways. */
    public static final int READ = 0, WRITE = 1, FETCH = 2;

    private static final int PA_BITS = 48;

    /** The guest-physical address for {@code va} and this kind of access, or {@link #FAULT}. */
    public long translate(long va, int kind) {
        return (va >>> PA_BITS) == 0 ? va : FAULT;
    }
}
