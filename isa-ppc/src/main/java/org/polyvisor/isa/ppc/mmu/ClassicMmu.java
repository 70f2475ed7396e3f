package org.polyvisor.isa.ppc.mmu;

import org.polyvisor.spi.GuestMemory;

/**
 * The MMU of the 32-bit PowerPC (603e/750 class, OEA chapter 7). Instruction fetches are translated when MSR[IR] is
 * set, data accesses when MSR[DR] is set; otherwise the real address is the effective address. A translated access
 * tries the BATs of its side first (a BAT hit takes precedence over the page table), then the segment register and
 * the hashed page table. The vCPU tells it the MSR bits that matter through {@link #setMode}; caching of
 * translations is the vCPU's software TLB, which it flushes on every change of this state.
 */
public final class ClassicMmu implements Mmu {
    private final BatArray ibat = new BatArray(), dbat = new BatArray();
    private final SegmentRegisters segments = new SegmentRegisters();
    private final HashedPageTable pageTable;
    private boolean instructionRelocate, dataRelocate, problemState;
    private int faultBits;

    public ClassicMmu(GuestMemory memory) { this.pageTable = new HashedPageTable(memory); }

    public BatArray ibat() { return ibat; }

    public BatArray dbat() { return dbat; }

    public SegmentRegisters segments() { return segments; }

    public HashedPageTable pageTable() { return pageTable; }

    /** MSR[IR], MSR[DR] and MSR[PR] as they are now. */
    public void setMode(boolean ir, boolean dr, boolean pr) {
        instructionRelocate = ir;
        dataRelocate = dr;
        problemState = pr;
    }

    @Override public int faultBits() { return faultBits; }

    @Override
    public long translate(long ea, int kind) {
        ea &= 0xffff_ffffL;
        boolean fetch = kind == FETCH;
        if (!(fetch ? instructionRelocate : dataRelocate)) return ea;
        return relocate(ea, kind, problemState, true);
    }

    /**
     * The translation of {@code ea} for {@code kind} in the given privilege with relocation on, without setting the
     * PTE's R and C bits (a look, not an access): -1 with {@link #faultBits()} when it would fault.
     */
    public long probe(long ea, int kind, boolean problem) { return relocate(ea & 0xffff_ffffL, kind, problem, false); }

    private long relocate(long ea, int kind, boolean problem, boolean access) {
        long bat = (kind == FETCH ? ibat : dbat).translate(ea, problem, kind);
        if (bat >= 0) return bat;
        if (bat == BatArray.PROTECTED) return fault(Faults.PROTECTION);
        return pageTranslate(ea, kind, problem, access);
    }

    private long pageTranslate(long ea, int kind, boolean problem, boolean access) {
        int sr = segments.forAddress(ea);
        if ((sr & SegmentRegisters.T) != 0) return fault(kind == FETCH ? Faults.NO_EXECUTE : Faults.DIRECT_STORE);
        if (kind == FETCH && (sr & SegmentRegisters.N) != 0) return fault(Faults.NO_EXECUTE);
        long pte = pageTable.search(sr & SegmentRegisters.VSID_MASK, ea);
        if (pte == HashedPageTable.MISS) return fault(Faults.NOT_FOUND);
        long word1 = pageTable.word1(pte);
        // G (guarded, WIMG bit 28) forbids instruction fetch from the page.
        if (kind == FETCH && (word1 & 0x8) != 0) return fault(Faults.NO_EXECUTE);
        if (!Protection.pageAllows(SegmentRegisters.key(sr, problem), (int) word1 & 3, kind))
            return fault(Faults.PROTECTION);
        if (access) pageTable.markReferenced(pte, word1, kind == WRITE);
        return (word1 & 0xffff_f000L) | (ea & 0xfff);
    }

    private long fault(int bits) {
        faultBits = bits;
        return -1;
    }
}
