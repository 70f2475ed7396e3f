package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.cpu.RegisterStack;
import org.polyvisor.isa.ia64.trap.Vector;
import org.polyvisor.isa.ia64.fp.FpStatus;

/**
 * M29 mov.m ar3=r2, M30 mov.m ar3=imm8, M31 mov.m r1=ar3 for the M-unit application registers this backend
 * names (SDM rev 2.3 vol 1, 3.1.8): k0-k7, rsc, bsp, bspstore, rnat, ccv, unat, fpsr, itc (the domain's
 * virtual nanoseconds; written only at privilege level 0, as PSR.si is not modelled). ar.bsp is read-only;
 * ar.bspstore and ar.rnat are written only in enforced lazy mode; the kernel registers k0-k7 are written only
 * at privilege level 0; ar.rsc.pl never goes below the current privilege level (vol 2, 6.2).
 */
public final class MoveArM extends Insn {
    public enum Kind { TO_AR, TO_AR_IMM, FROM_AR }

    private static final int AR_CCV = 32, AR_UNAT = 36, AR_FPSR = 40, AR_ITC = 44;
    /** ar.rsc fields mode (0-1), pl (2-3), be (4) and loadrs (16-29); the rest is reserved. */
    private static final long RSC_MASK = 0x1fL | 0x3fffL << 16;

    private final Kind kind;
    private final int ar, r1, r2;
    private final long imm8;

    public MoveArM(long bits, Kind kind) {
        super(bits);
        this.kind = kind;
        ar = Fields.r3(bits);
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        imm8 = Fields.imm8(bits);
    }

    public static boolean known(int ar) {
        return ar < 8 || (ar >= RegisterStack.AR_RSC && ar <= RegisterStack.AR_RNAT) || ar == AR_CCV || ar == AR_UNAT || ar == AR_FPSR
                || ar == AR_ITC;
    }

    static String name(int ar) {
        return switch (ar) {
            case RegisterStack.AR_RSC -> "ar.rsc";
            case RegisterStack.AR_BSP -> "ar.bsp";
            case RegisterStack.AR_BSPSTORE -> "ar.bspstore";
            case RegisterStack.AR_RNAT -> "ar.rnat";
            case AR_CCV -> "ar.ccv";
            case AR_UNAT -> "ar.unat";
            case AR_FPSR -> "ar.fpsr";
            case AR_ITC -> "ar.itc";
            default -> "ar.k" + ar;
        };
    }

    @Override
    public int execute(CpuState c) {
        if (kind == Kind.FROM_AR) {
            c.setGr(r1, ar == AR_ITC ? c.itc() : c.ar[ar]);
            return Flow.NEXT;
        }
        if (kind == Kind.TO_AR && c.nat(r2)) return c.natConsumption(0, text(0)); // vol 3 mov ar: NaT source
        long v = kind == Kind.TO_AR ? c.gr(r2) : imm8;
        boolean lazy = (c.ar[RegisterStack.AR_RSC] & 3) == 0;
        switch (ar) {
            case RegisterStack.AR_BSP -> { return illegal(c); }
            case AR_ITC -> {
                if (c.cpl != 0)
                    return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_REGISTER, "privileged register: mov to ar.itc at cpl " + c.cpl);
                c.itcOffset = v - c.clock.nanos();
            }
            case RegisterStack.AR_BSPSTORE -> { if (!lazy) return illegal(c); c.rse.writeBspstore(v); }
            case RegisterStack.AR_RNAT -> { if (!lazy) return illegal(c); c.ar[ar] = v; }
            case AR_FPSR -> {
                // bits 58-63 are reserved (vol 1 5.2): a write of ones there is a Reserved Register/Field fault
                if ((v & FpStatus.RESERVED) != 0)
                    return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_RESERVED_REGISTER_FIELD,
                            "reserved register field: mov to ar.fpsr 0x" + Long.toHexString(v));
                c.ar[ar] = v;
            }
            case RegisterStack.AR_RSC -> {
                long pl = Math.max(v >>> 2 & 3, c.cpl);
                c.ar[ar] = (v & RSC_MASK & ~0xcL) | pl << 2;
            }
            default -> {
                if (ar < 8 && c.cpl != 0)
                    return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_PRIVILEGED_REGISTER, "privileged register: mov to " + name(ar) + " at cpl " + c.cpl);
                c.ar[ar] = v;
            }
        }
        return Flow.NEXT;
    }

    private int illegal(CpuState c) {
        return c.raise(Vector.GENERAL_EXCEPTION, Vector.GE_ILLEGAL_OPERATION,
                "illegal operation: mov to " + name(ar) + " with ar.rsc 0x" + Long.toHexString(c.ar[RegisterStack.AR_RSC]));
    }

    @Override
    public String text(long ip) {
        return switch (kind) {
            case TO_AR -> "mov.m " + name(ar) + "=" + gr(r2);
            case TO_AR_IMM -> "mov.m " + name(ar) + "=" + imm8;
            case FROM_AR -> "mov.m " + gr(r1) + "=" + name(ar);
        };
    }
}
