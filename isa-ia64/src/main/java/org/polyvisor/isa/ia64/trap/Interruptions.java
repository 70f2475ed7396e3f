package org.polyvisor.isa.ia64.trap;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.spi.VcpuExit;

/**
 * Interruption delivery (SDM rev 2.3 vol 2 part I, 5.4 "Interruption Handling", 5.5 "Interruption state").
 * <p><b>Installed</b>: the IVT counts as installed once the guest has written cr.iva (mov cr.iva=r, at
 * privilege level 0). Before that, a fault the guest cannot take ends the domain with
 * {@code VcpuExit.Fault(reason, ip)} exactly as the skeleton did (so crash.S still crashes with "undefined
 * instruction ..."); after it, the fault is delivered to iva + its vector offset.
 * <p>Delivery: with PSR.ic = 1 the interruption state is collected (IPSR = PSR with ri = the faulting slot,
 * IIP = its bundle, IIPA, IFS.v = 0, and IFA / IIM / ITIR / IHA when the fault defines them); ISR is always written, with
 * ei = the slot. Then PSR.ic, i, pk, bn, ri, ss, ed, id, da, dd, ia, db, lp, tb, is and cpl are cleared (bank 0 is
 * selected), PSR.be takes DCR.be, and dt / it / rt keep their values. A data TLB miss (Data TLB, Alternate Data
 * TLB, data VHPT Translation) taken with PSR.ic = 0 goes to the Data Nested TLB vector instead.
 */
public final class Interruptions {
    /** PSR bits an interruption clears (ic 13, i 14, pk 15, ss 40, ed 43, bn 44, ia 45, db 24, lp 25, tb 26, is 34, id 37, da 38, dd 39). */
    private static final long CLEARED = 1L << 13 | 1L << 14 | 1L << 15 | 1L << 24 | 1L << 25 | 1L << 26 | 1L << 34 | 1L << 37
            | 1L << 38 | 1L << 39 | 1L << 40 | 1L << 43 | 1L << 44 | 1L << 45;
    private static final long PSR_BE = 1L << 1;

    private Interruptions() { }

    /**
     * Delivers the interruption {@code c.trap*} raised at {@code slot} of the bundle at IP. False (with
     * {@code c.exit} set to the fallback Fault) when no IVT is installed.
     */
    public static boolean deliver(CpuState c, int slot) {
        if (!c.ivaInstalled) {
            c.exit = new VcpuExit.Fault(c.trapReason, c.ip);
            return false;
        }
        c.ri = slot;
        int vector = c.trapVector;
        boolean collect = (c.psr & CpuState.PSR_IC) != 0;
        // A data TLB miss with collection off goes to the Data Nested TLB vector (5.7: the handler of a TLB miss
        // that itself misses, typically on its page-table reference).
        if (!collect && (vector == Vector.DATA_TLB || vector == Vector.ALTERNATE_DATA_TLB
                || (vector == Vector.VHPT_TRANSLATION && (c.trapIsr & 1L << 32) == 0))) vector = Vector.DATA_NESTED_TLB;
        if (collect) {
            c.cr[CpuState.CR_IPSR] = c.fullPsr();
            c.cr[CpuState.CR_IIP] = c.ip;
            c.cr[CpuState.CR_IIPA] = c.ip;
            c.cr[CpuState.CR_IFS] = 0;
            if (c.trapWritesIfa) c.cr[CpuState.CR_IFA] = c.trapIfa;
            if (c.trapWritesIim) c.cr[CpuState.CR_IIM] = c.trapIim;
            if (c.trapWritesTranslation) {
                c.cr[CpuState.CR_ITIR] = c.trapItir;
                c.cr[CpuState.CR_IHA] = c.trapIha;
            }
        }
        c.cr[CpuState.CR_ISR] = c.trapIsr | (long) slot << 41;
        long psr = c.psr & ~CLEARED & ~PSR_BE | (c.cr[CpuState.CR_DCR] & 2);
        c.setPsr(psr);
        c.cpl = 0;
        c.translationChanged.run();
        c.ip = (c.cr[CpuState.CR_IVA] & ~0x7fffL) + vector;
        c.ri = 0;
        return true;
    }
}
