package org.polyvisor.isa.x86.mmu;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * 4-level paging of IA-32e mode (SDM Vol. 3, 4.5): PML4, PDPT (PS = 1: a 1 GiB page, bits 29:13 reserved),
 * page directory (PS = 1: a 2 MiB page, bits 20:13 reserved) and page table, eight-byte entries; PS is reserved in
 * a PML4E; NX in bit 63 when EFER.NXE, reserved otherwise; bits 51:40 reserved (MAXPHYADDR 40). The caller has
 * checked that the address is canonical.
 */
public final class Paging4Level extends PageWalk {
    public Paging4Level(CpuState s, GuestMemory memory) { super(s, memory, 8); }

    @Override protected int levels() { return 4; }

    @Override protected long root() { return s.cr3 & ADDRESS; }

    @Override protected int index(long va, int level) { return (int) (va >>> (12 + 9 * level)) & 0x1FF; }

    @Override protected boolean largeAt(int level) { return level == 1 || level == 2; }

    @Override protected boolean nxEnabled() { return (s.efer & Mmu.EFER_NXE) != 0; }

    @Override
    protected boolean reserved(long e, int level, boolean large) {
        if ((e & ABOVE_MAXPHYADDR) != 0) return true;
        if ((e & NX) != 0 && !nxEnabled()) return true;
        if (level == 3) return (e & PS) != 0;
        if (!large) return false;
        return (e & (level == 2 ? 0x3FFF_E000L : 0x1F_E000L)) != 0;
    }

    @Override
    protected long frame(long e, int level) {
        return e & (level == 2 ? 0x0000_00FF_C000_0000L : level == 1 ? 0x0000_00FF_FFE0_0000L : ADDRESS);
    }
}
