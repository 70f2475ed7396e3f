package org.polyvisor.isa.ppc.exec;

import java.lang.foreign.MemorySegment;
import java.util.Arrays;

import org.polyvisor.isa.ppc.decode.DecodeTable;
import org.polyvisor.isa.ppc.decode.Insn;
import org.polyvisor.isa.ppc.decode.Op;
import org.polyvisor.isa.ppc.decode.Unit;
import org.polyvisor.isa.ppc.exec.jit.TranslatedBlock;
import org.polyvisor.spi.GuestMemory;

/**
 * A block: the straight-line instructions from one address up to and including the first that changes the flow for
 * good or the machine state (a branch other than a conditional bc, or a system instruction other than the LR/CTR
 * moves), never past the end of its 4 KiB page and at most {@link #MAX_LENGTH} long; it also ends before an undefined encoding, which the fetch of
 * that address then reports. Decoded once, each instruction also packed with its {@link BlockOps} code, and cached
 * in the decoded-page slot of its first instruction; immutable. A conditional bc is a side exit: the block is left
 * there when it is taken and goes on after it when it is not, so a loop's forward tests do not end its block.
 * <p>A block is position independent: its branch targets are computed from the address it runs at, so it is cached
 * by guest-physical page and serves every virtual mapping of that page.
 */
final class Block {
    /** The longest block, in instructions. */
    static final int MAX_LENGTH = 64;
    /** How far before a written byte a block that covers it can start: (MAX_LENGTH - 1) instructions. */
    static final int LOOK_BEHIND = (MAX_LENGTH - 1) * 4;
    private static final int SLOTS = GuestMemory.PAGE_SIZE / 4;

    /** The decoded instructions, for the units. */
    final Insn[] insns;
    /** The same instructions packed ({@link BlockOps}), for the run loop. */
    final long[] ops;
    final int length;
    /** The translating tier's code for this block once it is hot (exec.jit), and the entries counted until then. */
    TranslatedBlock translation;
    int heat;

    private Block(Insn[] insns, long[] ops) {
        this.insns = insns;
        this.ops = ops;
        this.length = insns.length;
    }

    /**
     * Decodes the block that starts at word {@code slot} of {@code page}; null when its first word is undefined
     * (the caller raises the illegal instruction program exception for it).
     */
    static Block decode(DecodeTable decoder, MemorySegment page, int slot) {
        int max = Math.min(MAX_LENGTH, SLOTS - slot);
        Insn[] insns = new Insn[max];
        int n = 0;
        while (n < max) {
            Insn in = decoder.decode(DataBus.word(page, (slot + n) << 2));
            if (in == null) break;
            insns[n++] = in;
            if (endsBlock(in)) break;
        }
        if (n == 0) return null;
        Insn[] exact = Arrays.copyOf(insns, n);
        long[] ops = new long[n];
        for (int k = 0; k < n; k++) ops[k] = BlockOps.pack(exact[k]);
        for (int k = 0; k + 1 < n; k++) ops[k] = BlockOps.fuse(ops[k], ops[k + 1]);
        return new Block(exact, ops);
    }

    /** The block's instruction words (the translation's key). */
    int[] words() {
        int[] w = new int[length];
        for (int k = 0; k < length; k++) w[k] = insns[k].word;
        return w;
    }

    /**
     * Branches end a block, except a conditional bc, which leaves it when taken and goes on in it when not (a side
     * exit); so do system instructions, whose effects the run loop looks at before going on.
     */
    private static boolean endsBlock(Insn in) {
        if (in.op == Op.BC) return (in.rt & 0x14) == 0x14;          // BO "branch always"
        return in.unit == Unit.BRANCH || in.unit == Unit.SYSTEM && BlockOps.generic(BlockOps.pack(in));
    }
}
