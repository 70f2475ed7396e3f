package org.polyvisor.isa.ia64.mmu;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.trap.Vector;
import org.polyvisor.spi.GuestMemory;

/**
 * Virtual to physical translation (SDM rev 2.3 vol 2 part I, chapter 4). With PSR.dt (data) or PSR.it
 * (instruction fetch) clear, addresses are physical and pass through unchanged. Otherwise the region register of
 * the address gives the region id, and the {@link RegionTlb} must hold a matching entry; on a miss the VHPT
 * walker (short format, 4.1.5) reads the entry at the hashed address when PTA.ve and the region's rr.ve are set,
 * and inserts it; else the miss is an Alternate (VHPT off) or plain TLB fault for the guest's handler.
 * Then: present bit (Page Not Present), access rights and privilege (Access Rights, table 4-?), access bit
 * (Access-Bit faults) and dirty bit on writes (Dirty-Bit fault). A fault leaves its vector, ISR bits, IFA, ITIR
 * and IHA in the fault fields, for the interruption to collect.
 * <p>Access rights, as read from the manual's table: ar 0-3 give r, rx, rw, rwx; ar 4-6 give r, rx, rw plus
 * write (and execute for 5-6) at privilege level 0; ar 7 gives execute; all only while PSR.cpl &lt;= the page's
 * pl (execute of ar 7 at any level).
 * <p>Protection keys (4.1.3): only while PSR.pk = 1, after the present bit and before the access rights (the
 * priority order of 5.6, table 5-?: Page Not Present, Key Miss, Key Permission, Access Rights, Dirty-Bit,
 * Access-Bit), the entry's key is looked up in {@link ProtectionKeys}: no valid match is an Instruction (0x1800)
 * or Data (0x1c00) Key Miss fault, a match whose xd / wd / rd bit disables the access a Key Permission fault
 * (0x5100). As for every translation fault (vol 2 part I chapter 8, the vector descriptions), ITIR then holds the
 * default translation information of the address (key = the region register's rid, ps = its ps; the guest reads
 * the translation's own key with tak), IFA the address and ISR x/w/r the access.
 */
public final class Translation {
    public static final int READ = 0, WRITE = 1, FETCH = 2;
    private static final long ISR_X = 1L << 32, ISR_W = 1L << 33, ISR_R = 1L << 34;
    private static final int R = 1, W = 2, X = 4;
    private static final int[] BASE = {R, R | X, R | W, R | W | X, R, R | X, R | W, X};
    private static final int[] LEVEL0 = {R, R | X, R | W, R | W | X, R | W, R | W | X, R | W | X, R | X};

    public final RegionTlb tlb = new RegionTlb();
    public final ProtectionKeys keys = new ProtectionKeys();
    private CpuState cpu;
    private GuestMemory memory;

    /** The last fault: vector offset, ISR bits (without ei), IFA, ITIR and IHA. */
    public int faultVector;
    public long faultIsr, faultIfa, faultItir, faultIha;
    public String faultReason;

    /** Attaches the processor state and the memory the VHPT walker reads (the vCPU does it once). */
    public void attach(CpuState cpu, GuestMemory memory) {
        this.cpu = cpu;
        this.memory = memory;
    }

    /** The guest-physical address of {@code va} for a read or a write, or -1 (see the fault fields). */
    public long translate(long va, boolean write) {
        return translate(va, write ? WRITE : READ);
    }

    /** The guest-physical address of {@code va} for {@code kind} (READ, WRITE, FETCH), or -1 after a fault. */
    public long translate(long va, int kind) {
        if (cpu == null) return va;
        long mode = kind == FETCH ? CpuState.PSR_IT : CpuState.PSR_DT;
        if ((cpu.psr & mode) == 0) return va;
        int side = kind == FETCH ? RegionTlb.I : RegionTlb.D;
        int e = tlb.lookup(side, va);
        if (e < 0) {
            int walked = walk(side, va);
            if (walked < 0) {
                long isr = kind == FETCH ? ISR_X : kind == WRITE ? ISR_W : ISR_R;
                return fault(Vector.VHPT_TRANSLATION, isr, va, (int) (tlb.rr[(int) (va >>> 61)] >>> 2 & 0x3f), "VHPT translation", kind);
            }
            if (walked == 0) return miss(side, va, kind);
            e = tlb.lookup(side, va);
        }
        long pte = tlb.pte(side, e);
        int psz = tlb.pageShift(side, e);
        long isr = kind == FETCH ? ISR_X : kind == WRITE ? ISR_W : ISR_R;
        if ((pte & 1) == 0) return fault(Vector.PAGE_NOT_PRESENT, isr, va, psz, "page not present", kind);
        if ((cpu.psr & CpuState.PSR_PK) != 0 && !keyAllows(side, e, va, isr, kind)) return -1;
        int ar = (int) (pte >>> 9 & 7), pl = (int) (pte >>> 7 & 3);
        int rights = cpu.cpl <= pl ? (cpu.cpl == 0 ? LEVEL0[ar] : BASE[ar]) : (ar == 7 ? X : 0);
        int need = kind == FETCH ? X : kind == WRITE ? W : R;
        if ((rights & need) == 0)
            return fault(kind == FETCH ? Vector.INSTRUCTION_ACCESS_RIGHTS : Vector.DATA_ACCESS_RIGHTS, isr, va, psz, "access rights", kind);
        if ((pte & 1L << 5) == 0)
            return fault(kind == FETCH ? Vector.INSTRUCTION_ACCESS_BIT : Vector.DATA_ACCESS_BIT, isr, va, psz, "access bit", kind);
        if (kind == WRITE && (pte & 1L << 6) == 0) return fault(Vector.DIRTY_BIT, isr, va, psz, "dirty bit", kind);
        long ppn = pte & ((1L << 50) - 1) & -(1L << 12);
        long mask = (1L << psz) - 1;
        return (ppn & ~mask) | (va & mask);
    }

