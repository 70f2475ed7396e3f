package org.polyvisor.isa.ppc.exec.jit;

/**
 * A decoded block compiled to JVM bytecode ({@link BlockTranslator}). {@link #run} executes the block from its first
 * instruction, as the block runner would, and returns to the runner at the first thing it does not do itself.
 * An abstract class rather than an interface: a virtual call through the vtable costs less than an itable call.
 */
public abstract class TranslatedBlock {
    protected TranslatedBlock() { }

    /**
     * Runs the block whose first instruction is at {@code pc}, with the GPRs in {@code r}, retiring at most
     * {@code budget} instructions ({@code budget} must be at least the block's length). Returns the count retired and
     * leaves in {@code f}: {@link JitFrame#k}, the index of the block's instruction the runner goes on with, or the
     * block's length when it left the block, then with {@link JitFrame#target} the pc to go on at. Every register
     * write has reached {@code r} and the vCPU by then. Instruction {@code k} has not run: an instruction for its
     * unit, a TLB miss or an access crossing its page hands it back, with the state exactly as after the ones before.
     */
    public abstract int run(JitFrame f, long[] r, long pc, int budget);

    /** {@link #run} for a budget smaller than the block (at least 1): the budget is checked before every instruction. */
    public abstract int runBounded(JitFrame f, long[] r, long pc, int budget);
}
