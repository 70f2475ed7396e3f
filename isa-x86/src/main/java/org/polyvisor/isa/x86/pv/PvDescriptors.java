package org.polyvisor.isa.x86.pv;

import org.polyvisor.isa.x86.exec.CpuState;

/**
 * The PV descriptor-table hypercalls (xen/arch/x86/pv/descriptor-tables.c):
 * <ul>
 * <li>{@code set_gdt} (2): {@code (ulong *frame_list, unsigned entries)}. More than 7168 entries
 *     (FIRST_RESERVED_GDT_ENTRY: Xen keeps the rest) is -EINVAL; an unreadable list -EFAULT; each of the
 *     ceil(entries / 512) frames must be the domain's and hold only descriptors {@link #check} accepts (the whole page),
 *     and takes the descriptor-page type (so it can no longer be mapped writable, and a page table or a writable-mapped
 *     page cannot become a GDT: -EINVAL). The previous GDT's frames are released.</li>
 * <li>{@code update_descriptor} (10): {@code (u64 ma, u64 desc)} on x86_64, {@code (ma_lo, ma_hi, desc_lo, desc_hi)} on
 *     x86_32: writes one descriptor at guest-physical {@code ma} (8-aligned, in the domain's RAM, in a descriptor page
 *     or a page that may be writable, and accepted by {@link #check}), else -EINVAL.</li>
 * <li>MMUEXT_SET_LDT (mmuext_op 13, dispatched by {@link PvMmu}): {@link #setLdt}.</li>
 * </ul>
 * {@link #check} is Xen's check_descriptor: a not-present descriptor, any code or data segment (on x86_32 not a
 * 64-bit code segment) and the type-0 second half of a call gate pass; among system descriptors only a call gate
 * with a non-null target selector does. For a kernel in Xen's ring model ({@link GuestModes}) the stored
 * descriptors get Xen's fix-ups ({@link #fixup}: DPLs raised to the kernel's ring, call gates DPL 0); Polyvisor's
 * flat CPL 0 images keep theirs as written.
 *
 * <p>Xen maps the frames in its own per-vCPU GDT area. In Xen's ring model so does Polyvisor: descriptor lookups
 * read the frames directly ({@code CpuState.pvGdt}), so a kernel linked high needs no mapping of them; Xen's
 * mapping is writable, so a selector load that finds the accessed bit clear sets it in the frame
 * ({@code CpuState.pvGdtAccessed}), as the processor does on Xen; likewise in the frames MMUEXT_SET_LDT took for
 * the LDT (Xen's shadow LDT mapping is writable; {@code CpuState.pvLdtAccessed}), whose descriptors are read through
 * the guest's own (read-only) mapping. Deviation, flat ABI: GDTR.base is the first frame's address (as {@link XenGuestContext}
 * loads gdt_frames[0]) and the guest reaches it 1:1; either way the frames must be consecutive (else -EINVAL).
 */
final class PvDescriptors {
    static final int SET_GDT = 2, UPDATE_DESCRIPTOR = 10;
    static final int MAX_ENTRIES = 14 * 512, PER_PAGE = 512;

    private final CpuState s;
    private final GuestView guest;
    private final PageTypes types;
    private final PvCallbacks cb;
    private final boolean wide;
    /** The frames set_gdt typed, released by the next one. */
    private long[] held = new long[0];

    PvDescriptors(CpuState s, GuestView guest, PageTypes types, PvCallbacks cb, boolean wide) {
        this.s = s; this.guest = guest; this.types = types; this.cb = cb; this.wide = wide;
    }

