package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.DataMemory;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * The semaphore instructions (SDM rev 2.3 vol 3; vol 1 4.4.7 "Memory Access Ordering"): M16
 * cmpxchg1/2/4/8.acq/.rel r1=[r3],r2,ar.ccv (store r2 if the zero-extended value equals ar.ccv; r1 = the
 * value found), xchg1/2/4/8 r1=[r3],r2, and M17 fetchadd4/8.acq/.rel r1=[r3],inc3 (inc3 one of +-1, 4, 8, 16).
 * All are atomic across vCPUs (GuestMemory.compareAndExchange, a full fence, which covers .acq and .rel).
 */
public final class Atomic extends Insn {
    public enum Kind { CMPXCHG_ACQ, CMPXCHG_REL, XCHG, FETCHADD_ACQ, FETCHADD_REL }

    private static final int[] INC = {16, 8, 4, 1};
    private static final int AR_CCV = 32;

    private final Kind kind;
    private final int size, r1, r2, r3, hint;
    private final long inc;

    public Atomic(long bits, Kind kind, int size) {
        super(bits);
        this.kind = kind;
        this.size = size;
        r1 = Fields.r1(bits);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        hint = Fields.u(bits, 28, 2);
        long m = INC[Fields.u(bits, 13, 2)];
        inc = (bits >>> 15 & 1) != 0 ? -m : m;
    }

    @Override
    public int execute(CpuState c) {
        long mask = size == 8 ? -1L : (1L << 8 * size) - 1;
        // A NaT address, or a NaT value to store, is a Register NaT Consumption fault (vol 3 cmpxchg, xchg, fetchadd).
        boolean storesR2 = kind != Kind.FETCHADD_ACQ && kind != Kind.FETCHADD_REL;
        if (c.nat(r3) || (storesR2 && c.nat(r2))) return c.natConsumption(CpuState.ISR_R | CpuState.ISR_W, text(0));
        return switch (kind) {
            case CMPXCHG_ACQ, CMPXCHG_REL -> c.memory.atomic(c.gr(r3), size, DataMemory.CMPXCHG, c.ar[AR_CCV] & mask, c.gr(r2), r1);
            case XCHG -> c.memory.atomic(c.gr(r3), size, DataMemory.XCHG, 0, c.gr(r2), r1);
            case FETCHADD_ACQ, FETCHADD_REL -> c.memory.atomic(c.gr(r3), size, DataMemory.FETCHADD, 0, inc, r1);
        };
    }

    @Override
    public String text(long ip) {
        String h = switch (hint) { case 1 -> ".nt1"; case 3 -> ".nta"; default -> ""; };
        String a = "=[" + gr(r3) + "],";
        return switch (kind) {
            case CMPXCHG_ACQ -> "cmpxchg" + size + ".acq" + h + " " + gr(r1) + a + gr(r2) + ",ar.ccv";
            case CMPXCHG_REL -> "cmpxchg" + size + ".rel" + h + " " + gr(r1) + a + gr(r2) + ",ar.ccv";
            case XCHG -> "xchg" + size + h + " " + gr(r1) + a + gr(r2);
            case FETCHADD_ACQ -> "fetchadd" + size + ".acq" + h + " " + gr(r1) + a + inc;
            case FETCHADD_REL -> "fetchadd" + size + ".rel" + h + " " + gr(r1) + a + inc;
        };
    }
}
