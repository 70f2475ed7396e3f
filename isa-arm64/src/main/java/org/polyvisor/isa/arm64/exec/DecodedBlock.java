package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.exec.jit.TranslatedBlock;

/**
 * A decoded block as the per-page cache holds it: its {@link FastOp}s, how often the runner entered it, and once it
 * was entered often enough, its translation to JVM bytecode (shared by every block with the same instruction words;
 * see {@link org.polyvisor.isa.arm64.exec.jit}). The link to the translation goes with the block when a store into the
 * page drops it. Only the vCPU's own thread reads or writes the counter and the link.
 */
final class DecodedBlock {
    /** {@link #heat} of a block whose translation was tried and refused: it never reaches the threshold again. */
    static final int NEVER = Integer.MIN_VALUE;

    final FastOp[] ops;
    /** Entries counted towards the translation threshold. */
    int heat;
    /** The translation, or null while the block is interpreted. */
    TranslatedBlock translation;

    DecodedBlock(FastOp[] ops) { this.ops = ops; }

    /** The block's instruction words, in order: what its translation is keyed by. */
    int[] words() {
        int[] words = new int[ops.length];
        for (int k = 0; k < ops.length; k++) words[k] = ops[k].insn.raw;
        return words;
    }
}
