package org.polyvisor.isa.x86.mmu;

import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * Guest-virtual to guest-physical translation. With CR0.PG = 0 an address is its own physical address (truncated
 * to 32 bits outside long mode); with paging on, the model CR4.PAE and the mode choose walks: {@link Paging32},
 * {@link PagingPae} or {@link Paging4Level}. A failed translation returns -1 and leaves the #PF error code in
 * {@link #errorCode}.
 */
public final class Mmu {
    public static final int READ = 0, WRITE = 1, FETCH = 2;
    /** #PF error code bits (SDM Vol. 3, 4.7). */
    public static final int PF_P = 1, PF_W = 2, PF_U = 4, PF_RSVD = 8, PF_I = 16;
    public static final long CR0_WP = 1 << 16, CR0_PG = 1L << 31, CR4_PSE = 1 << 4, CR4_PAE = 1 << 5, CR4_PGE = 1 << 7,
            EFER_NXE = 1 << 11;

    private final CpuState s;
    private final Paging32 paging32;
    private final PagingPae pae;
    private final Paging4Level fourLevel;

    /** The #PF error code of the last failed {@link #translate}. */
    public int errorCode;
    /** True when the last successful translation mapped a global page. */
    public boolean global;

    public Mmu(CpuState s, GuestMemory memory) {
        this.s = s;
        this.paging32 = new Paging32(s, memory);
        this.pae = new PagingPae(s, memory);
        this.fourLevel = new Paging4Level(s, memory);
    }

    public boolean pagingOn() { return (s.cr0 & CR0_PG) != 0; }

    /** The guest-physical address of {@code va} for an access of kind {@link #READ}/{@link #WRITE}/{@link #FETCH}. */
    public long translate(long va, int access, boolean user) {
        if ((s.cr0 & CR0_PG) == 0) {
            global = false;
            return s.longMode ? va : va & 0xFFFF_FFFFL;
        }
        PageWalk w = s.ia32e() ? fourLevel : (s.cr4 & CR4_PAE) != 0 ? pae : paging32;
        long gpa = w.walk(s.longMode ? va : va & 0xFFFF_FFFFL, access, user);
        if (gpa < 0) errorCode = w.errorCode; else global = w.global;
        return gpa;
    }

    /**
     * INVLPG: log2 of the size of the region whose translations INVLPG of {@code va} drops (12 for a 4 KiB page, 21 or
     * 22 for a 2 MiB or 4 MiB page, 30 for a 1 GiB page; see {@link PageWalk#invalidationShift}); 12 with paging off.
     */
    public int invalidationShift(long va) {
        if ((s.cr0 & CR0_PG) == 0) return 12;
        PageWalk w = s.ia32e() ? fourLevel : (s.cr4 & CR4_PAE) != 0 ? pae : paging32;
        return w.invalidationShift(s.longMode ? va : va & 0xFFFF_FFFFL);
    }

    /** A supervisor data access: the hypervisor's view of a guest pointer. */
    public long translate(long va, boolean write) { return translate(va, write ? WRITE : READ, false); }
}
