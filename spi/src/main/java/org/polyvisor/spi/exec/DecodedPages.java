package org.polyvisor.spi.exec;

import java.util.Arrays;

import org.polyvisor.spi.GuestMemory;

/**
 * Decoded instructions cached per guest-physical page: each page has an array of slots, one per
 * {@code granule} bytes (1 for x86, 4 for arm64 and ppc, 16 for ia64 bundles), holding whatever object the ISA's
 * decoder made. A store into a cached page clears the slots it may have overwritten, so self-modifying code
 * sees its new instructions. When a page first gets slots, the TLB stops caching writes to it. A cache made for a
 * domain's guest memory also sees the stores of the domain's other vCPUs ({@link CodeCoherence}), once its run loop
 * calls {@link #sync()}.
 */
public final class DecodedPages {
    private static final int PAGE_SHIFT = 12, PAGE_SIZE = 1 << PAGE_SHIFT;
    private static final int FILTER_BITS = 16;

    private final int granuleShift;
    private final SoftTlb tlb;
    /** A cheap first test: bit (gfn mod 64K) is set if some page with that residue has slots. */
    private final long[] filter = new long[(1 << FILTER_BITS) / 64];
    private final LongMap<Object[]> pages = new LongMap<>();
    /** This cache in its domain's {@link CodeCoherence}, or null for a vCPU on its own. */
    private final CodeCoherence.Member domain;

    /**
     * A cache that sees only its own vCPU's stores.
     *
     * @param granule the decode unit in bytes, a power of two
     * @param tlb     the vCPU's TLB, told to stop caching writes to pages that get code
     */
    public DecodedPages(int granule, SoftTlb tlb) {
        this(granule, tlb, null);
    }

    /**
     * A cache that also sees the stores of the other vCPUs of the domain whose RAM is {@code memory} (null: none).
     */
    public DecodedPages(int granule, SoftTlb tlb, GuestMemory memory) {
        if (Integer.bitCount(granule) != 1 || granule > PAGE_SIZE) throw new IllegalArgumentException("granule " + granule);
        this.granuleShift = Integer.numberOfTrailingZeros(granule);
        this.tlb = tlb;
        this.domain = memory == null ? null : CodeCoherence.of(memory).join(this);
    }

    /** The slots of page {@code gfn}, created empty on first use. Index with {@code (gpa & 0xfff) >> granuleShift}. */
    public Object[] slots(long gfn) {
        Object[] s = pages.get(gfn);
        if (s == null) {
            s = create(gfn);
            if (domain != null) domain.becameCode(gfn);
        }
        return s;
    }

    private Object[] create(long gfn) {
        Object[] s = new Object[PAGE_SIZE >> granuleShift];
        pages.put(gfn, s);
        int bit = (int) gfn & ((1 << FILTER_BITS) - 1);
        filter[bit >>> 6] |= 1L << bit;
        tlb.dropWrites(gfn);
        return s;
    }

    /**
     * Applies the other vCPUs' news (pages that became code, stores into code); call where the run loop polls for
     * interrupts. True if there was any: a runner holding a decoded block should fetch it again.
     */
    public boolean sync() {
        return domain != null && domain.apply();
    }

    /** Another vCPU decoded code on page {@code gfn}: this vCPU's stores there must take the slow path too. */
    void foreignCode(long gfn) {
        if (pages.get(gfn) == null) create(gfn);
    }

    public int granuleShift() { return granuleShift; }

    /** True when page {@code gfn} may hold decoded instructions (no false negatives). */
    public boolean mayHoldCode(long gfn) {
        int bit = (int) gfn & ((1 << FILTER_BITS) - 1);
        return (filter[bit >>> 6] & (1L << bit)) != 0 && pages.get(gfn) != null;
    }

    /**
     * Clears the slots of instructions that may overlap the {@code length} bytes written at {@code gpa}.
     * {@code lookBehind} is the longest instruction minus one (14 on x86, 0 where instructions are aligned).
     */
    public void written(long gpa, int length, int lookBehind) {
        dropLocal(gpa, length, lookBehind);
        if (domain != null) domain.wrote(gpa, length, lookBehind);
    }

    /**
     * Tells the domain's other vCPUs of a store into code whose decoded instructions this vCPU has dropped itself
     * (for an ISA that clears its own slots more precisely than {@link #written} does); they drop theirs as
     * {@link #written} would.
     */
    public void writtenByThisVcpu(long gpa, int length, int lookBehind) {
        if (domain != null) domain.wrote(gpa, length, lookBehind);
    }

    /** {@link #written} for this cache only. */
    void dropLocal(long gpa, int length, int lookBehind) {
        long first = gpa - lookBehind, last = gpa + length - 1;
        for (long gfn = first >>> PAGE_SHIFT; gfn <= last >>> PAGE_SHIFT; gfn++) {
            Object[] s = pages.get(gfn);
            if (s == null) continue;
            long lo = Math.max(first, gfn << PAGE_SHIFT), hi = Math.min(last, (gfn << PAGE_SHIFT) + PAGE_SIZE - 1);
            int from = (int) (lo & (PAGE_SIZE - 1)) >> granuleShift, to = (int) (hi & (PAGE_SIZE - 1)) >> granuleShift;
            Arrays.fill(s, from, to + 1, null);
        }
    }

    /**
     * Drops every decoded instruction (a full flush: a restore, a change of code size). In a domain the pages stay
     * known as code, empty, so the TLB keeps sending stores to them (the other vCPUs' code among them) to the slow path.
     */
    public void clear() {
        if (domain != null) {
            pages.forEachValue(s -> Arrays.fill(s, null));
            return;
        }
        pages.clear();
        Arrays.fill(filter, 0);
    }
}