    /**
     * The protection key check of 4.1.3 for entry {@code e}; false after raising a key fault, whose ITIR is the
     * region's default (rr.rid as key, rr.ps as page size), as the vector descriptions give it.
     */
    private boolean keyAllows(int side, int e, long va, long isr, int kind) {
        int i = keys.find(tlb.key(side, e));
        long disable = kind == FETCH ? ProtectionKeys.XD : kind == WRITE ? ProtectionKeys.WD : ProtectionKeys.RD;
        if (i != ProtectionKeys.MISS && !ProtectionKeys.forbids(keys.pkr[i], disable)) return true;
        int vector = i != ProtectionKeys.MISS ? Vector.KEY_PERMISSION
                : kind == FETCH ? Vector.INSTRUCTION_KEY_MISS : Vector.DATA_KEY_MISS;
        fault(vector, isr, va, (int) (tlb.rr[(int) (va >>> 61)] >>> 2 & 0x3f), i != ProtectionKeys.MISS ? "key permission" : "key miss", kind);
        return false;
    }

    /** The short-format VHPT hash of {@code va} (4.1.5.?): region bits, PTA.base above the table size, the vpn. */
    public long hash(long va) {
        long pta = cpu.cr[CpuState.CR_PTA];
        int size = (int) (pta >>> 2 & 0x3f);
        long rrv = tlb.rr[(int) (va >>> 61)];
        int ps = (int) (rrv >>> 2 & 0x3f);
        long mask = (1L << size) - 1;
        long base = pta & ((1L << 61) - 1) & -(1L << 15);
        return (va & 0xe000_0000_0000_0000L) | (base & ~mask) | (((va & ((1L << 61) - 1)) >>> ps << 3) & mask);
    }

    /**
     * The VHPT walker: 1 when it inserted a present entry, 0 when it is off for this region (or long format) or
     * finds no present entry (a TLB fault follows), -1 when its own reference to the VHPT does not translate
     * (VHPT Translation fault, vector 0x0000: the walker does not walk for itself).
     */
    private int walk(int side, long va) {
        long pta = cpu.cr[CpuState.CR_PTA];
        long rrv = tlb.rr[(int) (va >>> 61)];
        if ((pta & 1) == 0 || (rrv & 1) == 0 || (pta & 1L << 8) != 0) return 0;
        long iha = hash(va);
        int e = tlb.lookup(RegionTlb.D, iha);
        if (e < 0) return -1;
        long gpa = translateEntry(e, iha);
        if (!memory.isRam(gpa, 8)) return 0;
        long entry = memory.read(gpa, 8);
        if ((entry & 1) == 0) return 0;
        tlb.insertCache(side, va, rrv & 0xfc | (rrv & ~0xffL), entry);
        return 1;
    }

    private long translateEntry(int e, long va) {
        long pte = tlb.pte(RegionTlb.D, e);
        int psz = tlb.pageShift(RegionTlb.D, e);
        long mask = (1L << psz) - 1;
        return (pte & ((1L << 50) - 1) & -(1L << 12) & ~mask) | (va & mask);
    }

    private long miss(int side, long va, int kind) {
        long pta = cpu.cr[CpuState.CR_PTA];
        boolean vhpt = (pta & 1) != 0 && (tlb.rr[(int) (va >>> 61)] & 1) != 0;
        int vector = side == RegionTlb.I
                ? (vhpt ? Vector.INSTRUCTION_TLB : Vector.ALTERNATE_INSTRUCTION_TLB)
                : (vhpt ? Vector.DATA_TLB : Vector.ALTERNATE_DATA_TLB);
        long isr = kind == FETCH ? ISR_X : kind == WRITE ? ISR_W : ISR_R;
        long rrv = tlb.rr[(int) (va >>> 61)];
        return fault(vector, isr, va, (int) (rrv >>> 2 & 0x3f), (side == RegionTlb.I ? "instruction" : "data") + " TLB miss", kind);
    }

    private long fault(int vector, long isr, long va, int ps, String what, int kind) {
        faultVector = vector;
        faultIsr = isr;
        faultIfa = va;
        faultItir = (long) ps << 2 | (long) tlb.ridOf(va) << 8;
        faultIha = hash(va);
        faultReason = what + " (" + Vector.name(vector) + ") at 0x" + Long.toHexString(va) + " with no interruption vector table";
        return -1;
    }
}
