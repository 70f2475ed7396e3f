package org.polyvisor.isa.x86.pv;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import org.polyvisor.spi.GuestMemory;

/**
 * Xen's page types for a PV domain's direct paging (xen/arch/x86/mm.c: get_page_type, alloc_lN_table,
 * get_page_from_lNe, mod_lN_entry), shared by the domain's vCPUs. A frame is untyped, a level-N page table (L1..L4;
 * L3 is the root of a 32-bit PAE guest, L4 of an x86_64 one), a writable page or a descriptor-table page, with a count
 * of the references of that type: pins, entries of validated tables one level up, base pointers, writable mappings
 * in validated L1 tables, GDT registrations. A frame changes type only when its count is 0, so a page that some
 * validated L1 maps writable can never become a page table, and a page table can never be mapped writable.
 *
 * <p>Frame numbers are guest frame numbers: Polyvisor's PV guests see their pseudo-physical frames as the machine
 * frames of Xen's interface (the P2M is the identity from the guest's view, and the MMU walks guest-physical
 * addresses), so page-table entries hold guest frame numbers and {@code MMU_MACHPHYS_UPDATE} records into an M2P of
 * the domain's own frames. The domain's own frames are exactly its RAM: a frame outside it is foreign or I/O space.
 *
 * <p>Validation of a table entry (present entries only), with Xen's errors:
 * <ul>
 * <li>L1: cache-attribute bits (PWT, PCD, PAT: an unprivileged domain has no I/O memory) -EINVAL; a frame that is not
 *     the domain's RAM -EPERM (get_page_from_l1e's "non-privileged attempt to map I/O space"); a writable mapping of a
 *     frame typed otherwise (a page table or descriptor page) -EBUSY.</li>
 * <li>L2-L4: PWT, PCD, PSE (no superpages for PV) or G -EINVAL; a frame outside RAM -EINVAL; the frame must take the
 *     next lower table type, else -EINVAL (its own table's error propagates). A 32-bit PAE L3 (4 entries used) allows
 *     only P and the available bits. An x86_64 L4 may not have present entries in Xen's slots 256-271 (Xen overwrites
 *     them with its own mappings; here they are refused, -EINVAL).</li>
 * </ul>
 * Linear (recursive) page tables, which Xen allows in restricted forms, are refused as type mismatches. Not
 * preemptible: a table is validated in one go. Thread-safe (the domain's vCPUs share one instance).
 */
public final class PageTypes {
    public static final int NONE = 0, L1 = 1, L2 = 2, L3 = 3, L4 = 4, WRITABLE = 5, SEG_DESC = 6;
    static final long P = 1, RW = 2, PWT = 8, PCD = 0x10, PSE = 0x80, G = 0x100, PAT = 0x80;
    static final long ADDRESS = 0x000F_FFFF_FFFF_F000L;
    private static final long L1_DISALLOW = PWT | PCD | PAT, UPPER_DISALLOW = PWT | PCD | PSE | G;
    /** A PAE page-directory-pointer entry: everything but P and the available bits 9-11 (SDM Vol. 3, 4.4.1). */
    private static final long PAE_L3_DISALLOW = 0x1FEL | 0xFFF0_0000_0000_0000L;
    private static final int XEN_SLOT_FIRST = 256, XEN_SLOT_LAST = 271;

    private static final Map<GuestMemory, PageTypes> DOMAINS = new WeakHashMap<>();

    /**
     * Weak: the registry maps the memory to this object, so a strong reference back would keep a destroyed domain's
     * memory reachable for ever. The domain's vCPUs hold the memory while they can call here.
     */
    private final java.lang.ref.WeakReference<GuestMemory> memoryRef;
    private final boolean wide;
    private final Map<Long, Info> types = new HashMap<>();
    private final Set<Long> pinned = new HashSet<>();
    private final Map<Long, Long> machToPhys = new HashMap<>();

    private static final class Info {
        int type;
        int count;
        boolean validating;
    }

    PageTypes(GuestMemory memory, boolean wide) {
        this.memoryRef = new java.lang.ref.WeakReference<>(memory);
        this.wide = wide;
    }

    /** The page types of the domain whose memory this is (one per domain, made by its first vCPU). */
    public static synchronized PageTypes of(GuestMemory memory, boolean wide) {
        return DOMAINS.computeIfAbsent(memory, m -> new PageTypes(m, wide));
    }

