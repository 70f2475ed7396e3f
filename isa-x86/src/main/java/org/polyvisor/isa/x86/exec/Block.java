package org.polyvisor.isa.x86.exec;

import org.polyvisor.isa.x86.decode.Decoder;
import org.polyvisor.isa.x86.decode.Insn;

/**
 * A straight-line run of fast-path instructions ({@link FastPath#classify} is not {@link FastPath#GENERAL}) that
 * starts at one instruction and ends with the first control transfer (Jcc, JMP, CALL, RET), before an instruction
 * the fast path does not handle, or where the limits below stop it. {@link FastPath#run} executes its instructions
 * from this array, prepared as {@link Uop}s, without looking each one up in the page's decoded slots, and always
 * whole: a budget that ends inside a block runs its instructions one at a time through the interpreter.
 * <p>A block lives in the decoded-instruction slot of its first instruction (in place of that instruction, which is
 * {@code uops[0].insn}), so everything that drops decoded code drops blocks too. Its bytes all lie within
 * {@link #MAX_BYTES} of its start and on one page, away from the page's last {@link Decoder#MAX_LENGTH} bytes; a
 * store into code clears the slots up to {@code MAX_BYTES - 1} bytes before it ({@link Bus}), which takes every
 * block that covers the stored bytes. A block that stores into code stops after that instruction
 * ({@link Bus#codeWrites}), so self-modifying code sees its new instructions at once.
 */
final class Block {
    /** The most bytes from a block's first byte to its last. */
    static final int MAX_BYTES = 64;
    /** The most instructions in a block. */
    static final int MAX_INSNS = 24;
    /** Blocks end before an instruction that starts this close to the end of its page (it may cross into the next). */
    static final int PAGE_TAIL = 4096 - Decoder.MAX_LENGTH;

    /**
     * The prepared instructions, held as Object so that {@link FastPath#run} casts each one in the case that reads
     * it: the JIT then loads its fields there. Through one typed reference it would load every field that two
     * cases share before the switch (the latest place that serves both), for every instruction.
     */
    final Object[] uops;
    /** Per prepared instruction: its handler ({@link Uop#kind}), read before the dispatch. */
    final int[] kinds;
    /** How many guest instructions the block holds (a fused compare and Jcc are two). */
    final int insns;
    /** The offset of the instruction after the block's last one. */
    final int bytes;
    /** True when the last instruction transfers control: its handler gives the next instruction's address. */
    final boolean transfers;

    /**
     * The block of the first {@code count} instructions of {@code insns}, decoded in 64-bit mode or not; a compare
     * and the Jcc that ends the block become one {@link Uop} where {@link Uop#fused} allows.
     */
    Block(Insn[] insns, int count, boolean longMode) {
        int total = 0;
        for (int i = 0; i < count; i++) total += insns[i].length;
        int lastAt = total - insns[count - 1].length;
        Uop last = count >= 2 ? Uop.fused(insns[count - 2], insns[count - 1], longMode,
                lastAt - insns[count - 2].length, count - 2) : null;
        int n = last == null ? count : count - 1;
        uops = new Object[n];
        kinds = new int[n];
        int at = 0;
        for (int i = 0; i < n; i++) {
            Uop u = i == n - 1 && last != null ? last : Uop.of(insns[i], longMode, at, i);
            uops[i] = u;
            kinds[i] = u.kind;
            at += insns[i].length;
        }
        this.insns = count;
        this.bytes = total;
        this.transfers = endsAfter(insns[count - 1]);
    }

    /** The instruction a decoded slot holds: the slot's instruction, or a block's first one. */
    static Insn first(Object slot) { return slot instanceof Block b ? ((Uop) b.uops[0]).insn : (Insn) slot; }

    /** True when a block ends after {@code in}: it transfers control. */
    static boolean endsAfter(Insn in) {
        int k = in.fast;
        return k == FastPath.JCC || k == FastPath.JMP || k == FastPath.CALL || k == FastPath.RET;
    }
}
