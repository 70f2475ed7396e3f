package org.polyvisor.isa.arm64.exec.jit;

/**
 * A decoded block compiled to JVM bytecode ({@link BlockTranslator}). {@link #run} executes the block from its first
 * instruction, as {@code BlockRunner} would, and returns to the runner at the first thing it does not do itself.
 */
public interface TranslatedBlock {
    /**
     * Runs the block whose first instruction is at {@code start}, with the registers in {@code x} and the flags
     * {@code nzcv} (N in bit 3), retiring at most {@code budget} instructions ({@code budget} must be at least the
     * block's length). Returns the count retired and leaves in {@code f}: {@link JitFrame#k}, the index of the
     * block's instruction the runner goes on with (the block's length when it left the block or ran to its end),
     * {@link JitFrame#start}, the address that index counts from (the PC is {@code start + 4 * k}), and
     * {@link JitFrame#nzcv}. Every register write has reached {@code x} by then. Instruction {@code k} has not run:
     * a TLB miss, a page-crossing or misaligned access, MMIO, a fault or an instruction the translator does not
     * handle hands it back, with the state exactly as after the instructions before it.
     */
    int run(JitFrame f, long[] x, long start, int nzcv, int budget);
}