    /** The root table level: L4 for x86_64, L3 for a 32-bit PAE guest. */
    public int rootLevel() { return wide ? L4 : L3; }

    /**
     * An x86_64 domain in Xen's ring model ({@link GuestModes}): its kernel runs at ring 3, so, as Xen's
     * adjust_guest_l1e..l4e do for 64-bit PV guests, every present entry of a validated table gets _PAGE_USER, when
     * the table is validated and on each mmu_update of it (the guest reads the entries back with the bit set).
     */
    public volatile boolean userPages;
    /**
     * The domain's kernel runs in Xen's ring model (set when vCPU 0 boots it), and the guest-physical shared_info its
     * start_info names: vCPUs brought up later with VCPUOP_initialise join the model with their vcpu_info there.
     * (Domain-wide like the page types, so kept with them.)
     */
    volatile boolean rings;
    volatile long sharedInfo;
    static final long US = 4;

    /** The domain's TLB flush requests between its vCPUs. */
    final TlbShootdown shootdown = new TlbShootdown();

    private GuestMemory memory() { return memoryRef.get(); }

    java.lang.foreign.MemorySegment page(long frame) { return memory().page(frame); }

    boolean isRam(long frame) {
        GuestMemory m = memory();
        return m != null && frame >= 0 && frame <= (ADDRESS >>> 12) && m.page(frame) != null;
    }

    /** The type of {@code frame} (NONE while its count is 0). */
    public synchronized int typeOf(long frame) {
        Info i = types.get(frame);
        return i == null || i.count == 0 ? NONE : i.type;
    }

    /** How many references of its type {@code frame} has. */
    public synchronized int countOf(long frame) {
        Info i = types.get(frame);
        return i == null ? 0 : i.count;
    }

    public synchronized boolean pinned(long frame) { return pinned.contains(frame); }

    /** The M2P entry the guest recorded for {@code frame} with MMU_MACHPHYS_UPDATE (the identity until then). */
    public synchronized long machToPhys(long frame) { return machToPhys.getOrDefault(frame, frame); }

    /** Takes a reference of {@code type} on {@code frame}, validating a table on its first one: 0 or -errno. */
    public synchronized long get(long frame, int type) {
        if (!isRam(frame)) return -Errno.EINVAL;
        Info i = types.computeIfAbsent(frame, k -> new Info());
        if (i.count > 0) {
            if (i.type != type || i.validating) return -Errno.EINVAL;
            i.count++;
            return 0;
        }
        i.type = type;
        i.count = 1;
        if (type >= L1 && type <= L4) {
            i.validating = true;
            long rc = validate(frame, type);
            i.validating = false;
            if (rc != 0) {
                types.remove(frame);
                return rc;
            }
        }
        return 0;
    }

    /** Drops a reference; the last one of a table releases what its entries referenced. */
    public synchronized void put(long frame) {
        Info i = types.get(frame);
        if (i == null || i.count == 0) return;
        if (--i.count > 0) return;
        types.remove(frame);
        if (i.type >= L1 && i.type <= L4) {
            long base = frame << 12;
            for (int n = 0, entries = entries(i.type); n < entries; n++) putEntry(i.type, memory().read(base + 8L * n, 8));
        }
    }

    /** MMUEXT_PIN_Ln_TABLE: -EINVAL for a frame outside RAM or pinned already, else the validation's answer. */
    public synchronized long pin(long frame, int level) {
        if (!isRam(frame) || pinned.contains(frame)) return -Errno.EINVAL;
        long rc = get(frame, level);
        if (rc == 0) pinned.add(frame);
        return rc;
    }

    /** MMUEXT_UNPIN_TABLE: -EINVAL when the frame is not pinned. */
    public synchronized long unpin(long frame) {
        if (!pinned.remove(frame)) return -Errno.EINVAL;
        put(frame);
        return 0;
    }

    /** MMU_MACHPHYS_UPDATE: -EINVAL for a frame that is not the domain's. */
    public synchronized long setMachToPhys(long frame, long pfn) {
        if (!isRam(frame)) return -Errno.EINVAL;
        machToPhys.put(frame, pfn);
        return 0;
    }

