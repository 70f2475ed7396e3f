package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.fp.FpArith;
import org.polyvisor.isa.ia64.fp.FpFormats;

/**
 * M6 ldfsz.ldtype.ldhint f1=[r3], M7 f1=[r3],r2, M8 f1=[r3],imm9, and the pairs M11 ldfpsz f1,f2=[r3] and M12
 * f1,f2=[r3],8|16 (SDM rev 2.3 vol 3 ldf, ldfp): sizes s (single), d (double), 8 (integer), e (double-extended, 10
 * bytes), fill (the 16-byte spill form), converted by {@link FpFormats}. Types: normal, .s / .sa (a load that
 * would fault, or a NaT address, gives NaTVal: always deferred, as for ld.s), .a (allocates an ALAT entry), .c.clr /
 * .c.nc (no access while the ALAT holds the target's entry). A pair's targets must be one odd and one even
 * register (else an Illegal Operation fault); its implicit increment is 8 for ldfps and 16 otherwise.
 */
public final class FpLoad extends FpInsn {
    public enum Size { E(10, "e"), EIGHT(8, "8"), S(4, "s"), D(8, "d"), FILL(16, ".fill");

        final int bytes;
        final String text;

        Size(int bytes, String text) { this.bytes = bytes; this.text = text; }
    }

    public enum Type { NORMAL(""), SPECULATIVE(".s"), ADVANCED(".a"), SPECULATIVE_ADVANCED(".sa"), CHECK_CLR(".c.clr"), CHECK_NC(".c.nc");

        final String suffix;

        Type(String suffix) { this.suffix = suffix; }
    }

    /** The ALAT's tag space for FRs, above every GR index. */
    public static final int ALAT_FR = 4096;

    private final Size size;
    private final Type type;
    private final Load.Increment inc;
    private final boolean pair;
    private final int f1, f2, r2, r3, hint;
    private final long imm9;

    public FpLoad(long bits, Size size, Type type, Load.Increment inc, boolean pair) {
        super(bits);
        this.size = size;
        this.type = type;
        this.inc = inc;
        this.pair = pair;
        f1 = Fields.u(bits, 6, 7);
        f2 = Fields.u(bits, 13, 7);
        r2 = Fields.r2(bits);
        r3 = Fields.r3(bits);
        hint = Fields.u(bits, 28, 2);
        imm9 = Fields.imm9Load(bits);
        if (pair) uses(f1, f2); else uses(f1);
    }

    @Override
    public int execute(CpuState c) {
        int flow = checkEnabled(c);
        if (flow != Flow.NEXT) return flow;
        if (f1 < 2 || (pair && (f2 < 2 || (f1 & 1) == (f2 & 1)))) return illegalTarget(c, f1 < 2 || !pair ? f1 : f2);
        boolean speculative = type == Type.SPECULATIVE || type == Type.SPECULATIVE_ADVANCED;
        long base = c.gr(r3);
        if (c.nat(r3) && !speculative) return c.natConsumption(CpuState.ISR_R, text(c.ip));
        int tag = ALAT_FR + c.frIndex(f1);
        boolean skip = (type == Type.CHECK_CLR || type == Type.CHECK_NC) && c.alat.check(tag, type == Type.CHECK_CLR);
        if (!skip) {
            flow = c.nat(r3) ? Flow.FAULT : pair ? loadPair(c, base) : loadOne(c, base, f1);
            if (flow != Flow.NEXT) {
                if (!speculative) return flow;
                c.exit = null;
                writeNatVal(c, f1);
                if (pair) writeNatVal(c, f2);
                c.alat.invalidateRegister(tag);
            } else if (type == Type.ADVANCED || type == Type.SPECULATIVE_ADVANCED || type == Type.CHECK_NC) {
                long gpa = c.memory.physical(base);
                if (gpa >= 0) c.alat.allocate(tag, gpa, pair ? 2 * size.bytes : size.bytes);
            }
        }
        if (inc != Load.Increment.NONE) {
            long step = inc == Load.Increment.REGISTER ? c.gr(r2) : pair ? (size == Size.S ? 8 : 16) : imm9;
            c.setGr(r3, base + step, c.nat(r3) | (inc == Load.Increment.REGISTER && c.nat(r2)));
        }
        return Flow.NEXT;
    }

    private int loadPair(CpuState c, long base) {
        int step = size == Size.S ? 4 : 8;
        // both halves are read before either register is written, so a fault on the second leaves f1 unchanged
        int flow = read(c, base);
        if (flow != Flow.NEXT) return flow;
        int se1 = c.loadedSe;
        long sig1 = c.loaded;
        flow = read(c, base + step);
        if (flow != Flow.NEXT) return flow;
        c.setFr(f1, se1, sig1);
        c.setFr(f2, c.loadedSe, c.loaded);
        return Flow.NEXT;
    }

    private int loadOne(CpuState c, long base, int f) {
        int flow = read(c, base);
        if (flow == Flow.NEXT) c.setFr(f, c.loadedSe, c.loaded);
        return flow;
    }

    /** Reads one value at {@code va} into its register image: c.loadedSe and c.loaded (the significand). */
    private int read(CpuState c, long va) {
        int flow;
        switch (size) {
            case S -> {
                flow = c.memory.loadValue(va, 4);
                if (flow != Flow.NEXT) return flow;
                int v = (int) c.loaded;
                c.loadedSe = FpFormats.singleSe(v);
                c.loaded = FpFormats.singleSig(v);
            }
            case D -> {
                flow = c.memory.loadValue(va, 8);
                if (flow != Flow.NEXT) return flow;
                c.loadedSe = FpFormats.doubleSe(c.loaded);
                c.loaded = FpFormats.doubleSig(c.loaded);
            }
            case EIGHT -> {
                flow = c.memory.loadValue(va, 8);
                if (flow != Flow.NEXT) return flow;
                c.loadedSe = FpArith.EXP_INTEGER;
            }
            case E, FILL -> {
                flow = c.memory.loadValue(va + 8, size == Size.E ? 2 : 8);
                if (flow != Flow.NEXT) return flow;
                int high = size == Size.E ? FpFormats.extendedSe((int) c.loaded) : FpFormats.fillSe(c.loaded);
                flow = c.memory.loadValue(va, 8);
                if (flow != Flow.NEXT) return flow;
                c.loadedSe = high;
            }
        }
        return Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        String h = switch (hint) { case 1 -> ".nt1"; case 3 -> ".nta"; default -> ""; };
        String m = (pair ? "ldfp" : "ldf") + size.text + type.suffix + h;
        String s = m + " " + fr(f1) + (pair ? "," + fr(f2) : "") + "=[" + gr(r3) + "]";
        if (pair) return inc == Load.Increment.NONE ? s : s + "," + (size == Size.S ? 8 : 16);
        return switch (inc) {
            case NONE -> s;
            case REGISTER -> s + "," + gr(r2);
            case IMMEDIATE -> s + "," + imm9;
        };
    }
}
