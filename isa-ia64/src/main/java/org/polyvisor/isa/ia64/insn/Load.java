package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;

/**
 * M1 ld1/2/4/8 r1=[r3], M2 r1=[r3],r2 and M3 r1=[r3],imm9 (post-increment), zero-extending, in the load types
 * (SDM rev 2.3 vol 3 "ld"): normal, .acq and .bias (ordering and cache hints: plain loads here, where every
 * access is in program order), .a (advanced: allocates an ALAT entry), .c.clr / .c.nc / .c.clr.acq (check loads:
 * no access when the ALAT still holds the register's entry; .clr removes it, .nc on a miss allocates one),
 * .s and .sa (control speculative, vol 1 4.4.4: a load that would fault sets the target's NaT bit instead, as
 * does a NaT address; this implementation always defers, which vol 2 part I 5.5.5 allows as spontaneous
 * deferral; a device (MMIO) load is still performed), and ld8.fill (the NaT bit from ar.unat at address bits 8:3).
 * A NaT address register in the other types is a Register NaT Consumption fault.
 */
public final class Load extends Insn {
    public enum Increment { NONE, REGISTER, IMMEDIATE }

    public enum Type {
        NORMAL(""), ACQ(".acq"), BIAS(".bias"), ADVANCED(".a"), CHECK_CLR(".c.clr"), CHECK_NC(".c.nc"), CHECK_CLR_ACQ(".c.clr.acq"),
        SPECULATIVE(".s"), SPECULATIVE_ADVANCED(".sa"), FILL(".fill");

        final String suffix;

        Type(String suffix) { this.suffix = suffix; }
    }

    static final int AR_UNAT = 36;
    private final int size, r1, r2, r3, hint;
    private final Increment inc;
    private final Type type;
    private final long imm9;

    public Load(long bits, int size, Increment inc) {
        this(bits, size, inc, Type.NORMAL);
    }

    public Load(long bits, int size, Increment inc, Type type) {
        super(bits);
        this.size = size;
        this.inc = inc;
        this.type = type;
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
        boolean speculative = type == Type.SPECULATIVE || type == Type.SPECULATIVE_ADVANCED;
        if (c.nat(r3) && !speculative) return c.natConsumption(CpuState.ISR_R, "ld" + size + type.suffix + " address r" + r3);
        int flow;
        switch (type) {
            case SPECULATIVE, SPECULATIVE_ADVANCED -> {
                flow = c.nat(r3) ? Flow.FAULT : c.memory.load(base, size, r1);
                if (flow == Flow.FAULT || flow == Flow.INTERRUPT) {
                    c.setGr(r1, 0, true); // deferred: NaT, and ld.sa leaves no ALAT entry
                    if (type == Type.SPECULATIVE_ADVANCED) c.alat.invalidateRegister(c.grIndex(r1));
                    flow = Flow.NEXT;
                } else if (flow == Flow.NEXT && type == Type.SPECULATIVE_ADVANCED) allocate(c, base);
            }
            case FILL -> {
                flow = c.memory.load(base, size, r1);
                if (flow == Flow.NEXT) c.setGr(r1, c.gr(r1), (c.ar[AR_UNAT] >>> ((base >>> 3) & 0x3f) & 1) != 0);
            }
            case CHECK_CLR, CHECK_NC, CHECK_CLR_ACQ -> {
                if (c.alat.check(c.grIndex(r1), type != Type.CHECK_NC)) flow = Flow.NEXT;
                else {
                    flow = c.memory.load(base, size, r1);
                    if (flow == Flow.NEXT && type == Type.CHECK_NC) allocate(c, base);
                }
            }
            case ADVANCED -> {
                flow = c.memory.load(base, size, r1);
                if (flow == Flow.NEXT) allocate(c, base);
                else if (flow != Flow.EXIT_AFTER) c.alat.invalidateRegister(c.grIndex(r1));
            }
            default -> flow = c.memory.load(base, size, r1);
        }
        if (flow == Flow.FAULT || flow == Flow.INTERRUPT) return flow;
        if (inc != Increment.NONE) c.setGr(r3, base + step, c.nat(r3) | (inc == Increment.REGISTER && c.nat(r2)));
        return flow;
    }

    private void allocate(CpuState c, long va) {
        long gpa = c.memory.physical(va);
        if (gpa >= 0) c.alat.allocate(c.grIndex(r1), gpa, size);
    }

    @Override
    public String text(long ip) {
        String h = switch (hint) { case 1 -> ".nt1"; case 3 -> ".nta"; default -> ""; };
        String s = "ld" + size + type.suffix + h + " " + gr(r1) + "=[" + gr(r3) + "]";
        return switch (inc) {
            case NONE -> s;
            case REGISTER -> s + "," + gr(r2);
            case IMMEDIATE -> s + "," + imm9;
        };
    }
}
