package org.polyvisor.isa.ppc.mmu;

/**
 * Real addressing (translation off): the real address is the effective address, which 32-bit mode has
 * already truncated to 32 bits (Book III 5.7.3).
 */
public final class RealMode implements Mmu {
    @Override
    public long translate(long ea, int kind) { return ea & 0xffff_ffffL; }
}
