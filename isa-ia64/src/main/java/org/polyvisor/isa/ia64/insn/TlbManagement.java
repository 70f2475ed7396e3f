package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.mmu.RegionTlb;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * The translation management instructions (SDM rev 2.3 vol 3; vol 2 part I 4.1), all privileged: M41 itc.i /
 * itc.d r2 (insert r2 at cr.ifa with cr.itir into the translation cache), M42 itr.i itr[r3]=r2 / itr.d dtr[r3]=r2
 * (translation register r3), mov rr[r3]=r2, M43 mov r1=rr[r3], M45 ptc.l r3,r2 / ptr.d / ptr.i (purge the
 * 2^r2{7:2} bytes at r3) and M47 ptc.e r3 (the whole cache). Every change drops the vCPU's software TLB.
 */
public final class TlbManagement extends Insn {
    public enum Kind { ITC_I, ITC_D, ITR_I, ITR_D, MOV_TO_RR, MOV_FROM_RR, PTC_L, PTC_E, PTR_D, PTR_I }

    private final Kind kind;
    private final int r1, r2, r3;

    public TlbManagement(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
    }

    @Override
    public int execute(CpuState c) {
        if (c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: " + text(0) + " at cpl " + c.cpl);
        RegionTlb t = c.mmu.tlb;
        long ifa = c.cr[CpuState.CR_IFA], itir = c.cr[CpuState.CR_ITIR];
        switch (kind) {
            case ITC_I -> t.insertCache(RegionTlb.I, ifa, itir, c.gr(r2));
            case ITC_D -> t.insertCache(RegionTlb.D, ifa, itir, c.gr(r2));
            case ITR_I -> t.insertRegister(RegionTlb.I, (int) c.gr(r3), ifa, itir, c.gr(r2));
            case ITR_D -> t.insertRegister(RegionTlb.D, (int) c.gr(r3), ifa, itir, c.gr(r2));
            case MOV_TO_RR -> t.rr[(int) (c.gr(r3) >>> 61)] = c.gr(r2) & 0xffff_fffdL;
            case MOV_FROM_RR -> { c.setGr(r1, t.rr[(int) (c.gr(r3) >>> 61)]); return Flow.NEXT; }
            case PTC_L -> t.purge(-1, c.gr(r3), (int) (c.gr(r2) >>> 2 & 0x3f), false);
            case PTC_E -> t.purgeAllCache();
            case PTR_D -> { t.purge(RegionTlb.D, c.gr(r3), (int) (c.gr(r2) >>> 2 & 0x3f), true); t.purge(RegionTlb.D, c.gr(r3), (int) (c.gr(r2) >>> 2 & 0x3f), false); }
            case PTR_I -> { t.purge(RegionTlb.I, c.gr(r3), (int) (c.gr(r2) >>> 2 & 0x3f), true); t.purge(RegionTlb.I, c.gr(r3), (int) (c.gr(r2) >>> 2 & 0x3f), false); }
        }
        c.translationChanged.run();
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case ITC_I -> "itc.i " + gr(r2);
            case ITC_D -> "itc.d " + gr(r2);
            case ITR_I -> "itr.i itr[" + gr(r3) + "]=" + gr(r2);
            case ITR_D -> "itr.d dtr[" + gr(r3) + "]=" + gr(r2);
            case MOV_TO_RR -> "mov rr[" + gr(r3) + "]=" + gr(r2);
            case MOV_FROM_RR -> "mov " + gr(r1) + "=rr[" + gr(r3) + "]";
            case PTC_L -> "ptc.l " + gr(r3) + "," + gr(r2);
            case PTC_E -> "ptc.e " + gr(r3);
            case PTR_D -> "ptr.d " + gr(r3) + "," + gr(r2);
            case PTR_I -> "ptr.i " + gr(r3) + "," + gr(r2);
        };
    }
}
