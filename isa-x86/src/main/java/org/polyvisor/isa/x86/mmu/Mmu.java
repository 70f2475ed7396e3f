package org.polyvisor.isa.x86.mmu;

/**
 * Guest-virtual to guest-physical translation. In this walking skeleton the guest runs with paging off
 * (CR0.PG = 0), so an address translates to itself (truncated to 32 bits outside long mode). The page-table
 * walkers (2-level, PAE, 4-level) go here later without touching the interpreter.
 */
public final class Mmu {
    private final boolean longMode;

    public Mmu(boolean longMode) { this.longMode = longMode; }

    /** The guest-physical address of {@code va}, or -1 when the guest could not access it. */
    public long translate(long va, boolean write) {
        return longMode ? va : va & 0xFFFF_FFFFL;
    }
}
