package org.polyvisor.isa.arm64.exec;

import org.polyvisor.isa.arm64.decode.Reg;

/**
 * The architectural state the interpreter works on: the register file indexed as {@link Reg} says, the PC and
 * PSTATE's fields. Plain fields, so the hot path reads them without calls.
 */
public final class Arm64State {
    /** PSTATE.M for EL1 using SP_EL1 ("EL1h"), as SPSR encodes it. */
    public static final int MODE_EL1H = 0b0101;
    /** DAIF all set, in SPSR bit positions 9:6. */
    public static final int DAIF_ALL = 0xF << 6;

    /** X0-X30 at 0-30, zero at {@link Reg#ZR}, SP at {@link Reg#SP}, write sink at {@link Reg#SINK}. */
    public final long[] x = new long[Reg.FILE_SIZE];
    public long pc;
    public boolean n, z, c, v;
    /** D, A, I, F mask bits in SPSR positions (bits 9:6). Reset: all masked. */
    public int daif = DAIF_ALL;
    /** PSTATE.M[3:0]: exception level in bits 3:2, SP selection in bit 0. Reset: EL1h, the highest level modelled. */
    public int mode = MODE_EL1H;

    public int el() { return mode >>> 2; }

    /** PSTATE in SPSR_ELx layout (NZCV in 31:28, DAIF in 9:6, M in 3:0), which is how gdb shows {@code cpsr}. */
    public long pstate() {
        return (n ? 1L << 31 : 0) | (z ? 1L << 30 : 0) | (c ? 1L << 29 : 0) | (v ? 1L << 28 : 0) | daif | mode;
    }

    public void setPstate(long value) {
        n = (value & (1L << 31)) != 0;
        z = (value & (1L << 30)) != 0;
        c = (value & (1L << 29)) != 0;
        v = (value & (1L << 28)) != 0;
        daif = (int) value & DAIF_ALL;
        mode = (int) value & 0xF;
    }

    /** NZCV as the 4-bit value CCMP's immediate uses. */
    public void setNzcv(int nzcv) {
        n = (nzcv & 8) != 0;
        z = (nzcv & 4) != 0;
        c = (nzcv & 2) != 0;
        v = (nzcv & 1) != 0;
    }

    /** ConditionHolds() of the Arm ARM (J1, shared/functions/system). */
    public boolean holds(int cond) {
        boolean result = switch (cond >>> 1) {
            case 0 -> z;
            case 1 -> c;
            case 2 -> n;
            case 3 -> v;
            case 4 -> c && !z;
            case 5 -> n == v;
            case 6 -> n == v && !z;
            default -> true;
        };
        return (cond & 1) != 0 && cond != 0xF ? !result : result;
    }
}