    long setGdt(long list, long entries) {
        if (entries > MAX_ENTRIES || entries < 0) return -Errno.EINVAL;
        int n = (int) ((entries + PER_PAGE - 1) / PER_PAGE);
        int w = wide ? 8 : 4;
        long[] frames = new long[n];
        for (int i = 0; i < n; i++) frames[i] = guest.read(list + (long) i * w, w);
        if (guest.faulted()) return -Errno.EFAULT;
        for (int i = 1; i < n; i++) if (frames[i] != frames[0] + i) return -Errno.EINVAL;
        int taken = 0;
        long rc = 0;
        for (; taken < n; taken++) {
            rc = checkPage(frames[taken]);
            if (rc == 0) rc = types.get(frames[taken], PageTypes.SEG_DESC);
            if (rc != 0) break;
        }
        if (rc != 0) {
            for (int i = 0; i < taken; i++) types.put(frames[i]);
            return -Errno.EINVAL;
        }
        if (cb.modes.rings) for (long f : frames) fixPage(f);
        for (long f : held) types.put(f);
        held = frames;
        long[] list16 = new long[16];
        System.arraycopy(frames, 0, list16, 0, n);
        cb.gdtFrames = list16;
        cb.gdtEntries = entries;
        s.gdtBase = n == 0 ? 0 : frames[0] << 12;
        s.gdtLimit = entries == 0 ? 0 : (int) (entries * 8 - 1);
        return 0;
    }

