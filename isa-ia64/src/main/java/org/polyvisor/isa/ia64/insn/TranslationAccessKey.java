package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.mmu.RegionTlb;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * M46 tak r1=r3 (x6 0x1f), "Translation Access Key" (SDM rev 2.3 vol 3): the protection key of the data translation
 * of r3 in bits 31:8 of r1 (the key a Key Miss or Key Permission handler looks up, vol 2 part I 4.1.3), or 1 when no
 * matching present translation is found. Privileged; a NaT r3 is a Register NaT Consumption fault. This processor
 * searches the data TLB only (its VHPT walker fills the TLB on demand, so a translation that is only in the VHPT
 * answers 1 until a reference has inserted it).
 */
public final class TranslationAccessKey extends Insn {
    private final int r1, r3;

    public TranslationAccessKey(long bits) {
        super(bits);
        r1 = Fields.r1(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        if (c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: " + text(0) + " at cpl " + c.cpl);
        if (c.nat(r3)) return c.natConsumption(0, text(0));
        RegionTlb t = c.mmu.tlb;
        int e = t.lookup(RegionTlb.D, c.gr(r3));
        c.setGr(r1, e >= 0 && (t.pte(RegionTlb.D, e) & 1) != 0 ? (long) t.key(RegionTlb.D, e) << 8 : 1);
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return "tak " + gr(r1) + "=" + gr(r3);
    }
}
