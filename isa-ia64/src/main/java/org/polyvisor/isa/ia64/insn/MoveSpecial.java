package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * I25 mov r1=ip and mov r1=pr, I24 mov pr.rot=imm44 (p16-p63 from sign-extend(s : imm27a) << 16, by logical
 * name), I23 mov pr=r2,mask17 (mask17 = sign-extend(s : mask8c : mask7a) << 1, so p0 is never written).
 */
public final class MoveSpecial extends Insn {
    public enum Kind { FROM_IP, FROM_PR, TO_PR, TO_PR_ROT }

    private final Kind kind;
    private final int r1, r2;
    private final long mask;

    public MoveSpecial(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        // The encoded 16 bits are s[36] : mask8c[24..31] : mask7a[6..12]; shifted left once they make the 17-bit mask.
        long mask16 = Fields.u(bits, 6, 7) | (long) Fields.u(bits, 24, 8) << 7 | (bits >>> 36 & 1) << 15;
        long imm44 = ((long) Fields.u(bits, 6, 27) << 16 | (bits >>> 36 & 1) << 43) << 20 >> 20;
        mask = kind == Kind.TO_PR_ROT ? imm44 : (mask16 << 48) >> 47;
    }

    @Override
    public int execute(CpuState c) {
        if (kind == Kind.TO_PR && c.nat(r2)) return c.natConsumption(0, text(0)); // vol 3 mov pr: NaT source
        switch (kind) {
            case FROM_IP -> c.setGr(r1, c.ip);
            case FROM_PR -> c.setGr(r1, c.pr);
            case TO_PR -> c.pr = (c.pr & ~mask) | (c.gr(r2) & mask) | 1;
            case TO_PR_ROT -> c.pr = (c.pr & 0xffffL) | (mask & ~0xffffL);
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case FROM_IP -> "mov " + gr(r1) + "=ip";
            case FROM_PR -> "mov " + gr(r1) + "=pr";
            case TO_PR -> "mov pr=" + gr(r2) + "," + hex(mask);
            case TO_PR_ROT -> "mov pr.rot=" + hex(mask);
        };
    }
}