    /**
     * MMU_NORMAL_PT_UPDATE: writes the 8-byte entry at guest-physical {@code ptr} (8-aligned). In a page typed as a
     * table the new entry is validated at that level first and the old one released after (mod_lN_entry); a page of
     * no type or a writable one is written as it is; a descriptor page is refused.
     */
    public synchronized long update(long ptr, long value) {
        long frame = ptr >>> 12;
        if (!isRam(frame)) return -Errno.EINVAL;
        int type = typeOf(frame);
        if (type == SEG_DESC) return -Errno.EINVAL;
        if (type == NONE || type == WRITABLE) {
            memory().write(ptr, 8, value);
            return 0;
        }
        int index = (int) ((ptr & 0xFFF) >>> 3);
        if (index >= entries(type)) {  // a PAE L3's unused entries: never walked
            memory().write(ptr, 8, value);
            return 0;
        }
        if (wide && type == L4 && xenSlot(index)) return -Errno.EINVAL;
        if (userPages && (value & P) != 0) value |= US;
        long old = memory().read(ptr, 8);
        if (((old ^ value) & (ADDRESS | P | RW)) == 0 && (value & disallowed(type)) == 0) {  // same mapping: no references change
            memory().write(ptr, 8, value);
            return 0;
        }
        long rc = getEntry(type, value);
        if (rc != 0) return rc;
        memory().write(ptr, 8, value);
        putEntry(type, old);
        return 0;
    }

    /**
     * The guest-physical address of the L1 entry that maps {@code va} under the root table at {@code root}, or -1
     * when no L1 table maps it (an entry on the way not present, a superpage, a table outside RAM).
     */
    public synchronized long l1EntryOf(long root, long va) {
        long table = root & ADDRESS;
        int[] shifts = wide ? new int[] {39, 30, 21} : new int[] {30, 21};
        for (int k = 0; k < shifts.length; k++) {
            if (!isRam(table >>> 12)) return -1;
            int index = (int) ((va >>> shifts[k]) & (!wide && k == 0 ? 3 : 511));
            long e = memory().read(table + 8L * index, 8);
            if ((e & P) == 0 || (k > 0 && (e & PSE) != 0)) return -1;
            table = e & ADDRESS;
        }
        if (!isRam(table >>> 12)) return -1;
        return table + 8L * ((va >>> 12) & 511);
    }

    private int entries(int type) { return !wide && type == L3 ? 4 : 512; }

    private static boolean xenSlot(int index) { return index >= XEN_SLOT_FIRST && index <= XEN_SLOT_LAST; }

    private long disallowed(int level) {
        if (level == L1) return L1_DISALLOW;
        return !wide && level == L3 ? PAE_L3_DISALLOW : UPPER_DISALLOW;
    }

    /** alloc_lN_table: every entry's reference, or none (those taken are released) and the first error. */
    private long validate(long frame, int level) {
        long base = frame << 12;
        int n = entries(level);
        for (int k = 0; k < n; k++) {
            long e = memory().read(base + 8L * k, 8);
            long rc = wide && level == L4 && xenSlot(k) && (e & P) != 0 ? -Errno.EINVAL : getEntry(level, e);
            if (rc != 0) {
                for (int j = 0; j < k; j++) putEntry(level, memory().read(base + 8L * j, 8));
                return rc;
            }
        }
        if (userPages) {
            for (int k = 0; k < n; k++) {
                long e = memory().read(base + 8L * k, 8);
                if ((e & P) != 0 && (e & US) == 0) memory().write(base + 8L * k, 8, e | US);
            }
        }
        return 0;
    }

    /** get_page_from_lNe for a present entry (0 for one not present). */
    private long getEntry(int level, long e) {
        if ((e & P) == 0) return 0;
        if ((e & disallowed(level)) != 0) return -Errno.EINVAL;
        long frame = (e & ADDRESS) >>> 12;
        if (level == L1) {
            if (!isRam(frame)) return -Errno.EPERM;
            if ((e & RW) == 0) return 0;
            return get(frame, WRITABLE) == 0 ? 0 : -Errno.EBUSY;
        }
        if (!isRam(frame)) return -Errno.EINVAL;
        return get(frame, level - 1);
    }

    /** put_page_from_lNe: releases what a present entry referenced. */
    private void putEntry(int level, long e) {
        if ((e & P) == 0) return;
        if ((e & disallowed(level)) != 0) return;  // never validated (written while its table had no type)
        if (level == L1 && (e & RW) == 0) return;
        put((e & ADDRESS) >>> 12);
    }
}
