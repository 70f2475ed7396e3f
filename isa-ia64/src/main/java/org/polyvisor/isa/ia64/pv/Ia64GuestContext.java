package org.polyvisor.isa.ia64.pv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.RegisterStack;
import org.polyvisor.isa.ia64.exec.Ia64Vcpu;
import org.polyvisor.isa.ia64.fp.FpStatus;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.Vcpu;

/**
 * Polyvisor's {@code struct vcpu_guest_context} for ia64 PV guests. Xen removed its ia64 port (public/arch-ia64.h)
 * in 2012; this layout is in the spirit of that header's context (flags, then the static general registers, branch
 * registers, predicates, the application registers of the RSE and the FPU, region registers, a few control
 * registers, and the floating-point registers), reduced to what a secondary vCPU needs to start. Every field is a
 * little-endian 64-bit word; {@value #SIZE} bytes in all:
 * <pre>
 * offset size  field
 *      0    8  flags       bit 0 VGCF_IA64_FR: fr[] below is loaded (else f2-f31 start at +0.0); others reserved (0)
 *      8    8  ip          the bundle to start at (16-byte aligned)
 *     16    8  psr         PSR; ri (41-42) the slot to start at (0-2); cpl (32-33) must be 0; is (34) must be 0
 *     24    8  cfm         CFM: sof 0-6, sol 7-13, sor 14-17, rrb.gr 18-24, rrb.fr 25-31, rrb.pr 32-37
 *     32    8  pr          p0-p63 (p0 reads 1 whatever is given)
 *     40   64  br[8]       b0-b7
 *    104  256  gr[32]      r0-r31 (r0 must be 0; r1 = gp, r12 = sp, r13 = tp); r16-r31 of the bank PSR.bn selects
 *    360    8  nats        the NaT bits of r0-r31, bit n for rn (bit 0 must be 0)
 *    368    8  ar.rsc      mode 0-1, pl 2-3, be 4 (must be 0), loadrs 16-29 (must be 0); other bits reserved
 *    376    8  ar.bsp      must equal ar.bspstore: a new vCPU has no dirty stacked registers
 *    384    8  ar.bspstore 8-byte aligned
 *    392    8  ar.rnat     bits 0-62
 *    400    8  ar.pfs
 *    408    8  ar.unat
 *    416    8  ar.fpsr     bits 58-63 reserved
 *    424    8  ar.lc
 *    432    8  ar.ec       bits 0-5
 *    440    8  ar.ccv
 *    448   64  rr[8]       rr0-rr7: ve 0, ps 2-7, rid 8-31; bit 1 and bits 32-63 reserved
 *    512    8  cr.iva      32 KiB aligned; nonzero counts as an installed IVT (faults and interrupts go to the guest)
 *    520    8  cr.pta
 *    528    8  cr.dcr
 *    536    8  cr.tpr      mic 4-7, mmi 16; other bits reserved
 *    544   64  ar.k[8]     the kernel registers ar.k0-ar.k7
 *    608  480  fr[30]      f2-f31, 16 bytes each: the significand, then sign (bit 17) and exponent (bits 0-16)
 * </pre>
 * {@link #load} refuses, with the reason, a context whose reserved bits are set, whose cpl is not 0, whose
 * ip is not a bundle address, whose bspstore is not 8-byte aligned or differs from bsp, whose CFM describes no
 * legal frame (sof &gt; 96, sol &gt; sof, 8 * sor &gt; sof) and the like: the kernel answers -EINVAL.
 */
public final class Ia64GuestContext implements GuestContext {
    public static final int SIZE = 1088;
    public static final int FLAGS = 0, IP = 8, PSR = 16, CFM = 24, PR = 32, BR = 40, GR = 104, NATS = 360, RSC = 368,
            BSP = 376, BSPSTORE = 384, RNAT = 392, PFS = 400, UNAT = 408, FPSR = 416, LC = 424, EC = 432, CCV = 440,
            RR = 448, IVA = 512, PTA = 520, DCR = 528, TPR = 536, KR = 544, FR = 608;
    /** flags bit 0: fr[] is valid. */
    public static final long VGCF_IA64_FR = 1;
    /** PSR bits the architecture defines (SDM rev 2.3 vol 2 part I 3.3.2): the rest (0, 6-12, 16, 28-31, 47-63) are reserved. */
    static final long PSR_DEFINED = 0x3eL | 0x7L << 13 | 0x7ffL << 17 | 0x7fffL << 32;
    private static final long RSC_DEFINED = 0x1f | 0x3fffL << 16;
    private static final long RR_RESERVED = 2L | 0xffff_ffffL << 32;
    private static final long TPR_DEFINED = 0xf0 | 1L << 16;
    private static final int AR_UNAT = 36, AR_CCV = 32, AR_K0 = 0;

    @Override
    public int size() { return SIZE; }

