package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;

/** Branches: each returns {@link Step#JUMP} with the PC written, or {@link Step#NEXT} when not taken. */
final class Branches {
    private static final int LR = 30;

    private final Arm64State s;
    private final long[] x;

    Branches(Arm64State state) {
        this.s = state;
        this.x = state.x;
    }

    int b(Insn i) {
        s.pc += i.imm;
        return Step.JUMP;
    }

    int bl(Insn i) {
        x[LR] = s.pc + 4;
        s.pc += i.imm;
        return Step.JUMP;
    }

    int bCond(Insn i) { return s.holds(i.cond) ? b(i) : Step.NEXT; }

    int cbz(Insn i, boolean zero) {
        long value = i.sf ? x[i.rd] : x[i.rd] & Alu.W_MASK;
        return (value == 0) == zero ? b(i) : Step.NEXT;
    }

    int tbz(Insn i, boolean zero) {
        boolean clear = (x[i.rd] & (1L << i.aux)) == 0;
        return clear == zero ? b(i) : Step.NEXT;
    }

    /** BR, RET: to the register's value. */
    int br(Insn i) {
        s.pc = x[i.rn];
        return Step.JUMP;
    }

    /** BLR: reads the target before writing X30, so BLR X30 works. */
    int blr(Insn i) {
        long target = x[i.rn];
        x[LR] = s.pc + 4;
        s.pc = target;
        return Step.JUMP;
    }
}
