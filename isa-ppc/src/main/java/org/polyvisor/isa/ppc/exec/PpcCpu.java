package org.polyvisor.isa.ppc.exec;

import org.polyvisor.isa.ppc.trap.PpcTraps;
import org.polyvisor.spi.VcpuExit;

/**
 * The architectural state of one PowerPC vCPU and the helpers that every unit needs to update it as the Power
 * ISA defines for 32-bit mode (MSR[SF] = 0): GPRs are 64 bits wide, but CR0, carries, overflows, effective
 * addresses and CTR tests use the low 32 bits, so adding 64-bit mode later changes these helpers, not the units.
 */
public final class PpcCpu {
    /** XER bits (bit 0 is the MSB of the 32-bit register). */
    public static final long XER_SO = 0x8000_0000L, XER_OV = 0x4000_0000L, XER_CA = 0x2000_0000L;
    /**
     * MSR bits (OEA 2.3.1): external interrupt enable, problem state, FP available, machine check enable, single
     * step and branch trace (held, no effect), exception prefix, instruction and data relocation, recoverable.
     * POW, ILE and LE are not implemented: this vCPU is big-endian only and mtmsr/rfi leave them 0. VEC (bit 6) is
     * the 7400's AltiVec available bit.
     */
    public static final long MSR_VEC = 0x0200_0000L;
    public static final long MSR_EE = 0x8000, MSR_PR = 0x4000, MSR_FP = 0x2000, MSR_ME = 0x1000, MSR_FE0 = 0x800,
            MSR_SE = 0x400, MSR_BE = 0x200, MSR_FE1 = 0x100, MSR_IP = 0x40, MSR_IR = 0x20, MSR_DR = 0x10, MSR_RI = 0x2;
    /** The MSR bits a guest can set: everything above except POW, ILE and LE. */
    public static final long MSR_WRITABLE = 0xff72L | MSR_VEC;
    private static final long LOW32 = 0xffff_ffffL;

    public final long[] gpr = new long[32];
    /** The floating-point registers, each the raw bits of an IEEE double (Book I 4.2.1). */
    public final long[] fpr = new long[32];
    /** The FPSCR (Book I 4.2.2), bit 0 (FX) the MSB of the low word. */
    public int fpscr;
    /** The 32 AltiVec vector registers: VR n is {@code vr[2n]} (bytes 0-7, element 0 first) and {@code vr[2n+1]}. */
    public final long[] vr = new long[64];
    /** The vector status and control register (NJ, SAT) and VRSAVE (SPR 256, software's record of live VRs). */
    public int vscr;
    public long vrsave;
    /** Next instruction address. */
    public long pc;
    public long lr, ctr, xer, msr, srr0, srr1;
    /** Storage interrupt registers and the four software-use SPRGs (OEA 2.3). */
    public long dar, dsisr;
    public final long[] sprg = new long[4];
    /** HID0 and HID1: implementation registers, held with no effect (no caches are modelled). */
    public long hid0, hid1;

    /** The exception a unit raised (see {@link #raise}): its vector, SRR1 (or DSISR) causes and instruction word. */
    public int raisedVector;
    public long raisedCauses;
    public int raisedWord;
    /** Where SRR0 points for the raised exception when not at the instruction itself (-1): see {@link #raiseAfter}. */
    public long raisedResume = -1;
    /** Set when an instruction changed state the software TLB depends on (MSR[PR/IR/DR], BATs, SRs, SDR1, tlbie). */
    public boolean translationChanged;
    /** The 32-bit condition register; field n is bits 4n..4n+3 counted from the MSB. */
    public int cr;
    /**
     * Instructions retired so far (a system call counts; an instruction that raised any other exception does not).
     * The virtual clock, and so the time base and decrementer, count from it.
     */
    public long retired;

    /** Truncates an effective address or branch target to the current mode's width. */
    public long ea(long address) { return address & LOW32; }

    public boolean supervisor() { return (msr & MSR_PR) == 0; }

    /**
     * Records exception {@code vector} with its causes (SRR1 bits, or DSISR bits for a DSI) and the instruction word,
     * and returns {@link PpcTraps#RAISED} for the unit to return; the vCPU takes it from there.
     */
    public VcpuExit raise(int vector, long causes, int word) {
        raisedResume = -1;
        raisedVector = vector;
        raisedCauses = causes;
        raisedWord = word;
        return PpcTraps.RAISED;
    }

    /** Like {@link #raise}, for an exception taken after the instruction completed: SRR0 = {@code resumeAt}. */
    public VcpuExit raiseAfter(int vector, long causes, int word, long resumeAt) {
        raise(vector, causes, word);
        raisedResume = resumeAt;
        return PpcTraps.RAISED;
    }

    /** Sets the MSR as mtmsr/rfi do (unimplemented bits stay 0), noting a change of translation or privilege. */
    public void setMsr(long value) {
        long next = value & MSR_WRITABLE;
        if (((next ^ msr) & (MSR_PR | MSR_IR | MSR_DR)) != 0) translationChanged = true;
        msr = next;
    }

    /** Sets the FPSCR as a context load does: the reserved bit 20 stays 0, VX and FEX follow the other bits. */
    public void setFpscr(int value) { fpscr = Fpscr.summarise(value & ~Fpscr.RESERVED); }

    /** Sets CR field {@code field} to LT/GT/EQ from a signed comparison result, and SO from XER. */
    public void setCrField(int field, int cmp) {
        int bits = (cmp < 0 ? 8 : cmp > 0 ? 4 : 2) | ((xer & XER_SO) != 0 ? 1 : 0);
        int shift = 28 - 4 * field;
        cr = (cr & ~(0xf << shift)) | bits << shift;
    }

    /** CR0 from a result: 32-bit mode compares the low word as a signed number. */
    public void recordCr0(long result) { setCrField(0, Integer.signum((int) result)); }

    public boolean crBit(int bit) { return (cr << bit) < 0; }

    public void setCrBit(int bit, boolean value) {
        int m = 0x8000_0000 >>> bit;
        cr = value ? cr | m : cr & ~m;
    }

    public boolean carry() { return (xer & XER_CA) != 0; }

    public void setCarry(boolean ca) { xer = ca ? xer | XER_CA : xer & ~XER_CA; }

    /** OV as given; SO is sticky. */
    public void setOverflow(boolean ov) { xer = ov ? xer | XER_OV | XER_SO : xer & ~XER_OV; }

    /** The 32-bit-mode carry out of {@code a + b + cin}. */
    public static boolean carryOut32(long a, long b, long cin) { return ((a & LOW32) + (b & LOW32) + cin) >>> 32 != 0; }

    /** The 32-bit-mode signed overflow of {@code result = a + b (+ carry)}. */
    public static boolean overflow32(long a, long b, long result) { return (int) ((a ^ result) & (b ^ result)) < 0; }
}
