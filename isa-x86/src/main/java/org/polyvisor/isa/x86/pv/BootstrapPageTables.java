package org.polyvisor.isa.x86.pv;

import org.polyvisor.spi.GuestMemory;

/**
 * The bootstrap area Xen's PV domain builder lays out for a Xen PV kernel (libxc xc_dom_x86.c, docs' "start of day"
 * memory layout), after what the kernel already placed: the image, start_info, shared_info and the XenStore and
 * console rings (four pages from start_info). Then, page-aligned: the P2M array ({@code mfn_list}: nr_pages words,
 * the identity here, as Polyvisor's PV guests see pseudo-physical frames as machine frames), the page tables and one
 * page of boot stack. The tables map virtual {@code virt_base} (VIRT_BASE must be 0: virtual = physical) up to the end
 * of the bootstrap area plus 512 KiB, rounded up to 4 MiB as Xen rounds it, read-write except the table frames
 * themselves (read-only, as Xen requires); their root is pinned with Xen's page types and loaded as CR3 (paging on).
 * start_info gets {@code pt_base} (the root's virtual address), {@code nr_pt_frames} and {@code mfn_list}; the stack
 * pointer is the top of the boot stack.
 * <p>x86_64: one L4, one L3, L2s and L1s as needed (entries get _PAGE_USER when validated). x86_32 PAE: a 4-entry
 * L3 root, L2s and L1s. Nothing is built (the fields stay 0, paging off) when RAM cannot hold the area.
 */
final class BootstrapPageTables {
    static final long P = 1, RW = 2;
    /** start_info offsets of pt_base, nr_pt_frames, mfn_list (x86_64; x86_32). */
    private static final int[] OFFSETS_64 = {88, 96, 104}, OFFSETS_32 = {60, 64, 68};

    /** The result: the root table frame and the boot stack top, or null when nothing was built. */
    record Built(long root, long stackTop) { }

    private BootstrapPageTables() { }

    static Built build(GuestMemory memory, PageTypes types, long startInfo, boolean wide) {
        try {
            return buildOrFail(memory, types, startInfo, wide);
        } catch (org.polyvisor.spi.GuestMemoryFault e) {
            return null;  // RAM too small for the area: no bootstrap tables
        }
    }

    private static Built buildOrFail(GuestMemory memory, PageTypes types, long startInfo, boolean wide) {
        int word = wide ? 8 : 4;
        long nrPages = memory.read(startInfo + 32, word);
        if (nrPages <= 0 || nrPages > (1L << 24)) return null;
        long p2m = startInfo + 4 * GuestMemory.PAGE_SIZE;                        // after the four special pages
        long p2mPages = (nrPages * word + GuestMemory.PAGE_MASK) >>> 12;
        long tables = p2m + (p2mPages << 12);
        // Enough tables for the mapping they are part of: iterate until the mapped size covers them (Xen's loop).
        long l1s = 0, l2s = 0, end = 0, mapped = 0;
        int upper = wide ? 2 : 1;                                                // L4 + L3, or the PAE L3
        for (int i = 0; i < 8; i++) {
            long frames = upper + l2s + l1s;
            end = tables + (frames << 12) + GuestMemory.PAGE_SIZE;              // + the boot stack
            mapped = (end + (512 << 10) + (4 << 20) - 1) & ~((4L << 20) - 1);
            long needL1 = (mapped >>> 21) + ((mapped & 0x1F_FFFF) != 0 ? 1 : 0), needL2 = (needL1 + 511) / 512;
            if (needL1 == l1s && needL2 == l2s) break;
            l1s = needL1;
            l2s = needL2;
        }
        if (l2s > (wide ? 512 : 4)) return null;
        long nrPt = upper + l2s + l1s;
        for (long f = 0; f < mapped >>> 12; f++) if (memory.page(f) == null) return null;
        long root = tables >>> 12, l3 = wide ? root + 1 : root, l2 = l3 + 1, l1 = l2 + l2s;
        long stack = tables + (nrPt << 12);
        for (long f = root; f < root + nrPt + 1; f++) zero(memory, f);
        for (long i = 0; i < p2mPages; i++) zero(memory, (p2m >>> 12) + i);
        for (long pfn = 0; pfn < nrPages; pfn++) memory.write(p2m + pfn * word, word, pfn);
        if (wide) memory.write(root << 12, 8, l3 << 12 | P | RW);
        for (long i = 0; i < l2s; i++) memory.write((l3 << 12) + 8 * i, 8, (l2 + i) << 12 | P | (wide ? RW : 0));
        for (long i = 0; i < l1s; i++) memory.write((l2 << 12) + 8 * i, 8, (l1 + i) << 12 | P | RW);
        for (long f = 0; f < mapped >>> 12; f++) {
            boolean table = f >= root && f < root + nrPt;
            memory.write((l1 << 12) + 8 * f, 8, f << 12 | P | (table ? 0 : RW));
        }
        if (types.pin(root, types.rootLevel()) != 0) return null;
        int[] at = wide ? OFFSETS_64 : OFFSETS_32;
        memory.write(startInfo + at[0], word, root << 12);
        memory.write(startInfo + at[1], word, nrPt);
        memory.write(startInfo + at[2], word, p2m);
        return new Built(root, stack + GuestMemory.PAGE_SIZE);
    }

    private static void zero(GuestMemory memory, long frame) {
        var p = memory.page(frame);
        if (p == null) throw new org.polyvisor.spi.GuestMemoryFault(frame << 12);
        p.fill((byte) 0);
    }
}
