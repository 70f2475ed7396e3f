package org.polyvisor.isa.ppc.pv;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.polyvisor.isa.ppc.exec.PpcCpu;
import org.polyvisor.isa.ppc.exec.PpcVcpu;
import org.polyvisor.isa.ppc.mmu.ClassicMmu;
import org.polyvisor.spi.GuestContext;
import org.polyvisor.spi.Vcpu;

/**
 * Polyvisor's {@code struct vcpu_guest_context} for 32-bit PowerPC PV guests. Xen never had a 32-bit ppc port; this
 * layout follows its 64-bit Xen/PowerPC port (public/arch-powerpc.h: {@code struct cpu_user_regs} with the GPRs, lr,
 * ctr, srr0, srr1, pc, msr, fpscr, xer, hid4, dar, dsisr and cr, then a {@code vcpu_guest_context} of user_regs and
 * sdr1) with 32-bit words, HID0 of the 750/7400 in hid4's place, and the rest of the OEA state a 32-bit kernel sets
 * up before it turns translation on. Big-endian; 584 bytes; every field naturally aligned, no padding:
 * <pre>
 * offset size  field                      (struct cpu_user_regs user_regs: offsets 0-175)
 *      0  128  uint32_t gprs[32]          r0-r31
 *    128    4  uint32_t lr
 *    132    4  uint32_t ctr
 *    136    4  uint32_t srr0
 *    140    4  uint32_t srr1
 *    144    4  uint32_t pc                 where the vCPU starts (word aligned)
 *    148    4  uint32_t msr
 *    152    4  uint32_t fpscr              VX and FEX are recomputed from the other bits
 *    156    4  uint32_t xer
 *    160    4  uint32_t hid0
 *    164    4  uint32_t dar
 *    168    4  uint32_t dsisr
 *    172    4  uint32_t cr
 *    176    4  uint32_t sdr1
 *    180   64  uint32_t sr[16]
 *    244   32  uint32_t ibat[4][2]        IBAT0U, IBAT0L, ... IBAT3U, IBAT3L
 *    276   32  uint32_t dbat[4][2]        DBAT0U, DBAT0L, ... DBAT3U, DBAT3L
 *    308   16  uint32_t sprg[4]           SPRG0-3
 *    324    4  uint32_t dec               as mtdec writes it; 0 leaves the decrementer disarmed, as at reset
 *    328  256  uint64_t fprs[32]          f0-f31, IEEE double bits
 *    584       sizeof(struct vcpu_guest_context)
 * </pre>
 * The time base is not part of it (each vCPU's counts the domain's virtual time), nor are the AltiVec registers (an
 * initialised vCPU starts with MSR[VEC] as given and its VRs as at reset). {@link #load} refuses, with the reason,
 * contexts that no 32-bit PowerPC could run ({@link ContextRules}); {@link #store} gives what load accepts.
 */
public final class PpcGuestContext implements GuestContext {
    public static final int SIZE = 584;
    public static final int GPRS = 0, LR = 128, CTR = 132, SRR0 = 136, SRR1 = 140, PC = 144, MSR = 148, FPSCR = 152,
            XER = 156, HID0 = 160, DAR = 164, DSISR = 168, CR = 172, SDR1 = 176, SR = 180, IBAT = 244, DBAT = 276,
            SPRG = 308, DEC = 324, FPRS = 328;
    private static final long LOW32 = 0xffff_ffffL;

    @Override public int size() { return SIZE; }

    @Override
    public String load(byte[] context, Vcpu vcpu) {
        if (!(vcpu instanceof PpcVcpu v)) return "not a ppc vCPU";
        if (context.length < SIZE) return "context of " + context.length + " bytes, " + SIZE + " expected";
        ByteBuffer b = ByteBuffer.wrap(context).order(ByteOrder.BIG_ENDIAN);
        String refused = ContextRules.check(b, v.memory());
        if (refused != null) return refused;
        PpcCpu c = v.cpu();
        for (int n = 0; n < 32; n++) c.gpr[n] = u32(b, GPRS + 4 * n);
        c.lr = u32(b, LR);
        c.ctr = u32(b, CTR);
        c.srr0 = u32(b, SRR0);
        c.srr1 = u32(b, SRR1);
        c.pc = u32(b, PC);
        c.msr = u32(b, MSR);
        c.setFpscr(b.getInt(FPSCR));
        c.xer = u32(b, XER);
        c.hid0 = u32(b, HID0);
        c.dar = u32(b, DAR);
        c.dsisr = u32(b, DSISR);
        c.cr = b.getInt(CR);
        ClassicMmu mmu = v.mmu();
        mmu.pageTable().setSdr1(u32(b, SDR1));
        for (int n = 0; n < 16; n++) mmu.segments().set(n, u32(b, SR + 4 * n));
        for (int n = 0; n < 4; n++) {
            mmu.ibat().setUpper(n, u32(b, IBAT + 8 * n));
            mmu.ibat().setLower(n, u32(b, IBAT + 8 * n + 4));
            mmu.dbat().setUpper(n, u32(b, DBAT + 8 * n));
            mmu.dbat().setLower(n, u32(b, DBAT + 8 * n + 4));
        }
        for (int n = 0; n < 4; n++) c.sprg[n] = u32(b, SPRG + 4 * n);
        if (b.getInt(DEC) != 0) v.setDecrementer(u32(b, DEC));
        for (int n = 0; n < 32; n++) c.fpr[n] = b.getLong(FPRS + 8 * n);
        c.translationChanged = true;
        return null;
    }

    @Override
    public byte[] store(Vcpu vcpu) {
        ByteBuffer b = ByteBuffer.allocate(SIZE).order(ByteOrder.BIG_ENDIAN);
        if (!(vcpu instanceof PpcVcpu v)) return b.array();
        PpcCpu c = v.cpu();
        for (int n = 0; n < 32; n++) b.putInt(GPRS + 4 * n, (int) c.gpr[n]);
        b.putInt(LR, (int) c.lr).putInt(CTR, (int) c.ctr).putInt(SRR0, (int) c.srr0).putInt(SRR1, (int) c.srr1);
        b.putInt(PC, (int) c.pc).putInt(MSR, (int) c.msr).putInt(FPSCR, c.fpscr).putInt(XER, (int) c.xer);
        b.putInt(HID0, (int) c.hid0).putInt(DAR, (int) c.dar).putInt(DSISR, (int) c.dsisr).putInt(CR, c.cr);
        ClassicMmu mmu = v.mmu();
        b.putInt(SDR1, (int) mmu.pageTable().sdr1());
        for (int n = 0; n < 16; n++) b.putInt(SR + 4 * n, mmu.segments().get(n));
        for (int n = 0; n < 4; n++) {
            b.putInt(IBAT + 8 * n, (int) mmu.ibat().upper(n)).putInt(IBAT + 8 * n + 4, (int) mmu.ibat().lower(n));
            b.putInt(DBAT + 8 * n, (int) mmu.dbat().upper(n)).putInt(DBAT + 8 * n + 4, (int) mmu.dbat().lower(n));
        }
        for (int n = 0; n < 4; n++) b.putInt(SPRG + 4 * n, (int) c.sprg[n]);
        b.putInt(DEC, (int) v.decrementer());
        for (int n = 0; n < 32; n++) b.putLong(FPRS + 8 * n, c.fpr[n]);
        return b.array();
    }

    static long u32(ByteBuffer b, int at) { return b.getInt(at) & LOW32; }
}