    @Override
    public String load(byte[] context, Vcpu vcpu) {
        if (!(vcpu instanceof Ia64Vcpu v)) return "not an ia64 vCPU";
        if (context.length != SIZE) return "context is " + context.length + " bytes, not " + SIZE;
        ByteBuffer b = ByteBuffer.wrap(context).order(ByteOrder.LITTLE_ENDIAN);
        String why = check(b);
        if (why != null) return why;
        CpuState c = v.state();
        long flags = b.getLong(FLAGS);
        c.ip = b.getLong(IP);
        long psr = b.getLong(PSR);
        c.psr = psr & ~(3L << 41 | 3L << 32);
        c.ri = (int) (psr >>> 41 & 3);
        c.cpl = 0;
        c.rse.reset();
        c.rse.setCfm(b.getLong(CFM));
        c.pr = b.getLong(PR) | 1;
        for (int i = 0; i < 8; i++) c.br[i] = b.getLong(BR + 8 * i);
        long nats = b.getLong(NATS);
        for (int i = 1; i < 32; i++) c.setGr(i, b.getLong(GR + 8 * i), (nats >>> i & 1) != 0);
        c.ar[RegisterStack.AR_RSC] = b.getLong(RSC);
        c.rse.writeBspstore(b.getLong(BSPSTORE));
        c.ar[RegisterStack.AR_RNAT] = b.getLong(RNAT) & ~(1L << 63);
        c.ar[CpuState.AR_PFS] = b.getLong(PFS);
        c.ar[AR_UNAT] = b.getLong(UNAT);
        c.ar[CpuState.AR_FPSR] = b.getLong(FPSR);
        c.ar[CpuState.AR_LC] = b.getLong(LC);
        c.ar[CpuState.AR_EC] = b.getLong(EC);
        c.ar[AR_CCV] = b.getLong(CCV);
        for (int i = 0; i < 8; i++) c.mmu.tlb.rr[i] = b.getLong(RR + 8 * i);
        long iva = b.getLong(IVA);
        c.cr[CpuState.CR_IVA] = iva;
        c.ivaInstalled = iva != 0;
        c.cr[CpuState.CR_PTA] = b.getLong(PTA);
        c.cr[CpuState.CR_DCR] = b.getLong(DCR);
        c.cr[CpuState.CR_TPR] = b.getLong(TPR);
        for (int i = 0; i < 8; i++) c.ar[AR_K0 + i] = b.getLong(KR + 8 * i);
        if ((flags & VGCF_IA64_FR) != 0) {
            for (int i = 2; i < 32; i++) {
                c.frSig[i] = b.getLong(FR + 16 * (i - 2));
                c.frSe[i] = (int) b.getLong(FR + 16 * (i - 2) + 8);
            }
        }
        c.alat.clear();
        c.translationChanged.run();
        return null;
    }

