package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** A1 (register) and A3 (imm8) integer ALU: add, sub, and, andcm, or, xor, and the add ...,1 / sub ...,1 forms. */
public final class IntAlu extends Insn {
    public enum Op {
        ADD("add"), ADD1("add"), SUB("sub"), SUB1("sub"), AND("and"), ANDCM("andcm"), OR("or"), XOR("xor");

        final String mnemonic;

        Op(String mnemonic) { this.mnemonic = mnemonic; }

        long apply(long a, long b) {
            return switch (this) {
                case ADD -> a + b;
                case ADD1 -> a + b + 1;
                case SUB -> a - b;
                case SUB1 -> a - b - 1;
                case AND -> a & b;
                case ANDCM -> a & ~b;
                case OR -> a | b;
                case XOR -> a ^ b;
            };
        }
    }

    private final Op op;
    private final int r1, r2, r3;
    private final boolean immediate;
    private final long imm8;

    private IntAlu(long bits, Op op, boolean immediate) {
        super(bits);
        this.op = op;
        this.immediate = immediate;
        this.r1 = Fields.r1(bits);
        this.r2 = Fields.r2(bits);
        this.r3 = Fields.r3(bits);
        this.imm8 = Fields.imm8(bits);
    }

    public static IntAlu register(long bits, Op op) { return new IntAlu(bits, op, false); }

    public static IntAlu immediate(long bits, Op op) { return new IntAlu(bits, op, true); }

    @Override
    public int execute(CpuState c) {
        // The result's NaT bit is the OR of the sources' (SDM rev 2.3 vol 1 4.4.4; vol 3 add ... pseudo-code).
        c.setGr(r1, op.apply(immediate ? imm8 : c.gr(r2), c.gr(r3)), (!immediate && c.nat(r2)) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String a = immediate ? Long.toString(imm8) : gr(r2);
        String s = op.mnemonic + " " + gr(r1) + "=" + a + "," + gr(r3);
        return op == Op.ADD1 || op == Op.SUB1 ? s + ",1" : s;
    }
}
