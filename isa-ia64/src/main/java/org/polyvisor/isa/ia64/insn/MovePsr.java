package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.Vector;

/**
 * The PSR instructions (SDM rev 2.3 vol 3; PSR layout vol 2 part I 3.3.2): M44 ssm / rsm (system mask, bits
 * 0-23, privileged) and sum / rum (user mask, bits 1-5), M35 mov psr.l=r2 (bits 0-31, privileged) and
 * mov psr.um=r2, M36 mov r1=psr (bits 0-31 and 35-36, privileged) and mov r1=psr.um (bits 0-5).
 * imm24 of M44 is i[36] : i2d[31..32] : imm21a[6..26].
 */
public final class MovePsr extends Insn {
    public enum Kind { SSM, RSM, SUM, RUM, TO_PSR_L, TO_PSR_UM, FROM_PSR, FROM_PSR_UM }

    private static final long USER_MASK = 0x3eL;

    private final Kind kind;
    private final int r1, r2;
    private final long imm24;

    public MovePsr(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        imm24 = Fields.u(bits, 6, 21) | (long) Fields.u(bits, 31, 2) << 21 | (bits >>> 36 & 1) << 23;
    }

    @Override
    public int execute(CpuState c) {
        boolean privileged = kind == Kind.SSM || kind == Kind.RSM || kind == Kind.TO_PSR_L || kind == Kind.FROM_PSR;
        if (privileged && c.cpl != 0)
            return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_OPERATION, "privileged operation: " + text(0) + " at cpl " + c.cpl);
        if ((kind == Kind.TO_PSR_L || kind == Kind.TO_PSR_UM) && c.nat(r2)) return c.natConsumption(0, text(0)); // vol 3 mov psr
        switch (kind) {
            case SSM -> c.setPsr(c.psr | imm24);
            case RSM -> c.setPsr(c.psr & ~imm24);
            case SUM -> c.setPsr(c.psr | (imm24 & USER_MASK));
            case RUM -> c.setPsr(c.psr & ~(imm24 & USER_MASK));
            case TO_PSR_L -> c.setPsr((c.psr & ~0xffff_ffffL) | (c.gr(r2) & 0xffff_ffffL));
            case TO_PSR_UM -> c.setPsr((c.psr & ~USER_MASK) | (c.gr(r2) & USER_MASK));
            case FROM_PSR -> c.setGr(r1, c.fullPsr() & (0xffff_ffffL | 3L << 35));
            case FROM_PSR_UM -> c.setGr(r1, c.psr & 0x3f);
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case SSM -> "ssm " + hex(imm24);
            case RSM -> "rsm " + hex(imm24);
            case SUM -> "sum " + hex(imm24);
            case RUM -> "rum " + hex(imm24);
            case TO_PSR_L -> "mov psr.l=" + gr(r2);
            case TO_PSR_UM -> "mov psr.um=" + gr(r2);
            case FROM_PSR -> "mov " + gr(r1) + "=psr";
            case FROM_PSR_UM -> "mov " + gr(r1) + "=psr.um";
        };
    }
}
