package org.polyvisor.isa.ppc.trap;

/**
 * SRR1 on exception entry (OEA 6.4): bits 16-23, 25-27 and 30-31 are copied from the MSR; bits 1-4 and 10-15 say
 * why, per exception; the other bits are cleared. Bit 0 is the MSB of the 32-bit register.
 */
public final class Srr1 {
    private Srr1() { }

    /** The MSR bits SRR1 saves and rfi restores (VEC; EE PR FP ME FE0 SE BE FE1, IP IR DR, RI LE). */
    public static final long MSR_SAVED = 0x0200_ff73L;

    /** Program interrupt causes: bit 11 floating-point enabled, 12 illegal, 13 privileged, 14 trap. */
    public static final long PROGRAM_FP = 0x0010_0000L, PROGRAM_ILLEGAL = 0x0008_0000L,
            PROGRAM_PRIVILEGED = 0x0004_0000L, PROGRAM_TRAP = 0x0002_0000L;

    /** The ISI causes are the {@link org.polyvisor.isa.ppc.mmu.Faults} bits 1, 3 and 4, in the same positions. */
    public static final long ISI_CAUSES = 0x5800_0000L;

    /** SRR1 for an exception with {@code causes} taken while the MSR was {@code msr}. */
    public static long of(long msr, long causes) { return (msr & MSR_SAVED) | causes; }
}
