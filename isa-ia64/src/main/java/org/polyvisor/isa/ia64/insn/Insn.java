package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * One decoded instruction slot: its semantics and its objdump text. Built once per bundle by the decoder and
 * cached; {@link #execute} allocates nothing and returns a {@link Flow} code.
 */
public abstract class Insn {
    /** The 41-bit slot (the X slot for an L+X instruction). */
    public final long bits;
    /** Qualifying predicate, bits 0-5. */
    public final int qp;

    protected Insn(long bits) {
        this(bits, true);
    }

    /** @param predicated false for the few instructions without a qualifying predicate (alloc, br.cloop): qp reads as p0 */
    protected Insn(long bits, boolean predicated) {
        this.bits = bits;
        this.qp = predicated ? (int) (bits & 0x3f) : 0;
    }

    /** Slots this instruction occupies: 2 for L+X instructions. */
    public int width() { return 1; }

    /** Runs the instruction; its qualifying predicate is true. */
    public abstract int execute(CpuState c);

    /** Runs when the qualifying predicate is false: nothing, except for the unconditional (.unc) compare types. */
    public int predicatedOff(CpuState c) { return Flow.NEXT; }

    /** The instruction's text as objdump prints it after the predicate column; {@code ip} is its bundle's address. */
    public abstract String text(long ip);

    protected static String gr(int n) { return "r" + n; }

    protected static String hex(long v) { return "0x" + Long.toHexString(v); }
}
