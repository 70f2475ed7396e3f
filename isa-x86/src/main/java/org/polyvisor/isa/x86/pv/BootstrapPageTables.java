package org.polyvisor.isa.x86.pv;

import org.polyvisor.spi.GuestMemory;

/**
 * The bootstrap area Xen's PV domain builder lays out for a Xen PV kernel (libxenguest's xg_dom_x86.c, the docs'
 * "start of day" memory layout), in xc_dom_build_image's order: the image, the P2M array ({@code mfn_list}: nr_pages
 * words, the identity here, as Polyvisor's PV guests see pseudo-physical frames as machine frames; the domain builder
 * leaves its {@link #p2mBytes} before start_info), start_info, shared_info and the XenStore and console rings (four
 * pages from start_info, placed by the domain builder; Xen keeps shared_info outside the guest's RAM), then the page
 * tables and one page of boot stack. Every address the kernel is given is virtual: pseudo-physical frame
 * {@code pfn} is at {@code virt_base + (pfn << 12)} (the VIRT_BASE note, 0 when absent).
 * <p>The tables map {@code virt_base} up to the end of the bootstrap area plus 512 KiB, rounded up to 4 MiB, as
 * Xen's alloc_pgtables_pv counts them (iterating until the mapped size covers the tables themselves): one top-level
 * table, then for each lower level as many tables as the mapped range touches, top level first. L1 entries are
 * P|RW|A (the table frames read-only, as Xen requires), the others P|RW|A|D|US. x86_32 PAE: a 4-entry L3 root whose
 * entries are P only (Polyvisor's PAE PDPTE rule, {@link PageTypes}), and as in Xen an L2 for every L3 slot when the
 * mapping ends below 3 GiB (the "extra L2 for l3#3" Xen's 64-bit hypervisor needs). The root is pinned with Xen's
 * page types and loaded as CR3 (paging on); start_info gets {@code pt_base} and {@code mfn_list} (virtual) and
 * {@code nr_pt_frames}; the stack pointer is the virtual top of the boot stack. Nothing is built (the fields stay 0,
 * paging off) when RAM cannot hold the area or the mapping.
 */
public final class BootstrapPageTables {
    static final long P = 1, RW = 2, US = 4, A = 0x20, D = 0x40;
    static final long L1_PROT = P | RW | A, UPPER_PROT = P | RW | A | D | US;
    /** start_info offsets of pt_base, nr_pt_frames, mfn_list (x86_64; x86_32). */
    private static final int[] OFFSETS_64 = {88, 96, 104}, OFFSETS_32 = {60, 64, 68};
    /** The boot stack page and the 512 KiB of padding Xen's builder leaves mapped after the tables. */
    private static final int EXTRA_PAGES = 1 + (512 << 10) / GuestMemory.PAGE_SIZE;
    private static final long FOUR_MIB_MASK = (4L << 20) - 1;

    /** The result: the root table frame and the boot stack top (virtual), or null when nothing was built. */
    record Built(long root, long stackTop) { }

    private BootstrapPageTables() { }

    /** The P2M array's size (alloc_p2m_list): {@code nrPages} entries of 8 (x86_64) or 4 bytes, page-rounded. */
    public static long p2mBytes(long nrPages, boolean wide) {
        return (nrPages * (wide ? 8 : 4) + GuestMemory.PAGE_MASK) & ~(long) GuestMemory.PAGE_MASK;
    }

    static Built build(GuestMemory memory, PageTypes types, long startInfo, long virtBase, boolean wide) {
        try {
            return buildOrFail(memory, types, startInfo, virtBase, wide);
        } catch (org.polyvisor.spi.GuestMemoryFault e) {
            return null;  // RAM too small for the area: no bootstrap tables
        }
    }

