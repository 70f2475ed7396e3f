package org.polyvisor.isa.ia64.insn;

import org.polyvisor.isa.ia64.cpu.CpuState;
import org.polyvisor.isa.ia64.cpu.Flow;
import org.polyvisor.isa.ia64.trap.BreakPolicy;

/** nop.m/i/b/f/x and break.m/i/b/f/x (M37/M48, I19/I18, B9, F15/F16, X1/X5). A break goes to {@link BreakPolicy}. */
public final class NopBreak extends Insn {
    private final char unit;
    private final boolean isBreak;
    private final long imm;
    private final int width;

    public NopBreak(long bits, char unit, boolean isBreak, long imm, int width) {
        super(bits);
        this.unit = unit;
        this.isBreak = isBreak;
        this.imm = imm;
        this.width = width;
    }

    /** For the M, I, B and F units: imm21 = i[36] : imm20a[6..25]. */
    public static NopBreak of(long bits, char unit, boolean isBreak) {
        return new NopBreak(bits, unit, isBreak, Fields.imm21(bits), 1);
    }

    /** For the X unit: imm62 = imm41[L] : i[X36] : imm20a[X6..25], the order GNU as and objdump use. */
    public static NopBreak x(long x, long l, boolean isBreak) {
        return new NopBreak(x, 'x', isBreak, l << 21 | Fields.imm21(x), 2);
    }

    @Override
    public int width() { return width; }

    @Override
    public int execute(CpuState c) {
        return isBreak ? BreakPolicy.onBreak(c, imm) : Flow.NEXT;
    }

    @Override
    public String text(long ip) {
        return (isBreak ? "break." : "nop.") + unit + " " + hex(imm);
    }
}
