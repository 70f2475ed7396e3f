package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * 32-bit pointer arithmetic, SDM rev 2.3 vol 3 addp4, shladdp4: A1 addp4 r1=r2,r3, A4 addp4 r1=imm14,r3 and A2
 * shladdp4 r1=r2,count2,r3. The 32-bit sum is zero-extended and bits 31-30 of r3 go to bits 62-61 (the region).
 */
public final class AddPointer extends Insn {
    public enum Form { REGISTER, IMMEDIATE, SHIFT_LEFT }

    private final Form form;
    private final int r1, r2, r3, count;
    private final long imm;

    public AddPointer(long bits, Form form) {
        super(bits);
        this.form = form;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        count = Fields.u(bits, 27, 2) + 1;
        imm = Fields.imm14(bits);
    }

    @Override
    public int execute(CpuState c) {
        long b = c.gr(r3);
        long a = switch (form) { case REGISTER -> c.gr(r2); case IMMEDIATE -> imm; case SHIFT_LEFT -> c.gr(r2) << count; };
        long sum = (a + b) & 0xffff_ffffL | (b >>> 30 & 3) << 61;
        c.setGr(r1, sum, (form != Form.IMMEDIATE && c.nat(r2)) | c.nat(r3));
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (form) {
            case REGISTER -> "addp4 " + gr(r1) + "=" + gr(r2) + "," + gr(r3);
            case IMMEDIATE -> "addp4 " + gr(r1) + "=" + imm + "," + gr(r3);
            case SHIFT_LEFT -> "shladdp4 " + gr(r1) + "=" + gr(r2) + "," + count + "," + gr(r3);
        };
    }
}