    private static Built buildOrFail(GuestMemory memory, PageTypes types, long startInfo, long virtBase, boolean wide) {
        int word = wide ? 8 : 4, levels = wide ? 4 : 3;
        long nrPages = memory.read(startInfo + 32, word);
        if (nrPages <= 0 || nrPages > (1L << 24) || (virtBase & GuestMemory.PAGE_MASK) != 0) return null;
        long vmask = wide ? (1L << 48) - 1 : 0xFFFF_FFFFL;
        long base = virtBase & vmask;
        long p2mPages = p2mBytes(nrPages, wide) >>> 12;
        long p2m = startInfo - (p2mPages << 12);                                 // the builder left it before start_info
        if (p2m < 0) return null;
        long tables = startInfo + 4 * GuestMemory.PAGE_SIZE;                     // after the four special pages
        long allocEnd = base + tables;                                           // virtual end of what is placed
        // Xen's loop: the mapped end is 4 MiB-rounded past the tables, the stack and 512 KiB; recount until it holds.
        long[] from = new long[levels], count = new long[levels];
        long pages = EXTRA_PAGES, last = 0, nrPt = 0;
        for (int round = 0; ; round++) {
            if (round == 8) return null;
            last = (allocEnd + (pages << 12)) | FOUR_MIB_MASK;                   // inclusive
            nrPt = 0;
            for (int l = 0; l < levels; l++) {
                if (l == levels - 1) { from[l] = 0; count[l] = 1; nrPt++; break; }
                int bits = 12 + 9 * (l + 1);
                long mask = (1L << bits) - 1;
                long to = last | mask;
                if (!wide && l == 1 && last < 0xC000_0000L) to = vmask;          // an L2 for every PAE L3 slot
                from[l] = base & ~mask;
                count[l] = ((to - from[l]) >>> bits) + 1;
                nrPt += count[l];
            }
            pages = nrPt + EXTRA_PAGES;
            if (allocEnd + (pages << 12) <= last + 1) break;
        }
        if (last > vmask) return null;
        long mapped = (last + 1 - base) >>> 12;                                  // pages mapped from pfn 0
        if (mapped > nrPages) return null;
        for (long f = 0; f < mapped; f++) if (memory.page(f) == null) return null;
        long root = tables >>> 12;
        long[] first = new long[levels];                                          // first frame of each level's tables
        long next = root;
        for (int l = levels - 1; l >= 0; l--) { first[l] = next; next += count[l]; }
        long stack = tables + (nrPt << 12);
        for (long f = root; f < root + nrPt + 1; f++) zero(memory, f);
        for (long i = 0; i < p2mPages; i++) zero(memory, (p2m >>> 12) + i);
        for (long pfn = 0; pfn < nrPages; pfn++) memory.write(p2m + pfn * word, word, pfn);
        // Each lower table hangs from the table above that covers its first address.
        for (int l = levels - 2; l >= 0; l--) {
            int bits = 12 + 9 * (l + 1), upBits = bits + 9;
            long prot = !wide && l + 1 == levels - 1 ? P : UPPER_PROT;
            for (long t = 0; t < count[l]; t++) {
                long va = from[l] + (t << bits);
                long parent = l + 1 == levels - 1 ? first[l + 1] : first[l + 1] + ((va - from[l + 1]) >>> upBits);
                long index = (va >>> bits) & (l + 1 == levels - 1 && !wide ? 3 : 511);
                memory.write((parent << 12) + 8 * index, 8, (first[l] + t) << 12 | prot);
            }
        }
        for (long pfn = 0; pfn < mapped; pfn++) {
            long va = base + (pfn << 12);
            long l1 = first[0] + ((va - from[0]) >>> 21);
            boolean table = pfn >= root && pfn < root + nrPt;
            memory.write((l1 << 12) + 8 * ((va >>> 12) & 511), 8, pfn << 12 | (table ? L1_PROT & ~RW : L1_PROT));
        }
        if (types.pin(root, types.rootLevel()) != 0) return null;
        int[] at = wide ? OFFSETS_64 : OFFSETS_32;
        memory.write(startInfo + at[0], word, virtBase + (root << 12));
        memory.write(startInfo + at[1], word, nrPt);
        memory.write(startInfo + at[2], word, virtBase + p2m);
        return new Built(root, virtBase + stack + GuestMemory.PAGE_SIZE);
    }

    private static void zero(GuestMemory memory, long frame) {
        var p = memory.page(frame);
        if (p == null) throw new org.polyvisor.spi.GuestMemoryFault(frame << 12);
        p.fill((byte) 0);
    }
}
