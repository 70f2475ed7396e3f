package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpFormats;

/**
 * M9 stfsz.sthint [r3]=f2 and M10 [r3]=f2,imm9 (SDM rev 2.3 vol 3 stf): s, d, 8, e (10 bytes) and stf.spill (16
 * bytes, the register image, NaTVal included). Storing NaTVal in any other form, or through a NaT address, is a
 * Register NaT Consumption fault. The 10- and 16-byte forms are two accesses, the upper part first.
 */
public final class FpStore extends FpInsn {
    private final FpLoad.Size size;
    private final boolean increment;
    private final int f2, r3, hint;
    private final long imm9;

    public FpStore(long bits, FpLoad.Size size, boolean increment) {
        super(bits);
        this.size = size;
        this.increment = increment;
        f2 = Fields.u(bits, 13, 7);
        r3 = Fields.r3(bits);
        hint = Fields.u(bits, 28, 2);
        imm9 = Fields.imm9Store(bits);
        uses(f2);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        long base = c.gr(r3);
        if (c.nat(r3) || (size != FpLoad.Size.FILL && natVal(c, f2))) return c.natConsumption(CpuState.ISR_W, text(c.ip));
        int se = se(c, f2);
        long sig = sig(c, f2);
        flow = switch (size) {
            case S -> c.memory.store(base, 4, FpFormats.toSingle(se, sig) & 0xffff_ffffL);
            case D -> c.memory.store(base, 8, FpFormats.toDouble(se, sig));
            case EIGHT -> c.memory.store(base, 8, sig);
            case E -> upperThenLower(c, base, 2, FpFormats.extendedSignExp(se), sig);
            case FILL -> upperThenLower(c, base, 8, FpFormats.spillHigh(se), sig);
        };
        if (flow == Flow.FAULT || flow == Flow.INTERRUPT) return flow;
        if (increment) c.setGr(r3, base + imm9);
        return flow;
    }

    private static int upperThenLower(CpuState c, long base, int upperBytes, long upper, long sig) {
        int flow = c.memory.store(base + 8, upperBytes, upper);
        if (flow != Flow.NEXT) return flow;
        return c.memory.store(base, 8, sig);
    }

    @Override
    public String text(long ip) {
        String s = (size == FpLoad.Size.FILL ? "stf.spill" : "stf" + size.text) + (hint == 3 ? ".nta" : "") + " [" + gr(r3) + "]=" + fr(f2);
        return increment ? s + "," + imm9 : s;
    }
}
