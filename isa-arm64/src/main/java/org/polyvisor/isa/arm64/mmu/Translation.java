package org.polyvisor.isa.arm64.mmu;

import org.polyvisor.isa.arm64.decode.SysReg;
import org.polyvisor.isa.arm64.exec.Arm64State;
import org.polyvisor.spi.GuestMemory;

/**
 * Stage-1 address translation for EL1&amp;0, the one entry the interpreter calls. With SCTLR_EL1.M = 0 a virtual
 * address is its physical address (Arm ARM D8.2.11), faulting above the 48-bit physical address space; with
 * M = 1 it walks the guest's tables ({@link Stage1Walk}) with the current TCR_EL1, TTBR0_EL1 and TTBR1_EL1.
 * Results are cached by the caller's {@link org.polyvisor.spi.exec.SoftTlb}, which the vCPU flushes on every
 * write to those registers, on TLBI and on a change of exception level while the MMU is on.
 */
public final class Translation {
    /** Returned when the access faults; {@link #faultStatus} holds the DFSC/IFSC. */
    public static final long FAULT = Stage1Walk.FAULT;
    /** Access kinds, numbered as {@link org.polyvisor.spi.exec.SoftTlb}'s ways. */
    public static final int READ = Stage1Walk.READ, WRITE = Stage1Walk.WRITE, FETCH = Stage1Walk.FETCH;

    /** Fault status codes (DFSC/IFSC, Arm ARM D17.2.37): address size fault at level 0; synchronous external abort. */
    public static final int FSC_ADDRESS_SIZE_L0 = 0x00, FSC_EXTERNAL = 0x10;

    private static final int PA_BITS = 48;
    private static final long SCTLR_M = 1;

    private final Arm64State s;
    private final Stage1Walk walk;

    /** The fault status code of the last access that returned {@link #FAULT}. */
    public int faultStatus;

    public Translation(Arm64State state, GuestMemory memory) {
        this.s = state;
        this.walk = new Stage1Walk(memory);
    }

    public boolean enabled() { return (s.sys[SysReg.SCTLR_EL1] & SCTLR_M) != 0; }

    /** The guest-physical address for {@code va} and this kind of access at the current EL, or {@link #FAULT}. */
    public long translate(long va, int kind) { return translate(va, kind, s.el()); }

    /** The same, as an access from exception level {@code el} would see it (AT S1E0R/W use EL0). */
    public long translate(long va, int kind, int el) {
        if (!enabled()) {
            if ((va >>> PA_BITS) == 0) return va;
            faultStatus = FSC_ADDRESS_SIZE_L0;
            return FAULT;
        }
        long[] r = s.sys;
        long pa = walk.walk(va, el, kind, r[SysReg.SCTLR_EL1], r[SysReg.TCR_EL1], r[SysReg.TTBR0_EL1], r[SysReg.TTBR1_EL1]);
        if (pa == FAULT) faultStatus = walk.faultStatus;
        return pa;
    }

    /**
     * AT S1E{0,1}{R,W}: the PAR_EL1 value for {@code va} (Arm ARM D17.2.113). Success: PA[47:12], bit 11 (RES1),
     * SH in 8:7 and the MAIR_EL1 attribute byte in 63:56. Failure: F (bit 0) with the FSC in FST (6:1).
     */
    public long addressTranslate(long va, int el, boolean write) {
        long pa = translate(va, write ? WRITE : READ, el);
        if (pa == FAULT) return ((long) faultStatus << 1) | 1;
        long attr = 0, sh = 0;
        if (enabled()) {
            long leaf = walk.leaf;
            attr = (s.sys[SysReg.MAIR_EL1] >>> (8 * ((leaf >>> 2) & 7))) & 0xFF;
            sh = (leaf >>> 8) & 3;
        }
        return (attr << 56) | (pa & 0x0000_FFFF_FFFF_F000L) | (1L << 11) | (sh << 7);
    }
}
