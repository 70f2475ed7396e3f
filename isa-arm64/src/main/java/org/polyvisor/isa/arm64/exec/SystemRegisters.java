package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Insn;
import org.polyvisor.isa.arm64.decode.SysReg;

/**
 * MRS, MSR (register) and MSR (immediate) on the system registers of {@link SysReg}. The decoder has already
 * rejected unimplemented and read-only targets, so every access here is valid.
 */
final class SystemRegisters {
    private static final long NZCV_BITS = 0xFL << 28;
    private static final int DAIF_SHIFT = 6;

    private final Arm64State s;

    SystemRegisters(Arm64State state) { this.s = state; }

    void mrs(Insn i) {
        int id = i.aux;
        s.x[i.rd] = id == SysReg.NZCV ? s.pstate() & NZCV_BITS
                : id == SysReg.DAIF ? s.daif
                : (long) s.el() << 2;   // CurrentEL
    }

    void msr(Insn i) {
        long value = s.x[i.rd];
        if (i.aux == SysReg.NZCV) s.setNzcv((int) (value >>> 28) & 0xF);
        else s.daif = (int) value & Arm64State.DAIF_ALL;   // DAIF
    }

    /** MSR DAIFSet/DAIFClr, #imm: the immediate's four bits are D, A, I, F. */
    void msrImmediate(Insn i) {
        int bits = i.aux << DAIF_SHIFT;
        s.daif = i.shift == SysReg.DAIF_SET ? s.daif | bits : s.daif & ~bits;
    }
}
