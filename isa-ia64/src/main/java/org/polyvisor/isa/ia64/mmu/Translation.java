package org.polyvisor.isa.ia64.mmu;

/**
 * Virtual to physical translation. The skeleton runs in physical mode (PSR.dt/it/rt off): addresses pass
 * through unchanged. Region registers, the TLBs and the VHPT walker go here later, without touching the interpreter.
 */
public final class Translation {
    /** The guest-physical address of {@code va}, or -1 when it does not translate. */
    public long translate(long va, boolean write) {
        return va;
    }
}
