package org.polyvisor.isa.x86.mmu;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * PAE paging (SDM Vol. 3, 4.4): four PDPTEs at CR3 (32-byte aligned) with only P and the address (bits 2:1, 8:5
 * and 63 reserved), then 512-entry page directories (PS = 1: a 2 MiB page, bits 20:13 reserved) and page tables
 * of eight-byte entries; NX in bit 63 when EFER.NXE, reserved otherwise; bits 51:40 reserved (MAXPHYADDR 40).
 */
public final class PagingPae extends PageWalk {
    public PagingPae(CpuState s, GuestMemory memory) { super(s, memory, 8); }

    @Override protected int levels() { return 3; }

    @Override protected long root() { return s.cr3 & 0xFFFF_FFE0L; }

    @Override protected int index(long va, int level) { return (int) (va >>> (12 + 9 * level)) & (level == 2 ? 3 : 0x1FF); }

    @Override protected boolean largeAt(int level) { return level == 1; }

    @Override protected boolean rightsless(int level) { return level == 2; }

    @Override protected boolean nxEnabled() { return (s.efer & Mmu.EFER_NXE) != 0; }

    @Override
    protected boolean reserved(long e, int level, boolean large) {
        if ((e & ABOVE_MAXPHYADDR) != 0) return true;
        if (level == 2) return (e & 0x8000_0000_0000_01E6L) != 0;
        if ((e & NX) != 0 && !nxEnabled()) return true;
        return large && (e & 0x1F_E000L) != 0;
    }

    @Override protected long frame(long e, int level) { return e & (level == 1 ? 0x0000_00FF_FFE0_0000L : ADDRESS); }
}