    private long checkPage(long frame) {
        if (!types.isRam(frame)) return -Errno.EINVAL;
        var page = types.page(frame);
        for (int i = 0; i < PER_PAGE; i++)
            if (!check(page.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 8L * i), wide)) return -Errno.EINVAL;
        return 0;
    }

    /** MMUEXT_SET_LDT's limits: 8192 entries; Xen's LDT selector (LDT_ENTRY 7178) marks an LDT as loaded. */
    static final int MAX_LDT_ENTRIES = 8192, LDT_SELECTOR = 7178 << 3;
    /** The frames the loaded LDT typed, released by the next SET_LDT. */
    private long[] heldLdt = new long[0];

    /**
     * MMUEXT_SET_LDT {@code (linear_addr, nr_ents)}: Xen's argument checks (the address page-aligned and a guest
     * address, at most 8192 entries, else -EINVAL; no entries means no LDT), then its pages: each must be mapped by
     * the current tables to a frame of the domain whose whole page passes {@link #check}, and takes the
     * descriptor-page type with Xen's fix-ups, as Xen does when it maps an LDT page. Deviation: Xen accepts the call
     * and checks each page when the guest first uses it (faulting then); here the pages are checked now and a page
     * that is unmapped or fails is -EINVAL, nothing loaded. The LDT is then read at its linear address, like the GDT.
     */
    /**
     * Sets the accessed bit of the LDT entry at byte {@code offset} in the frame SET_LDT took for its page: Xen maps
     * the LDT's pages writable in its own area (the shadow LDT), so the processor's write lands in the frame.
     */
    void ldtEntryAccessed(long offset) {
        long[] frames = heldLdt;
        int i = (int) (offset >>> 12);
        var page = i < frames.length ? types.page(frames[i]) : null;
        if (page == null) return;
        long at = (offset & 0xFF8) + 5;
        page.set(java.lang.foreign.ValueLayout.JAVA_BYTE, at, (byte) (page.get(java.lang.foreign.ValueLayout.JAVA_BYTE, at) | 1));
    }

    long setLdt(long ptr, long ents) {
        ents &= 0xFFFF_FFFFL;
        if (ents == 0) ptr = 0;
        boolean addressOk = wide ? Long.compareUnsigned(ptr, 1L << 47) < 0 || Long.compareUnsigned(ptr, 0xFFFF_8800_0000_0000L) >= 0
                : ptr >>> 32 == 0;
        if ((ptr & 0xFFF) != 0 || !addressOk || ents > MAX_LDT_ENTRIES) return -Errno.EINVAL;
        int n = (int) ((ents + PER_PAGE - 1) / PER_PAGE);
        long[] frames = new long[n];
        for (int i = 0; i < n; i++) {
            frames[i] = frameOf(ptr + ((long) i << 12));
            if (frames[i] < 0) return -Errno.EINVAL;
        }
        int taken = 0;
        long rc = 0;
        for (; taken < n; taken++) {
            rc = checkPage(frames[taken]);
            if (rc == 0) rc = types.get(frames[taken], PageTypes.SEG_DESC);
            if (rc != 0) break;
        }
        if (rc != 0) {
            for (int i = 0; i < taken; i++) types.put(frames[i]);
            return -Errno.EINVAL;
        }
        if (cb.modes.rings) for (long f : frames) fixPage(f);
        for (long f : heldLdt) types.put(f);
        heldLdt = frames;
        cb.ldtEntries = ents;
        s.ldtBase = ptr;
        s.ldtLimit = ents == 0 ? 0 : ents * 8 - 1;
        s.ldtr = ents == 0 ? 0 : LDT_SELECTOR;
        return 0;
    }

    /** The frame the current tables map {@code va} to (va's own frame with paging off), or -1. */
    private long frameOf(long va) {
        if ((s.cr0 & CpuState.CR0_PG) == 0) return types.isRam(va >>> 12) ? va >>> 12 : -1;
        long pte = types.l1EntryOf(s.cr3, va);
        if (pte < 0) return -1;
        long e = types.page(pte >>> 12).get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, pte & 0xFFF);
        long frame = (e & PageTypes.ADDRESS) >>> 12;
        return (e & PageTypes.P) != 0 && types.isRam(frame) ? frame : -1;
    }

    long updateDescriptor(long ma, long desc) {
        if ((ma & 7) != 0) return -Errno.EINVAL;
        long frame = ma >>> 12;
        if (!types.isRam(frame) || !check(desc, wide)) return -Errno.EINVAL;
        int type = types.typeOf(frame) == PageTypes.SEG_DESC ? PageTypes.SEG_DESC : PageTypes.WRITABLE;
        if (types.get(frame, type) != 0) return -Errno.EINVAL;
        types.page(frame).set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, ma & 0xFFF, cb.modes.rings ? fixup(desc, wide) : desc);
        types.put(frame);
        return 0;
    }

    private void fixPage(long frame) {
        var page = types.page(frame);
        for (int i = 0; i < PER_PAGE; i++) {
            long d = page.get(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 8L * i);
            page.set(java.lang.foreign.ValueLayout.JAVA_LONG_UNALIGNED, 8L * i, fixup(d, wide));
        }
    }

    /**
     * The fix-ups of Xen's check_descriptor in the ring model, on a descriptor {@link #check} accepted: a present
     * descriptor's DPL is raised to the guest kernel's ring (GUEST_KERNEL_RPL: 3 on x86_64, 1 on x86_32), so a guest
     * cannot make a ring 0 (or, on x86_32, ring 0) segment; a call gate's DPL is then forced to 0 (any use traps to
     * Xen) with the raised DPL kept in its target selector's RPL.
     */
    static long fixup(long raw, boolean wide) {
        long a = raw & 0xFFFF_FFFFL, b = raw >>> 32;
        if ((b & 0x8000) == 0) return raw;
        int dpl = Math.max((int) (b >>> 13) & 3, wide ? 3 : 1);
        b = (b & ~0x6000L) | (long) dpl << 13;
        if ((b & 0x1000) == 0) {
            if ((b >>> 8 & 0xF) == 0) return raw;       // the upper half of a call gate
            int cs = ((int) (a >>> 16) & ~3) | dpl;      // call gate
            b &= ~0x6000L;
            a = (a & 0xFFFF) | (long) cs << 16;
        }
        return b << 32 | a;
    }

    /** Xen's check_descriptor (little-endian raw descriptor). */
    static boolean check(long raw, boolean wide) {
        long b = raw >>> 32;
        if ((b & (1 << 15)) == 0) return true;              // not present: always faults, so safe
        if ((b & (1 << 12)) != 0) {                         // code or data
            boolean code = (b & (1 << 11)) != 0, longCode = (b & (1 << 21)) != 0;
            return wide || !(code && longCode);
        }
        int type = (int) (b >>> 8) & 0xF;
        if (type == 0) return true;                         // the upper half of a 16-byte call gate
        if (type != 0xC) return false;                      // only call gates among system descriptors
        int selector = (int) (raw >>> 16) & 0xFFFF;
        return (selector & 0xFFFC) != 0;
    }
}
