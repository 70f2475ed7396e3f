package org.polyvisor.isa.ia64.cpu;

import org.polyvisor.spi.VcpuExit;

/**
 * The architectural state of one Itanium processor that instructions read and write: general registers
 * (with the stacked ones renamed through {@link RegisterStack}), predicates, branch and application registers,
 * IP with the slot to resume at (PSR.ri), PSR, CFM and the privilege level. Plain fields, for the hot path.
 */
public final class CpuState {
    public static final int AR_PFS = 64, AR_LC = 65, AR_EC = 66;
    /** PSR bits the PV boot state clears (SDM vol 2, 3.3.2); ri (41-42) and cpl (32-33) live in their own fields. */
    public static final long PSR_IC = 1L << 13, PSR_I = 1L << 14, PSR_DT = 1L << 17, PSR_RT = 1L << 27, PSR_IT = 1L << 36;

    /** r0..r31, then the physical stacked registers; r32+ live at index n + bof. */
    public final long[] gr = new long[32 + RegisterStack.PHYSICAL];
    /** The stacked-register base in {@link #gr}, kept here so register access is one add. */
    public int bof;
    /** p0..p63 as bits; bit 0 is always set. */
    public long pr = 1;
    public final long[] br = new long[8];
    public final long[] ar = new long[128];
    /** Address of the current bundle (16-byte aligned). */
    public long ip;
    /** The slot (0..2) to execute next in the bundle at {@link #ip}: PSR.ri. */
    public int ri;
    public long psr;
    public int cpl;
    public final RegisterStack rse = new RegisterStack(this);

    /** Where a taken branch goes; read by the run loop when an instruction returns {@code BRANCH}. */
    public long branchTarget;
    /** The exit an instruction asks for when it returns {@code EXIT_AFTER} or {@code FAULT}. */
    public VcpuExit exit;
    /** Data memory as the current translation mode sees it. */
    public DataMemory memory;

    public long gr(int n) {
        return n < 32 ? gr[n] : gr[n + bof];
    }

    /** Writes to r0 are dropped (the architecture raises an illegal-operation fault; the assembler warns). */
    public void setGr(int n, long v) {
        if (n >= 32) gr[n + bof] = v;
        else if (n != 0) gr[n] = v;
    }

    public boolean pred(int p) {
        return ((pr >>> p) & 1) != 0;
    }

    /** p0 stays 1 whatever is written to it. */
    public void setPred(int p, boolean v) {
        if (p == 0) return;
        if (v) pr |= 1L << p;
        else pr &= ~(1L << p);
    }

    public long cfm() {
        return rse.cfm();
    }
}
