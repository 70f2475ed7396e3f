package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/** A4 adds (imm14) and A5 addl (imm22, r3 in r0..r3): r1 = imm + r3. objdump shows the "mov" aliases. */
public final class AddImm extends Insn {
    private final int r1, r3;
    private final long imm;
    private final boolean addl;

    private AddImm(long bits, boolean addl) {
        super(bits);
        this.addl = addl;
        this.r1 = Fields.r1(bits);
        this.r3 = addl ? Fields.u(bits, 20, 2) : Fields.r3(bits);
        this.imm = addl ? Fields.imm22(bits) : Fields.imm14(bits);
    }

    public static AddImm adds(long bits) { return new AddImm(bits, false); }

    public static AddImm addl(long bits) { return new AddImm(bits, true); }

    @Override
    public int execute(CpuState c) {
        c.setGr(r1, imm + c.gr(r3), c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        if (addl) return r3 == 0 ? "mov " + gr(r1) + "=" + imm : "addl " + gr(r1) + "=" + imm + "," + gr(r3);
        return imm == 0 ? "mov " + gr(r1) + "=" + gr(r3) : "adds " + gr(r1) + "=" + imm + "," + gr(r3);
    }
}
