package org.polyvisor.isa.ppc.trap;

import org.polyvisor.isa.ppc.exec.PpcCpu;

/**
 * Takes an exception into the guest as the 750 does (OEA 6.4 and table 6-17): SRR0 gets the address to resume at,
 * SRR1 the saved MSR bits and the causes, the new MSR keeps ME and IP and clears everything else (EE, PR, FP, SE, BE,
 * FE0/FE1, IR, DR, RI, POW); LE would be copied from ILE, but this backend is big-endian only (MSR[LE] and MSR[ILE]
 * always read 0). Execution continues at the vector under the prefix MSR[IP] selects. Leaving problem state or
 * translated mode marks the CPU's translation as changed, so the vCPU drops its cached translations.
 */
public final class ExceptionEntry {
    private ExceptionEntry() { }

    /** MSR bits kept across exception entry: ME and IP. */
    private static final long MSR_KEPT = PpcCpu.MSR_ME | PpcCpu.MSR_IP;

    public static void enter(PpcCpu c, int vector, long resumeAt, long causes) {
        c.srr0 = resumeAt & 0xffff_fffcL;
        c.srr1 = Srr1.of(c.msr, causes);
        long msr = c.msr & MSR_KEPT;
        if (((msr ^ c.msr) & (PpcCpu.MSR_PR | PpcCpu.MSR_IR | PpcCpu.MSR_DR)) != 0) c.translationChanged = true;
        c.msr = msr;
        c.pc = Vectors.prefix(c.msr) + vector;
    }
}
