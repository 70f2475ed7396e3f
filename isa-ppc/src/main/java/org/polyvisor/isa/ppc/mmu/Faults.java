package org.polyvisor.isa.ppc.mmu;

/**
 * Translation fault causes, in the bit positions the OEA gives them in DSISR (DSI, 0x300) and in SRR1 (ISI, 0x400);
 * bit 0 is the MSB of the 32-bit register.
 */
public final class Faults {
    private Faults() { }

    /** Bit 1: no BAT matched and no PTE was found in the primary or secondary PTEG. */
    public static final int NOT_FOUND = 0x4000_0000;
    /** Bit 3 (ISI only): fetch from a no-execute segment (SR[N] = 1), a guarded page or a direct-store segment. */
    public static final int NO_EXECUTE = 0x1000_0000;
    /** Bit 4: the BAT PP bits, or the page's PP bits with the segment's key, forbid the access. */
    public static final int PROTECTION = 0x0800_0000;
    /** Bit 5 (DSI only): access to a direct-store segment (SR[T] = 1), which this implementation does not support. */
    public static final int DIRECT_STORE = 0x0400_0000;
    /** Bit 6 (DSI only): the access was a store. */
    public static final int STORE = 0x0200_0000;
}
