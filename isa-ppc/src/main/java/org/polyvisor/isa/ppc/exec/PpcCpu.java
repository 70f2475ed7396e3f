package org.polyvisor.isa.ppc.exec;

/**
 * The architectural state of one PowerPC vCPU and the helpers that every unit needs to update it as the Power
 * ISA defines for 32-bit mode (MSR[SF] = 0): GPRs are 64 bits wide, but CR0, carries, overflows, effective
 * addresses and CTR tests use the low 32 bits, so adding 64-bit mode later changes these helpers, not the units.
 */
public final class PpcCpu {
    /** XER bits (bit 0 is the MSB of the 32-bit register). */
    public static final long XER_SO = 0x8000_0000L, XER_OV = 0x4000_0000L, XER_CA = 0x2000_0000L;
    /** MSR bits used here: external interrupt enable, problem state, exception prefix, relocation, recoverable. */
    public static final long MSR_EE = 0x8000, MSR_PR = 0x4000, MSR_IP = 0x40, MSR_IR = 0x20, MSR_DR = 0x10, MSR_RI = 0x2;
    private static final long LOW32 = 0xffff_ffffL;

    public final long[] gpr = new long[32];
    /** Next instruction address. */
    public long pc;
    public long lr, ctr, xer, msr, srr0, srr1;
    /** The 32-bit condition register; field n is bits 4n..4n+3 counted from the MSB. */
    public int cr;

    /** Truncates an effective address or branch target to the current mode's width. */
    public long ea(long address) { return address & LOW32; }

    public boolean supervisor() { return (msr & MSR_PR) == 0; }

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
