package org.polyvisor.isa.ppc.mmu;

/**
 * The sixteen segment registers of the 32-bit OEA (7.5.2), selected by EA bits 0-3. For an ordinary segment
 * (T = 0): Ks (bit 1) and Kp (bit 2) are the protection keys of supervisor and problem state, N (bit 3) forbids
 * instruction fetch, VSID is bits 8-31. T = 1 marks a direct-store segment, which the 750 modelled here does not
 * support: any access to it is a storage interrupt.
 */
public final class SegmentRegisters {
    public static final int T = 0x8000_0000, KS = 0x4000_0000, KP = 0x2000_0000, N = 0x1000_0000;
    public static final int VSID_MASK = 0x00ff_ffff;

    private final int[] sr = new int[16];

    public int get(int n) { return sr[n & 15]; }

    public void set(int n, long value) { sr[n & 15] = (int) value; }

    /** The register that maps {@code ea}. */
    public int forAddress(long ea) { return sr[(int) (ea >>> 28) & 15]; }

    /** The protection key of segment register value {@code s} for the current privilege. */
    public static int key(int s, boolean problemState) { return (s & (problemState ? KP : KS)) != 0 ? 1 : 0; }
}