    /** Why the context is refused, or null. */
    private static String check(ByteBuffer b) {
        long flags = b.getLong(FLAGS), ip = b.getLong(IP), psr = b.getLong(PSR), cfm = b.getLong(CFM);
        if ((flags & ~VGCF_IA64_FR) != 0) return "reserved flags 0x" + Long.toHexString(flags & ~VGCF_IA64_FR);
        if ((ip & 0xf) != 0) return "ip 0x" + Long.toHexString(ip) + " is not a bundle address (16-byte aligned)";
        if ((psr & ~PSR_DEFINED) != 0) return "reserved psr bits 0x" + Long.toHexString(psr & ~PSR_DEFINED);
        if ((psr >>> 32 & 3) != 0) return "psr.cpl is " + (psr >>> 32 & 3) + ", not 0";
        if ((psr >>> 34 & 1) != 0) return "psr.is = 1 (the IA-32 instruction set) is not supported";
        if ((psr >>> 41 & 3) == 3) return "psr.ri = 3 names no slot";
        if ((cfm >>> 38) != 0) return "reserved cfm bits 0x" + Long.toHexString(cfm >>> 38 << 38);
        int sof = (int) (cfm & 0x7f), sol = (int) (cfm >>> 7 & 0x7f), sor = (int) (cfm >>> 14 & 0xf) * 8;
        if (sof > RegisterStack.MAX_FRAME || sol > sof || sor > sof)
            return "cfm describes no legal frame (sof " + sof + ", sol " + sol + ", sor " + sor + ")";
        int rrbGr = (int) (cfm >>> 18 & 0x7f), rrbFr = (int) (cfm >>> 25 & 0x7f), rrbPr = (int) (cfm >>> 32 & 0x3f);
        if (sor == 0 ? rrbGr != 0 : rrbGr >= sor) return "cfm.rrb.gr " + rrbGr + " is not below sor " + sor;
        if (rrbFr >= 96) return "cfm.rrb.fr " + rrbFr + " is not below 96";
        if (rrbPr >= 48) return "cfm.rrb.pr " + rrbPr + " is not below 48";
        if (b.getLong(GR) != 0) return "r0 must be 0";
        if ((b.getLong(NATS) & 1) != 0) return "r0's NaT bit must be 0";
        long rsc = b.getLong(RSC);
        if ((rsc & ~RSC_DEFINED) != 0) return "reserved ar.rsc bits 0x" + Long.toHexString(rsc & ~RSC_DEFINED);
        if ((rsc & 0x10) != 0) return "ar.rsc.be = 1: a big-endian backing store is not supported";
        if ((rsc >>> 16 & 0x3fff) != 0) return "ar.rsc.loadrs must be 0";
        long bsp = b.getLong(BSP), bspstore = b.getLong(BSPSTORE);
        if ((bspstore & 7) != 0) return "ar.bspstore 0x" + Long.toHexString(bspstore) + " is not 8-byte aligned";
        if (bsp != bspstore) return "ar.bsp 0x" + Long.toHexString(bsp) + " differs from ar.bspstore 0x"
                + Long.toHexString(bspstore) + " (a new vCPU has no dirty stacked registers)";
        if ((b.getLong(FPSR) & FpStatus.RESERVED) != 0) return "reserved ar.fpsr bits";
        if ((b.getLong(EC) & ~0x3fL) != 0) return "ar.ec is a 6-bit register";
        for (int i = 0; i < 8; i++) {
            long rr = b.getLong(RR + 8 * i);
            if ((rr & RR_RESERVED) != 0) return "reserved bits in rr" + i + " 0x" + Long.toHexString(rr);
        }
        if ((b.getLong(IVA) & 0x7fff) != 0) return "cr.iva 0x" + Long.toHexString(b.getLong(IVA)) + " is not 32 KiB aligned";
        long tpr = b.getLong(TPR);
        if ((tpr & ~TPR_DEFINED) != 0) return "reserved cr.tpr bits 0x" + Long.toHexString(tpr & ~TPR_DEFINED);
        if ((flags & VGCF_IA64_FR) != 0) {
            for (int i = 2; i < 32; i++) {
                long se = b.getLong(FR + 16 * (i - 2) + 8);
                if ((se & ~0x3ffffL) != 0) return "f" + i + ": sign and exponent take 18 bits";
            }
        }
        return null;
    }

    @Override
    public byte[] store(Vcpu vcpu) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.LITTLE_ENDIAN);
        if (!(vcpu instanceof Ia64Vcpu v)) return b.array();
        CpuState c = v.state();
        b.putLong(FLAGS, VGCF_IA64_FR);
        b.putLong(IP, c.ip);
        b.putLong(PSR, c.psr & ~(3L << 41 | 3L << 32) | (long) c.ri << 41 | (long) c.cpl << 32);
        b.putLong(CFM, c.rse.cfm());
        b.putLong(PR, c.pr);
        for (int i = 0; i < 8; i++) b.putLong(BR + 8 * i, c.br[i]);
        long nats = 0;
        for (int i = 1; i < 32; i++) {
            b.putLong(GR + 8 * i, c.gr[i]);
            if (c.nat[i]) nats |= 1L << i;
        }
        b.putLong(NATS, nats);
        b.putLong(RSC, c.ar[RegisterStack.AR_RSC]);
        b.putLong(BSP, c.ar[RegisterStack.AR_BSP]);
        b.putLong(BSPSTORE, c.ar[RegisterStack.AR_BSPSTORE]);
        b.putLong(RNAT, c.ar[RegisterStack.AR_RNAT]);
        b.putLong(PFS, c.ar[CpuState.AR_PFS]);
        b.putLong(UNAT, c.ar[AR_UNAT]);
        b.putLong(FPSR, c.ar[CpuState.AR_FPSR]);
        b.putLong(LC, c.ar[CpuState.AR_LC]);
        b.putLong(EC, c.ar[CpuState.AR_EC]);
        b.putLong(CCV, c.ar[AR_CCV]);
        for (int i = 0; i < 8; i++) b.putLong(RR + 8 * i, c.mmu.tlb.rr[i]);
        b.putLong(IVA, c.cr[CpuState.CR_IVA]);
        b.putLong(PTA, c.cr[CpuState.CR_PTA]);
        b.putLong(DCR, c.cr[CpuState.CR_DCR]);
        b.putLong(TPR, c.cr[CpuState.CR_TPR]);
        for (int i = 0; i < 8; i++) b.putLong(KR + 8 * i, c.ar[AR_K0 + i]);
        for (int i = 2; i < 32; i++) {
            b.putLong(FR + 16 * (i - 2), c.frSig[i]);
            b.putLong(FR + 16 * (i - 2) + 8, c.frSe[i]);
        }
        return b.array();
    }
}
