package org.polyvisor.isa.x86.mmu;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import org.polyvisor.isa.x86.exec.CpuState;
import org.polyvisor.spi.GuestMemory;

/**
 * The walk all three x86 paging models share (SDM Vol. 3, 4.3-4.6): from the root named by CR3 down the levels,
 * each entry present and free of reserved bits, R/W and U/S combined over all levels (NX ORed when EFER.NXE),
 * a large page ending the walk early, then the access-rights check and the accessed/dirty updates. A subclass says
 * how many levels, how a level indexes, where large pages are allowed and which bits are reserved.
 * No allocation: the per-walk arrays belong to the instance (one per vCPU).
 */
public abstract class PageWalk {
    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    static final long P = 1, RW = 2, US = 4, A = 1 << 5, D = 1 << 6, PS = 1 << 7, G = 1 << 8, NX = 1L << 63;
    /** Physical address bits (MAXPHYADDR) of this CPU model: 40. */
    static final long ADDRESS = 0x0000_00FF_FFFF_F000L;
    static final long ABOVE_MAXPHYADDR = 0x000F_FF00_0000_0000L;

    protected final CpuState s;
    private final GuestMemory memory;
    private final int entryBytes;
    private final long[] at = new long[4], entry = new long[4];

    /** After a failed walk: the #PF error code. After a successful one: whether the page is global. */
    int errorCode;
    boolean global;

    protected PageWalk(CpuState s, GuestMemory memory, int entryBytes) {
        this.s = s; this.memory = memory; this.entryBytes = entryBytes;
    }

    protected abstract int levels();

    /** The guest-physical address of the top-level table. */
    protected abstract long root();

    /** The index into the table of {@code level} (0 = the page table). */
    protected abstract int index(long va, int level);

    /** True when a PS = 1 entry at {@code level} maps a large page. */
    protected abstract boolean largeAt(int level);

    /** True when {@code e} at {@code level} has a reserved bit set (large says it maps a page). */
    protected abstract boolean reserved(long e, int level, boolean large);

    /** The guest-physical base of the page {@code e} maps at {@code level}. */
    protected abstract long frame(long e, int level);

    /** The next table's guest-physical address. */
    protected long table(long e) { return e & ADDRESS; }

    /** True when the entries of {@code level} carry no R/W and U/S bits (the PAE PDPTEs). */
    protected boolean rightsless(int level) { return false; }

    /** True when NX is a bit of the entries and #PF reports instruction fetches (PAE and 4-level with EFER.NXE). */
    protected boolean nxEnabled() { return false; }

    private long load(long gpa) {
        MemorySegment p = memory.page(gpa >>> 12);
        if (p == null) return -1;
        return entryBytes == 4 ? p.get(U32, gpa & 0xFFF) & 0xFFFF_FFFFL : p.get(U64, gpa & 0xFFF);
    }

    private boolean inRam(long gpa) { return memory.page(gpa >>> 12) != null; }

    private void store(long gpa, long v) {
        MemorySegment p = memory.page(gpa >>> 12);
        if (entryBytes == 4) p.set(U32, gpa & 0xFFF, (int) v); else p.set(U64, gpa & 0xFFF, v);
    }

    /** log2 of the bytes a {@code level} entry maps: 12 + 9 per level (10 per level with 4-byte entries). */
    private int shift(int level) { return 12 + (entryBytes == 4 ? 10 : 9) * level; }

    /**
     * What INVLPG of {@code va} must drop (SDM Vol. 3, 4.10.4.1: all translations of the page holding it, a large
     * page's included), as log2 of the region's size: a walk that reads the tables without setting A/D bits stops at
     * the entry mapping {@code va} (a large page: its size) or at a not-present entry of a level where large pages
     * may be (a large page cached from before it was cleared: that level's size); else 12 (a 4 KiB page).
     */
    final int invalidationShift(long va) {
        long table = root();
        for (int level = levels() - 1; level > 0; level--) {
            long a = table + (long) index(va, level) * entryBytes;
            long e = inRam(a) ? load(a) : 0;
            if ((e & P) == 0) return largeAt(level) ? shift(level) : 12;
            if (largeAt(level) && (e & PS) != 0) return shift(level);
            table = table(e);
        }
        return 12;
    }

    /** The guest-physical address of {@code va}, or -1 with {@link #errorCode} set. */
    final long walk(long va, int access, boolean user) {
        int accessBits = (access == Mmu.WRITE ? Mmu.PF_W : 0) | (user ? Mmu.PF_U : 0)
                | (access == Mmu.FETCH && nxEnabled() ? Mmu.PF_I : 0);
        long table = root();
        boolean rw = true, us = true, nx = false;
        for (int level = levels() - 1; level >= 0; level--) {
            long a = table + (long) index(va, level) * entryBytes;
            if (!inRam(a)) { errorCode = accessBits; return -1; }  // a table outside RAM reads as not present
            long e = load(a);
            at[level] = a;
            entry[level] = e;
            if ((e & P) == 0) { errorCode = accessBits; return -1; }
            boolean large = level > 0 && largeAt(level) && (e & PS) != 0;
            if (reserved(e, level, large)) { errorCode = accessBits | Mmu.PF_P | Mmu.PF_RSVD; return -1; }
            if (!rightsless(level)) {
                rw &= (e & RW) != 0;
                us &= (e & US) != 0;
            }
            if (nxEnabled()) nx |= (e & NX) != 0;
            if (level == 0 || large) {
                boolean allowed = (!user || us) && (access != Mmu.WRITE || rw || (!user && (s.cr0 & Mmu.CR0_WP) == 0))
                        && (access != Mmu.FETCH || !nx);
                if (!allowed) { errorCode = accessBits | Mmu.PF_P; return -1; }
                for (int l = levels() - 1; l >= level; l--) {
                    long set = entry[l] | (rightsless(l) ? 0 : A) | (l == level && access == Mmu.WRITE ? D : 0);
                    if (set != entry[l]) store(at[l], set);
                }
                global = (e & G) != 0 && (s.cr4 & Mmu.CR4_PGE) != 0;
                return frame(e, level) | (va & ((1L << (12 + 9 * level + (entryBytes == 4 ? level : 0))) - 1));
            }
            table = table(e);
        }
        throw new IllegalStateException("unreachable: the last level maps a page");
    }
}
