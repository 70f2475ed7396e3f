package org.polyvisor.isa.arm64.mmu;

import org.polyvisor.spi.GuestMemory;

/**
 * The VMSAv8-64 stage-1 translation table walk of the EL1&amp;0 regime (Arm ARM D8.2-D8.4): TTBR0_EL1/TTBR1_EL1
 * chosen by VA bit 55, T0SZ/T1SZ, 4K/16K/64K granules from TG0/TG1, EPD0/EPD1, TBI0/TBI1, the output size from
 * IPS; table, block and page descriptors with the hierarchical APTable/UXNTable/PXNTable limits; AF, AP[2:1],
 * UXN, PXN, nG and SCTLR_EL1.WXN. Faults are reported with their level as the DFSC/IFSC codes.
 * <p>Tables are read from guest-physical memory with plain reads: the walk never sets AF or dirty bits (no
 * FEAT_HAFDBS), so a clear AF is an Access flag fault, as on an ARMv8.0 core.
 */
public final class Stage1Walk {
    /** Returned for a fault; {@link #faultStatus} says which. */
    public static final long FAULT = -1;
    public static final int READ = 0, WRITE = 1, FETCH = 2;

    /** Fault status codes for level L (add L): address size, translation, access flag, permission, walk abort. */
    public static final int FSC_ADDRESS_SIZE = 0x00, FSC_TRANSLATION = 0x04, FSC_ACCESS_FLAG = 0x08,
            FSC_PERMISSION = 0x0C, FSC_WALK_EXTERNAL = 0x14;

    private static final long OA_MASK = 0x0000_FFFF_FFFF_FFFFL;
    private static final long AF = 1L << 10, NG = 1L << 11, AP1 = 1L << 6, AP2 = 1L << 7,
            PXN = 1L << 53, UXN = 1L << 54;
    private static final long PXN_TABLE = 1L << 59, UXN_TABLE = 1L << 60, AP_TABLE0 = 1L << 61, AP_TABLE1 = 1L << 62;
    private static final long SCTLR_WXN = 1L << 19;
    private static final int[] IPS_BITS = {32, 36, 40, 42, 44, 48, 48, 48};

    private final GuestMemory memory;

    /** After a fault: the FSC including the level. */
    public int faultStatus;
    /** After a success: the leaf descriptor and whether it is not global (nG). */
    public long leaf;
    public boolean notGlobal;

    public Stage1Walk(GuestMemory memory) { this.memory = memory; }

    /** Translates {@code va} for an access of {@code kind} at {@code el}; the PA or {@link #FAULT}. */
    public long walk(long va, int el, int kind, long sctlr, long tcr, long ttbr0, long ttbr1) {
        boolean upper = ((va >>> 55) & 1) != 0;
        int tsz = (int) (upper ? tcr >>> 16 : tcr) & 0x3F;
        boolean epd = ((upper ? tcr >>> 23 : tcr >>> 7) & 1) != 0;
        boolean tbi = ((upper ? tcr >>> 38 : tcr >>> 37) & 1) != 0;
        int tg = (int) (upper ? tcr >>> 30 : tcr >>> 14) & 3;
        int granule = upper ? (tg == 1 ? 14 : tg == 3 ? 16 : 12) : (tg == 1 ? 16 : tg == 2 ? 14 : 12);
        tsz = Math.max(16, Math.min(39, tsz));
        int inputBits = 64 - tsz;
        long checked = tbi ? (va << 8) >> 8 : va;
        long high = checked >> inputBits;
        if (epd || high != (upper ? -1L : 0L)) return fault(FSC_TRANSLATION, 0);

        int stride = granule - 3;
        int level = 4 - (inputBits - granule + stride - 1) / stride;
        int paBits = IPS_BITS[(int) (tcr >>> 32) & 7];
        long table = (upper ? ttbr1 : ttbr0) & OA_MASK & ~1L;
        boolean noEl0 = false, readOnly = false, uxnTable = false, pxnTable = false;
        while (true) {
            int shift = granule + (3 - level) * stride;
            int bits = Math.min(stride, inputBits - shift);
            long address = table + ((va >>> shift) & ((1L << bits) - 1)) * 8;
            if (!memory.isRam(address, 8)) return fault(FSC_WALK_EXTERNAL, level);
            long desc = memory.read(address, 8);
            if ((desc & 1) == 0) return fault(FSC_TRANSLATION, level);
            if (level < 3 && (desc & 2) != 0) {
                long next = desc & OA_MASK & -(1L << granule);
                if ((next >>> paBits) != 0) return fault(FSC_ADDRESS_SIZE, level);
                noEl0 |= (desc & AP_TABLE0) != 0;
                readOnly |= (desc & AP_TABLE1) != 0;
                uxnTable |= (desc & UXN_TABLE) != 0;
                pxnTable |= (desc & PXN_TABLE) != 0;
                table = next;
                level++;
                continue;
            }
            if (level == 3 ? (desc & 2) == 0 : !blockAllowed(granule, level)) return fault(FSC_TRANSLATION, level);
            long offsetMask = (1L << shift) - 1;
            long oa = desc & OA_MASK & ~offsetMask;
            if ((oa >>> paBits) != 0) return fault(FSC_ADDRESS_SIZE, level);
            if ((desc & AF) == 0) return fault(FSC_ACCESS_FLAG, level);
            boolean el0 = (desc & AP1) != 0 && !noEl0;
            boolean ro = (desc & AP2) != 0 || readOnly;
            boolean wxn = (sctlr & SCTLR_WXN) != 0;
            if (!permitted(el, kind, el0, ro, (desc & UXN) != 0 || uxnTable, (desc & PXN) != 0 || pxnTable, wxn))
                return fault(FSC_PERMISSION, level);
            leaf = desc;
            notGlobal = (desc & NG) != 0;
            return oa | (va & offsetMask);
        }
    }

    /**
     * Stage-1 access permissions (Arm ARM D8.4.1): AP[1] grants EL0 access, AP[2] makes the page read-only;
     * EL0 executes what is not UXN, EL1 what is not PXN and not writable at EL0; WXN removes execute from
     * anything writable at that level.
     */
    static boolean permitted(int el, int kind, boolean el0Access, boolean readOnly, boolean uxn, boolean pxn,
                             boolean wxn) {
        if (el == 0) {
            return switch (kind) {
                case READ -> el0Access;
                case WRITE -> el0Access && !readOnly;
                default -> !uxn && !(wxn && el0Access && !readOnly);
            };
        }
        return switch (kind) {
            case READ -> true;
            case WRITE -> !readOnly;
            default -> !pxn && !(el0Access && !readOnly) && !(wxn && !readOnly);
        };
    }

    /** Block descriptors exist at level 1 and 2 with 4K pages, at level 2 with 16K and 64K (no FEAT_LPA). */
    private static boolean blockAllowed(int granule, int level) {
        return level == 2 || granule == 12 && level == 1;
    }

    private long fault(int fsc, int level) {
        faultStatus = fsc + level;
        return FAULT;
    }
}
