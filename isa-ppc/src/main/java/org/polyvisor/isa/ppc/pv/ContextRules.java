package org.polyvisor.isa.ppc.pv;

import static org.polyvisor.isa.ppc.pv.PpcGuestContext.*;

import java.nio.ByteBuffer;

import org.polyvisor.isa.ppc.exec.PpcCpu;
import org.polyvisor.isa.ppc.mmu.BatArray;
import org.polyvisor.isa.ppc.mmu.ClassicMmu;
import org.polyvisor.isa.ppc.mmu.Faults;
import org.polyvisor.isa.ppc.mmu.Mmu;
import org.polyvisor.spi.GuestMemory;

/**
 * Why a {@link PpcGuestContext} cannot be run, or null. Refused, as Xen refuses a bad context with -EINVAL:
 * <ul>
 * <li>reserved MSR bits (anything outside POW, VEC, ILE, EE, PR, FP, ME, FE0, SE, BE, FE1, IP, IR, DR, RI, LE), and
 * MSR[POW], MSR[ILE] or MSR[LE], which this big-endian vCPU without power management does not implement;</li>
 * <li>reserved bits of XER (bits 3-24), of the FPSCR (bit 20) and of SDR1 (bits 16-22), an SDR1 whose HTABMASK is
 * not a run of low-order ones or whose HTABORG is not aligned to the table's size (OEA 7.7.1), and a BAT whose BL is
 * not one of the block lengths of OEA table 7-8;</li>
 * <li>a pc that is not word aligned;</li>
 * <li>MSR[PR] = 1 with MSR[IR] = 1 and an entry mapped for supervisor state only: a BAT valid only in supervisor
 * state (Vs = 1, Vp = 0) holds the pc and no page maps it for problem state, a BAT with PP = 00 holds it, or its
 * page's PP bits under the segment's Kp key forbid a problem-state fetch. An entry with no translation at all is accepted: the guest's ISI handler may map it on demand.</li>
 * </ul>
 */
final class ContextRules {
    private ContextRules() { }

    /** Every MSR bit the 32-bit OEA and the 7400 define. */
    private static final long MSR_DEFINED = PpcCpu.MSR_WRITABLE | 0x0004_0000L | 0x0001_0000L | 0x1L;
    private static final long XER_RESERVED = 0x1fff_ff80L, SDR1_RESERVED = 0x0000_fe00L, FPSCR_RESERVED = 0x800;

    static String check(ByteBuffer b, GuestMemory memory) {
        long msr = u32(b, MSR), pc = u32(b, PC);
        if ((msr & ~MSR_DEFINED) != 0) return String.format("reserved MSR bits 0x%08x set (msr 0x%08x)", msr & ~MSR_DEFINED, msr);
        if ((msr & 0x0001_0001L) != 0) return String.format("MSR[LE] or MSR[ILE] set (msr 0x%08x): this vCPU is big-endian only", msr);
        if ((msr & 0x0004_0000L) != 0) return String.format("MSR[POW] set (msr 0x%08x): power management is not implemented", msr);
        if ((u32(b, XER) & XER_RESERVED) != 0) return String.format("reserved XER bits set (xer 0x%08x)", u32(b, XER));
        if ((b.getInt(FPSCR) & FPSCR_RESERVED) != 0) return String.format("reserved FPSCR bit 20 set (fpscr 0x%08x)", b.getInt(FPSCR));
        String sdr1 = sdr1(u32(b, SDR1));
        if (sdr1 != null) return sdr1;
        for (int n = 0; n < 4; n++) {
            if (!lowOnes((u32(b, IBAT + 8 * n) >>> 2) & 0x7ff)) return String.format("IBAT%dU 0x%08x: BL is no block length", n, u32(b, IBAT + 8 * n));
            if (!lowOnes((u32(b, DBAT + 8 * n) >>> 2) & 0x7ff)) return String.format("DBAT%dU 0x%08x: BL is no block length", n, u32(b, DBAT + 8 * n));
        }
        if ((pc & 3) != 0) return String.format("pc 0x%08x is not word aligned", pc);
        if ((msr & PpcCpu.MSR_PR) != 0 && (msr & PpcCpu.MSR_IR) != 0) return problemStateEntry(b, memory, pc);
        return null;
    }

    private static String sdr1(long sdr1) {
        long mask = sdr1 & 0x1ff;
        if ((sdr1 & SDR1_RESERVED) != 0) return String.format("reserved SDR1 bits set (sdr1 0x%08x)", sdr1);
        if (!lowOnes(mask)) return String.format("SDR1 0x%08x: HTABMASK is not a run of low-order ones", sdr1);
        if (((sdr1 >>> 16) & mask) != 0) return String.format("SDR1 0x%08x: HTABORG is not aligned to the table's size", sdr1);
        return null;
    }

    private static boolean lowOnes(long v) { return (v & (v + 1)) == 0; }

    /** Problem state, translated fetch: the entry must not be mapped for supervisor state only. */
    private static String problemStateEntry(ByteBuffer b, GuestMemory memory, long pc) {
        ClassicMmu probe = new ClassicMmu(memory);
        probe.pageTable().setSdr1(u32(b, SDR1));
        for (int n = 0; n < 16; n++) probe.segments().set(n, u32(b, SR + 4 * n));
        for (int n = 0; n < 4; n++) {
            probe.ibat().setUpper(n, u32(b, IBAT + 8 * n));
            probe.ibat().setLower(n, u32(b, IBAT + 8 * n + 4));
        }
        if (probe.probe(pc, Mmu.FETCH, true) >= 0) return null;
        int why = probe.faultBits();
        if (probe.ibat().translate(pc, true, Mmu.FETCH) == BatArray.PROTECTED)
            return String.format("MSR[PR] = 1 with the entry 0x%08x in an IBAT block with PP = 00 (no access)", pc);
        if (probe.ibat().translate(pc, false, Mmu.FETCH) != BatArray.NO_MATCH)
            return String.format("MSR[PR] = 1 with the entry 0x%08x in a supervisor-only IBAT block", pc);
        if ((why & Faults.PROTECTION) != 0)
            return String.format("MSR[PR] = 1 with the entry 0x%08x on a page problem state may not fetch from", pc);
        return null;
    }
}
