package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** M1 ld1/2/4/8 r1=[r3], M2 r1=[r3],r2 and M3 r1=[r3],imm9 (post-increment), normal type, zero-extending. */
public final class Load extends Insn {
    public enum Increment { NONE, REGISTER, IMMEDIATE }

    private final int size, r1, r2, r3, hint;
    private final Increment inc;
    private final long imm9;

    public Load(long bits, int size, Increment inc) {
        super(bits);
        this.size = size;
        this.inc = inc;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        hint = Fields.u(bits, 28, 2);
        imm9 = Fields.imm9Load(bits);
    }

    @Override
    public int execute(CpuState c) {
        long base = c.gr(r3);
        long step = inc == Increment.REGISTER ? c.gr(r2) : imm9;
        int flow = c.memory.load(base, size, r1);
        if (flow == Flow.FAULT) return flow;
        if (inc != Increment.NONE) c.setGr(r3, base + step);
        return flow;
    }

    @Override
    public String text(long ip) {
        String h = switch (hint) { case 1 -> ".nt1"; case 3 -> ".nta"; default -> ""; };
        String s = "ld" + size + h + " " + gr(r1) + "=[" + gr(r3) + "]";
        return switch (inc) {
            case NONE -> s;
            case REGISTER -> s + "," + gr(r2);
            case IMMEDIATE -> s + "," + imm9;
        };
    }
}
