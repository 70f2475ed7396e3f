package org.polyvisor.isa.x86.mmu;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * 32-bit paging (SDM Vol. 3, 4.3): a page directory of 1024 four-byte entries at CR3, 4 KiB page tables, and with
 * CR4.PSE 4 MiB pages whose PDE bits 20:13 give physical address bits 39:32 (PSE-36); bit 21 is reserved.
 * No NX, no reserved bits in 4 KiB entries.
 */
public final class Paging32 extends PageWalk {
    public Paging32(CpuState s, GuestMemory memory) { super(s, memory, 4); }

    @Override protected int levels() { return 2; }

    @Override protected long root() { return s.cr3 & 0xFFFF_F000L; }

    @Override protected int index(long va, int level) { return (int) (va >>> (12 + 10 * level)) & 0x3FF; }

    @Override protected boolean largeAt(int level) { return (s.cr4 & Mmu.CR4_PSE) != 0; }

    @Override protected boolean reserved(long e, int level, boolean large) { return large && (e & (1 << 21)) != 0; }

    @Override protected long table(long e) { return e & 0xFFFF_F000L; }

    @Override
    protected long frame(long e, int level) {
        if (level == 0) return e & 0xFFFF_F000L;
        return (e & 0xFFC0_0000L) | (((e >>> 13) & 0xFF) << 32);
    }
}
